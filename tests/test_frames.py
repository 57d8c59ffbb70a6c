"""The clause analyser, the discourse state and the frames of ``ontology/frames.toml``.

Every passage here was written for the test (UN report and news style, both scripts); none is
copied from the seeds or the development sets.  Each frame's own ``example`` must give its fact
and its ``near_miss`` must not; then, per verb class, sentences that must give a fact and near
misses that must not.
"""

from __future__ import annotations

import copy
import tomllib

import pytest

from graph import identity
from graph.errors import OntologyError
from graph.extract.clauses import analyse
from graph.frames import check_frames
from graph.pipeline import extract_document
from graph.records import Document, Fact, Mention
from graph.resources import ontology_file
from graph.vocab import load

VOCAB = load()
FRAMES = VOCAB.frames


def facts(text: str) -> list[Fact]:
    doc = identity.identify(Document("h0", "new.txt", text, "0" * 64), VOCAB.symbol_bodies())
    return extract_document(doc, VOCAB).facts


def cid(label: str) -> str:
    concept = VOCAB.lookup(label)
    assert concept is not None, label
    return concept.id


def pairs(text: str, predicate: str) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in facts(text) if f.predicate == predicate}


def objects(text: str, predicate: str, subject: str) -> set[str]:
    return {o for s, o in pairs(text, predicate) if s == subject}


# ---- the frames file checks itself, and its examples are tests


@pytest.mark.parametrize("frame", FRAMES.frames, ids=lambda f: f"{f.predicate}-{'-'.join(f.verbs)}")
def test_each_frame_example_gives_its_fact(frame) -> None:
    assert frame.example, "every frame carries an example"
    assert any(f.predicate == frame.predicate for f in facts(frame.example)), frame.example


@pytest.mark.parametrize(
    "frame", [f for f in FRAMES.frames if f.near_miss], ids=lambda f: f"{f.predicate}-{'-'.join(f.verbs)}"
)
def test_each_frame_near_miss_gives_no_fact(frame) -> None:
    assert not any(f.predicate == frame.predicate for f in facts(frame.near_miss)), frame.near_miss


def _data() -> dict:
    return tomllib.loads(ontology_file("frames.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["frame"][0].update(verbs=["cooperate"]), "verb class 'cooperate' is not in [verbs]"),
        (lambda d: d["frame"][0].update(subject=["speaker"]), "subject role 'speaker' is not one of"),
        (lambda d: d["frame"][0].update(predicate="worksIn"), "predicate 'worksIn' is not a relation"),
        (lambda d: d["frame"][0].update(confidence=1.5), "confidence must be a number in (0, 1]"),
        (lambda d: d["frame"][0].update(with_partners="no"), "with_partners must be true or false"),
        (lambda d: d["frame"][0].update(unless=["assess"]), "unless verb class 'assess' is not in [verbs]"),
        (lambda d: d.pop("modality"), "no [modality] table"),
        (lambda d: d.pop("mandate"), "no [mandate] table"),
        (
            lambda d: d["frame"][0].update(object_classes=["TerroristGroup"]),
            "object_classes ['TerroristGroup'] are outside the range of activeIn",
        ),
        (lambda d: d["markers"].pop("partner_tail"), "[markers] partner_tail must be a non-empty list"),
        (lambda d: d["blockers"].update(words=["会议"]), "'会议' contains or overlaps no verb or marker"),
        (lambda d: d["markers"].update(supporter_tail="(("), "supporter_tail is not a regular expression"),
    ],
)
def test_a_broken_frames_file_is_refused_naming_the_key(change, message: str) -> None:
    data = copy.deepcopy(_data())
    change(data)
    with pytest.raises(
        OntologyError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")
    ):
        check_frames(data)


def test_subject_and_object_classes_come_from_the_ontology() -> None:
    partner = next(f for f in FRAMES.frames if f.predicate == "partnerOf")
    assert "Country" not in partner.object_classes  # a country is never a partner
    active = next(f for f in FRAMES.frames if f.predicate == "activeIn")
    assert set(active.object_classes) >= {"Region", "Country"}


# ---- the clause analyser


def test_roles_come_from_markers_and_predicates() -> None:
    text = "反恐怖主义办公室与非洲联盟合作，在尼日尔和马里举办了讲习班"
    ms = [
        Mention("un-unoct", "UNEntity", "反恐怖主义办公室", "d", 0, 8, "vocabulary"),
        Mention("org-au", "Organization", "非洲联盟", "d", 9, 13, "vocabulary"),
        Mention("country-ner", "Country", "尼日尔", "d", 17, 20, "vocabulary"),
        Mention("country-mli", "Country", "马里", "d", 21, 23, "vocabulary"),
    ]
    first, second = analyse(text, ms, FRAMES)
    assert [m.surface for m in first.role("agent")] == ["反恐怖主义办公室"]
    assert [m.surface for m in first.role("partner")] == ["非洲联盟"]
    assert "partner" in first.verb_classes
    # one list, one role: both countries are places of the second clause
    assert [m.surface for m in second.role("place")] == ["尼日尔", "马里"]
    assert second.role("agent") == []


def test_a_word_that_contains_a_marker_is_not_one() -> None:
    # 参与 contains 与, 作为 contains 为: neither marks a partner or a beneficiary
    text = "欧洲联盟作为观察员参与了会议"
    ms = [Mention("org-eu", "Organization", "欧洲联盟", "d", 0, 4, "vocabulary")]
    (clause,) = analyse(text, ms, FRAMES)
    assert [p.word for p in clause.predicates if "partner" in p.classes] == []
    assert clause.role("partner") == [] and clause.role("beneficiary") == []


# ---- activeIn


def test_a_workshop_held_for_a_country() -> None:
    assert (cid("毒品和犯罪问题办公室"), cid("蒙古")) in pairs(
        "2024年，毒品和犯罪问题办公室为蒙古举办了一次边境管制讲习班。", "activeIn"
    )


def test_assistance_given_to_a_country_in_traditional_script() -> None:
    assert (cid("毒品和犯罪问题办公室"), cid("吉尔吉斯斯坦")) in pairs(
        "毒品和犯罪問題辦公室向吉爾吉斯斯坦提供了技術援助。", "activeIn"
    )


def test_a_place_named_in_an_opening_adjunct_belongs_to_the_next_clause() -> None:
    assert (cid("毒品和犯罪问题办公室"), cid("中亚")) in pairs(
        "在中亚，毒品和犯罪问题办公室支持各国加强边境合作。", "activeIn"
    )


def test_the_subject_of_the_sentence_before_is_implied() -> None:
    text = "毒品和犯罪问题办公室在肯尼亚开展了培训。此外，还为索马里检察官举办了讲习班。"
    assert cid("索马里") in objects(text, "activeIn", cid("毒品和犯罪问题办公室"))


def test_a_short_form_refers_to_the_body_named_before() -> None:
    text = "反恐怖主义委员会执行局于2023年访问了约旦。执行局还向黎巴嫩提供了咨询意见。"
    assert cid("黎巴嫩") in objects(text, "activeIn", cid("反恐怖主义委员会执行局"))


def test_a_report_s_own_author_acts_where_no_subject_is_named() -> None:
    text = (
        "1. 毒品和犯罪问题办公室为乍得举办了讲习班。\n"
        "2. 毒品和犯罪问题办公室向尼日尔提供了援助。\n"
        "3. 毒品和犯罪问题办公室为贝宁检察官举办了培训。\n"
        "4. 2022年，向乌干达提供了立法起草援助。\n"
    )
    assert cid("乌干达") in objects(text, "activeIn", cid("毒品和犯罪问题办公室"))


def test_a_supporter_acts_where_the_supported_country_is() -> None:
    assert (cid("反恐怖主义委员会执行局"), cid("约旦")) in pairs(
        "在反恐执行局的协助下，约旦通过了新的反洗钱法。", "activeIn"
    )


