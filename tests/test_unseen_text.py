"""Documents the extractor has never seen: identity from the text, every passage and mention in the
graph, open-set names, and relations in a resolution's own voice.

Every passage here was written for the test (UN and news style, both scripts); none is copied from
the seeds or the development set.
"""

from __future__ import annotations

import dataclasses

import pytest
import rdflib

from graph import identity
from graph.extract import ingest, mentions
from graph.pipeline import extract_document, run_build
from graph.records import Document, Fact
from graph.vocab import load

VOCAB = load()
NX = "https://w3id.org/nexus-kg/ontology#"


def document(text: str) -> Document:
    """A document as ingest reads it from a file with no manifest row."""
    return identity.identify(Document("h0", "new.txt", text, "0" * 64), VOCAB.symbol_bodies())


def facts(text: str) -> list[Fact]:
    return extract_document(document(text), VOCAB).facts


def pairs(text: str, predicate: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in facts(text) if f.predicate == predicate}


def objects(text: str, predicate: str, subject: str) -> set[str]:
    """What ``subject`` stands in ``predicate`` to, in the facts of ``text``."""
    return {o for s, o in pairs(text, predicate) if s == subject}


def concept(name: str) -> str:
    """The concept the vocabulary gives the whole of ``name``."""
    return next(cid for s, e, cid in mentions.matcher_for(VOCAB).find(name) if (s, e) == (0, len(name)))


# ---- document identity from the text itself


@pytest.mark.parametrize(
    ("header", "symbol", "date"),
    [
        (
            "第2801(2025)号决议\n2025年11月3日安全理事会第9999次会议通过\n安全理事会，\n",
            "S/RES/2801 (2025)",
            "2025-11-03",
        ),
        (
            "聯合國安理會第2802號決議\n安全理事會2025年12月1日第10001次會議通過\n",
            "S/RES/2802 (2025)",
            "2025-12-01",
        ),
        ("联合国安理会主席声明2025年第9号\n", "S/PRST/2025/9", ""),
        ("S/RES/2803(2025)\n\n请秘书长提交报告。\n", "S/RES/2803 (2025)", ""),
        ("80/321. 加强国际合作打击海盗行为 大会, 回顾其以往各项决议,\n", "A/RES/80/321", ""),
        ("S/2025/123\n秘书长的报告\n", "S/2025/123", ""),
        ("第80/250號決議\n2026年2月10日大會第65次全體會議通過\n", "A/RES/80/250", "2026-02-10"),
        ("第2025/17号决议\n2025年7月24日经济及社会理事会第30次全体会议通过\n", "E/RES/2025/17", "2025-07-24"),
        ("80/199. 打击恐怖主义与有组织犯罪\n大会，\n回顾其以往各项决议，\n", "A/RES/80/199", ""),
        ("2024/23. 加强国际合作\n经济及社会理事会，\n回顾其以往各项决议，\n", "E/RES/2024/23", ""),
        ("大会2024年12月17日第79/196号决议\n大会，\n", "A/RES/79/196", ""),
        ("S/RES/2462 (2019)*\n安全理事会\n", "S/RES/2462 (2019)", ""),
        ("联合国                    A/80/612–S/2025/700\n大会\n安全理事会\n", "A/80/612", ""),
        ("S/2025/318/Add.1\n安全理事会\n", "S/2025/318/Add.1", ""),
        (
            "大会\n第七十九届会议\n议程项目109\n2024年12月17日大会通过的决议\n"
            "[根据第三委员会的报告(A/79/455)通过]\n79/196. 提供技术援助\n大会，\n",
            "A/RES/79/196",
            "2024-12-17",
        ),
        (
            "经济及社会理事会\n2024年7月23日经济及社会理事会通过的决议\n2024/23. 加强国际合作\n",
            "E/RES/2024/23",
            "2024-07-23",
        ),
    ],
)
def test_symbol_and_date_come_from_the_header(header: str, symbol: str, date: str) -> None:
    doc = document(header)
    assert (doc.symbol, doc.date) == (symbol, date)
    assert doc.identified_by in ("title", "symbol line")


def test_a_symbol_names_the_body_of_its_longest_code() -> None:
    hrc = document("人权理事会第58/12号决议\n2025年4月4日人权理事会通过\n人权理事会，\n")
    assert (hrc.symbol, hrc.body) == ("A/HRC/RES/58/12", "Human Rights Council")
    commission = document("E/CN.15/2025/9\n秘书长的报告\n")
    assert commission.body == "Commission on Crime Prevention and Criminal Justice"
    assert document("A/80/612\n秘书长的报告\n").body == "General Assembly"


def test_a_statement_is_a_statement_not_a_news_page() -> None:
    doc = document("反恐怖主义办公室副秘书长在安全理事会公开辩论会上的通报\n2025年3月4日\n\n主席先生，\n")
    assert (doc.kind, doc.date) == ("statement", "2025-03-04")


def test_a_news_page_gets_its_headline_date_and_script() -> None:
    doc = document("聯合國官員譴責海盜襲擊\n2025年5月6日\n一名聯合國官員今天表示……\n")
    assert doc.title_zh == "聯合國官員譴責海盜襲擊"
    assert (doc.date, doc.kind, doc.script) == ("2025-05-06", "news", "traditional")


def test_a_report_masthead_in_english_gives_the_date_and_never_the_title() -> None:
    doc = document(
        "联合国                                S/2026/999\n安全理事会                        Distr.: General\n"
        "                                  4 May 2026\n                                  Chinese\n"
        "                                  Original: English\n\n26-01234 (C)\n\n"
        "海上犯罪与恐怖主义之间的联系\n\n秘书长的报告\n"
    )
    assert (doc.symbol, doc.date, doc.title_zh) == (
        "S/2026/999",
        "2026-05-04",
        "海上犯罪与恐怖主义之间的联系",
    )


def test_a_job_number_barcode_and_a_starred_agenda_item_are_no_title() -> None:
    doc = document(
        "联合国                                A/81/444\n大会                       Distr.: General\n"
        "                                  2 July 2026\n\n26-04321 (C)    020726    030726\n*2604321*\n\n"
        "第八十一届会议\n临时议程* 项目 97\n沿海国家的海上安全\n\n秘书长的报告\n"
    )
    assert (doc.symbol, doc.title_zh) == ("A/81/444", "沿海国家的海上安全")


def test_a_general_assembly_resolution_is_titled_by_its_numbered_line_not_its_agenda_item() -> None:
    doc = document(
        "联合国                            A/RES/80/999\n大会                             Distr.: General\n"
        "                                  9 December 2025\n\n第八十届会议\n议程项目 108\n预防犯罪和刑事司法\n\n"
        "2025年12月9日大会决议\n\n80/999. 打击海上武器贩运\n\n大会，\n"
    )
    assert (doc.symbol, doc.date, doc.title_zh) == ("A/RES/80/999", "2025-12-09", "打击海上武器贩运")


def test_a_resolution_without_its_year_is_dated_by_the_numbering_table() -> None:
    result = extract_document(
        document("联合国安理会第640号决议\n安全理事会,\n回顾其第600(1987)号决议,\n"), VOCAB
    )
    assert result.node == "res-s-640-1989"
    assert ("res-s-640-1989", "res-s-600-1987") in {(f.subject, f.object) for f in result.facts}


def test_passages_have_kinds_from_ingest() -> None:
    text = "第2801(2025)号决议\n安全理事会，\n回顾其第1373(2001)号决议，\n1. 请秘书长提交报告；\n"
    kinds = [(p.para, p.kind) for p in ingest.passages(document(text))]
    assert kinds == [("T1", "title"), ("PP1", "preamble"), ("1", "operative")]


# ---- every passage, every mention, every entity in the graph


@pytest.fixture(scope="module")
def small_graph(tmp_path_factory: pytest.TempPathFactory) -> rdflib.Graph:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "a.txt").write_text(
        "联合国官员谈索马里局势\n\n青年党在索马里南部仍然控制农村地区。\n\n联合国将继续支持索马里政府。\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "聯合國安理會主席聲明2025年第3號\n\n安全理事會譴責青年黨在索馬里發動的襲擊。\n", encoding="utf-8"
    )
    out = tmp_path_factory.mktemp("out")
    run_build([folder], out, progress=lambda m: None)
    return rdflib.Graph().parse(out / "nexus.ttl", format="turtle")


def test_every_passage_is_in_the_graph_even_without_a_fact(small_graph: rdflib.Graph) -> None:
    texts = {str(t) for t in small_graph.objects(None, rdflib.URIRef(NX + "text"))}
    assert "联合国将继续支持索马里政府。" in texts
    assert "联合国官员谈索马里局势" in texts  # the title line, kind "title"


def test_documents_mentioning_an_entity_in_either_script(small_graph: rdflib.Graph) -> None:
    rows = small_graph.query(
        """
        PREFIX nx: <https://w3id.org/nexus-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?doc WHERE {
            ?e rdfs:label|skos:altLabel|skos:hiddenLabel ?l . FILTER(str(?l) = "青年黨")
            ?p nx:mentions ?e ; nx:inDocument ?doc .
        }""",
        initNs={"skos": rdflib.SKOS},
    )
    assert len(list(rows)) == 2  # the Traditional form finds the Simplified document too


def test_every_mentioned_entity_has_a_class_and_a_label(small_graph: rdflib.Graph) -> None:
    mentioned = set(small_graph.objects(None, rdflib.URIRef(NX + "mentions")))
    assert len(mentioned) >= 4
    for e in mentioned:
        assert small_graph.value(e, rdflib.RDF.type) is not None, e
        assert small_graph.value(e, rdflib.RDFS.label) is not None, e


def test_a_statement_document_is_its_resolution_node(small_graph: rdflib.Graph) -> None:
    node = rdflib.URIRef("https://w3id.org/nexus-kg/id/res-s-prst-2025-3")
    assert (node, rdflib.RDF.type, rdflib.URIRef(NX + "Resolution")) in small_graph
    assert (node, rdflib.RDF.type, rdflib.URIRef(NX + "Document")) in small_graph


# ---- open-set names


def discovered(text: str) -> dict[str, str]:
    doc = document(text)
    _, entities = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
    return {e.label_zh: e.kind for e in entities.values() if e.discovered}


def test_a_discovered_group_never_swallows_the_verb_before_it() -> None:
    got = discovered("安理会再次断然谴责新月解放阵线发动的恐怖袭击。\n")
    assert got.get("新月解放阵线") == "TerroristGroup"
    assert not [name for name in got if "谴责" in name]


def test_a_quoted_group_after_a_descriptor_is_discovered_in_both_scripts() -> None:
    assert discovered("该地区的恐怖团体“黑沙旅”继续招募青年。\n").get("黑沙旅") == "TerroristGroup"
    assert discovered("該地區的恐怖團體「黑沙旅」繼續招募青年。\n").get("黑沙旅") == "TerroristGroup"


def test_a_quoted_phrase_without_a_group_descriptor_is_not_a_group() -> None:
    assert "能力建设工具包" not in discovered("毒品和犯罪问题办公室发布了“能力建设工具包”，用于反恐培训。\n")


def test_a_body_set_up_by_the_text_and_a_programme_with_an_acronym_are_discovered() -> None:
    got = discovered("决定设立一个海上调查小组，并请其与沿海监测项目(COASTWATCH)合作。\n")
    assert got.get("海上调查小组") == "UNEntity"
    assert got.get("沿海监测项目") == "Programme"


def test_a_named_publication_or_set_of_guidelines_in_title_marks_is_discovered() -> None:
    got = discovered("2023年，该办公室出版了《海上反恐调查手册》，并推广《关于保护证人的准则》。\n")
    assert got.get("海上反恐调查手册") == "Programme"
    assert got.get("关于保护证人的准则") == "Convention"


def test_a_place_written_inside_a_known_one_is_discovered() -> None:
    got = discovered("武装分子在马里中部塔兰加区袭击了一支车队，又在尼日尔Ouallam附近设伏。\n")
    assert got.get("塔兰加区") == "Region"
    assert got.get("Ouallam") == "Region"


def test_directions_and_longer_words_are_not_places() -> None:
    got = discovered("叙利亚北部地区的局势恶化，阿富汗三个区域中心和伊拉克石油产区受到影响。\n")
    # the north of a known country is a place of its own; the direction, the centres and the
    # oil-producing area are none
    assert [name for name, kind in got.items() if kind == "Region"] == ["叙利亚北部"]


def test_a_discovered_place_carries_presence() -> None:
    got = pairs("青年党在索马里中部瓦巴拉镇发动袭击。\n", "operatesIn")
    places = {o for s, o in got if s == "group-al-shabaab"}
    assert any(o.startswith("region-") for o in places), places


# ---- relations in a resolution's own voice


RESOLUTION = "第2801(2025)号决议\n2025年11月3日安全理事会第9999次会议通过\n安全理事会，\n"


def test_preamble_recalls_every_resolution_of_its_clause() -> None:
    got = pairs(RESOLUTION + "又回顾其第1267(1999)、1989(2011)号决议和第2253(2015)号决议，\n", "recalls")
    assert got == {("res-s-2801-2025", r) for r in ("res-s-1267-1999", "res-s-1989-2011", "res-s-2253-2015")}


def test_recalls_in_traditional_script() -> None:
    text = "第2801(2025)號決議\n安全理事會，\n回顧安理會第1373(2001)號決議，\n"
    assert pairs(text, "recalls") == {("res-s-2801-2025", "res-s-1373-2001")}


def test_a_resolution_named_in_a_clause_not_opened_by_a_recall_is_not_recalled() -> None:
    text = RESOLUTION + "重申恐怖主义是对和平的威胁，欢迎各国执行第2253(2015)号决议，\n"
    assert pairs(text, "recalls") == set()


def test_requests_and_establishment_give_mandated_by_this_resolution() -> None:
    text = RESOLUTION + "1. 请秘书长在六个月内提交报告；\n2. 决定设立一个海上调查小组，协助沿海国家；\n"
    got = pairs(text, "mandatedBy")
    assert ("un-secretary-general", "res-s-2801-2025") in got
    assert any(obj == "res-s-2801-2025" and subj != "un-secretary-general" for subj, obj in got)


def test_a_request_to_member_states_does_not_mandate_the_body_named_after_it() -> None:
    text = RESOLUTION + "3. 请会员国向监测组提供相关资料；\n"
    assert not {s for s, _ in pairs(text, "mandatedBy")} & {"un-monitoring-team-1267", "un-monitoring-team"}


def test_the_partner_of_a_requested_body_is_not_requested() -> None:
    text = RESOLUTION + "1. 请联合国毒品和犯罪问题办公室与国际刑警组织及反恐执行局合作，支持各国；\n"
    got = pairs(text, "mandatedBy")
    assert ("un-unodc", "res-s-2801-2025") in got
    assert not {s for s, _ in got} & {"org-interpol", "un-cted"}


def test_the_counter_terrorism_office_by_its_short_name_works_with_its_partner() -> None:
    got = facts("反恐办公室同欧洲联盟合作，在中亚实施一项边境安全方案。\n")
    assert ("un-unoct", "partnerOf", "org-european-union") in {
        (f.subject, f.predicate, f.object) for f in got
    }
    assert ("un-unoct", "region-central-asia") in {
        (f.subject, f.object) for f in got if f.predicate == "activeIn"
    }


def test_two_organizations_that_host_an_event_together_are_partners() -> None:
    text = "欧洲联盟和非洲联盟共同主办了一次关于打击恐怖主义融资的区域会议。\n"
    assert pairs(text, "partnerOf") == {("org-european-union", "org-african-union")}


def test_a_mandate_extended_in_a_named_resolution() -> None:
    text = "安理会在第2368(2017)号决议中延长了监察员办公室的任务期限。\n"
    assert pairs(text, "mandatedBy") == {("un-ombudsperson", "res-s-2368-2017")}


def test_a_body_set_up_by_named_resolutions_is_mandated_by_each() -> None:
    text = "据第1526(2004)和2368(2017)号决议所设分析支助和制裁监测组称，该团体仍在活动。\n"
    got = {o for _, o in pairs(text, "mandatedBy")}
    assert {"res-s-1526-2004", "res-s-2368-2017"} <= got


def test_this_resolution_in_a_resolutions_own_text_is_that_resolution() -> None:
    text = RESOLUTION + "4. 请联合国毒品和犯罪问题办公室继续协助刚果民主共和国政府执行本决议；\n"
    got = pairs(text, "implements")
    assert ("un-unodc", "res-s-2801-2025") in got  # the body asked to help carry it out
    assert ("org-gov-cod", "res-s-2801-2025") not in got  # helped, not said to carry it out
    assert pairs("请联合国毒品和犯罪问题办公室协助各国执行本决议。\n", "implements") == set()


def test_a_short_form_asked_after_its_full_name_ends_the_bodies_asked_before() -> None:
    text = RESOLUTION + (
        "回顾其第1373(2001)号决议，\n1. 请反恐怖主义委员会执行局和监察员办公室在各自任务范围内，"
        "进一步研究恐怖主义与有组织犯罪之间的联系，并请执行局监测各会员国执行本决议的情况；\n"
    )
    assert {s for s, _ in pairs(text, "implements")} == {"un-cted"}


def test_a_body_asked_by_a_name_not_recognised_is_not_the_one_asked_before() -> None:
    text = RESOLUTION + (
        "回顾其第1373(2001)号决议，\n1. 请反恐怖主义委员会执行局和监察员办公室在各自任务范围内，"
        "进一步研究恐怖主义与有组织犯罪之间的联系，并请特派团监测各会员国执行本决议的情况；\n"
    )
    assert pairs(text, "implements") == set()


def test_cooperation_between_two_others_is_not_the_agents_own() -> None:
    between = "毒品和犯罪问题办公室举办了一次讲习班，旨在加强肯尼亚金融情报中心与坦桑尼亚联合共和国警察局之间的合作。\n"
    assert ("un-unodc", "country-tza") not in pairs(between, "activeIn")
    own = "毒品和犯罪问题办公室加强了与国际刑事警察组织之间的合作。\n"
    assert ("un-unodc", "org-interpol") in pairs(own, "partnerOf")


def test_a_mandate_extended_for_the_body_a_sentence_is_about() -> None:
    text = "监察员办公室是根据第1904(2009)号决议设立的，其任务最近由第2734(2024)号决议延长。\n"
    assert ("un-ombudsperson", "res-s-2734-2024") in pairs(text, "mandatedBy")


def test_acting_at_a_resolutions_request_is_a_mandate_in_news_style() -> None:
    text = "应安理会第2253(2015)号决议的要求，秘书长本月提交了一份报告。\n"
    assert ("un-secretary-general", "res-s-2253-2015") in pairs(text, "mandatedBy")


# ---- presence, attacks and modality


def test_a_place_left_out_before_a_second_direction_is_the_same_place() -> None:
    # 索马里南部及中部: the centre of Somalia too; each part is stated, and the country with it
    text = "据报，伊黎伊斯兰国在伊拉克北部和叙利亚东北部活动，青年党则控制索马里南部及中部的农村地区。\n"
    got = pairs(text, "operatesIn")
    assert got == {
        ("group-isil", "country-irq"),
        ("group-isil", concept("伊拉克北部")),
        ("group-isil", "country-syr"),
        ("group-isil", concept("叙利亚东北部")),
        ("group-al-shabaab", "country-som"),
        ("group-al-shabaab", concept("索马里南部")),
        ("group-al-shabaab", concept("索马里中部")),
    }


def test_having_fighters_in_a_place_is_presence() -> None:
    assert ("group-isil", "country-afg") in pairs(
        "据估计，伊黎伊斯兰国在阿富汗仍有约两千名战斗人员。\n", "operatesIn"
    )
    assert pairs("伊黎伊斯兰国在阿富汗有关的宣传材料被删除。\n", "operatesIn") == set()


def test_taxing_traders_is_illicit_taxation_a_group_gains_from() -> None:
    got = pairs("青年党向过往卡车和商贩征税，每年获得数百万美元。\n", "benefitsFrom")
    assert got == {("group-al-shabaab", "crime-illicit-taxation")}


def test_an_affiliate_described_at_length_is_still_an_affiliate() -> None:
    text = "监测组认为，博科圣地仍是伊黎伊斯兰国在西非最活跃、人数最多的附属组织之一。\n"
    assert pairs(text, "affiliatedWith") == {("group-boko-haram", "group-isil")}
    other_clause = "博科圣地仍在活动，伊黎伊斯兰国则在西非招募了新的附属组织。\n"
    assert pairs(other_clause, "affiliatedWith") == set()


def test_close_ties_between_two_groups_are_an_affiliation() -> None:
    assert pairs("哈卡尼网络与基地组织关系密切。\n", "affiliatedWith") == {
        ("group-haqqani-network", "group-al-qaida")
    }


def test_the_group_of_one_paragraph_is_the_one_the_next_refers_back_to() -> None:
    text = "1. 伊黎伊斯兰国继续在伊拉克西部活动。\n2. 该团体还从绑架勒赎中获利。\n3. 该团体的领导层\n"
    assert pairs(text, "benefitsFrom") == {("group-isil", "crime-kidnapping-for-ransom")}
    # only the paragraph right after: a later one that refers back names no group of its own
    later = (
        "1. 伊黎伊斯兰国继续在伊拉克西部活动。\n2. 会员国加强了边境管制。\n3. 该团体还从绑架勒赎中获利。\n"
    )
    assert pairs(later, "benefitsFrom") == set()


def test_attacks_place_the_group_that_carried_them_out() -> None:
    text = "青年党发动的袭击近来增多，包括在基斯马尤的汽车炸弹爆炸。\n"
    places = objects(text, "operatesIn", "group-al-shabaab")
    assert places and all(VOCAB.concepts[p].kind in ("Region", "Country") for p in places)


def test_a_country_qualifying_a_quoted_group_is_where_it_operates() -> None:
    assert ("group-boko-haram", "country-nga") in pairs(
        "尼日利亚恐怖组织“博科圣地”声称对事件负责。\n", "operatesIn"
    )


def test_a_group_defeated_in_a_city_was_there() -> None:
    # forces fighting or defeating a group in a place place the group there (as 从X手中收复Y does)
    assert pairs("伊拉克部队在摩苏尔击败了伊黎伊斯兰国。\n", "operatesIn") == {("group-isil", "city-mosul")}


def test_expansion_in_listed_regions_in_traditional_script() -> None:
    got = pairs("伊黎伊斯蘭國在西非和北非的迅速擴張令人關切。\n", "operatesIn")
    assert {o for _, o in got} == {"region-west-africa", "region-north-africa"}


def test_a_negated_benefit_is_not_asserted() -> None:
    assert pairs("伊黎伊斯兰国没有参与贩毒。\n", "benefitsFrom") == set()


def test_a_hedged_benefit_is_flagged() -> None:
    got = [f for f in facts("据估计，塔利班从鸦片生产中获得大量收入。\n") if f.predicate == "benefitsFrom"]
    assert got and all(f.hedged for f in got)
    assert {f.object for f in got} == {"crime-drug-trafficking"}


def test_affiliation_by_apposition_and_not_by_a_list() -> None:
    assert ("group-isil", "group-al-qaida") in pairs(
        "安理会谴责基地组织附属组织伊黎伊斯兰国的袭击。\n", "affiliatedWith"
    )
    listed = "与伊黎伊斯兰国、基地组织和青年党有关联的外国恐怖主义作战人员构成威胁。\n"
    assert pairs(listed, "affiliatedWith") == set()


def test_a_discovered_name_in_two_documents_is_one_node_counted_twice(tmp_path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "one.txt").write_text("恐怖团体新月解放阵线在萨赫勒发动袭击。\n", encoding="utf-8")
    (folder / "two.txt").write_text("據報，新月解放陣線從綁架勒索中獲利。\n", encoding="utf-8")  # Traditional
    result = run_build([folder], tmp_path / "out", progress=lambda m: None)
    named = [(kind, label, docs) for kind, label, docs in result.discovered if "新月解放" in label]
    assert named == [("TerroristGroup", "新月解放阵线", 2)]


def test_a_quoted_report_title_is_a_programme_with_its_main_title_as_alias() -> None:
    doc = document("办公室发布了关于“海上通道:印度洋贩毒趋势分析”的一份新报告。\n")
    _, entities = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
    [report] = [e for e in entities.values() if e.kind == "Programme" and e.discovered]
    assert report.label_zh == "海上通道:印度洋贩毒趋势分析"
    assert report.alt_labels == ("海上通道",)


def test_crimes_named_by_a_phrase_are_found_in_both_scripts() -> None:
    for text in (
        "报告审查了被盗自然资源和贩运的人口的流动。\n",
        "報告審查了被盜自然資源和販運的人口的流動。\n",
    ):
        doc = document(text)
        found, _ = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
        concepts = {m.concept for ms in found for m in ms}
        assert {"crime-natural-resources", "crime-human-trafficking"} <= concepts


def test_a_coordinated_list_of_forgery_verbs_names_document_fraud() -> None:
    doc = document("各国应防止恐怖分子伪造、变造或冒用旅行证件越境。\n")
    found, _ = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
    crimes = {(m.concept, m.surface) for ms in found for m in ms if m.kind == "CrimeType"}
    assert crimes == {(VOCAB.lookup("伪造证件").id, "伪造、变造或冒用旅行证件")}


SUMMARY = (
    "安理会通过决议打击恐怖分子利用无人机\n2026年3月2日\n"
    "安全理事会今天一致通过第2811(2026)号决议。该决议回顾了第2370(2017)号决议，并请反恐执行局评估威胁。\n"
    "该决议还请监测组在报告中列入有关信息。\n"
)


def test_a_summary_page_refers_to_the_adopted_resolution_as_the_resolution() -> None:
    got = pairs(SUMMARY, "recalls") | pairs(SUMMARY, "mandatedBy")
    assert got == {
        ("res-s-2811-2026", "res-s-2370-2017"),
        ("un-cted", "res-s-2811-2026"),
        ("un-monitoring-team", "res-s-2811-2026"),
    }


def test_a_trafficking_verb_over_a_list_of_goods_names_each_crime() -> None:
    got = pairs("该团伙通过走私武器、文物和石油为基地组织筹资。\n", "benefitsFrom")
    assert {o for _, o in got} == {
        VOCAB.lookup("武器贩运").id,
        VOCAB.lookup("贩运文物").id,
        VOCAB.lookup("石油走私").id,
    }


# ---- document structure (issue 18)


@pytest.mark.parametrize(
    "text",
    [
        "联合国 | S/RES/2999 (2026) | 安全理事会 | Distr.: General 3 March 2026 第2999(2026)号决议\n"
        "2026年3月3日安全理事会第9999次会议通过\n安全理事会，\n回顾其第1373(2001)号决议，\n"
        "1. 请秘书长提交报告；\n",
        "聯合國 | S/RES/2999 (2026) | 安全理事會 | Distr.: General 3 March 2026\n第2999(2026)號決議\n"
        "安全理事會2026年3月3日第9999次會議通過\n安全理事會,\n回顧其第1373(2001)號決議,\n",
    ],
    ids=["simplified-glued", "traditional"],
)
def test_a_resolution_under_a_masthead_speaks_with_its_own_voice(text: str) -> None:
    assert pairs(text, "recalls") == {("res-s-2999-2026", "res-s-1373-2001")}


def test_a_footnote_states_a_mandate() -> None:
    text = (
        "1. 各国报告了为制止资助恐怖主义行为而采取的措施。1 一些国家加重了处罚。\n\n"
        "__________________ \n\n"
        " 1 见反恐怖主义委员会执行局根据安全理事会第 2462(2019)号决议编写的报告。\n"
    )
    assert ("un-cted", "res-s-2462-2019") in pairs(text, "mandatedBy")


# ---- names split by quote marks, and what a discovered name never takes in (issue 18)


@pytest.mark.parametrize(
    "text",
    [
        "安理会谴责“基地”组织在马里北部发动的恐怖袭击。",
        "安全理事會譴責「基地」組織在馬里北部發動的恐怖襲擊。",
        "‘基地’组织的附属团体继续从绑架勒索中获益。",
    ],
)
def test_a_name_split_by_quote_marks_is_the_vocabulary_entity(text: str) -> None:
    doc = document(text)
    found, entities = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
    groups = {m.concept for ms in found for m in ms if m.kind == "TerroristGroup"}
    assert groups == {"group-al-qaida"}
    assert not any(e.discovered for e in entities.values())


