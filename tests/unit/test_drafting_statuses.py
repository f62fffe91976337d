"""Drafted statuses: the words that say a target's work is done mark its deadlines done, and
a draft says 未完成 only on evidence (a figure that misses, or words that say so)."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report

TODAY = dt.date(2026, 12, 6)


def _drafted(body: str, heading: str = "2020年工作目标完成情况"):
    text = f"{heading}\n{body}"
    drafted = draft(parse_report(text), text, today=TODAY)
    return drafted, {t.number: t for t in drafted.ledger.targets}


def _status(drafted, target) -> str:
    return compute_status(target, drafted.judging_day)


def test_done_words_mark_the_deadlines_done_and_the_figures_decide():
    drafted, targets = _drafted(
        "1.建成1个城市书房,面积不少于300平方米。\n城市书房已完成建设,面积320平方米。\n"
        "2.8月底前建成2座城市书房。\n城市书房已于7月建成投用。\n"
        "3.完成污水管网建设12公里。\n管网建设已全部完成。\n"
    )
    assert all(d.done for t in targets.values() for d in t.deadlines)
    # 320 ≥ 300 is proven, and the one 书房 said done counts one: more than its area asked.
    assert [(i.target, i.actual) for i in targets[1].indicators] == [("1", "1"), ("300", "320")]
    assert _status(drafted, targets[1]) == "超额完成"
    assert "已完成建设" in targets[1].progress_text
    assert _status(drafted, targets[2]) in ("暂无数据", "已完成")
    assert _status(drafted, targets[3]) == "暂无数据"
    assert "12公里" in "".join(g.why for g in drafted.guesses[3] if g.field == "status")


def test_a_closed_year_without_the_figures_is_no_data_not_a_failure():
    drafted, targets = _drafted(
        "1.PM2.5年均浓度控制在49微克/立方米以内,优良天数比例达到71.2%。\n"
        "截止12月31日,PM2.5平均浓度43微克/立方米。\n"
        "2.新增城镇就业5000人。\n全年新增城镇就业4600人。\n"
        "3.完成造林0.71万亩。\n全县新建完善农田林网36万亩。\n"
    )
    assert _status(drafted, targets[1]) == "暂无数据"
    assert "优良天数比例" in targets[1].status_reason
    assert _status(drafted, targets[2]) == "未完成"  # a figure that misses is evidence
    assert _status(drafted, targets[3]) == "暂无数据"
    assert not any(d.done for t in targets.values() for d in t.deadlines)


def test_before_the_deadline_missing_figures_are_progress():
    drafted, targets = _drafted(
        "1.完成造林0.71万亩。\n全县新建完善农田林网36万亩。\n",
        heading="2020年民生实事进展情况（截至10月31日）",
    )
    assert drafted.as_of == dt.date(2020, 10, 31)
    assert _status(drafted, targets[1]) == "推进中"


def test_words_of_failure_still_win_over_done_words():
    drafted, targets = _drafted("1.完成筛查6.63万人次。\n问卷调查已完成,补助资金待拨付。\n")
    assert _status(drafted, targets[1]) == "未完成"


def test_not_done_while_time_remains_is_behind():
    drafted, targets = _drafted(
        "1.农村饮水安全巩固提升工程。未完成建设任务的县区为舒城县。\n"
        "2.棚户区改造。新开工,完成进度相对较慢的为开发区。\n"
        "县民生办\n",
        heading="2017年1至7月民生工程实施进度通报",
    )
    assert drafted.as_of == dt.date(2017, 7, 31)
    assert [_status(drafted, targets[n]) for n in (1, 2)] == ["滞后", "滞后"]
    assert "舒城县" in targets[1].status_reason
    assert "县民生办" not in targets[2].progress_text  # the signature is not progress


def test_waiting_on_the_province_is_no_data_yet():
    drafted, targets = _drafted(
        "1.支持毕业生求职创业\n目标任务:发放求职创业补贴\n备注:待省统一部署后启动实施\n",
        heading="2024年1-9月民生实事实施进展情况",
    )
    assert _status(drafted, targets[1]) == "暂无数据"
    assert "待省统一部署" in targets[1].status_reason


def test_a_list_of_targets_without_progress_is_no_data():
    drafted, targets = _drafted("1.完成新安大道一期工程。\n2.开工建设西城区九年制学校。\n")
    assert drafted.as_of is None
    assert [_status(drafted, t) for t in targets.values()] == ["暂无数据", "暂无数据"]


def test_a_progress_report_in_one_sentence_an_item_tells_its_own_progress():
    drafted, targets = _drafted(
        "1.清社公路改造工程基本完工;\n2.西华路拓宽改造工程,完成土地征用及施工图设计;\n",
        heading="今年上半年,十件实事进展顺利。",
    )
    assert drafted.as_of is not None and drafted.as_of.month == 6
    assert [_status(drafted, t) for t in targets.values()] == ["推进中", "推进中"]


def test_begun_or_nearly_done_is_under_way():
    drafted, targets = _drafted(
        "1.建成投用中心敬老院。\n项目已全面开工建设。\n2.完成老旧小区改造。\n项目已基本完成。\n"
        "3.开工建设西城区九年制学校。\n项目已开工。\n",
        heading="2024年民生实事进展（截至9月30日）",
    )
    assert [_status(drafted, targets[n]) for n in (1, 2, 3)] == ["推进中", "推进中", "已完成"]
    assert "开工" in targets[1].status_reason


def test_still_under_way_when_its_time_is_over_is_not_done():
    drafted, targets = _drafted(
        "1.10月底前建成城市书房。\n城市书房正在装修。\n2.小微企业新升规模以上企业4家以上。\n"
        "全年计划完成8家,截至目前已有4家企业入库。\n",
        heading="2020年目标完成情况（截至12月31日）",
    )
    assert _status(drafted, targets[1]) == "未完成"
    assert "正在装修" in targets[1].status_reason
    assert _status(drafted, targets[2]) != "未完成"  # "计划完成8家" states a plan, no forecast


def test_a_report_without_its_day_does_not_turn_work_under_way_into_failure():
    drafted, targets = _drafted("1.10月底前建成城市书房。\n城市书房正在装修。\n")
    assert drafted.as_of is None and _status(drafted, targets[1]) == "推进中"


def test_a_target_against_the_average_is_under_way_while_the_year_runs():
    body = (
        "1.社会消费品零售总额增速高于全省平均水平。\n1-10月社会消费品零售总额同比增长5.2%。\n"
        "2.固定资产投资增速高于全省平均水平。\n固定资产投资同比增长6.3%。\n"
    )
    text = f"某县重点工作进展情况\n{body}"
    inside = draft(parse_report(text), text, today=dt.date(2030, 11, 20))
    first, second = inside.ledger.targets
    assert _status(inside, first) == "推进中"  # the year's figure is still to come
    assert _status(inside, second) == "暂无数据"  # no period: nothing says how far
    after = draft(parse_report(text), text, today=dt.date(2031, 2, 1))
    assert _status(after, after.ledger.targets[0]) == "暂无数据"  # the year's figure is missing
