"""Shares of the year's task and the verdict a report gives over them (bot/drafting/shares.py),
an item's own excess under an opening that says all is done (bot/drafting/counted_runs.py),
and figures per head or set for each of two things (bot/drafting/mentions.py)."""

from bot.drafting.drafter import draft_ledger
from bot.drafting.report_text import parse_report
from bot.drafting.shares import share_status


def test_a_verdict_over_all_the_shares_outranks_a_share_under_the_whole():
    found = share_status("第1次随访完成率为103.2%;第2次完成率为88.5%,均超额完成了既定目标。")
    assert found == ("超额完成", "均超额完成了既定目标")
    assert share_status("甲3000人,完成率92%;乙2000人,完成率95%,均已完成年度任务。")[0] == "已完成"
    # Without it, the smallest share says the work is still under way.
    assert share_status("甲3000人,完成率103%;乙2000人,完成率88%。")[0] == "推进中"
    assert share_status("甲3000人,完成率103%;乙2000人,完成率88%,均要完成年度任务。")[0] == "推进中"


ALL_DONE = """某省召开发布会,介绍了2030年8项民生实事的落实情况。这些项目均已如期完成。
1.为困难群众发放救助金。年初计划救助600人,最终共救助612人,完成率102%。
2.改造农村公路。全年改造农村公路120公里,并提升了安全设施。
"""


def test_an_item_under_a_done_list_whose_own_share_is_over_the_task_did_more():
    ledger = draft_ledger(parse_report(ALL_DONE), 2030, ALL_DONE)
    by = {t.number: t for t in ledger.targets}
    assert by[1].status_override == "超额完成" and "完成率102%" in by[1].status_reason
    assert by[2].status_override == "已完成"  # no share of its own: done, no more


def test_a_rate_per_so_many_people_answers_no_count():
    from bot.drafting.pairing import pair_indicators

    target = "全年新增养老床位达到了1200张。"
    progress = "每千名老年人养老床位数提高至35张,每万人口养老床位数提高至8张。"
    (bed,) = [p.indicator for p in pair_indicators(target, progress) if p.indicator.target]
    assert bed.target == "1200" and bed.actual == ""
    # Both written per so many people: the one answers the other.
    rate = pair_indicators("每千人口托位数达到4.5个。", "目前每千人口托位数达到3.8个。")
    assert [p.indicator.actual for p in rate] == ["3.8"]


def test_a_figure_set_for_each_of_two_things_is_a_target_of_each():
    from bot.drafting.pairing import pair_indicators

    found = pair_indicators(
        "新建供水管道和排水管网各20公里。", "已建成供水管道12公里,排水管网15公里。"
    )
    got = [(p.indicator.name, p.indicator.target, p.indicator.actual) for p in found]
    assert got == [("新建供水管道", "20", "12"), ("排水管网", "20", "15")]