@pytest.mark.parametrize(
    "text",
    [
        "安理会表示关切新月解放阵线在马里的恐怖活动。",
        "目前尚不清楚新月解放阵线是否参与了这次恐怖袭击。",
        "安全理事會再次譴責新月解放陣線的恐怖襲擊。",
        "據悉，新月解放陣線從販毒中獲益。",
    ],
)
def test_a_discovered_group_never_takes_in_a_verb_or_a_phrase_of_uncertainty(text: str) -> None:
    names = set(discovered(text))
    assert names in ({"新月解放阵线"}, {"新月解放陣線"}), names


@pytest.mark.parametrize(
    "text",
    [
        "这一组织从绑架勒索中获益，并在萨赫勒发动恐怖袭击。",
        "一些圣战组织和恐怖组织从贩毒中获益。",
        "該組織和其他極端組織從綁架中獲益。",
    ],
)
def test_anaphors_and_generic_nouns_are_never_discovered_groups(text: str) -> None:
    assert discovered(text) == {}


def test_the_discovery_word_lists_are_checked_on_load() -> None:
    from graph.cueschema import check
    from graph.errors import OntologyError

    cues = load().cues
    check(cues, lambda _: True, "cues.toml")
    broken = {**cues, "discovery": {k: v for k, v in cues["discovery"].items() if k != "anaphors"}}
    with pytest.raises(OntologyError, match=r"^cues.toml: \[discovery\] anaphors: missing"):
        check(broken, lambda _: True, "cues.toml")


@pytest.mark.parametrize(
    "text",
    [
        "联合国系统继续协助马里政府执行第2253(2015)号决议。",
        "聯合國系統繼續協助馬里政府執行第2253(2015)號決議。",
    ],
)
def test_the_un_system_as_a_whole_is_no_agent(text: str) -> None:
    assert not [f for f in facts(text) if f.subject == "un-united-nations"]


# ---- crimes named goods first, and kidnapping as a tactic (issue 18)


@pytest.mark.parametrize(
    ("text", "crime"),
    [
        ("监测组报告说，海洛因贩运仍是塔利班的主要收入来源。", "crime-drug-trafficking"),
        ("監測組報告說，可卡因走私為該地區的恐怖團體提供了資金。", "crime-drug-trafficking"),
        ("伊黎伊斯兰国通过原油走私获取收入。", "crime-oil-smuggling"),
        ("青年党从木炭贸易中获利。", "crime-charcoal-trade"),
    ],
)
def test_a_crime_named_goods_first_is_the_goods_crime(text: str, crime: str) -> None:
    doc = document(text)
    found, _ = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
    crimes = [m for ms in found for m in ms if m.kind == "CrimeType"]
    assert [m.concept for m in crimes] == [crime], crimes


def test_goods_first_gives_the_benefit_of_the_goods_crime() -> None:
    assert pairs("塔利班从鸦片贩运中获利。", "benefitsFrom") == {("group-taliban", "crime-drug-trafficking")}


@pytest.mark.parametrize(
    "text",
    [
        "性暴力，包括绑架数百名妇女和女孩，是该地区“博科圣地”组织的蓄意策略。",
        "青年黨把政府官員和援助人員作為綁架對象。",
    ],
)
def test_kidnapping_as_a_tactic_gives_no_profit_fact(text: str) -> None:
    assert pairs(text, "benefitsFrom") == set()


@pytest.mark.parametrize(
    "text",
    [
        "伊斯兰马格里布基地组织通过绑架外国人获得了数百万美元赎金。",
        "阿布沙耶夫集團通過綁架外國遊客籌集資金。",
    ],
)
def test_kidnapping_with_a_ransom_or_funding_cue_is_kidnapping_for_ransom(text: str) -> None:
    assert {o for _, o in pairs(text, "benefitsFrom")} == {"crime-kidnapping-for-ransom"}


# ---- resolutions listed without separators, and names that contain one (issue 18)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("回顾其第1267(1999)号第1333(2000)号第1390(2002)号决议。", ["1267-1999", "1333-2000", "1390-2002"]),
        ("又回顧2001年9月28日第1373(2001)號、2005年9月14日第1624(2005)號決議。", ["1373-2001", "1624-2005"]),
    ],
)
def test_every_resolution_of_a_list_is_a_mention(text: str, expected: list[str]) -> None:
    found, _ = mentions.document_mentions(list(ingest.passages(document(text))), VOCAB)
    assert [m.concept for ms in found for m in ms if m.kind == "Resolution"] == [
        f"res-s-{e}" for e in expected
    ]


def test_a_resolution_list_without_separators_is_recalled_in_full() -> None:
    text = (
        "第2999(2026)号决议\n安全理事会，\n回顾其第1267(1999)号第1333(2000)号决议，\n1. 请秘书长提交报告；\n"
    )
    assert pairs(text, "recalls") == {
        ("res-s-2999-2026", "res-s-1267-1999"),
        ("res-s-2999-2026", "res-s-1333-2000"),
    }


def test_a_committee_named_after_its_resolution_keeps_the_resolution() -> None:
    text = "第2713(2023)號決議所設委員會的專家小組向安理會提交了最後報告。"
    found, _ = mentions.document_mentions(list(ingest.passages(document(text))), VOCAB)
    committee = next(m for ms in found for m in ms if m.kind == "UNEntity" and m.refs)
    assert committee.refs == ("res-s-2713-2023",)
    assert (committee.concept, "res-s-2713-2023") in pairs(text, "mandatedBy")


# ---- a full name the vocabulary does not hold, before a short form it does hold


@pytest.mark.parametrize(
    "text",
    [
        "安理会欢迎非洲联盟索马里过渡时期特派团(非索过渡特派团)为打击青年党所作的努力。",
        "安理會歡迎非洲聯盟索馬里過渡時期特派團（非索過渡特派團）為打擊青年黨所作的努力。",
    ],
)
def test_a_full_name_before_a_known_short_form_names_its_entity(text: str) -> None:
    doc = document(text)
    (found,), _ = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
    atmis = VOCAB.lookup("非索过渡特派团")
    assert atmis is not None
    full = [m for m in found if m.concept == atmis.id and len(m.surface) > 10]
    assert full, found  # one mention over the whole full name
    inside = [m for m in found if full[0].start <= m.start and m.end <= full[0].end and m is not full[0]]
    assert not inside  # 非洲联盟 and 索马里 inside the name are not mentioned on their own
    council = [m for m in found if m.concept == "un-security-council"]
    assert [len(m.surface) for m in council] == [3]  # 安理会欢迎…: the verb ends the name before it


def test_the_mission_so_named_acts_under_its_resolution() -> None:
    text = "联合国索马里过渡时期援助团(联索过渡援助团)将根据第2705(2023)号决议支持索马里联邦政府。"
    mission = VOCAB.lookup("联索过渡援助团")
    assert mission is not None
    assert pairs(text, "mandatedBy") == {(mission.id, "res-s-2705-2023")}


@pytest.mark.parametrize(
    "text",
    [
        "联合国新闻2024年5月2日—毒品和犯罪问题办公室在内罗毕举办了一次讲习班。",
        "聯合國新聞2024年5月2日—毒品和犯罪問題辦公室在內羅畢舉辦了一次講習班。",
    ],
)
def test_a_news_dateline_is_no_actor(text: str) -> None:
    got = pairs(text, "activeIn")
    assert got == {("un-unodc", "city-nairobi")}


# ---- lists of groups, each with its own funding; groups named in a phrase; programmes of a body


def test_each_group_of_a_sentence_keeps_its_own_funding() -> None:
    text = "安理会关切伊斯兰国西非省通过绑架勒索赎金筹集资金，青年党从木炭非法贸易中获益。\n"
    got = pairs(text, "benefitsFrom")
    assert ("group-iswap", "crime-kidnapping-for-ransom") in got
    assert not any(s == "group-al-shabaab" and o == "crime-kidnapping-for-ransom" for s, o in got)
    assert not any(s == "group-iswap" and o != "crime-kidnapping-for-ransom" for s, o in got)


def test_a_group_described_by_its_pledge_is_the_one_that_pledged() -> None:
    text = "安理会还关切效忠于伊拉克和黎凡特伊斯兰国(达伊沙)的伊斯兰国西非省在乍得湖流域持续存在。\n"
    assert ("group-iswap", "group-isil") in pairs(text, "affiliatedWith")


def test_a_parent_named_with_its_alias_owns_the_affiliates_listed_after_it() -> None:
    text = (
        "关切伊拉克和黎凡特伊斯兰国(又称达伊沙)及其附属团体,包括伊斯兰国西非省,"
        "以及基地组织及其附属团体,包括青年党,继续构成威胁,\n"
    )
    got = {frozenset(p) for p in pairs(text, "affiliatedWith")}
    assert frozenset({"group-iswap", "group-isil"}) in got
    assert frozenset({"group-al-shabaab", "group-al-qaida"}) in got
    assert frozenset({"group-isil", "group-al-qaida"}) not in got


def test_a_body_described_by_the_resolution_that_set_it_up_is_not_the_one_before() -> None:
    text = "秘书长访问了金沙萨。依照第1533(2004)号决议设立的专家组在报告中指出，民主同盟军在北基伍省活动。\n"
    assert ("un-secretary-general", "res-s-1533-2004") not in pairs(text, "mandatedBy")


def test_a_programme_named_after_the_office_that_runs_it_is_the_one_acting() -> None:
    text = "毒品和犯罪问题办公室全球海事犯罪方案在索马里和肯尼亚支持海岸警卫队。\n"
    got = facts(text)
    programmes = {f.subject for f in got if f.predicate == "activeIn" and f.object == "country-som"}
    assert programmes and all(s.startswith("programme-") for s in programmes)


def test_a_body_acting_at_a_resolutions_request_fronted_is_mandated_by_it() -> None:
    text = "毒品和犯罪问题办公室在中亚开展工作。应大会第79/180号决议的要求，该办公室编写了一份关于贩运人口的研究报告。\n"
    assert ("un-unodc", "res-a-79-180") in pairs(text, "mandatedBy")


def test_acting_on_behalf_of_a_committee_is_not_the_committee_acting() -> None:
    text = "反恐怖主义委员会执行局继续代表反恐怖主义委员会评估会员国执行第1373(2001)号决议的情况。\n"
    got = pairs(text, "implements")
    assert ("un-cted", "res-s-1373-2001") in got
    assert ("un-ctc", "res-s-1373-2001") not in got


def test_the_organization_of_a_sentence_is_the_group_it_named() -> None:
    text = (
        "伊黎伊斯兰国在伊拉克活动。报告还指出，没有证据表明沙姆解放组织参与了此类贩运，"
        "但该组织从伊德利卜省的走私活动中获益。\n"
    )
    got = pairs(text, "benefitsFrom")
    assert any(s == "group-al-nusrah-front" for s, _ in got)
    assert not any(s == "group-isil" for s, _ in got)


def test_a_programme_described_by_those_who_run_it_is_the_one_acting() -> None:
    text = (
        "毒品和犯罪问题办公室与世界海关组织共同实施的集装箱管制方案继续在厄瓜多尔和巴拿马的港口设立管制股。\n"
    )
    got = facts(text)
    active = {(f.subject, f.object) for f in got if f.predicate == "activeIn"}
    assert ("programme-container-control", "country-ecu") in active
    assert ("un-unodc", "country-ecu") not in active
    assert ("un-unodc", "org-wco") in {(f.subject, f.object) for f in got if f.predicate == "partnerOf"}


def test_a_global_programme_is_discovered_and_its_short_form_acts() -> None:
    text = (
        "反恐办与联合国区域间犯罪和司法研究所联合实施全球保护公共场所方案。该方案向肯尼亚提供了技术援助。\n"
    )
    got = {(f.subject, f.object) for f in facts(text) if f.predicate == "activeIn"}
    assert any(s.startswith("programme-") and o == "country-ken" for s, o in got)


def test_the_un_system_and_a_question_ending_in_a_programme_head_are_no_programmes() -> None:
    got = discovered(
        "联合国系统各机构、基金和方案在各级支持会员国。本节说明联合国可采取何种战略备选方案。"
        "联合国各实体可以加强以下现有方案：\n"
    )
    assert not [name for name, kind in got.items() if kind == "Programme"]
    assert discovered("联合国海上犯罪方案在索马里开展培训。\n").get("联合国海上犯罪方案") == "Programme"


def test_a_programme_named_for_its_purpose_after_its_office_is_discovered() -> None:
    text = "反恐中心的打击资助恐怖主义方案协助会员国执行第2462(2019)号决议。\n"
    got = pairs(text, "implements")
    assert any(s.startswith("programme-") and o == "res-s-2462-2019" for s, o in got)
    assert not any("加强" in name for name in discovered("毒品和犯罪问题办公室加强国家禁毒方案的协调。"))


def test_a_body_a_resolution_set_up_is_named_before_the_copula() -> None:
    text = "反恐办是大会第71/291号决议设立的，负责协调联合国系统的反恐工作。\n"
    got = pairs(text, "mandatedBy")
    assert ("un-unoct", "res-a-71-291") in got
    assert ("un-united-nations", "res-a-71-291") not in got


def test_a_guide_referred_to_by_its_head_noun_is_the_guide_named_before() -> None:
    text = (
        "毒品和犯罪问题办公室发布了《打击非法金融流动实用指南》。"
        "该指南是根据经济及社会理事会第2024/21号决议编写的。\n"
    )
    got = pairs(text, "mandatedBy")
    assert any(s.startswith("programme-") and o == "res-e-2024-21" for s, o in got)
    assert ("un-unodc", "res-e-2024-21") not in got


def test_no_islamic_state_in_an_islamic_state() -> None:
    text = "该组织的目标是在东南亚建立一个伊斯兰国家。\n"
    assert not any(f.subject == "group-isil" or f.object == "group-isil" for f in facts(text))


def test_a_group_only_qualifying_a_noun_is_not_the_one_a_short_form_means() -> None:
    text = (
        "宗教卫士组织是基地组织在阿拉伯叙利亚共和国的附属团体。"
        "由于沙姆解放组织的打压，该团体的实力已大为削弱，其残余人员分散在伊德利卜省。\n"
    )
    got = pairs(text, "operatesIn")
    assert ("group-hurras-al-din", "region-idlib-governorate") in got
    assert ("group-al-nusrah-front", "region-idlib-governorate") not in got


def test_a_verb_before_a_known_group_is_not_part_of_a_new_name() -> None:
    names = discovered("该团体由2018年初脱离沙姆解放组织的成员组建。")
    assert not any(name.startswith("脱离") for name in names)


def test_an_intention_or_a_bill_under_review_is_not_accession() -> None:
    assert (
        pairs("索马里联邦政府打算在2027年内加入《联合国打击跨国有组织犯罪公约》。\n", "implements") == set()
    )
    assert ("org-gov-som", "convention-untoc") in pairs(
        "索马里联邦政府于2026年加入了《联合国打击跨国有组织犯罪公约》。\n", "implements"
    )


def test_the_council_is_not_set_up_by_the_resolution_that_set_up_its_committee() -> None:
    text = "请专家小组提交报告，并先与第1970(2011)号决议所设安全理事会委员会讨论。\n"
    assert ("un-security-council", "res-s-1970-2011") not in pairs(text, "mandatedBy")


def test_of_two_names_of_one_length_the_head_at_the_right_wins() -> None:
    text = "联合国安理会反恐怖主义委员会执行局代表团结束了对莫桑比克的访问。\n"
    doc = document(text)
    found, _ = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
    assert "un-cted" in {m.concept for ms in found for m in ms}


def test_a_line_that_is_only_a_group_s_name_is_what_the_profile_is_about() -> None:
    # a sanctions-list summary whose heading lines are body text: 该组织 is the listed group, not
    # the parent it pledged allegiance to in the sentence before
    text = (
        "安全理事会关于伊黎伊斯兰国(达伊沙)、基地组织及相关个人、团体、企业和实体的第1267(1999)号决议所设委员会\n\n"
        "列入名单理由的叙述性摘要\n\nQDe.999\n\n伊斯兰国西非省\n\n"
        "伊斯兰国西非省于2016年由博科圣地的一个派别组建而成。该组织成立时，其领导人即宣布效忠"
        "伊拉克和黎凡特伊斯兰国领导层，并将该组织定位为伊拉克和黎凡特伊斯兰国在西非的分支。\n\n"
        "该组织主要在乍得湖流域和尼日利亚东北部活动。\n\n该组织的资金来源包括绑架勒索和敲诈勒索。"
    )
    found = pairs(text, "operatesIn")
    assert (concept("伊斯兰国西非省"), "region-lake-chad-basin") in found, found
    assert not any(o == "region-lake-chad-basin" for s, o in found if s != concept("伊斯兰国西非省")), found


def test_another_name_in_brackets_is_the_group_s_own_and_a_remark_marks_nothing() -> None:
    # 当地称为“X” names the group before it, whatever else is called X; the remark's 与 marks no
    # partner of the clause around it
    text = "伊黎伊斯兰国莫桑比克省(当地又称“青年党”，与索马里的青年党没有组织联系)在德尔加杜角省发动袭击。"
    found = pairs(text, "operatesIn")
    moz, shabaab = concept("伊黎伊斯兰国莫桑比克省"), concept("青年党")
    assert (moz, "region-cabo-delgado") in found
    assert (shabaab, "region-cabo-delgado") not in found, found


def test_the_agent_of_a_passive_is_not_what_the_text_goes_on_about() -> None:
    from graph.extract.clauses import analyse
    from graph.extract.discourse import Discourse
    from graph.records import Mention

    text = "其余下的战斗人员已被伊斯兰国西非省吸收"
    at = text.index("伊斯兰国西非省")
    ms = [
        Mention(concept("伊斯兰国西非省"), "TerroristGroup", "伊斯兰国西非省", "d", at, at + 7, "vocabulary")
    ]
    (clause,) = analyse(text, ms, VOCAB.frames)
    discourse = Discourse(passive=VOCAB.frames.passive)
    agents, _implied = discourse.agents(clause, ())
    assert [m.surface for m in agents] == ["伊斯兰国西非省"]  # it acts in its clause
    assert discourse.topic == () and discourse.last_group is None  # but 该团体 after it is not it
    active = Discourse(passive=VOCAB.frames.passive)
    (clause,) = analyse(
        "伊斯兰国西非省吸收了其余下的战斗人员", [dataclasses.replace(ms[0], start=0, end=7)], VOCAB.frames
    )
    active.agents(clause, ())
    assert [m.surface for m in active.topic] == ["伊斯兰国西非省"]


def test_a_full_name_before_another_known_name_in_brackets_names_that_group() -> None:
    text = "安全部队在博尔诺州遭到一个恐怖组织的袭击。萨拉菲宣教和圣战组织(通称“博科圣地”)在该州发动了袭击。"
    ds = [m for ms in mentions.document_mentions(list(ingest.passages(document(text))), VOCAB)[0] for m in ms]
    boko = concept("博科圣地")
    assert any(m.concept == boko and m.surface.endswith("圣战组织") for m in ds), ds


def test_what_a_group_is_called_locally_is_no_other_group() -> None:
    # 称其为“X”: X is a name of the group the text is about, even where the vocabulary knows an X
    text = (
        "伊黎伊斯兰国莫桑比克省在德尔加杜角省多次袭击村庄。当地居民称其为“青年党”，但该团体与索马里的青年党无关。"
        "该团体于2019年宣誓效忠伊拉克和黎凡特伊斯兰国。"
    )
    found = pairs(text, "affiliatedWith")
    assert {frozenset(p) for p in found} == {
        frozenset((concept("伊黎伊斯兰国莫桑比克省"), concept("伊拉克和黎凡特伊斯兰国")))
    }


def test_a_group_described_as_one_branch_of_another_keeps_its_crimes() -> None:
    text = (
        "伊黎伊斯兰国萨赫勒省在尼日尔活动。该团体是伊黎伊斯兰国的一个分支，依靠抢劫牲畜和敲诈勒索维持运作。"
    )
    assert {s for s, _ in pairs(text, "benefitsFrom")} == {concept("伊黎伊斯兰国萨赫勒省")}


def test_each_item_of_an_enumeration_starts_from_the_subject_that_opened_it() -> None:
    # (b)'s partner and (b)'s place do not carry into (c); the partner of the opening clause does
    text = (
        "在本报告所述期间，儿童基金会：(a)与世界粮食计划署合作，在喀布尔分发了营养补充品；"
        "(b)为塔吉克斯坦的社会工作者举办了培训班。"
    )
    found = pairs(text, "activeIn")
    unicef, wfp = concept("儿童基金会"), concept("世界粮食计划署")
    assert (unicef, concept("塔吉克斯坦")) in found
    assert (wfp, concept("塔吉克斯坦")) not in found
    joint = "开发署与儿童基金会联合开展了以下活动：(a)在喀布尔举办了讲习班；(b)为塔吉克斯坦提供了咨询。"
    assert (unicef, concept("塔吉克斯坦")) in pairs(joint, "activeIn")


def test_a_body_worked_with_is_not_where_the_work_is_done_but_a_joint_organiser_is() -> None:
    unodc, who = concept("毒品和犯罪问题办公室"), concept("世界卫生组织")
    kabul = concept("喀布尔")
    cooperated = "毒品和犯罪问题办公室与世界卫生组织合作，在喀布尔为药物使用者提供了治疗服务。"
    assert pairs(cooperated, "activeIn") == {(unodc, kabul)}
    assert {frozenset(p) for p in pairs(cooperated, "partnerOf")} == {frozenset((unodc, who))}
    together = "毒品和犯罪问题办公室与世界卫生组织联合举办了讲习班，在喀布尔培训了医务人员。"
    assert {(unodc, kabul), (who, kabul)} <= pairs(together, "activeIn")


def test_a_crime_the_group_condemns_is_not_one_it_profits_from() -> None:
    text = "青年党通过敲诈勒索筹集资金，但在其宣传材料中谴责贩毒。安理会谴责青年党绑架平民以筹集资金。"
    found = pairs(text, "benefitsFrom")
    shabaab = concept("青年党")
    assert (shabaab, concept("敲诈勒索")) in found
    assert (shabaab, concept("贩毒")) not in found
    assert (shabaab, concept("绑架")) in found  # condemned by the Council: still the group's act


def test_a_place_used_as_a_rear_base_is_where_the_group_operates() -> None:
    text = "巴基斯坦塔利班运动利用库纳尔省和楠格哈尔省作为后方基地。"
    assert pairs(text, "operatesIn") == {
        (concept("巴基斯坦塔利班运动"), concept("库纳尔省")),
        (concept("巴基斯坦塔利班运动"), concept("楠格哈尔省")),
    }


def test_its_regional_branch_acts_in_its_own_clause_and_belongs_to_the_group_before() -> None:
    text = "基地组织在阿富汗南部维持存在。其区域分支印度次大陆基地组织在坎大哈省活动。"
    aq, aqis = concept("基地组织"), concept("印度次大陆基地组织")
    operates = pairs(text, "operatesIn")
    assert (aqis, concept("坎大哈省")) in operates
    assert (aq, concept("坎大哈省")) not in operates
    assert {frozenset(p) for p in pairs(text, "affiliatedWith")} == {frozenset((aqis, aq))}


def test_the_body_acts_through_its_programme_and_a_plan_considered_is_no_act() -> None:
    text = "毒品和犯罪问题办公室通过其全球海事犯罪方案在吉布提开展能力建设，并曾考虑在也门开展类似活动。"
    found = pairs(text, "activeIn")
    assert {o for _, o in found} == {concept("吉布提")}  # not Yemen: only considered
    assert concept("毒品和犯罪问题办公室") in {s for s, _ in found}  # the body, and its programme with it


def test_a_basis_inside_a_relative_clause_governs_its_noun_not_the_agent() -> None:
    unoct, uncct = concept("联合国反恐怖主义办公室"), concept("联合国反恐怖主义中心")
    text = "联合国反恐怖主义中心设在根据大会第71/291号决议设立的联合国反恐怖主义办公室内。"
    assert {s for s, _ in pairs(text, "mandatedBy")} == {unoct}
    assert uncct not in {s for s, _ in pairs(text, "mandatedBy")}
    written = "反恐怖主义委员会执行局根据第2462(2019)号决议第37段编写的报告已提交安理会。"
    assert (concept("反恐怖主义委员会执行局"), "res-s-2462-2019") in pairs(written, "mandatedBy")
    survey = "区域间犯罪和司法研究所汇总了各实体根据《联合国全球反恐战略》开展的评价。"
    assert pairs(survey, "implements") == set()


def test_places_outside_the_vocabulary_named_by_their_position() -> None:
    # a province after 在, and the items of a list that goes on after a known place
    text = "民主同盟军在伊图里省、卢贝罗和伊鲁穆等地发动袭击。乌兹别克斯坦伊斯兰运动在法利亚布省活动。"
    places = {o for _s, o in pairs(text, "operatesIn")}
    assert concept("伊图里省") in places
    assert len(places) == 4  # 卢贝罗, 伊鲁穆 and 法利亚布省 are discovered
    quiet = "毒品和犯罪问题办公室在该省和其他国家举办了讲习班，与马里、布基纳法索政府合作。"
    ds = [
        m for ms in mentions.document_mentions(list(ingest.passages(document(quiet))), VOCAB)[0] for m in ms
    ]
    assert not [m for m in ds if m.method == "discovered"]


def test_a_full_name_given_before_a_known_short_form_is_that_body_everywhere() -> None:
    text = (
        "安全理事会，\n欢迎联合国驻海地综合办事处(联海综合办)与美洲国家组织之间的合作，\n"
        "1. 决定将第2476(2019)号决议所设联合国驻海地综合办事处的任务期限延长至2025年7月15日；\n"
    )
    binuh = concept("联海综合办")
    assert (binuh, "res-s-2476-2019") in pairs(text, "mandatedBy")
    doc = document(text)
    ds = [m for ms in mentions.document_mentions(list(ingest.passages(doc)), VOCAB)[0] for m in ms]
    assert {m.concept for m in ds if m.surface == "联合国驻海地综合办事处"} == {binuh}


def test_a_mandate_extended_in_a_resolution_named_before() -> None:
    text = (
        "本报告是根据安全理事会第2727(2024)号决议提交的。"
        "安理会在该决议中将联合国阿富汗援助团(联阿援助团)的任务期限延长至2025年3月17日。"
    )
    assert (concept("联合国阿富汗援助团"), "res-s-2727-2024") in pairs(text, "mandatedBy")


def test_a_quoted_name_is_a_group_by_its_short_form_or_the_group_head_after_it() -> None:
    text = (
        "“人民解放运动”(PLM)控制了该省北部的矿区。自称“山狮”的地方武装团体在边境活动。"
        "“铁链”联盟的帮派向商户收取“保护费”。"
    )
    ds = [m for ms in mentions.document_mentions(list(ingest.passages(document(text))), VOCAB)[0] for m in ms]
    groups = {m.surface for m in ds if m.kind == "TerroristGroup" and m.method == "discovered"}
    assert groups == {"人民解放运动", "山狮", "铁链"}  # 保护费 is only in scare quotes


def test_support_to_a_known_government_is_work_in_its_country() -> None:
    text = "联合国伊拉克援助团继续支持伊拉克政府为贩运人口受害者提供保护。"
    unami = concept("联合国伊拉克援助团")
    assert pairs(text, "activeIn") == {(unami, concept("伊拉克"))}
    assert pairs(text, "partnerOf") == set()


def test_a_place_and_its_part_and_places_the_list_goes_on_with() -> None:
    isil, ttp = concept("伊黎伊斯兰国"), concept("巴基斯坦塔利班运动")
    nested = "安理会对伊黎伊斯兰国在叙利亚阿勒颇省的持续活动表示关切。"
    assert {o for _s, o in pairs(nested, "operatesIn")} >= {concept("叙利亚"), concept("阿勒颇省")}
    listed = "巴基斯坦塔利班运动主要在开伯尔-普赫图赫瓦省，包括南瓦济里斯坦和北瓦济里斯坦地区活动。"
    found = pairs(listed, "operatesIn")
    assert {(ttp, concept("南瓦济里斯坦")), (ttp, concept("北瓦济里斯坦"))} <= found
    assert isil not in {s for s, _ in found}