def test_a_meeting_only_attended_is_not_work_in_its_place() -> None:
    assert pairs("毒品和犯罪问题办公室出席了在日内瓦举行的专家会议。", "activeIn") == set()


def test_the_organiser_of_an_attended_visit_is_the_one_active() -> None:
    found = pairs("毒品和犯罪问题办公室参加了反恐执行局对突尼斯的访问。", "activeIn")
    assert found == {(cid("反恐怖主义委员会执行局"), cid("突尼斯"))}


def test_a_generic_subject_ends_the_carried_one() -> None:
    text = "毒品和犯罪问题办公室在肯尼亚开展了培训。一些会员国报告说，已向索马里提供了援助。"
    assert cid("索马里") not in objects(text, "activeIn", cid("毒品和犯罪问题办公室"))


def test_a_negated_clause_states_nothing() -> None:
    assert pairs("毒品和犯罪问题办公室没有在也门开展活动。", "activeIn") == set()


def test_not_yet_not_to_and_a_plan_state_nothing() -> None:
    assert pairs("该中心尚未向毛里塔尼亚提供任何援助。", "activeIn") == set()
    assert pairs("毒品和犯罪问题办公室未对几内亚比绍提供技术援助。", "activeIn") == set()
    assert pairs("反恐怖主义办公室计划于明年在杜尚别举办一次区域讲习班。", "activeIn") == set()


def test_a_negation_inside_the_beneficiaries_phrase_describes_them() -> None:
    # 为尚未批准…的国家: the countries have not ratified; the office did hold the course
    text = "毒品和犯罪问题办公室为尚未批准《制止恐怖主义爆炸的国际公约》的太平洋岛国举办了关于该公约的培训。"
    assert cid("毒品和犯罪问题办公室") in {s for s, _ in pairs(text, "implements")}


def test_stated_doubt_states_nothing_after_it() -> None:
    assert pairs("尚不清楚毒品和犯罪问题办公室是否在利比亚部署了人员。", "activeIn") == set()
    text = "青年党在索马里南部活动，但尚不清楚该团体是否从贩毒中获利。"
    assert pairs(text, "benefitsFrom") == set()
    kept = [f for f in facts(text) if f.predicate == "operatesIn"]
    assert kept and all(f.hedged for f in kept)  # named before the doubt: kept, flagged


def test_no_evidence_found_is_a_denial() -> None:
    assert pairs("监测组未发现伊斯兰国西非省从贩毒中获利的证据。", "benefitsFrom") == set()


# ---- partnerOf


def test_a_partner_after_yu_and_a_cooperation_verb() -> None:
    assert (cid("反恐怖主义办公室"), cid("非洲联盟")) in pairs(
        "反恐怖主义办公室与非洲联盟合作，在尼日尔举办了讲习班。", "partnerOf"
    )


def test_a_country_after_yu_hezuo_is_not_a_partner_but_a_place() -> None:
    text = "毒品和犯罪问题办公室与摩洛哥合作，加强了边境管理。"
    assert pairs(text, "partnerOf") == set()
    assert (cid("毒品和犯罪问题办公室"), cid("摩洛哥")) in pairs(text, "activeIn")


def test_each_partner_of_a_list_after_a_colon() -> None:
    text = "反恐执行局的伙伴包括：欧洲联盟、非洲联盟和国际刑事警察组织。"
    assert objects(text, "partnerOf", cid("反恐怖主义委员会执行局")) == {
        cid("欧洲联盟"),
        cid("非洲联盟"),
        cid("国际刑事警察组织"),
    }


def test_two_bodies_that_hold_something_together() -> None:
    found = pairs("毒品和犯罪问题办公室和国际移民组织共同举办了一次区域会议。", "partnerOf")
    assert {frozenset(p) for p in found} == {frozenset((cid("毒品和犯罪问题办公室"), cid("国际移民组织")))}


def test_partners_in_traditional_script() -> None:
    assert (cid("反恐怖主义办公室"), cid("欧洲联盟")) in pairs(
        "反恐怖主義辦公室與歐洲聯盟攜手，推出了一個新項目。", "partnerOf"
    )


# ---- implements


def test_becoming_party_to_a_convention() -> None:
    found = pairs("蒙古于2022年成为《制止恐怖主义爆炸的国际公约》的缔约国。", "implements")
    assert {s for s, _ in found} == {cid("蒙古")} and len(found) == 1


def test_each_instrument_of_a_list_is_implemented() -> None:
    text = "反恐执行局协助各国执行第1373(2001)号决议和第2178(2014)号决议。"
    found = objects(text, "implements", cid("反恐怖主义委员会执行局"))
    assert {o for o in found if o.startswith("res-s-")} == {"res-s-1373-2001", "res-s-2178-2014"}


def test_a_subject_is_not_carried_onto_reaffirmed_resolutions() -> None:
    text = "重申反恐执行局在确保第1373(2001)号决议得到执行方面的作用，并重申安理会第1624(2005)号和第2178(2014)号决议。"
    found = {o for _, o in pairs(text, "implements")}
    assert "res-s-1624-2005" not in found and "res-s-2178-2014" not in found


# ---- mandatedBy


def test_work_done_under_a_resolution() -> None:
    assert (cid("反恐怖主义委员会执行局"), "res-s-2617-2021") in pairs(
        "反恐执行局根据第2617(2021)号决议开展了国别访问。", "mandatedBy"
    )


def test_a_request_made_in_a_resolution_named_as_a_place() -> None:
    text = "大会在第77/298号决议中请反恐怖主义办公室继续开展能力建设。"
    assert (cid("反恐怖主义办公室"), "res-a-77-298") in pairs(text, "mandatedBy")


def test_member_states_acting_under_a_resolution_are_not_mandated() -> None:
    assert pairs("会员国根据第1373(2001)号决议冻结了资产。", "mandatedBy") == set()


def test_the_resolutions_that_state_a_mandate_named_as_a_noun() -> None:
    # 这一任务 stands for the mandate of the body said to hold one, through a list after 包括：
    text = (
        "反恐怖主义办公室的任务是协助会员国执行《联合国全球反恐战略》。"
        "大会在若干决议中重申了这一任务，包括：关于加强国际合作，特别是技术援助的第76/121号决议；"
        "以及关于反恐怖主义办公室开展能力建设的第77/298号决议。"
    )
    found = pairs(text, "mandatedBy")
    assert found >= {(cid("反恐怖主义办公室"), "res-a-76-121"), (cid("反恐怖主义办公室"), "res-a-77-298")}
    assert not any(s == cid("大会") for s, _ in found)


def test_a_topic_of_a_resolution_neither_acts_nor_splits_the_list() -> None:
    text = "安理会回顾关于反恐执行局与各国合作，加强边境管理的第2396(2017)号决议。"
    clauses = analyse(text, _resolution_and_cted(text), FRAMES)
    assert [p.word for c in clauses for p in c.predicates] == ["回顾"]  # not 合作, not 加强
    assert all("，" not in text[c.start - 1 : c.start] for c in clauses)  # the topic's comma splits nothing
    assert pairs(text, "partnerOf") == set()


def _resolution_and_cted(text: str) -> list[Mention]:
    cted, res = "反恐执行局", "第2396(2017)号"
    return [
        Mention(
            "un-cted", "UNEntity", cted, "d", text.index(cted), text.index(cted) + len(cted), "vocabulary"
        ),
        Mention(
            "res-s-2396-2017", "Resolution", res, "d", text.index(res), text.index(res) + len(res), "pattern"
        ),
    ]


def test_a_marker_opened_at_the_end_of_a_clause_gives_its_role_to_the_list_after() -> None:
    # 根据国际义务，特别是第N号决议: the resolution is the basis of what the states helped do, so the
    # office supports its implementation (and is not itself mandated by it)
    text = "反恐怖主义办公室协助会员国根据国际义务，特别是第2396(2017)号决议，收集乘客数据。"
    assert (cid("反恐怖主义办公室"), "res-s-2396-2017") in pairs(text, "implements")
    assert pairs(text, "mandatedBy") == set()
    guided = "反恐怖主义办公室根据国际义务，特别是第2396(2017)号决议，开展了能力建设。"
    assert (cid("反恐怖主义办公室"), "res-s-2396-2017") in pairs(guided, "mandatedBy")


