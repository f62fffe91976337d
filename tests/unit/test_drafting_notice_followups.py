"""A 督查通报's follow-ups and counts: what was done after the office's push, days inside a
clause of work done, old levels of a raised standard, tasks counted by status (h12-draft6)."""

import datetime as dt

from bot.drafting.drafter import draft
from bot.drafting.mentions import mentions
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import split_sentence
from bot.drafting.words import status_from_words

TODAY = dt.date(2026, 12, 6)


def test_the_words_after_the_office_push_decide():
    said = status_from_words("前期进度偏慢,经督办后于9月底全部完工")
    assert (said.value, said.words) == ("已完成", "经督办后于9月底全部完工")
    assert status_from_words("经督促,目前正在加快施工").value == "推进中"
    # Without a push the slow words stand.
    assert status_from_words("进度偏慢,于9月底全部完工").value == "滞后"


def test_after_a_push_without_a_verdict_the_figures_decide():
    assert status_from_words("工程进展缓慢,经约谈后已拨付资金300万元") is None


def test_a_day_inside_a_clause_does_not_hide_the_work_done():
    target_words, done_words = split_sentence("全年计划投资500万元,于10月底已完成投资520万元。")
    assert target_words == "全年计划投资500万元,"
    assert done_words == "于10月底已完成投资520万元。"


def test_the_old_level_of_a_raised_standard_is_no_figure():
    found = mentions("城乡居民基础养老金由每人每月150元提高到170元")
    assert [(m.value, m.unit) for m in found] == [("170", "元")]
    found = mentions("补助标准分别由不低于300元、200元提高到不低于320元、215元")
    assert [m.value for m in found] == ["320", "215"]
    assert [m.value for m in mentions("新建公厕由原计划的10座增加到12座")] == ["12"]


def test_tasks_counted_by_status_are_no_figure_of_the_work():
    assert mentions("全县民生实事进展缓慢的2项") == []
    assert mentions("达到序时进度18项,未达到序时进度3项") == []
    assert [m.value for m in mentions("新建农村公路12项")] == ["12"]
    assert [m.value for m in mentions("年内已完成12项")] == ["12"]  # may be the work itself


def test_a_notice_item_done_after_the_push_is_done():
    text = (
        "关于2024年民生实事推进情况的通报(截至10月底)\n"
        "1.市政府通报了进度较为缓慢工作1项(新建社区食堂4个),经督办后于10月底全部建成。\n"
    )
    drafted = draft(parse_report(text), text, today=TODAY)
    (target,) = drafted.ledger.targets
    assert target.status_override == "已完成"
    assert [(i.target, i.unit) for i in target.indicators] == [("4", "个")]
