"""督查通报: what is counted, who is named, and what is required."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.domain.ledger import (
    Closure,
    DeadlineSpec,
    IndicatorSpec,
    LedgerSpec,
    TargetSpec,
    UnitSpec,
)
from bot.render.bulletin import build_bulletin, bulletin_sections, render_bulletin_txt

d = dt.date.fromisoformat
JULY = d("2021-07-15")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def target(number, title, unit, *indicators, deadline="2021-12-31", **extra) -> TargetSpec:
    extra.setdefault("progress_text", "正在推进")
    return TargetSpec(
        number=number,
        title=title,
        category="经济发展",
        target_text=f"{title}。",
        units=(UnitSpec(unit, "lead", "named"),),
        deadlines=(DeadlineSpec(d(deadline), "年底前"),),
        indicators=indicators,
        **extra,
    )


LEDGER = LedgerSpec(
    year=2021,
    title="2021年台账",
    preamble="",
    targets=(
        target(1, "重点项目", "县发改委", IndicatorSpec("完成投资", "90", "亿元", actual="30",
                                                      as_of="1-6月")),
        target(2, "新增贷款", "县金融局", IndicatorSpec("新增贷款", "14", "亿元", actual="15")),
        target(3, "造林", "县林业局", IndicatorSpec("造林", "1", "万亩"), progress_text=""),
        target(4, "小升规", "县工信局", deadline="2021-06-30"),
        target(
            5, "停车位", "县住建局", IndicatorSpec("停车位", "500", "个", ">=", "500"),
            closed=Closure(dt.datetime(2021, 7, 1, tzinfo=SHANGHAI), "tg:42", "核实"),
        ),
    ),
)  # fmt: skip


def test_the_bulletin_names_each_problem_under_its_lead_unit():
    bulletin = build_bulletin(LEDGER, as_of=JULY, since=d("2021-07-08"), changed={2: 3})
    named = {unit: [(p.number, p.kind) for p in ps] for unit, ps in bulletin.problems}
    assert named == {
        "县发改委": [(1, "滞后")],  # 30 of 90 by June: behind the calendar
        "县工信局": [(4, "逾期")],
        "县林业局": [(3, "暂无数据")],
    }
    [[lagging]] = [ps for unit, ps in bulletin.problems if unit == "县发改委"]
    assert lagging.detail == "完成投资低于序时进度（应达50%，实际33%）"
    assert bulletin.closed == 1 and bulletin.changes == ("第2项 新增贷款（3处更新）",)


def test_requirements_follow_from_the_problems_found():
    bulletin = build_bulletin(LEDGER, as_of=JULY, since=d("2021-07-08"), changed={})
    text = "\n".join(bulletin.requirements)
    assert "7月20日前报送整改措施" in text
    assert "滞后于序时进度" in text and "逾期的目标" in text and "须补报完成数据" in text
    assert "已完成但尚未销号的1项目标" in text  # 2 is done and open; 5 is closed
    quiet = LedgerSpec(year=2021, title="t", preamble="", targets=(LEDGER.targets[4],))
    calm = build_bulletin(quiet, as_of=JULY, since=d("2021-07-08"), changed={})
    assert calm.problems == () and calm.requirements == ()
    sections = dict(bulletin_sections(calm))
    assert sections["三、存在问题"] == ["本期没有需要通报的问题。"]
    assert sections["二、进展变化"] == ["7月8日以来，没有目标更新数据或进展。"]


def test_the_text_bulletin_is_signed_by_the_office():
    bulletin = build_bulletin(LEDGER, as_of=JULY, since=d("2021-07-08"), changed={})
    text = render_bulletin_txt(bulletin, "西平县督查局")
    assert text.startswith("2021年台账督查通报\n（数据截至2021-07-15）")
    assert text.endswith("西平县督查局\n2021年7月15日")
    assert "一、总体情况\n截至2021-07-15，共5项目标：" in text and "已销号1项。" in text


def test_units_are_named_most_late_first_then_by_pinyin():
    late = IndicatorSpec("完成投资", "90", "亿元", actual="30", as_of="1-6月")
    no_data = IndicatorSpec("造林", "1", "万亩")
    ledger = LedgerSpec(
        year=2021,
        title="2021年台账",
        preamble="",
        targets=(
            target(1, "没有数据一", "县住建局", no_data, progress_text=""),
            target(2, "没有数据二", "县住建局", no_data, progress_text=""),
            target(3, "卫生一", "县卫健委", late),
            target(4, "发改一", "县发改委", late),
            target(5, "农业一", "县农业农村局", late),
            target(6, "农业二", "县农业农村局", deadline="2021-06-30"),
        ),
    )
    bulletin = build_bulletin(ledger, as_of=JULY, since=d("2021-07-08"), changed={})
    # 农业农村局 has two late targets; 发改委 (fa) and 卫健委 (wei) one each, by pinyin,
    # though 卫 (U+536B) comes before 发 (U+53D1) in character code; 住建局's two targets
    # only lack figures: named last.
    units = [unit for unit, _ps in bulletin.problems]
    assert units == ["县农业农村局", "县发改委", "县卫健委", "县住建局"]


def test_a_reply_day_off_work_moves_to_the_next_working_day():
    from bot.domain.work_calendar import WorkCalendar

    # issued Tuesday 2021-07-20: five days on is Sunday the 25th
    bulletin = build_bulletin(
        LEDGER,
        as_of=JULY,
        since=d("2021-07-08"),
        changed={},
        issued=d("2021-07-20"),
        working_day=WorkCalendar().next_working_day,
    )
    assert "须于7月26日前报送整改措施" in bulletin.requirements[0]


def test_the_printed_bulletin_tells_units_in_words_how_to_report():
    import io

    import docx

    from bot.render.bulletin import write_bulletin_docx

    bulletin = build_bulletin(LEDGER, as_of=JULY, since=d("2021-07-08"), changed={})
    stream = io.BytesIO()
    write_bulletin_docx(stream, bulletin, "西平县督查局", JULY)
    paper = "\n".join(p.text for p in docx.Document(io.BytesIO(stream.getvalue())).paragraphs)
    assert (
        "被通报的牵头单位须于7月20日前报送整改措施和最新进展，"
        "在本单位工作群中向督查助手报送，并附佐证材料（照片或文件）。"
    ) in paper
    assert "/" not in paper  # no chat command on paper: a reader cannot type it


def test_each_problem_says_what_is_wrong_in_the_offices_words():
    reported = IndicatorSpec("增速", "", "%", actual="6.3")  # a figure, but nothing to judge by
    ledger = LedgerSpec(
        year=2021,
        title="2021年台账",
        preamble="",
        targets=(
            target(1, "耕地保护", "县自然资源局", status_override="未完成",
                   status_reason="违法占用比例已降至6.9%，但还存在缺口3.88万亩"),
            target(2, "敬老院", "县民政局", status_override="滞后", status_reason="主体未封顶"),
            target(4, "固投", "县发改委", reported, status_override="暂无数据",
                   status_reason="未给出全省平均增速"),
            target(5, "研发投入", "县科技局", IndicatorSpec("研发", "3", "%"), progress_text=""),
            target(6, "营商环境", "县发改委", progress_text=""),
        ),
    )  # fmt: skip
    bulletin = build_bulletin(ledger, as_of=JULY, since=d("2021-07-08"), changed={})
    details = {p.number: (p.kind, p.detail) for _, ps in bulletin.problems for p in ps}
    assert details == {
        1: ("未完成", "还存在缺口3.88万亩"),  # what is still wrong, not what went well
        2: ("滞后", "主体未封顶"),  # the office's reason, not "有节点未按时完成"
        4: ("暂无数据", "已报部分数据，尚缺可判断是否完成的数据"),
        5: ("暂无数据", "尚缺研发的完成数据"),
        6: ("暂无数据", "尚未报送完成数据"),
    }


def test_a_closed_years_bulletin_written_the_next_december_names_that_year():
    from bot.domain.status import status_day

    # The 2021 ledger read in December 2022: statuses at its close, shown as 数据截至2021-12-31;
    # "12月1日以来" and "12月13日前" under that line would read as days of 2021.
    written = d("2022-12-08")
    bulletin = build_bulletin(
        LEDGER,
        as_of=status_day(written, 2021),
        since=d("2022-12-01"),
        changed={},
        issued=written,
    )
    text = render_bulletin_txt(bulletin, "西平县督查局")
    assert "（数据截至2021-12-31，2021年度已结束）" in text
    assert "2022年12月1日以来，没有目标更新数据或进展。" in text
    assert "须于2022年12月13日前报送整改措施" in text


def test_a_target_still_in_progress_when_its_year_closed_is_named_overdue():
    from bot.domain.status import status_day

    # Before, a closed year's 通报 said "本期没有需要通报的问题" of a ledger whose targets the
    # office had judged 推进中 and that ended the year so: no day counts overdue past its end.
    going = target(
        1,
        "食堂建设",
        "县教育局",
        status_override="推进中",
        status_reason="报告有进展但未写明是否完成",
    )
    ledger = LedgerSpec(year=2021, title="2021年台账", preamble="", targets=(going,))
    written = d("2022-03-01")
    bulletin = build_bulletin(
        ledger, as_of=status_day(written, 2021), since=d("2022-02-22"), changed={}, issued=written
    )
    [(unit, [problem])] = bulletin.problems
    assert (unit, problem.kind) == ("县教育局", "逾期")
    assert problem.detail == "年底前已过，年度已结束仍在推进"
    assert "逾期的目标，须说明逾期原因和完成时限" in "\n".join(bulletin.requirements)
    # the same target within its year, before the deadline, is no problem
    calm = build_bulletin(ledger, as_of=JULY, since=d("2021-07-08"), changed={})
    assert calm.problems == ()