def test_a_list_after_a_colon_names_what_an_earlier_noun_stood_for() -> None:
    # the members a workshop was held for are named only after 是: they are its beneficiaries,
    # and the organisation before 是 only qualifies the noun
    text = (
        "反恐怖主义办公室为东非政府间发展组织的3个成员国举办了关于《制止恐怖主义爆炸的国际公约》的讲习班，"
        "东非政府间发展组织的3个成员国是：吉布提、索马里和南苏丹。"
    )
    doers = {s for s, _ in pairs(text, "implements")}
    assert {cid("吉布提"), cid("索马里"), cid("南苏丹"), cid("反恐怖主义办公室")} <= doers
    assert cid("东非政府间发展组织") not in doers
    # no earlier noun to stand for: the list is no beneficiary
    other = (
        "反恐怖主义办公室举办了关于《制止恐怖主义爆炸的国际公约》的讲习班，与会者是：吉布提和索马里的官员。"
    )
    assert {s for s, _ in pairs(other, "implements")} == {cid("反恐怖主义办公室")}


def test_work_guided_by_resolutions_listed_after_a_colon() -> None:
    text = (
        "毒品和犯罪问题办公室的工作以安全理事会的决议为指导，包括：第2462(2019)号决议和第2482(2019)号决议。"
    )
    found = objects(text, "mandatedBy", cid("毒品和犯罪问题办公室"))
    assert {"res-s-2462-2019", "res-s-2482-2019"} <= found


def test_an_instrument_only_focused_on_is_no_basis() -> None:
    text = "反恐执行局为全球反恐论坛编写了一份侧重于《联合国全球反恐战略》的说明。"
    assert pairs(text, "implements") == set()


def test_a_stated_need_to_implement_is_no_implementation() -> None:
    text = "毒品和犯罪问题办公室指出，各国仍需采取进一步行动执行第2482(2019)号决议。"
    assert pairs(text, "implements") == set()


def test_the_body_whose_assistance_made_a_country_a_party_implements_too() -> None:
    text = "在反恐怖主义办公室的支持下，乍得批准了《制止向恐怖主义提供资助的国际公约》。"
    found = pairs(text, "implements")
    assert {s for s, _ in found} == {cid("反恐怖主义办公室"), cid("乍得")}


def test_each_body_a_programme_takes_as_partner_is_its_owner_s_partner_and_not_the_others() -> None:
    text = (
        "反恐怖主义办公室于2019年启动了联合国阻止恐怖分子旅行方案。"
        "该方案以国际刑警组织、国际民用航空组织和反恐执行局为主要执行伙伴。"
    )
    found = pairs(text, "partnerOf")
    owner = cid("反恐怖主义办公室")
    assert {o for s, o in found if s == owner} == {
        cid("国际刑警组织"),
        cid("国际民用航空组织"),
        cid("反恐执行局"),
    }
    assert all(s == owner for s, _ in found)  # the partners are not paired with each other


def test_an_amendment_named_after_its_convention_is_implemented_too() -> None:
    text = "2021年，蒙古成为《核材料实物保护公约》及其2005年修正案的缔约国。"
    assert objects(text, "implements", cid("蒙古")) == {
        cid("核材料实物保护公约"),
        cid("核材料实物保护公约修正案"),
    }


def test_a_language_named_after_a_country_is_no_place() -> None:
    text = "毒品和犯罪问题办公室以阿拉伯文和葡萄牙文提供了该培训模块。"
    assert cid("葡萄牙") not in objects(text, "activeIn", cid("毒品和犯罪问题办公室"))


def test_a_workshop_about_an_instrument_supports_its_implementation() -> None:
    text = "反恐怖主义办公室为约旦和黎巴嫩举办了关于《制止向恐怖主义提供资助的国际公约》的国家讲习班。"
    assert cid("制止向恐怖主义提供资助的国际公约") in objects(text, "implements", cid("反恐怖主义办公室"))


def test_a_body_named_after_guanyu_keeps_the_role_of_the_marker_before() -> None:
    text = "毒品和犯罪问题办公室与安全理事会关于索马里的第751(1992)号决议所设委员会继续合作。"
    found = pairs(text, "partnerOf")
    assert found and all(s == cid("毒品和犯罪问题办公室") for s, _ in found)


def test_the_supporter_of_a_sentence_supports_each_of_its_clauses() -> None:
    text = "在毒品和犯罪问题办公室的援助下，乍得通过了新的反恐法，尼日尔修订了刑法。"
    found = objects(text, "activeIn", cid("毒品和犯罪问题办公室"))
    assert {cid("乍得"), cid("尼日尔")} <= found


def test_consultations_held_with_the_representatives_of_countries() -> None:
    text = "反恐执行局与博茨瓦纳和加纳的代表举行了磋商。"
    assert {cid("博茨瓦纳"), cid("加纳")} <= objects(text, "activeIn", cid("反恐执行局"))


def test_a_group_said_to_keep_links_with_others_is_affiliated_with_each() -> None:
    text = "伊斯兰马格里布基地组织在马里北部活动。该组织与青年党和博科圣地保持联系。"
    aqim = cid("伊斯兰马格里布基地组织")
    assert objects(text, "affiliatedWith", aqim) >= {cid("青年党"), cid("博科圣地")}


def test_a_short_form_stands_for_the_subject_the_text_is_about() -> None:
    # the last group named is the one pledged to; 该组织 is still the subject of the sentence before
    text = "伊斯兰马格里布基地组织于2007年宣布效忠基地组织。该组织主要在马里北部和尼日尔活动。"
    assert cid("马里") in objects(text, "operatesIn", cid("伊斯兰马格里布基地组织"))
    assert objects(text, "operatesIn", cid("基地组织")) == set()


def test_no_word_inside_a_quoted_name_is_a_predicate() -> None:
    text = "该团体原名“战斗与支持阵线”。"
    ms = [Mention("g", "TerroristGroup", "该团体", "d", 0, 3, "anaphora")]
    (clause,) = analyse(text, ms, FRAMES)
    assert clause.predicates == ()  # 战斗 and 支持 are inside the quotes


def test_groups_listed_beside_others_associated_with_a_group_are_not_affiliated() -> None:
    text = "伊黎伊斯兰国、胜利阵线和其他与基地组织有关联的个人和实体继续构成威胁。"
    assert pairs(text, "affiliatedWith") == set()


def test_a_mandate_noun_and_a_group_link_in_traditional_script() -> None:
    text = "反恐怖主義辦公室的任務是協助會員國。大會在第75/291號決議中重申了這一任務。"
    assert (cid("反恐怖主义办公室"), "res-a-75-291") in pairs(text, "mandatedBy")
    linked = "伊斯蘭馬格里布基地組織與青年黨保持聯繫。"
    assert (cid("伊斯兰马格里布基地组织"), cid("青年党")) in pairs(linked, "affiliatedWith")


def test_each_item_of_an_enumerated_list_is_its_own_clause() -> None:
    text = "反恐怖主义办公室开展了以下活动：(a) 在约旦举办讲习班；(b) 向乍得提供技术援助；(c) 与欧洲联盟合作编写手册。"
    unoct = cid("反恐怖主义办公室")
    assert {cid("约旦"), cid("乍得")} <= objects(text, "activeIn", unoct)
    assert objects(text, "partnerOf", unoct) == {cid("欧洲联盟")}


def test_a_place_written_before_a_group_is_where_the_group_is() -> None:
    text = "乍得湖流域博科圣地继续袭击平民。"
    assert objects(text, "operatesIn", cid("博科圣地")) == {cid("乍得湖流域")}