def test_a_footnote_at_a_page_foot_without_a_rule_does_not_cut_the_sentence() -> None:
    text = (
        "S/2026/101\n安全理事会\nDistr.: General\n\n秘书长的报告\n\n"
        "1. 在北部省，“山狮”武装团体继续在卡隆加\n\n1 见S/2025/990。\n\n26-01234 1/9\n\n"
        "S/2026/101\n\n地区活动，并从黄金走私中获利。\n"
    )
    ps = list(ingest.passages(document(text)))
    body = [p.text for p in ps if p.kind == "body"]
    assert any("继续在卡隆加地区活动" in t for t in body), body
    assert [p.text for p in ps if p.kind == "footnote"] == ["见S/2025/990。"]


def test_a_place_and_a_descriptor_before_a_quoted_group_say_where_the_group_is() -> None:
    text = "在边境地区，布隆迪武装团体“红色塔巴拉”继续在乌维拉发动袭击，并通过黄金走私获利。"
    found = facts(text)
    subjects = {f.subject for f in found if f.predicate in ("operatesIn", "benefitsFrom")}
    assert len(subjects) == 1 and next(iter(subjects)).startswith("group-")
    assert concept("乌维拉") in {f.object for f in found if f.predicate == "operatesIn"}
    pledged = "布隆迪武装团体“红色塔巴拉”于2024年宣誓效忠伊黎伊斯兰国。"  # the group pledges, not Burundi
    assert {o for _s, o in pairs(pledged, "affiliatedWith")} == {concept("伊黎伊斯兰国")}


def test_a_programme_named_after_its_owner_or_run_jointly_acts_itself() -> None:
    unoct = concept("联合国反恐怖主义办公室")
    owned = "联合国反恐怖主义办公室(反恐办)的打击恐怖分子旅行方案向菲律宾提供了旅客信息系统软件。"
    found = pairs(owned, "activeIn")
    assert len(found) == 1
    ((programme, place),) = found
    assert programme.startswith("programme-") and place == concept("菲律宾")
    assert unoct not in {s for s, _ in found}
    said = "毒品和犯罪问题办公室在哥伦比亚开展工作。该办公室的非法作物监测方案继续在秘鲁开展监测。"
    assert any(s.startswith("programme-") and o == concept("秘鲁") for s, o in pairs(said, "activeIn"))
    joint = "毒品和犯罪问题办公室与世界海关组织联合实施的集装箱管制方案在马尼拉港设立了港口管制股。"
    assert {s for s, _ in pairs(joint, "activeIn")} == {concept("集装箱管制方案")}


def test_a_meeting_masthead_names_no_one_who_acts() -> None:
    text = (
        "E/CN.15/2026/9\n经济及社会理事会\nDistr.: General\n\n预防犯罪和刑事司法委员会\n第三十五届会议\n"
        "2026年5月18日至22日，维也纳\n临时议程* 项目5\n\n毒品和犯罪问题办公室在萨赫勒提供的技术援助\n\n"
        "秘书长的报告\n\n1. 毒品和犯罪问题办公室在马里举办了讲习班。\n"
    )
    ps = list(ingest.passages(document(text)))
    assert not any("届会议" in p.text or "临时议程" in p.text for p in ps), [p.text for p in ps]
    assert concept("预防犯罪和刑事司法委员会") not in {s for s, _ in pairs(text, "activeIn")}


def test_a_mission_named_by_another_head_and_a_note_under_the_rule() -> None:
    text = (
        "S/2026/55\n安全理事会\nDistr.: General\n\n秘书长的报告\n\nA. 联合国利比亚支助团\n"
        "8. 安全理事会第2755(2024)号决议将利比亚支助团的任务期限延长。在所涉期间，该特派团：(a)协助当局"
        "起草战略；(b)与毒品和犯罪问题办公室联合举办了讲习班；2 (c)在班加西为检察官举办了培训。\n"
        "__________________\n1 见S/2025/1。\n2 这两期讲习班均在突尼斯举办。\n"
    )
    unsmil = concept("联合国利比亚支助团")
    assert (unsmil, concept("班加西")) in pairs(text, "activeIn")
    assert "res-s-2755-2024" not in {s for s, _ in pairs(text, "activeIn")}
    ps = list(ingest.passages(document(text)))
    assert any(p.kind == "footnote" and p.text.startswith("这两期讲习班") for p in ps)
    assert not any("；2 (c)" in p.text or "；2(c)" in p.text for p in ps)


def test_these_groups_stand_for_each_group_named_before_and_a_clash_places_both() -> None:
    bh, iswap = concept("博科圣地"), concept("伊黎伊斯兰国西非省")
    text = "博科圣地和伊黎伊斯兰国西非省继续袭击平民。安理会谴责这些团体通过绑架勒索获取资金。"
    assert {s for s, _ in pairs(text, "benefitsFrom")} == {bh, iswap}
    same = "安理会关切博科圣地和伊黎伊斯兰国西非省的袭击，并谴责这些团体通过敲诈勒索获取资金。"
    assert {s for s, _ in pairs(same, "benefitsFrom")} == {bh, iswap}
    clash = "支持伊斯兰和穆斯林组织与大撒哈拉伊斯兰国在梅纳卡地区多次交战。"
    assert {s for s, _ in pairs(clash, "operatesIn")} == {
        concept("支持伊斯兰和穆斯林组织"),
        concept("大撒哈拉伊斯兰国"),
    }


def test_a_table_of_countries_names_where_the_body_its_caption_names_worked_and_with_whom() -> None:
    unodc, interpol, undp = (
        concept("毒品和犯罪问题办公室"),
        concept("国际刑事警察组织"),
        concept("联合国开发计划署"),
    )
    for sep in (" | ", "    "):
        rows = (
            ["受益国", "活动", "伙伴"],
            ["马里", "黄金走私调查讲习班", "国际刑事警察组织"],
            [
                "尼日尔",
                "供应链尽职调查",
                "联合国开发计划署",
            ],
        )
        table = "\n".join(sep.join(r) for r in rows)
        text = (
            "1. 各国加强了对黄金供应链的监管，并与多个伙伴分享了关于走私路线和洗钱手法的信息和经验。\n\n"
            f"附件\n毒品和犯罪问题办公室2025年的技术援助活动\n{table}\n"
        )
        assert {(unodc, concept("马里")), (unodc, concept("尼日尔"))} <= pairs(text, "activeIn"), sep
        assert {frozenset(p) for p in pairs(text, "partnerOf")} == {
            frozenset((unodc, interpol)),
            frozenset((unodc, undp)),
        }, sep


def test_this_organization_is_the_un_body_the_text_is_about_when_no_group_is() -> None:
    text = (
        "伊黎伊斯兰国曾在摩苏尔盗掘文物。\n\n2. 教科文组织向伊拉克当局提供了支持。"
        "该组织还在巴格达举办了培训，协助伊拉克执行《关于采取措施禁止并防止文化财产非法进出口和所有权非法转让公约》。\n"
    )
    unesco = concept("教科文组织")
    assert (unesco, concept("巴格达")) in pairs(text, "activeIn")
    assert unesco in {s for s, _ in pairs(text, "implements")}


def test_a_body_set_up_in_a_relative_clause_does_not_act_in_the_clause_after() -> None:
    text = (
        "毒品和犯罪问题办公室在阿富汗开展工作。2012年3月，与遵照关于基地组织的安全理事会第1526(2004)号决议设立的"
        "分析支助和制裁监测组合作，在维也纳举办了讲习班。"
    )
    found = pairs(text, "activeIn")
    assert (concept("毒品和犯罪问题办公室"), concept("维也纳")) in found
    assert concept("分析支助和制裁监测组") not in {s for s, _ in found}
    assert (concept("毒品和犯罪问题办公室"), "res-s-1526-2004") not in pairs(text, "mandatedBy")


def test_a_copula_after_an_adverb_still_describes_the_subject() -> None:
    text = "伊斯兰国西非省于2016年从博科圣地分裂出来，目前是伊拉克和黎凡特伊斯兰国在西非的分支。"
    assert (concept("伊斯兰国西非省"), concept("伊拉克和黎凡特伊斯兰国")) in pairs(text, "affiliatedWith")
    assert concept("伊拉克和黎凡特伊斯兰国") not in {s for s, _ in pairs(text, "operatesIn")}


def test_the_report_s_own_office_numbered_places_and_provisions_of_an_instrument() -> None:
    unodc = concept("毒品和犯罪问题办公室")
    own = "毒品和犯罪问题办公室编写了本报告。本办公室还在达喀尔举办了讲习班。"
    assert (unodc, concept("达喀尔")) in pairs(own, "activeIn")
    three = "行动得到了贝宁、多哥和加纳海军的参与。此前，毒品和犯罪问题办公室为这三个国家的检察官提供了培训。"
    assert {o for _s, o in pairs(three, "activeIn")} == {concept("贝宁"), concept("多哥"), concept("加纳")}
    law = "加纳已将《联合国打击跨国有组织犯罪公约》的主要条款纳入国内立法。"
    assert (concept("加纳"), concept("联合国打击跨国有组织犯罪公约")) in pairs(law, "implements")


def test_these_groups_after_a_sentence_about_unnamed_groups_are_not_the_named_ones() -> None:
    text = (
        "塔利班在阿富汗南部活动。\n\n2. 一直有指控称，有人穿过撒哈拉沙漠贩运可卡因。武装团体也争夺该地区。"
        "经常有人认为，这些团体通过参与贩毒获得资金。\n"
    )
    assert pairs(text, "benefitsFrom") == set()


def test_bodies_that_only_provided_what_a_report_drew_on_are_not_partners() -> None:
    drew = "本报告借鉴了联合国教育、科学及文化组织和联合国毒品和犯罪问题办公室提供的资料。"
    assert pairs(drew, "partnerOf") == set()
    exchanged = "安理会欢迎联合国毒品和犯罪问题办公室和分析支助和制裁监测组就资金来源开展的信息交流。"
    assert {frozenset(p) for p in pairs(exchanged, "partnerOf")} == {
        frozenset((concept("联合国毒品和犯罪问题办公室"), concept("分析支助和制裁监测组")))
    }


def test_whose_implementation_is_monitored_or_helped_does_not_implement_by_that() -> None:
    text = (
        "12. 反恐怖主义委员会执行局对约旦和黎巴嫩进行了后续访问，以跟踪这两个国家执行第2178(2014)号决议的情况。\n"
        "13. 毒品和犯罪问题办公室协助蒙古执行《制止恐怖主义爆炸的国际公约》。\n"
    )
    got = pairs(text, "implements")
    assert ("un-cted", "res-s-2178-2014") in got  # the monitor
    assert ("un-unodc", "convention-terrorist-bombings-1997") in got  # the helper
    assert not {s for s, _ in got} & {"country-jor", "country-lbn", "country-mng"}


def test_bodies_that_each_gave_input_to_a_report_are_not_partners() -> None:
    text = "联合国训练研究所、国际民用航空组织和毒品和犯罪问题办公室为本报告提供了资料。\n"
    assert not pairs(text, "partnerOf")
    joint = "联合国训练研究所和毒品和犯罪问题办公室举办了一次区域会议。\n"
    assert pairs(joint, "partnerOf")  # a list of bodies acting together still works together


def test_a_body_acting_through_its_own_programme_names_that_programme() -> None:
    text = (
        "7. 反恐怖主义办公室通过其边境安全和管理方案支持会员国。"
        "2025年，该方案在塔吉克斯坦举办了一次讲习班。\n"
    )
    got = pairs(text, "activeIn")
    programmes = {s for s, o in got if o == "country-tjk" and s.startswith("programme-")}
    assert len(programmes) == 1  # 边境安全和管理方案, with 和 and a generic word in its name


def test_this_resolution_is_the_last_one_named_before_it_in_the_sentence() -> None:
    text = (
        "大会，\n回顾其2019年6月26日第73/305号决议，又回顾其2016年7月1日第70/291号决议，"
        "大会在该决议中设立了联合国反恐怖主义办公室，\n"
    )
    got = pairs(text, "mandatedBy")
    assert ("un-unoct", "res-a-70-291") in got
    assert ("un-unoct", "res-a-73-305") not in got


def _places_of(text: str) -> set[str]:
    """The surfaces of the places the extractor reads in ``text``."""
    doc = extract_document(document(text), VOCAB)
    return {m.surface for ms in doc.mentions for m in ms if m.kind in ("Country", "Region")}


def test_places_listed_or_paired_after_a_known_province_are_read_whole() -> None:
    found = _places_of(
        "该民兵主要在邦特兰州苏勒州活动。\n"
        "该团体长期在苏禄省、巴西兰省和马古达省活动。\n"
        "武装分子仍在南拉瑙省和东拉瑙省的山区活动。\n"
    )
    assert {"苏勒州", "马古达省", "东拉瑙省"} <= found
    assert "州苏勒州" not in found  # the 州 of 邦特兰州 is not part of the next name


def test_a_country_named_for_the_nationality_of_victims_is_no_place_of_the_group() -> None:
    text = "3. 阿布沙耶夫集团去年在西里伯斯海劫持了三名越南籍渔民和两名德国公民。\n"
    places = objects(text, "operatesIn", "group-abu-sayyaf")
    assert "region-celebes-sea" in places
    assert not places & {"country-vnm", "country-deu"}


def test_one_who_encourages_states_described_by_a_clause_does_not_act_for_them() -> None:
    text = "15. 秘书长敦促尚未批准《核材料实物保护公约》修正案的国家尽快批准该修正案。\n"
    assert not {s for s, _ in pairs(text, "implements")} & {"un-secretary-general"}
    named = "15. 安理会请毒品和犯罪问题办公室协助萨赫勒的国家执行《联合国打击跨国有组织犯罪公约》。\n"
    assert ("un-unodc", "convention-untoc") in pairs(named, "implements")  # a named body asked still acts


GA_RESOLUTION = "A/RES/81/77\n大会\n\n81/77. 打击非法贩运文化财产\n\n大会，\n\n"


def test_a_list_of_assembly_resolutions_with_dates_and_a_shared_topic_is_recalled_item_by_item() -> None:
    text = GA_RESOLUTION + (  # set as PDF text: lines wrapped, a blank line after each paragraph
        "回顾其2016年12月19日第71/221号、2018年12月17日第73/185号和\n"
        "2020年12月16日第75/197号关于打击贩运文化财产的决议，\n\n"
        "重申其2015年9月25日题为“变革我们的世界：2030年可持续发展议程”的第\n"
        "70/1号决议，\n\n"
        "1. 请秘书长提交报告。\n"
    )
    got = {o for _, o in pairs(text, "recalls")}
    assert {"res-a-71-221", "res-a-73-185", "res-a-75-197", "res-a-70-1"} <= got


def test_a_mission_named_by_its_bare_head_and_a_district_after_a_place_marker() -> None:
    text = (
        "毒品和犯罪问题办公室向联合国哥伦比亚核查团提供了古柯种植数据。\n"
        "核查团在瓜维亚雷地区与联合国开发计划署合作，支持前战斗人员重返社会。\n"
    )
    assert ("un-unvmc", "un-undp") in pairs(text, "partnerOf")
    assert ("un-unodc", "un-undp") not in pairs(text, "partnerOf")
    assert "瓜维亚雷地区" in _places_of(text)


def test_armed_groups_named_with_their_short_form_in_brackets_are_discovered() -> None:
    text = (
        "2. 圣灵抵抗军(圣灵军)的残余团伙继续在南苏丹西部活动，并从象牙贩运中获利。\n"
        "3. 在乍得东部，统一、复兴和发展组织(UFRD)等武装团体从绑架勒索中获利。\n"
        "4. 苏丹国民军(国民军)在达尔富尔作战。\n"
    )
    doc = extract_document(document(text), VOCAB)
    groups = {m.surface for ms in doc.mentions for m in ms if m.kind == "TerroristGroup"}
    assert {"圣灵抵抗军", "统一、复兴和发展组织"} <= groups
    assert not any(g.endswith("国民军") for g in groups)  # a state's army is no armed group


def test_the_group_carries_over_a_heading_and_a_footnote_to_the_next_paragraph() -> None:
    text = (
        "A. 伊拉克\n"
        "2. 伊黎伊斯兰国的残余力量继续在安巴尔省沙漠地带活动。该团体主要通过敲诈勒索筹资。1\n"
        "1 见S/2025/100，第12段。\n"
        "B. 阿拉伯叙利亚共和国\n"
        "3. 在阿拉伯叙利亚共和国，该团体在代尔祖尔省保持存在。\n"
    )
    assert ("group-isil", "region-deir-ez-zor-governorate") in pairs(text, "operatesIn")


def test_an_instrument_carried_out_under_another_names_only_the_one_carried_out() -> None:
    text = "5. 尼日尔和马里继续执行《萨赫勒安全合作公约》下的《打击跨境贩运枪支议定书》。\n"
    got = pairs(text, "implements")
    objects = {o for s, o in got if s == "country-ner"}
    assert len(objects) == 1  # the protocol, not the convention it belongs to
    encouraged = "6. 我鼓励所有签署国执行《打击跨境贩运枪支议定书》。\n"
    assert not pairs("毒品和犯罪问题办公室提交了本报告。\n" + encouraged, "implements")


def test_a_group_described_by_a_relative_clause_of_presence_is_there() -> None:
    text = "4. 报告指出，控制代尔祖尔省东部大部分地区的伊黎伊斯兰国继续向当地商户勒索钱财。\n"
    assert ("group-isil", "region-deir-ez-zor-governorate") in pairs(text, "operatesIn")


def test_groups_respectively_in_their_own_places() -> None:
    text = "5. 青年党和伊黎伊斯兰国索马里分支分别在索马里南部和邦特兰山区活动。\n"
    got = pairs(text, "operatesIn")
    assert ("group-al-shabaab", "region-puntland") not in got
    assert ("group-isil-somalia", "region-puntland") in got


def test_work_a_body_will_do_at_a_stated_time_is_no_activity_yet() -> None:
    text = "9. 毒品和犯罪问题办公室将于2027年在加勒比地区启动一个新的边境管理项目。\n"
    assert not pairs(text, "activeIn")
    done = "9. 毒品和犯罪问题办公室于2025年在加勒比地区启动了一个新的边境管理项目。\n"
    assert pairs(done, "activeIn")


def test_a_short_form_finds_a_body_named_in_full_once_and_then_by_its_acronym() -> None:
    text = (
        "1. 毒品和犯罪问题办公室向会员国提供了技术援助。毒品和犯罪问题办公室还发布了研究报告。\n"
        "2. 毒品和犯罪问题办公室与联合国训练研究所(训研所)保持合作。\n"
        "B. 训研所\n"
        "5. 训研所编写了一份培训手册。报告所述期间，该研究所：(a) 在蒙古举办了一次桌面演习；"
        "(b) 为老挝的海关官员提供了培训。\n"
    )
    got = pairs(text, "activeIn")
    assert {("un-unitar", "country-mng"), ("un-unitar", "country-lao")} <= got


def test_a_sentence_about_the_section_itself_names_no_actor() -> None:
    text = "1. 毒品和犯罪问题办公室开展了多项活动。\n2. 本节介绍联合国各实体在安达曼海周边地区开展的活动。\n"
    assert not {o for _, o in pairs(text, "activeIn")} & {"region-andaman-sea"}


def test_a_body_described_by_the_resolution_that_set_it_up_acts_in_its_own_clause() -> None:
    text = (
        "1. 毒品和犯罪问题办公室继续提供技术援助。\n"
        "2. 根据第2100(2013)号决议设立的联合国马里多层面综合稳定团在基达尔设有一个行动基地。\n"
        "3. 毒品和犯罪问题办公室与根据第2100(2013)号决议设立的联合国马里多层面综合稳定团合作，在巴马科举办了讲习班。\n"
    )
    active = pairs(text, "activeIn")
    assert ("un-minusma", "city-kidal") in active
    assert ("un-unodc", "city-kidal") not in active
    assert ("un-minusma", "res-s-2100-2013") in pairs(text, "mandatedBy")


def test_quoted_armed_groups_with_another_name_and_a_pair_of_provinces() -> None:
    text = "6. 在纳里尼奥省和普图马约省，“边境司令部”(又称“南方游击阵线”)等非法武装争夺贩毒路线。\n"
    doc = extract_document(document(text), VOCAB)
    groups = {m.surface for ms in doc.mentions for m in ms if m.kind == "TerroristGroup"}
    assert "边境司令部" in groups
    assert {"纳里尼奥省", "普图马约省"} <= _places_of(text)


def test_a_verb_inside_an_unknown_body_name_does_not_split_a_list_of_partners() -> None:
    text = "10. 反恐办继续与以下伙伴协作：国际刑警组织、中东反恐融资工作组以及埃格蒙特金融情报机构集团。\n"
    partners = objects(text, "partnerOf", "un-unoct") | {
        s for s, o in pairs(text, "partnerOf") if o == "un-unoct"
    }
    assert {"org-interpol", "org-egmont-group"} <= partners


def test_a_group_named_as_what_a_meeting_is_against_does_not_act() -> None:
    text = "7. 2025年11月在利雅得举行的反伊黎伊斯兰国融资小组会议审议了哈瓦拉问题。\n"
    assert ("group-isil", "city-riyadh") not in pairs(text, "operatesIn")


def test_a_global_programme_whose_name_lists_its_aims_is_read_whole() -> None:
    text = "3. 毒品和犯罪问题办公室通过其全球打击贩运人口、偷运移民和强迫劳动方案协助尼日尔修订法律。\n"
    doc = extract_document(document(text), VOCAB)
    names = {m.surface for ms in doc.mentions for m in ms if m.kind == "Programme"}
    assert "全球打击贩运人口、偷运移民和强迫劳动方案" in names


def test_a_body_under_another_acts_and_a_joint_programme_makes_no_partner_active() -> None:
    text = (
        "5. 反恐办下属的联合国反恐怖主义中心与联合国儿童基金会合作，"
        "在蒙古和尼泊尔实施了关于安置返回者的联合方案。\n"
    )
    active = pairs(text, "activeIn")
    assert {("un-uncct", "country-mng"), ("un-uncct", "country-npl")} <= active
    assert not {s for s, _ in active} & {"un-unoct", "un-unicef"}


def test_a_dash_of_punctuation_is_no_part_of_a_name() -> None:
    text = "4. 萨赫勒伊斯兰国——伊黎伊斯兰国的一个分支——继续在梅纳卡地区活动，另一恐怖团体——穆拉比通组织——也在当地活动。\n"
    doc = extract_document(document(text), VOCAB)
    names = {m.surface for ms in doc.mentions for m in ms}
    assert not any(n.startswith(("—", "-")) for n in names)


def test_a_remark_between_dashes_after_a_name_describes_it() -> None:
    text = (
        "安全理事会，\n深为关切在毛里塔尼亚东部活动的伊斯兰马格里布基地组织——基地组织在北非的分支——"
        "继续从绑架勒索中获利，\n"
    )
    assert {s for s, _ in pairs(text, "benefitsFrom")} == {"group-aqim"}
    listed = "毒品和犯罪问题办公室与框架的担保机构——非洲联盟和南部非洲发展共同体——密切协作。\n"
    assert pairs(listed, "partnerOf")  # after a common noun the dashes name what it stands for


def test_reporting_on_implementation_is_not_implementing() -> None:
    text = (
        "1. 大会在第80/211号决议中请秘书长向大会第八十二届会议报告该决议的执行情况。\n"
        "2. 请联合国毒品和犯罪问题办公室提交一份关于第2462(2019)号决议落实情况的报告。\n"
        "3. 请反恐怖主义办公室在2027年底之前就第2396(2017)号决议的执行情况提出报告。\n"
    )
    assert not pairs(text, "implements")
    watched = RESOLUTION + "5. 请反恐怖主义委员会执行局监测本决议的执行情况；\n"
    assert ("un-cted", "res-s-2801-2025") in pairs(watched, "implements")  # a monitor still does


def test_a_body_is_not_mandated_by_the_resolution_it_adopts() -> None:
    text = "1. 麻醉药品委员会在第68/2号决议中请联合国毒品和犯罪问题办公室协助各国加强边境管制。\n"
    got = pairs(text, "mandatedBy")
    assert (concept("联合国毒品和犯罪问题办公室"), "res-e-cn-7-68-2") in got
    assert not {s for s, _ in got} & {concept("麻醉药品委员会")}


def test_a_committee_named_with_the_council_and_its_topic_is_one_name() -> None:
    text = RESOLUTION + "7. 请安理会关于几内亚比绍的第2048(2012)号决议所设委员会继续审查旅行禁令；\n"
    doc = extract_document(document(text), VOCAB)
    names = {m.surface for ms in doc.mentions for m in ms if m.kind == "UNEntity"}
    assert "安理会关于几内亚比绍的第2048(2012)号决议所设委员会" in names
    assert "un-security-council" not in {s for s, _ in pairs(text, "mandatedBy")}


def test_organizations_asked_with_a_un_body_are_not_mandated() -> None:
    text = (
        RESOLUTION
        + "回顾其第2462(2019)号决议，\n1. 请联合国开发计划署、国际刑警组织和世界海关组织继续向会员国提供技术援助；\n"
    )
    got = {s for s, _ in pairs(text, "mandatedBy")}
    assert concept("联合国开发计划署") in got
    assert not got & {"org-interpol", "org-wco"}


def test_an_instrument_as_the_subject_ends_the_carried_actor() -> None:
    text = (
        "5. 毒品和犯罪问题办公室在塞尔维亚举办了枪支管制讲习班。"
        "该战略于2019年在日内瓦举行的部长级会议上通过。\n"
    )
    places = {o for _, o in pairs(text, "activeIn")}
    assert "country-srb" in places
    assert not places & {"city-geneva", "country-che"}


def test_a_programme_named_after_the_united_nations_is_discovered_but_not_a_bodys() -> None:
    text = "3. 联合国打击恐怖分子旅行方案在亚美尼亚部署了旅客数据系统。\n"
    doc = extract_document(document(text), VOCAB)
    kinds = {m.surface: m.kind for ms in doc.mentions for m in ms}
    assert kinds.get("联合国打击恐怖分子旅行方案") == "Programme"
    owned = "3. 联合国毒品和犯罪问题办公室打击恐怖主义方案在亚美尼亚提供了培训。\n"
    doc = extract_document(document(owned), VOCAB)
    assert "联合国毒品和犯罪问题办公室" in {m.surface for ms in doc.mentions for m in ms}


def test_a_region_that_opens_a_bodys_name_is_no_place_of_the_work() -> None:
    text = "6. 毒品和犯罪问题办公室为西非中央机关和检察官网络提供了秘书处支持，并在马拉维举办了讲习班。\n"
    places = {o for _, o in pairs(text, "activeIn")}
    assert "country-mwi" in places
    assert concept("西非") not in places


def test_a_name_after_a_sanctions_list_reference_is_a_listed_group() -> None:
    text = (
        "QDe.177 萨赫勒圣战者网络(SAHEL MUJAHIDIN NETWORK)\n"
        "萨赫勒圣战者网络于2019年5月2日被列入名单。该网络在尼日尔境内设有训练营。\n"
    )
    doc = extract_document(document(text), VOCAB)
    kinds = {m.surface: m.kind for ms in doc.mentions for m in ms}
    assert kinds.get("萨赫勒圣战者网络") == "TerroristGroup"
    assert any(o == "country-ner" for _, o in pairs(text, "operatesIn"))


def test_a_full_name_with_supporters_in_it_before_a_known_short_form_is_that_group() -> None:
    text = "安全理事会成员注意到，西非伊斯兰支持者阵线(又称“安萨鲁”)声称对袭击负责。\n"
    doc = extract_document(document(text), VOCAB)
    named = {m.surface: m.concept for ms in doc.mentions for m in ms}
    assert named.get("西非伊斯兰支持者阵线") == named.get("安萨鲁") == concept("安萨鲁")


