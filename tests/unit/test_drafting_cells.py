"""A table row flattened into labelled cells: the target cells and the actual cells of each
row, and their figures paired row by row (a bare number takes its row's unit)."""

from bot.drafting.cells import header_labels, label_kind, read_cells
from bot.drafting.rows import pair_rows

ROWS = """牵头单位:县人社局
目标任务:城镇新增就业2450人
累计完成:2712
累计进度:110.69%
目标任务:“三公里”充分就业社区6个
累计完成:6
累计进度:100%
目标任务:按1500元标准发放求职补贴
累计完成:—
备注:待省统一部署"""


def test_labels_sort_cells_into_target_actual_unit_and_other():
    kinds = [label_kind(w) for w in ("目标任务", "年度目标", "1-11月完成", "完成情况", "当前进度")]
    assert kinds == ["target", "target", "actual", "actual", "actual"]
    assert [label_kind(w) for w in ("牵头单位", "责任部门", "备注")] == ["unit", "unit", "other"]
    kinds = [label_kind(w) for w in ("完成时限", "下步计划", "项目名称")]
    assert kinds == ["due", "other", "name"]


def test_a_due_cell_is_read_with_the_target_and_a_plan_of_next_steps_is_progress():
    body = "目标任务:新建公厕20座\n完成情况:已建成12座\n完成时限:9月底前\n下步计划:加快施工"
    cells = read_cells("城乡公厕建设", body)
    assert "9月底前" in cells.target_text and "加快施工" in cells.progress_text
    assert [(r.target, r.actuals) for r in cells.rows] == [("新建公厕20座", ("已建成12座",))]


def test_rows_keep_each_target_with_the_actuals_written_after_it():
    cells = read_cells("促进重点群体稳定就业", ROWS)
    assert [r.target for r in cells.rows][:2] == ["城镇新增就业2450人", "“三公里”充分就业社区6个"]
    assert [r.actuals for r in cells.rows] == [("2712",), ("6",), ()]
    assert cells.target_text.startswith("促进重点群体稳定就业：城镇新增就业2450人；")
    assert "牵头单位:县人社局" in cells.progress_text and "目标任务" not in cells.progress_text


def test_rows_pair_their_own_figures():
    pairs = [p.indicator for p in pair_rows(read_cells("就业", ROWS).rows)]
    found = {(i.target, i.unit, i.actual) for i in pairs}
    assert ("2450", "人", "2712") in found and ("6", "个", "6") in found
    assert ("1500", "元", "") in found
    paired = [p for p in pair_rows(read_cells("就业", ROWS).rows) if p.indicator.actual]
    assert all(p.confidence >= 0.8 and p.why.startswith("同一行") for p in paired)
    assert len({i.name for i in pairs}) == len(pairs)


def test_a_per_head_amount_and_a_count_of_villages_keep_their_units():
    rows = (
        "目标任务:按1500元/人标准发放求职创业补贴\n累计完成:—\n"
        "目标任务:改造提升12村人居环境\n累计完成:9"
    )
    found = {
        (i.target, i.unit, i.actual)
        for i in (p.indicator for p in pair_rows(read_cells("x", rows).rows))
    }
    assert found == {("1500", "元/人", ""), ("12", "村", "9")}


def test_an_item_without_labelled_target_cells_is_left_as_written():
    body = "当前进度:80%(新区实验幼儿园进度滞后)\n牵头单位:县教育局"
    cells = read_cells("新(改、扩)建公办园5所。", body)
    assert cells.rows == () and cells.progress_text == body


def test_a_table_row_on_one_line_is_read_by_its_header():
    header = header_labels("1-11月民生实事完成情况\n序号\t项目\t年度目标\t1-11月完成\t责任单位")
    assert header == ("序号", "项目", "年度目标", "1-11月完成", "责任单位")
    cells = read_cells("城镇新增就业\t5000人\t4600人\t市人社局", "", header)
    assert [(r.target, r.actuals) for r in cells.rows] == [("5000人", ("4600人",))]
    assert cells.target_text == "城镇新增就业：5000人"
    assert "市人社局" in cells.progress_text
    assert header_labels("2020年初,县督查局对目标进行细化分解。") == ()