def test_a_body_calling_on_states_does_not_do_what_it_asks_of_them() -> None:
    text = "反恐怖主义办公室主任呼吁各国加强合作，执行第2178(2014)号决议。"
    assert pairs(text, "implements") == set()
    appeal = "联合国难民署呼吁国际社会为萨赫勒的难民提供援助。"
    assert pairs(appeal, "activeIn") == set()


def test_a_fronted_purpose_is_done_by_the_subject_of_the_clause_after_it() -> None:
    text = "为了落实第2462(2019)号决议，联合国毒品和犯罪问题办公室在肯尼亚举办了讲习班。"
    assert pairs(text, "implements") == {(cid("毒品和犯罪问题办公室"), "res-s-2462-2019")}
    # 为 before a beneficiary opens no purpose, and a title with its own verb is no fronted purpose
    assert pairs("为肯尼亚官员，反恐怖主义办公室举办了讲习班。", "implements") == set()
    title = "为执行第2462(2019)号决议提供技术援助，反恐怖主义办公室编写了报告。"
    assert pairs(title, "implements") == set()


def test_a_group_in_part_of_a_country_named_with_it_is_in_that_country() -> None:
    text = "伊斯兰国西非省继续在尼日利亚东北部发动袭击。"
    group = cid("伊斯兰国西非省")
    # the part the text names and the country it names with it
    assert objects(text, "operatesIn", group) == {cid("尼日利亚东北部"), cid("尼日利亚")}
    # a city is part of its country too, but the text does not name the country
    assert objects("青年党在摩加迪沙发动袭击。", "operatesIn", cid("青年党")) == {cid("摩加迪沙")}


def test_a_group_acting_on_behalf_of_another_is_affiliated_with_it_not_the_reverse() -> None:
    text = "伊斯兰卫士于2013年列入名单，因为其代表基地组织或以其名义参与实施行为或活动。"
    assert pairs(text, "affiliatedWith") == {(cid("伊斯兰卫士"), cid("基地组织"))}


def test_each_group_merged_into_one_is_affiliated_with_it() -> None:
    text = "该联盟成立于2017年。支持伊斯兰和穆斯林组织由伊斯兰卫士、穆拉比通组织和伊斯兰马格里布基地组织合并而成。"
    formed = cid("支持伊斯兰和穆斯林组织")
    assert pairs(text, "affiliatedWith") == {
        (cid("伊斯兰卫士"), formed),
        (cid("穆拉比通组织"), formed),
        (cid("伊斯兰马格里布基地组织"), formed),
    }


def test_the_branch_named_after_its_parent_is_the_subject_of_what_follows() -> None:
    text = "伊黎伊斯兰国在该地区的分支伊黎伊斯兰国呼罗珊省约有数千名武装人员，并在喀布尔发动了多起袭击。"
    assert objects(text, "operatesIn", cid("伊黎伊斯兰国呼罗珊省")) == {cid("喀布尔")}
    assert objects(text, "operatesIn", cid("伊黎伊斯兰国")) == set()


def test_a_short_form_with_a_head_of_its_own_means_the_group_named_so() -> None:
    text = "塔利班与哈卡尼网络关系密切。该网络依靠绑架勒索赎金筹集资金。"
    assert {s for s, _ in pairs(text, "benefitsFrom")} == {cid("哈卡尼网络")}


def test_a_mandate_extended_for_a_body_named_with_its_short_form() -> None:
    text = "联合国阿富汗援助团(联阿援助团)的任务期限已由安理会第2626(2022)号决议延长。"
    assert pairs(text, "mandatedBy") == {(cid("联合国阿富汗援助团"), "res-s-2626-2022")}


def test_a_profile_s_group_stays_its_subject_after_a_title_line_naming_none() -> None:
    text = (
        "QDe.999\n哈卡尼网络\n\n列入名单日期：2012年11月5日\n\n"
        "哈卡尼网络与塔利班关系密切。2014年，部分指挥官脱离，另立伊斯兰圣战联盟。\n\n"
        "该组织的资金主要来自敲诈勒索。\n"
    )
    assert pairs(text, "benefitsFrom") == {(cid("哈卡尼网络"), cid("敲诈勒索"))}


def test_the_un_body_a_report_was_about_stays_the_subject_of_the_next_paragraph() -> None:
    text = (
        "1. 联合国毒品和犯罪问题办公室在肯尼亚举办了讲习班。\n\n"
        "2. 该办公室还向乍得提供了援助。\n\n"
        "3. 在东南亚，向菲律宾的执法人员提供了培训。\n"
    )
    assert cid("菲律宾") in objects(text, "activeIn", cid("毒品和犯罪问题办公室"))


def test_a_clause_opening_with_a_copula_describes_the_subject_carried_into_it() -> None:
    text = "伊斯兰国西非省于2016年成立，是伊黎伊斯兰国在西非的分支。"
    assert pairs(text, "affiliatedWith") == {(cid("伊斯兰国西非省"), cid("伊黎伊斯兰国"))}
    assert objects(text, "operatesIn", cid("伊黎伊斯兰国")) == set()


def test_a_splinter_said_of_its_subject_with_a_copula_is_affiliated() -> None:
    text = "穆拉比通组织是从伊斯兰马格里布基地组织分裂出来的派别。"
    assert pairs(text, "affiliatedWith") == {(cid("穆拉比通组织"), cid("伊斯兰马格里布基地组织"))}
    # a relative clause with no copula still only describes its noun
    assert pairs("安理会强调，与基地组织有关联的个人和团体仍构成威胁。", "affiliatedWith") == set()


def test_an_adverb_beginning_with_bu_negates_nothing() -> None:
    text = "青年党并不断向肯尼亚东北部渗透。"
    assert cid("肯尼亚") in objects(text, "operatesIn", cid("青年党"))
    assert objects("青年党并不在肯尼亚活动。", "operatesIn", cid("青年党")) == set()


def test_two_groups_fighting_over_a_place_are_both_there() -> None:
    text = "博科圣地与伊斯兰国西非省正在乍得湖流域争夺地盘。"
    lake = cid("乍得湖流域")
    assert objects(text, "operatesIn", cid("博科圣地")) == {lake}
    assert objects(text, "operatesIn", cid("伊斯兰国西非省")) == {lake}


def test_a_group_described_by_a_relative_clause_is_its_subject_and_recurs_by_name() -> None:
    text = (
        "报告指出，在马里中部活动的武装团体“东岸圣战者联盟”正从走私中获取资金。"
        "“东岸圣战者联盟”的收入来源还包括绑架勒索赎金。"
    )
    found = facts(text)
    group = next(f.subject for f in found if f.predicate == "operatesIn")
    assert {f.object for f in found if f.predicate == "operatesIn" and f.subject == group} >= {cid("马里")}
    crimes = {f.object for f in found if f.predicate == "benefitsFrom" and f.subject == group}
    assert {cid("走私"), cid("绑架勒索")} <= crimes


def test_a_body_named_after_the_resolution_that_set_it_up_is_mandated_by_it() -> None:
    text = "请第1526(2004)号决议所设分析支助和制裁监测组继续评估这些措施的影响。"
    assert (cid("分析支助和制裁监测组"), "res-s-1526-2004") in pairs(text, "mandatedBy")


def test_bodies_that_publish_a_report_jointly_are_partners() -> None:
    text = "反恐怖主义办公室和毒品和犯罪问题办公室联合发布了一份研究报告。"
    assert pairs(text, "partnerOf") == {(cid("反恐怖主义办公室"), cid("毒品和犯罪问题办公室"))}


def test_a_contribution_to_an_instrument_s_implementation_implements_it() -> None:
    text = "反恐怖主义办公室为《联合国全球反恐战略》的落实作出了贡献。"
    assert pairs(text, "implements") == {(cid("反恐怖主义办公室"), cid("联合国全球反恐战略"))}


