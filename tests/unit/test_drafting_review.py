"""The review summary of a draft: what a person must check first, said before anything else.

Every example is a short made-up report, not a line of a real one."""

import datetime as dt

from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report
from bot.drafting.review import review_summary

TODAY = dt.date(2026, 12, 6)


def test_a_report_without_a_year_says_so_first_in_the_review_summary():
    # 上半年 has ended by 6 December: the likeliest year is this one, flagged all the same.
    text = "今年上半年民生实事进展\n1.新建公园2个\n已建成2个。"
    summary = review_summary(draft(parse_report(text), text, today=TODAY)).split("\n")
    assert summary[0].startswith("注意：台账年份2026是推测的（报告未写年份，按2026年推定）")
    assert "--year" in summary[0]


def test_a_year_the_report_names_raises_no_warning():
    text = "2021年民生实事进展\n1.新建公园2个\n已建成2个。"
    summary = review_summary(draft(parse_report(text), text, today=TODAY))
    assert not summary.startswith("注意")


def test_targets_without_a_unit_are_counted_and_their_comment_quotes_nothing_empty():
    from bot.drafting.review import draft_toml

    text = "2021年重点工作进展\n1.推进南北快速路前期工作\n已完成方案设计。"
    drafted = draft(parse_report(text), text, today=TODAY)
    assert not drafted.ledger.targets[0].units
    assert "1项未找到，请补填" in review_summary(drafted)
    toml = draft_toml(drafted)
    assert "# 待核：责任单位：未找到责任单位" in toml
    assert "“”" not in toml


def test_an_actual_without_its_targets_magnitude_goes_to_review():
    from bot.drafting.review import draft_toml

    text = "2021年重点项目进展\n1.滨江大道改造年度投资6.2亿元\n累计完成投资7.1元。"
    toml = draft_toml(draft(parse_report(text), text, today=TODAY))
    assert "疑为“7.1亿元”之误" in toml
    assert 'actual = "7.1"' in toml  # the figure stays as written


def test_the_summary_names_a_doubtful_pairing_before_doubtful_names():
    drafted = draft(parse_report(_PAIRING_AND_NAMES), _PAIRING_AND_NAMES, today=TODAY)
    doubts = {n: {g.field for g in drafted.doubtful(n)} for n in (1, 2)}
    assert "pairs" in doubts[2] and "pairs" not in doubts[1]
    assert len(doubts[1]) >= len(doubts[2])  # more doubts, each of less weight
    order = review_summary(drafted).split("请先核对：\n", 1)[1].split("\n")
    assert order[0].startswith("  第2项") and order[1].startswith("  第1项")


# 1: a title, a field and a unit guessed; 2: a pair beside a scale, a field and a unit.
_PAIRING_AND_NAMES = (
    "某县2021年重点工作1-9月进展情况\n"
    "1. 抓好此项,已完成。\n"
    "2. 145个项目计划总投资230亿元,年度计划投资75亿元,完成51亿元。\n"
)
