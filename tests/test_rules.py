"""Each relation rule, on sentences written for the test (UN and news style, both scripts): the facts
it must give and the near misses it must not.  Also: the rules' cue words are checked on load.

None of these sentences is copied from the seeds or the development set.
"""

from __future__ import annotations

import copy
import tomllib

import pytest

from graph import identity
from graph.errors import OntologyError
from graph.extract.rules import RULES, checked_cues
from graph.ns import NX
from graph.pipeline import extract_document
from graph.records import Document
from graph.resources import ontology_file
from graph.vocab import load

VOCAB = load()
RESOLUTION = "第2801(2025)号决议\n2025年11月3日安全理事会第9999次会议通过\n安全理事会，\n"
SELF = "res-s-2801-2025"


def pairs(text: str, predicate: str) -> set[tuple[str, str]]:
    doc = identity.identify(Document("h0", "new.txt", text, "0" * 64), VOCAB.symbol_bodies())
    return {(f.subject, f.object) for f in extract_document(doc, VOCAB).facts if f.predicate == predicate}


def claims(text: str, predicate: str):
    doc = identity.identify(Document("h0", "new.txt", text, "0" * 64), VOCAB.symbol_bodies())
    return [f for f in extract_document(doc, VOCAB).facts if f.predicate == predicate]


# ---------------------------------------------------------------- the rules as checked data


def test_every_rule_names_ontology_terms_and_its_cues() -> None:
    assert {r.name for r in RULES} >= {"benefit", "operate", "mandate", "recall", "active"}
    for rule in RULES:
        NX[rule.predicate]  # a closed namespace: a misspelt term raises
        for cls in (*rule.subject, *rule.object):
            NX[cls]
        assert rule.confidences, rule.name
        assert rule.lists or rule.section == "confidence", rule.name  # the table rule reads no words


def _cues() -> dict:
    return tomllib.loads(ontology_file("cues.toml").read_text(encoding="utf-8"))


def test_a_missing_confidence_is_an_error_naming_the_rule() -> None:
    data = _cues()
    del data["confidence"]["operate_attack"]
    with pytest.raises(OntologyError, match="rule 'operate' needs \\[confidence\\] operate_attack"):
        checked_cues(data, VOCAB.frames)


def test_a_missing_or_empty_cue_list_is_an_error_naming_the_rule() -> None:
    data = _cues()
    broken = copy.deepcopy(data)
    del broken["recall"]["clause_cues"]
    with pytest.raises(OntologyError, match="rule 'recall' needs \\[recall\\] clause_cues"):
        checked_cues(broken, VOCAB.frames)
    data["benefit"]["cues"] = []
    with pytest.raises(OntologyError, match="rule 'benefit' needs \\[benefit\\] cues"):
        checked_cues(data, VOCAB.frames)


def test_checked_cues_are_frozen() -> None:
    cues = checked_cues(_cues(), VOCAB.frames)
    assert isinstance(cues["benefit"]["cues"], tuple)
    with pytest.raises(TypeError):
        cues["confidence"].entries["benefit_cue"] = 0.1  # type: ignore[index]


# ---------------------------------------------------------------- benefitsFrom


@pytest.mark.parametrize(
    "text",
    [
        "据监测组报告，塔利班从鸦片种植中获得大量收入。\n",  # UN report style, hedged
        "青年党通过绑架勒索筹集资金。\n",  # news style
        "伊黎伊斯蘭國從石油走私中獲利。\n",  # Traditional script
    ],
)
def test_benefit_is_found(text: str) -> None:
    assert pairs(text, "benefitsFrom")


@pytest.mark.parametrize(
    "text",
    [
        "伊黎伊斯兰国没有参与贩毒。\n",  # negated
        "会员国应加强合作，打击为博科圣地提供资金的贩毒活动。\n",  # fought, not profited from
        "安全理事会关于青年党和绑架勒索问题的会议于今天举行。\n",  # no cue of gain
    ],
)
def test_benefit_near_misses(text: str) -> None:
    assert pairs(text, "benefitsFrom") == set()


