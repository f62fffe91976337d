"""Drafting a county's year report as staff write it (made-up texts, several phrasings per
shape): counts still being applied for are no result, a figure short of its target keeps the
deadlines open, and work owned by another department than its topic's lead gets that one."""

import datetime as dt

import pytest

from bot.drafting.pending_counts import still_pending
from tests.auxil.drafts import drafted

TODAY = dt.date(2026, 12, 7)


def report(*items: str) -> str:
    lines = ["某县2021年重点目标任务完成情况"]
    lines += [f"{n}．{item}" for n, item in enumerate(items, 1)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "progress",
    [
        "已新增规上工业企业6家，另有4家正在申报入统。",
        "已新增规上工业企业6家，4家待入统。",
        "新增规上工业企业6家，还有4家企业申报中。",
    ],
)
def test_a_count_still_applying_is_no_result(progress):
    _, targets = drafted(report(f"新增规上工业企业10家。进展：{progress}"), TODAY)
    actuals = [i.actual for i in targets[1].indicators if i.actual]
    assert actuals == ["6"]


@pytest.mark.parametrize(
    ("after", "pending"),
    [("家正在申报入统", True), ("个待验收", True), ("家申报中", True), ("家已入统", False),
     ("个正在建设", False), ("家", False)],
)  # fmt: skip
def test_still_pending_reads_the_words_after_a_count(after, pending):
    assert still_pending(after) is pending


@pytest.mark.parametrize(
    "item",
    [
        "全年完成农村户厕改造3000户，10月底前完成。进展：已完成户厕改造2150户，工作按计划推进。",
        "年底前完成人工造林1.5万亩。进展：已完成人工造林1.2万亩。",
        "新建省级以上研发平台5个。进展：已建成研发平台3个，已完成年度工作。",
    ],
)
def test_a_figure_short_of_its_target_leaves_the_deadlines_open(item):
    _, targets = drafted(report(item), TODAY)
    assert targets[1].deadlines and not any(d.done for d in targets[1].deadlines)


def test_a_figure_met_still_marks_the_deadlines_done():
    _, targets = drafted(report("完成人工造林1.5万亩。进展：已完成人工造林1.6万亩。"), TODAY)
    assert all(d.done for d in targets[1].deadlines)


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("为65岁以上老年人免费健康体检2.5万人以上", "县卫健委"),
        ("农村老年人健康体检率达到70%", "县卫健委"),
        ("完成人工造林1.5万亩", "县林业局"),
        ("完成植树造林2000亩，森林覆盖率达到45%", "县林业局"),
        ("建成养老服务中心3个", "县民政局"),
        ("PM2.5平均浓度控制在35微克/立方米以内", "县生态环境局"),
    ],
)
def test_work_owned_by_another_department_than_its_topics_lead(text, lead):
    _, targets = drafted(report(f"{text}。进展：正在推进。"), TODAY)
    units = targets[1].units
    assert units[0].name == lead and units[0].source == "inferred"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("全年PM2.5平均浓度控制在35微克/立方米以内", "PM2.5平均浓度"),
        ("PM2.5平均浓度控制在35微克/立方米以内", "PM2.5平均浓度"),
        ("城区PM2.5平均浓度不高于38微克/立方米", "城区PM2.5平均浓度"),
        ("细颗粒物平均浓度控制在35微克/立方米以内", "细颗粒物平均浓度"),
        ("PM10年均浓度下降到60微克/立方米", "PM10年均浓度"),
    ],
)
def test_a_title_names_the_thing_not_its_comparator(text, title):
    _, targets = drafted(report(f"{text}。进展：正在推进。"), TODAY)
    assert targets[1].title == title


@pytest.mark.parametrize(
    "text",
    [
        "为65岁以上老年人免费健康体检2.5万人以上",
        "65岁以上老年人健康体检率达到70%",
        "完成0-6岁儿童眼保健和视力检查覆盖率90%",
        "60周岁及以上老年人健康管理率达到70%",
    ],
)
def test_a_title_never_keeps_an_age_cut_from_its_number(text):
    _, targets = drafted(report(f"{text}。进展：正在推进。"), TODAY)
    title = targets[1].title
    assert "岁" not in title and not title.startswith(("以上", "以下"))
    assert len(title) >= 4


@pytest.mark.parametrize(
    "item",
    [
        "新建省级以上研发平台5个，涉及指标12个。进展：已建成研发平台3个。",
        "新增高新技术企业8家，指标 12个。进展：新增高新技术企业9家。",
        "新增高新技术企业8家，共计指标12个。进展：正在推进。",
    ],
)
def test_a_count_naming_no_measure_is_no_indicator(item):
    _, targets = drafted(report(item), TODAY)
    names = [i.name for i in targets[1].indicators]
    assert names and not any("指标" in n for n in names)


def test_a_measure_called_indicators_keeps_its_figures():
    _, targets = drafted(report("完成考核指标12个。进展：已完成指标10个。"), TODAY)
    assert [(i.target, i.actual) for i in targets[1].indicators] == [("12", "10")]


@pytest.mark.parametrize(
    "item",
    [
        "为65岁以上老年人免费健康体检2.5万人以上。进展：已完成健康体检2.7万人。",
        "对60周岁及以上老年人开展健康管理3万人。进展：正在推进。",
    ],
)
def test_an_indicator_name_keeps_no_age_cut_from_its_number(item):
    _, targets = drafted(report(item), TODAY)
    names = [i.name for i in targets[1].indicators]
    assert names and not any(n.startswith(("岁", "周岁")) for n in names)


@pytest.mark.parametrize(
    "text", ["为65岁以上老年人免费健康体检2.5万人以上", "65岁以上老年人健康体检率达到70%"]
)
def test_health_check_ups_for_the_elderly_are_health_work(text):
    _, targets = drafted(report(f"{text}。进展：正在推进。"), TODAY)
    assert targets[1].category == "社会事业"  # 医疗卫生's, not 养老's 民生保障