def test_a_sanctions_summary_heading_names_the_group_its_alias_list_knows() -> None:
    text = (
        "QDe.199\n"
        "东非圣战者联合阵线(UNITED FRONT OF EAST AFRICAN MUJAHIDIN)别名：a) UFEAM；b) “青年党”\n"
        "地址：索马里\n"
        "东非圣战者联合阵线于2020年3月1日被列入名单。该组织在肯尼亚拉穆州发动袭击。\n"
    )
    doc = extract_document(document(text), VOCAB)
    named = {m.surface: m.concept for ms in doc.mentions for m in ms}
    assert named.get("东非圣战者联合阵线") == concept("青年党")
    assert (concept("青年党"), "country-ken") in pairs(text, "operatesIn")
    new = "QDe.198 北方解放阵线(NORTHERN LIBERATION FRONT)别名：a) NLF\n北方解放阵线在马里北部活动。\n"
    kinds = {m.surface: m.kind for ms in extract_document(document(new), VOCAB).mentions for m in ms}
    assert kinds.get("北方解放阵线") == "TerroristGroup"


def test_of_two_names_overlapping_the_one_jieba_cuts_around_is_read() -> None:
    doc = extract_document(document("2024年，该团体在肯尼亚拉穆州多次发动袭击。\n"), VOCAB)
    names = {m.surface for ms in doc.mentions for m in ms}
    assert "肯尼亚" in names
    assert "尼亚拉" not in names


def test_a_heading_that_is_a_programmes_name_names_the_programme_it_introduces() -> None:
    text = "二、主要活动\n\nA. 海上执法伙伴关系方案\n\n5. 在报告所述期间，该方案在吉布提为海岸警卫队举办了培训。\n"
    got = pairs(text, "activeIn")
    assert any(s.startswith("programme-") and o == "country-dji" for s, o in got)


def test_a_programme_named_without_its_prefix_is_the_one_named_in_full() -> None:
    text = "A. 海上执法伙伴关系方案\n\n5. 联合国海上执法伙伴关系方案于2024年启动，并在吉布提举办了培训。\n"
    doc = extract_document(document(text), VOCAB)
    ids = {m.concept for ms in doc.mentions for m in ms if m.kind == "Programme"}
    assert len(ids) == 1


def test_chads_lac_province_is_no_lake() -> None:
    places = {o for _, o in pairs("3. 博科圣地袭击了乍得湖区省的一处军营。\n", "operatesIn")}
    assert concept("湖区省") in places
    assert concept("乍得湖") not in places


def test_deeply_concerned_is_no_marker_of_whom_something_is_for() -> None:
    text = (
        "深为关切伊斯兰马格里布基地组织(又称“基地组织马格里布分支”，以下简称该组织)及其附属团体"
        "在马里和尼日尔北部对平民和援助人员实施的绑架行为，\n"
    )
    assert {("group-aqim", "country-mli"), ("group-aqim", "country-ner")} <= pairs(text, "operatesIn")


def test_the_body_a_report_names_itself_with_is_the_author_of_clauses_naming_none() -> None:
    text = (
        "麻醉药品委员会\n第六十九届会议\n\n"
        "1. 联合国毒品和犯罪问题办公室执行主任提交本报告。\n\n"
        "二、主要活动\n\n"
        "2. 一些会员国报告说，合成药物贩运继续扩大。\n\n"
        "3. 此外，向老挝和柬埔寨的海关官员提供了关于合成药物的培训。\n\n"
        "4. 在泰国，本办公室协助边境联络处开展了联合检查。\n"
    )
    places = objects(text, "activeIn", "un-unodc")
    assert {"country-lao", "country-khm"} <= places


def test_a_programme_launched_jointly_is_discovered_and_acts_as_the_joint_programme() -> None:
    text = (
        "7. 反恐办和联合国开发计划署联合实施中亚青年韧性建设联合倡议。"
        "该联合倡议在吉尔吉斯斯坦和塔吉克斯坦为青年组织举办了讲习班。\n"
    )
    got = pairs(text, "activeIn")
    assert {o for s, o in got if s.startswith("programme-")} == {"country-kgz", "country-tjk"}
    assert not {s for s, _ in got} & {"un-unoct", "un-undp"}


def test_the_body_a_reports_title_opens_with_acts_in_clauses_naming_none() -> None:
    text = (
        " 联 合 国                                  E/CN.15/2027/4\n"
        "\n"
        " 经济及社会理事会                               Distr.: General\n"
        "                                        9 February 2027\n"
        "                                        Chinese\n"
        "                                        Original: English\n"
        "\n"
        "预防犯罪和刑事司法委员会\n"
        "第三十六届会议\n"
        "2027 年 5 月 17 日至 21 日，维也纳\n"
        "临时议程*项目 5\n"
        "利用刑事司法对策打击非法贩运武器\n"
        "\n"
        "          联合国毒品和犯罪问题办公室在萨赫勒打击武器贩运\n"
        "          的工作\n"
        "\n"
        "          秘书处的报告\n"
        "\n"
        "\n"
        "一、导言\n"
        "\n"
        "1.  大撒哈拉伊斯兰国继续在梅纳卡区活动，并从武器走私中获利。\n"
        "\n"
        "二、活动\n"
        "\n"
        "2.  在报告所述期间，向马里和尼日尔的边境警察提供了关于查验枪支的培训。\n"
    )
    assert {("un-unodc", "country-mli"), ("un-unodc", "country-ner")} <= pairs(text, "activeIn")
    untitled = text.replace("联合国毒品和犯罪问题办公室在萨赫勒打击武器贩运", "在萨赫勒打击武器贩运")
    assert not any(s == "un-unodc" for s, _ in pairs(untitled, "activeIn"))


def test_work_a_body_intends_to_do_with_others_is_not_done() -> None:
    text = "9. 毒品和犯罪问题办公室拟与尼日尔和马里当局合作加强北部边界管理。\n"
    assert not pairs(text, "activeIn")


def test_a_short_form_is_not_a_word_inside_another_name() -> None:
    # 该行动 (the operation) is not the action plan named before, whose name only contains 行动
    text = (
        "布基纳法索政府制定并批准了《2018-2022年期间打击暴力极端主义国家行动计划》。"
        "国际刑警组织在贝宁和多哥协调开展了一次跨国界行动。该行动为萨赫勒地区的边境官员提供了培训。\n"
    )
    got = pairs(text, "activeIn")
    assert not any(s.startswith("programme-") for s, _ in got)


def test_an_operation_named_by_its_code_does_the_work_the_sentence_before_described() -> None:
    text = (
        "2022年，国际刑警组织与毒品和犯罪问题办公室合作，在贝宁、多哥和加纳协调开展了一次联合边境行动。"
        "该行动代号为“海岸盾牌”，重点是拦截走私燃料和武器。\n"
    )
    ms = [m for ms in extract_document(document(text), VOCAB).mentions for m in ms]
    op = next(m.concept for m in ms if m.surface == "海岸盾牌")
    assert next(m.kind for m in ms if m.surface == "海岸盾牌") == "Programme"
    got = pairs(text, "activeIn")
    assert {(op, "country-ben"), (op, "country-tgo"), (op, "country-gha")} <= got


def test_an_operation_in_quote_marks_is_named_and_a_later_code_names_only_its_own() -> None:
    text = (
        "毒品和犯罪问题办公室参加了海关组织领导的“沙丘行动”。\n"
        "毒品和犯罪问题办公室在尼日尔和乍得开展了一次联合行动。该行动代号为“蓝色边界”。\n"
    )
    ms = [m for ms in extract_document(document(text), VOCAB).mentions for m in ms]
    assert {m.surface for m in ms if m.kind == "Programme"} >= {"沙丘行动", "蓝色边界"}
    got = pairs(text, "activeIn")
    dune = next(m.concept for m in ms if m.surface == "沙丘行动")
    assert not any(s == dune for s, _ in got)


def test_a_group_named_only_by_its_link_is_not_where_the_linked_group_is() -> None:
    text = "与基地组织有关联、以坦桑尼亚为基地的东非圣战者组织在桑给巴尔招募渔民。\n"
    got = pairs(text, "operatesIn")
    assert not any(s == "group-al-qaida" for s, _ in got)
    assert any(o == "country-tza" for _, o in got)


def test_a_list_of_partners_after_the_noun_gives_one_partner_each_but_no_country() -> None:
    text = "反恐怖主义办公室在南亚的合作伙伴包括欧洲联盟、国际刑事警察组织和孟加拉国。\n"
    got = pairs(text, "partnerOf")
    assert {("un-unoct", "org-european-union"), ("un-unoct", "org-interpol")} <= got
    assert not any("bgd" in o for _, o in got)


def test_a_convention_referred_to_by_its_head_noun_is_the_one_named_before() -> None:
    text = (
        "欧洲委员会通过了《打击药品犯罪公约》。随后，葡萄牙和希腊已批准该公约。\n"
        "粮农组织推广了《港口国措施协定》。马达加斯加于2023年批准了该协定。\n"
    )
    got = pairs(text, "implements")
    treaty = {o for s, o in got if s == "country-prt"}
    assert treaty and treaty == {o for s, o in got if s == "country-grc"}
    agreement = {o for s, o in got if s == "country-mdg"}
    assert agreement and agreement != treaty


def _groups(text: str) -> set[str]:
    return {
        m.surface
        for ms in extract_document(document(text), VOCAB).mentions
        for m in ms
        if m.kind == "TerroristGroup"
    }


def test_a_quoted_name_after_a_link_to_a_group_is_a_group_though_it_opens_with_a_function_word() -> None:
    text = "与基地组织有联系的“被遗忘者之友营”通过勒索过往商旅筹集资金。\n"
    assert "被遗忘者之友营" in _groups(text)
    assert any(o == "crime-extortion" for _, o in pairs(text, "benefitsFrom"))


def test_a_name_with_its_short_form_that_funds_itself_is_a_group() -> None:
    text = "摩罗民族解放阵线(摩解阵线)长期控制棉兰老岛西部，并通过绑架勒索筹集资金。\n"
    assert "摩罗民族解放阵线" in _groups(text)


def test_a_sentence_saying_a_transliterated_name_was_listed_names_a_group() -> None:
    text = (
        "QDe.201\n"
        "沙漠之鹰旅(KATIBAT SUQUR AL-SAHRA)\n"
        "沙漠之鹰旅(Katibat Suqur al-Sahra)于2023年5月2日根据第2734(2024)号决议被列入名单。\n"
        "该团体以基达勒地区为主要活动地点，并在尼日尔阿加德兹设有联络人。\n"
    )
    assert "沙漠之鹰旅" in _groups(text)
    got = {o for _, o in pairs(text, "operatesIn")}
    assert "country-ner" in got and len(got) >= 2


def test_a_council_commending_two_bodies_working_together_states_their_partnership() -> None:
    text = "安理会赞赏反恐怖主义办公室与非洲联盟合作，在萨赫勒地区开展能力建设。\n"
    assert ("un-unoct", "org-african-union") in pairs(text, "partnerOf")
    assert not any(s == "un-security-council" for s, _ in pairs(text, "partnerOf"))


def test_the_organization_is_the_body_last_named_with_that_head_when_no_group_is_in_view() -> None:
    text = (
        "国际海事组织协助区域国家加强港口安保。吉布提和厄立特里亚已批准该协定。"
        "该组织还在吉布提举办了一次培训班。\n"
    )
    assert ("un-imo", "country-dji") in pairs(text, "activeIn")


def test_bodies_a_request_says_to_consult_are_not_asked_and_equipment_handed_over_is_work_there() -> None:
    text = (
        "大会请秘书长与联合国开发计划署(开发署)和世界卫生组织(世卫组织)协商，提出一份报告。\n"
        "毒品和犯罪问题办公室向蒙巴萨港务部门移交了三艘巡逻艇。\n"
    )
    asked = {s for s, _ in pairs(text, "mandatedBy")}
    assert not asked & {"un-undp", "un-who"}
    assert ("un-unodc", "city-mombasa") in pairs(text, "activeIn")


def test_a_commission_named_after_a_region_is_an_organization_and_a_partner() -> None:
    text = "毒品和犯罪问题办公室与加勒比渔业管理委员会合作开展了一个试点项目。\n"
    ms = [m for ms in extract_document(document(text), VOCAB).mentions for m in ms]
    body = next(m for m in ms if m.surface == "加勒比渔业管理委员会")
    assert body.kind == "Organization"
    assert ("un-unodc", body.concept) in pairs(text, "partnerOf")


def test_the_entities_named_before_stand_for_the_list_of_bodies_but_not_for_who_is_asked() -> None:
    text = (
        "鼓励世界粮食计划署(粮食署)和联合国开发计划署(开发署)继续支助受影响社区，"
        "并请毒品和犯罪问题办公室与上述实体密切合作。\n"
    )
    got = pairs(text, "partnerOf")
    assert {("un-unodc", "un-wfp"), ("un-unodc", "un-undp")} <= got
    assert ("un-unodc", "un-unodc") not in got


def test_bodies_that_only_attend_an_event_do_not_work_together_by_that() -> None:
    text = "世界海关组织、国际刑事警察组织和联合国开发计划署派专家参加了执行局的三次评估访问。\n"
    assert not pairs(text, "partnerOf")
    held = "世界海关组织和国际刑事警察组织在内罗毕联合举办了区域讲习班。\n"
    assert pairs(held, "partnerOf")


def test_a_body_reporting_under_its_own_resolution_and_a_resolution_extending_a_mandate() -> None:
    own = "反恐怖主义委员会执行局在其根据第2617(2021)号决议编写的全球调查中指出，风险仍然很高。\n"
    assert ("un-cted", "res-s-2617-2021") in pairs(own, "mandatedBy")
    extended = "安全理事会回顾延长反恐怖主义委员会执行局任务期限的第2617(2021)号决议。\n"
    assert ("un-cted", "res-s-2617-2021") in pairs(extended, "mandatedBy")
    others = "该研究所汇总了各实体根据第2396(2017)号决议开展的评价。\n"
    assert not pairs(others, "mandatedBy")


def test_a_body_named_in_a_relative_clause_of_work_works_in_its_places() -> None:
    text = "本研究所依据的资料来自各国的答复以及反恐怖主义办公室在西非和萨赫勒地区开展的能力建设项目。\n"
    got = pairs(text, "activeIn")
    assert {("un-unoct", "region-west-africa"), ("un-unoct", "region-sahel")} <= got


def test_a_group_levying_on_a_smuggling_network_profits_from_its_crime_one_fighting_it_does_not() -> None:
    text = "在下朱巴州，青年党向过境的移民偷运网络征税。\n"
    assert ("group-al-shabaab", "crime-migrant-smuggling") in pairs(text, "benefitsFrom")
    fights = "伊黎伊斯兰国在叙利亚东部打击移民偷运网络。\n"
    assert not pairs(fights, "benefitsFrom")


def test_a_group_keeping_close_ties_with_another_is_affiliated_with_it() -> None:
    text = "据报告，伊斯兰国西非省与伊黎伊斯兰国保持着密切的业务联系。\n"
    assert ("group-iswap", "group-isil") in pairs(text, "affiliatedWith")


def test_a_relative_clause_places_the_group_it_describes_not_the_clauses_subject() -> None:
    partner = "据悉，博科圣地同在马里北部活动的伊斯兰马格里布基地组织保持着联系。\n"
    placed = pairs(partner, "operatesIn")
    assert ("group-aqim", "country-mli") in placed
    assert not any(s == "group-boko-haram" for s, _ in placed)
    assert ("group-boko-haram", "group-aqim") in pairs(partner, "affiliatedWith")
    listed = "该地区面临的威胁来自青年党的残余人员和以莫桑比克为基地的伊斯兰国中部非洲省。\n"
    placed = pairs(listed, "operatesIn")
    assert ("group-al-shabaab", "country-moz") not in placed
    assert any(o == "country-moz" for s, o in placed)
    # a place the subject has before the relative clause stays the subject's alone
    both = "青年党在索马里与在也门活动的基地组织阿拉伯半岛分支保持联系。\n"
    placed = pairs(both, "operatesIn")
    assert ("group-al-shabaab", "country-som") in placed
    assert ("group-aqap", "country-som") not in placed
    assert ("group-aqap", "country-yem") in placed


def test_a_short_form_refers_back_to_a_body_named_before_not_to_one_named_only_later() -> None:
    text = (
        "1. 本说明介绍联合国毒品和犯罪问题办公室在2025年开展的工作。\n"
        "2. 该办公室协助贝宁和多哥起草了反恐立法。\n"
        "3. 联合国反恐怖主义办公室与国际刑事警察组织合作，在加纳举办了讲习班，"
        "并在科特迪瓦举办了培训，还为尼日尔编写了指南。\n"
        "4. 联合国反恐怖主义办公室为利比里亚提供了咨询。联合国反恐怖主义办公室还向塞拉利昂派遣了专家。\n"
    )
    got = pairs(text, "activeIn")
    assert {("un-unodc", "country-ben"), ("un-unodc", "country-tgo")} <= got
    assert ("un-unoct", "country-ben") not in got


def test_a_short_form_finds_a_body_the_text_named_only_by_its_abbreviation() -> None:
    text = (
        "1. 2025年，反恐办为毛里塔尼亚举办了边境安全讲习班。\n"
        "2. 该办公室在这一领域的主要伙伴是：国际刑事警察组织和国际移民组织。\n"
    )
    got = pairs(text, "partnerOf")
    assert {("un-unoct", "org-interpol"), ("un-unoct", "un-iom")} <= got


def test_a_group_collecting_zakat_from_a_population_taxes_it() -> None:
    text = "据报告，伊黎伊斯兰国西非省在博尔诺州向渔民和农民强行征收“天课”。\n"
    assert ("group-iswap", "crime-illicit-taxation") in pairs(text, "benefitsFrom")


def test_a_group_merged_into_another_is_affiliated_with_it() -> None:
    text = "据监测组报告，穆拉比通组织的部分战斗人员后来并入伊斯兰国萨赫勒省。\n"
    got = pairs(text, "affiliatedWith")
    assert ("group-al-mourabitoun", "group-isgs") in got
    assert ("group-isgs", "group-al-mourabitoun") not in got


def test_the_extent_of_a_groups_area_places_it() -> None:
    text = "据估计，伊斯兰国中部非洲省的活动范围涵盖刚果民主共和国东部和乌干达西部。\n"
    got = pairs(text, "operatesIn")
    assert {("group-iscap", "country-cod"), ("group-iscap", "country-uga")} <= got
    area = "伊斯兰国萨赫勒省的行动区域包括马里的梅纳卡地区。\n"
    assert ("group-isgs", "country-mli") in pairs(area, "operatesIn")
    programme = "该方案涵盖马里和尼日尔。\n"
    assert not pairs(programme, "operatesIn")


def test_a_province_of_isil_the_vocabulary_does_not_know_is_a_group_of_its_own() -> None:
    text = "据会员国报告，伊黎伊斯兰国大湖省在坦噶尼喀湖沿岸活动，并从走私黄金中获利。\n"
    found = [m for m in extract_document(document(text), VOCAB).mentions[0] if m.kind == "TerroristGroup"]
    assert [m.surface for m in found] == ["伊黎伊斯兰国大湖省"]
    assert not any(s == "group-isil" for s, _ in pairs(text, "benefitsFrom"))
    # ISIL in a province is ISIL, not a group named after the province
    inside = "伊黎伊斯兰国在尼尼微省发动了袭击。\n"
    assert ("group-isil", "region-nineveh") in pairs(inside, "operatesIn")


def test_a_general_assembly_resolution_is_identified_by_its_masthead_and_numbered_title() -> None:
    text = (
        "大会第八十一届会议\n议程项目 99\n国际药物管制\n\n2026 年 12 月 10 日大会决议\n\n"
        "81/150. 打击非法贩运小武器与资助恐怖主义之间的联系\n\n大会，\n\n"
        "回顾其2024年12月17日第79/200号决议，\n\n"
        "1. 请联合国毒品和犯罪问题办公室继续向会员国提供技术援助；\n"
    )
    doc = document(text)
    assert (doc.symbol, doc.date, doc.kind) == ("A/RES/81/150", "2026-12-10", "resolution")
    assert ("res-a-81-150", "res-a-79-200") in pairs(text, "recalls")
    assert ("un-unodc", "res-a-81-150") in pairs(text, "mandatedBy")


def test_opening_or_launching_something_somewhere_is_work_there() -> None:
    text = (
        "集装箱管制方案继续扩大。该方案在本报告所述期间在毛里求斯新设了一个港口管制股。\n"
        "网络犯罪全球方案还在内罗毕启用了一个区域网络取证实验室。\n"
    )
    got = pairs(text, "activeIn")
    assert ("programme-container-control", "country-mus") in got
    assert ("programme-global-programme-cybercrime", "city-nairobi") in got


def test_ransomware_is_cybercrime_not_extortion() -> None:
    text = "据报告，伊黎伊斯兰国的支持者利用勒索软件攻击勒索钱财，为该团体筹集资金。\n"
    got = pairs(text, "benefitsFrom")
    assert ("group-isil", "crime-cybercrime") in got


def test_a_group_described_as_linked_to_another_with_a_descriptor_between_is_affiliated() -> None:
    text = "与伊黎伊斯兰国有关联的激进团体“东方旅”在该地区招募青年。\n"
    got = pairs(text, "affiliatedWith")
    assert any(o == "group-isil" for _, o in got)
    people = "安理会强调，与基地组织有关联的个人和实体仍构成威胁。\n"
    assert not pairs(people, "affiliatedWith")


def test_a_report_submitted_at_a_resolutions_request_by_paragraph_is_mandated_by_it() -> None:
    text = "S/2027/101\n\n1. 本报告是应安全理事会第2734(2024)号决议第21段的要求提交的。\n"
    assert tuple(o for s, o in pairs(text, "mandatedBy") if s.startswith("doc-")) == ("res-s-2734-2024",)
    acting = "应第2462(2019)号决议第35段的要求，反恐怖主义委员会执行局编写了一份调查报告。\n"
    assert ("un-cted", "res-s-2462-2019") in pairs(acting, "mandatedBy")


def test_what_a_report_recommends_states_do_is_not_its_authors_act() -> None:
    text = (
        "30. 秘书长建议会员国：(a) 批准《制止向恐怖主义提供资助的国际公约》；"
        "(b) 充分执行第2462(2019)号决议。\n"
    )
    assert not pairs(text, "implements")


def test_a_body_asked_to_work_with_others_named_with_short_forms_asks_only_it() -> None:
    text = (
        "S/PRST/2027/2\n安全理事会请反恐怖主义委员会执行局(反恐执行局)与联合国毒品和犯罪问题办公室"
        "(毒品和犯罪问题办公室)协作，评估各国的需求。\n"
    )
    got = pairs(text, "mandatedBy")
    assert ("un-cted", "res-s-prst-2027-2") in got
    assert ("un-unodc", "res-s-prst-2027-2") not in got


def test_a_verb_before_a_known_programme_is_not_part_of_a_new_name() -> None:
    text = "大会请毒品和犯罪问题办公室扩大集装箱管制方案在西非港口的覆盖范围。\n"
    found = extract_document(document(text), VOCAB).mentions[0]
    assert "programme-container-control" in {m.concept for m in found}
    assert not any(m.surface.startswith("扩大") for m in found)


def test_a_thing_located_somewhere_that_a_group_uses_does_not_place_the_group() -> None:
    text = "据报告，青年党利用位于阿拉伯联合酋长国的空壳公司转移资金。\n"
    assert ("group-al-shabaab", "country-are") not in pairs(text, "operatesIn")
    based = "青年党的训练营位于索马里南部。\n"
    assert ("group-al-shabaab", "country-som") in pairs(based, "operatesIn")


def test_an_operation_named_in_quotes_before_its_head_is_what_the_short_form_refers_to() -> None:
    text = (
        "5. 2026年，毒品和犯罪问题办公室与世界海关组织联合开展了“沙漠之鹰”行动。"
        "该行动在乍得和尼日尔的九个口岸同时展开。\n"
    )
    got = pairs(text, "activeIn")
    (operation,) = {s for s, o in got if s.startswith("programme-")}
    assert {(operation, "country-tcd"), (operation, "country-ner")} <= got


def test_a_group_protecting_a_network_or_selling_captives_profits_from_the_crime() -> None:
    text = "据报告，伊斯兰国萨赫勒省为贩毒网络提供武装护送，以此获取资金。\n"
    assert ("group-isgs", "crime-drug-trafficking") in pairs(text, "benefitsFrom")
    slaves = "伊黎伊斯兰国将被俘的妇女作为奴隶出售。\n"
    assert ("group-isil", "crime-human-trafficking") in pairs(slaves, "benefitsFrom")
    fights = "伊斯兰国萨赫勒省打击贩毒网络，并为平民提供保护。\n"
    assert not pairs(fights, "benefitsFrom")


def test_a_name_after_a_verb_no_class_knows_is_its_object_and_the_subject_carries_on() -> None:
    text = (
        "反恐怖主义委员会执行局与毒品和犯罪问题办公室合作，修订了《关于边境安全和管理的实用指南》中的相关章节，"
        "并为西非会员国举办了讲习班。\n"
    )
    got = pairs(text, "activeIn")
    assert ("un-cted", "region-west-africa") in got
    assert not any(s.startswith("programme-") for s, _ in got)


def test_words_before_a_known_group_are_no_new_group_and_its_networks_place_is_not_the_agents() -> None:
    text = "据报告，伊斯兰国西非省将部分勒索所得转交基地组织在马格里布的协助网络。\n"
    found = extract_document(document(text), VOCAB).mentions[0]
    assert {m.surface for m in found if m.kind == "TerroristGroup"} == {"伊斯兰国西非省", "基地组织"}
    assert not any(s == "group-iswap" for s, _ in pairs(text, "operatesIn"))


def test_a_group_named_with_a_place_of_its_own_inside_another_role_is_there() -> None:
    text = "联合访问团评估了伊斯兰国西非省在尼日尔东南部的影响。\n"
    assert ("group-iswap", "country-ner") in pairs(text, "operatesIn")
    parent = "阿布沙耶夫集团系基地组织在东南亚的附属组织。\n"
    assert ("group-al-qaida", "region-south-east-asia") not in pairs(parent, "operatesIn")


def test_a_reports_masthead_naming_the_council_is_no_resolutions_voice() -> None:
    text = "S/2027/55\n安全理事会\n2027年1月20日\n秘书长的报告\n1. 本报告是根据第2462(2019)号决议提交的。\n"
    passages = list(ingest.passages(document(text)))
    assert [p.kind for p in passages if p.para == "1"] == ["body"]


def test_those_who_fund_a_programme_are_its_supporters_not_places_of_its_work() -> None:
    text = "毒品和犯罪问题办公室实施了集装箱管制方案。该方案的实施得到了欧洲联盟和挪威提供的预算外资金。\n"
    assert not any(o == "country-nor" for _, o in pairs(text, "activeIn"))
    assert ("un-unodc", "org-european-union") in pairs(text, "partnerOf")


def test_partners_named_before_the_verb_in_an_earlier_clause_and_funders_received() -> None:
    text = "毒品和犯罪问题办公室还与金融行动任务组及其区域性机构，特别是东部和南部非洲反洗钱小组，开展了密切合作。\n"
    got = pairs(text, "partnerOf")
    assert {("un-unodc", "org-fatf"), ("un-unodc", "org-esaamlg")} <= got
    funded = "毒品和犯罪问题办公室实施了集装箱管制方案。该方案得到了欧洲联盟和卡塔尔的资助。\n"
    assert ("un-unodc", "org-european-union") in pairs(funded, "partnerOf")
    assert not any(o == "country-qat" for _, o in pairs(funded, "activeIn"))


def test_a_counted_generic_subject_or_an_unnamed_body_ends_the_carry() -> None:
    text = (
        "1. 毒品和犯罪问题办公室协助乍得修订了反恐立法。\n"
        "2. 截至2024年底，已有190个国家成为《制止向恐怖主义提供资助的国际公约》的缔约国。\n"
    )
    assert not pairs(text, "implements")
    unnamed = (
        "1. 毒品和犯罪问题办公室在中亚开展了能力建设活动。\n"
        "2. 该局继续监测各会员国执行第1373(2001)号决议的情况。\n"
    )
    assert not any(s == "un-unodc" for s, _ in pairs(unnamed, "implements"))