def test_an_unlabelled_table_row_reads_name_target_then_actual():
    cells = read_cells("农村公路大中修 | 70公里 | 65公里 | 92.9%", "")
    assert [(r.target, r.actuals) for r in cells.rows] == [("70公里", ("65公里", "92.9%"))]
    pairs = [p.indicator for p in pair_rows(cells.rows)]
    assert any(i.target == "70" and i.actual == "65" for i in pairs)


def test_a_barred_row_of_words_without_a_header_is_target_then_progress():
    cells = read_cells("改造农村路口50个。 | 县交通局 | 已完成现场排查并制定方案", "")
    assert cells.target_text == "改造农村路口50个。"
    assert cells.progress_text == "县交通局\n已完成现场排查并制定方案"
    tight = read_cells("改造农村路口50个。|县交通局|已完成现场排查", "")
    assert tight.target_text == "改造农村路口50个。"
    # Prose that only holds a bar or two keeps its words as written.
    prose = read_cells("改造农村路口50个 | 县交通局", "")
    assert prose.target_text == "改造农村路口50个 | 县交通局"


def test_a_drafted_table_report_pairs_its_columns():
    import datetime as dt

    from bot.drafting.drafter import draft
    from bot.drafting.report_text import parse_report

    text = (
        "2019年1-11月重点民生实事完成情况\n序号\t项目\t年度目标\t1-11月完成\n"
        "1.城镇新增就业\t5000人\t5200人\n2.农村公路大中修\t70公里\t65公里\n"
    )
    drafted = draft(parse_report(text), text, today=dt.date(2026, 12, 6))
    assert drafted.ledger.year == 2019 and drafted.as_of == dt.date(2019, 11, 30)
    found = {(i.target, i.actual) for t in drafted.ledger.targets for i in t.indicators}
    assert {("5000", "5200"), ("70", "65")} <= found


def test_one_sentence_that_tells_target_and_progress_is_split():
    from bot.drafting.sentences import split_sentence

    target, done = split_sentence("万亩梯田示范点项目,共铺开梯田3.9万亩,完成3.5万亩;")
    assert "3.9万亩" in target and done == "完成3.5万亩;"
    # Figures of work done with no whole or plan named are all progress: nothing to split.
    assert split_sentence("堤防治理工程,已完成5.2公里,堆筑砂堤6公里;") == ("", "")


def test_a_narrative_item_with_a_due_cell_has_its_deadline():
    import datetime as dt

    from bot.drafting.drafter import draft
    from bot.drafting.report_text import parse_report

    text = "2023年民生实事进展\n1.新建城市书房2座。\n完成时限:9月底前\n当前进度:80%\n"
    drafted = draft(parse_report(text), text, today=dt.date(2026, 12, 6))
    target = drafted.ledger.targets[0]
    assert [d.date for d in target.deadlines] == [dt.date(2023, 9, 30)]
    assert "时限" not in target.progress_text and "80%" in target.progress_text


def test_the_items_own_line_is_the_target_of_a_bare_completion_cell():
    cells = read_cells("城镇新增就业2450人", "牵头单位:县人社局\n累计完成:2712\n累计进度:110.69%")
    assert [(r.target, r.actuals) for r in cells.rows] == [("城镇新增就业2450人", ("2712",))]
    pairs = [p.indicator for p in pair_rows(cells.rows)]
    assert any(i.target == "2450" and i.actual == "2712" for i in pairs)


HEADER = ("序号", "目标任务", "责任单位", "进展情况", "形象进度(%)")


