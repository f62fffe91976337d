"""Titles that end or start where a cut or a predicate left them: an adverb of the predicate
at the end, a character bound to the word cut off at the front, an edition's 届, a cost's
verb before 的. Made-up texts."""

import pytest

from bot.drafting.titles import title_for
from bot.understanding.tokenizer import make_tokenizer


@pytest.fixture(scope="module")
def tokenizer():
    return make_tokenizer()


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # An adverb of a predicate the title does not know: 均超额完成, 共发放, 总体, 是.
        ("城乡居民人均最低生活保障标准均超额完成年度目标", "最低生活保障标准"),
        ("全县农民小额贷款共发放2.5亿元", "农民小额贷款"),
        ("中小河流治理项目总体", "中小河流治理项目"),
        ("我县实施的千村公路通畅项目是,建设两条通村油路", "千村公路通畅项目"),
    ],
)
def test_a_title_never_ends_with_an_adverb_of_its_predicate(tokenizer, text, title):
    assert title_for(text, tokenizer).value == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("东山新区至西河快速通道", "西河快速通道"),  # a route cut after its "至"
        ("解决人畜饮水最困难地区300万人", "饮水最困难地区"),  # 人畜, a word cut in two
        ("农村五保户年分散供养标准达2000元以上", "分散供养标准"),  # a year's 年
    ],
)
def test_a_cut_title_never_starts_with_a_character_bound_to_what_it_lost(tokenizer, text, title):
    assert title_for(text, tokenizer).value == title


def test_an_edition_counts_which_not_how_many(tokenizer):
    assert title_for("举办好第3届山海博览会", tokenizer).value == "山海博览会"


def test_what_a_cost_describes_follows_the_verb_and_its_de(tokenizer):
    assert title_for("计划投资80万元建设的青石桥,已完成40%的工程量", tokenizer).value == "青石桥"


def test_a_numbered_heading_that_sets_a_figure_is_the_items_own_name(tokenizer):
    # A heading that only names a group gives way to the item's words; one with a figure
    # is a target of its own, and its number is no part of the name.
    text = "二、解决5万人农村饮水安全问题。(责任单位:市水务局)该件实事已全面完成"
    assert title_for(text, tokenizer).value == "农村饮水安全"
    grouped = title_for("一、优质教育综合提升工程,完成8所学校食堂建设", tokenizer)
    assert grouped.value != "优质教育综合提升"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A notice's verdict on a list of examples, and what the work is to the office.
        ("南山公园停车场等项目或任务受资金短缺等多种因素影响完成情况不够理想", "南山公园停车场"),
        ("农村饮水提升等重点工作完成情况较好", "农村饮水提升"),
        ("为全县老年人提供免费体检服务是今年的重要举措之一", "免费体检服务"),
    ],
)
def test_a_notices_verdict_after_the_name_is_no_part_of_it(tokenizer, text, title):
    assert title_for(text, tokenizer).value == title


def test_what_others_did_of_it_is_no_part_of_its_name(tokenizer):
    text = "“老旧小区加装电梯工程”(市住建局)被省里评为典型案例。"
    assert title_for(text, tokenizer).value == "老旧小区加装电梯"


def test_the_standard_the_work_is_done_to_is_how_not_what(tokenizer):
    text = "对全县50个学校路口按照交通安全“五个一”(标志、标线、减速带)标准进行改造提升。"
    assert title_for(text, tokenizer).value == "学校路口改造提升"


_ABBREVIATIONS = {"老旧改": "老旧小区改造", "规上": "规模以上"}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # An abbreviation written in is one word: a cut never keeps its last character alone.
        ("城区老旧小区改造和便民服务提升", "便民服务提升"),
        ("中心城区老旧小区改造与养老服务提升", "养老服务提升"),
        ("东部片区老旧小区改造及物业管理提升", "物业管理提升"),
        # One that fits whole stays ("以上工业增加值" would start mid-phrase).
        ("全县规模以上工业增加值增长8%", "规上工业增加值"),
    ],
)
def test_a_cut_never_starts_inside_an_abbreviation(tokenizer, text, title):
    assert title_for(text, tokenizer, _ABBREVIATIONS).value == title
