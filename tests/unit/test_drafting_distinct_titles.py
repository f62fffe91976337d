"""Titles of drafted targets: two targets of one ledger are told apart (bot/drafting/
distinct_titles.py), and words that name nothing (what is spent, the period a result covers,
"在…方面", a count of matters before the matters in brackets) yield to the name
(bot/drafting/title_prose.py). Every report here is made up."""

import pytest

from bot.drafting.drafter import draft_ledger
from bot.drafting.naming import aliases_for, title_for
from bot.drafting.report_text import parse_report
from bot.understanding.lexicon import load_lexicon
from bot.understanding.tokenizer import make_tokenizer


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def tokenizer():
    return make_tokenizer()


def _titles(text: str) -> dict[int, str]:
    return {t.number: t.title for t in draft_ledger(parse_report(text), 2030, text).targets}


def test_shared_titles_take_their_own_words_before_the_name():
    titles = _titles(
        "某县2030年主要指标完成情况\n"
        "1.城镇居民人均可支配收入增长7%,前三季度增长6.1%。\n"
        "2.农民人均可支配收入增长8%,前三季度增长7.2%。\n"
    )
    assert titles[1] != titles[2]
    assert titles[1].startswith("城镇") and titles[2].startswith("农民")
    assert all(len(t) <= 8 for t in titles.values())


def test_shared_titles_take_an_ordinal_that_sets_them_apart():
    titles = _titles(
        "某县2030年会议确定事项完成情况\n"
        "1.第四次常务会确定事项20项,完成18项,完成率90%;\n"
        "2.第七次常务会确定事项30项,完成24项,完成率80%;\n"
    )
    assert titles == {1: "第四次常务会", 2: "第七次常务会"}


def test_shared_titles_of_one_text_take_their_section():
    titles = _titles(
        "某市2030年民生实事进展\n"
        "截至10月底,省实事8件中有6件提前完成,进度偏慢的2件是:\n"
        "1.新建乡村公共图书室、\n"
        "2.改造农村饮水管网。\n"
        "市实事9件中,有7件提前完成,进展偏慢的2件是:\n"
        "3.新建乡村公共图书室、\n"
        "4.建设城区口袋公园。\n"
    )
    assert titles[1] != titles[3]
    assert titles[1].startswith("省实事") and titles[3].startswith("市实事")


def test_a_title_left_shared_still_goes_to_review():
    from bot.drafting.drafter import draft

    text = "某县2030年任务\n1.新建乡村公共图书室。\n2.新建乡村公共图书室。\n"
    found = draft(parse_report(text), text, year=2030)
    notes = [g.why for g in found.guesses[1] if g.field == "title"]
    assert "与第2项同名" in notes[0]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # What is spent names nothing while a later clause names the work.
        ("投资3.5亿元,实施2000户城中村改造", "城中村改造"),
        ("计划投资80万元,新建社区健身步道12公里", "社区健身步道"),
        # The period a result covers, and its 共 or 累计, are no name.
        ("前三季度共实现城镇新增就业3.2万人", "城镇新增就业"),
        ("上半年累计实现城镇新增就业1.1万人", "城镇新增就业"),
        # "在…方面" names the area; "在…" before the work says where.
        ("在公共交通方面,新开通公交线路5条", "公共交通"),
        ("在城南片区继续实施老旧管网改造", "老旧管网改造"),
        # The matters a count lists in brackets name the item, not the verdict around them.
        ("上级通报进展缓慢事项1项(新建乡镇污水处理站工作),经督办已完工", "乡镇污水处理站"),
        # "X从A提高到B": the subject is before 从.
        ("城乡低保标准从每人每月600元提高到650元", "城乡低保标准"),
        # A plan verb opens the name ("安排重点项目80个").
        ("安排重点项目80个,总投资200亿元", "重点项目"),
        # 工作 (and 建设 before it, when that makes the name fit) before a head names nothing.
        ("城乡建设工作指挥部:项目20项", "城乡建设指挥部"),
        ("北山新区建设工作指挥部:项目12项", "北山新区指挥部"),
        # The next cost's words after a name described by its own cost are no part of it.
        ("总投资1.5亿元的城南游泳馆和投资900万元的城北球场", "城南游泳馆"),
        # A clause that says only "过去一年" names nothing.
        ("过去一年,全县完成农村道路提质改造", "农村道路提质改造"),
    ],
)
def test_words_that_name_nothing_yield_to_the_name(text, title, tokenizer, lexicon):
    assert title_for(text, tokenizer, lexicon.abbreviations).value == title


def test_a_list_of_measures_is_no_title(tokenizer, lexicon):
    """ "普通卡7折、学生卡5折" lists several measures: the first clause's name stays."""
    got = title_for(
        "落实敬老优待、实施门票减免,成人票8折、儿童票5折", tokenizer, lexicon.abbreviations
    )
    assert "、" not in got.value and got.value in ("门票减免", "敬老优待")


def test_a_quoted_name_is_not_replaced_by_a_later_count(tokenizer, lexicon):
    got = title_for(
        "投资2亿元,在东河沿线实施“碧水绕城”工程,年内8个村实现污水收集",
        tokenizer,
        lexicon.abbreviations,
    )
    assert "碧水绕城" in got.value


def test_a_verdict_on_progress_is_no_alias(tokenizer, lexicon):
    aliases = aliases_for(
        "新建社区食堂10个。上级通报的食堂工作进展较为缓慢", lexicon, tokenizer, "社区食堂"
    )
    assert not any("进展" in a for a in aliases)