def test_hedged_benefit_keeps_the_hedge() -> None:
    got = claims("据信，基地组织从绑架勒索中获得了数百万美元。\n", "benefitsFrom")
    assert got and all(f.hedged for f in got)


# ---------------------------------------------------------------- operatesIn


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("青年党在索马里南部活动。\n", None),
        ("据报道，博科圣地在喀麦隆北部发动了新的袭击。\n", "country-cmr"),
        ("伊黎伊斯蘭國在敘利亞東部仍然控制一些村莊。\n", None),
        ("青年党的据点位于索马里中部。\n", None),  # GROUP 的据点位于 PLACE
        ("西非的恐怖团体，如博科哈拉姆组织，继续招募儿童。\n", None),  # groups given as examples of a place's
    ],
)
def test_operates_in_is_found(text: str, place: str | None) -> None:
    got = pairs(text, "operatesIn")
    assert got
    if place:
        assert any(o == place for _, o in got)


@pytest.mark.parametrize(
    "text",
    [
        "各国外长在纽约开会，商讨如何击败伊黎伊斯兰国。\n",  # where the talk is, not the group
        "肯尼亚政府谴责青年党，并向受害者家属表示慰问。\n",  # a country that condemns, no presence
        "青年党没有在肯尼亚发动袭击。\n",  # negated
        "各国支持针对萨赫勒地区的恐怖团体，如伊斯兰马格里布基地组织的行动。\n",  # the place is a target
    ],
)
def test_operates_in_near_misses(text: str) -> None:
    assert pairs(text, "operatesIn") == set()


# ---------------------------------------------------------------- mandatedBy


@pytest.mark.parametrize(
    ("text", "subject", "resolution"),
    [
        (RESOLUTION + "1. 请秘书长每六个月提交一次报告；\n", "un-secretary-general", SELF),
        (RESOLUTION + "2. 指示反恐怖主义委员会执行局继续评估各国的执行情况；\n", "un-cted", SELF),
        (
            "根據安全理事會第1373(2001)號決議，反恐怖主義委員會執行局開展了國家評估。\n",
            "un-cted",
            "res-s-1373-2001",
        ),
        (
            "应安理会第2253(2015)号决议的要求，秘书长本月提交了报告。\n",
            "un-secretary-general",
            "res-s-2253-2015",
        ),
        ("安理会在第2253(2015)号决议中请监测组评估威胁。\n", "un-monitoring-team", "res-s-2253-2015"),
        ("第2368(2017)号决议授权监测组继续开展工作。\n", "un-monitoring-team", "res-s-2368-2017"),
        ("联合国阿富汗援助团的任务由第2543(2020)号决议延长。\n", "un-unama", "res-s-2543-2020"),
    ],
)
def test_mandated_by_is_found(text: str, subject: str, resolution: str) -> None:
    assert (subject, resolution) in pairs(text, "mandatedBy")


@pytest.mark.parametrize(
    "text",
    [
        RESOLUTION + "3. 请会员国向反恐怖主义委员会执行局提供资料；\n",  # the body receives, it is not asked
        RESOLUTION + "回顾其请秘书长提交报告的第2253(2015)号决议，\n",  # the preamble asks nothing
    ],
)
def test_mandated_by_near_misses(text: str) -> None:
    assert not {s for s, o in pairs(text, "mandatedBy") if o == SELF} & {"un-cted", "un-secretary-general"}


def test_a_resolution_asking_member_states_mandates_no_body_named_after_them() -> None:
    assert pairs("第2462(2019)号决议要求会员国向反恐执行局提供资料。\n", "mandatedBy") == set()


# ---------------------------------------------------------------- implements