def test_a_group_taxing_the_miners_of_gold_profits_from_the_mining() -> None:
    text = "据报告，伊斯兰国萨赫勒省控制了梅纳卡地区的手工金矿，并向矿工抽成。\n"
    assert ("group-isgs", "crime-illegal-mining") in pairs(text, "benefitsFrom")


def test_a_place_describing_a_thing_or_a_groups_supporters_is_not_the_groups() -> None:
    bought = "支持伊斯兰和穆斯林组织的战斗人员使用在利比亚购买的武器。\n"
    assert ("group-jnim", "country-lby") not in pairs(bought, "operatesIn")
    firms = "青年党的资金通过设在阿拉伯联合酋长国的汇款公司转移。\n"
    assert ("group-al-shabaab", "country-are") not in pairs(firms, "operatesIn")
    supporters = "伊黎伊斯兰国在欧洲的支持者通过众筹平台筹款。\n"
    assert ("group-isil", "region-europe") not in pairs(supporters, "operatesIn")
    controls = "伊黎伊斯兰国在叙利亚东部控制的地区不断缩小。\n"
    assert ("group-isil", "country-syr") in pairs(controls, "operatesIn")


def test_the_members_of_a_body_a_un_office_leads_are_its_partners() -> None:
    text = "该工作组由联合国反恐怖主义办公室牵头，成员包括：国际移民组织、国际刑事警察组织和非洲联盟。\n"
    got = pairs(text, "partnerOf")
    assert {("un-unoct", "un-iom"), ("un-unoct", "org-interpol"), ("un-unoct", "org-african-union")} <= got
    states = "该工作组由联合国反恐怖主义办公室牵头，成员包括肯尼亚和乌干达。\n"
    assert not pairs(states, "partnerOf")


@pytest.mark.parametrize(
    ("header", "symbol", "date"),
    [
        (
            "经济及社会理事会第2025/15号决议\n2025年7月24日经济及社会理事会第28次全体会议通过\n",
            "E/RES/2025/15",
            "2025-07-24",
        ),
        (
            "A/RES/79/200\n大会\nDistr.: General\n2024年12月20日\n第七十九届会议\n2024年12月17日大会决议\n"
            "79/200. 预防犯罪和刑事司法领域的技术援助\n大会，\n",
            "A/RES/79/200",
            "2024-12-17",
        ),
    ],
)
def test_the_adoption_date_of_an_ecosoc_or_assembly_resolution(header: str, symbol: str, date: str) -> None:
    doc = document(header + "回顾其以往各项决议，\n")
    assert (doc.symbol, doc.date) == (symbol, date)


def test_a_resolution_extending_a_bodys_term_or_deciding_it_shall_act_mandates_it() -> None:
    text = (
        "第2820(2026)号决议\n2026年3月1日安全理事会第9960次会议通过\n安全理事会，\n"
        "1. 决定延长反恐怖主义委员会执行局作为特别政治任务的任期，至2030年12月31日为止；\n"
        "2. 决定第1267(1999)号决议所设委员会应继续审查名单；\n"
        "3. 决定继续积极处理此案。\n"
    )
    got = pairs(text, "mandatedBy")
    assert {("un-cted", "res-s-2820-2026"), ("un-1267-committee", "res-s-2820-2026")} <= got


def test_a_country_whose_implementation_is_assessed_does_not_implement_by_that() -> None:
    text = "反恐怖主义委员会执行局在对乌干达的访问中评估了该国执行第2396(2017)号决议的情况。\n"
    got = pairs(text, "implements")
    assert ("un-cted", "res-s-2396-2017") in got
    assert ("country-uga", "res-s-2396-2017") not in got
    workshop = "毒品和犯罪问题办公室为乌干达举办了关于执行第2396(2017)号决议的讲习班。\n"
    assert ("country-uga", "res-s-2396-2017") in pairs(workshop, "implements")


def test_a_report_a_body_submits_under_a_resolution_later_in_the_clause_is_mandated_by_it() -> None:
    text = "S/2027/77\n\n1. 分析支助和制裁监测组根据第2734(2024)号决议附件一第(a)段提交本报告。\n"
    got = pairs(text, "mandatedBy")
    assert ("un-monitoring-team", "res-s-2734-2024") in got
    assert any(s.startswith("doc-") and o == "res-s-2734-2024" for s, o in got)


def test_with_member_states_and_bodies_is_no_attending_word() -> None:
    text = "分析支助和制裁监测组与会员国、国际刑警组织和金融行动任务组进行了磋商。\n"
    got = pairs(text, "partnerOf")
    assert {("un-monitoring-team", "org-interpol"), ("un-monitoring-team", "org-fatf")} <= got
    attended = "国际刑警组织的与会者介绍了最新情况。\n"
    assert not pairs(attended, "partnerOf")


def test_carrying_out_the_mandate_a_resolution_gives_is_being_mandated_by_it() -> None:
    text = "联合国反恐怖主义办公室成立于2017年，负责执行大会第71/291号决议赋予的任务。\n"
    assert ("un-unoct", "res-a-71-291") in pairs(text, "mandatedBy")
    assert ("un-unoct", "res-a-71-291") not in pairs(text, "implements")


def test_a_crime_describing_people_names_them_not_the_groups_act() -> None:
    punish = "青年党对贩运木炭的商人实施惩罚，以显示其对该地区的控制。\n"
    assert not pairs(punish, "benefitsFrom")
    taxed = "青年党向贩运木炭的商人征税，每年获得数百万美元。\n"
    assert ("group-al-shabaab", "crime-charcoal-trade") in pairs(taxed, "benefitsFrom")


def test_taxing_the_trade_in_lawful_goods_is_illicit_taxation() -> None:
    text = "据报告，伊斯兰国西非省的收入主要来自对鱼类和农产品贸易征税。\n"
    assert ("group-iswap", "crime-illicit-taxation") in pairs(text, "benefitsFrom")


def test_a_short_place_name_jieba_joins_with_its_head_is_still_named() -> None:
    text = "毒品和犯罪问题办公室为东非国家的检察官举办了培训。\n"
    assert ("un-unodc", "region-east-africa") in pairs(text, "activeIn")


def test_a_sanctions_list_a_group_is_put_on_under_a_resolution_is_governed_by_it() -> None:
    text = "QDe.999 某团体\n该团体于2015年6月根据第2161(2014)号决议第2段被列入伊黎伊斯兰国(达伊沙)和基地组织制裁名单。\n"
    got = pairs(text, "mandatedBy")
    assert ("un-isil-al-qaida-sanctions-list", "res-s-2161-2014") in got
    assert not any(s.startswith("group-") for s, _ in got)


def test_monitoring_the_measures_a_resolution_sets_monitors_its_implementation() -> None:
    text = (
        "安全理事会第1970(2011)号决议规定了武器禁运，安理会随后在第2095(2013)号决议中修订了这些措施。"
        "利比亚问题专家小组继续监督上述两项决议所规定的措施的执行情况。\n"
    )
    got = objects(text, "implements", "un-poe-libya")
    assert got == {"res-s-1970-2011", "res-s-2095-2013"}


def test_a_group_called_an_affiliate_in_a_region_is_there_but_not_one_sending_money_to_it() -> None:
    text = "伊斯兰马格里布基地组织系基地组织在北非的附属团体，近年来持续招募青年。\n"
    assert ("group-aqim", "region-north-africa") in pairs(text, "operatesIn")
    sent = "青年党通过中间人向基地组织在阿拉伯半岛的附属团体转移资金。\n"
    assert not objects(sent, "operatesIn", "group-al-shabaab")


def test_spreading_now_and_then_is_no_negation() -> None:
    text = "伊斯兰国西非省主要在博尔诺州活动，并不时向约贝州扩展。\n"
    assert ("group-iswap", concept("约贝州")) in pairs(text, "operatesIn")


def test_places_named_by_their_position_in_a_route_a_list_or_a_mountain_area() -> None:
    got = discovered(
        "青年党在拜多阿、布尔哈卡巴和萨科周边活动，武器经卡尔卡尔山区转运，走私者还经由巴里州运送燃料。"
        "人质被关押在菲律宾锡亚西岛。该团体撤往北部山区。货物经由肯尼亚基利菲港运出。\n"
    )
    for name in ("萨科", "卡尔卡尔山区", "巴里州", "锡亚西岛", "基利菲港"):
        assert got.get(name) == "Region", name
    assert "北部山区" not in got


def test_a_study_about_a_place_is_not_work_there_but_a_workshop_about_it_is() -> None:
    study = "联合国区域间犯罪和司法研究所编写了一份关于乍得湖流域牲畜贩运的研究报告。\n"
    assert not pairs(study, "activeIn")
    workshop = "反恐怖主义办公室举办了关于乍得湖流域局势的讲习班。\n"
    assert ("un-unoct", concept("乍得湖流域")) in pairs(workshop, "activeIn")


def test_a_verb_before_zhe_names_a_person_not_an_act() -> None:
    text = "毒品和犯罪问题办公室向西非国家的政策制定者通报了调查结果。\n"
    assert not pairs(text, "activeIn")


def test_nothing_reported_is_no_fact() -> None:
    text = "会员国未报告青年党直接从事木炭走私。\n"
    assert not pairs(text, "benefitsFrom")


def test_a_synthetic_drug_trafficked_across_borders_is_drug_trafficking() -> None:
    text = "据报告，伊黎伊斯兰国呼罗珊省直接参与冰毒的跨境贩运，以此筹集资金。\n"
    assert pairs(text, "benefitsFrom") == {("group-isil-k", "crime-drug-trafficking")}


def test_diverting_aid_and_illegal_fishing_are_crimes_a_group_profits_from() -> None:
    aid = "青年党通过其控制的地方委员会转移人道主义援助，并转售粮食牟利。\n"
    assert ("group-al-shabaab", "crime-aid-diversion") in pairs(aid, "benefitsFrom")
    fishing = "据报告，伊斯兰国西非省还从乍得湖的非法、未报告和无管制捕捞中获利。\n"
    assert ("group-iswap", "crime-illegal-fishing") in pairs(fishing, "benefitsFrom")
    organised = discovered("伊斯兰国西非省在乍得湖的岛屿上组织非法捕捞。\n")
    assert "TerroristGroup" not in organised.values()


def test_naval_operations_and_missions_are_organizations_that_act() -> None:
    text = "欧洲联盟的伊里尼行动协助监测第2292(2016)号决议的执行情况，并与联合海上部队交流信息。\n"
    assert ("org-eunavfor-irini", "res-s-2292-2016") in pairs(text, "implements")
    assert ("org-eunavfor-irini", "org-combined-maritime-forces") in pairs(text, "partnerOf")


def test_states_helped_to_act_under_an_arrangement_carry_it_out() -> None:
    text = "毒品和犯罪问题办公室支持肯尼亚和坦桑尼亚根据《东非海上执法合作安排》加强联合巡逻。\n"
    got = pairs(text, "implements")
    arrangement = {o for s, o in got if s == "un-unodc"}
    assert len(arrangement) == 1
    assert {("country-ken", *arrangement), ("country-tza", *arrangement)} <= got


def test_guidelines_referred_back_to_and_the_fatf_standards_are_implemented() -> None:
    text = (
        "大会通过了《关于打击野生动植物贩运的刑事司法对策准则》。"
        "大会赞赏联合国环境规划署为支持会员国执行上述准则所开展的工作。\n"
    )
    guidelines = objects(text, "implements", "un-unep")
    assert len(guidelines) == 1 and next(iter(guidelines)).startswith("convention-")
    fatf = "毒品和犯罪问题办公室协助莫桑比克落实金融行动特别工作组的各项建议。\n"
    assert ("un-unodc", "convention-fatf-recommendations") in pairs(fatf, "implements")


def test_a_panel_named_after_the_resolution_that_set_it_up_is_mandated_by_it() -> None:
    text = "根据第2760(2024)号决议设立的专家小组报告说，武器经海路流入。\n"
    got = pairs(text, "mandatedBy")
    assert len(got) == 1 and next(iter(got))[1] == "res-s-2760-2024"
    known = "第1973(2011)号决议设立的专家小组报告了违规事件。\n"
    assert ("un-poe-libya", "res-s-1973-2011") in pairs(known, "mandatedBy")


def test_the_group_a_province_is_called_a_branch_of_is_its_parent_not_itself() -> None:
    text = "伊黎伊斯兰国继续在叙利亚活动。伊黎伊斯兰国索马里省是该组织在东非的分支，主要在邦特兰活动。\n"
    got = pairs(text, "affiliatedWith")
    assert ("group-isil-somalia", "group-isil") in got


def test_a_name_with_its_sanctions_list_reference_is_a_listed_group() -> None:
    text = "东方之鹰运动(QDe.199)是与阿布沙耶夫集团有关联的团体。\n"
    got = discovered(text)
    assert got.get("东方之鹰运动") == "TerroristGroup"
    assert any(o == "group-abu-sayyaf" for _s, o in pairs(text, "affiliatedWith"))


def test_a_programme_owned_by_a_body_named_with_its_short_form_stands_for_it() -> None:
    text = (
        "联合国毒品和犯罪问题办公室(毒品和犯罪问题办公室)的全球海上执法方案继续支持肯尼亚。"
        "全球海上执法方案的主要合作伙伴是：(a)国际海事组织；(b)欧洲联盟。\n"
    )
    assert {("un-unodc", "un-imo"), ("un-unodc", "org-european-union")} <= pairs(text, "partnerOf")


def test_where_goods_are_smuggled_to_is_not_where_the_group_is() -> None:
    shipped = "青年党参与将木炭走私到阿曼和也门。\n"
    assert not pairs(shipped, "operatesIn")
    spread = "青年党的影响力已蔓延到肯尼亚东北部。\n"
    assert ("group-al-shabaab", "country-ken") in pairs(spread, "operatesIn")


def test_a_desert_or_forest_after_a_place_is_a_part_of_it_not_a_name() -> None:
    got = discovered("伊黎伊斯兰国在伊拉克西部沙漠地区和刚果民主共和国东部森林地区活动。\n")
    assert not [name for name in got if "沙漠" in name or "森林" in name]


def report(body: str) -> str:
    """A report's masthead (symbol S/2026/777), then ``body``."""
    return f"联合国 S/2026/777\n安全理事会 Distr.: General\n\n秘书长的报告\n\n{body}\n"


def test_a_report_under_two_bodies_resolutions_or_one_described_first_is_mandated_by_each() -> None:
    two = report("1. 本报告根据大会第78/265号决议和经济及社会理事会第2019/19号决议提交。")
    got = objects(two, "mandatedBy", "doc-s-2026-777")
    assert got == {"res-a-78-265", "res-e-2019-19"}
    about = report("1. 本报告根据大会关于《联合国全球反恐战略》第七次审查的第75/291号决议提交。")
    assert ("doc-s-2026-777", "res-a-75-291") in pairs(about, "mandatedBy")


def test_the_sanctions_committee_named_with_its_subject_after_the_resolutions_is_known() -> None:
    text = (
        "依照第1267(1999)号、第1989(2011)号和第2253(2015)号决议所设关于伊拉克和黎凡特伊斯兰国(达伊沙)、"
        "基地组织及相关个人、团体、企业和实体的安全理事会委员会于2016年将该团体列入名单。\n"
    )
    got = pairs(text, "mandatedBy")
    assert {
        ("un-1267-committee", r) for r in ("res-s-1267-1999", "res-s-1989-2011", "res-s-2253-2015")
    } <= got


def test_a_panel_whose_mandate_a_resolution_extended_is_mandated_by_it() -> None:
    text = "根据第2760(2024)号决议延长任务期限的索马里问题专家小组报告，武器经海路流入。\n"
    assert ("un-poe-somalia", "res-s-2760-2024") in pairs(text, "mandatedBy")


def test_a_splinter_group_formed_at_a_date_is_affiliated_with_the_group_it_left() -> None:
    text = "宗教卫士组织于2018年2月作为沙姆解放组织的一个分裂团体成立。\n"
    assert ("group-hurras-al-din", "group-al-nusrah-front") in pairs(text, "affiliatedWith")


def test_funds_coming_from_a_crime_are_profit_and_unnamed_affiliates_link_no_one() -> None:
    funded = "伊斯兰国西非省的资金主要来自对渔民的勒索。\n"
    assert ("group-iswap", "crime-extortion") in pairs(funded, "benefitsFrom")
    listed = "深为关切伊拉克和黎凡特伊斯兰国、基地组织及其附属团体继续招募成员。\n"
    assert not pairs(listed, "affiliatedWith")


def test_a_recall_goes_on_past_what_the_recalled_resolution_did() -> None:
    text = (
        "大会第80/999号决议\n大会，\n"
        "回顾其2019年12月18日第74/175号决议，其中通过了《示范立法》，以及2021年12月16日第76/186号决议，\n"
    )
    got = {o for s, o in pairs(text, "recalls")}
    assert got == {"res-a-74-175", "res-a-76-186"}


def test_the_body_a_study_is_submitted_to_does_not_carry_it_out() -> None:
    text = "研究所将在挪威政府的资助下开展一项研究，并于2027年提交预防犯罪和刑事司法委员会。\n"
    assert not {s for s, _o in pairs(text, "activeIn")} & {"un-ccpcj"}


def test_a_list_of_known_countries_goes_on_from_each_whole_name_not_from_inside_it() -> None:
    text = "该办公室为加蓬、刚果共和国和中非共和国的检察官、法官和警察举办了培训。\n"
    assert not discovered(text)


def test_a_plan_titled_with_its_years_is_an_instrument_and_its_place_is_part_of_its_name() -> None:
    text = "联合国西非和萨赫勒办事处正在制定《萨赫勒边境安全区域行动计划(2026-2030年)》。\n"
    got = discovered(text)
    assert [kind for name, kind in got.items() if "行动计划" in name] == ["Convention"]
    assert not pairs(text, "activeIn")
    assert not pairs(text, "implements")  # drafting a plan is not carrying it out
    done = "联合国西非和萨赫勒办事处支持各国执行《萨赫勒边境安全区域行动计划(2026-2030年)》。\n"
    assert "un-unowas" in {s for s, _ in pairs(done, "implements")}


def test_a_programme_a_body_coordinates_is_the_one_acting() -> None:
    text = "由毒品和犯罪问题办公室协调的巴黎公约倡议为伊朗伊斯兰共和国的禁毒合作提供平台。\n"
    got = pairs(text, "activeIn")
    assert ("programme-paris-pact", "country-irn") in got
    assert ("un-unodc", "country-irn") not in got


def test_a_claim_another_state_disputes_is_not_stated() -> None:
    text = "一个会员国报告称，青年党参与木炭走私以筹集资金，但另一个会员国对此表示怀疑。\n"
    assert not pairs(text, "benefitsFrom")


def test_recruiting_from_a_regions_nationals_or_a_groups_leaders_trained_elsewhere_place_no_group() -> None:
    recruits = "伊黎伊斯兰国呼罗珊省从中亚各国国民中招募成员。\n"
    assert not pairs(recruits, "operatesIn")
    leaders = "安萨鲁成立于2012年。该组织的部分领导人曾在尼日尔接受训练。\n"
    assert not pairs(leaders, "operatesIn")
    spread = "支持伊斯兰和穆斯林组织的影响力正从马里向沿海国家扩散。\n"
    assert ("group-jnim", "country-mli") in pairs(spread, "operatesIn")


def test_the_secretariat_of_a_convention_in_title_marks_is_a_body() -> None:
    text = "毒品和犯罪问题办公室与《保护野生动物迁徙物种公约》秘书处合作，在乍得举办了讲习班。\n"
    got = discovered(text)
    assert got.get("保护野生动物迁徙物种公约秘书处") == "Organization"
    assert any(s == "un-unodc" and o.startswith("organization-") for s, o in pairs(text, "partnerOf"))


def test_a_group_still_somewhere_in_the_area_of_a_country_is_there() -> None:
    text = "伊黎伊斯兰国仍在伊拉克境内的沙漠地带以及基尔库克省和萨拉赫丁省交界的偏远地区活动。\n"
    got = objects(text, "operatesIn", "group-isil")
    assert {"country-irq", concept("基尔库克省"), concept("萨拉赫丁省")} <= got


def test_a_condemned_attack_in_counties_listed_after_the_countries_places_the_group_there() -> None:
    text = "强烈谴责青年党在索马里和肯尼亚东北部，包括在瓦吉尔县和拉穆县，实施的恐怖主义袭击。\n"
    got = objects(text, "operatesIn", "group-al-shabaab")
    assert {"country-som", "country-ken"} < got
    assert "瓦吉尔县" in discovered(text)


def test_organizations_a_resolution_encourages_to_cooperate_are_partners() -> None:
    text = "第2799(2025)号决议\n安全理事会，\n4. 鼓励非洲联盟和政府间发展管理局与联合国索马里支助办事处合作，加强后勤协调；\n"
    got = {frozenset(p) for p in pairs(text, "partnerOf")}
    assert frozenset({"org-african-union", "un-unsos"}) in got
    assert frozenset({"org-igad", "un-unsos"}) in got


def test_funding_by_extorting_people_goes_to_the_group_the_clause_is_about() -> None:
    text = (
        "伊斯兰国西非省继续在博尔诺州活动。"
        "该团体通过向渔民和商贩勒索获得收入，并接收伊黎伊斯兰国核心转来的资金。\n"
    )
    got = pairs(text, "benefitsFrom")
    assert ("group-iswap", "crime-extortion") in got
    assert ("group-isil", "crime-extortion") not in got


def test_claims_a_committee_could_not_verify_are_not_stated() -> None:
    text = "据称，青年党还从木炭走私中获利，并与在也门活动的基地组织阿拉伯半岛分支交换武器，但委员会未能证实这些说法。\n"
    assert not pairs(text, "benefitsFrom")
    assert not pairs(text, "affiliatedWith")
    assert ("group-aqap", "country-yem") in pairs(text, "operatesIn")


def test_goods_bought_with_a_crimes_profit_do_not_name_the_crime() -> None:
    text = "伊斯兰国西非省从鱼干走私中获取的利润被用于购买燃料和摩托车。\n"
    got = pairs(text, "benefitsFrom")
    assert ("group-iswap", "crime-smuggling") in got
    assert ("group-iswap", "crime-oil-smuggling") not in got


def test_mandates_said_of_a_body_in_a_copula_or_its_own_clause() -> None:
    set_up = "联合国反恐怖主义办公室是大会第71/291号决议所设，负责协调整个联合国系统的工作。\n"
    assert ("un-unoct", "res-a-71-291") in pairs(set_up, "mandatedBy")
    extended = "监测组是根据第1526(2004)号决议设立的，其现行任务授权由第2734(2024)号决议延长。\n"
    assert {("un-monitoring-team", "res-s-1526-2004"), ("un-monitoring-team", "res-s-2734-2024")} <= pairs(
        extended, "mandatedBy"
    )


def test_monitoring_a_list_of_measures_and_reporting_progress() -> None:
    monitored = "1988委员会负责监督第1988(2011)号决议所规定的资产冻结、旅行禁令和武器禁运的执行情况。\n"
    assert ("un-1988-committee", "res-s-1988-2011") in pairs(monitored, "implements")
    reported = "大会请秘书长在第八十一届会议上报告联合国系统在执行《联合国全球反恐战略》方面取得的进展。\n"
    assert not pairs(reported, "implements")


def test_the_committee_a_resolution_set_up_is_named_whole_before_the_body_after_it() -> None:
    text = "谨代表第1988(2011)号决议所设安全理事会委员会，转递分析支助和制裁监测组的报告。\n"
    got = pairs(text, "mandatedBy")
    assert ("un-1988-committee", "res-s-1988-2011") in got
    assert ("un-monitoring-team", "res-s-1988-2011") not in got


def test_a_postponed_or_awaited_visit_and_a_plotted_attack_state_no_act() -> None:
    postponed = "反恐怖主义委员会推迟了原定对尼日尔的访问。\n"
    assert not pairs(postponed, "activeIn")
    awaited = "委员会期待在安全条件允许时尽快对布基纳法索进行评估访问。\n"
    assert not pairs(awaited, "activeIn")
    plotted = "伊黎伊斯兰国呼罗珊省还策划在比利时发动袭击。\n"
    assert not pairs(plotted, "operatesIn")


def test_nationals_recruited_and_a_table_caption_of_un_entities_place_no_one() -> None:
    recruited = "伊黎伊斯兰国呼罗珊省继续招募成员，特别是吉尔吉斯斯坦和哈萨克斯坦的国民。\n"
    assert not pairs(recruited, "operatesIn")
    caption = "反恐执行局访问了约旦。\n\n联合国实体2025年在南亚开展的部分能力建设活动\n"
    assert ("un-cted", concept("南亚")) not in pairs(caption, "activeIn")


def test_a_city_found_with_its_unit_is_also_named_without_it() -> None:
    text = "2024年1月，伊黎伊斯兰国呼罗珊省在伊朗伊斯兰共和国扎黑丹市实施了爆炸袭击。\n"
    doc = document(text)
    _, entities = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
    city = next(e for e in entities.values() if e.label_zh == "扎黑丹市")
    assert "扎黑丹" in city.alt_labels


def test_a_joint_publication_and_a_centre_named_with_its_parent() -> None:
    joint = "联合国区域间犯罪和司法研究所与反恐怖主义办公室联合发布了一份关于无人机滥用的研究报告。\n"
    assert {frozenset(p) for p in pairs(joint, "partnerOf")} == {frozenset({"un-unicri", "un-unoct"})}
    centre = "反恐执行局与非洲联盟非洲恐怖主义问题研究中心合作，举办了区域研讨会。\n"
    assert pairs(centre, "partnerOf") == {("un-cted", "org-acsrt")}


def test_a_name_given_another_after_a_comma_in_brackets_stays_one_item() -> None:
    text = (
        "关切恐怖团体的招募活动，包括伊拉克和黎凡特伊斯兰国(伊黎伊斯兰国，又称达伊沙)和基地组织的附属团体。\n"
    )
    assert not pairs(text, "affiliatedWith")


def test_a_report_on_progress_asked_for_after_the_instrument_is_no_implementation() -> None:
    text = "请秘书长在第八十二届会议上就联合国系统执行《联合国全球反恐战略》的进展情况提交报告。\n"
    assert not pairs(text, "implements")


def test_a_state_after_a_direction_and_de_and_two_places_closed_by_zhoubian() -> None:
    state = "支持伊斯兰和穆斯林组织已于2025年开始在尼日利亚中北部的科吉州活动。\n"
    got = objects(state, "operatesIn", "group-jnim")
    # the state, the part of the country it lies in (尼日利亚中北部) and the country
    assert "country-nga" in got and len(got) == 3
    towns = "伊斯兰国西非省的残余人员仍在迪法和巴罗瓦周边活动。\n"
    assert "巴罗瓦" in discovered(towns)


def test_a_site_in_a_place_after_a_partner_is_where_the_act_is() -> None:
    text = "毒品和犯罪问题办公室与世界海关组织在加纳和贝宁的港口设立了联合港口管制单位。\n"
    got = objects(text, "activeIn", "un-unodc")
    assert {"country-gha", "country-ben"} <= got
    rolled_out = "国际移民组织在乍得的边境口岸推广生物鉴别登记。\n"
    assert ("un-iom", "country-tcd") in pairs(rolled_out, "activeIn")


def test_the_partners_after_a_relative_clause_of_basis_keep_the_marker_before_it() -> None:
    text = "监测组继续与根据第2140(2014)号决议设立的也门问题专家小组、反恐怖主义委员会执行局以及国际刑事警察组织合作。\n"
    got = pairs(text, "partnerOf")
    assert {("un-monitoring-team", "un-cted"), ("un-monitoring-team", "org-interpol")} <= got
    assert ("un-cted", "res-s-2140-2014") not in pairs(text, "mandatedBy")


def test_the_two_offices_of_a_report_and_our_office_in_a_statement() -> None:
    text = (
        "毒品和犯罪问题办公室与反恐怖主义办公室在西非开展联合工作。联合国西非和萨赫勒办事处也参与了协调。\n\n"
        "两个办公室在西非的主要伙伴是：西非国家经济共同体和欧洲联盟。\n"
    )
    got = pairs(text, "partnerOf")
    assert {("un-unodc", "org-ecowas"), ("un-unoct", "org-ecowas")} <= got
    assert ("un-unowas", "org-ecowas") not in got


