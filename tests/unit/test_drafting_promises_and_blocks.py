"""Shapes of the round retired in session 29: tasks named in status runs ("A、B等10项已完成或
超额完成", "…等4项超过倒排工期计划进度", "其余13项…"), kinds of project under status heads
("进展不够理想的有:" A;B。), promise and result lines ("政府承诺:" / "政府办理:") and target
headings over their results. Made-up texts."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.report_text import parse_report
from bot.drafting.run_ends import past_its_run
from bot.drafting.words import status_from_words
from tests.auxil.drafts import drafted as _drafted
from tests.auxil.drafts import drafted_statuses as _statuses

# --- tasks named in status runs ----------------------------------------------------------

RUNS = (
    "某市人大视察十件实事完成情况\n"
    "据介绍,今年十件实事涉及20项单项工作,其中\n"
    "1.农村公路建设、\n"
    "2.城区绿化、\n"
    "3.学校食堂改造等8项已完成或超额完成,\n"
    "4.污水管网建设、\n"
    "5.送戏下乡等2项超过倒排工期计划进度,\n"
    "其余10项工作正在按照计划推进。\n"
    "视察组认为,相关部门行动积极。对已完成建设的项目,要健全长效管护机制。\n"
)


def test_done_or_beaten_said_of_a_run_is_only_sure_of_done():
    assert status_from_words("已完成或超额完成").value == "已完成"
    assert status_from_words("超额完成").value == "超额完成"


def test_ahead_of_the_planned_pace_is_under_way():
    assert status_from_words("超过倒排工期计划进度").value == "推进中"
    assert status_from_words("快于计划进度").value == "推进中"


def test_a_line_on_the_items_not_named_ends_the_last_item():
    report = parse_report(RUNS)
    assert report.targets[-1].progress_text == ""


def test_each_name_of_a_run_takes_the_runs_status():
    assert _statuses(RUNS, dt.date(2019, 10, 28)) == {
        1: "已完成", 2: "已完成", 3: "已完成", 4: "推进中", 5: "推进中"
    }  # fmt: skip


# --- kinds of project under status heads -------------------------------------------------

KINDS = (
    "1-10月重点项目建设进展总体良好。\n"
    "进展较好的有:\n"
    "1.工业类完成投资19.1亿元,占年度计划的94.5%;\n"
    "2.农业类完成投资3.3亿元,占年度计划的85.3%。\n"
    "进展不够理想的有:\n"
    "3.城建类完成投资9.7亿元,占年度计划的57.2%;\n"
    "4.交通类完成投资3.4亿元,占年度计划的24.1%。\n"
    "5.固定资产投资完成情况:1-9月累计完成27.9亿元,同比增长37.6%。\n"
)


def test_kinds_listed_under_a_lagging_head_are_behind_and_the_list_ends_at_its_full_stop():
    assert _statuses(KINDS, dt.date(2012, 10, 30)) == {
        1: "推进中", 2: "推进中", 3: "滞后", 4: "滞后", 5: "推进中"
    }  # fmt: skip


def test_a_run_cut_at_its_semicolons_ends_with_its_sentence():
    lines = ["不够理想的有:", "1.甲;", "2.乙。", "3.丙情况:…"]
    assert not past_its_run(lines, 0, 2, {1, 2, 3})
    assert past_its_run(lines, 0, 3, {1, 2, 3})
    # items that each end their own sentence stay under the heading
    lines = ["滞后项目:", "1.甲。", "2.乙。"]
    assert not past_its_run(lines, 0, 2, {1, 2})


# --- promise and result lines under a subhead --------------------------------------------

PROMISES = (
    "某市去年承诺的10件实事落实情况\n"
    "从办理情况来看,10件实事基本上做到了件件落实。\n"
    "1. 800个便民点走进社区\n"
    "政府承诺:600个社区便民服务点建设工程\n"
    "政府办理:目前,已建成800个社区便民服务点,服务居民12万人次。\n"
    "2. 老人吃饭不再难\n"
    "政府承诺:20所街道老年食堂建设\n"
    "政府办理:2020年,建设20所街道老年食堂,并完成了市老年公寓的改造。\n"
    "3. 3万群众喝上放心水\n"
    "政府承诺:农村饮水安全工程\n"
    "政府办理:山区3.2万群众的饮水问题已基本解\n"
)


def test_the_promise_is_the_target_and_the_labelled_result_its_progress():
    items = parse_report(PROMISES).targets
    assert [t.target_text for t in items] == [
        "600个社区便民服务点建设工程", "20所街道老年食堂建设", "农村饮水安全工程"
    ]  # fmt: skip
    assert items[0].progress_text.startswith("目前,已建成800个")


def test_promise_and_result_pair_their_figures_and_the_lead_covers_the_cut_item():
    drafted, targets = _drafted(PROMISES, dt.date(2021, 1, 19))
    pairs = [(i.target, i.actual) for i in targets[1].indicators if i.comparable]
    assert pairs == [("600", "800")]
    assert [(i.target, i.actual) for i in targets[2].indicators if i.comparable] == [("20", "20")]
    statuses = {n: compute_status(t, drafted.judging_day) for n, t in targets.items()}
    assert statuses == {1: "超额完成", 2: "已完成", 3: "已完成"}


def test_lines_without_both_labels_stay_as_they_are():
    from bot.drafting.promise_lines import promise_and_result

    assert promise_and_result("政府承诺:甲工程\n政府办理:已完成") == ("甲工程", "已完成")
    assert promise_and_result("政府承诺:甲工程\n乙") is None
    assert promise_and_result("已建成800个") is None


# --- target headings over their results --------------------------------------------------

BLOCKS = (
    "关于2022年为民办实事项目实施情况的通报\n"
    "12项为民办实事年度目标任务如期完成。\n"
    "一、新增普惠托位3万个,改造农村学校厕所1万间\n"
    "省级财政补助资金下达2.1亿元,完成年度计划的103%。\n"
    "1.(一)推进托育服务体系建设,投用后新增托位3.6万个,完成年度计划的120%。\n"
    "2.(二)实施农村学校厕所改造工程,全省完成改造10500间,完成年度计划的105%。\n"
    "3.二、新建城市书房80所\n"
    "省级财政补助资金下达3000万元,完成年度计划的100%。全省建成城市书房96所。\n"
    "三、新增200所学校食堂对外开放,新增30家文化场馆延时开放\n"
    "省级财政补助资金下达1200万元,完成年度计划的100%。\n"
    "4.(一)全省新增201所学校食堂均已对外开放。\n"
    "5.(二)全省新增30家场馆均已实施延时开放。\n"
    "6.四、城乡居民医保财政补助标准提高4.8%\n"
    "省级财政补助资金下达18.3亿元,完成年度计划的101.5%。2022年城乡居\n"
)


def test_each_sub_item_takes_its_clause_of_the_heading_and_a_heading_item_ends_at_the_next():
    items = parse_report(BLOCKS).targets
    assert [t.target_text for t in items] == [
        "新增普惠托位3万个",
        "改造农村学校厕所1万间",
        "二、新建城市书房80所",
        "新增200所学校食堂对外开放",
        "新增30家文化场馆延时开放",
        "四、城乡居民医保财政补助标准提高4.8%",
    ]
    assert items[0].progress_text.startswith("推进托育服务体系建设")
    # the block's funds line under its heading is each of its sub-items' too
    funds = "省级财政补助资金下达2.1亿元,完成年度计划的103%。"
    assert items[0].progress_text.endswith(funds) and items[1].progress_text.endswith(funds)
    assert items[3].progress_text.endswith("省级财政补助资金下达1200万元,完成年度计划的100%。")
    assert "三、" not in items[2].progress_text


def test_blocks_pair_their_figures_and_the_funds_share_says_nothing_of_the_target():
    drafted, targets = _drafted(BLOCKS, dt.date(2023, 1, 29))
    pairs = {
        n: [(i.target, i.unit, i.actual) for i in t.indicators if i.comparable]
        for n, t in targets.items()
    }
    assert pairs[1] == [("3", "万个", "3.6")]
    assert pairs[2] == [("1", "万间", "10500")]
    assert pairs[3] == [("80", "所", "96")]
    assert pairs[4] == [("200", "所", "201")]
    statuses = {n: compute_status(t, drafted.judging_day) for n, t in targets.items()}
    # 6: its result is cut; the funds' 101.5% is of the money, so the opening decides
    assert statuses == {
        1: "超额完成", 2: "超额完成", 3: "超额完成", 4: "超额完成", 5: "已完成", 6: "已完成"
    }  # fmt: skip


def test_a_heading_without_as_many_clauses_as_sub_items_gives_them_nothing():
    text = BLOCKS.replace("改造农村学校厕所1万间", "改造农村学校厕所1万间,建设食堂")
    items = parse_report(text).targets
    assert items[0].target_text.startswith("(一)")


def test_funds_and_their_share_are_dropped_only_for_a_target_not_in_money():
    from bot.drafting.fund_lines import without_fund_shares

    told = "省级财政补助资金下达2.1亿元,完成年度计划的103%。全省建成96所。"
    assert without_fund_shares("新建城市书房80所", told) == "全省建成96所。"
    assert without_fund_shares("完成投资3亿元", told) == told


def test_ten_thousands_of_things_counted_one_by_one():
    from decimal import Decimal

    from bot.domain.units import convert
    from bot.drafting.text_figures import extract_figures

    assert [(f.value, f.unit) for f in extract_figures("学位5万个,新增3万个体工商户")] == [
        ("5", "万个"),
        ("3", "万"),
    ]
    assert convert(Decimal("21702"), "间", "万间") == Decimal("2.1702")
    assert convert(Decimal("1"), "万个", "个") is None  # 个 stays unscaled


def test_the_count_of_an_items_projects_said_again_in_its_progress_pairs_nothing():
    from bot.drafting.pairing import pair_indicators

    found = pair_indicators(
        "市级重点项目进展情况: 2021年我县市级重点项目12个,年度计划投资18.6亿元。",
        "1-9月, 12个市级重点项目完成投资15.2亿元,完成占比8个县区中排名第一。",
    )
    pairs = [(p.indicator.target, p.indicator.actual) for p in found if p.indicator.comparable]
    assert pairs == [("18.6", "15.2")]
    # a count of the things done in the item's own words is still its actual
    found = pair_indicators("新建社区食堂12个", "已建成社区食堂12个。")
    assert [(p.indicator.target, p.indicator.actual) for p in found] == [("12", "12")]


def test_the_funds_and_their_share_are_named_after_the_funds():
    from bot.drafting.indicator_names import plainly_named
    from bot.drafting.pairing import pair_indicators

    target = "改造农村学校厕所1万间"
    progress = (
        "全省完成改造10500间,完成年度计划的105%。\n"
        "省级财政补助资金下达2.1亿元,完成年度计划的103%。"
    )
    named = plainly_named(pair_indicators(target, progress), f"{target}\n{progress}")
    assert [(p.indicator.name, p.indicator.actual) for p in named] == [
        ("改造农村学校厕所", "10500"),
        ("计划完成率", "105"),
        ("省级财政补助资金", "2.1"),
        ("省级财政补助资金完成率", "103"),
    ]


def test_an_opening_saying_each_of_the_list_was_carried_out_or_done_on_time():
    from bot.drafting.counted_runs import whole_list_done

    assert whole_list_done("从办理情况来看,20件实事基本上做到了件件落实。", 6).value == "已完成"
    assert whole_list_done("29项为民办实事年度目标任务如期完成。", 6).value == "已完成"
    assert whole_list_done("确保29项为民办实事如期完成。", 6) is None  # a promise
    assert whole_list_done("29项为民办实事中已有5项如期完成。", 6) is None  # a part


def test_the_funds_handed_down_name_no_unit_for_the_work():
    text = BLOCKS.replace("改造农村学校厕所1万间", "改造近视防控教室照明1万间").replace(
        "实施农村学校厕所改造工程", "实施教室照明改造工程"
    )
    _drafted_, targets = _drafted(text, dt.date(2023, 1, 29))
    # 2 tells nothing of its field but its funds: no 县财政局 from them
    assert "县财政局" not in {u.name for u in targets[2].units}