def test_the_un_partner_of_a_jointly_held_event_is_active_where_it_is_held() -> None:
    text = "该研讨会由反恐怖主义办公室与反恐怖主义委员会执行局于3月在内罗毕合作举办。"
    assert {s for s, o in pairs(text, "activeIn") if o == cid("内罗毕")} == {
        cid("反恐怖主义办公室"),
        cid("反恐怖主义委员会执行局"),
    }
    # a country's authority worked with is no subject of activeIn
    found = pairs("毒品和犯罪问题办公室与欧洲联盟合作在达喀尔举办了讲习班。", "activeIn")
    assert found == {(cid("毒品和犯罪问题办公室"), cid("达喀尔"))}


def test_a_branch_noun_between_two_groups_makes_the_second_the_subject() -> None:
    text = "基地组织的附属团体青年党继续在索马里南部袭击平民；另一附属团体伊斯兰马格里布基地组织则在马里北部活跃。"
    assert objects(text, "operatesIn", cid("青年党")) >= {cid("索马里")}
    assert objects(text, "operatesIn", cid("基地组织")) == set()
    assert pairs(text, "affiliatedWith") == {
        (cid("青年党"), cid("基地组织")),
        (cid("伊斯兰马格里布基地组织"), cid("基地组织")),
    }


def test_a_group_pledged_to_is_not_the_one_that_profits() -> None:
    text = "大撒哈拉伊斯兰国在梅纳卡区发动袭击。该团体效忠于伊黎伊斯兰国，并依靠偷盗牲畜维持运作。"
    assert {s for s, _ in pairs(text, "benefitsFrom")} == {cid("大撒哈拉伊斯兰国")}
    assert pairs(text, "affiliatedWith") == {(cid("大撒哈拉伊斯兰国"), cid("伊黎伊斯兰国"))}


def test_the_donors_of_activities_are_no_places_of_them() -> None:
    text = "反恐怖主义办公室在约旦举办了讲习班。上述活动的捐助方包括德国和日本。"
    assert objects(text, "activeIn", cid("反恐怖主义办公室")) == {cid("约旦")}


def test_a_named_group_described_as_linked_to_another_is_affiliated_with_it() -> None:
    text = "安理会谴责与基地组织有关联的青年党在肯尼亚发动的袭击。"
    assert pairs(text, "affiliatedWith") == {(cid("青年党"), cid("基地组织"))}
    assert cid("肯尼亚") in objects(text, "operatesIn", cid("青年党"))


def test_what_a_group_is_said_to_be_before_it_is_named() -> None:
    text = "作为伊黎伊斯兰国在西非的分支，伊斯兰国西非省继续在乍得湖流域活动。"
    assert pairs(text, "affiliatedWith") == {(cid("伊斯兰国西非省"), cid("伊黎伊斯兰国"))}
    assert cid("乍得湖流域") in objects(text, "operatesIn", cid("伊斯兰国西非省"))
    assert objects(text, "operatesIn", cid("伊黎伊斯兰国")) == set()


def test_each_affiliate_listed_after_a_parent_and_its_affiliates() -> None:
    text = "安理会关切基地组织及其附属团体，包括青年党和伊斯兰马格里布基地组织。"
    assert pairs(text, "affiliatedWith") == {
        (cid("青年党"), cid("基地组织")),
        (cid("伊斯兰马格里布基地组织"), cid("基地组织")),
    }


def test_a_short_form_means_the_body_acting_not_one_named_in_passing() -> None:
    text = (
        "1. 联合国毒品和犯罪问题办公室在伊拉克举办了讲习班。\n\n"
        "2. 这些活动是与联合国反恐怖主义办公室协作开展的。\n\n"
        "3. 青年党通过敲诈勒索筹集资金。\n\n"
        "4. 该办公室还在菲律宾开展了一个项目。\n"
    )
    assert cid("菲律宾") in objects(text, "activeIn", cid("毒品和犯罪问题办公室"))
    assert cid("菲律宾") not in objects(text, "activeIn", cid("反恐怖主义办公室"))


def test_resolutions_each_named_with_its_own_jueyi_guide_the_work() -> None:
    text = "该办公室的工作以安全理事会第2178(2014)号决议和第2396(2017)号决议为指导。"
    found = facts("联合国毒品和犯罪问题办公室开展了培训。" + text)
    assert {f.object for f in found if f.predicate == "mandatedBy"} == {"res-s-2178-2014", "res-s-2396-2017"}


def test_a_branch_noun_never_starts_a_discovered_group_name() -> None:
    text = "基地组织在阿拉伯半岛的分支阿拉伯半岛基地组织继续在也门发动袭击。"
    assert objects(text, "operatesIn", cid("阿拉伯半岛基地组织")) >= {cid("也门")}
    assert objects(text, "operatesIn", cid("基地组织")) == set()


def test_a_group_whose_unnamed_branches_act_does_not_act_itself() -> None:
    text = "伊黎伊斯兰国在非洲的附属团体持续扩张，并在莫桑比克发动袭击。"
    assert objects(text, "operatesIn", cid("伊黎伊斯兰国")) == set()


def test_bodies_that_sign_an_agreement_with_each_other_are_partners() -> None:
    text = "国际刑警组织与反恐怖主义办公室签署了一项谅解备忘录。"
    assert pairs(text, "partnerOf") == {(cid("国际刑警组织"), cid("反恐怖主义办公室"))}


# ---- group profiles (the narrative summaries of a sanctions list)


def test_a_group_listed_for_acting_in_the_name_of_another_is_affiliated_with_it() -> None:
    text = '青年党因"参与资助、计划或实施"基地组织"的行为或活动，或以其名义、代表其或为支持其"而被列名。'
    assert pairs(text, "affiliatedWith") == {(cid("青年党"), cid("基地组织"))}


@pytest.mark.parametrize(
    "text",
    [
        "伊斯兰圣战联盟于2011年被列名，原因是“参与资助、策划或实施”塔利班“的行为或活动，或以其名义、代表其或为支持其”。",
        "伊斯蘭聖戰聯盟於2011年被列名，原因是參與資助、策劃或實施塔利班的行為或活動，與其聯手、以其名義或代表其行事。",
    ],
)
def test_its_name_points_back_to_the_group_named_before_whatever_its_role(text: str) -> None:
    # 其 in 以其名义 is the last group named before it (here the object of 实施), not the agent
    assert pairs(text, "affiliatedWith") == {(cid("伊斯兰圣战联盟"), cid("塔利班"))}


def test_a_leader_announcing_that_a_group_joins_another() -> None:
    # 基地组织 only qualifies its leader; what the leader announces is a clause of its own
    text = "博科圣地在尼日利亚东北部活动。2015年3月，伊黎伊斯兰国发言人宣布该团体加入伊黎伊斯兰国。"
    assert pairs(text, "affiliatedWith") == {(cid("博科圣地"), cid("伊黎伊斯兰国"))}


def test_a_group_short_form_stands_for_the_group_the_profile_is_about() -> None:
    text = (
        "伊斯兰马格里布基地组织主要在马里北部活动。基地组织领导人宣布该团体加入基地组织。"
        "该团体通过绑架勒索赎金和贩运毒品筹集资金。该团体与博科圣地建立了联系。"
    )
    aqim = cid("伊斯兰马格里布基地组织")
    assert {s for s, _ in pairs(text, "benefitsFrom")} == {aqim}
    assert objects(text, "affiliatedWith", aqim) == {cid("基地组织"), cid("博科圣地")}


def test_groups_that_merge_or_fight_side_by_side_are_affiliated() -> None:
    merged = "穆拉比通组织于2013年与西非统一圣战运动合并。"
    assert pairs(merged, "affiliatedWith") == {(cid("穆拉比通组织"), cid("西非统一圣战运动"))}
    alongside = "东伊运的成员在阿拉伯叙利亚共和国作战，并与胜利阵线并肩作战。"
    assert (cid("东伊运"), cid("胜利阵线")) in pairs(alongside, "affiliatedWith")
    assert (cid("东伊运"), cid("阿拉伯叙利亚共和国")) in pairs(alongside, "operatesIn")