def test_bodies_acting_jointly_are_partners_and_our_office_is_the_speaker() -> None:
    joint = "联合国西非和萨赫勒办事处和联合国中部非洲区域办事处联合支持乍得湖流域委员会举办了论坛。\n"
    assert {frozenset(p) for p in pairs(joint, "partnerOf")} >= {frozenset({"un-unowas", "un-unoca"})}
    said = (
        "联合国反恐怖主义办公室主任的发言\n\n"
        "1. 联合国反恐怖主义办公室在中亚开展了多项活动。反恐怖主义办公室还在南亚举办了讲习班。"
        "反恐怖主义办公室在东非提供了援助。\n\n2. 我们办公室已与欧洲联盟合作，编写了风险指标。\n"
    )
    assert ("un-unoct", "org-european-union") in pairs(said, "partnerOf")


def test_two_groups_referred_back_and_a_group_joining_an_attack_are_there() -> None:
    both = (
        "支持伊斯兰和穆斯林组织和伊斯兰国西非省在尼日尔活动。两个团体都已将活动扩展到贝宁的北部边境地区。\n"
    )
    got = pairs(both, "operatesIn")
    assert {("group-jnim", "country-ben"), ("group-iswap", "country-ben")} <= got
    joined = "巴基斯坦塔利班运动与基地组织联手，在阿富汗楠格哈尔省实施了自杀式爆炸袭击。\n"
    assert ("group-al-qaida", "country-afg") in pairs(joined, "operatesIn")


def test_a_desert_named_after_a_place_marker_and_a_group_after_yu_in_a_setting() -> None:
    desert = "伊黎伊斯兰国继续在鲁卜哈利沙漠对过往车辆发动袭击。\n"
    assert "鲁卜哈利沙漠" in discovered(desert)
    setting = "在萨赫勒中部，与基地组织有关联的支持伊斯兰和穆斯林组织继续在马里活动。\n"
    assert not objects(setting, "operatesIn", "group-al-qaida")


def test_states_that_report_acting_under_a_resolution_carry_it_out() -> None:
    text = "约旦、黎巴嫩和突尼斯报告说，它们已根据第2396(2017)号决议建立了旅客资料系统。\n"
    got = pairs(text, "implements")
    assert {(c, "res-s-2396-2017") for c in ("country-jor", "country-lbn", "country-tun")} <= got


def test_the_money_laundering_programme_by_its_shorter_official_name_acts() -> None:
    text = (
        "毒品和犯罪问题办公室的打击洗钱、犯罪收益和资助恐怖主义全球方案(全球方案)在东非开展了活动。"
        "该方案协助会员国执行《联合国反腐败公约》。\n"
    )
    assert ("programme-gpml", "convention-uncac") in pairs(text, "implements")


def test_a_fund_the_text_names_with_its_own_short_form_is_a_programme_that_acts() -> None:
    text = (
        "世界粮食计划署管理的萨赫勒中部社区复原基金(社区复原基金)在马里和布基纳法索恢复了学校和诊所。"
        "社区复原基金还在尼日尔开展了职业培训。\n"
    )
    found = mentions.document_mentions(list(ingest.passages(document(text))), VOCAB)[0]
    fund = {m.concept for ms in found for m in ms if m.surface in ("萨赫勒中部社区复原基金", "社区复原基金")}
    assert len(fund) == 1 and next(iter(fund)).startswith("programme-")
    assert {concept("马里"), concept("尼日尔")} <= objects(text, "activeIn", next(iter(fund)))
    known = "赞赏联合国中亚预防性外交区域中心(中亚区域中心)在中亚开展的工作。\n"
    assert not [d for d in discovered(known) if d.endswith("中心")]  # a known name keeps its short form


def test_a_table_column_of_supporting_states_and_a_table_of_a_groups_income_are_no_places_of_work() -> None:
    rows = (
        ["国家", "目标地区", "主要活动", "伙伴"],
        ["马里", "莫普提区", "修复水井和学校", "挪威"],
        ["尼日尔", "蒂拉贝里区", "青年职业培训", "荷兰、丹麦"],
    )
    table = "\n".join("    ".join(r) for r in rows)
    text = (
        "1. 开发计划署在萨赫勒中部继续开展稳定工作，并与各国政府分享了经验。\n\n"
        f"附件\n开发计划署2025年在萨赫勒中部的主要活动\n{table}\n"
    )
    undp = concept("开发计划署")
    got = objects(text, "activeIn", undp)
    assert {concept("马里"), concept("尼日尔")} <= got
    assert not {concept("挪威"), concept("荷兰"), concept("丹麦")} & got
    income = (
        ["收入来源", "主要地区", "评估"],
        ["绑架勒索", "莫普提区", "已证实"],
        ["牲畜盗窃", "蒂拉贝里区", "未经证实"],
    )
    table = "\n".join("    ".join(r) for r in income)
    text = (
        "1. 开发计划署在萨赫勒中部继续开展稳定工作，并与各国政府分享了经验。\n\n"
        f"附件\n支持伊斯兰和穆斯林组织的收入来源\n{table}\n"
    )
    assert not [f for f in facts(text) if f.predicate == "activeIn" and f.rule.startswith("active_table")]


def test_a_proposal_is_no_act() -> None:
    text = (
        "毒品和犯罪问题办公室在东非举办了讲习班。"
        "几个会员国还提议由欧洲安全与合作组织与非洲联盟交流边境管理经验。\n"
    )
    got = {frozenset(p) for p in pairs(text, "partnerOf")}
    assert frozenset((concept("欧洲安全与合作组织"), concept("非洲联盟"))) not in got
    named = "毒品和犯罪问题办公室在东非举办了讲习班。这些伙伴是：政府间发展组织和非洲联盟。\n"
    assert objects(named, "partnerOf", "un-unodc") >= {concept("政府间发展组织"), concept("非洲联盟")}


def test_the_place_of_the_traders_a_group_extorts_is_where_it_operates() -> None:
    text = "伊黎伊斯兰国西非省通过向迈杜古里市的商贩和过往车辆勒索钱财筹集资金。\n"
    assert concept("迈杜古里") in objects(text, "operatesIn", "group-iswap")
    people = "伊黎伊斯兰国西非省向尼日利亚的平民发动了袭击，并向喀麦隆政府施压。\n"
    assert concept("喀麦隆") not in objects(people, "operatesIn", "group-iswap")


def test_a_clause_that_opens_with_a_place_and_names_no_verb_goes_on_with_the_agent_before() -> None:
    text = "伊斯兰祈祷团仍与基地组织保持联系，在印度尼西亚中部拥有一批忠实的追随者。\n"
    assert concept("印度尼西亚") in objects(text, "operatesIn", "group-jemaah-islamiyah")
    other = "乌兹别克斯坦伊斯兰运动在网上传播宣传材料，目标受众包括在俄罗斯联邦务工的中亚移民。\n"
    assert concept("俄罗斯联邦") not in objects(other, "operatesIn", "group-imu")


def test_a_group_referred_back_inside_another_groups_clause_stays_what_the_text_is_about() -> None:
    text = (
        "穆拉比通组织于2013年成立，后获基地组织正式承认。基地组织在其声明中将该团体列为其在西非的盟友。"
        "该团体主要在尼日尔北部活动。\n"
    )
    assert concept("尼日尔") in objects(text, "operatesIn", "group-al-mourabitoun")
    assert concept("尼日尔") not in objects(text, "operatesIn", "group-al-qaida")


def test_states_encouraged_to_work_with_bodies_make_no_partner_of_the_one_encouraging() -> None:
    text = "4. 秘书长鼓励各国继续与反恐怖主义办公室和国际刑事警察组织合作，加强边境管理。\n"
    assert not pairs(text, "partnerOf")
    named = "4. 安理会鼓励会员国和国际刑事警察组织与反恐怖主义办公室合作。\n"
    assert {frozenset(p) for p in pairs(named, "partnerOf")} == {
        frozenset((concept("国际刑事警察组织"), "un-unoct"))
    }


def test_places_a_group_holds_in_a_relative_clause_and_a_group_described_with_zuowei() -> None:
    held = "数千名平民从青年党控制的拜多阿和基斯马尤逃往邻国。\n"
    assert {concept("拜多阿"), concept("基斯马尤")} <= objects(held, "operatesIn", "group-al-shabaab")
    assert not objects("数千名平民从拜多阿逃往青年党控制的地区。\n", "operatesIn", "group-al-shabaab")
    described = "青年党继续在索马里南部活动，而作为基地组织分支的阿拉伯半岛基地组织则主要在也门南部活动。\n"
    assert concept("也门") not in objects(described, "operatesIn", "group-al-qaida")
    assert "group-aqap" in {s for s, o in pairs(described, "operatesIn")}


def test_a_concern_the_council_expresses_is_a_clause_of_its_own_and_a_list_goes_on_to_describe_groups() -> (
    None
):
    text = "安全理事会严重关注伊斯兰马格里布基地组织和其他极端团体在利比亚南部的活动。\n"
    assert concept("利比亚") in objects(text, "operatesIn", "group-aqim")


def test_what_a_body_documented_is_a_clause_of_its_own() -> None:
    text = "联合国已有文件记载青年党在肯尼亚和埃塞俄比亚边境地区强迫招募儿童。\n"
    assert {concept("肯尼亚"), concept("埃塞俄比亚")} <= objects(text, "operatesIn", "group-al-shabaab")


def test_items_of_a_partner_list_each_with_its_duty_are_all_partners_and_do_their_own_duty() -> None:
    text = (
        "12. 反恐怖主义办公室与下列伙伴合作实施了边境安全项目：(a)国际刑事警察组织，负责数据库接入；"
        "(b)国际移民组织，协助各国执行《联合国打击跨国有组织犯罪公约》；以及(c)欧洲安全与合作组织，负责培训。\n"
    )
    partners = objects(text, "partnerOf", "un-unoct")
    assert {concept("国际刑事警察组织"), concept("国际移民组织"), concept("欧洲安全与合作组织")} <= partners
    assert concept("国际移民组织") in {s for s, _ in pairs(text, "implements")}
    assert "un-unoct" not in {s for s, _ in pairs(text, "implements")}


def test_a_un_body_the_text_names_with_its_short_form_and_a_relative_clause_of_one_list_item() -> None:
    text = (
        "本报告借鉴了根据第2999(2030)号决议设立的联合国支持调查伊黎伊斯兰国/达伊沙罪行小组(调查小组)、"
        "毒品和犯罪问题办公室以及国际移民组织提供的资料。调查小组还在摩苏尔开展了工作。\n"
    )
    assert discovered(text).get("联合国支持调查伊黎伊斯兰国/达伊沙罪行小组") == "UNEntity"
    got = pairs(text, "mandatedBy")
    assert {s for s, o in got if o == "res-s-2999-2030"} & {"un-unodc", "un-iom"} == set()
    assert not pairs(text, "partnerOf")


def test_a_table_of_figures_or_events_names_no_places_of_work() -> None:
    rows = (
        ["国家", "2023", "2024"],
        ["泰国", "90 110", "82 310"],
        ["老挝人民民主共和国", "24 960", "37 560"],
    )
    table = "\n".join("          ".join(r) for r in rows)
    text = (
        "1. 毒品和犯罪问题办公室在东南亚继续开展禁毒工作，并与各国执法机构分享了情报分析方法。\n\n"
        f"2023-2024年东南亚部分国家甲基苯丙胺缴获量(公斤)\n\n附件\n\n{table}\n"
    )
    assert not [f for f in facts(text) if f.rule == "active_table"]
    work = text.replace("甲基苯丙胺缴获量(公斤)", "禁毒技术援助活动")
    assert {concept("泰国")} <= {f.object for f in facts(work) if f.rule == "active_table"}


def test_states_of_a_region_encouraged_to_work_with_bodies_are_no_one_in_particular() -> None:
    text = "5. 秘书长鼓励萨赫勒各国与国际刑事警察组织和毒品和犯罪问题办公室一道，加强边境管理。\n"
    assert not pairs(text, "partnerOf")


def test_a_branch_among_the_groups_merged_is_no_parent_and_a_group_calling_itself_a_branch() -> None:
    text = (
        "支持伊斯兰和穆斯林组织由安萨尔埃丁、马西纳解放阵线和伊斯兰马格里布基地组织南部分支合并而成，"
        "自称是基地组织在西非的分支。\n"
    )
    got = pairs(text, "affiliatedWith")
    assert {("group-ansar-eddine", "group-jnim"), ("group-jnim", "group-al-qaida")} <= got
    assert ("group-jnim", "group-ansar-eddine") not in got
    assert ("group-jnim", "group-katiba-macina") not in got


def test_goods_named_before_their_production_and_trafficking_and_a_burkinabe_group() -> None:
    text = "塔利班从鸦片种植和贩运中获得了大量收入。\n"
    assert objects(text, "benefitsFrom", "group-taliban") == {concept("贩毒")}
    named = "安萨鲁尔伊斯兰在布基纳法索北部的苏姆省活动。\n"
    assert concept("布基纳法索") in objects(named, "operatesIn", "group-ansarul-islam")


def test_the_parties_listed_after_an_instruments_party_noun_implement_it() -> None:
    text = "《联合国反腐败公约》的三个缔约国即肯尼亚、乌干达和卢旺达通过了联合行动计划。\n"
    got = pairs(text, "implements")
    assert {(concept(c), "convention-uncac") for c in ("肯尼亚", "乌干达", "卢旺达")} <= got
    memo = "毒品和犯罪问题办公室作为《东非禁毒谅解备忘录》的秘书处，支持各签署国执行该备忘录。\n"
    assert "un-unodc" in {s for s, _ in pairs(memo, "implements")}


def test_states_asked_to_go_on_implementing_do_and_traders_at_a_port_are_where_a_group_levies() -> None:
    text = (
        "7. 我鼓励肯尼亚和乌干达继续执行第2462(2019)号决议。安理会敦促埃塞俄比亚批准《联合国反腐败公约》。\n"
    )
    got = pairs(text, "implements")
    assert {(concept("肯尼亚"), "res-s-2462-2019"), (concept("乌干达"), "res-s-2462-2019")} <= got
    assert (concept("埃塞俄比亚"), "convention-uncac") not in got
    port = "该报告记录了青年党向基斯马尤港口的进口商强行收取费用的情况。\n"
    assert concept("基斯马尤") in objects(port, "operatesIn", "group-al-shabaab")


def test_a_crime_as_the_subject_carries_no_body_into_its_clause() -> None:
    text = (
        "毒品和犯罪问题办公室在加纳举办了海上执法培训。"
        "但石油盗窃和非法加注燃料仍在为尼日尔三角洲的犯罪网络提供大量资金。\n"
    )
    assert concept("尼日尔三角洲") not in objects(text, "activeIn", "un-unodc")
    assert {
        m
        for ms in mentions.document_mentions(list(ingest.passages(document(text))), VOCAB)[0]
        for m in ms
        if m.surface == "石油盗窃"
    }
    mines = "联合国排雷行动处在索马里协助国家当局处理简易爆炸装置威胁。\n"
    assert concept("索马里") in objects(mines, "activeIn", "un-unmas")


def test_a_body_whose_members_act_is_no_partner() -> None:
    text = "毒品和犯罪问题办公室支持非洲联盟成员国执行《联合国反腐败公约》。\n"
    assert concept("非洲联盟") not in objects(text, "partnerOf", "un-unodc")
    listed = "报告由反恐怖主义办公室与国际刑事警察组织以及非洲联盟其他实体密切协作编写。\n"
    got = objects(listed, "partnerOf", "un-unoct")
    assert concept("国际刑事警察组织") in got and concept("非洲联盟") not in got


def test_no_name_takes_in_the_verbs_or_adverbs_around_it() -> None:
    names = discovered(
        "伊黎伊斯兰国还在尼尼微省绑架牧民。乍得和尼日尔已批准欧洲委员会《网络犯罪公约》。"
        "尚不清楚该团体是否在孟加拉国境内保持有组织的存在。\n"
    )
    assert not [n for n in names if any(w in n for w in ("还在", "批准", "保持", "境内"))]


def test_what_an_unverified_report_said_is_not_stated_and_a_unit_is_no_place() -> None:
    text = "伊斯兰祈祷团在印度尼西亚活动。关于该团体在马来西亚沙巴州设立训练营的报道未能得到证实。\n"
    got = objects(text, "operatesIn", "group-jemaah-islamiyah")
    assert concept("印度尼西亚") in got and concept("马来西亚") not in got
    unit = "开发署在班萨摩洛穆斯林棉兰老自治区实施了一个为期三年的项目。\n"
    assert "自治区" not in discovered(unit)


def test_an_aim_is_no_act_and_the_branches_of_a_group_in_a_place_are_not_the_group() -> None:
    aim = "乌兹别克斯坦伊斯兰运动的目标仍然是在中亚建立所谓的“哈里发国”。\n"
    assert not objects(aim, "operatesIn", "group-imu")
    branches = "该国政府用这一名称统称伊黎伊斯兰国在苏拉威西岛的各个附属派别。\n"
    assert not objects(branches, "operatesIn", "group-isil")


def test_a_group_whose_name_ends_in_a_shipping_word_and_both_groups_referred_back() -> None:
    text = "东伊运在伊德利卜省约有2 500名战斗人员。\n"
    assert concept("伊德利卜省") in objects(text, "operatesIn", concept("东伊运"))
    both = "基地组织与巴基斯坦塔利班运动关系密切，两者在阿富汗东部共用训练设施。\n"
    assert concept("阿富汗") in objects(both, "operatesIn", "group-ttp")


def test_the_states_a_project_serves_are_where_its_bodies_work() -> None:
    text = "毒品和犯罪问题办公室在东非实施了一个司法合作项目，受益国包括肯尼亚和乌干达。\n"
    assert {concept("肯尼亚"), concept("乌干达")} <= objects(text, "activeIn", "un-unodc")


def test_a_body_named_in_a_noted_clause_acts_in_the_clause_that_goes_on_with_it() -> None:
    text = "注意到毒品和犯罪问题办公室通过其全球海上犯罪方案，在肯尼亚和斯里兰卡开展的能力建设工作，\n"
    assert {concept("肯尼亚"), concept("斯里兰卡")} <= objects(text, "activeIn", "un-unodc")
    named = "我欢迎联合国支持调查伊黎伊斯兰国罪行小组（调查小组）收集的证据。\n"
    assert "联合国支持调查伊黎伊斯兰国罪行小组" in discovered(named)


def test_a_dated_generic_subject_carries_no_group_into_its_clause() -> None:
    text = "伊斯兰祈祷团在印度尼西亚活动。2024-2025年联合国实体在马来西亚和泰国开展的能力建设活动。\n"
    assert objects(text, "operatesIn", "group-jemaah-islamiyah") == {concept("印度尼西亚")}


def test_states_of_a_federation_named_with_bang_are_places() -> None:
    text = "在印度，次大陆基地组织的活动集中在阿萨姆邦和西孟加拉邦。\n"
    assert {"阿萨姆邦", "西孟加拉邦"} <= set(discovered(text))
    assert len(objects(text, "operatesIn", "group-aqis")) == 3


def test_the_one_who_asks_is_no_partner_and_a_table_row_about_a_group_is_no_work() -> None:
    asked = "秘书长鼓励尼日尔政府继续与毒品和犯罪问题办公室合作。\n"
    assert "un-secretary-general" not in {s for s, _ in pairs(asked, "partnerOf")}
    rows = (
        ["团体", "主要活动地区", "估计人数"],
        ["伊斯兰国西非省", "博尔诺州", "3 000"],
        ["博科圣地", "约贝州", "1 500"],
    )
    table = "\n".join("          ".join(r) for r in rows)
    text = (
        "1. 分析支助和制裁监测组在萨赫勒开展了调查，并与各国当局分享了关于这些团体的信息。\n\n"
        f"附件\n\n乍得湖流域主要团体的活动地区和估计人数\n\n{table}\n"
    )
    assert not [f for f in facts(text) if f.rule == "active_table"]


def test_places_held_in_the_passive_are_where_the_group_is() -> None:
    text = "该省首府拉卡市曾被伊黎伊斯兰国控制三年多。\n"
    assert concept("拉卡") in objects(text, "operatesIn", "group-isil")
    struck = "去年，基斯马尤遭青年党袭击。\n"
    assert concept("基斯马尤") in objects(struck, "operatesIn", "group-al-shabaab")
    held_from = "难民逃离了被伊黎伊斯兰国控制的地区。\n"
    assert not objects(held_from, "operatesIn", "group-isil")


def test_the_basis_of_a_report_its_author_submits_is_the_authors_even_when_described() -> None:
    text = "监测组在其根据关于塔利班及有关个人和实体的第2255(2015)号决议提交的报告中指出，走私增加。\n"
    assert "res-s-2255-2015" in objects(text, "mandatedBy", "un-monitoring-team")


def test_a_list_a_resolution_defines_is_mandated_by_it() -> None:
    text = "委员会更新了第2253(2015)号决议确定的伊黎伊斯兰国(达伊沙)和基地组织制裁名单。\n"
    assert "res-s-2253-2015" in objects(text, "mandatedBy", "un-isil-al-qaida-sanctions-list")


def test_those_listed_as_attending_a_meeting_are_not_what_the_text_goes_on_about() -> None:
    text = "开发署在达喀尔召开了区域会议，与会的有国际刑警组织和世界海关组织代表。会上还讨论了如何执行第2347(2017)号决议。\n"
    implementers = {s for s, _ in pairs(text, "implements")}
    assert not implementers & {"org-interpol", "org-wco"}
    assert "un-undp" in implementers


def test_the_united_nations_as_a_whole_is_party_to_no_fact() -> None:
    text = "联合国通过其各实体支持会员国批准和执行《联合国打击跨国有组织犯罪公约》，并与国际刑警组织合作。\n"
    assert not [f for f in facts(text) if "un-united-nations" in (f.subject, f.object)]
    named = "联合国开发计划署支持会员国执行《联合国打击跨国有组织犯罪公约》。\n"
    assert "un-undp" in {s for s, _ in pairs(named, "implements")}


def test_a_clause_of_time_with_its_own_agent_is_that_agents_act() -> None:
    text = "开发署在反恐执行局访问尼日尔期间提供了后勤支持，并在乍得举办了讲习班。\n"
    assert concept("尼日尔") in objects(text, "activeIn", "un-cted")
    assert objects(text, "activeIn", "un-undp") == {concept("乍得")}


def test_a_plan_approved_is_adopted_not_ratified() -> None:
    text = "在开发署的支持下，约旦政府制定并批准了《2024-2027年防止暴力极端主义国家行动计划》。\n"
    assert not pairs(text, "implements")
    treaty = "约旦于2019年批准了《制止向恐怖主义提供资助的国际公约》。\n"
    assert concept("约旦") in {s for s, _ in pairs(treaty, "implements")}


def test_a_name_in_latin_letters_is_found_between_chinese_words_and_seas_are_places() -> None:
    text = "据报告，G9在太子港西部活动；海湾帮控制着经加勒比海出口可卡因的海上路线。\n"
    found = pairs(text, "operatesIn")
    assert ("group-g9", concept("太子港")) in found
    assert ("group-clan-del-golfo", concept("加勒比海")) in found
    inside = "毒品和犯罪问题办公室与亚洲/太平洋洗钱问题小组合作。\n"
    assert concept("太平洋") not in {o for _, o in pairs(inside, "activeIn")}


def test_the_last_province_of_a_list_ends_at_its_unit_and_coca_growing_is_drug_trafficking() -> None:
    text = "该团体在瓜维亚雷省、卡克塔省和梅塔省活动，并从古柯种植和可卡因生产中获取收入。\n"
    names = discovered(text)
    assert "梅塔省" in names and "梅塔省活动" not in names
    assert len(pairs(text, "operatesIn")) == 0  # 该团体 names no group here
    named = "海湾帮从古柯种植和可卡因生产中获取收入。\n"
    assert objects(named, "benefitsFrom", "group-clan-del-golfo") == {concept("贩毒")}


def test_the_offices_a_department_acts_through_do_the_work() -> None:
    text = "政治事务部通过联合国西非和萨赫勒办事处，协助马里和尼日尔加强边境合作。\n"
    assert concept("马里") in objects(text, "activeIn", "un-unowas")
    assert not objects(text, "activeIn", "un-dpa")
    own = "毒品和犯罪问题办公室通过其全球海上犯罪方案，在肯尼亚开展了培训。\n"
    assert concept("肯尼亚") in objects(own, "activeIn", "un-unodc")


def test_a_remark_in_brackets_after_a_name_is_not_its_short_form() -> None:
    text = "维和行动部通过减少社区暴力方案(例如在布基纳法索)支持地方当局。\n"
    ms = [m for ms in extract_document(document(text), VOCAB).mentions for m in ms]
    assert concept("布基纳法索") in {m.concept for m in ms}
    assert not [m for m in ms if m.surface.startswith("例如")]


def test_a_panel_named_after_its_topic_writes_the_report_its_bare_head_names() -> None:
    text = (
        "谨代表安全理事会第2713(2023)号决议所设委员会，转递青年党问题专家小组的最后报告。\n\n"
        "附件\n\n青年党问题专家小组的最后报告\n\n"
        "1. 也门问题专家小组曾报告，有关武器来自也门。\n\n"
        "2. 在本报告所述期间，专家小组与国际刑事警察组织进行了信息交流。\n"
    )
    partners = {s for s, o in pairs(text, "partnerOf") if o == "org-interpol"}
    assert len(partners) == 1 and next(iter(partners)).startswith("un-panel-")
    titled = (
        "秘书长的报告\n\n1. 毒品和犯罪问题办公室在肯尼亚举办了讲习班。该办公室还与国际刑事警察组织合作。\n"
    )
    assert "un-secretary-general" not in {s for s, _ in pairs(titled, "partnerOf")}


def test_a_place_inside_one_named_before_it_with_de_and_short_labels_inside_a_quoted_name() -> None:
    text = "该分支盘踞在索马里邦特兰的戈利斯山区。青年党在肯尼亚的曼德拉县发动袭击，并在下朱巴州的沼泽地区活动。\n"
    names = discovered(text)
    assert "戈利斯山区" in names and "曼德拉县" in names
    assert "沼泽地区" not in names
    quoted = "“自由人大会”主要在巴基斯坦莫赫曼德地区活动。\n"
    assert "un-general-assembly" not in {
        m.concept for ms in extract_document(document(quoted), VOCAB).mentions for m in ms
    }


def test_a_copula_opens_no_list_when_more_follows_and_the_body_leading_a_programme_runs_it() -> None:
    text = (
        "边境安全方案于2020年启动。该方案由反恐办牵头，同国际刑事警察组织和世界海关组织一道执行，"
        "是全球反恐协调契约下规模最大的联合方案之一。\n"
    )
    got = pairs(text, "partnerOf")
    assert {("un-unoct", "org-interpol"), ("un-unoct", "org-wco")} <= got
    assert not [p for p in got if p[1] == "un-global-ct-compact"]
    listed = "反恐办在该区域的伙伴是：欧洲联盟和非洲联盟。\n"
    assert {("un-unoct", "org-european-union"), ("un-unoct", "org-african-union")} <= pairs(
        listed, "partnerOf"
    )


def test_a_long_title_set_in_the_middle_of_the_page_is_a_heading_not_the_start_of_the_summary() -> None:
    text = (
        "第八十届会议\n暂定项目表*项目112\n消除国际恐怖主义的措施\n\n"
        "          联合国反恐怖主义办公室能力建设方案：2024年的活动方案和成果\n\n"
        "                              秘书长的报告\n\n"
        "     摘要\n     本报告是根据大会第77/298号决议提交的。\n\n一、导言\n\n1. 反恐办在非洲开展了培训。\n"
    )
    found = [(p.kind, p.text) for p in ingest.passages(document(text))]
    assert ("heading", "联合国反恐怖主义办公室能力建设方案：2024年的活动方案和成果") in found
    assert not [t for k, t in found if k == "body" and "秘书长的报告" in t]


