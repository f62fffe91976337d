"""Classes of misses on drafted ledgers the matcher ranks right: a result figure written in
the progress text, a name abbreviated by its first character and a later one, a long name
clipped to its head and tail, a piece of one name that is another target's name, and a
figure only one target holds beside a status word."""

import dataclasses
import datetime as dt

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.candidates import Candidate, Reason, holds_own_figure
from tests.auxil.ledgers import answerer_on, small_ledger


def _answerer(*targets: TargetSpec) -> Answerer:
    ledger = small_ledger(2019, *targets, title="重点项目")
    return answerer_on(ledger, dt.date(2019, 3, 31))


def _place(number: int, place: str, plan: str, done: str, share: str) -> TargetSpec:
    """A table row by place as a draft has it: the plan in the target text, the result and
    its share of the plan in the progress text."""
    return TargetSpec(
        number,
        f"{place}重点项目",
        "经济发展",
        f"{place}：{plan}亿元",
        f"{done}亿元\n{share}",
        indicators=(IndicatorSpec(f"{place}一季度完成投资", plan, "亿元", actual=done),),
    )


@pytest.fixture(scope="module")
def places():
    return _answerer(
        _place(1, "通川区", "15.2", "14.9", "98%"),
        _place(2, "开江县", "5.3", "3.5", "66%"),
        _place(3, "万源市", "8.2", "10.5", "128%"),
        _place(4, "大竹县", "9.8", "10.2", "104%"),
    )


@pytest.mark.parametrize(("question", "number"), [("完成66%的那个县", 2), ("完成128%的是哪个", 3)])
def test_a_share_the_progress_text_writes_finds_its_row(places, question, number):
    answer = places.ask(question)
    assert answer.intent == "target" and answer.targets[0] == number


def test_the_progress_figure_is_a_figure_reason(places):
    best = places.index.score("完成66%的那个县")[0]
    assert best.number == 2 and any(r.kind == "figure" for r in best.reasons)


@pytest.fixture(scope="module")
def works():
    return _answerer(
        TargetSpec(1, "市区城市防洪工程", "城乡建设", "市区城市防洪工程完成投入1亿元"),
        TargetSpec(2, "孕前优生健康检查", "社会事业", "免费孕前优生健康检查完成投入756.9万元"),
        TargetSpec(3, "文化惠民工程", "社会事业", "文化惠民工程完成投入8250万元"),
        TargetSpec(4, "城建园林房地产类", "经济发展", "城建园林房地产类完成投资5亿元"),
        TargetSpec(5, "交通能源类", "经济发展", "交通能源类完成投资3.4亿元"),
        TargetSpec(6, "小康文明村建设", "城乡建设", "小康文明村建设累计完成投资"),
    )


def test_a_name_abbreviated_by_its_first_and_a_later_character_is_found(works):
    """孕检 keeps 孕 of 孕前 and 检 of 检查, five characters apart."""
    answer = works.ask("孕检")
    assert answer.intent == "target" and answer.targets[0] == 2
    assert any(r.kind == "gap" and r.text == "孕检" for r in answer.candidates[0].reasons)


def test_a_pair_not_starting_a_name_is_no_abbreviation_of_it(works):
    """优查 is no abbreviation: 优 does not start the name it is in."""
    assert not any(
        r.kind == "gap" and r.text == "优查" for c in works.index.score("优查") for r in c.reasons
    )


def test_a_long_name_clipped_to_its_head_and_tail_names_it(works):
    answer = works.ask("城建类完成了多少")
    assert answer.intent == "target" and answer.targets[0] == 4
    assert any(r.kind == "phrase" for r in answer.candidates[0].reasons)


def test_a_work_word_is_no_tail_of_a_clipped_name(works):
    """文明建设 keeps 文明 and the work word 建设 of 小康文明村建设: no clipped name."""
    scored = works.index.score("文明建设")
    assert not any(r.kind == "phrase" for c in scored for r in c.reasons)


@pytest.fixture(scope="module")
def roads():
    return _answerer(
        TargetSpec(
            1,
            "道路路面工程项目",
            "城乡建设",
            "全省村内道路建设开工率",
            indicators=(IndicatorSpec("村内道路建设", "100", "%"),),
        ),
        TargetSpec(
            2,
            "修建村内道路边沟",
            "城乡建设",
            "修建村内道路边沟1200公里",
            indicators=(IndicatorSpec("修建村内道路边沟", "1200", "公里"),),
            aliases=("村内道路边沟",),
        ),
        TargetSpec(3, "修建村内水渠", "城乡建设", "修建村内水渠300公里"),
    )


def test_a_piece_of_a_name_that_is_another_targets_name_is_that_target(roads):
    """村内道路 is target 1's name (村内道路建设 without its work word), and only the first
    two thirds of 村内道路边沟: no near-miss credit for target 2."""
    answer = roads.ask("村内道路")
    assert answer.targets[0] == 1
    second = next(c for c in answer.candidates if c.number == 2)
    assert not any(r.kind == "fuzzy" for r in second.reasons)


@pytest.fixture(scope="module")
def levels():
    return _answerer(
        TargetSpec(
            1,
            "省市县重点工程",
            "经济发展",
            "省市县重点工程项目52个，其中前期项目3个，尚未开工",
            indicators=(IndicatorSpec("前期项目", "3", "个"),),
        ),
        TargetSpec(2, "省级", "经济发展", "省级重点工程12个，已开工10个"),
        TargetSpec(3, "市级", "经济发展", "市级重点工程20个，已开工18个"),
    )


def test_a_figure_only_one_target_holds_names_it_beside_a_status(levels):
    """ "没开工的那3个项目" is the target holding 3个, not the list of those not started."""
    answer = levels.ask("还在跑手续没开工的那3个项目")
    assert answer.intent == "target" and answer.targets[0] == 1


def test_a_share_is_a_threshold_not_a_name():
    share = Candidate(1, "a", 2.0, (Reason("figure", "50%", "figures", 2.0),), 0.5)
    count = Candidate(1, "a", 2.0, (Reason("figure", "39项", "figures", 2.0),), 0.5)
    other = Candidate(2, "b", 1.0, (Reason("bm25", "完成", "text", 1.0),), 0.5)
    assert not holds_own_figure([share, other])
    assert holds_own_figure([count, other])
    # Held by another leading target too: no one's own.
    assert not holds_own_figure([count, dataclasses.replace(other, reasons=count.reasons)])
