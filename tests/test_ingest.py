"""Corpus stage: decoding, PDF repair, paragraphs and sentences with offsets."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.extract.ingest import decode, load_document, passages, split_paragraphs
from graph.records import Document, Passage

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SAMPLE = "1. 伊黎伊斯兰国在伊拉克和阿拉伯叙利亚共和国活动。\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("gb18030"),
        SAMPLE.encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16le", "utf16be", "gb18030", "gbk"],
)
def test_decodes_every_supported_encoding(data: bytes) -> None:
    assert decode(data, "x.txt") == SAMPLE


def test_binary_file_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match=r"^blob\.txt: binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "blob.txt")


def test_undecodable_file_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match=r"^bad\.txt: "):
        decode(bytes(range(0x80, 0x100)) * 20, "bad.txt")


def _doc(text: str) -> Document:
    return Document("t", "t.txt", text, "0")


def _texts(text: str) -> list[tuple[str, str]]:
    return [(label, para) for label, (para, _offsets), _ in split_paragraphs(_doc(text))]


def test_words_broken_across_lines_are_joined() -> None:
    text = "1. 恐\n\n怖主义与有组织犯罪之间的联\n系日益密切。乌克\n兰也报告了。\n"
    assert _texts(text) == [("1", "恐怖主义与有组织犯罪之间的联系日益密切。乌克兰也报告了。")]


def test_links_and_headers_are_removed_and_footnotes_kept_apart() -> None:
    text = (
        "1. 安全理事会通过第 2482(2019)号决议，其中表示关切恐\n\n"
        "__________________ \n\n 1 见 S/2020/493。\n\n"
        "https://undocs.org/ch/S/RES/2482(2019)\nS/2020/754  \n20-09860 12/16 \n"
        " 怖主义分子获益。\n"
        "2. 赎金付款是重要来源。⁶ 据估计收到 9 150 万美元。\n"
        "⁶ 见监测组报告。\n"
    )
    assert _texts(text) == [
        ("1", "安全理事会通过第2482(2019)号决议，其中表示关切恐怖主义分子获益。"),
        ("fn1", "见S/2020/493。"),
        ("2", "赎金付款是重要来源。据估计收到9150万美元。"),
        ("fn6", "见监测组报告。"),
    ]


def test_fullwidth_digits_and_brackets_become_halfwidth() -> None:
    assert _texts("1. 第２４８２（２０１９）号决议。\n") == [("1", "第2482(2019)号决议。")]


def test_numbered_subheadings_are_headings_not_paragraphs() -> None:
    text = "1. 上一段。\n\n3. 贩毒\n\n2. 毒品和犯罪问题办公室估计。\n"
    assert _texts(text) == [("1", "上一段。"), ("H1", "贩毒"), ("2", "毒品和犯罪问题办公室估计。")]


def test_resolution_preamble_and_operative_paragraphs() -> None:
    text = (
        " 安全理事会， \n\n 回顾其第 1267(1999)号决议， \n\n 重申其承诺， \n\n"
        " 1. 促请会员国加强协调； \n\n 2. 决定继续处理此案。 \n"
    )
    assert [label for label, _ in _texts(text)] == ["PP1", "PP2", "1", "2"]


def test_annex_rows_split_over_pages_are_rejoined() -> None:
    text = (
        "序号\t实体\t状况\t主要活动\t地域范围\n"
        "7\t反恐执行局：关\t已完成\t这是一项方案。组\t全球\n"
        "序号\t实体\t状况\t主要活动\t地域范围\n"
        "\t于非营利组织的方案\t\t织了讲习班。\t\n"
    )
    assert _texts(text) == [
        ("annex-7", "反恐执行局：关于非营利组织的方案。已完成。这是一项方案。组织了讲习班。全球。")
    ]


def test_passage_offsets_point_into_the_original_text() -> None:
    doc = load_document(SEEDS / "000_1c4f9dc910eae8af.txt")
    for p in passages(doc):
        for ch, off in zip(p.text, p.offsets, strict=True):
            if ch.isdigit() and not doc.text[off].isdigit():
                assert ord(doc.text[off]) >= 0xFF10  # a full-width digit made half-width
            elif ch not in " ()" and not (p.para.startswith("annex-") and ch == "。"):
                assert doc.text[off] == ch, (p.para, p.sent)


def test_seed_paragraph_numbers_are_complete() -> None:
    for f in sorted(SEEDS.glob("*.txt")):
        labels = [label for label, _, _ in split_paragraphs(load_document(f))]
        numbers = [int(label) for label in labels if label.isdigit()]
        assert numbers == list(range(1, len(numbers) + 1)), f.name


def test_seed_annex_has_all_59_activities() -> None:
    labels = [label for label, _, _ in split_paragraphs(load_document(SEEDS / "000_1c4f9dc910eae8af.txt"))]
    assert [label for label in labels if label.startswith("annex-")] == [f"annex-{i}" for i in range(1, 60)]


def test_an_annex_numbers_its_paragraphs_anew() -> None:
    text = "1. 正文第一段。\n\n2. 正文第二段。\n\n附件\n\n1. 附件第一段。\n\n2. 附件第二段。\n"
    assert [label for label, _ in _texts(text)] == ["1", "2", "H1", "annex-1", "annex-2"]


# ---------------------------------------------------------------- document structure (issue 18)


def _passages(text: str) -> list[Passage]:
    return list(passages(_doc(text)))


def test_headings_are_passages_and_the_paragraphs_under_them_point_to_them() -> None:
    text = (
        "一. 导言\n\n1. 本报告介绍毒品和犯罪问题办公室的活动。\n\n"
        "二. 提供技术援助\n\nA. 立法援助\n\n2. 该办公室向马里提供了援助。\n"
    )
    got = [(p.para, p.kind, p.text, p.heading) for p in _passages(text)]
    assert got == [
        ("H1", "heading", "导言", ""),
        ("1", "body", "本报告介绍毒品和犯罪问题办公室的活动。", "H1"),
        ("H2", "heading", "提供技术援助", ""),
        ("H3", "heading", "立法援助", ""),
        ("2", "body", "该办公室向马里提供了援助。", "H3"),
    ]


def test_traditional_headings_and_markdown_headings_are_kept() -> None:
    text = "## 反恐怖主義辦公室的活動\n\n反恐怖主義辦公室在中亞舉辦了講習班。\n"
    got = [(p.para, p.kind, p.text, p.heading) for p in _passages(text)]
    assert got == [
        ("H1", "heading", "反恐怖主義辦公室的活動", ""),
        ("S1", "body", "反恐怖主義辦公室在中亞舉辦了講習班。", "H1"),
    ]


def test_a_footnote_is_a_passage_linked_to_the_sentence_that_calls_it() -> None:
    text = (
        "4. 各国加强了立法。会员国还根据第 2462(2019)号决议采取了措施。2 一些国家\n"
        "报告了进展。\n\n"
        "__________________ \n\n"
        " 2 见反恐怖主义委员会执行局根据安全理事会第 2462(2019)号决议编写的报告\n"
        "(S/2020/493)。\n\n"
        " 5. 监测组报告说，赎金仍是收入来源。\n"
    )
    got = [(p.para, p.sent, p.kind, p.text, p.note_of) for p in _passages(text)]
    assert got == [
        ("4", 1, "body", "各国加强了立法。", None),
        ("4", 2, "body", "会员国还根据第2462(2019)号决议采取了措施。", None),
        ("4", 3, "body", "一些国家报告了进展。", None),
        (
            "fn2",
            1,
            "footnote",
            "见反恐怖主义委员会执行局根据安全理事会第2462(2019)号决议编写的报告(S/2020/493)。",
            ("4", 2),
        ),
        ("5", 1, "body", "监测组报告说，赎金仍是收入来源。", None),
    ]


def test_a_number_that_is_no_footnote_call_stays_in_the_text() -> None:
    text = "1. 该方案协助(目前) 36 个国家。\n\n__________________ \n\n 1 见 A/67/50。\n"
    assert "36" in _texts(text)[0][1]


def test_footnotes_in_traditional_script_with_superscript_calls() -> None:
    text = "1. 安全理事會表示關切。³ 監測組估計收入增加。\n\n³ 見安全理事會第 2368(2017)號決議。\n"
    got = [(p.para, p.kind, p.note_of) for p in _passages(text)]
    assert got == [("1", "body", None), ("1", "body", None), ("fn3", "footnote", ("1", 1))]


def test_paragraph_numbers_are_taken_as_printed_from_the_first() -> None:
    text = (
        "安全理事会，\n\n重申其承诺，\n\n"
        "5. 促请会员国加强协调；\n\n6. 请秘书长提交报告；\n\n7. 决定继续处理此案。\n"
    )
    assert [label for label, _ in _texts(text)] == ["PP1", "5", "6", "7"]
    assert [
        label for label, _ in _texts("12. 毒品和犯罪问题办公室提供了援助。\n\n13. 该办公室还举办了讲习班。\n")
    ] == [
        "12",
        "13",
    ]


def test_a_decimal_at_a_line_start_is_not_a_paragraph_number() -> None:
    text = "1. 据估计，贩毒收入约为\n2.5 亿美元。\n"
    assert _texts(text) == [("1", "据估计，贩毒收入约为2.5亿美元。")]


def test_markdown_and_link_debris_is_reduced_to_its_text() -> None:
    text = "1. 安理会审议了秘书长的报告([S/2014/815](#))，见 <https://undocs.org/S/2014/815> 和**附件**。\n"
    assert _texts(text) == [("1", "安理会审议了秘书长的报告(S/2014/815)，见和附件。")]


@pytest.mark.parametrize(
    "masthead",
    [
        "联合国 | S/RES/2999 (2026) | 安全理事会 | Distr.: General 3 March 2026",
        "S/RES/2999 (2026)\n安全理事会 Distr.: General\n3 March 2026\nOriginal: English",
    ],
)
def test_a_masthead_is_separated_from_the_resolution_it_heads(masthead: str) -> None:
    text = f"{masthead} 第2999(2026)号决议\n2026年3月3日安全理事会第9999次会议通过\n安全理事会，\n回顾其第1373(2001)号决议，\n"
    doc = load_document_text(text)
    labels = [(p.para, p.text) for p in passages(doc)]
    assert ("PP1", "回顾其第1373(2001)号决议，") in labels
    assert not any("Distr" in t for _, t in labels)
    assert doc.symbol == "S/RES/2999 (2026)"


def test_a_masthead_over_several_lines_with_a_chinese_date_is_not_the_title() -> None:
    text = (
        "联合国\u3000S/RES/2998 (2026)\n安全理事会\nDistr.: General\n2026年2月2日\n\n"
        "第2998(2026)号决议\n2026年2月2日安全理事会第9998次会议通过\n\n安全理事会，\n"
        "回顾其第2462(2019)号决议，\n"
    )
    doc = load_document_text(text)
    labels = [(p.para, p.kind, p.text) for p in passages(doc)]
    assert doc.symbol == "S/RES/2998 (2026)" and doc.kind == "resolution"
    assert ("T1", "title", "第2998(2026)号决议") in labels
    assert ("PP1", "preamble", "回顾其第2462(2019)号决议，") in labels


def load_document_text(text: str) -> Document:
    from graph.identity import identify
    from graph.vocab import load

    return identify(_doc(text), load().symbol_bodies())


@pytest.mark.parametrize("encoding", ["big5", "big5hkscs"])
def test_big5_text_is_decoded(encoding: str) -> None:
    text = "1. 安全理事會譴責「伊黎伊斯蘭國」在伊拉克的恐怖主義行為，並回顧其第2253(2015)號決議。\n"
    assert decode(text.encode(encoding), "x.txt") == text


def test_simplified_gb18030_text_is_not_read_as_big5() -> None:
    text = "1. 毒品和犯罪问题办公室向会员国提供了技术援助，请秘书长提交报告。\n"
    assert decode(text.encode("gb18030"), "x.txt") == text


# ---------------------------------------------------------------- hostile files (issue: hardening)


def test_nul_anywhere_means_binary(tmp_path: Path) -> None:
    data = ("1. 塔利班从贩毒中获益。\n" * 2000).encode() + b"\x00tail"
    assert data.index(b"\x00") > 4096
    with pytest.raises(InputError, match=r"late\.txt: binary file"):
        decode(data, "late.txt")
    with pytest.raises(InputError, match=r"u16\.txt: binary file"):
        decode(codecs.BOM_UTF16_LE + "决议\x00".encode("utf-16-le"), "u16.txt")


def test_controls_are_normalised_before_anything_else(tmp_path: Path) -> None:
    src = tmp_path / "c.txt"
    src.write_bytes("1. 伊黎伊斯兰国\x1b在伊拉克\x85活动\u2028。\x7f\x9b\f\n".encode())
    text = load_document(src).text
    assert not [c for c in text if (ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) < 0xA0]
    assert "\u2028" not in text and text.count("\n") == 4


def test_equal_file_names_stay_two_documents_and_copies_are_read_once(tmp_path: Path) -> None:
    from graph.pipeline import run_build

    texts = {
        "a": "1. 塔利班从贩毒中获益。\n",
        "b": "1. 青年党从木炭贸易中获益。\n",
        "c": "1. 塔利班从贩毒中获益。\n",
    }
    for folder, text in texts.items():
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "report.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_build([tmp_path / "in"], out, progress=lambda m: None)
    assert result.documents == 2  # a/ and b/ differ; c/ holds the same bytes as a/
    assert [w for w in result.warnings if "c/report.txt" in w and "read once" in w]
    ttl = (out / "nexus.ttl").read_text(encoding="utf-8")
    ids = {load_document(tmp_path / "in" / f / "report.txt").id for f in ("a", "b")}
    assert len(ids) == 2 and all(i in ttl for i in ids)
    from graph.rdf.validate import load_graph, validate

    assert validate(load_graph(out / "nexus.ttl")).violations == ()


def test_symlinks_out_of_the_folder_and_special_files_are_skipped_with_a_warning(tmp_path: Path) -> None:
    import os

    from graph.extract.ingest import corpus_files

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("hostname\n", encoding="utf-8")
    (corpus / "outside.txt").symlink_to(tmp_path / "secret.txt")
    (corpus / "inside.txt").symlink_to(corpus / "good.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    os.mkfifo(corpus / "fifo.txt")
    warnings: list[str] = []
    files = corpus_files([corpus], warnings.append)
    assert [f.name for f in files] == ["good.txt", "inside.txt"]
    assert len(warnings) == 3 and all(w.count("\n") == 0 and "skipped" in w for w in warnings)
    assert any("outside the input folder" in w and "outside.txt" in w for w in warnings)
    assert any("fifo.txt" in w and "not a regular file" in w for w in warnings)
    assert any("loop.txt" in w and "symlink loop" in w for w in warnings)


def test_a_file_over_max_size_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from graph.cli import main

    big = tmp_path / "big.txt"
    big.write_text(SAMPLE * 40000, encoding="utf-8")  # about 2.6 MB
    assert main(["build", str(big), "--out", str(tmp_path / "out"), "--max-size", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "big.txt" in err and "--max-size" in err
    assert not (tmp_path / "out" / "nexus.ttl").exists()


def test_a_file_grown_past_the_size_limit_is_never_read_whole(tmp_path) -> None:
    # the size is checked when the corpus is listed; the read itself stops at the limit, so a file
    # that grew in between is refused, not read whole
    f = tmp_path / "grown.txt"
    f.write_text("安全理事会，" * 40, encoding="utf-8")
    with pytest.raises(InputError, match=r"grown.txt: larger than 100 bytes"):
        load_document(f, max_size=100)
    assert load_document(f, max_size=10_000).text.startswith("安全理事会")


def test_a_blank_line_ends_a_preambular_paragraph_in_single_spaced_pdf_text() -> None:
    text = (
        "第2999(2026)号决议\n2026年3月2日安全理事会第10200次会议通过\n\n安全理事会，\n\n"
        "回顾其关于也门局势的第2140(2014)、2216(2015)、\n2624(2022)和2675(2023)号决议，\n\n"
        "又回顾其第2462(2019)号决议，\n\n"
        "重申其对也门主权、独立和领土完整的坚定承诺，\n\n"
        "1. 决定延长专家小组的任务期限；\n"
    )
    doc = Document("h1", "res.txt", text, "0" * 64)
    preamble = [p.text for p in passages(doc) if p.kind == "preamble"]
    assert len(preamble) == 3
    assert preamble[0].startswith("回顾") and preamble[1].startswith("又回顾")
    spaced = text.replace("\n", "\n\n")  # set double-spaced, a blank line after every line
    wrapped = [p.text for p in passages(Document("h2", "r.txt", spaced, "0" * 64)) if p.kind == "preamble"]
    assert any("2216(2015)、2624(2022)" in t for t in wrapped)  # a wrapped line still joins its paragraph