def test_an_attended_event_a_signing_place_and_a_visit_originally_planned_are_no_work_there() -> None:
    attended = "在开发署的支持下，约旦官员参加了中东和北非金融行动特别工作组在麦纳麦举行的全体会议。\n"
    assert concept("麦纳麦") not in objects(attended, "activeIn", "un-undp")
    signed = "反恐办与毒品和犯罪问题办公室于2024年3月在维也纳签署了一份谅解备忘录。\n"
    assert ("un-unoct", "un-unodc") in pairs(signed, "partnerOf")
    assert not pairs(signed, "activeIn")
    planned = "反恐执行局原定对吉尔吉斯斯坦进行的后续访问推迟进行。\n"
    assert not pairs(planned, "activeIn")


def test_an_enumeration_of_partners_goes_on_past_an_item_whose_name_holds_a_verb() -> None:
    text = (
        "1. 反恐怖主义办公室与以下组织进行了合作：(a)欧洲联盟；(b)加勒比共同体安全执行机构；"
        "(c)国际刑事警察组织；(d)美国烟酒枪炮及爆炸物管理局。\n"
    )
    got = {o for s, o in pairs(text, "partnerOf") if s == "un-unoct"}
    assert {"org-european-union", "org-interpol"} <= got
    assert not pairs(text, "operatesIn")


def test_reporting_on_how_others_implement_is_no_implementing_and_an_annexed_instrument_is_the_object() -> (
    None
):
    text = "大会在第79/210号决议中请秘书长报告联合国系统执行《联合国全球反恐怖主义战略》的情况。\n"
    assert "un-secretary-general" not in {s for s, _ in pairs(text, "implements")}
    annexed = "毒品和犯罪问题办公室协助各国执行大会第68/196号决议所附《联合国关于替代发展的指导原则》。\n"
    got = {o for s, o in pairs(annexed, "implements") if s == "un-unodc"}
    assert got and "res-a-68-196" not in got


def test_bodies_named_as_examples_of_a_kind_are_not_said_to_act_together() -> None:
    text = "开发署、裁军事务厅和反恐怖主义办公室等联合国实体在萨赫勒开展了培训。\n"
    assert not pairs(text, "partnerOf")
    joint = "反恐怖主义办公室、欧洲联盟和欧洲安全与合作组织举行了一次区域会议。\n"
    assert ("un-unoct", "org-european-union") in pairs(joint, "partnerOf")


def test_a_body_acting_through_its_own_programme_acts_with_it() -> None:
    text = "反恐怖主义办公室通过其边境安全和管理方案，向尼日尔提供了设备和培训。\n"
    actors = {s for s, o in pairs(text, "activeIn") if o == concept("尼日尔")}
    assert "un-unoct" in actors and any(a.startswith("programme-") for a in actors)


def test_ports_named_in_a_list_are_places_where_a_programme_has_units() -> None:
    text = "集装箱管制方案在卡塔赫纳港、圣玛尔塔港和布埃纳文图拉港设有港口管制单位。\n"
    assert {"卡塔赫纳港", "圣玛尔塔港", "布埃纳文图拉港"} <= set(discovered(text))
    assert len(objects(text, "activeIn", "programme-container-control")) == 3
    listed = "阿布沙耶夫集团主要在巴西兰、苏禄和塔威塔威等省活动。\n"
    assert "塔威塔威" in discovered(listed)


def test_the_places_of_its_own_operations_are_where_the_agent_is() -> None:
    text = "伊斯兰国西非省以绑架所得资助其在尼日尔和乍得边境地区的行动。\n"
    assert {concept("尼日尔"), concept("乍得")} <= objects(text, "operatesIn", "group-iswap")
    other = "安理会谴责向在马里活动的团体提供资金。\n"
    assert not pairs(other, "operatesIn")


def test_the_parties_to_an_agreement_a_body_works_on_are_not_its_partners() -> None:
    text = "开发署对萨赫勒联盟与非洲联盟的谅解备忘录草案进行了审查。\n"
    assert not pairs(text, "partnerOf")
    joint = "开发署加强了与非洲联盟的合作。\n"
    assert ("un-undp", "org-african-union") in pairs(joint, "partnerOf")


def test_the_regional_centre_refers_back_to_the_centre_named_before() -> None:
    text = (
        "联合国中亚预防性外交区域中心在阿什哈巴德召开了会议。反恐怖主义办公室与该区域中心合作，开展了培训。\n"
    )
    assert ("un-unoct", "un-unrcca") in pairs(text, "partnerOf")


def test_a_clause_where_a_body_acts_through_others_goes_on_with_no_list_before_it() -> None:
    text = (
        "为了回击青年党把活动扩展到肯尼亚东北部，特别是曼德拉和加里萨，政治事务部通过联合国索马里援助团，"
        "协助区域加强合作。例如，2024年3月，向肯尼亚和索马里派出联合访问团。\n"
    )
    assert {concept("肯尼亚"), concept("索马里")} <= objects(text, "activeIn", "un-unsom")


def test_a_special_session_resolution_keeps_its_symbol() -> None:
    text = "本报告由毒品和犯罪问题办公室根据大会第S-26/2号决议编写。\n"
    assert ("un-unodc", "res-a-s-26-2") in pairs(text, "mandatedBy")
    assert "res-e-s-26-2" not in {o for _, o in pairs(text, "mandatedBy")}  # not ECOSOC's (four digits)


def test_a_request_to_a_body_owned_by_another_asks_the_owned_body() -> None:
    text = RESOLUTION + "1. 请第1518(2003)号决议所设委员会的专家小组在其下一次报告中说明资金流动情况；\n"
    assert "un-1518-committee" not in {s for s, o in pairs(text, "mandatedBy") if o == "res-s-2801-2025"}
    named = RESOLUTION + "1. 请第1267(1999)号决议所设委员会的分析支助和制裁监测组在其下一次报告中列入资料；\n"
    assert ("un-monitoring-team", "res-s-2801-2025") in pairs(named, "mandatedBy")


def test_what_a_resolution_adopted_is_the_basis_not_the_body_that_applies_it() -> None:
    text = "开发署根据大会第73/186号决议通过的《联合国反腐败宣言》，为利比里亚的法官举办了讲习班。\n"
    got = pairs(text, "mandatedBy")
    assert ("un-undp", "res-a-73-186") not in got
    assert any(s == "un-undp" and o.startswith("convention-") for s, o in pairs(text, "implements"))
    written = "监测组根据第2368(2017)号决议编写的报告指出，资金流动有所增加。\n"
    assert ("un-monitoring-team", "res-s-2368-2017") in pairs(written, "mandatedBy")


def test_a_panel_set_up_by_a_resolution_with_de_is_named() -> None:
    text = "反恐执行局与第2374(2017)号决议所设的专家小组交换了关于马里的资料。\n"
    assert ("un-cted", "un-poe-mali") in pairs(text, "partnerOf")


def test_a_group_in_part_of_a_country_is_there_and_in_the_country() -> None:
    got = objects("伊斯兰国西非省主要在尼日利亚东北部活动。\n", "operatesIn", "group-iswap")
    assert concept("尼日利亚") in got and len(got) == 2


def test_a_group_with_influence_in_places_is_present_there() -> None:
    text = "该网络是塔利班的一部分，在东部的霍斯特省和帕克蒂卡省拥有影响力。\n"
    got = {o for _, o in pairs("哈卡尼网络在阿富汗活动。" + text, "operatesIn")}
    assert {concept("霍斯特省"), concept("帕克蒂卡省")} <= got


def test_a_group_formed_from_another_groups_branch_is_that_groups_affiliate() -> None:
    text = "支持伊斯兰和穆斯林组织由伊斯兰卫士和伊斯兰马格里布基地组织的撒哈拉分支合并而成。\n"
    got = pairs(text, "affiliatedWith")
    assert ("group-jnim", "group-aqim") in got and ("group-aqim", "group-jnim") not in got
    assert ("group-ansar-eddine", "group-jnim") in got


def test_a_federation_is_no_verb_of_joint_work() -> None:
    got = pairs("Viv Ansanm联盟于2024年由G9和G-Pèp两个团伙联合会结成。\n", "affiliatedWith")
    assert ("group-g9", "group-viv-ansanm") in got and ("group-viv-ansanm", "group-g9") not in got


def test_partners_listed_after_a_clause_of_purpose_are_partners() -> None:
    text = (
        "一、导言\n\n"
        "7. 反恐怖主义办公室与下列伙伴密切合作，以加强边境安全：\n"
        "(a) 欧洲联盟；\n(b) 国际刑事警察组织(国际刑警组织)；\n(c) 非洲联盟。\n\n"
        "8. 反恐怖主义办公室在尼日尔举办了讲习班。\n"
    )
    assert {"org-european-union", "org-interpol", "org-african-union"} <= objects(
        text, "partnerOf", "un-unoct"
    )


def test_the_places_people_come_from_are_not_where_the_group_is() -> None:
    text = "博科圣地在尼日利亚东北部活动，并招募了来自乍得和尼日尔的战斗人员。\n"
    got = objects(text, "operatesIn", "group-boko-haram")
    assert concept("尼日利亚") in got and not {concept("乍得"), concept("尼日尔")} & got


def test_a_visit_only_asked_for_is_no_work_in_the_place() -> None:
    assert not pairs("反恐执行局请求访问萨那。\n", "activeIn")
    assert ("un-cted", concept("萨那")) in pairs("反恐执行局访问了萨那。\n", "activeIn")


STATEMENT = (
    "联合国反恐怖主义办公室副秘书长在区域会议开幕式上的讲话\n2025年6月2日\n\n今天的会议讨论边境安全问题。\n"
)


def test_we_in_a_statement_is_the_office_its_title_names() -> None:
    # the organisation named just before does not carry into 我们
    text = (
        STATEMENT + "国际刑警组织在尼日尔开展了行动。过去一年，我们与国际移民组织一道在萨赫勒培训了警官。\n"
    )
    assert ("un-unoct", "un-iom") in pairs(text, "partnerOf")
    assert ("un-unoct", concept("萨赫勒")) in pairs(text, "activeIn")
    assert ("org-interpol", "un-iom") not in pairs(text, "partnerOf")


def test_we_must_names_all_who_hear_not_the_office() -> None:
    text = STATEMENT + "我们还向马里提供了培训。我们必须与非洲联盟合作。我们还应当同欧洲联盟合作。\n"
    assert ("un-unoct", concept("马里")) in pairs(text, "activeIn")
    assert not pairs(text, "partnerOf")


def test_a_host_thanked_is_not_who_acts_next() -> None:
    text = STATEMENT + "我们感谢塞内加尔政府主办本次会议。此外，还与非洲联盟合作，在尼日尔举办了讲习班。\n"
    assert ("un-unoct", "org-african-union") in pairs(text, "partnerOf")
    assert all(s == "un-unoct" for s, _ in pairs(text, "partnerOf"))


def test_the_place_of_what_a_group_draws_on_is_where_it_operates() -> None:
    text = "阿布沙耶夫集团从苏禄省的绑架勒索赎金活动中获利。\n"
    assert (concept("阿布沙耶夫集团"), concept("苏禄省")) in pairs(text, "operatesIn")
    assert ("group-abu-sayyaf", "crime-kidnapping-for-ransom") in pairs(text, "benefitsFrom")
    assert not pairs("博科圣地从利比亚获得了武器。\n", "operatesIn")


def test_groups_listed_after_a_branch_phrase_are_its_branches() -> None:
    text = (
        "安理会关切伊黎伊斯兰国的附属团体，包括在莫桑比克活动的伊黎伊斯兰国莫桑比克省和"
        "在刚果民主共和国活动的民主同盟军，继续通过抢劫筹集资金。\n"
    )
    got = pairs(text, "affiliatedWith")
    assert {(concept("伊黎伊斯兰国莫桑比克省"), "group-isil"), (concept("民主同盟军"), "group-isil")} <= got


def test_a_place_inside_a_place_a_group_draws_on_is_where_it_operates() -> None:
    text = "阿布沙耶夫集团从马来西亚沙巴州的度假岛绑架了游客。\n"
    got = objects(text, "operatesIn", "group-abu-sayyaf")
    assert {concept("马来西亚"), concept("沙巴州")} <= got
    # the places of what is looted are not those of the group that profits
    text = "伊黎伊斯兰国通过抢劫和走私伊拉克的文物获得收入。\n"
    assert not pairs(text, "operatesIn")


def test_islands_and_provinces_of_indonesia_are_places() -> None:
    text = "警方查获了伊斯兰祈祷团在苏门答腊、西爪哇和南苏拉威西等地放置的慈善捐款箱。\n"
    got = objects(text, "operatesIn", "group-jemaah-islamiyah")
    assert {concept("苏门答腊"), concept("西爪哇"), concept("南苏拉威西")} <= got
    assert concept("爪哇") not in got  # 西爪哇 is the province, not the island


def test_a_body_acting_through_a_programme_acts_with_it() -> None:
    text = "毒品和犯罪问题办公室通过全球海事犯罪方案，在肯尼亚蒙巴萨为海岸警卫队举办了培训。\n"
    assert concept("肯尼亚") in objects(text, "activeIn", "un-unodc")
    assert any(s.startswith("programme-") and o == concept("肯尼亚") for s, o in pairs(text, "activeIn"))


def test_the_officials_of_a_place_serve_it_its_migrants_do_not() -> None:
    officials = "国际移民组织为沙巴州的移民官员举办了识别伪造证件的培训。\n"
    assert concept("沙巴州") in objects(officials, "activeIn", "un-iom")
    migrants = "国际移民组织为在沙巴州的菲律宾移民提供了援助。\n"
    assert concept("沙巴州") not in objects(migrants, "activeIn", "un-iom")


def test_coordinating_the_implementation_of_an_instrument_implements_it() -> None:
    text = "反恐办负责协调联合国系统对《联合国全球反恐战略》各支柱的执行工作。\n"
    assert ("un-unoct", "convention-un-global-ct-strategy") in pairs(text, "implements")


def test_a_unit_a_body_acts_through_does_the_work_too() -> None:
    text = "反恐办在中亚的方案主要通过其下设的联合国反恐中心实施。\n"
    got = pairs(text, "activeIn")
    assert {("un-unoct", concept("中亚")), ("un-uncct", concept("中亚"))} <= got


def test_the_bali_process_is_a_forum_not_the_island() -> None:
    text = "国际移民组织同巴厘进程区域支助办公室合作，在曼谷举办了讲习班。\n"
    assert ("un-iom", "org-bali-process-rso") in pairs(text, "partnerOf")
    assert concept("巴厘") not in objects(text, "activeIn", "un-iom")


def test_a_smuggling_verb_is_distributed_over_fuel_and_cigarettes() -> None:
    got = objects("青年党通过走私武器、燃料和香烟筹集资金。\n", "benefitsFrom", "group-al-shabaab")
    assert {"crime-arms-trafficking", "crime-oil-smuggling", "crime-cigarette-smuggling"} <= got


def test_supporting_a_body_in_work_under_a_resolution_is_its_mandate_not_a_recall() -> None:
    text = RESOLUTION + "重申支持反恐怖主义委员会执行局根据第2617(2021)号决议开展的工作，\n"
    assert ("un-cted", "res-s-2617-2021") in pairs(text, "mandatedBy")
    assert not pairs(text, "recalls")
    assert pairs(RESOLUTION + "回顾其第2617(2021)号决议，\n", "recalls") == {
        ("res-s-2801-2025", "res-s-2617-2021")
    }


def test_a_sentence_about_gangs_does_not_carry_the_group_before() -> None:
    text = "伊黎伊斯兰国呼罗珊省通过毒品贩运筹集资金。在海地，帮派利用武器走私获取收入。\n"
    got = objects(text, "benefitsFrom", "group-isil-k")
    assert "crime-drug-trafficking" in got and "crime-arms-trafficking" not in got


def test_a_paragraph_quoted_whole_is_split_into_its_clauses() -> None:
    text = (
        "安全理事会主席的声明\n\n"
        "“安全理事会鼓励毒品和犯罪问题办公室继续协助马里政府打击贩毒，并请秘书长在其下次报告中介绍进展。”\n"
    )
    got = pairs(text, "activeIn")
    assert ("un-unodc", concept("马里")) in got
    assert ("un-secretary-general", concept("马里")) not in got


def test_a_group_that_is_one_component_of_another_is_affiliated_with_it() -> None:
    text = "哈卡尼网络是塔利班的一个组成部分，主要在阿富汗东南部活动。\n"
    assert ("group-haqqani-network", "group-taliban") in pairs(text, "affiliatedWith")


def test_a_short_form_skips_a_body_named_only_as_a_partner() -> None:
    text = (
        "1. 毒品和犯罪问题办公室在萨赫勒开展了培训。预防恐怖主义处与反恐怖主义办公室和国际刑警组织密切合作。\n"
        "2. 此外，毛里塔尼亚在该办公室的支持下成为《制止核恐怖主义行为国际公约》的缔约国。\n"
    )
    got = pairs(text, "activeIn")
    assert ("un-unodc", concept("毛里塔尼亚")) in got and ("un-unoct", concept("毛里塔尼亚")) not in got


def test_each_group_described_by_its_own_relative_clause_keeps_its_own_place() -> None:
    text = "在索马里活动的青年党和在也门活动的阿拉伯半岛基地组织继续通过勒索筹集资金。\n"
    got = pairs(text, "operatesIn")
    assert {("group-al-shabaab", concept("索马里")), ("group-aqap", concept("也门"))} <= got
    assert ("group-aqap", concept("索马里")) not in got
    both = "在阿富汗活动的基地组织和巴基斯坦塔利班运动继续招募人员。\n"  # one clause for both
    assert ("group-ttp", concept("阿富汗")) in pairs(both, "operatesIn")


def test_we_in_the_secretary_generals_statement_names_no_body() -> None:
    text = (
        "秘书长在安全理事会关于非洲恐怖主义问题的公开辩论会上的讲话\n\n"
        "今天的会议十分及时。我们正在与非洲联盟合作，加强萨赫勒的安全。"
        "联合国反恐怖主义办公室已在马里启动了新的方案。\n"
    )
    assert not any(s == "un-secretary-general" for s, _ in pairs(text, "partnerOf") | pairs(text, "activeIn"))
    assert ("un-unoct", concept("马里")) in pairs(text, "activeIn")


def test_a_quoted_group_split_from_another_is_a_group_and_its_offshoot() -> None:
    text = "2017年，从巴基斯坦塔利班运动分裂出来的“自由人大会”也被列入名单。\n"
    got = pairs(text, "affiliatedWith")
    assert len(got) == 1 and next(iter(got))[1] == "group-ttp"


def test_a_region_that_names_an_office_is_no_place_of_work() -> None:
    text = "分析支助和制裁监测组与毒品和犯罪问题办公室中亚区域办事处交换了信息。\n"
    assert ("un-monitoring-team", "un-unodc") in pairs(text, "partnerOf")
    assert not pairs(text, "activeIn")
    named = "反恐怖主义委员会执行局与东部和南部非洲反洗钱集团合作，审查了资助恐怖主义的风险。\n"
    assert not pairs(named, "activeIn")


def test_a_place_that_describes_a_partner_in_a_list_is_no_place_of_work() -> None:
    text = "反恐执行局与以下组织合作：(a)国际刑警组织；(b)非洲联盟及其设在阿尔及尔的预警监测台。\n"
    assert {("un-cted", "org-interpol"), ("un-cted", "org-african-union")} <= pairs(text, "partnerOf")
    assert not pairs(text, "activeIn")


def test_a_list_item_and_its_own_unit_are_partners_of_the_list_agent() -> None:
    text = "反恐办与以下伙伴合作：(a)毒品和犯罪问题办公室，特别是其全球海事犯罪方案；(b)国际海事组织。\n"
    got = pairs(text, "partnerOf")
    assert ("un-unoct", "un-unodc") in got
    assert any(s == "un-unoct" and o.startswith("programme-") for s, o in got)
    assert not any(s == "un-unodc" for s, _ in got)


def test_members_of_a_group_no_mention_names_are_the_subject_not_the_author() -> None:
    text = (
        "1. 分析支助和制裁监测组访问了马尔代夫。监测组还访问了孟加拉国。监测组与毒品和犯罪问题办公室举行了会议。\n"
        "2. 2023年5月，某未列名团体(XYZ)成员在尼日利亚拉各斯实施了炸弹袭击。\n"
    )
    got = objects(text, "activeIn", "un-monitoring-team")
    assert concept("马尔代夫") in got
    assert not {concept("尼日利亚"), concept("拉各斯")} & got


def test_a_meeting_with_a_countrys_delegation_is_no_work_in_it() -> None:
    text = "毒品和犯罪问题办公室与肯尼亚和坦桑尼亚代表团共同举办了关于海上安全的会外活动。\n"
    assert not pairs(text, "activeIn")
    assert ("un-unodc", concept("肯尼亚")) in pairs(
        "毒品和犯罪问题办公室与肯尼亚共同举办了讲习班。\n", "activeIn"
    )


def test_a_states_agency_is_discovered_and_works_with_another() -> None:
    text = "肯尼亚国家禁毒局在坦桑尼亚警察刑事调查局的协助下，查获了一批海洛因。\n"
    got = discovered(text)
    assert {"肯尼亚国家禁毒局", "坦桑尼亚警察刑事调查局"} <= {
        k for k, v in got.items() if v == "Organization"
    }
    assert len(pairs(text, "partnerOf")) == 1
    assert not discovered("伊拉克的海关难以查获这些货物。毛里求斯海军船只参加了演习。\n")


def test_a_name_with_its_short_form_is_a_group_where_the_name_says_so() -> None:
    got = discovered("2021年，真主圣训旅(AHB)在该国北部发动了袭击。\n")
    assert got.get("真主圣训旅") == "TerroristGroup"
    mixed = discovered("从X分裂出来的新东方圣战者协会(新EMA)在边境绑架人质。\n")
    assert mixed.get("新东方圣战者协会") == "TerroristGroup"
    assert (
        "TerroristGroup" not in discovered("欧洲联盟代表团(EUD)参加了会议，会议讨论了恐怖袭击。\n").values()
    )


def test_a_group_described_by_two_verbs_is_the_agent_of_the_second() -> None:
    text = "从博科圣地分裂出来并效忠基地组织的安萨鲁在尼日利亚西北部绑架外国人。\n"
    got = pairs(text, "affiliatedWith")
    assert ("group-ansaru", "group-al-qaida") in got
    assert ("group-al-qaida", "group-ansaru") not in got


def test_a_group_named_in_the_passive_as_anothers_province_is_affiliated_with_it() -> None:
    text = "2019年，安萨鲁被基地组织宣布为其在尼日利亚的分支。\n"
    assert ("group-ansaru", "group-al-qaida") in pairs(text, "affiliatedWith")


def test_a_town_written_in_transliteration_is_a_place_where_its_position_says_so() -> None:
    text = "联利支助团在布雷加和乌韦纳特为地方当局举办了讲习班。\n"
    got = discovered(text)
    assert got.get("布雷加") == "Region" and got.get("乌韦纳特") == "Region"
    assert len(objects(text, "activeIn", "un-unsmil")) == 2
    assert discovered("走私者从毛里塔尼亚努瓦迪布出发。\n").get("努瓦迪布") == "Region"
    assert not discovered("毒品和犯罪问题办公室在加强边境管理和打击走私方面提供了支持。\n")


def test_people_opening_a_clause_end_the_carry_of_the_group_before() -> None:
    text = "1. 青年党在下朱巴州活动。在基斯马尤，当地长老会成员多次因阻止武装团体招募儿童而受到威胁。\n"
    got = objects(text, "operatesIn", "group-al-shabaab")
    assert len(got) == 1
    member_states = "青年党在下朱巴州活动。成员国多次在基斯马尤港查获走私木炭。\n"
    assert len(objects(member_states, "operatesIn", "group-al-shabaab")) == 1


def test_these_groups_means_the_groups_acting_not_those_they_are_linked_to() -> None:
    text = (
        "1. 与基地组织有关联的青年党继续在索马里南部活动，而作为伊拉克和黎凡特伊斯兰国分支的"
        "伊黎伊斯兰国索马里省则主要在邦特兰活动。这两个团体都已将活动扩展到肯尼亚东北部。\n"
    )
    got = {s for s, o in pairs(text, "operatesIn") if o == concept("肯尼亚")}
    assert "group-al-shabaab" in got
    assert not {"group-al-qaida", "group-isil"} & got


def test_a_place_naming_people_without_de_is_not_where_the_group_is() -> None:
    text = "乌兹别克斯坦伊斯兰运动继续通过加密通信软件招募北高加索青年。\n"
    assert not pairs(text, "operatesIn")
    camp = "伊黎伊斯兰国在叙利亚难民营招募儿童。\n"
    assert ("group-isil", concept("叙利亚")) in pairs(camp, "operatesIn")


def test_a_countrys_mission_abroad_is_in_the_host_country() -> None:
    text = "伊黎伊斯兰国西奈省对加拿大驻埃及开罗大使馆发动了袭击。\n"
    got = objects(text, "operatesIn", concept("伊黎伊斯兰国西奈省"))
    assert concept("开罗") in got and concept("加拿大") not in got


def test_a_place_a_study_is_about_is_not_where_the_work_is_done_whatever_qualifies_the_study() -> None:
    text = "反恐怖主义办公室编写了关于乍得湖流域边境管理的年度趋势分析。\n"
    assert not pairs(text, "activeIn")
    held = "反恐怖主义办公室在乍得举办了关于乍得湖流域边境管理的讲习班。\n"
    assert ("un-unoct", concept("乍得")) in pairs(held, "activeIn")


def test_goods_and_people_written_like_places_are_no_places() -> None:
    got = discovered(
        "缅甸海洛因和甲基苯丙胺继续流入孟加拉湾。海盗劫持了数十名泰国、柬埔寨和缅甸籍船员及渔民。\n"
    )
    assert not [name for name, kind in got.items() if kind == "Region"]


# ---- places at a border, inside another, after a part of a place; existential clauses


def test_a_place_joined_by_yu_before_a_border_zone_is_where_the_group_is_not_a_partner() -> None:
    zone = "1. 民族解放军在哥伦比亚北部与委内瑞拉的边境地区走私燃料。\n"
    assert {concept("委内瑞拉"), concept("哥伦比亚")} <= objects(zone, "operatesIn", concept("民族解放军"))
    # near miss: the part of one place that borders the other (…交界的X, 与B接壤的X) is not in B
    bordering = "1. 民族解放军在哥伦比亚北部与委内瑞拉交界的山区走私燃料。\n"
    assert concept("委内瑞拉") not in objects(bordering, "operatesIn", concept("民族解放军"))
    assert concept("哥伦比亚") in objects(bordering, "operatesIn", concept("民族解放军"))


def test_a_place_right_inside_the_place_before_it_shares_its_role() -> None:
    text = "1. 青年党在肯尼亚东北部与索马里下朱巴州交界地带袭击车队。\n"
    got = objects(text, "operatesIn", concept("青年党"))
    assert {concept("索马里"), concept("下朱巴州")} <= got


def test_a_list_of_places_goes_on_after_a_part_of_a_place() -> None:
    text = "1. 上帝抵抗军的残余人员在南苏丹西部、刚果民主共和国东北部和姆博穆地区活动。\n"
    got = objects(text, "operatesIn", concept("上帝抵抗军"))
    # the district, and each part of a country with its country (南苏丹西部 and 南苏丹 …)
    assert len(got) == 5 and {concept("刚果民主共和国"), concept("南苏丹")} <= got


def test_a_national_park_after_a_country_or_a_place_marker_is_a_place() -> None:
    after_country = "1. 上帝军曾在中非共和国奇科国家公园偷猎大象。\n"
    at_marker = "1. 支持伊斯兰和穆斯林组织在阿尔利国家公园设立营地。\n"
    assert len(objects(after_country, "operatesIn", concept("上帝军"))) == 2
    assert len(objects(at_marker, "operatesIn", concept("支持伊斯兰和穆斯林组织"))) == 1
    # near miss: a generic word before the unit is no name (…城市音乐厅 names no town)
    venue = "1. 该团体在埃及开罗城市剧院外发动袭击。\n"
    assert len(objects(venue, "operatesIn", concept("埃及"))) == 0


