"""Document identity (``graph.identity``): what a document is, from its manifest row or its own
text, and the node that stands for it; the symbol grammar reads the bodies it is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import identity, symbols, vocab
from graph.errors import InputError
from graph.records import Document, Passage
from graph.symbols import Bodies

VOCAB = vocab.load()
BODIES = VOCAB.symbol_bodies()


def doc(text: str) -> Document:
    return Document("h0", "new.txt", text, "0" * 64)


def test_a_resolution_is_identified_from_its_title_and_adoption_line() -> None:
    d = identity.identify(
        doc("第2482(2019)号决议\n2019年7月19日安全理事会第8582次会议通过\n安全理事会，\n回顾其各项决议，\n"),
        BODIES,
    )
    assert (d.symbol, d.date, d.body, d.kind) == (
        "S/RES/2482 (2019)",
        "2019-07-19",
        "Security Council",
        "resolution",
    )
    assert (d.identified_by, d.script, d.title_zh) == ("title", "simplified", "第2482(2019)号决议")
    own = identity.document_entity(d, VOCAB)
    assert own is not None and (own.id, own.kind) == ("res-s-2482-2019", "Resolution")
    assert identity.document_node(d, VOCAB) == "res-s-2482-2019"


@pytest.mark.parametrize(
    "title",
    [
        "2021年6月1日安全理事会第8790次会议通过的第2580(2021)号决议",
        "2021年6月1日安全理事會第8790次會議通過的第2580(2021)號決議",
    ],
)
def test_a_resolution_titled_by_its_adoption_speaks_in_its_own_voice(title: str) -> None:
    from graph.extract import ingest
    from graph.pipeline import extract_document

    text = (
        title
        + "\n安全理事会，\n回顾其第1373(2001)号决议，\n1. 请反恐怖主义委员会执行局向安理会报告本决议的执行情况；\n"
    )
    d = identity.identify(doc(text), BODIES)
    assert (d.symbol, d.date, d.kind) == ("S/RES/2580 (2021)", "2021-06-01", "resolution")
    assert [p.kind for p in ingest.passages(d)][:1] == ["title"]  # the title is no preamble
    facts = {(f.subject, f.predicate, f.object) for f in extract_document(d, VOCAB).facts}
    assert ("res-s-2580-2021", "recalls", "res-s-1373-2001") in facts
    assert ("un-cted", "mandatedBy", "res-s-2580-2021") in facts


def test_a_presidential_statement_is_identified_from_its_title() -> None:
    d = identity.identify(
        doc("安全理事会主席声明2015年第4号\n安全理事会在2015年3月9日第7395次会议上…\n"), BODIES
    )
    assert (d.symbol, d.kind, d.body, d.date) == (
        "S/PRST/2015/4",
        "presidential statement",
        "Security Council",
        "2015-03-09",
    )
    assert identity.document_node(d, VOCAB) == "res-s-prst-2015-4"


def test_a_report_is_identified_by_its_symbol_line() -> None:
    d = identity.identify(doc("S/2015/366\n秘书长关于恐怖分子的报告\n1. 本报告述及…。\n"), BODIES)
    assert (d.symbol, d.body, d.kind, d.identified_by) == (
        "S/2015/366",
        "Security Council",
        "",
        "symbol line",
    )
    own = identity.document_entity(d, VOCAB)
    assert own is not None and (own.id, own.kind) == ("doc-s-2015-366", "Document")


def test_a_document_in_traditional_script_is_identified() -> None:
    d = identity.identify(
        doc("聯合國安理會第2396號決議\n安全理事會2017年12月21日第8148次會議通過\n安全理事會，\n"), BODIES
    )
    assert (d.symbol, d.date, d.body, d.kind, d.script) == (
        "S/RES/2396 (2017)",
        "2017-12-21",
        "Security Council",
        "resolution",
        "traditional",
    )


def test_a_document_without_a_symbol_is_its_own_node() -> None:
    d = identity.identify(doc("一个普通的标题\n这是正文，没有编号。\n"), BODIES)
    assert (d.symbol, identity.document_entity(d, VOCAB)) == ("", None)
    assert identity.document_node(d, VOCAB) == "doc-h0"


def test_the_manifest_row_overrides_the_text() -> None:
    text = "第2482(2019)号决议\n2019年7月19日安全理事会第8582次会议通过\n"
    row = {
        "file": "new.txt",
        "symbol": " S/2020/754 ",
        "date": "2020-07-29",
        "kind": "report of the Secretary-General",
        "title_en": "Action taken",
        "requested_by": "S/RES/2482 (2019)",
    }
    d = identity.identify(doc(text), BODIES, row)
    assert (d.symbol, d.date, d.kind, d.title_en, d.identified_by) == (
        "S/2020/754",
        "2020-07-29",
        "report of the Secretary-General",
        "Action taken",
        "manifest",
    )
    assert d.body == "Security Council"  # the row leaves it out: the text says it
    assert identity.document_node(d, VOCAB) == "doc-s-2020-754"
    requested = identity.requested_entity(d, BODIES)
    assert requested is not None and requested.id == "res-s-2482-2019"


def test_a_yearless_resolution_symbol_is_dated_by_the_numbering_table() -> None:
    d = identity.identify(doc("联合国安理会第2395号决议\n"), BODIES)
    assert d.symbol == "S/RES/2395"
    assert identity.document_node(d, VOCAB) == "res-s-2395-2017"


def test_a_manifest_row_with_too_few_columns_is_named(tmp_path: Path) -> None:
    (tmp_path / "manifest.tsv").write_text("file\tsymbol\tdate\nnew.txt\tS/2015/366\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"manifest.tsv: the row of new.txt has fewer columns"):
        identity.read_manifest(tmp_path)


def test_the_seed_manifest_identifies_every_seed() -> None:
    from graph.extract import ingest

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    rows = identity.read_manifest(seeds)
    nodes = [
        identity.document_node(
            identity.identify(ingest.load_document(seeds / name), BODIES, row),
            VOCAB,
        )
        for name, row in sorted(rows.items())
    ]
    assert nodes[:2] == ["doc-s-2015-366", "doc-s-2020-754"]
    assert "res-s-2482-2019" in nodes


def test_the_symbol_grammar_does_not_load_the_vocabulary(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the vocabulary was loaded behind the caller's back")

    monkeypatch.setattr(vocab, "load", refuse)
    assert not hasattr(symbols, "load") and not hasattr(identity, "load")
    made_up = Bodies.of(
        {"S": ("Security Council", "安全理事会", ("安理会",)), "X": ("Test Council", "测试理事会", ("测委",))}
    )
    ent = symbols.resolution_entity("X", "12/3", None, made_up)
    assert (ent.label_zh, ent.label_en, ent.body) == (
        "测试理事会第12/3号决议",
        "Test Council resolution 12/3",
        "Test Council",
    )
    assert (
        symbols.parse_symbol("S/RES/2482 (2019)", made_up).label_en
        == "Security Council resolution 2482 (2019)"
    )
    assert symbols.entity_from_resolution_id("res-x-12-3", made_up) == ent
    found = symbols.resolution_mentions(Passage("d", "1", 1, 0, 0, "回顾测试理事会第12/3号决议"), made_up)
    assert [(m.concept, m.surface) for m in found] == [("res-x-12-3", "测试理事会第12/3号")]
    d = identity.identify(doc("第2482(2019)号决议\n2019年7月19日安全理事会第8582次会议通过\n"), made_up)
    assert (d.symbol, d.body) == ("S/RES/2482 (2019)", "Security Council")
