"""Everyday wording on a ledger as `import-report` drafts it (no aliases): words that say how
far along or which one, and the everyday words for official topics, on invented targets."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

TOWN = small_ledger(
    2024,
    TargetSpec(
        1,
        "城北公交枢纽站建设",
        "城乡建设",
        "建成城北公交枢纽站1座,配套停车泊位200个。",
        indicators=(IndicatorSpec("建成公交枢纽站", "1", "座"),),
    ),
    TargetSpec(2, "全民健身中心", "社会事业", "新建全民健身中心1处。"),
    TargetSpec(
        3,
        "农村供水提升",
        "农业农村",
        "实施农村供水保障工程,惠及群众3万人。",
        indicators=(IndicatorSpec("惠及群众", "3", "万人"),),
    ),
    TargetSpec(4, "老旧小区改造", "城乡建设", "改造老旧小区12个。"),
    TargetSpec(5, "化工企业关停退出", "工业", "完成2家化工企业关停退出。"),
    title="民生实事",
)


def answerer_on(ledger, today: dt.date) -> Answerer:
    """A drafted-like ledger's core with the field lexicon, as of `today`."""
    return Answerer(ledger, load_lexicon(), today=today, tz=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def town():
    return answerer_on(TOWN, dt.date(2024, 9, 30))


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("公交枢纽站修到哪一步了", 1),
        ("那批老旧小区改造到哪儿了", 4),
        ("那批小区到哪了", 4),
        ("那家化工厂到哪一步了", 5),
    ],
)
def test_words_of_how_far_along_or_which_one_are_filler(town, question, number):
    # 到哪了, 那边, 那批, 那家 name no target: the target named explains the question in full,
    # so that a draft's lower bar is not needed to answer it (they used to count as words).
    answer = town.ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (number,))
    assert answer.confident and answer.candidates[0].coverage >= 0.8


SMALL = small_ledger(
    2019,
    TargetSpec(1, "农村户用厕所", "农业农村", "改(新)建农村户用厕所2000户。"),
    TargetSpec(2, "直播卫星用户", "文化", "新增直播卫星用户500户。"),
    TargetSpec(3, "危房改造", "住房", "完成农村困难户危房改造300户。"),
    TargetSpec(4, "公办幼儿园", "教育", "新建农村公办幼儿园5所。"),
    TargetSpec(5, "老旧小区改造", "住房", "城区老旧小区改造10个。"),
    TargetSpec(6, "敬老院防雷", "民政", "农村敬老院防雷工程改造。"),
    TargetSpec(7, "中小学防雷", "教育", "农村中小学防雷工程改造。"),
    TargetSpec(8, "数字化覆盖", "文化", "4座台站开展节目数字化覆盖。"),
    title="民生实事",
)


def test_an_abbreviation_on_a_small_ledger_finds_the_word_it_cuts():
    # 户 is in three of eight targets (户用, 用户, 困难户): on a small ledger that is still
    # uncommon enough for 户厕 to be read as 户用厕所, as 国储林 is 国家储备林 on a large one.
    answerer = answerer_on(SMALL, dt.date(2019, 10, 31))
    answer = answerer.ask("户厕改了多少")
    assert answer.intent == "target" and answer.targets[0] == 1
    assert any(r.kind == "gap" and r.text == "户厕" for r in answer.candidates[0].reasons)


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("前三季度哪几项已经全部完成", "已完成"),
        ("全面完成年度任务的是哪几个", "已完成"),
        ("今年兑现了哪些承诺", "已完成"),
        ("哪几项超过了年初定的目标", "超额完成"),
        ("哪些进度偏慢", "滞后"),
        ("哪些还没到年度目标", "未完成"),
    ],
)
def test_statuses_in_a_report_s_words_are_lists(town, question, status):
    answer = town.ask(question)
    assert (answer.intent, answer.filter.get("status")) == ("list", status)


@pytest.mark.parametrize("question", ["老旧小区改造全部完成了吗", "健身中心全面完成了没"])
def test_done_in_full_asked_of_one_target_is_that_target(town, question):
    answer = town.ask(question)
    assert answer.intent == "target"


RIVERS = small_ledger(
    2012,
    TargetSpec(1, "农村饮水安全工程", "水利", "完成农村饮水安全工程建设,解决2万人饮水安全。"),
    TargetSpec(2, "病险水库除险加固", "水利", "完成小型病险水库除险加固5座。"),
    TargetSpec(3, "排涝泵站", "水利", "新建排涝泵站3座。"),
    TargetSpec(4, "河道综合整治项目总体", "水利", "城区河道综合整治项目总体"),
    title="为民办实事",
)


def test_a_target_s_own_word_for_the_whole_is_no_summary():
    # 总体 is a summary word, but here it is half of a title the question all but writes.
    answerer = answerer_on(RIVERS, dt.date(2012, 11, 30))
    answer = answerer.ask("我问一下那个河道综合整治的总体情况怎么样")
    assert (answer.intent, answer.targets[:1]) == ("target", (4,))
    assert answerer.ask("现在总体情况怎么样").intent == "summary"


JOBS = small_ledger(
    2021,
    TargetSpec(1, "城镇新增就业", "民生保障", "城镇新增就业2万人。"),
    TargetSpec(2, "返乡入乡创业", "民生保障", "扶持返乡入乡创业1000人,带动就业3000人。"),
    TargetSpec(3, "老旧小区改造", "城乡建设", "改造老旧小区30个。"),
    title="民生实事",
)


def test_a_company_started_is_business_not_a_unit():
    # "开公司" is starting a business (创业), not a unit named …公司 whose targets are listed.
    answerer = answerer_on(JOBS, dt.date(2021, 9, 30))
    answer = answerer.ask("回老家开公司的情况")
    assert (answer.intent, answer.targets[:1]) == ("target", (2,))
    assert answerer.ask("城投公司的情况").filter.get("unit") == "城投公司"


HOMES = small_ledger(
    2024,
    TargetSpec(1, "人口发展", "社会管理", "人口自然增长率控制在6‰以内,政策符合率95%以上。"),
    TargetSpec(2, "餐饮用户瓶改管", "城乡建设", "完成餐饮用户瓶改管改造1200户。"),
    TargetSpec(3, "背街小巷整治", "城乡建设", "整治背街小巷20条。"),
    title="重点工作",
)


@pytest.mark.parametrize(
    ("question", "number"),
    [("计生工作怎么样", 1), ("饭馆把煤气罐换成管道气的事", 2)],
)
def test_field_words_for_population_work_and_gas_cylinders(question, number):
    answerer = answerer_on(HOMES, dt.date(2024, 9, 30))
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (number,))
    assert any(r.kind in ("lexicon", "phrase") for r in answer.candidates[0].reasons)


def test_an_abbreviation_the_ledger_does_not_mean_is_out_of_scope(town):
    assert town.ask("计生工作怎么样").intent == "unknown"