def test_a_row_cut_at_a_sentence_end_is_read_whole_under_its_header():
    # The report parser ends an item's target at its first "。", inside the progress cell.
    cells = read_cells(
        "新建充电桩350个 | 市发改局 | 新建充电桩99个。", "目前正在选址。 | 28%", HEADER
    )
    assert [(r.target, r.actuals) for r in cells.rows] == [
        ("新建充电桩350个", ("新建充电桩99个。目前正在选址。",))
    ]
    pairs = [p.indicator for p in pair_rows(cells.rows)]
    assert [(i.target, i.actual) for i in pairs] == [("350", "99")]


def test_a_share_column_speaks_for_the_status_not_for_a_figure():
    cells = read_cells("建设驿站1440个 | 市消防大队 | 已完成方案制定 | 30%", "", HEADER)
    assert cells.rows[0].actuals == ("已完成方案制定",)
    assert "30%" in cells.progress_text
    pairs = [p.indicator for p in pair_rows(cells.rows)]
    assert all(i.target != "30" and i.actual != "30" for i in pairs)


def test_next_months_work_plan_is_not_progress_or_target():
    assert label_kind("7月工作计划") == "other"
    assert label_kind("下月计划") == "other"
    assert label_kind("年度计划") == "target"
    assert label_kind("截至6月底进展") == "actual"


def test_a_row_that_fills_its_header_is_not_joined_with_the_next_line():
    header = ("序号", "项目", "年度目标", "1-11月完成")
    cells = read_cells("城镇新增就业\t5000人\t4600人", "备注：含灵活就业", header)
    assert [(r.target, r.actuals) for r in cells.rows] == [("5000人", ("4600人",))]


def test_a_bare_number_takes_the_unit_its_column_names():
    header = ("序号", "项目", "计划投资(万元)", "完成投资（万元）", "形象进度(%)")
    cells = read_cells("污水管网改造 | 1200 | 900 | 75", "", header)
    assert [(r.target, r.actuals) for r in cells.rows] == [("1200万元", ("900万元",))]
    assert "75%" in cells.progress_text
    pairs = [p.indicator for p in pair_rows(cells.rows)]
    assert [(i.target, i.unit, i.actual) for i in pairs] == [("1200", "万元", "900")]


def test_a_full_stop_inside_a_later_cell_keeps_the_row_whole():
    from bot.drafting.report_text import parse_report

    text = (
        "工作内容 | 当前工作进展 | 形象进度\n"
        "1. 完成两座人行天桥建设 | 东桥:主体已完成,因管线迁改暂缓。西桥正在吊装 | 80%\n"
        "2. 新建停车场3处 | 已建成3处 | 100%\n"
    )
    first = parse_report(text).targets[0]
    assert first.progress_text == ""
    assert first.target_text.endswith("西桥正在吊装 | 80%")


def test_a_percent_unit_column_and_a_signed_bare_target_keep_their_unit():
    from bot.drafting.columns import is_bare_figure, is_measure_unit

    assert is_measure_unit("%") and is_bare_figure("≤4.5")
    header = header_labels("序号 | 指标名称 | 单位 | 年度目标 | 1-9月完成")
    cells = read_cells("城镇调查失业率 | % | ≤5 | 4.6", "", header)
    (pairing,) = pair_rows(cells.rows)
    ind = pairing.indicator
    assert (ind.comparator, ind.target, ind.unit, ind.actual) == ("<=", "5", "%", "4.6")


def test_an_amount_in_a_progress_column_answers_the_row_of_its_unit():
    header = header_labels(
        "序号 | 项目名称及建设内容 | 年度计划投资(万元) | 累计完成投资(万元) | 形象进度"
    )
    cells = read_cells("城区街巷提升,改造街巷9条 | 6000 | 2500 | 完成4条", "", header)
    pairs = {(p.indicator.target, p.indicator.actual) for p in pair_rows(cells.rows)}
    assert ("9", "4") in pairs and ("6000", "2500") in pairs
