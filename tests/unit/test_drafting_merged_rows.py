"""A table row whose merged cells (the 实事's name and lead unit spanning two rows) were left out
is read on its due-date cell: the cells after it are the columns after the due column, the ones
before it fill the columns before from the right, passing over the unit column.

Every example is a short made-up report, not a line of a real one."""

import datetime as dt

from bot.drafting.merged_rows import aligned_on_due_date
from tests.auxil.drafts import drafted

HEADER = (
    "序号",
    "项目名称",
    "目标任务",
    "责任单位",
    "建设地点",
    "完成时限",
    "进展情况",
    "下步打算",
)


def test_a_sub_row_is_aligned_on_its_due_date():
    cells = ["改造公厕20座", "城区各街道", "11月底", "已完成改造22座", "做好管护"]
    assert aligned_on_due_date(HEADER, cells) == (
        "目标任务", "建设地点", "完成时限", "进展情况", "下步打算",
    )  # fmt: skip


def test_a_cell_naming_an_office_keeps_the_unit_column():
    cells = ["改造公厕20座", "县城管局", "城区各街道", "11月底", "已完成改造22座", "做好管护"]
    assert aligned_on_due_date(HEADER, cells)[:3] == ("目标任务", "责任单位", "建设地点")


def test_no_due_date_or_a_tail_that_does_not_fit_gives_nothing():
    assert aligned_on_due_date(HEADER, ["改造公厕20座", "城区各街道", "已完成改造22座"]) == ()
    assert aligned_on_due_date(HEADER, ["改造公厕20座", "11月底", "已完成改造22座"]) == ()


def test_the_sub_rows_target_pairs_with_its_result():
    text = "\n".join(
        [
            "2031年县民生实事上半年推进情况",
            " | ".join(HEADER),
            "1.城乡公厕提升 | 新建和改造公厕 | 新建公厕10座 | 县城管局 | 各乡镇 | 12月底 | "
            "已新建公厕6座 | 加快建设",
            "2. 改造公厕20座 | 城区各街道 | 11月底 | 截至6月底已完成改造22座 | 做好管护",
        ]
    )
    _result, by = drafted(text, dt.date(2031, 7, 10))
    pairs = {(i.target, i.actual) for i in by[2].indicators if i.target}
    assert ("20", "22") in pairs
