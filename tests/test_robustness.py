"""Hostile text: the extractor never crashes, never hangs, keeps offsets inside the text and emits valid RDF.

Property-based (Hypothesis) over random Unicode, mixed scripts and UN-document fragments, plus a few
fixed worst cases: a 1 MB line, NUL characters, unbalanced brackets, thousands of resolution numbers
and Traditional Chinese.  Time bounds here are hang guards, not performance targets.
"""

from __future__ import annotations

import contextlib
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from assembly import assemble
from conftest import SEEDS
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graph.extract import ingest, mentions
from graph.pipeline import extract_document
from graph.rdf.validate import validate
from graph.records import Document, DocumentFacts, Passage
from graph.script import fold
from graph.vocab import Vocabulary, load

#: Pieces of real UN text and of its PDF artifacts, mixed with other scripts and hostile characters.
FRAGMENTS = (
    "伊黎伊斯兰国",
    "伊黎伊斯蘭國",
    "基地组织",
    "塔利班",
    "青年党",
    "从",
    "中获利",
    "石油走私",
    "贩运人口",
    "绑架勒索",
    "联合国毒品和犯罪问题办公室",
    "聯合國毒品和犯罪問題辦公室",
    "(禁毒办)",
    "执行",
    "回顾",
    "安全理事会",
    "大会",
    "第2482(2019)号决议",
    "第2482(2019)號決議",
    "第1267(1999)号、",
    "第74/175号决议",
    "第2395号决议",
    "S/RES/2253 (2015)",
    "S/2014/815",
    "《联合国打击跨国有组织犯罪公约》",
    "在阿富汗，",
    "在萨赫勒地区活动",
    "与",
    "合作",
    "系",
    "的附属组织",
    "1. ",
    "2. ",
    "12. ",
    "一、",
    "序号\t",
    "1\t",
    "\t",
    "\n",
    "\n\n",
    " ",
    "\u3000",
    "。",
    "；",
    "，",
    "、",
    "：",
    "（",
    "）",
    "《",
    "》",
    "“",
    "”",
    "(",
    ")",
    "[",
    "¹",
    "²",
    "＿＿＿＿＿",
    "_____",
    "undocs.org/S/2019/570",
    "１２３",
    "3 500",
    "1.55亿美元",
    "\x00",
    "\ufeff",
    "\u200b",
    "\ud7ff",
    "\U0001f600",
    "عربي",
    "Русский",
    "English text",
    "ǅ",
    "ﬁ",
    "İ",
    "—",
    "－",
    "・",
    "\r",
    "\x0b",
    "\x1c",
    "\u2028",
)

mixed_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=400), mixed_text)


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    v = load()
    mentions.matcher_for(v).is_cut("预热", 1)  # load jieba once, outside the timed sections
    return v


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise ``TimeoutError`` in the main thread if the block runs longer than ``seconds`` (a hang guard)."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def doc_of(text: str, doc_id: str = "hostile") -> Document:
    return Document(doc_id, f"{doc_id}.txt", text, "0" * 64)


def check_passage(p: Passage, text: str) -> None:
    """Passage offsets lie inside the document and point at the character (or what it was normalised from)."""
    assert 0 <= p.start < p.end <= len(text), (p.start, p.end, len(text))
    assert p.text and len(p.offsets) == len(p.text)
    for ch, off in zip(p.text, p.offsets, strict=True):
        assert 0 <= off < len(text)
        source = text[off]
        assert ch == source or ch == ingest._FULLWIDTH.get(ord(source)) or ch in " 。", (ch, source, off)


def extract_checked(text: str, vocab: Vocabulary, bound: float = 20.0) -> DocumentFacts:
    """Extract ``text`` within ``bound`` seconds and check passages and mentions; returns the extraction."""
    doc = doc_of(text)
    start = time.monotonic()
    with deadline(bound):
        passages = list(ingest.passages(doc))
        result = extract_document(doc, vocab)
    assert time.monotonic() - start < bound
    for p in passages:
        check_passage(p, text)
    assert len(result.passages) == len(passages)
    for f in result.facts:
        check_passage(f.passage, text)
    return result


def assert_conforms(results: list[DocumentFacts], vocab: Vocabulary) -> None:
    _ds, g = assemble(results, vocab)
    report = validate(g)
    assert report.conforms, "\n".join(report.violations[:10])


