"""Results a report states without a verb of doing: a measure's value at the year's close, a duty
kept at set times, a field's count in 万 written without its noun, and work finished beyond a
target to begin it. Made-up texts."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.pairing import pair_indicators
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import (
    routine_kept,
    states_years_value,
    task_then_verdict,
    tells_results,
    told_by_field,
)
from bot.drafting.words import status_from_words

YEAR_END = (
    "某区2031年绩效任务四季度进展情况\n"
    "一、财政管理\n"
    "1. 清理收回结转资金比例为41.2%。\n"
    "二、安全管理\n"
    "2. 每月开展燃气安全排查并按时报送隐患整改台账。\n"
    "3. 力争每月开展一次消防演练。\n"
)


def _drafted(text: str, today: dt.date):
    drafted = draft(parse_report(text), text, today=today)
    return drafted, {t.number: t for t in drafted.ledger.targets}


def test_a_measure_and_its_value_at_the_years_close_is_a_result():
    drafted, targets = _drafted(YEAR_END, dt.date(2031, 12, 31))
    [indicator] = targets[1].indicators
    assert (indicator.target, indicator.actual, indicator.unit) == ("", "41.2", "%")
    assert compute_status(targets[1], drafted.judging_day) == "已完成"


def test_a_value_set_with_a_bound_or_a_plan_is_no_such_result():
    assert states_years_value("清理收回结转资金比例为41.2%。")
    assert not states_years_value("清理收回结转资金比例为40%以上。")
    assert not states_years_value("全年计划盘活资金比例为40%。")
    assert not states_years_value("清理收回结转资金比例为41.2%,其余资金统筹使用。")


def test_a_duty_kept_at_set_times_is_done_at_the_years_close():
    drafted, targets = _drafted(YEAR_END, dt.date(2031, 12, 31))
    assert compute_status(targets[2], drafted.judging_day) == "已完成"
    # a promise of a routine is no duty kept
    assert compute_status(targets[3], drafted.judging_day) == "推进中"
    assert routine_kept("按月报送工作进展并定期开展巡查")
    assert not routine_kept("每月开展巡查,进度偏慢")


FIELDS = (
    "某省2032年民生实事推进情况(截至6月底)\n"
    "1. 改善居住条件方面,完成城镇危旧房改造4300户。\n"
    "2. 开展健康筛查方面,完成农村老年人免费体检8.6万\n"
)


def test_a_field_told_in_a_dated_news_report_gives_what_was_done():
    _, targets = _drafted(FIELDS, dt.date(2032, 7, 10))
    assert [(i.target, i.actual, i.unit) for i in targets[1].indicators] == [("", "4300", "户")]
    assert [(i.target, i.actual, i.unit) for i in targets[2].indicators] == [("", "8.6", "万")]
    assert told_by_field("改善居住条件方面,完成…")
    assert not told_by_field("完成城镇危旧房改造4300户")


def test_a_bare_magnitude_counts_only_after_work_done():
    # "惠及群众2.1万" closes a clause of work done; "覆盖面积3万" is no count of work done
    assert [p.indicator.actual for p in pair_indicators("", "累计惠及群众2.1万")] == ["2.1"]
    assert pair_indicators("", "项目覆盖面积3万,用于道路建设") == []
    # ... while a sum of money in a bare 亿 counts 元 (test_drafting_money_magnitudes.py)
    (money,) = pair_indicators("", "争取上级资金3亿,用于道路建设")
    assert (money.indicator.actual, money.indicator.unit) == ("3", "亿元")


def test_work_finished_beyond_a_target_to_begin_it_does_not_answer_it():
    pairs = pair_indicators("开工建设公租房900套", "已竣工1100套")
    assert [(p.indicator.target, p.indicator.actual) for p in pairs] == [("900", ""), ("", "1100")]
    # finished within what was begun still answers it
    pairs = pair_indicators("开工建设公租房900套", "已竣工600套")
    assert [(p.indicator.target, p.indicator.actual) for p in pairs] == [("900", "600")]


def test_a_sized_task_said_done_is_the_target_its_verdict_answers():
    assert task_then_verdict("480个行政村环境整治工作已全部完成;") == (
        "480个行政村环境整治工作",
        "已全部完成;",
    )
    # an amount after a verb of doing, or a plan, is no task sized in the subject
    assert task_then_verdict("完成造林3万亩已过半") == ("", "")
    assert task_then_verdict("全年计划新建公厕40座已完成") == ("", "")
    report = "某市2033年为民办实事进展(截至10月底)\n1. 480个行政村环境整治工作已完成;\n"
    drafted, targets = _drafted(report, dt.date(2033, 11, 5))
    assert [(i.target, i.actual) for i in targets[1].indicators] == [("480", "")]
    assert compute_status(targets[1], drafted.judging_day) == "已完成"
    # a year's results with no day: the verdict said of the sized task answers its figure
    report = "某市2033年为民办实事完成情况\n1. 480个行政村环境整治工作已完成;\n"
    drafted, targets = _drafted(report, dt.date(2034, 1, 10))
    assert compute_status(targets[1], drafted.judging_day) == "已完成"


def test_people_counted_in_wan_before_their_noun_and_a_forecast():
    pairs = pair_indicators(
        "解决12万农村人口饮水问题", "已超额完成,明年将解决20万农村人口饮水问题"
    )
    assert [(p.indicator.target, p.indicator.unit, p.indicator.actual) for p in pairs] == [
        ("12", "万", "")
    ]
    # 将 as 把 ("已将…", a figure right after it) is no forecast
    pairs = pair_indicators("", "已将困难群众860户纳入低保")
    assert [p.indicator.actual for p in pairs] == ["860"]


def test_work_going_well_with_the_years_results_is_done_at_the_close():
    report = (
        "某区2031年绩效任务四季度进展情况\n"
        "1. 燃煤锅炉清洁改造等工程推进顺利。二氧化硫减排量经市生态环境局核定为12.5%。\n"
        "2. 燃煤锅炉清洁改造等工程推进顺利。\n"
    )
    drafted, targets = _drafted(report, dt.date(2031, 12, 31))
    assert compute_status(targets[1], drafted.judging_day) == "已完成"
    # words alone, no result: still under way
    assert compute_status(targets[2], drafted.judging_day) == "推进中"


def test_the_money_of_a_task_all_paid_out_says_the_task_is_done():
    report = (
        "某市2034年民生实事督查通报(截至10月底)\n"
        "1. 城乡低保标准从每人每月700元提高到760元,全年所需资金1260万元,已拨付1260万元,"
        "拨付率100%;\n"
        "2. 城乡低保标准从每人每月700元提高到760元,全年所需资金1260万元,已拨付980万元,"
        "拨付率77.8%;\n"
    )
    drafted, targets = _drafted(report, dt.date(2034, 11, 3))
    assert compute_status(targets[1], drafted.judging_day) == "已完成"
    assert compute_status(targets[2], drafted.judging_day) == "推进中"


def test_a_part_put_off_by_a_decision_leaves_the_other_parts_to_decide():
    told = "甲桥:设计已完成,根据县政府常务会议研究意见,项目暂缓。乙桥改建正在施工"
    said = status_from_words(told)
    assert (said.value, said.words) == ("推进中", "乙桥改建正在施工")
    # put off with no decision named, or nothing else told: the deferral is the item's
    assert status_from_words("甲桥:设计已完成,项目暂缓。乙桥改建正在施工").value == "滞后"
    assert status_from_words("根据县政府常务会议研究意见,项目暂缓。").value == "滞后"


def test_a_result_word_does_not_reach_a_figure_on_the_next_line():
    # "新建…推进相关工作" then a cell "100.0%" below it: no result told
    assert not tells_results("乙桥新建按要求推进相关工作\n100.0%")
    assert tells_results("全年新建乡村公路18公里")
