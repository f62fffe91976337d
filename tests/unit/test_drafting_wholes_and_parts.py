"""A whole and the part of it done in one clause of a progress sentence
(bot/drafting/wholes_and_parts.py)."""

from bot.drafting.drafter import draft_ledger
from bot.drafting.report_text import parse_report
from bot.drafting.wholes_and_parts import whole_part_pairs


def _pairs(sentence: str) -> list[tuple[str, str, str, str]]:
    return [
        (p.indicator.name, p.indicator.target, p.indicator.unit, p.indicator.actual)
        for p in whole_part_pairs(sentence)
    ]


def test_the_whole_then_the_part_done():
    assert _pairs("需改造的560户已完工430户,") == [("需改造完工", "560", "户", "430")]
    assert _pairs("列入计划的48所学校中有36所已完成改造") == [("列入计划学校", "48", "所", "36")]
    assert _pairs("12公里污水管网已完成9.5公里") == [("污水管网完成", "12", "公里", "9.5")]


def test_a_whole_said_all_done_answers_itself():
    assert _pairs("1300户危房的加固工作已全部完成") == [("危房加固", "1300", "户", "1300")]


def test_figures_of_other_measures_or_no_part_done_pair_nothing():
    assert _pairs("新建幼儿园4所,已建成2所") == []  # two clauses: the sentence rules pair them
    assert _pairs("改造560户,投资300万元") == []
    assert _pairs("完成培训1200人次,其中女性300人") == []


def test_a_progress_item_told_in_one_sentence_pairs_each_clause():
    text = (
        "某县2023年1-9月目标任务完成情况\n"
        "1.安居工程方面,1300户危房的加固工作已全部完成,需改造的560户已完工430户,"
        "列入搬迁的220户中有180户已入住新居。\n"
    )
    (target,) = draft_ledger(parse_report(text), 2023, text).targets
    pairs = {(i.target, i.actual) for i in target.indicators}
    assert pairs == {("1300", "1300"), ("560", "430"), ("220", "180")}
    # one part all done does not make the item done while others are short, as of September
    assert target.status_override != "已完成"
