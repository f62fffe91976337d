"""Responsible units as the report writes them: the level of government it names (州, 区, 市),
a merged bureau's whole name, a lead cell's name without the bracket around it. Made-up texts."""

from bot.drafting.naming import load_departments, units_for
from bot.understanding.lexicon import load_lexicon


def _names(text: str, topic=None) -> list[tuple[str, str]]:
    units, _ = units_for(text, topic, load_departments(), 0.9)
    return [(u.name, u.source) for u in units]


def test_a_named_unit_keeps_the_level_of_government_the_report_writes():
    assert _names("新开工棚户区改造1万套(责任单位:州住房城乡建设局)") == [
        ("州住房城乡建设局", "named")
    ]
    assert _names("井盖整治项目 | 区城管局 | 已完工")[0] == ("区城管局", "named")
    # Without a level, the county's.
    assert _names("牵头单位:水利局")[0] == ("县水利局", "named")


def test_a_named_unit_of_another_level_is_the_lead_the_topic_would_infer():
    topic = next(t for t in load_lexicon().topics if t.name == "教育")
    named = _names("新建农村学校食堂20处。(市教育局)", topic)
    assert named[0] == ("市教育局", "named")
    assert ("县教育局", "inferred") not in named


def test_a_merged_bureau_is_named_whole_not_by_its_last_department():
    # It is no department of the table, so it keeps the level the report writes, or none.
    assert _names("放心家政行动\n牵头单位:科商经信局") == [("科商经信局", "named")]
    assert _names("牵头单位:区文广旅体局")[0] == ("区文广旅体局", "named")
    # Words before a department that are not heads of departments are no part of its name.
    assert _names("牵头单位:县卫健委\n待省卫健委统一部署")[0] == ("县卫健委", "named")


def test_units_a_notice_names_in_brackets_as_responsible_are_named():
    text = "为全市少数民族村提供法律服务。(市民族宗教局负责)"
    topic = next(t for t in load_lexicon().topics if t.name == "社会治理")
    assert _names(text, topic) == [("市民族宗教局", "named")]
    # Words in brackets that are not units' names say nothing of who is responsible.
    assert ("由各乡镇", "named") not in _names("开展村庄清洁行动(由各乡镇负责)")


def test_a_departments_branch_is_named_whole():
    # "市生态环境局西平分局" is the city bureau's branch in the county, not the city bureau.
    assert _names("牵头单位:市生态环境局西平分局")[0] == ("市生态环境局西平分局", "named")
    assert _names("(牵头：县公安局交警大队)")[0] == ("县公安局交警大队", "named")
    # A department followed by other words, or by a list of units, is the department alone.
    assert _names("牵头单位:县公安局、县交通运输局")[0] == ("县公安局", "named")
    assert ("县生态环境局", "named") in _names("县生态环境局加强大气污染防治")
    assert _names("县公安局指导各派出所。")[0] == ("县公安局", "named")
