"""Out-of-scope questions that share words with a drafted ledger's targets: words of work or
place only (新增, 培训, 市区) for a subject the ledger never writes (供热, 家政), the ledger's own
place name only, a forecast, the asker's meal, the ledger of a year to come."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import LedgerSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon

TZ = ZoneInfo("Asia/Shanghai")

TARGETS = (
    TargetSpec(1, "城区停车位", "城乡建设", "恩平市城区新增公共停车位3000个。", "已新增2100个。"),
    TargetSpec(2, "职业技能培训", "社会事业", "开展职业技能培训5000人次。", "已培训4200人次。"),
    TargetSpec(3, "老旧小区改造", "城乡建设", "改造城镇老旧小区12个。", "已开工10个。"),
    TargetSpec(4, "海塘加固", "城乡建设", "完成海塘加固10公里。", "已完成8公里。"),
    TargetSpec(5, "长者食堂", "社会事业", "新建长者食堂6个。", "已建成4个。"),
)
PREAMBLE = "关于恩平市2024年十件民生实事推进情况的通报。明年继续做好民生实事。"


def answerer_of(*targets: TargetSpec) -> Answerer:
    ledger = LedgerSpec(year=2024, title="t", preamble=PREAMBLE, targets=targets)
    return Answerer(ledger, load_lexicon(), today=dt.date(2024, 11, 30), tz=TZ)


@pytest.fixture(scope="module")
def answerer():
    return answerer_of(*TARGETS)


@pytest.mark.parametrize(
    "question",
    [
        "市区集中供热面积新增多少",  # 新增 and 市区 are shared, 供热 is held by no target
        "放心家政培训了多少人",  # 培训 is shared, 家政 is held by no target
    ],
)
def test_words_of_work_and_place_alone_do_not_answer_an_unheld_subject(answerer, question):
    assert answerer.ask(question).intent == "unknown"


@pytest.mark.parametrize(
    ("question", "number"),
    [("停车位新增了多少", 1), ("技能培训完成了多少", 2), ("老旧小区改造进度", 3)],
)
def test_the_targets_of_those_words_are_still_answered(answerer, question, number):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (number,))


def test_a_subject_the_ledger_holds_is_answered_on_a_weak_match():
    heating = TargetSpec(6, "集中供热", "城乡建设", "新增集中供热面积50万平方米。", "已新增30万。")
    answer = answerer_of(*TARGETS, heating).ask("市区集中供热面积新增多少")
    assert (answer.intent, answer.targets[:1]) == ("target", (6,))


def test_the_ledger_s_own_place_name_alone_is_no_match(answerer):
    assert answerer.ask("恩平温泉周末人多吗").intent == "unknown"
    answer = answerer.ask("恩平城区停车位新增多少")
    assert (answer.intent, answer.targets[:1]) == ("target", (1,))


@pytest.mark.parametrize(
    "question",
    ["明天台风来不来", "台风什么时候来", "午饭在哪吃", "中午吃什么", "明年的十件实事有哪些"],
)
def test_forecasts_meals_and_a_year_to_come_are_out_of_scope(answerer, question):
    assert answerer.ask(question).intent == "unknown"


@pytest.mark.parametrize(
    ("question", "number"), [("海塘加固完成多少了", 4), ("老人吃饭的食堂建了几个", 5)]
)
def test_the_works_and_services_those_words_touch_are_still_answered(answerer, question, number):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (number,))


def test_words_of_work_and_place_are_no_subject_topic_or_abbreviation():
    lexicon = load_lexicon()
    generic = set(lexicon.generic)
    assert generic, "the lexicon lists its words of work and place"
    assert not generic & set(lexicon.subjects)
    assert not generic & {topic.name for topic in lexicon.topics}
    assert not generic & set(lexicon.abbreviations)


# A ledger of investment by sector, as 重点项目 reports write it: no statistic of power use,
# income, value added or energy, and no drinking water.
SECTORS = (
    TargetSpec(1, "工业", "经济发展", "工业类完成投资19.2亿元。", "完成年度计划的94.5%。"),
    TargetSpec(2, "一般公共预算收入", "经济发展", "一般公共预算收入8.2亿元。", "同比增长6.5%。"),
    TargetSpec(3, "农村人居环境整治", "城乡建设", "农村人居环境整治工程。", "进展顺利。"),
)


@pytest.mark.parametrize(
    "question",
    [
        "工业用电量增长多少",  # 工业 is held, its 用电量 is not
        "城乡居民人均可支配收入增长多少",  # 收入 is held, 可支配收入 is not
        "规模工业增加值增长多少",
        "单位工业能耗下降多少",
        "农村饮水安全工程怎么样",  # 农村 and 工程 are held, 饮水 is not
    ],
)
def test_a_statistic_or_work_the_ledger_never_names_is_out_of_scope(question):
    assert answerer_of(*SECTORS).ask(question).intent == "unknown"


def test_a_statistic_is_answered_where_the_ledger_writes_it_in_the_lexicon_s_words():
    water = TargetSpec(4, "城市供水", "城乡建设", "城市供水质量提升。", "已完成。")
    answer = answerer_of(*SECTORS, water).ask("饮水安全怎么样")
    assert (answer.intent, answer.targets[:1]) == ("target", (4,))
    answer = answerer_of(*SECTORS).ask("工业投资完成了多少")
    assert (answer.intent, answer.targets[:1]) == ("target", (1,))


@pytest.mark.parametrize("question", ["海塘加固明年能不能完成", "长者食堂明年底前能建成吗"])
def test_when_a_target_will_be_done_in_a_year_to_come_asks_about_that_target(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "target" and answer.targets[0] in (4, 5)


def test_a_target_asked_about_next_year_without_its_finish_is_still_out_of_scope(answerer):
    assert answerer.ask("海塘加固明年怎么安排").intent == "unknown"


def test_an_unheld_subject_qualified_by_a_target_s_phrase_is_still_out_of_scope():
    gdp = TargetSpec(4, "地区生产总值", "经济发展", "地区生产总值增长6%。", "增长5.2%。")
    answerer = answerer_of(*SECTORS, gdp)
    assert answerer.ask("万元地区生产总值能耗下降多少").intent == "unknown"  # its 能耗
    answer = answerer.ask("地区生产总值增长多少")
    assert (answer.intent, answer.targets[:1]) == ("target", (4,))
