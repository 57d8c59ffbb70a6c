"""cues.toml is checked when it loads: a missing table or key, a wrong type or an unknown crime
type is one OntologyError naming the file and the key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.errors import OntologyError
from graph.resources import ontology_file
from graph.vocab import load

CUES = ontology_file("cues.toml").read_text(encoding="utf-8")


def load_edited(tmp_path: Path, old: str, new: str) -> None:
    """Load the vocabulary with ``old`` replaced by ``new`` (once) in a copy of cues.toml."""
    assert CUES.count(old) >= 1, old
    path = tmp_path / "cues.toml"
    path.write_text(CUES.replace(old, new, 1), encoding="utf-8")
    load(cues=str(path))


def table(name: str, nested: bool = False) -> str:
    """The text of ``[name]`` up to the next table header (with ``nested``: past its subtables)."""
    sub = rf"(?!{re.escape(name)}\.)" if nested else ""
    m = re.search(rf"^\[{re.escape(name)}\]\n.*?(?=^\[{sub}|\Z)", CUES, re.MULTILINE | re.DOTALL)
    assert m, name
    return m.group(0)


def test_the_shipped_cues_pass() -> None:
    assert load().cues["languages"]["suffixes"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("discovery", "cues.toml: no [discovery] table"),
        ("crime_lists", "cues.toml: no [crime_lists] table"),
        ("languages", "cues.toml: no [languages] table"),
        ("discovery.places", "cues.toml: [discovery] places: missing (a table)"),
        ("discovery.organizations", "cues.toml: [discovery] organizations: missing (a table)"),
        (
            "resolutions.sc_first_of_year",
            "cues.toml: [resolutions] sc_first_of_year: missing (a table of years → resolution numbers)",
        ),
    ],
)
def test_a_missing_table_is_a_load_error(tmp_path: Path, name: str, message: str) -> None:
    with pytest.raises(OntologyError, match=f"^{re.escape(message)}$"):
        load_edited(tmp_path, table(name, nested=True), "")


def test_a_missing_key_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(
        OntologyError, match=r"^cues.toml: \[languages\] words_after: missing \(a non-empty list of words\)$"
    ):
        load_edited(tmp_path, "words_after =", "words_after_ =")


def test_a_missing_key_of_a_nested_table_names_it(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match=r"^cues.toml: \[discovery.places\] directions: missing"):
        load_edited(tmp_path, "\ndirections =", "\ndirection =")


def test_a_wrong_type_is_a_load_error(tmp_path: Path) -> None:
    window = re.search(r"^window = .*$", CUES, re.MULTILINE)
    assert window
    with pytest.raises(OntologyError, match=r"^cues.toml: \[crime_objects\] window: an integer$"):
        load_edited(tmp_path, window.group(0), 'window = "8"')


def test_an_empty_word_list_is_a_load_error(tmp_path: Path) -> None:
    parts = re.search(r"^parts = \[.*?\]$", CUES, re.MULTILINE | re.DOTALL)
    assert parts
    with pytest.raises(
        OntologyError, match=r"^cues.toml: \[shared_heads\] parts: a non-empty list of words$"
    ):
        load_edited(tmp_path, parts.group(0), "parts = []")


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("crime_lists.objects", "[crime_lists] objects"),
        ("crime_objects.objects", "[crime_objects] objects"),
        ("crime_phrases", "[crime_phrases]"),
    ],
)
def test_an_unknown_crime_type_is_a_load_error(tmp_path: Path, name: str, where: str) -> None:
    body = table(name)
    first = re.search(r'= "([^"]+)"', body)
    assert first
    edited = body.replace(first.group(0), '= "走私独角兽"', 1)
    with pytest.raises(
        OntologyError,
        match=rf"^cues.toml: {re.escape(where)}: '走私独角兽' is not a crime type of the vocabulary$",
    ):
        load_edited(tmp_path, body, edited)


def test_a_missing_key_of_the_organization_table_names_it(tmp_path: Path) -> None:
    with pytest.raises(
        OntologyError,
        match=r"^cues.toml: \[discovery.organizations\] force_heads: missing \(a non-empty list",
    ):
        load_edited(tmp_path, "\nforce_heads =", "\nforce_head =")


def test_an_unknown_key_of_a_closed_table_is_a_load_error(tmp_path: Path) -> None:
    body = table("discovery.organizations")
    with pytest.raises(
        OntologyError, match=r"^cues.toml: \[discovery.organizations\] goverment_heads: unknown key$"
    ):
        load_edited(tmp_path, body, body + 'goverment_heads = ["政府"]\n')
