"""Results a report states without a verb of doing: a measure's value at the year's close, a duty
kept at set times, a field's count in 万 written without its noun, and work finished beyond a
target to begin it. Made-up texts."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.pairing import pair_indicators
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import routine_kept, states_years_value, told_by_field

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
    # "惠及群众2.1万" closes a clause of work done; "争取资金3亿" is no count of work done
    assert [p.indicator.actual for p in pair_indicators("", "累计惠及群众2.1万")] == ["2.1"]
    assert pair_indicators("", "争取上级资金3亿,用于道路建设") == []


def test_work_finished_beyond_a_target_to_begin_it_does_not_answer_it():
    pairs = pair_indicators("开工建设公租房900套", "已竣工1100套")
    assert [(p.indicator.target, p.indicator.actual) for p in pairs] == [("900", ""), ("", "1100")]
    # finished within what was begun still answers it
    pairs = pair_indicators("开工建设公租房900套", "已竣工600套")
    assert [(p.indicator.target, p.indicator.actual) for p in pairs] == [("900", "600")]
