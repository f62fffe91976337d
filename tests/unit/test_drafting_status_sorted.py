"""A 督查通报 sorted by status: the done items, then the late ones, each named by its number in
the longer list the report follows, so the numbers go back at each group ("其中3项已完成,
分别是:" 4. 9. 12.; "滞后项目:" 2. 7.), under headings without a marker.

Every example is a short made-up report, not a line of a real one."""

import datetime as dt

import pytest

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.groups import announces_group
from bot.drafting.report_text import ReportFormatError, parse_report

TODAY = dt.date(2026, 12, 6)

SORTED = "\n".join(
    [
        "2021年县级民生实事1-9月进展情况通报",
        "全县民生实事共15项,其中3项已完成,分别是:",
        "4.新建城区公厕(第四项)、",
        "12.改造老旧小区(第十二项)、",
        "9.建设农贸市场(第九项)。",
        "滞后项目:",
        "2.一是新建学校食堂(第二项)正在进行招标;",
        "7.二是建设污水管网3公里(第七项)尚未开工。",
        "二、县直单位实事",
        "县直单位兴办实事8件,已完成5件,其余正按序时推进。",
    ]
)


def _drafted(text: str):
    drafted = draft(parse_report(text), text, today=TODAY)
    return drafted, {t.number: t for t in drafted.ledger.targets}


def test_numbers_going_back_at_each_status_group_open_items():
    report = parse_report(SORTED)
    assert [t.number for t in report.targets] == [4, 12, 9, 2, 7]


def test_each_item_takes_its_groups_status_and_under_way_is_no_answer_to_late():
    drafted, targets = _drafted(SORTED)
    statuses = {n: compute_status(t, drafted.judging_day) for n, t in targets.items()}
    assert statuses == {4: "已完成", 12: "已完成", 9: "已完成", 2: "滞后", 7: "滞后"}
    assert targets[2].status_reason == "所在分组“滞后项目”"
    assert targets[4].status_reason == "所在分组“其中3项已完成”"


def test_the_next_sections_title_ends_the_last_item():
    report = parse_report(SORTED)
    last = report.targets[-1]
    assert "县直单位" not in last.target_text + last.progress_text


def test_a_number_out_of_order_without_a_heading_or_its_own_number_stays_progress():
    text = "\n".join(
        [
            "2021年重点工作进展",
            "3.新建公园2个",
            "已完成1个,正在推进:",
            "1.选址已定",
            "5.改造道路4公里",
        ]
    )
    assert [t.number for t in parse_report(text).targets] == [3, 5]


def test_a_used_number_never_opens_an_item_again():
    text = "\n".join(
        ["2021年民生实事", "2.新建公园2个", "滞后项目:", "2.新建公园2个(第二项)尚未开工"]
    )
    assert [t.number for t in parse_report(text).targets] == [2]


@pytest.mark.parametrize(
    ("line", "announces"),
    [
        ("滞后项目:", True),
        ("全县共15项,其中3项已完成,分别是:", True),
        ("已完成的事项如下：", True),
        ("现将有关情况通报如下:", False),
        ("完成情况:", False),
        ("具体进展如下:", False),
    ],
)
def test_an_unmarked_heading_announces_a_group_by_how_far_it_is(line, announces):
    assert announces_group(line) is announces


# --- tasks quoted from the plan, sorted into groups by how far they are ---------------------

QUOTED_GROUPS = "\n".join(
    [
        "关于2021年《政府工作报告》确定任务三季度落实情况",
        "具体情况分为以下四个方面:",
        "一、已经完成或基本完成的任务,共计12项。主要是",
        "1.“建成城东污水处理厂,日处理能力3万吨”,",
        "2.“完成农村公路提质改造”等,这些任务占任务总数的9.1%。",
        "二、完成有一定困难,但通过努力年底前能够完成的有1项。分别为",
        "3.“全年招商引资到位资金80亿元”,占任务总数的0.8%。",
        "三、任务出现调整的有1项。因某种原因调整的项目是",
        "4.“举办好第3届农产品博览会”。",
        "四、年底前不能全部完成的任务有1项。",
        "5.“新建5G基站500个”",
    ]
)