# ---------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_random_text_never_crashes_and_offsets_stay_inside(text: str, vocab: Vocabulary) -> None:
    doc = doc_of(text)
    ps = list(ingest.passages(doc))
    for p in ps:
        check_passage(p, text)
    found, _entities = mentions.document_mentions(ps, vocab)
    for p, ms in zip(ps, found, strict=True):
        for m in ms:
            assert 0 <= m.start <= m.end <= len(p.text), (m, p.text)
    extract_document(doc, vocab)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(mixed_text, min_size=1, max_size=3))
def test_rdf_of_hostile_documents_conforms_to_the_shapes(texts: list[str], vocab: Vocabulary) -> None:
    results = [extract_document(doc_of(t, f"hostile-{i}"), vocab) for i, t in enumerate(texts)]
    assert_conforms(results, vocab)


pairs = st.lists(st.tuples(st.characters(), st.integers(0, 10**6)), max_size=80)
un_pairs = st.lists(
    st.tuples(
        st.sampled_from(list("0123456789 \t\n()（）１２３４５¹²３\u3000伊国第号a-")), st.integers(0, 10**6)
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(chars=st.one_of(pairs, un_pairs))
@example(chars=[("_", 0), ("²", 1), ("_", 2)])  # a dropped superscript joins two halves of a mark
@example(chars=list(zip("*[*](x)", range(7), strict=True)))  # a dropped link leaves a mark
def test_normalising_twice_changes_nothing(chars: list[tuple[str, int]]) -> None:
    once = ingest.normalize_chars(chars)
    assert ingest.normalize_chars(once) == once
    offsets = iter(o for _, o in chars)
    assert all(any(o == x for x in offsets) for _, o in once)  # offsets survive, in order


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_fold_is_length_preserving(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert fold(fold(text)) == fold(text)


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        mixed_text, st.text(alphabet="伊斯兰国马里乍得也门基地组织在与和及a1-_. \r\n，。、", max_size=60)
    )
)
@example(text="联合国毒品和犯罪问题办公室在马里和乍得举办了讲习班，AIRCOP-2项目\r\n也门")
def test_cut_at_an_offset_agrees_with_segmenting_the_whole_text(text: str, vocab: Vocabulary) -> None:
    """The matcher segments only the run around an offset; the answer is the whole text's."""
    matcher = mentions.matcher_for(vocab)
    whole = {0}
    for token in matcher.tokenizer.cut(text, HMM=False):
        whole.add(max(whole) + len(token))
    assert {at for at in range(len(text) + 1) if matcher.is_cut(text, at)} == whole


def test_the_route_over_every_run_of_the_seeds_is_jiebas(vocab: Vocabulary) -> None:
    """The matcher computes jieba's best route itself (faster): on every run of real text the
    token ends are the ones ``cut(run, HMM=False)`` gives, single letters and digits joined."""
    matcher = mentions.matcher_for(vocab)
    runs = {
        r
        for f in sorted(SEEDS.glob("*.txt"))
        for r in re.findall(r"[\u4e00-\u9fd5a-zA-Z0-9+#&._%\-]+", fold(f.read_text(encoding="utf-8")))
    }
    assert len(runs) > 1000
    for run in sorted(runs):
        ends, at = set(), 0
        for token in matcher.tokenizer.cut(run, HMM=False):
            at += len(token)
            ends.add(at)
        assert matcher.run_cuts(run) == ends, run


# ---------------------------------------------------------------- fixed worst cases


def one_megabyte_line() -> str:
    """The seeds as one line without a sentence end: a PDF extraction gone wrong, 1 MB in UTF-8."""
    seed = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    flat = seed.translate(str.maketrans({"\n": "", "\r": "", "。": "，", "；": "，", "！": "，", "？": "，"}))
    text = flat
    while len(text.encode("utf-8")) < 1_000_000:
        text += flat
    while len(text.encode("utf-8")) > 1_000_000:
        text = text[: len(text) - (len(text.encode("utf-8")) - 1_000_000) // 3 - 1]
    return text


def test_one_megabyte_line_finishes(vocab: Vocabulary) -> None:
    text = one_megabyte_line()
    assert len(text.encode("utf-8")) >= 999_000 and "\n" not in text
    extract_checked(text, vocab, bound=20.0)


def test_one_megabyte_of_one_character_finishes(vocab: Vocabulary) -> None:
    extract_checked("a" * 1_000_000, vocab, bound=20.0)


def test_nul_characters_inside_text(vocab: Vocabulary) -> None:
    text = "1. 伊黎伊斯兰国\x00从石油\x00走私中获利。\n2. \x00\x00\x00\n3. 第2482(2019)号\x00决议。\n"
    r = extract_checked(text, vocab)
    assert_conforms([r], vocab)


@pytest.mark.parametrize("unit", ["（", "《", "“", "(", "（《“(", ")）》”", "《《《》", "((((第2482(2019"])
def test_unbalanced_brackets_and_quotes(unit: str, vocab: Vocabulary) -> None:
    text = (
        "1. 伊黎伊斯兰国"
        + unit * 3000
        + "从石油走私中获利。\n"
        + unit * 500
        + "\n2. 联合国"
        + unit
        + "毒品。\n"
    )
    r = extract_checked(text, vocab)
    assert_conforms([r], vocab)


def test_thousands_of_repeated_resolution_numbers(vocab: Vocabulary) -> None:
    text = (
        "1. 安全理事会回顾"
        + "第2482(2019)号决议、" * 5000
        + "。\n2. 联合国毒品和犯罪问题办公室执行第2482(2019)号决议。\n"
    )
    r = extract_checked(text, vocab)
    assert "res-s-2482-2019" in r.entities
    assert_conforms([r], vocab)


TRADITIONAL = "1. 伊黎伊斯蘭國從石油走私中獲利。聯合國毒品和犯罪問題辦公室執行第2482(2019)號決議。\n"


def concepts_of(text: str, vocab: Vocabulary) -> set[str]:
    ps = list(ingest.passages(doc_of(text)))
    found, _ = mentions.document_mentions(ps, vocab)
    return {m.concept for ms in found for m in ms}


def test_traditional_chinese_names_are_recognised(vocab: Vocabulary) -> None:
    assert {"group-isil", "un-unodc", "crime-oil-smuggling"} <= concepts_of(TRADITIONAL, vocab)
    facts = {(f.subject, f.predicate, f.object) for f in extract_checked(TRADITIONAL, vocab).facts}
    assert ("group-isil", "benefitsFrom", "crime-oil-smuggling") in facts


def test_traditional_resolution_is_recognised(vocab: Vocabulary) -> None:
    assert "res-s-2482-2019" in concepts_of(TRADITIONAL, vocab)


def test_form_feed_and_escape_characters_do_not_break_the_build(tmp_path: Path) -> None:
    src = tmp_path / "ff.txt"
    src.write_bytes("1. 塔利班从贩毒中\f获益。\x1b\u2028\n".encode())
    from graph.pipeline import run_build

    result = run_build([src], tmp_path / "out", progress=lambda m: None)
    assert result.by_property["benefitsFrom"] == 1
    nq = (tmp_path / "out" / "nexus.nq").read_text(encoding="utf-8")
    assert "\x1b" not in nq and "\f" not in nq
    ds = rdflib.Dataset()
    ds.parse(data=nq, format="nquads")
    assert sum(1 for _ in ds.quads((None, None, None, None))) == nq.count("\n")


def test_traditional_relation_cues_give_the_same_facts(vocab: Vocabulary) -> None:
    def facts(text: str) -> set[tuple[str, str, str]]:
        return {(f.subject, f.predicate, f.object) for f in extract_checked(text, vocab).facts}

    traditional = facts("1. 塔利班在阿富汗從販毒中獲益。\n")
    assert traditional == facts("1. 塔利班在阿富汗从贩毒中获益。\n")
    assert ("group-taliban", "benefitsFrom", "crime-drug-trafficking") in traditional


def test_cue_words_are_written_in_the_folded_script() -> None:
    """Cues match folded passage text, so a cue with a Traditional character could never match."""
    import tomllib

    from graph.resources import ontology_dir

    data = tomllib.loads((ontology_dir() / "cues.toml").read_text(encoding="utf-8"))
    words = [
        w
        for table in data.values()
        if isinstance(table, dict)
        for v in table.values()
        if isinstance(v, list)
        for w in v
        if isinstance(w, str)
    ]
    assert words and [w for w in words if fold(w) != w] == []
