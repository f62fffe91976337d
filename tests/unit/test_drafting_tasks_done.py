"""What a sentence says is done: a rate told after work done, a figure followed by "完成年度…
任务", another task of the item still being worked on, one thing said done, and the one share
left as coverage. Made-up texts."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import split_sentence
from bot.drafting.wholes_and_parts import whole_part_pairs


def test_a_rate_after_work_done_goes_with_the_work_done():
    target, done = split_sentence("全年需发放补贴资金260万元,截至10月已发放260万元,发放率100%;")
    assert "发放率100%" in done
    assert "发放率100%" not in target


def test_a_rate_of_the_plan_after_work_done_stays_a_target():
    target, done = split_sentence("已改造管网12公里,全年改造完成率达到90%")
    assert "完成率达到90%" not in done


def _pairs(sentence: str) -> list[tuple[str, str, str, str]]:
    return [
        (p.indicator.name, p.indicator.target, p.indicator.unit, p.indicator.actual)
        for p in whole_part_pairs(sentence)
    ]


def test_a_figure_followed_by_the_years_task_done_is_done():
    sentence = "企业退休人员每人每月增发取暖补贴40元,完成年度发放任务;"
    assert _pairs(sentence) == [("企业退休人员每人每月增发取暖补贴", "40", "元", "40")]


def test_a_task_set_by_a_plan_word_or_a_share_of_the_task_is_not_so_read():
    assert _pairs("全年任务为40个村,完成年度整治任务") == []
    assert _pairs("改造农村危房3000户,完成年度任务的100%") == []


REPORT = (
    "2025年民生实事1-7月进展情况\n"
    "1.提高保障水平方面,城乡居民每人每月增发补贴8元,完成年度调整任务;"
    "困难职工帮扶办法正在征求意见。\n"
    "2.新建社区食堂20个,已建成20个。\n"
)


def test_figures_met_while_another_task_is_still_being_worked_on_is_under_way():
    drafted = draft(parse_report(REPORT), REPORT, today=dt.date(2025, 8, 5))
    targets = {t.number: t for t in drafted.ledger.targets}
    assert [(i.target, i.actual) for i in targets[1].indicators] == [("8", "8")]
    assert compute_status(targets[1], drafted.judging_day) == "推进中"
    assert compute_status(targets[2], drafted.judging_day) == "已完成"


def _one(text: str, today: dt.date = dt.date(2026, 1, 20)):
    drafted = draft(parse_report(text), text, today=today)
    target = drafted.ledger.targets[0]
    return target, compute_status(target, drafted.judging_day)


def test_one_thing_said_done_counts_one():
    text = (
        "2025年民生实事完成情况\n"
        "1.建成1个乡镇综合文化站,面积不少于800平方米。\n"
        "位于城东的乡镇综合文化站(建筑面积860平方米),已完成施工并投入使用。\n"
    )
    target, status = _one(text)
    assert [(i.target, i.actual) for i in target.indicators] == [("1", "1"), ("800", "860")]
    assert status == "超额完成"


def test_the_one_share_target_left_takes_the_one_coverage_share_left():
    text = (
        "2025年民生实事完成情况\n"
        "1.家庭医生签约服务站占行政村比例达到80%,重点人群签约占常住人口比例达到60%。\n"
        "已建成签约服务站182个,占全县行政村200个的91%。截至12月底,完成重点人群签约41,200人,"
        "覆盖面64.5%。\n"
    )
    target, status = _one(text)
    pairs = [(i.target, i.actual) for i in target.indicators if i.target]
    assert pairs == [("80", "91"), ("60", "64.5")]
    assert status == "超额完成"


def test_a_parts_share_done_pairs_with_the_target_another_parts_share_answers():
    text = (
        "2025年民生实事完成情况\n"
        "1.完成“两项”体检1.2万人,老年人健康管理率达到70%以上。\n"
        "老年人健康管理率78.5%;男性体检完成全年任务数的102.5%,女性体检完成99.1%。\n"
    )
    target, _status = _one(text)
    shares = [(i.name, i.target, i.unit, i.actual, i.actual_unit) for i in target.indicators]
    assert ("女性体检", "1.2", "万人", "99.1", "%") in shares
    assert sum(1 for s in shares if s[1:3] == ("1.2", "万人")) == 2