def test_a_place_retaken_from_a_group_was_held_by_it() -> None:
    text = "安全理事会欢迎伊拉克安全部队从伊黎伊斯兰国手中收复费卢杰。"
    assert pairs(text, "operatesIn") == {(cid("伊黎伊斯兰国"), cid("费卢杰"))}


def test_a_marked_list_after_an_opener_keeps_its_marker() -> None:
    text = "伊黎伊斯兰国在利比亚的存在日益扩大，特别是在苏尔特。"
    assert cid("苏尔特") in objects(text, "operatesIn", cid("伊黎伊斯兰国"))


def test_the_place_of_a_group_named_beside_the_agent_is_not_the_agents() -> None:
    text = "伊斯兰马格里布基地组织在马里北部活动。该组织与尼日利亚的博科圣地以及索马里的青年党建立了联系。"
    aqim = cid("伊斯兰马格里布基地组织")
    assert objects(text, "operatesIn", aqim) == {cid("马里北部"), cid("马里")}  # the north of Mali is in Mali
    assert objects(text, "affiliatedWith", aqim) == {cid("博科圣地"), cid("青年党")}


# ---- explain


def test_explain_gives_roles_facts_and_the_reason_for_a_missing_fact() -> None:
    from graph.extract.explain import render
    from graph.pipeline import explain

    text = (
        "毒品和犯罪问题办公室在肯尼亚开展了培训。此外，还为索马里检察官举办了讲习班，但没有与欧洲联盟合作。"
    )
    explained = explain(text, None, VOCAB)
    assert [len(e.clauses) for e in explained] == [1, 3]
    second = explained[1]
    assert second.clauses[1].implied and [m.concept for m in second.clauses[1].agents] == [
        cid("毒品和犯罪问题办公室")
    ]
    assert {(f.predicate, f.object) for f in second.facts} == {("activeIn", cid("索马里"))}
    (miss,) = [m for m in second.misses if m.predicate == "partnerOf"]
    assert miss.reason == "the clause is negated"
    out = render(explained)
    assert "agent: 毒品和犯罪问题办公室 (implied)" in out and "no partnerOf" in out


def test_explain_reads_a_paragraph_of_a_file_in_context(tmp_path) -> None:
    from graph.pipeline import explain

    f = tmp_path / "report.txt"
    f.write_text(
        "1. 毒品和犯罪问题办公室为乍得举办了讲习班。\n2. 该办公室还向尼日尔提供了援助。\n", encoding="utf-8"
    )
    (only,) = explain(str(f), "2", VOCAB)
    assert only.passage.para == "2"
    assert {(x.subject, x.object) for x in only.facts if x.predicate == "activeIn"} == {
        (cid("毒品和犯罪问题办公室"), cid("尼日尔"))
    }


