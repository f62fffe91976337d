"""A result written without its target's magnitude ("目标8.6亿元" / "完成11.3元") is judged as
likely meant, the figure kept as written and the status's reason sending it to review.

Every example is a short made-up report, not a line of a real one."""

import datetime as dt

from tests.auxil.drafts import drafted


def test_a_result_that_drops_its_magnitude_is_judged_as_meant_and_sent_to_review():
    text = "\n".join(
        [
            "2031年县重点工作目标完成情况",
            "1.全年完成交通投资8.6亿元。",
            "全年累计完成交通投资11.3元。",
        ]
    )
    _result, by = drafted(text, dt.date(2032, 1, 10))
    (ind,) = [i for i in by[1].indicators if i.actual]
    assert (ind.actual, ind.actual_unit) == ("11.3", "元")  # the figure stays as written
    assert by[1].status_override == "超额完成" and "待核" in by[1].status_reason


def test_a_slipped_result_beside_a_missing_figure_is_no_data_not_unfinished():
    # Read as meant, the investment is met and the road has no figure: a draft says 暂无数据
    # for a figure the report lacks; before, the year's end made it 未完成.
    text = "\n".join(
        [
            "2031年县重点工作目标完成情况",
            "1.全年完成交通投资8.6亿元，新建农村公路120公里。",
            "全年累计完成交通投资11.3元。",
        ]
    )
    _result, by = drafted(text, dt.date(2032, 1, 10))
    assert by[1].status_override == "暂无数据"
    assert "待核" in by[1].status_reason and "新建农村公路" in by[1].status_reason
