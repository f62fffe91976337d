"""A notice's tallies of its own list are no figures of an item; a quoted task with its amount is
no alias; the unit a notice brackets after a quoted item, and a table's 责任单位 column, name
the lead. Made-up texts."""

from bot.drafting.mentions import mentions
from bot.drafting.naming import aliases_for, load_departments, units_for
from bot.drafting.row_verdicts import lead_cell
from bot.understanding.lexicon import load_lexicon


def test_a_lists_tally_is_no_figure_of_an_item():
    assert mentions("“新建城市书房”、“改造农贸市场”等12项超额完成、占比40%;") == []
    assert mentions("超额完成、占比40%") == []
    assert mentions("县级民生实事25项,其中\n") == []
    # An item's own count of things done stays.
    assert [m.value for m in mentions("已完成项目12项,占年度计划的80%")] == ["12", "80"]


def test_a_quoted_task_with_its_amount_is_no_alias():
    aliases = aliases_for("“改造提升农贸市场6个”(市市场监管局)", load_lexicon())
    assert not any("6个" in a for a in aliases)


def test_the_unit_bracketed_after_a_quoted_item_is_its_lead():
    units, _ = units_for("“实施老旧管网改造”(市城市管理服务中心)", None, load_departments(), 0.9)
    assert [(u.name, u.role, u.source) for u in units] == [("市城市管理服务中心", "lead", "named")]


def test_a_responsible_units_column_names_the_lead():
    assert (
        lead_cell([("年度目标任务", "新建公园3个"), ("责任单位", "住建局")]) == "牵头单位:住建局\n"
    )
    assert lead_cell([("年度目标任务", "新建公园3个"), ("进展情况", "已建成2个")]) == ""
    units, _ = units_for("牵头单位:住建局\n新建口袋公园3个", None, load_departments(), 0.9)
    assert units[0].role == "lead" and units[0].source == "named"


def test_a_table_after_the_notice_names_each_rows_lead_in_its_units_column():
    import datetime as dt

    from bot.drafting.drafter import draft
    from bot.drafting.report_text import parse_report

    text = (
        "2024年度县级民生实事完成情况通报\n"
        "20项民生实事均全部完成年度目标任务。\n"
        "1.“新建城市书房”(县文广旅体局)被市里采纳为亮点案例。\n"
        "附件:县级民生实事项目完成情况\n"
        "序号 | 项目内容 | 年度完成情况 | 完成成效 | 责任单位 | 责任人 |\n"
        "2.新增普惠托位300个 | 新增普惠托位320个。 | 超额完成 | 县卫健局 | 张某 |\n"
        "3.新建口袋公园4个 | 建成口袋公园4个。 | 完成任务 | 县住建局 | 李某 |\n"
    )
    drafted = draft(parse_report(text), text, today=dt.date(2025, 1, 10))
    leads = {t.number: t.units[0] for t in drafted.ledger.targets}
    assert (leads[2].name, leads[2].source) == ("县卫健局", "named")
    assert (leads[3].name, leads[3].source) == ("县住建局", "named")