def test_groups_announced_by_their_count_and_list_words_give_each_task_its_status():
    drafted, targets = _drafted(QUOTED_GROUPS)
    statuses = {n: compute_status(t, drafted.judging_day) for n, t in targets.items()}
    # Judged in September: a task adjusted, or said not to be done by the year's end, is
    # not done as set already; one "with some difficulty" is at risk.
    assert statuses == {1: "已完成", 2: "已完成", 3: "滞后", 4: "未完成", 5: "未完成"}


def test_a_quoted_task_is_the_target_whatever_words_of_doing_it_holds():
    _drafted_, targets = _drafted(QUOTED_GROUPS)
    assert targets[3].target_text == "全年招商引资到位资金80亿元"
    assert [(i.target, i.unit, i.actual) for i in targets[3].indicators] == [("80", "亿元", "")]


def test_a_share_of_the_reports_list_is_no_figure_of_the_work():
    _drafted_, targets = _drafted(QUOTED_GROUPS)
    assert targets[2].indicators == ()


def test_a_quotation_that_names_a_thing_runs_on_into_the_target():
    report = parse_report("2021年民生实事\n1.“一事一议”硬化村内巷道37.5万平方米。")
    assert report.targets[0].target_text == "“一事一议”硬化村内巷道37.5万平方米。"


# --- headings that count their group as the subject of one clause ---------------------------

COUNTED = "\n".join(
    [
        "某市2022年重点民生实事最新进展(截至7月底)",
        "本月新增1个项目完成全年任务",
        "1.“新建城北公园”项目7月建成开放。",
        "此前已有2个项目完成全年任务,分别是",
        "2.“提高低保标准”项目、",
        "3.“免费开放体育场馆”项目。",
        "3个项目超额完成7月份节点目标",
        "与此同时,",
        "4.“改造老旧小区50个”",
        "5.“新建停车泊位2000个”",
        "6.“新建社区食堂10个”",
    ]
)


def test_a_clause_counting_its_group_heads_the_items_below_it():
    drafted, targets = _drafted(COUNTED)
    statuses = {n: compute_status(t, drafted.judging_day) for n, t in targets.items()}
    # Beating a month's node target is keeping pace, not the year's target done.
    assert statuses == {
        1: "已完成",
        2: "已完成",
        3: "已完成",
        4: "推进中",
        5: "推进中",
        6: "推进中",
    }
    assert targets[5].status_reason == "所在分组“3个项目超额完成7月份节点目标”"


def test_a_progress_line_counting_things_done_heads_no_group():
    text = "\n".join(
        [
            "2020年目标",
            "1.完成50个自然村通硬化路。",
            "已完成50个自然村通硬化路。",
            "2.新建公园2个。",
        ]
    )
    report = parse_report(text)
    assert report.targets[0].progress_text == "已完成50个自然村通硬化路。"
    assert report.targets[1].group is None


def test_a_line_naming_its_item_by_number_splits_the_name_from_its_progress():
    report = parse_report(SORTED)
    late = {t.number: t for t in report.targets}
    assert (late[2].target_text, late[2].progress_text) == (
        "新建学校食堂(第二项)",
        "正在进行招标;",
    )
    assert late[4].target_text == "新建城区公厕(第四项)"


