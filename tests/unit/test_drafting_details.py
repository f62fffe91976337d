"""Sections after a report's list that name an item ("(一)<the item's name>…") tell that item's
progress; the list's own verdict on the item stays its status. Made-up texts."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report

LEAD_THEN_DETAILS = (
    "2023年县为民办实事事项5月份进展情况通报\n"
    "截至5月底,县为民办实事8项事项\n"
    "1.城乡居民免费体检、\n"
    "2.适龄儿童流感疫苗接种、\n"
    "3.农村公路安保工程3项事项正在有序推进。\n"
    "一、进展情况\n"
    "(一)适龄儿童流感疫苗接种牵头责任部门:县卫生健康委员会\n"
    "截至5月20日,已接种首剂5000剂次(年度任务5000剂次),完成率100%。\n"
    "(二)城乡居民免费体检牵头责任部门:县卫生健康委员会\n"
    "已完成体检3200人。\n"
)


def test_a_section_naming_an_item_is_its_progress_under_the_lists_verdict():
    report = parse_report(LEAD_THEN_DETAILS)
    details = {t.number: t.details for t in report.targets}
    assert "已接种首剂5000剂次" in details[2] and "已完成体检3200人" in details[1]
    assert not details[3]
    drafted = draft(report, LEAD_THEN_DETAILS, today=dt.date(2026, 12, 6))
    targets = {t.number: t for t in drafted.ledger.targets}
    assert "已接种首剂5000剂次" in targets[2].progress_text
    assert "进展情况" not in targets[3].progress_text
    pairs = {(i.target, i.actual, i.unit) for i in targets[2].indicators if i.target}
    assert pairs == {("5000", "5000", "剂次")}
    assert any(u.name == "县卫生健康委员会" for u in targets[2].units)
    # "完成率100%" is of the first dose; the list files the item as under way.
    assert compute_status(targets[2], drafted.judging_day) == "推进中"