@pytest.mark.parametrize(
    "text",
    [
        "毒品和犯罪问题办公室协助各国执行《联合国打击跨国有组织犯罪公约》。\n",
        "反恐执行局继续监测第1373(2001)号决议的执行情况，并支持各国执行第2178(2014)号决议。\n",
        "毒品和犯罪問題辦公室支持各國執行第2482(2019)號決議。\n",
    ],
)
def test_implements_is_found(text: str) -> None:
    assert pairs(text, "implements")


@pytest.mark.parametrize(
    "text",
    [
        "监测组根据第1526(2004)号、第2161(2014)号和第2368(2017)号决议开展工作。\n",  # a mandate list
        "会员国应向反恐执行局报告执行第1373(2001)号决议的情况。\n",  # the body receives the report
    ],
)
def test_implements_near_misses(text: str) -> None:
    assert not {s for s, _ in pairs(text, "implements")} & {"un-monitoring-team", "un-cted"}


# ---------------------------------------------------------------- recalls


@pytest.mark.parametrize(
    ("text", "recalled"),
    [
        (RESOLUTION + "回顾其第1267(1999)号决议，\n", {"res-s-1267-1999"}),
        (RESOLUTION + "又回顾第2178(2014)号和第2396(2017)号决议，\n", {"res-s-2178-2014", "res-s-2396-2017"}),
        ("第2801(2025)號決議\n安全理事會，\n重申其第1373(2001)號決議，\n", {"res-s-1373-2001"}),
        ("联合国安理会主席声明2025年第3号\n安全理事会回顾其第2253(2015)号决议。\n", {"res-s-2253-2015"}),
        (
            RESOLUTION + "回顾其以往各项决议，特别是第1624(2005)号决议，\n",
            {"res-s-1624-2005"},
        ),  # the list goes on
    ],
)
def test_recalls_are_found(text: str, recalled: set[str]) -> None:
    subjects = {s for s, _ in pairs(text, "recalls")}
    assert {o for _, o in pairs(text, "recalls")} == recalled
    assert len(subjects) == 1


@pytest.mark.parametrize(
    "text",
    [
        RESOLUTION + "欢迎各国执行第2253(2015)号决议，\n",  # a welcome, not a recall
        RESOLUTION
        + "注意到各国的努力，包括执行第2253(2015)号决议，\n",  # 包括 after a clause that recalls nothing
        "秘书长的报告回顾了恐怖主义的演变，并介绍了第2253(2015)号决议的执行情况。\n",  # not a resolution's voice
    ],
)
def test_recalls_near_misses(text: str) -> None:
    assert pairs(text, "recalls") == set()


# ---------------------------------------------------------------- affiliatedWith


@pytest.mark.parametrize(
    "text",
    [
        "安理会谴责基地组织附属组织伊黎伊斯兰国的袭击。\n",
        "据报道，博科圣地宣誓效忠伊黎伊斯兰国。\n",
        "青年黨與基地組織有關聯。\n",
    ],
)
def test_affiliation_is_found(text: str) -> None:
    assert pairs(text, "affiliatedWith")


@pytest.mark.parametrize(
    "text",
    [
        "与伊黎伊斯兰国、基地组织和青年党有关联的个人被列入名单。\n",  # a list of groups
        "青年党并未宣誓效忠伊黎伊斯兰国。\n",  # negated
    ],
)
def test_affiliation_near_misses(text: str) -> None:
    assert pairs(text, "affiliatedWith") == set()


# ---------------------------------------------------------------- partnerOf and activeIn


@pytest.mark.parametrize(
    "text",
    [
        "毒品和犯罪问题办公室正与国际刑警组织合作。\n",
        "反恐执行局继续与毒品和犯罪问题办公室密切协作。\n",
        "聯合國毒品和犯罪問題辦公室與世界海關組織合作。\n",
        "毒品和犯罪问题办公室同非洲联盟携手开展培训。\n",
        "反恐怖主义办公室和国际刑警组织共同举办了讲习班。\n",  # X和Y + a joint verb
    ],
)
def test_partner_is_found(text: str) -> None:
    assert pairs(text, "partnerOf")