def test_explain_refuses_a_paragraph_the_file_does_not_have(tmp_path) -> None:
    from graph.errors import InputError
    from graph.pipeline import explain

    f = tmp_path / "report.txt"
    f.write_text("1. 毒品和犯罪问题办公室为乍得举办了讲习班。\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"report.txt: no paragraph '7' \(paragraphs: 1\)"):
        explain(str(f), "7", VOCAB)


def test_explain_refuses_an_empty_text() -> None:
    from graph.errors import InputError
    from graph.pipeline import explain

    with pytest.raises(InputError, match=r"\(empty text\): nothing to explain"):
        explain("  ", None, VOCAB)


def test_explain_reads_a_sentence_longer_than_a_file_name_can_be() -> None:
    from graph.pipeline import explain

    text = "毒品和犯罪问题办公室在肯尼亚开展了培训，" * 12 + "并为索马里检察官举办了讲习班。"
    assert len(text.encode("utf-8")) > 255  # too long for a file name: no OSError
    explained = explain(text, None, VOCAB)
    assert (cid("毒品和犯罪问题办公室"), cid("索马里")) in {
        (f.subject, f.object) for e in explained for f in e.facts if f.predicate == "activeIn"
    }


# ---- the group relations on the same analyser


def test_an_attack_on_a_target_in_a_city_places_the_group_there() -> None:
    assert (cid("青年党"), cid("基斯马尤")) in pairs(
        "青年党上月对基斯马尤的一家酒店发动了袭击。", "operatesIn"
    )


def test_an_attack_on_the_people_of_a_country_is_not_presence_there() -> None:
    assert pairs("该组织对伊拉克人民实施了攻击。", "operatesIn") == set()


def test_a_branch_named_before_its_parent_points_to_the_parent() -> None:
    found = pairs("基地组织的附属组织青年党在索马里发动袭击。", "affiliatedWith")
    assert (cid("青年党"), cid("基地组织")) in found and (cid("基地组织"), cid("青年党")) not in found


def test_a_crime_a_group_condemns_is_no_income() -> None:
    assert pairs("伊黎伊斯兰国谴责贩毒活动。", "benefitsFrom") == set()


# ---- the pivot (兼语): the body a clause asks to act is the agent of what it is asked to do


def test_the_body_asked_to_cooperate_is_the_partner() -> None:
    text = "请毒品和犯罪问题办公室与国际刑事警察组织合作，在萨赫勒地区开展培训。"
    assert (cid("毒品和犯罪问题办公室"), cid("国际刑事警察组织")) in pairs(text, "partnerOf")
    assert (cid("毒品和犯罪问题办公室"), cid("萨赫勒")) in pairs(text, "activeIn")


def test_a_new_request_replaces_the_subject_carried_into_its_clause() -> None:
    text = "指示反恐怖主义委员会继续审视会员国的努力，为此请反恐执行局与毒品和犯罪问题办公室合作。"
    found = {frozenset(p) for p in pairs(text, "partnerOf")}
    assert frozenset((cid("反恐怖主义委员会执行局"), cid("毒品和犯罪问题办公室"))) in found
    assert frozenset((cid("反恐怖主义委员会"), cid("毒品和犯罪问题办公室"))) not in found


def test_a_partner_acting_with_the_agent_is_not_governed_by_its_resolution() -> None:
    text = "毒品和犯罪问题办公室与反恐怖主义办公室合作，根据第1267(1999)号决议向会员国提供技术援助。"
    found = pairs(text, "mandatedBy")
    assert (cid("毒品和犯罪问题办公室"), "res-s-1267-1999") in found
    assert (cid("反恐怖主义办公室"), "res-s-1267-1999") not in found
    # … but it does act with the agent: it provides the assistance too
    assert (cid("反恐怖主义办公室"), cid("毒品和犯罪问题办公室")) in pairs(text, "partnerOf") | {
        (o, s) for s, o in pairs(text, "partnerOf")
    }


# ---- 应: "should" unless a request follows; profit said as 获益/得益


@pytest.mark.parametrize(
    "text",
    [
        "各国应阻止伊黎伊斯兰国从走私石油中获益。",
        "各國應阻止伊黎伊斯蘭國從走私石油中獲益。",
    ],
)
def test_modal_ying_is_no_basis_and_the_group_still_profits(text: str) -> None:
    assert (cid("伊黎伊斯兰国"), cid("石油走私")) in pairs(text, "benefitsFrom")


def test_ying_with_a_request_after_the_place_is_the_basis() -> None:
    text = "毒品和犯罪问题办公室应约旦的请求提供了立法援助。"
    assert (cid("毒品和犯罪问题办公室"), cid("约旦")) in pairs(text, "activeIn")


def test_an_addendum_after_a_bracketed_symbol_is_named_beside_its_instrument() -> None:
    text = "反恐委员会执行局协助各国执行《马德里指导原则》(S/2015/939，附件二)及其增编(S/2018/1177，附件)。"
    got = objects(text, "implements", cid("反恐委员会执行局"))
    assert {cid("马德里指导原则"), cid("马德里指导原则增编")} <= got


# ---- a programme's partners are its owner's


def test_the_partners_of_a_programme_are_the_partners_of_the_body_that_runs_it() -> None:
    text = (
        "反恐怖主义办公室于2021年启动了联合国阻止恐怖分子旅行方案。"
        "该方案是与国际刑警组织和国际民用航空组织合作实施的。"
    )
    got = pairs(text, "partnerOf")
    unoct = cid("反恐怖主义办公室")
    assert {(unoct, cid("国际刑警组织")), (unoct, cid("国际民用航空组织"))} <= got
    assert not {s for s, _ in got} - {unoct}  # the programme itself is no partner


def test_the_owner_named_with_de_before_the_programme() -> None:
    text = "反恐怖主義辦公室的聯合國阻止恐怖分子旅行方案與國際刑警組織合作，為多哥提供了支助。"
    assert (cid("反恐怖主义办公室"), cid("国际刑警组织")) in pairs(text, "partnerOf")


def test_a_programme_with_no_owner_named_has_no_partner() -> None:
    text = "联合国阻止恐怖分子旅行方案与国际刑警组织合作，为多哥提供了支助。"
    assert not pairs(text, "partnerOf")


# ---- law related to an instrument carries it out


@pytest.mark.parametrize(
    "text",
    [
        "毒品和犯罪问题办公室审查了乍得与《制止恐怖主义爆炸的国际公约》有关的国家立法。",
        "毒品和犯罪问题办公室協助乍得起草了與《制止恐怖主義爆炸的國際公約》相關的法律草案。",
    ],
)
def test_work_on_law_related_to_an_instrument_supports_its_implementation(text: str) -> None:
    assert (cid("毒品和犯罪问题办公室"), cid("制止恐怖主义爆炸的国际公约")) in pairs(text, "implements")


def test_other_things_related_to_an_instrument_are_only_described_by_it() -> None:
    text = "毒品和犯罪问题办公室分析了与《制止恐怖主义爆炸的国际公约》有关的案例。"
    assert not pairs(text, "implements")


# ---- a place in brackets after a body describes the body


def test_a_country_in_brackets_after_a_body_s_name_is_no_place_of_the_work() -> None:
    text = "毒品和犯罪问题办公室为蒙特雷国际研究所(墨西哥)举办的讲习班作出了贡献。"
    assert (cid("毒品和犯罪问题办公室"), cid("墨西哥")) not in pairs(text, "activeIn")


def test_a_country_in_brackets_after_a_city_is_still_a_place() -> None:
    text = "毒品和犯罪问题办公室在瓦尔帕莱索(智利)举办了讲习班。"
    assert (cid("毒品和犯罪问题办公室"), cid("智利")) in pairs(text, "activeIn")


# ---- cue words: a blocker never reaches into a name, and a blocked match is looked for again


def test_a_name_ending_in_suo_before_zai_keeps_the_place_marker() -> None:
    # 研究所在曼谷: 所在 is not a word here, 在 marks the place
    text = "联合国区域间犯罪和司法研究所在曼谷举办了一次圆桌会议。"
    assert (cid("联合国区域间犯罪和司法研究所"), cid("曼谷")) in pairs(text, "activeIn")


def test_a_blocked_cue_does_not_hide_the_cue_that_overlaps_it() -> None:
    # 部分支持: not 分支 (a branch), but 支持 (support)
    text = "联合国马里多层面综合稳定特派团的警察部分支持马里警方建立了一个情报单位。"
    assert (cid("联合国马里多层面综合稳定特派团"), cid("马里")) in pairs(text, "activeIn")
    assert not pairs(text, "affiliatedWith")


def test_a_word_inside_an_alias_in_brackets_is_no_verb() -> None:
    # 援助团 in the bracketed short form is part of a name, not 援助 (support): the resolution is the
    # basis the mission acts on, so it mandates the mission
    # (a variant of the mission's name the vocabulary does not hold, then its known short form)
    text = "联合国索马里过渡时期援助团(联索过渡援助团)继续根据第2705(2023)号决议支持索马里联邦政府。"
    assert {o for _, o in pairs(text, "mandatedBy")} == {"res-s-2705-2023"}
    assert not pairs(text, "implements")


# ---- a bare head opening a sentence stands for the body last named with it


def test_a_bare_head_opening_a_sentence_is_the_body_named_with_it() -> None:
    text = (
        "12. 反恐怖主义办公室通过联合国反恐中心在中亚实施了一个项目。"
        "中心为吉尔吉斯斯坦和塔吉克斯坦的执法机构提供了培训。"
    )
    got = pairs(text, "activeIn")
    uncct = cid("联合国反恐中心")
    assert {(uncct, cid("吉尔吉斯斯坦")), (uncct, cid("塔吉克斯坦"))} <= got
    assert (cid("反恐怖主义办公室"), cid("吉尔吉斯斯坦")) not in got


def test_a_bare_head_inside_a_phrase_is_no_short_form() -> None:
    text = "12. 联合国反恐中心在中亚实施了一个项目。该区域的培训中心为吉尔吉斯斯坦提供了培训。"
    assert (cid("联合国反恐中心"), cid("吉尔吉斯斯坦")) not in pairs(text, "activeIn")


@pytest.mark.parametrize(
    "text",
    [
        "12. 博科圣地从多种犯罪活动中获利，其中包括：(a)绑架勒索赎金；(b)贩运人口；(c)盗窃牲畜。",
        "12. 博科聖地從多種犯罪活動中獲利，其中包括：(a)綁架勒索贖金；(b)販運人口；(c)盜竊牲畜。",
    ],
)
def test_every_lettered_item_after_an_opener_takes_the_verb_before_it(text: str) -> None:
    got = objects(text, "benefitsFrom", cid("博科圣地"))
    assert {cid("绑架勒索"), cid("贩运人口")} <= got


# ---- 通过: a source before crimes, the means before a body


def test_a_group_profits_through_a_crime_and_its_partner_does_not() -> None:
    text = "12. 青年党在索马里南部活动。它通过向商人非法征税获取资金，并与也门的阿拉伯半岛基地组织保持联系。"
    got = pairs(text, "benefitsFrom")
    assert got == {(cid("青年党"), cid("非法征税"))}


def test_a_platform_through_which_workshops_are_held_holds_them() -> None:
    text = "12. 毒品和犯罪问题办公室开发了反恐学习平台。通过该平台为约旦举办了一次讲习班。"
    subjects = {s for s, o in pairs(text, "activeIn") if o == cid("约旦")}
    assert subjects == {cid("反恐学习平台")}  # 通过 before a programme marks no source


def test_a_marker_before_a_word_pointing_ahead_gives_its_role_to_the_list_after_the_colon() -> None:
    # 为下列国家…：A、B: the countries are those the workshop is for, so they are helped to implement
    text = "反恐怖主义办公室为下列国家举办了关于执行第2396(2017)号决议的讲习班：约旦、黎巴嫩和伊拉克。"
    assert {s for s, o in pairs(text, "implements") if o == "res-s-2396-2017"} == {
        cid("反恐怖主义办公室"),
        cid("约旦"),
        cid("黎巴嫩"),
        cid("伊拉克"),
    }


@pytest.mark.parametrize(
    "text",
    ["监测组指出，基地组织与塔利班之间的联系依然密切。", "監測組指出，基地組織與塔利班之間的聯繫依然密切。"],
)
def test_a_link_between_two_groups_said_as_a_noun_affiliates_them(text: str) -> None:
    assert pairs(text, "affiliatedWith") == {(cid("基地组织"), cid("塔利班"))}


def test_a_denied_link_between_two_groups_is_no_fact() -> None:
    assert not pairs("会员国报告说，没有证据表明博科圣地与青年党之间存在联系。", "affiliatedWith")


# ---- a section heading names the subject of the paragraphs under it


def test_the_body_a_heading_names_acts_in_the_paragraphs_under_it() -> None:
    text = (
        "A. 毒品和犯罪问题办公室\n12. 2023年为约旦举办了一次讲习班。\n13. 此外，还向黎巴嫩提供了援助。\n"
        "B. 反恐怖主义办公室\n14. 2023年为伊拉克举办了一次讲习班。\n"
        "C. 会员国采取的行动\n15. 许多国家加强了边境管理，包括在约旦举办培训。\n"
    )
    got = pairs(text, "activeIn")
    unodc, unoct = cid("毒品和犯罪问题办公室"), cid("反恐怖主义办公室")
    assert {(unodc, cid("约旦")), (unodc, cid("黎巴嫩")), (unoct, cid("伊拉克"))} <= got
    assert (unoct, cid("约旦")) not in got  # the section about member states has no UN actor


def test_a_heading_that_names_a_partner_is_no_subject() -> None:
    text = "B. 与国際刑警組織的合作\n14. 2023年为伊拉克举办了一次讲习班。\n15. 另外还为约旦举办了培训。\n"
    assert not {s for s, _ in pairs(text, "activeIn")} & {cid("国际刑警组织")}


# ---- places named again by 这些城市 / 该国, and a group fought in a place


def test_a_group_fought_in_a_place_is_there() -> None:
    text = "尼日利亚军队在迈杜古里作战，以击退博科圣地。"
    assert pairs(text, "operatesIn") == {(cid("博科圣地"), cid("迈杜古里"))}


def test_a_group_to_be_fought_nowhere_in_particular_is_nowhere() -> None:
    assert not pairs("安全理事会呼吁各国共同努力，击败伊黎伊斯兰国。", "operatesIn")


@pytest.mark.parametrize(
    "text",
    [
        "上月在尼日利亚博尔诺州的迈杜古里和达马图鲁两市发生了袭击。尼日利亚军队在这些城市作战，以击退博科圣地。",
        "上月在尼日利亞博爾諾州的邁杜古里和達馬圖魯兩市發生了襲擊。尼日利亞軍隊在這些城市作戰，以擊退博科聖地。",
    ],
)
def test_these_cities_are_the_cities_named_before(text: str) -> None:
    got = objects(text, "operatesIn", cid("博科圣地"))
    assert {cid("迈杜古里"), cid("达马图鲁")} <= got
    assert cid("尼日利亚") not in got  # 这些城市 stands for the cities, not the country


def test_the_country_is_the_country_named_before() -> None:
    text = "毒品和犯罪问题办公室在乍得开展了培训。此外，还为该国的检察官编写了手册。"
    facts_ = [f for f in facts(text) if f.predicate == "activeIn" and f.object == cid("乍得")]
    assert {f.passage.sent for f in facts_} == {1, 2}


# ---- short forms in a profile and in Traditional script; what a speaker says it does


def test_the_listed_group_of_a_profile_is_what_its_short_form_means() -> None:
    text = (
        "QDe.159 支持伊斯兰与穆斯林组织\n"
        "1. 支持伊斯兰与穆斯林组织于2017年3月由伊斯兰卫士组织和穆拉比通组织合并而成。\n"
        "2. 该组织在马里中部和布基纳法索活动，并通过绑架勒索赎金筹集资金。\n"
    )
    jnim = cid("支持伊斯兰与穆斯林组织")
    assert {s for s, _ in pairs(text, "operatesIn")} == {jnim}
    assert {s for s, _ in pairs(text, "benefitsFrom")} == {jnim}


def test_a_short_form_stands_for_a_name_written_in_traditional_script() -> None:
    text = "12. 聯合國毒品和犯罪問題辦公室在乍得開展了培訓。該辦公室還與歐洲聯盟合作。"
    assert (cid("毒品和犯罪问题办公室"), cid("欧洲联盟")) in pairs(text, "partnerOf")


@pytest.mark.parametrize(
    "text",
    [
        "马里和尼日尔宣布成立联合部队，并表示将继续执行《联合国全球反恐战略》。",
        "馬里和尼日爾宣布成立聯合部隊，並表示將繼續執行《聯合國全球反恐戰略》。",
    ],
)
def test_what_a_speaker_says_it_will_do_is_its_own_act(text: str) -> None:
    got = {s for s, o in pairs(text, "implements") if o == cid("联合国全球反恐战略")}
    assert got == {cid("马里"), cid("尼日尔")}


def test_a_group_spreading_towards_a_place_reaches_it() -> None:
    text = "伊黎伊斯兰国西非省继续向乍得湖流域扩张。"
    assert pairs(text, "operatesIn") == {(cid("伊斯兰国西非省"), cid("乍得湖流域"))}


def test_fighters_are_a_noun_not_a_verb_of_presence() -> None:
    # 战斗人员: the fighters a group sends, not the group fighting there
    assert not pairs("博科圣地向乍得派遣了战斗人员。", "operatesIn")


def test_a_funder_named_with_you_supports_and_does_not_act() -> None:
    text = "反恐怖主义办公室启动了一个项目。该项目由欧洲联盟资助，将与欧安组织联合实施。"
    got = pairs(text, "partnerOf")
    unoct, eu = cid("反恐怖主义办公室"), cid("欧洲联盟")
    assert {(unoct, cid("欧安组织")), (unoct, eu)} <= got
    assert (eu, cid("欧安组织")) not in got  # the funder does not carry the project out


def test_the_region_is_the_region_named_before() -> None:
    text = "12. 伊黎伊斯兰国呼罗珊省在中亚日益活跃。该团体已在该区域招募了数百名成员。"
    facts_ = [f for f in facts(text) if f.predicate == "operatesIn" and f.object == cid("中亚")]
    assert {f.passage.sent for f in facts_} == {1, 2}


def test_a_group_described_by_its_link_to_a_named_one_is_not_that_one() -> None:
    text = (
        "12. 伊斯兰马格里布基地组织据称卷入了毒品流动。一个与伊斯兰马格里布基地组织有关联的团体在萨赫勒活动。"
    )
    assert not {o for _, o in pairs(text, "operatesIn")} & {cid("萨赫勒")}


def test_a_place_inside_the_noun_of_another_marker_is_not_where_the_clause_happens() -> None:
    text = "伊拉克和黎凡特伊斯兰国呼罗珊省通过即时通讯软件向在土耳其务工的中亚青年招募人员。"
    assert pairs(text, "operatesIn") == set()
    # a 在-place of its own is
    own = "伊拉克和黎凡特伊斯兰国呼罗珊省在土耳其通过即时通讯软件招募人员。"
    assert pairs(own, "operatesIn") == {(cid("伊拉克和黎凡特伊斯兰国呼罗珊省"), cid("土耳其"))}


def test_a_country_before_its_provinces_and_a_part_of_a_place_keep_the_list() -> None:
    text = "该团体以尼日利亚博尔诺州南部和约贝州为主要基地，其中多数袭击发生在迈杜古里。"
    found = objects("伊斯兰国西非省在乍得湖流域活动。" + text, "operatesIn", cid("伊斯兰国西非省"))
    assert {cid("尼日利亚"), cid("博尔诺州"), cid("约贝州"), cid("迈杜古里")} <= found, found


def test_the_body_an_office_has_set_up_acts_not_the_office() -> None:
    text = "反恐办下设的联合国反恐怖主义中心为吉布提的边境官员举办了讲习班。"
    assert pairs(text, "activeIn") == {(cid("联合国反恐怖主义中心"), cid("吉布提"))}


def test_a_recommendation_and_work_suspended_are_no_activity() -> None:
    assert pairs("我还建议在南亚设立一个区域协调机制，由反恐怖主义办公室牵头。", "activeIn") == set()
    assert pairs("由于安全局势恶化，开发计划署已暂停其在马里北部的项目。", "activeIn") == set()


def test_a_threat_is_no_attack_and_a_branch_elsewhere_is_not_the_sender_s_place() -> None:
    assert pairs("伊黎伊斯兰国索马里省多次威胁要在吉布提境内发动袭击。", "operatesIn") == set()
    text = (
        "伊黎伊斯兰国索马里省在邦特兰活动，还通过哈瓦拉系统向伊拉克和黎凡特伊斯兰国在乌干达的分支转移资金。"
    )
    assert (cid("伊黎伊斯兰国索马里省"), cid("乌干达")) not in pairs(text, "operatesIn")