def test_places_that_open_a_clause_then_you_and_a_group_are_where_it_is() -> None:
    text = "1. 伊黎伊斯兰国继续在伊拉克活动。迪亚拉省北部和基尔库克省南部仍有该组织的小股人员活动。\n"
    got = objects(text, "operatesIn", concept("伊黎伊斯兰国"))
    assert {concept("迪亚拉省"), concept("基尔库克省")} <= got


def test_its_own_members_carry_the_group_but_its_former_members_do_not() -> None:
    own = "1. 宗教卫士组织效忠基地组织，其剩余成员藏匿在哈马省北部。\n"
    assert concept("哈马省") in objects(own, "operatesIn", concept("宗教卫士组织"))
    former = "1. 宗教卫士组织效忠基地组织，其部分前成员藏匿在哈马省北部。\n"
    assert concept("哈马省") not in objects(former, "operatesIn", concept("宗教卫士组织"))


def test_a_base_or_hideout_named_with_yi_or_liyong_is_where_the_group_is() -> None:
    text = "1. 伊黎伊斯兰国以哈姆林山区为主要后方，并利用卡拉乔克山区作为藏身地。\n"
    assert len(objects(text, "operatesIn", concept("伊黎伊斯兰国"))) == 2


def test_a_known_convention_then_its_secretariat_without_title_marks_is_a_body() -> None:
    text = "1. 毒品和犯罪问题办公室同濒危物种公约秘书处一道为海关官员举办了培训。\n"
    found = [m for m in facts(text) if m.predicate == "partnerOf"]
    assert any(f.object.startswith("organization-") or f.subject.startswith("organization-") for f in found)
    # near miss: the convention alone is an instrument, no partner
    alone = "1. 毒品和犯罪问题办公室协助各国执行濒危物种公约。\n"
    assert not [f for f in facts(alone) if f.predicate == "partnerOf"]


def test_a_treaty_organization_or_task_force_named_after_a_place_is_a_body() -> None:
    treaty = "1. 毒品和犯罪问题办公室与亚马孙合作条约组织合作，为检察官举办讲习班。\n"
    assert any(f.predicate == "partnerOf" for f in facts(treaty))
    force = "1. 毒品和犯罪问题办公室与卢萨卡协议特别工作队合作，为护林员举办讲习班。\n"
    assert any(f.predicate == "partnerOf" for f in facts(force))


def test_a_government_a_un_body_works_with_is_its_partner_and_its_country_of_work() -> None:
    text = "1. 联合国索马里援助团与索马里政府合作，为地方警察举办了培训。\n"
    got = {(f.predicate, f.object) for f in facts(text) if f.subject == concept("联合国索马里援助团")}
    assert ("activeIn", concept("索马里")) in got
    assert any(p == "partnerOf" and o != concept("索马里") for p, o in got)
    # near miss: an agency or force stands for the state only (work in the country, no partner)
    agency = "1. 毒品和犯罪问题办公室与肯尼亚海岸警卫队合作，为地方警察举办了培训。\n"
    got = {(f.predicate, f.object) for f in facts(agency) if f.subject == concept("毒品和犯罪问题办公室")}
    assert ("activeIn", concept("肯尼亚")) in got and not any(p == "partnerOf" for p, _ in got)


def test_these_instruments_stand_for_each_convention_named_before() -> None:
    text = (
        "1. 反恐怖主义办公室以《联合国打击跨国有组织犯罪公约》和《制止向恐怖主义提供资助的国际公约》为指导，"
        "协助各国执行这些文书。\n"
    )
    got = objects(text, "implements", concept("反恐怖主义办公室"))
    assert len(got) == 2
    # …and those of the last sentence that named any, when the sentence names none
    later = (
        "1. 大会通过了《联合国打击跨国有组织犯罪公约》和《联合国反腐败公约》。"
        "反恐怖主义办公室协助各国执行上述文书。\n"
    )
    assert len(objects(later, "implements", concept("反恐怖主义办公室"))) == 2


def test_reporting_to_someone_on_the_implementation_is_no_implementation() -> None:
    text = (
        "安全理事会第2999(2031)号决议\n1. 请毒品和犯罪问题办公室在本决议通过后90天内"
        "就本决议的执行情况向安全理事会提出报告。\n"
    )
    assert not pairs(text, "implements")
    # near miss: helping the States implement it is implementing it
    helping = "1. 毒品和犯罪问题办公室继续协助会员国执行第2347(2017)号决议。\n"
    assert pairs(helping, "implements")


def test_the_one_who_encourages_them_to_implement_does_not_implement() -> None:
    text = "1. 反恐怖主义委员会执行局走访了三个国家，鼓励它们全面执行第2396(2017)号决议。\n"
    assert not objects(text, "implements", concept("反恐怖主义委员会执行局"))


def test_a_groups_branch_named_after_a_known_place_is_a_group_of_its_own() -> None:
    text = "1. 伊拉克和黎凡特伊斯兰国也门分支是伊黎伊斯兰国的附属团体，在舍卜沃省活动。\n"
    got = pairs(text, "affiliatedWith")
    assert len(got) == 1 and next(iter(got))[1] == concept("伊黎伊斯兰国")
    # near miss: 的 and a word that is no place (伊黎伊斯兰国的另一分支) name no branch
    other = "1. 该团体是伊黎伊斯兰国的另一分支，在舍卜沃省活动。\n"
    assert not any(
        s.startswith("group-") and s != concept("伊黎伊斯兰国") for s, _ in pairs(other, "operatesIn")
    )


def test_towns_districts_and_units_named_by_a_direction_are_places_of_their_own() -> None:
    text = (
        "2026年3月，区域讲习班在哈萨克斯坦奇姆肯特举行。非法采金点集中在阿亚库乔大区和万卡韦利卡大区。"
        "青年党在巴拉韦和马尔卡等港口征收费用。冲突波及苏丹北达尔富尔州和中达尔富尔州。\n"
    )
    got = discovered(text)
    towns = ("奇姆肯特", "巴拉韦", "马尔卡")
    for name in (*towns, "阿亚库乔大区", "万卡韦利卡大区", "北达尔富尔州", "中达尔富尔州"):
        assert got.get(name) == "Region", name
    # a unit written with a direction is not the region it lies in
    assert (concept("青年党"), concept("达尔富尔")) not in pairs("青年党在北达尔富尔州活动。\n", "operatesIn")
    doc = document(text)
    _, entities = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
    shorter = {e.label_zh: e.alt_labels for e in entities.values() if e.discovered}
    assert "阿亚库乔" in shorter["阿亚库乔大区"]  # the name without its unit, as the texts also write it
    assert shorter["北达尔富尔州"] == ("北达尔富尔",)


def test_a_committee_named_with_a_long_topic_before_its_resolutions_is_one_name() -> None:
    text = (
        "5. 请关于伊黎伊斯兰国(达伊沙)、基地组织及相关个人、团体、企业和实体的第1267(1999)号、"
        "第1989(2011)号和第2253(2015)号决议所设委员会更新制裁名单。\n"
    )
    doc = document(text)
    found, _ = mentions.document_mentions(list(ingest.passages(doc)), VOCAB)
    names = [m for ms in found for m in ms]
    committee = next(m for m in names if m.kind == "UNEntity")
    assert committee.surface.startswith("关于伊黎伊斯兰国") and committee.surface.endswith("决议所设委员会")
    assert not [m for m in names if m.kind == "TerroristGroup"]  # the groups are inside its name
    got = pairs(text, "mandatedBy")
    assert {(committee.concept, r) for r in ("res-s-1267-1999", "res-s-1989-2011", "res-s-2253-2015")} <= got


def test_the_small_arms_programme_of_action_is_an_instrument_bodies_help_implement() -> None:
    text = (
        "3. 裁军事务厅继续协助西非国家执行《从各个方面防止、打击和消除小武器和轻武器非法贸易的行动纲领》。\n"
    )
    assert ("un-unoda", concept("小武器行动纲领")) in pairs(text, "implements")


def test_a_place_that_suffers_a_groups_attacks_is_where_the_group_operates() -> None:
    text = "7. 尼日尔迪法大区仍不断遭受博科哈拉姆的袭击。\n"
    assert (concept("博科哈拉姆"), concept("迪法大区")) in pairs(text, "operatesIn")
    assert not pairs("7. 尼日尔迪法大区的居民谴责博科哈拉姆。\n", "operatesIn")


def test_a_word_quoted_after_a_group_head_is_no_group() -> None:
    got = discovered("秘书长说，非法资金正在为该区域的恐怖团体“造血”，恐怖团体“新月解放军”则继续发动袭击。\n")
    assert "造血" not in got
    assert got.get("新月解放军") == "TerroristGroup"


def test_groups_that_form_an_alliance_are_affiliated() -> None:
    text = "4. 据报告，安萨鲁尔伊斯兰组织去年与支持伊斯兰和穆斯林组织结成联盟。\n"
    assert (concept("安萨鲁尔伊斯兰"), "group-jnim") in pairs(text, "affiliatedWith")


def test_extorting_money_is_a_crime_a_group_gains_from_without_another_cue() -> None:
    text = "6. 伊斯兰国西非省在博尔诺州北部活动，并向当地渔民和商贩勒索钱财。\n"
    assert ("group-iswap", "crime-extortion") in pairs(text, "benefitsFrom")
    victim = "6. 伊斯兰国西非省的营地遭到勒索钱财的犯罪团伙袭击。\n"
    assert not pairs(victim, "benefitsFrom")


def test_states_helped_to_become_parties_are_parties_an_aim_is_not() -> None:
    done = "9. 该办公室协助贝宁和多哥于2020年加入了《制止核恐怖主义行为国际公约》。\n"
    got = pairs(done, "implements")
    assert {
        ("country-ben", concept("制止核恐怖主义行为国际公约")),
        ("country-tgo", concept("制止核恐怖主义行为国际公约")),
    } <= got
    aim = "9. 毒品和犯罪问题办公室正在协助贝宁批准《制止核恐怖主义行为国际公约》。\n"
    assert ("country-ben", concept("制止核恐怖主义行为国际公约")) not in pairs(aim, "implements")


def test_a_group_called_a_group_of_a_place_operates_there_unless_the_place_named_it_so() -> None:
    text = "5. 伊斯兰国西非省目前是乍得湖流域最强大的武装团体之一。\n"
    assert ("group-iswap", concept("乍得湖流域")) in pairs(text, "operatesIn")
    named = "5. 伊斯兰国西非省是尼日利亚政府列名的恐怖组织。\n"
    assert not pairs(named, "operatesIn")


def test_a_group_said_to_be_a_branch_of_another_named_right_before_the_branch_word() -> None:
    text = "8. 伊斯兰国西非省是乍得湖流域最活跃的伊黎伊斯兰国分支之一。\n"
    assert ("group-iswap", "group-isil") in pairs(text, "affiliatedWith")
    assert not pairs("8. 伊斯兰国西非省谴责伊黎伊斯兰国分支的做法。\n", "affiliatedWith")


def test_what_a_group_once_was_is_said_with_a_copula_and_former_leaders_are_people() -> None:
    was = "3. 马西纳解放阵线原为安萨尔丁的一个派别。\n"
    assert ("group-katiba-macina", "group-ansar-eddine") in pairs(was, "affiliatedWith")
    people = "3. 青年党的几名前指挥官加入了伊黎伊斯兰国索马里分支。\n"
    assert not pairs(people, "affiliatedWith")


def test_taxing_goods_services_and_herders_is_illicit_taxation() -> None:
    text = "4. 青年党的主要收入来源仍是对进出口货物和服务征税，并向牧民征税。\n"
    assert ("group-al-shabaab", "crime-illicit-taxation") in pairs(text, "benefitsFrom")


def test_a_part_of_a_country_the_vocabulary_does_not_name_is_a_place_in_that_country() -> None:
    text = "6. 据报，该团体在贝宁北部和多哥北部频繁发动袭击，支持伊斯兰和穆斯林组织也在那里活动。\n"
    found, _entities = mentions.document_mentions(list(ingest.passages(document(text))), VOCAB)
    places = {m.surface for ms in found for m in ms if m.kind == "Region"}
    assert {"贝宁北部", "多哥北部"} <= places
    got = pairs("6. 支持伊斯兰和穆斯林组织在贝宁北部发动袭击。\n", "operatesIn")
    assert ("group-jnim", "country-ben") in got and len(got) == 2
    provinces = "6. 支持伊斯兰和穆斯林组织在贝宁北部省份发动袭击。\n"
    assert pairs(provinces, "operatesIn") == {("group-jnim", "country-ben")}


def test_a_council_committee_written_with_guanyu_before_its_resolution_is_one_name() -> None:
    text = "2. 监测组继续支持安全理事会关于第1988(2011)号决议所设委员会的工作。\n"
    found, _entities = mentions.document_mentions(list(ingest.passages(document(text))), VOCAB)
    names = {m.surface for ms in found for m in ms if m.kind == "UNEntity"}
    assert "安全理事会关于第1988(2011)号决议所设委员会" in names


def test_a_mandate_extended_in_one_clause_is_held_under_that_clauses_resolution_only() -> None:
    text = (
        "3. 安理会在第2083(2012)号和第2368(2017)号决议中调整了制裁措施，"
        "并在第2368(2017)号决议中将监察员办公室的任务延长至2019年12月。\n"
    )
    assert objects(text, "mandatedBy", "un-ombudsperson") == {"res-s-2368-2017"}


def test_the_country_a_part_of_it_places_a_group_in_is_an_entity_with_its_labels() -> None:
    r = extract_document(document("5. 阿拉伯半岛基地组织继续在也门南部活动。\n"), VOCAB)
    assert ("group-aqap", "country-yem") in {(f.subject, f.object) for f in r.facts}
    assert r.entities["country-yem"].label_zh == "也门"


def test_ties_named_by_the_noun_with_what_describes_them_affiliate_groups_cut_ties_do_not() -> None:
    ties = "4. 安萨尔丁与伊斯兰马格里布基地组织存在长期联系。\n"
    assert ("group-ansar-eddine", "group-aqim") in pairs(ties, "affiliatedWith")
    part = "4. 马西纳解放阵线仍是支持伊斯兰和穆斯林组织的一个主要组成部分。\n"
    assert ("group-katiba-macina", "group-jnim") in pairs(part, "affiliatedWith")
    cut = "4. 安萨尔丁已切断与伊斯兰马格里布基地组织的联系。\n"
    assert not pairs(cut, "affiliatedWith")


def test_verbs_and_border_words_make_no_names() -> None:
    got = discovered("恐怖主义作战人员获得的庇护使其能够重新组织、训练并在与塔吉克斯坦接壤地区活动。\n")
    assert not [n for n, kind in got.items() if kind in ("TerroristGroup", "Region")]


def test_a_known_group_whose_name_runs_on_into_another_groups_name_is_not_named_there() -> None:
    text = "7. 安萨鲁拉团在塔吉克斯坦边境地区活动，安萨鲁则在尼日利亚西北部活动。\n"
    got = pairs(text, "operatesIn")
    assert ("group-ansaru", "country-tjk") not in got
    assert ("group-ansaru", "country-nga") in got


def test_a_province_named_after_its_parent_and_the_parents_short_form_is_a_group() -> None:
    text = "7. 伊黎伊斯兰国(达伊沙)孟加拉省是从伊黎伊斯兰国分出的团体。\n"
    assert discovered(text).get("伊黎伊斯兰国(达伊沙)孟加拉省") == "TerroristGroup"
    assert any(o == "group-isil" for _s, o in pairs(text, "affiliatedWith"))


def test_a_row_of_a_table_of_groups_whose_group_is_unknown_lists_no_bodys_work() -> None:
    text = (
        "12. 监测组在本报告所述期间访问了尼日尔。\n\n附件\n\n各团体的存在情况\n\n"
        "团体　　估计人数　　主要活动地区\n"
        "支持伊斯兰和穆斯林组织　　数千人　　莫普提区、塞古区\n"
        "卡蒂巴·塞鲁玛团　　数百人　　蒂拉贝里区、多索区\n"
    )
    active = pairs(text, "activeIn")
    assert ("un-monitoring-team", "country-ner") in active
    assert not [o for s, o in active if s == "un-monitoring-team" and o != "country-ner"]


def test_groups_a_council_is_concerned_about_act_in_the_clauses_that_go_on_with_them() -> None:
    text = (
        "安全理事会重申，青年党和伊黎伊斯兰国索马里分支在索马里的存在构成威胁。"
        "安理会表示关切这些团体，包括圣战者青年运动，通过勒索和木炭贸易筹集资金。\n"
    )
    got = pairs(text, "benefitsFrom")
    assert {("group-al-shabaab", "crime-charcoal-trade"), ("group-isil-somalia", "crime-extortion")} <= got


def test_a_strategy_owned_by_its_body_is_an_instrument_without_title_marks() -> None:
    owned = "5. 毒品和犯罪问题办公室支持东非共同体执行其打击野生动物犯罪区域战略。\n"
    named = discovered(owned)
    assert named.get("打击野生动物犯罪区域战略") == "Convention"
    assert any(s == "un-unodc" for s, _o in pairs(owned, "implements"))
    kind = "5. 毒品和犯罪问题办公室协助执法机构实施边境管理战略，并执行国家反恐战略。\n"
    assert not [n for n, k in discovered(kind).items() if k == "Convention"]
    certified = "5. 刚果民主共和国正在执行《大湖区国际会议区域认证机制》。\n"
    assert discovered(certified).get("大湖区国际会议区域认证机制") == "Convention"


def test_an_annex_after_the_last_footnotes_with_a_table_set_with_tabs_is_read_row_by_row() -> None:
    text = (
        "12. 青年党继续在索马里南部活动。¹\n\n__________________\n¹ 见S/2024/1。\n\n附件\n\n"
        "各团体的资金来源\n\n区域\t团体\t资金来源\n"
        "萨赫勒\t支持伊斯兰和穆斯林组织\t黄金、牲畜\n索马里\t青年党\t木炭、征税\n"
    )
    ps = list(ingest.passages(document(text)))
    rows = [p for p in ps if p.kind == "table"]
    assert {p.para for p in rows} == {"annex-row1", "annex-row2"}
    assert not [p for p in ps if p.kind == "footnote" and "青年党" in p.text]
    assert not pairs(text, "benefitsFrom") & {("group-jnim", "crime-charcoal-trade")}


def test_cattle_rustling_is_a_crime_of_its_own_and_a_lost_port_is_no_place() -> None:
    text = "6. 据报，该团体在失去港口后主要依靠偷牛和抢劫村庄维持生计。伊斯兰国西非省还参与偷盗牲畜。\n"
    assert ("group-iswap", "crime-cattle-rustling") in pairs(text, "benefitsFrom")
    assert not [n for n, k in discovered(text).items() if k == "Region"]


def test_a_branch_named_after_its_parent_acts_not_the_parent() -> None:
    text = "5. 在西非，伊黎伊斯兰国附属团体伊斯兰国西非省在博尔诺州活动，并通过绑架勒索赎金筹集资金。\n"
    assert ("group-iswap", "region-borno") in pairs(text, "operatesIn")
    assert not [s for s, _o in pairs(text, "operatesIn") | pairs(text, "benefitsFrom") if s == "group-isil"]
    assert ("group-iswap", "group-isil") in pairs(text, "affiliatedWith")


def test_a_table_whose_cells_are_set_apart_by_one_ideographic_space_is_read_row_by_row() -> None:
    text = (
        "12. 各实体继续开展能力建设活动。\n\n附件\n\n部分活动\n\n区域　国家　实施实体　活动\n"
        "非洲　乍得　毒品和犯罪问题办公室　为检察官举办的国家讲习班\n"
        "中东　约旦　反恐办　关于保护软目标的培训\n"
    )
    assert {p.para for p in ingest.passages(document(text)) if p.kind == "table"} == {
        "annex-row1",
        "annex-row2",
    }
    active = pairs(text, "activeIn")
    assert {("un-unodc", "country-tcd"), ("un-unoct", "country-jor")} <= active
    assert ("un-unodc", "country-jor") not in active


def test_a_tables_region_column_groups_rows_and_a_dated_town_in_brackets_is_where_work_was_done() -> None:
    text = (
        "12. 各实体继续开展能力建设活动。\n\n附件\n\n部分活动\n\n区域　国家　实施实体　活动\n"
        "非洲　乍得　毒品和犯罪问题办公室　为检察官举办的国家讲习班(恩贾梅纳,2021年3月)\n"
    )
    active = objects(text, "activeIn", "un-unodc")
    assert "country-tcd" in active and concept("恩贾梅纳") in active
    assert concept("非洲") not in active


def test_a_reports_title_is_neither_its_mastheads_body_nor_its_agenda_items_title() -> None:
    head = (
        "联合国　A/80/123\n大会\nDistr.: General\n第八十届会议\n议程项目107\n预防犯罪和刑事司法\n\n"
        "打击恐怖主义与有组织犯罪之间联系的国际合作\n\n秘书长的报告\n\n1. 本报告系根据大会第79/180号决议提交。\n"
    )
    doc = document(head)
    assert doc.title_zh == "打击恐怖主义与有组织犯罪之间联系的国际合作"
    assert doc.body == "General Assembly"


def test_a_body_that_gets_anothers_support_or_assistance_is_its_partner() -> None:
    text = "4. 安全理事会第1267(1999)号决议所设委员会得到分析支助和制裁监测组的协助。\n"
    assert any(o == "un-monitoring-team" for _s, o in pairs(text, "partnerOf"))


def test_cells_kept_and_members_moved_somewhere_place_a_group_there_but_moving_others_does_not() -> None:
    cells = "8. 伊斯兰国西非省在迈杜古里和约拉维持秘密小组。\n"
    assert {("group-iswap", concept("迈杜古里")), ("group-iswap", concept("约拉"))} <= pairs(
        cells, "operatesIn"
    )
    moved = "8. 据报，青年党的一些成员已迁往基斯马尤。\n"
    assert ("group-al-shabaab", concept("基斯马尤")) in pairs(moved, "operatesIn")
    others = "8. 塔利班将该组织的部分成员从巴达赫尚省迁往巴格兰省。\n"
    assert ("group-taliban", concept("巴格兰省")) not in pairs(others, "operatesIn")


def test_a_clause_of_only_more_names_after_yiji_goes_on_with_the_list_before() -> None:
    text = "3. 青年党的据点主要分布在中朱巴州和盖多州，以及南部的下谢贝利州。\n"
    assert ("group-al-shabaab", concept("下谢贝利州")) in pairs(text, "operatesIn")
    other = "3. 青年党的据点主要分布在中朱巴州，以及南部的下谢贝利州受洪水影响的村庄。\n"
    assert ("group-al-shabaab", concept("下谢贝利州")) not in pairs(other, "operatesIn")


def test_groups_a_clause_speaks_of_unnamed_are_those_the_list_after_it_names() -> None:
    text = "9. 2022年，若干分裂团体重新并入巴基斯坦塔利班运动，其中包括自由人大会。\n"
    assert ("group-jamaat-ul-ahrar", "group-ttp") in pairs(text, "affiliatedWith")
    condemned = "9. 安理会谴责若干团体并入巴基斯坦塔利班运动，其中包括自由人大会。\n"
    assert not [s for s, _o in pairs(condemned, "affiliatedWith") if s == "un-security-council"]


def test_bodies_said_to_work_together_without_a_partner_are_each_others_partners() -> None:
    text = "7. 国际移民组织、国际刑事警察组织和世界海关组织合作，加强萨赫勒各国的边境管理。\n"
    got = pairs(text, "partnerOf")
    assert {("un-iom", "org-interpol"), ("org-interpol", "org-wco")} <= got | {(o, s) for s, o in got}


def test_what_a_body_judges_a_group_to_be_is_said_of_that_group() -> None:
    text = "4. 伊斯兰国西非省继续在博尔诺州活动。监测组认为该团体是伊黎伊斯兰国的附属团体。\n"
    assert ("group-iswap", "group-isil") in pairs(text, "affiliatedWith")


def test_a_mandate_adjusted_through_a_resolution_is_held_under_it() -> None:
    text = "2. 监察员办公室根据第1904(2009)号决议设立，其任务此后经第2161(2014)号决议调整。\n"
    assert {"res-s-1904-2009", "res-s-2161-2014"} <= objects(text, "mandatedBy", "un-ombudsperson")


def test_only_the_name_right_after_a_relative_clause_of_basis_is_what_it_set_up() -> None:
    far = "3. 根据第1904(2009)号决议设立的协调人继续受理1988制裁名单上的个人提出的请求。\n"
    assert not pairs(far, "mandatedBy")
    near = "3. 反恐中心设在根据大会第71/291号决议设立的反恐怖主义办公室内。\n"
    assert ("un-unoct", "res-a-71-291") in pairs(near, "mandatedBy")


def test_the_language_and_date_lines_of_a_masthead_are_no_title() -> None:
    doc = document(
        "联合国　　　　　　S/2026/101\n安全理事会　　　　Distr.: General\n　　　　2026年2月3日\n　　　　中文\n"
        "　　　　原文：英文\n\n2026年2月2日秘书长给安全理事会主席的信\n\n谨随函转递关于萨赫勒局势的报告。\n"
    )
    assert doc.title_zh == "2026年2月2日秘书长给安全理事会主席的信"


def test_a_body_a_resolution_set_up_is_the_subject_not_the_resolution() -> None:
    text = "5. 安全理事会第1540(2004)号决议所设委员会继续监测会员国执行该决议的情况。\n"
    ctc = "5. 安全理事会第1373(2001)号决议所设反恐怖主义委员会继续监测会员国执行该决议的情况。\n"
    assert ("un-ctc", "res-s-1373-2001") in pairs(ctc, "implements")
    assert pairs(text, "mandatedBy")  # the committee named after its resolution keeps its mandate


def test_a_dated_town_in_an_activity_cell_before_a_partner_cell_is_where_work_was_done() -> None:
    text = (
        "12. 各实体继续开展能力建设活动。\n\n附件\n\n部分活动\n\n国家　实施实体　活动　伙伴\n"
        "乍得　毒品和犯罪问题办公室　对乍得警察的证据收集培训(恩贾梅纳,2021年3月)　国际刑事警察组织\n"
    )
    assert concept("恩贾梅纳") in objects(text, "activeIn", "un-unodc")
    assert "org-interpol" in objects(text, "partnerOf", "un-unodc")


def test_supporting_an_instruments_implementation_implements_it_and_an_amendment_in_title_marks_is_one() -> (
    None
):
    text = "6. 海事组织继续支持《吉布提行为守则》(《守则》)及其2017年《吉达修正案》的执行工作。\n"
    got = objects(text, "implements", "un-imo")
    assert len(got) == 2  # the code of conduct (discovered) and its amendment
    assert not objects(text, "activeIn", "un-imo")  # 吉达 inside the amendment's title is no place


def test_what_a_report_recommends_after_its_recommendations_open_is_not_stated() -> None:
    text = (
        "72. 我赞扬各方所作的努力，并提出以下建议：(a)毒品和犯罪问题办公室和反恐办应继续加强协调，"
        "并与国际刑事警察组织密切合作；(b)会员国应防止资金流入青年党；"
        "(c)会员国应全面遵守第2713(2023)号决议。\n"
    )
    assert not facts(text)
    stated = "72. 毒品和犯罪问题办公室与国际刑事警察组织密切合作，并提出以下建议：会员国应加强协调。\n"
    assert ("un-unodc", "org-interpol") in pairs(stated, "partnerOf")


def test_a_group_that_levies_on_the_networks_of_a_crime_profits_from_that_crime() -> None:
    text = "5. 在邦特兰沿海，伊黎伊斯兰国索马里分支向当地海盗网络征收“税款”。\n"
    assert ("group-isil-somalia", "crime-piracy") in pairs(text, "benefitsFrom")


def test_a_known_place_at_the_end_of_a_longer_transliterated_name_is_not_that_place() -> None:
    got = discovered("5. 青年党在加勒穆杜格部分地区活动，并抵达喀布尔和叙利亚伊拉克边境。\n")
    assert got.get("加勒穆杜格") == "Region"
    assert not [n for n in got if n.endswith(("喀布尔", "伊拉克"))]