@pytest.mark.parametrize(
    "text",
    [
        "毒品和犯罪问题办公室和国际刑警组织分别发表了报告。\n",  # side by side, no cooperation
        "毒品和犯罪问题办公室向国际刑警组织提交了报告。\n",
        "会员国应与毒品和犯罪问题办公室和国际刑警组织合作。\n",  # both partners of the member states
    ],
)
def test_partner_near_misses(text: str) -> None:
    assert pairs(text, "partnerOf") == set()


def test_active_in_holds_for_every_agent_of_a_pair() -> None:
    got = pairs("毒品和犯罪问题办公室和开发署在尼日尔开展培训。\n", "activeIn")
    assert got == {("un-unodc", "country-ner"), ("un-undp", "country-ner")}


@pytest.mark.parametrize(
    "text",
    [
        "毒品和犯罪问题办公室在尼日尔开展培训。\n",
        "毒品和犯罪问题办公室将继续帮助阿富汗加强司法系统。\n",
        "聯合國毒品和犯罪問題辦公室在馬里舉辦講習班。\n",
    ],
)
def test_active_in_is_found(text: str) -> None:
    assert pairs(text, "activeIn")


@pytest.mark.parametrize(
    "text",
    [
        "毒品和犯罪问题办公室的报告说，尼日尔的贩毒活动有所增加。\n",
        "毒品和犯罪问题办公室没有帮助阿富汗。\n",
    ],
)
def test_active_in_near_misses(text: str) -> None:
    assert pairs(text, "activeIn") == set()


# ---------------------------------------------------------------- further forms of presence, funding and mandate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("青年党活跃于索马里中部。\n", ("group-al-shabaab", "country-som")),  # a part of it: the country
        ("伊黎伊斯兰国控制了伊拉克和叙利亚的大片领土。\n", ("group-isil", "country-syr")),
        ("伊拉克境內的伊黎伊斯蘭國仍然構成威脅。\n", ("group-isil", "country-irq")),
    ],
)
def test_presence_before_the_place_and_inside_it(text: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(text, "operatesIn")


def test_support_to_a_group_from_abroad_does_not_place_it_there() -> None:
    assert pairs("安理会谴责对伊拉克的伊黎伊斯兰国的支持。\n", "operatesIn") == set()


def test_a_branch_that_raises_funds_gives_its_parent_the_benefit() -> None:
    got = claims("基地组织在也门的分支通过绑架勒索筹集资金。\n", "benefitsFrom")
    assert [(f.subject, f.object, f.rule) for f in got] == [
        ("group-al-qaida", "crime-kidnapping-for-ransom", "benefit_branch")
    ]


def test_extending_a_mandate_is_mandated_by_this_resolution() -> None:
    text = (
        RESOLUTION
        + "1. 决定将分析支助和制裁监测组的任务期限延长至2027年6月；\n2. 决定延长反恐怖主义委员会执行局的任务期限；\n"
    )
    got = pairs(text, "mandatedBy")
    assert {("un-monitoring-team", SELF), ("un-cted", SELF)} <= got


def test_calling_on_member_states_names_no_implementer() -> None:
    assert pairs(RESOLUTION + "4. 吁请会员国执行第2178(2014)号决议；\n", "implements") == set()


def test_crimes_in_a_list_of_abuses_are_no_benefit_without_a_word_of_gain() -> None:
    abuses = "安理会谴责青年党实施的侵犯人权行为，包括绑架和劫持人质。\n"
    assert pairs(abuses, "benefitsFrom") == set()
    funded = "青年党实施的侵犯人权行为包括绑架，并以赎金为收入来源。\n"
    assert ("group-al-shabaab", "crime-kidnapping-for-ransom") in pairs(funded, "benefitsFrom")


def test_an_adjective_is_not_a_crime() -> None:
    assert pairs("伊黎伊斯兰国利用民众对腐败的政府的不满进行招募。\n", "benefitsFrom") == set()


def test_a_government_encouraged_by_a_statement_is_not_mandated_by_it() -> None:
    text = "联合国安理会主席声明2025年第3号\n安全理事会鼓励马里政府继续与联合国马里多层面综合稳定团合作。\n"
    assert not [s for s, _ in pairs(text, "mandatedBy") if s.startswith("org-")]


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        (
            "伊黎伊斯兰国通过出售石油为其活动提供资金。\n",
            "benefitsFrom",
            ("group-isil", "crime-oil-smuggling"),
        ),
        (
            "博科圣地靠绑架勒索维持运转。\n",
            "benefitsFrom",
            ("group-boko-haram", "crime-kidnapping-for-ransom"),
        ),
        ("尼日利亚政府正在执行第2349(2017)号决议。\n", "implements", ("org-gov-nga", "res-s-2349-2017")),
        ("塔利班与基地组织保持密切联系。\n", "affiliatedWith", ("group-taliban", "group-al-qaida")),
    ],
)
def test_funding_governments_and_links_in_news_style(
    text: str, predicate: str, expected: tuple[str, str]
) -> None:
    assert expected in pairs(text, predicate)


