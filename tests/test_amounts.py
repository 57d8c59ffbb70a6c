"""Amounts keep the span of time they were counted over, and print with thousands separators."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.cli import main
from graph.extract.rules.common import find_amounts
from graph.sparql.amounts import describe


@pytest.mark.parametrize(
    ("sentence", "since", "until", "year"),
    [
        ("青年党在2010年至2012年3月期间收取了约400万美元的过路费", 2010, "2012-03", None),
        ("该团伙 2016 年到 2019 年共获得 25万美元", 2016, "2019", None),
        ("2017年该组织从走私中获得80万美元", None, "", 2017),
        ("自2011年以来，该组织累计获得900万美元", 2011, "", None),
    ],
)
def test_an_amount_keeps_its_span_of_time(
    sentence: str, since: int | None, until: str, year: int | None
) -> None:
    (a,) = find_amounts(sentence)
    assert (a.since, a.until, a.year) == (since, until, year)


def test_a_month_that_is_no_month_keeps_only_the_year() -> None:
    (a,) = find_amounts("2010年至2012年13月收到5万美元")
    assert a.until == "2012"


def test_a_dossier_prints_the_value_with_separators_and_the_span() -> None:
    assert describe("400万美元", 4e6, 4e6, "USD", since="2010", until="2012-03") == (
        "400万美元 (4,000,000 USD, 2010 – 2012-03)"
    )
    assert (
        describe("1.2亿欧元", 1.2e8, 1.5e8, "EUR", period="year")
        == "1.2亿欧元 (120,000,000 – 150,000,000 EUR a year)"
    )


def test_a_span_reaches_the_graph_the_table_and_the_dossier(tmp_path: Path, capsys) -> None:
    from graph.pipeline import run_build

    (tmp_path / "docs").mkdir()
    text = "S/2099/7\n1. 据报，博科圣地在2010年至2012年3月期间从绑架勒索中获得了约400万美元。\n"
    (tmp_path / "docs" / "note.txt").write_text(text, encoding="utf-8")
    run_build([tmp_path / "docs"], tmp_path / "out", progress=lambda m: None)
    assert main(["query", "--out", str(tmp_path / "out"), "--name", "amounts"]) == 0
    table = capsys.readouterr().out
    assert "4,000,000" in table and "2010" in table and "2012-03" in table
    assert main(["show", "--out", str(tmp_path / "out"), "S/2099/7"]) == 0
    assert "(4,000,000 USD, 2010 – 2012-03)" in capsys.readouterr().out