def test_a_figure_after_the_name_that_nothing_was_done_on_stays_the_target():
    _drafted_, targets = _drafted(SORTED)
    assert targets[7].target_text == "建设污水管网3公里(第七项)"
    assert [(i.target, i.unit, i.actual) for i in targets[7].indicators] == [("3", "公里", "")]
    text = SORTED.replace(
        "7.二是建设污水管网3公里(第七项)尚未开工。",
        "7.二是城区污水治理(第七项)建设管网3公里尚未开工。",
    )
    _drafted_, targets = _drafted(text)
    assert [(i.target, i.unit, i.actual) for i in targets[7].indicators] == [("3", "公里", "")]


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("（一）已完成的项目（5项）", "已完成"),
        ("一、已完成项目（5个）", "已完成"),
        ("（三）未开工项目2项", "滞后"),
        ("一、已完成(2项)", "已完成"),
        ("已完成项目（2项）", "已完成"),
        ("滞后（1项）", "滞后"),
        ("二、存在问题", "推进中"),  # no group: the items' own words, none here
    ],
)
def test_a_short_group_title_heads_the_items_below_it(heading, status):
    text = f"2021年民生实事进展情况(截至9月底)\n{heading}\n1.新建公园2个\n2.改造道路5公里"
    drafted, targets = _drafted(text)
    assert {compute_status(t, drafted.judging_day) for t in targets.values()} == {status}


def test_an_undated_notice_naming_items_by_number_keeps_their_figures_as_targets():
    text = (
        "2022年民生实事督查通报\n滞后项目:\n2.一是新建学校食堂(第二项)正在进行招标;\n"
        "7.二是城区污水治理(第七项)建设管网3公里尚未开工。"
    )
    _drafted_, targets = _drafted(text)
    assert [(i.target, i.unit, i.actual) for i in targets[7].indicators] == [("3", "公里", "")]
    assert {t.status_override for t in targets.values()} == {"滞后"}


def test_a_sentence_of_progress_counting_projects_heads_no_group():
    text = "2021年重点项目进展(截至9月底)\n1.实施重点项目10个\n3个项目已开工建设。\n2.新建公园2个"
    report = parse_report(text)
    assert report.targets[0].progress_text == "3个项目已开工建设。"
    assert report.targets[1].group is None


def test_a_quoted_project_name_is_the_target_and_what_follows_its_progress():
    text = "\n".join(
        [
            "某市2022年重点民生实事最新进展(截至7月底)",
            "本月新增1个项目完成全年任务",
            "1.“城北快速路通车”项目7月底具备通车条件,于8月1日通车。",
            "全长12公里。",
        ]
    )
    report = parse_report(text)
    item = report.targets[0]
    assert item.target_text == "城北快速路通车"
    assert item.progress_text == "7月底具备通车条件,于8月1日通车。\n全长12公里。"
    _drafted_, targets = _drafted(text)
    assert [d.date for d in targets[1].deadlines] == [dt.date(2022, 12, 31)]


QUOTED_RUNS = "\n".join(
    [
        "关于2021年《政府工作报告》确定任务三季度落实情况",
        "一、已经完成或基本完成的任务,共计12项。主要是“建成城东污水处理厂,日处理能力3万吨”,"
        "“完成农村公路提质改造”等,这些任务占任务总数的9.1%。",
        "二、目前进展情况良好的任务,共计98项。",
        "三、完成有一定困难,但通过努力年底前能够完成的有1项。分别为“全年招商引资到位资金80亿元”,"
        "占任务总数的0.8%。",
        "四、任务出现调整的有2项。因某种原因调整的项目是“举办好第3届农产品博览会”,“新建5G基站500个”。",
    ]
)


def test_quoted_runs_name_a_groups_tasks_even_when_only_some_are_named():
    drafted, targets = _drafted(QUOTED_RUNS)
    assert [t.target_text for t in targets.values()] == [
        "建成城东污水处理厂,日处理能力3万吨",
        "完成农村公路提质改造",
        "全年招商引资到位资金80亿元",
        "举办好第3届农产品博览会",
        "新建5G基站500个",
    ]
    statuses = [compute_status(t, drafted.judging_day) for t in targets.values()]
    assert statuses == ["已完成", "已完成", "滞后", "未完成", "未完成"]


def test_a_run_naming_fewer_than_its_count_without_etc_is_still_refused():
    text = "2021年任务落实情况\n一、已完成的任务,共计3项。主要是“新建公园”,“改造道路”。"
    with pytest.raises(ReportFormatError, match="第2行"):
        parse_report(text)