def test_fighting_groups_is_no_link_between_them() -> None:
    assert pairs("会员国应与伊黎伊斯兰国和基地组织作斗争。\n", "affiliatedWith") == set()


def test_a_claim_of_responsibility_places_the_group_at_the_attack() -> None:
    text = (
        "安理会谴责基斯马尤发生的恐怖袭击\n\n"
        "一枚汽车炸弹周二在基斯马尤港口附近爆炸。青年党随后声称对这起袭击负责。\n"
    )
    assert ("group-al-shabaab", "city-kismayo") in pairs(text, "operatesIn")


def test_an_attack_without_a_claim_places_no_group() -> None:
    text = "安理会谴责基斯马尤发生的恐怖袭击\n\n一枚汽车炸弹周二在基斯马尤港口附近爆炸。安理会还谴责青年党的暴力。\n"
    assert pairs(text, "operatesIn") == set()


# ---- the paragraph's group is inherited only by a sentence about what the group does


def test_a_sentence_about_the_group_s_money_inherits_the_paragraph_s_group() -> None:
    text = "12. 青年党在索马里南部活动。勒索和非法征税仍是其主要收入来源。"
    assert ("group-al-shabaab", "crime-extortion") in pairs(text, "benefitsFrom")


@pytest.mark.parametrize(
    "second",
    [
        "与会者讨论了木炭贸易和糖走私问题。",
        "當局在邊境查獲了走私的木炭。",
        "讲习班的学员学习了如何调查绑架勒索案件。",
    ],
)
def test_a_sentence_about_others_or_about_the_crimes_does_not_inherit_the_group(second: str) -> None:
    text = "12. 青年党在索马里南部活动。" + second
    assert not pairs(text, "benefitsFrom")


@pytest.mark.parametrize(
    "text",
    [
        "请监测组报告伊黎伊斯兰国和基地组织在西非的活动情况。",
        "請監測組報告伊黎伊斯蘭國和基地組織在西非的活動情況。",
    ],
)
def test_every_group_of_a_list_before_a_place_operates_there(text: str) -> None:
    got = pairs(text, "operatesIn")
    assert {("group-isil", "region-west-africa"), ("group-al-qaida", "region-west-africa")} <= got


def test_a_group_before_a_comma_is_not_in_the_list_of_the_next_clause() -> None:
    text = "安理会谴责基地组织，伊黎伊斯兰国在伊拉克发动的袭击造成数百人死亡。"
    got = pairs(text, "operatesIn")
    assert ("group-isil", "country-irq") in got and ("group-al-qaida", "country-irq") not in got
