"""Mentions and relation rules: one sentence per rule, from the seeds and written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import identity
from graph.extract import ingest, mentions, relations
from graph.pipeline import extract_document
from graph.records import Document, Fact, Passage
from graph.symbols import resolution_entity
from graph.vocab import load

VOCAB = load()


def facts_of(text: str, symbol: str = "") -> list[Fact]:
    """Facts extracted from a one-paragraph document."""
    doc = Document("t", "t.txt", text, "0", symbol=symbol)
    return extract_document(doc, VOCAB).facts


def triples(text: str, predicate: str | None = None, symbol: str = "") -> set[tuple[str, str, str]]:
    return {
        (f.subject, f.predicate, f.object) for f in facts_of(text, symbol) if predicate in (None, f.predicate)
    }


def concepts(text: str) -> list[str]:
    p = Passage("t", "1", 1, 0, len(text), text)
    found, _ = mentions.document_mentions([p], VOCAB)
    return [m.concept for m in found[0]]


# ---- mentions


def test_aliases_resolve_to_one_concept() -> None:
    assert concepts("伊拉克和黎凡特伊斯兰国、伊黎伊斯兰国和达伊沙") == ["group-isil"] * 3


def test_names_jieba_cannot_hold_are_found() -> None:
    # hyphenated names and symbols are matched outside jieba (re_han_default drops them)
    assert "group-lashkar-e-tayyiba" in concepts("据报告，在巴基斯坦，拉什卡-塔伊巴组织利用前台慈善机构。")
    assert "doc-s-2014-815" in concepts("见S/2014/815号文件。")


def test_a_remark_in_brackets_is_no_short_form() -> None:
    def learned(text: str) -> dict[str, str]:
        p = Passage("d", "1", 1, 0, 0, text)
        found, _ = mentions.document_mentions([p], VOCAB)
        return mentions.learn_aliases([p], found, VOCAB)

    assert learned("讲习班在马里(第二次会议于2023年5月举行)和尼日尔举行。") == {}
    assert learned("基地组织(包括其在也门境内的各派别)继续活动。") == {}
    # a short form, and an alias longer than the name after 又称, are learned
    assert learned("反恐怖主义办公室(反恐署)成立于2017年。").get("反恐署") == "un-unoct"
    assert (
        learned("青年党(又称圣战者青年运动)在索马里活动。").get("圣战者青年运动")
        == mentions.matcher_for(VOCAB).find("青年党")[0][2]
    )


def test_short_place_names_respect_word_boundaries() -> None:
    assert concepts("索马里") == ["country-som"]


def test_every_resolution_form_is_a_resolution() -> None:
    text = (
        "回顾第1267(1999)号和第1989(2011)号决议，1267(1999)、1373(2001)和2467(2019)号决议，"
        "大会第74/175号决议，经济及社会理事会第2012/19号决议以及第2395号决议。"
    )
    found = concepts(text)
    assert found == [
        "res-s-1267-1999",
        "res-s-1989-2011",
        "res-s-1267-1999",
        "res-s-1373-2001",
        "res-s-2467-2019",
        "res-a-74-175",
        "res-e-2012-19",
        "res-s-2395-2017",
    ]


def test_resolution_entity_carries_body_number_year_and_symbol() -> None:
    ent = resolution_entity("A", "74/175", None, VOCAB.symbol_bodies())
    assert (ent.symbol, ent.body, ent.number, ent.year) == (
        "A/RES/74/175",
        "General Assembly",
        "74/175",
        2019,
    )


def test_aliases_defined_by_the_document_are_learned() -> None:
    text = (
        "1. 联合国区域间反恐与犯罪研究中心(区域研究中心)在萨赫勒开展工作。区域研究中心与国际刑警组织合作。\n"
    )
    doc = Document("t", "t.txt", text, "0")
    passages = list(ingest.passages(doc))
    found, entities = mentions.document_mentions(passages, VOCAB)
    full = found[0][0].concept
    assert entities[full].discovered
    assert found[1][0].concept == full and found[1][0].method == "alias"


def test_unseen_group_resolution_and_un_office_are_discovered() -> None:
    text = (
        "1. 据报，新月解放阵线在萨赫勒从绑架勒索中获利。"
        "联合国西部沙漠和平办事处根据安全理事会第2799(2025)号决议开展工作。\n"
    )
    facts = facts_of(text)
    got = {(f.predicate, f.object) for f in facts}
    assert ("benefitsFrom", "crime-kidnapping-for-ransom") in got
    assert ("mandatedBy", "res-s-2799-2025") in got
    doc = Document("t", "t.txt", text, "0")
    _, entities = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
    labels = {e.label_zh: e for e in entities.values() if e.discovered}
    assert labels["新月解放阵线"].kind == "TerroristGroup"
    assert labels["联合国西部沙漠和平办事处"].kind == "UNEntity"


def test_traditional_chinese_is_recognised() -> None:
    assert concepts("伊黎伊斯蘭國和聯合國毒品和犯罪問題辦公室") == ["group-isil", "un-unodc"]


# ---- relations, on seed sentences


def test_taliban_opium_benefit_carries_the_amount() -> None:
    text = (
        "26. 毒品和犯罪问题办公室根据阿富汗鸦片贸易问题项目估计，2009年，阿富汗塔利班通过在其兵力强大的地区"
        "为有组织贩毒犯罪集团提供保护和畅通无阻的中转，从鸦片贸易中赚了1.55亿美元。\n"
    )
    [fact] = [f for f in facts_of(text) if f.predicate == "benefitsFrom"]
    assert (fact.subject, fact.object) == ("group-taliban", "crime-drug-trafficking")
    assert (
        fact.amount is not None and fact.amount.low == pytest.approx(1.55e8) and fact.amount.currency == "USD"
    )
    assert fact.amount.year == 2009 and not fact.hedged
    assert ("group-taliban", "operatesIn", "country-afg") in triples(text)


def test_main_source_of_income_gives_two_facts() -> None:
    text = "39. 伊斯兰马格里布基地组织的主要收入来源是贩运和绑架勒索。\n"
    assert triples(text, "benefitsFrom") == {
        ("group-aqim", "benefitsFrom", "crime-smuggling"),
        ("group-aqim", "benefitsFrom", "crime-kidnapping-for-ransom"),
    }


def test_a_list_of_subjects_gives_a_fact_each_and_is_hedged() -> None:
    text = "28. 据报告，很多其他团体参与贩毒或从中受益，这些团体包括、但不限于伊黎伊斯兰国、胜利阵线和乌兹别克斯坦伊斯兰运动。\n"
    facts = [f for f in facts_of(text) if f.predicate == "benefitsFrom"]
    assert {f.subject for f in facts} == {"group-isil", "group-al-nusrah-front", "group-imu"}
    assert all(f.hedged for f in facts)


def test_generic_smuggling_is_specialised_by_its_goods() -> None:
    text = "14. 伊黎伊斯兰国正在利用长期走私网络出口非法开采的原油。\n"
    assert ("group-isil", "benefitsFrom", "crime-oil-smuggling") in triples(text)


def test_groups_that_are_only_described_do_not_benefit() -> None:
    text = "29. 伊黎伊斯兰国和其他与基地组织有关联的个人通过走私文化遗产物品获得收入。\n"
    assert {s for s, _, _ in triples(text, "benefitsFrom")} == {"group-isil"}


def test_victims_are_not_perpetrators() -> None:
    assert not triples("1. 伊黎伊斯兰国称女孩被绑架。\n", "benefitsFrom")


def test_mandate_from_a_basis_clause() -> None:
    text = "4. 根据第2444(2018)号和第2498(2019)号决议，毒品和犯罪问题办公室的任务是打击海上犯罪。\n"
    assert triples(text, "mandatedBy") == {
        ("un-unodc", "mandatedBy", "res-s-2444-2018"),
        ("un-unodc", "mandatedBy", "res-s-2498-2019"),
    }


def test_committee_named_after_resolutions_is_mandated_by_them() -> None:
    text = "1. 安全理事会第1267(1999)号和第1989(2011)号决议所设委员会开会。\n"
    assert {o for _, _, o in triples(text, "mandatedBy")} == {"res-s-1267-1999", "res-s-1989-2011"}


def test_report_mandated_by_the_resolution_it_answers() -> None:
    text = "1. 本报告根据大会第66/178号决议编写。\n"
    assert triples(text, "mandatedBy") == {("doc-t", "mandatedBy", "res-a-66-178")}


def test_support_for_implementation_is_implements() -> None:
    text = "28. 教科文组织支持执行安全理事会第2199(2015)号决议。\n"
    assert triples(text, "implements") == {("un-unesco", "implements", "res-s-2199-2015")}


def test_implements_a_list_of_treaties_introduced_by_for_example() -> None:
    text = "75. 毒品和犯罪问题办公室支持会员国执行所有相关国际公约，例如《联合国打击跨国有组织犯罪公约》和《联合国反腐败公约》。\n"
    assert {o for _, _, o in triples(text, "implements")} == {"convention-untoc", "convention-uncac"}


def test_executive_directorate_name_is_not_an_implement_cue() -> None:
    assert not triples("1. 反恐执行局开会。\n", "implements")


def test_resolution_preamble_recalls() -> None:
    text = " 安全理事会， \n\n 回顾其第1267(1999)、1373(2001)号决议， \n\n 1. 决定继续处理此案。 \n"
    got = triples(text, "recalls", symbol="S/RES/2482 (2019)")
    assert got == {
        ("res-s-2482-2019", "recalls", "res-s-1267-1999"),
        ("res-s-2482-2019", "recalls", "res-s-1373-2001"),
    }


def test_operative_request_mandates_the_entity() -> None:
    text = " 安全理事会， \n\n 回顾其承诺， \n\n 1. 请联合国反恐怖主义办公室(反恐办)和毒品和犯罪问题办公室继续提供援助； \n"
    got = triples(text, "mandatedBy", symbol="S/RES/2482 (2019)")
    assert got == {
        ("un-unoct", "mandatedBy", "res-s-2482-2019"),
        ("un-unodc", "mandatedBy", "res-s-2482-2019"),
    }


def test_operates_in_from_a_movement_verb_and_a_place_list() -> None:
    text = "39. 为了回击“博科圣地”组织把活动扩展到乍得湖流域地区，特别是喀麦隆、乍得和尼日尔。\n"
    assert {o for _, _, o in triples(text, "operatesIn")} == {
        "region-lake-chad-basin",
        "country-cmr",
        "country-tcd",
        "country-ner",
    }


def test_partners_and_affiliates() -> None:
    assert ("group-abu-sayyaf", "affiliatedWith", "group-al-qaida") in triples(
        "37. 阿布沙耶夫集团系基地组织在东南亚的附属组织。\n"
    )
    assert ("un-unodc", "partnerOf", "org-interpol") in triples(
        "1. 毒品和犯罪问题办公室与国际刑警组织合作举办讲习班。\n"
    )


def test_amount_ranges_and_periods() -> None:
    [a] = relations.find_amounts("每日高达200万美元")
    assert (a.low, a.high, a.period) == (2e6, 2e6, "day")
    [b] = relations.find_amounts("3500万美元至4500万美元")
    assert (b.low, b.high) == (3.5e7, 4.5e7)


def test_seed_resolution_recalls_are_extracted() -> None:
    doc = identity.identify(
        ingest.load_document(Path(__file__).resolve().parents[1] / "seeds" / "002_1ce6e44335356221.txt"),
        VOCAB.symbol_bodies(),
        {"symbol": "S/RES/2482 (2019)"},
    )
    recalled = {f.object for f in extract_document(doc, VOCAB).facts if f.predicate == "recalls"}
    assert {"res-s-1267-1999", "res-s-1373-2001", "res-s-2199-2015", "res-s-2467-2019"} <= recalled


def test_a_programme_named_after_its_pronoun_owner_is_found() -> None:
    # 实施其打击…方案: 其 stands for the body that runs it, so the name after it is a programme's
    found = concepts("该中心继续实施其打击恐怖分子招募方案。")
    assert any(c.startswith("programme-") for c in found), found
    assert not any(c.startswith("programme-") for c in concepts("各国应继续实施其国家行动计划。"))


def test_a_programme_named_after_the_place_it_serves() -> None:
    found = concepts("2024年，中亚方案为塔吉克斯坦海关官员提供了培训。")
    assert any(c.startswith("programme-") for c in found), found
    assert not any(c.startswith("programme-") for c in concepts("中亚各国通过了一项国家方案。"))
