"""Kinds of questions leaders ask in their own words: help, writing requests, items by 件,
statuses said as a supervision notice says them, lists by what targets' texts say, one
unit's only target, the whole ledger counted, and 盯 as who watches or what to watch."""

import dataclasses
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import UnitSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from bot.understanding.list_cues import ON_PACE_STATUSES

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"


def _answerer(ledger, today=dt.date(2020, 10, 20)):
    return Answerer(ledger, load_lexicon(), today=today, tz=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def answerer(ledger_2020):
    return _answerer(ledger_2020)


@pytest.mark.parametrize(
    "question",
    ["你能帮我干点啥?", "这个系统应该怎么提问?", "机器人可以帮我做什么", "提问的格式是什么"],
)
def test_what_the_bot_can_do_for_me_and_how_to_ask_it_is_help(answerer, question):
    assert answerer.ask(question).intent == "help"


@pytest.mark.parametrize(
    "question", ["帮我起草一份年终总结", "帮我写个固投的汇报", "写一篇讲话稿"]
)
def test_a_text_to_be_written_for_the_asker_is_out_of_scope(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "unknown"
    assert answer.reply.startswith("我只能查询台账中各项目标的情况，不能代写材料或代办事务。\n")


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("第十二件", 12),  # items counted by 件
        ("第3件事项进展怎么样", 3),
        ("编号为12的目标", 12),  # a number said to be the item's
        ("序号是3", 3),
    ],
)
def test_an_item_counted_by_jian_or_said_to_be_numbered_is_a_number_reference(
    answerer, question, number
):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets) == ("target", (number,))


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("被点名的有哪些", "滞后"),
        ("没达到序时进度的有哪些", "滞后"),
        ("还没报进展的是哪项", "暂无数据"),
        ("哪些还没启动", "暂无数据"),
    ],
)
def test_statuses_as_a_supervision_notice_says_them(answerer, question, status):
    answer = answerer.ask(question)
    assert answer.intent == "list" and answer.filter["status"] == status


@pytest.mark.parametrize("question", ["哪些达到序时进度了", "哪些没有滞后", "达序的有哪些"])
def test_on_pace_lists_every_target_neither_behind_nor_unfinished(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "list" and tuple(answer.filter["status"]) == ON_PACE_STATUSES
    assert answer.targets
    assert all(answerer.status(answerer.by_number[n]) in ON_PACE_STATUSES for n in answer.targets)


def test_a_status_said_of_a_named_target_asks_about_that_target(answerer):
    answer = answerer.ask("新增贷款的事为什么滞后")
    assert (answer.intent, answer.targets[0]) == ("target", 12)


@pytest.fixture(scope="module")
def charged(ledger_2020):
    """The 2020 ledger where two targets name the leader in charge, and one unit has one."""
    changed = []
    for t in ledger_2020.targets:
        if t.number in (1, 2):
            t = dataclasses.replace(t, progress_text=t.progress_text + "\n分管领导：王立新")
        if t.number == 12:
            t = dataclasses.replace(t, units=(UnitSpec("县金融服务中心"),))
        changed.append(t)
    return _answerer(dataclasses.replace(ledger_2020, targets=tuple(changed)))


@pytest.mark.parametrize(
    "question", ["王立新分管的项目", "王立新分管的有哪些", "哪几项是王立新分管的"]
)
def test_a_list_by_whose_charge_or_said_the_other_way_round(charged, question):
    answer = charged.ask(question)
    assert (answer.intent, answer.targets) == ("list", (1, 2))


@pytest.mark.parametrize(
    "question", ["金融服务中心负责的那件事办得咋样", "金融服务中心的事项落实情况"]
)
def test_one_thing_of_a_unit_with_one_target_is_that_target(charged, question):
    answer = charged.ask(question)
    assert (answer.intent, answer.targets[0]) == ("target", 12)


def test_the_same_unit_asked_for_a_list_is_a_list(charged):
    answer = charged.ask("金融服务中心负责哪些")
    assert (answer.intent, answer.targets) == ("list", (12,))


@pytest.mark.parametrize("question", ["一共多少个目标", "多少个目标", "完成了多少项"])
def test_how_many_targets_or_done_asked_plainly_is_the_summary(answerer, question):
    # Before, "一共多少个目标" and "完成了多少项" were "没有找到" while "总共有多少项" and
    # "完成了几项" were the summary.
    assert answerer.ask(question).intent == "summary"


@pytest.mark.parametrize("question", ["66件事项办得怎么样", "这十件实事完成得如何"])
def test_the_ledger_counted_as_its_items_is_the_whole_ledger(answerer, question):
    assert answerer.ask(question).intent == "summary"


def test_a_count_naming_a_unit_by_its_stem_counts_one_targets_things():
    from bot.drafting.drafter import draft_ledger, guess_year
    from bot.drafting.report_text import parse_report

    text = (REPORTS / "xianning-2020" / "report.txt").read_text(encoding="utf-8")
    ledger = draft_ledger(parse_report(text), guess_year(text))
    drafted = _answerer(ledger, today=dt.date(2020, 12, 31))
    answer = drafted.ask("科技成果登记了多少项")
    assert answer.intent == "target" and "unit" not in answer.filter
    assert drafted.ask("科技局负责的有几项").intent == "list"


def test_who_watches_is_no_list_of_targets_to_watch(answerer):
    assert answerer.ask("市里盯着的重点工程投资进度").intent == "target"
    assert answerer.ask("需要重点盯的有哪些").filter.get("at_risk")


def test_forestry_is_a_topic_word(ledger_2020):
    # Without the 林业局 unit, the forestry question is the 生态环保 topic's list.
    bare = [dataclasses.replace(t, units=()) for t in ledger_2020.targets]
    answer = _answerer(dataclasses.replace(ledger_2020, targets=tuple(bare))).ask(
        "林业和矿山方面的任务有哪些"
    )
    assert answer.intent == "list" and answer.filter.get("topic") == "生态环保"


@pytest.mark.parametrize(
    "question", ["完成得不好的", "哪些目标有问题", "还差得远的是哪些", "要重点督办的"]
)
def test_work_going_badly_said_of_targets_lists_those_at_risk(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "list" and answer.filter.get("at_risk")


@pytest.mark.parametrize("question", ["肺不好的人筛查做了多少人次", "新增贷款有问题吗"])
def test_badly_said_of_people_or_of_one_target_is_no_such_list(answerer, question):
    assert answerer.ask(question).intent == "target"


@pytest.mark.parametrize("question", ["新增贷款进展好吗", "造林进度快不快"])
def test_going_well_asked_of_one_target_is_no_such_list(answerer, question):
    assert answerer.ask(question).intent == "target"


def test_done_ahead_of_time_lists_the_finished_targets(answerer):
    answer = answerer.ask("哪些已经提前完成了")
    assert answer.intent == "list" and "已完成" in answer.filter["status"]


@pytest.mark.parametrize(
    "question",
    [
        "进展顺利的有哪些",
        "哪些完成得好",
        "完成得不错的",
        "分行业看哪些进展好",  # as a 重点项目 report sorts its items: 进展较好, 进展不够理想
        "进展较快的",
        "哪些超过倒排工期计划进度",
    ],
)
def test_work_going_well_lists_the_targets_on_pace(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "list" and tuple(answer.filter["status"]) == ON_PACE_STATUSES


@pytest.mark.parametrize("question", ["列一下所有目标", "全部目标清单", "目标清单"])
def test_every_target_asked_for_as_a_list(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "list" and len(answer.targets) == len(answerer.ledger.targets)


def test_the_last_ranked_targets_asked_without_a_rate_word(answerer):
    answer = answerer.ask("排名倒数的目标")
    assert answer.intent == "list" and answer.filter["rank"] == "completion_asc"


@pytest.mark.parametrize(
    "question",
    [
        "帮我算一下100乘以3",
        "你喜欢什么",
        "帮我预约一下体检",
        "给我订张去北京的机票",
        "我的社保怎么交",
        "今年的年终奖发多少",
    ],
)
def test_small_talk_sums_errands_and_ones_own_pay_are_out_of_scope(answerer, question):
    assert answerer.ask(question).intent == "unknown"


def test_a_subject_held_in_none_of_the_lexicons_words_for_it_is_out_of_scope(ledger_2020):
    answerer = _answerer(ledger_2020)
    assert answerer.ask("防汛物资准备得怎么样").intent == "unknown"
    # A ledger holding 防汛 in another of its words (防洪) answers it.
    first = ledger_2020.targets[0]
    flood = dataclasses.replace(first, target_text=first.target_text + "；完成防洪工程3处")
    held = dataclasses.replace(ledger_2020, targets=(flood, *ledger_2020.targets[1:]))
    assert _answerer(held).ask("防汛物资准备得怎么样").intent != "unknown"


def test_a_cue_in_the_lexicons_words_of_the_leading_targets_text_is_in_scope(ledger_2020):
    # Without aliases (as a draft comes), 股市 is the cue of a market question, unless the
    # target that explains the question writes 上市, the lexicon's word for it.
    bare = [dataclasses.replace(t, aliases=()) for t in ledger_2020.targets]
    answerer = _answerer(dataclasses.replace(ledger_2020, targets=tuple(bare)))
    answer = answerer.ask("企业去股市上市融资融了多少钱")
    assert (answer.intent, answer.targets[0]) == ("target", 11)
    assert answerer.ask("今天股市涨了吗").intent == "unknown"


@pytest.mark.parametrize(
    "question",
    ["你有什么本事", "给我介绍一下你自己", "有啥功能", "怎么跟你对话", "不会问怎么办", "举个例子"],
)
def test_help_asked_about_the_bot_itself_in_other_words(answerer, question):
    assert answerer.ask(question).intent == "help"


@pytest.mark.parametrize(
    "question",
    [
        "一共完成了多少项",
        "总体完成率是多少",
        "目前完成比例多少",
        "形势怎么样",
        "十大民生工程完成得怎么样",  # what a county calls the whole ledger, by its count
    ],
)
def test_the_whole_ledgers_rate_and_outlook_is_the_summary(answerer, question):
    assert answerer.ask(question).intent == "summary"


@pytest.mark.parametrize(
    ("question", "number"), [("新增贷款目标10亿完成了吗", 12), ("目标12完成了吗", 12)]
)
def test_a_figure_after_the_word_target_is_no_number_reference(answerer, question, number):
    assert answerer.ask(question).targets[0] == number


@pytest.mark.parametrize("question", ["近期要到期的有哪些", "还有一个月就到期的"])
def test_due_soon_in_other_words(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "list" and "due" in answer.filter


@pytest.mark.parametrize(
    ("question", "window"),
    [
        # Before, "本月要到期的" was the next 30 days (its 要到期的 read as "due soon")
        ("本月要到期的", ["2020-10-01", "2020-10-31"]),
        ("这个月要到期的有哪些", ["2020-10-01", "2020-10-31"]),
        ("下个月要到期的", ["2020-11-01", "2020-11-30"]),
        # and a number of days or weeks in words was no window at all ("没有找到")
        ("三天内到期的", ["2020-10-20", "2020-10-23"]),
        ("十天内要完成的", ["2020-10-20", "2020-10-30"]),
        ("一周内到期的", ["2020-10-20", "2020-10-27"]),
        ("两个星期内到期的", ["2020-10-20", "2020-11-03"]),
        ("快到期的", ["2020-10-20", "2020-11-19"]),
    ],
)
def test_a_due_window_named_in_words_is_that_window(answerer, question, window):
    answer = answerer.ask(question)
    assert (answer.intent, answer.filter.get("due")) == ("list", window)


@pytest.mark.parametrize(
    ("question", "rank"),
    [("垫底的是哪几个", "completion_asc"), ("排名靠后的目标", "completion_asc")],
)
def test_the_last_in_other_words(answerer, question, rank):
    answer = answerer.ask(question)
    assert answer.intent == "list" and answer.filter["rank"] == rank


def test_a_threshold_said_with_only_a_suffix(answerer):
    answer = answerer.ask("完成率80%以上的")
    assert answer.intent == "list" and answer.filter["completion"] == ">=80"
    assert answerer.ask("完成率不足50%的有哪些").filter["completion"] == "<50"


def test_still_being_done_is_in_progress(answerer):
    answer = answerer.ask("正在做的有哪些")
    assert answer.intent == "list" and answer.filter["status"] == "推进中"


@pytest.mark.parametrize(
    "question", ["政府发债修项目那块争取得怎么样", "老百姓看病报销那块,参保的人数够不够"]
)
def test_a_topic_word_beside_a_things_own_words_answers_the_thing(answerer, question):
    assert answerer.ask(question).intent == "target"


@pytest.mark.parametrize(
    "question", ["医院那块", "全县养老方面的工作进展如何", "医院那块有哪些目标"]
)
def test_a_topic_said_alone_is_still_its_list(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "list" and "topic" in answer.filter


@pytest.mark.parametrize(
    "question", ["气象局那边有几项任务", "气象局手上有哪些活", "哪些是气象局的"]
)
def test_a_unit_the_ledger_lacks_asked_where_its_work_is(answerer, question):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets) == ("list", ())
    assert "气象局" in answer.reply


def test_past_the_deadline_in_other_words_is_overdue(answerer):
    assert answerer.ask("超过时限的有哪些").filter.get("overdue")
    assert answerer.ask("到期了还没完成的").filter.get("overdue")


def test_the_last_asked_of_a_ledger_without_figures_says_it_cannot_rank(ledger_2020):
    bare = [dataclasses.replace(t, indicators=()) for t in ledger_2020.targets]
    answerer = _answerer(dataclasses.replace(ledger_2020, targets=tuple(bare)))
    answer = answerer.ask("垫底的是哪几个")
    assert (answer.intent, answer.filter["rank"]) == ("list", "no_figures")


def test_danger_of_a_place_is_no_list_of_targets_at_risk(answerer):
    assert not answerer.ask("农村公路危险路段安全设施装了多少公里").filter.get("at_risk")
    assert answerer.ask("有困难的是哪几项").filter.get("at_risk")
    assert answerer.ask("比较危险的有哪些").filter.get("at_risk")


def test_a_numbered_road_is_no_number_reference(answerer):
    answer = answerer.ask("20号路建成了吗")
    assert answer.targets[:1] != (20,)


def test_free_tickets_are_no_price_question(ledger_2020):
    first = ledger_2020.targets[0]
    free = dataclasses.replace(
        first, title="景区免门票", target_text="全县A级景区对本地居民免门票开放"
    )
    answerer = _answerer(
        dataclasses.replace(ledger_2020, targets=(free, *ledger_2020.targets[1:]))
    )
    assert answerer.ask("景区免门票的事").targets[:1] == (first.number,)
    assert _answerer(ledger_2020).ask("景区门票多少钱").intent == "unknown"


@pytest.mark.parametrize("question", ["今天西平多少度", "明天会下雨吗", "外面冷不冷"])
def test_the_weather_in_passing_words_is_out_of_scope(answerer, question):
    assert answerer.ask(question).intent == "unknown"


def test_done_with_the_years_task_is_a_list_of_the_done(answerer):
    answer = answerer.ask("哪些完成全年任务了")
    assert answer.intent == "list" and answer.filter["status"] == "已完成"


def test_characters_apart_are_some_evidence_side_by_side_none():
    from bot.understanding.candidates import Candidate, Reason
    from bot.understanding.cues import one_character

    def by(*chars):
        return Candidate(1, "", 2.0, tuple(Reason("char", c, "text", 1.0) for c in chars))

    assert one_character(by("岁"), "你几岁了")
    assert one_character(by("资", "金"), "古城修缮资金到位没")  # the word 资金, never written
    assert not one_character(by("矿", "山"), "以前挖矿挖坏的山修复了多少")


@pytest.mark.parametrize(
    "question",
    [
        "隔壁县的固投完成了多少",
        "县政府办公室在几楼",
        "医保卡丢了怎么补",
        "结婚登记要带什么材料",
        "县医院哪个医生好",
        "哪家银行利息高",
        "帮我把这个文件打印一下",
        "会议室空调坏了找谁修",
        "县里的足球队比赛赢了吗",
        "我想调到别的部门",
    ],
)
def test_other_counties_offices_errands_and_advice_are_out_of_scope(answerer, question):
    assert answerer.ask(question).intent == "unknown"


@pytest.mark.parametrize("turn", ["进度呢", "具体数字呢", "为什么滞后", "那它的目标是多少"])
def test_a_turn_about_the_last_target_with_nothing_else_in_it(answerer, turn):
    from bot.understanding.conversation import Conversation

    chat = Conversation()
    answerer.ask("固投怎么样", chat, now=1.0)
    answer = answerer.ask(turn, chat, now=2.0)
    assert (answer.intent, answer.targets[0]) == ("target", 1)


@pytest.mark.parametrize(
    "turn", ["进度正常吗", "进展怎么样", "情况如何", "现在什么状态", "正常吗"]
)
def test_how_the_last_target_stands_asked_with_nothing_else_is_about_it(answerer, turn):
    # Before, right after "慢阻肺防治怎么样", "进展怎么样" answered the whole ledger's summary
    # and "进度正常吗" that nothing matched.
    from bot.understanding.conversation import Conversation

    chat = Conversation()
    answerer.ask("慢阻肺防治怎么样", chat, now=1.0)
    answer = answerer.ask(turn, chat, now=2.0)
    assert (answer.intent, answer.targets[:1]) == ("target", (35,))


@pytest.mark.parametrize(
    "turn", ["滞后吗", "是不是逾期了", "达标了吗", "能按期完成吗", "有风险吗", "会不会逾期"]
)
def test_a_yes_no_question_on_a_state_right_after_a_target_is_about_it(answerer, turn):
    # Before, "滞后吗" after "慢阻肺防治怎么样" listed the ledger's 滞后 targets ("没有符合条件
    # 的目标"), "达标了吗" answered 水环境质量 and "能按期完成吗" that nothing matched.
    from bot.understanding.conversation import Conversation

    chat = Conversation()
    answerer.ask("慢阻肺防治怎么样", chat, now=1.0)
    answer = answerer.ask(turn, chat, now=2.0)
    assert (answer.intent, answer.targets[:1]) == ("target", (35,))


@pytest.mark.parametrize("turn", ["啥时候完成的", "什么时候能完成", "何时完工"])
def test_when_the_last_target_is_done_is_its_deadline(answerer, turn):
    # Before, "啥时候完成的" after "县医院创二甲怎么样" listed the ledger's 21 已完成 targets.
    from bot.understanding.conversation import Conversation

    chat = Conversation()
    answerer.ask("县医院创二甲怎么样", chat, now=1.0)
    answer = answerer.ask(turn, chat, now=2.0)
    assert (answer.targets[:1], answer.filter.get("aspect")) == ((50,), "deadline")


def test_a_rank_asked_of_the_last_target_stays_on_it(answerer):
    # Before, "全省排名呢" after 规上工业增加值 (no rank in the ledger) answered 固定资产投资,
    # whose 全市排名 shares the word 排名.
    from bot.understanding.conversation import Conversation

    chat = Conversation()
    answerer.ask("规上工业增加值增速多少", chat, now=1.0)
    answer = answerer.ask("全省排名呢", chat, now=2.0)
    assert answer.targets[:1] == (2,)
    # its task text's words on a rank are said as such (h-trial16), not "no rank in the ledger"
    assert answer.reply.startswith(
        "➤ 排名：进展未写排名；目标任务中写的是“规模以上工业增加值增速高于全省平均水平；"
        "继续保持全省第一方阵”\n第2项 规上工业增加值"
    )
    answerer.ask("进出口总额怎么样", chat, now=3.0)  # one that ranks: its rank leads
    ranked = answerer.ask("全省排名呢", chat, now=4.0)
    assert ranked.reply.startswith("➤ 进出口额全市排名 3位"), ranked.reply


def test_a_state_asked_with_no_target_talked_about_is_still_a_list(answerer):
    assert answerer.ask("滞后吗").filter == {"status": "滞后"}
    assert answerer.ask("有风险吗").filter == {"at_risk": True}


def test_the_same_turns_without_a_conversation_are_no_target(answerer):
    assert answerer.ask("进度呢").intent == "summary"
    assert answerer.ask("进展怎么样").intent == "summary"
    assert answerer.ask("进度正常吗").intent != "target"


def test_a_turn_naming_another_target_outright_leaves_the_last(answerer):
    from bot.understanding.conversation import Conversation

    chat = Conversation()
    answerer.ask("固投怎么样", chat, now=1.0)
    assert answerer.ask("它和新增贷款哪个快", chat, now=2.0).targets[0] != 1


@pytest.mark.parametrize("question", ["按单位列一下", "分单位看看", "各部门进展怎么样"])
def test_the_unit_board_asked_for_by_its_units(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "list" and answer.filter["rank"].startswith("units_")


@pytest.mark.parametrize(
    ("question", "count", "rank"),
    [("完成率前五", 5, "completion_desc"), ("完成最差的三个", 3, "completion_asc")],
)
def test_a_ranking_shows_as_many_as_asked(answerer, question, count, rank):
    answer = answerer.ask(question)
    assert (answer.intent, answer.filter["rank"], len(answer.targets)) == ("list", rank, count)


@pytest.mark.parametrize(
    "question", ["前三季度固投增长多少", "固投前七个月完成了多少", "前10个月固投完成了多少"]
)
def test_the_first_months_or_quarters_are_no_ranking(answerer, question):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets[0]) == ("target", 1)


@pytest.mark.parametrize(
    "question", ["进度不理想的", "需要督促的", "哪些要加把劲", "要抓紧的有哪些"]
)
def test_needing_a_push_said_of_targets_lists_those_at_risk(answerer, question):
    assert answerer.ask(question).filter.get("at_risk")


def test_needing_a_push_said_of_one_target_asks_about_it(answerer):
    assert answerer.ask("固投需要加快进度吗").targets[0] == 1


@pytest.mark.parametrize("question", ["没有进展的有哪些", "进度为零的"])
def test_no_progress_at_all_is_no_data(answerer, question):
    assert answerer.ask(question).filter["status"] == "暂无数据"


def test_is_there_progress_on_a_target_is_that_target(answerer):
    assert answerer.ask("固投有没有进展").targets[0] == 1


@pytest.mark.parametrize("question", ["固投没完成吗", "固投没进展吗"])
def test_a_short_status_question_naming_a_target_asks_about_it(answerer, question):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets[0]) == ("target", 1)


@pytest.mark.parametrize(
    "question", ["没完成的", "超额的列一下", "已经超额的", "超额完成了的目标"]
)
def test_a_short_status_question_naming_nothing_else_is_a_list(answerer, question):
    assert answerer.ask(question).intent == "list"


def test_what_is_left_lists_every_target_not_done(answerer):
    from bot.understanding.list_cues import NOT_DONE_STATUSES

    answer = answerer.ask("剩下的还有几项")
    assert answer.intent == "list" and tuple(answer.filter["status"]) == NOT_DONE_STATUSES
    assert answer.targets
    assert all(answerer.status(answerer.by_number[n]) in NOT_DONE_STATUSES for n in answer.targets)


@pytest.mark.parametrize("question", ["各领域完成情况", "分领域看看"])
def test_every_category_at_once_is_the_summary(answerer, question):
    assert answerer.ask(question).intent == "summary"


@pytest.mark.parametrize("question", ["发改委干得怎么样", "发改委的情况", "教育局那边进展如何"])
def test_a_unit_named_with_nothing_else_lists_its_targets(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "list" and answer.filter["unit"] in ("县发改委", "县教育局")


def test_a_unit_and_a_status_with_nothing_else_is_that_units_list(answerer):
    answer = answerer.ask("民政局有没有未完成的")
    assert answer.intent == "list" and answer.filter.get("status") == "未完成"
    assert answer.filter["unit"].endswith("民政局")


def test_a_unit_beside_a_target_asks_about_the_target(answerer):
    assert answerer.ask("发改委的固投完成了吗").targets[0] == 1


@pytest.mark.parametrize("question", ["县里有哪些目标", "目标都有哪些", "都有哪些任务"])
def test_which_targets_there_are_lists_them_all(answerer, question):
    answer = answerer.ask(question)
    assert answer.intent == "list" and len(answer.targets) == len(answerer.ledger.targets)


def test_due_already_or_today_are_deadline_windows(answerer):
    passed = answerer.ask("哪些到期了")
    assert passed.intent == "list" and passed.filter["due"][1] == answerer.today.isoformat()
    today = answerer.ask("今天到期的")
    assert today.filter["due"] == [answerer.today.isoformat()] * 2


def test_due_this_year_is_the_ledgers_whole_year(answerer):
    answer = answerer.ask("今年到期的有哪些")
    year = answerer.ledger.year
    assert answer.intent == "list"
    assert answer.filter["due"] == [f"{year}-01-01", f"{year}-12-31"]


def test_function_zones_are_no_help(answerer):
    assert answerer.ask("哪些功能区建成了").intent != "help"


def test_a_list_by_text_reads_the_reason_given_for_a_status(ledger_2020):
    # A drafted report's group heading stands in the reason ("所在分组“…暂缓实施的有2项”").
    changed = [
        dataclasses.replace(t, status_reason="所在分组“暂缓实施的有2项”")
        if t.number in (5, 9)
        else t
        for t in ledger_2020.targets
    ]
    answerer = _answerer(dataclasses.replace(ledger_2020, targets=tuple(changed)))
    answer = answerer.ask("暂缓实施的项目有哪些")
    assert (answer.intent, answer.targets) == ("list", (5, 9))


def test_a_rank_the_ledger_never_states_is_out_of_scope(ledger_2020):
    first = ledger_2020.targets[0]
    ranked_firms = dataclasses.replace(
        first,
        title="文化产业",
        target_text="文化及相关产业增加值占GDP比重提升至5%",
        progress_text="规上文化产业单位数144个,排名全省第六",
        indicators=(),
    )
    answerer = _answerer(dataclasses.replace(ledger_2020, targets=(ranked_firms,)))
    assert answerer.ask("GDP排全省第几").intent == "unknown"
    assert answerer.ask("规上文化产业单位数排全省第几").intent == "target"


def test_a_rank_stated_in_the_lexicons_word_or_an_indicator_is_answered(answerer):
    assert answerer.ask("GDP排全市第几").targets[0] == 53  # 生产总值增速高于全市平均水平
    assert answerer.ask("进出口排第几").targets[0] == 59  # an indicator of its rank


@pytest.mark.parametrize("question", ["气象局干得怎么样", "气象局的情况", "气象局有几个任务"])
def test_a_unit_the_ledger_lacks_asked_how_it_does_says_so(answerer, question):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets) == ("list", ())
    assert "气象局" in answer.reply


@pytest.mark.parametrize("question", ["完成最差的三个", "哪个目标完成最好"])
def test_a_ranking_asked_of_a_ledger_without_figures_says_so(ledger_2020, question):
    bare = [dataclasses.replace(t, indicators=()) for t in ledger_2020.targets]
    answerer = _answerer(dataclasses.replace(ledger_2020, targets=tuple(bare)))
    assert answerer.ask(question).filter.get("rank") == "no_figures"


def test_the_next_and_previous_entry_of_the_last_list(answerer):
    from bot.understanding.conversation import Conversation

    chat = Conversation()
    listed = answerer.ask("发改委负责的有哪些", chat, now=1.0).targets
    assert answerer.ask("第一个呢", chat, now=2.0).targets[0] == listed[0]
    assert answerer.ask("下一个", chat, now=3.0).targets[0] == listed[1]
    assert answerer.ask("下一个呢", chat, now=4.0).targets[0] == listed[2]
    assert answerer.ask("上一个", chat, now=5.0).targets[0] == listed[1]


def test_the_next_entry_with_no_list_or_past_its_end_says_there_is_none(answerer):
    from bot.understanding.conversation import Conversation

    alone = answerer.ask("下一个", Conversation(), now=1.0)
    assert (alone.intent, alone.targets) == ("unknown", ())
    assert alone.reply.startswith("没有可以接着看的清单项：请先查一个清单")
    chat = Conversation()
    listed = answerer.ask("发改委负责的有哪些", chat, now=1.0).targets
    assert answerer.ask(f"第{len(listed)}个呢", chat, now=2.0).targets[0] == listed[-1]
    past = answerer.ask("下一个", chat, now=3.0)
    assert (past.intent, past.targets) == ("unknown", ())
    # a list is open: where it ends, not "no list" (as it said before)
    assert past.reply.startswith(f"这已是刚才清单的最后一项（共{len(listed)}项）"), past.reply
    answerer.ask("第一个呢", chat, now=4.0)
    before = answerer.ask("上一个", chat, now=5.0)
    assert before.reply.startswith(f"这已是刚才清单的第一项（共{len(listed)}项）"), before.reply


@pytest.mark.parametrize("question", ["12号和13号", "第12项和第13项", "第12项、第13项怎么样"])
def test_several_item_numbers_answer_each(answerer, question):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets, answer.filter.get("multi")) == (
        "target",
        (12, 13),
        True,
    )


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("进展缓慢的项目有哪些", "滞后"),  # how a notice names its laggards
        ("推进缓慢的有几个", "滞后"),
        ("哪些项目已经投产了", "已完成"),  # a project done, in a notice's words
        ("已建成投用的有哪些", "已完成"),
    ],
)
def test_a_notices_words_for_late_and_done_are_status_lists(answerer, question, status):
    answer = answerer.ask(question)
    assert (answer.intent, answer.filter.get("status")) == ("list", status)


@pytest.mark.parametrize(
    ("question", "completion"),
    [("完成不到九成的", "<90"), ("完成了八成以上的有哪些", ">=80"), ("完成不到一半的", "<50")],
)
def test_a_share_said_after_wancheng_is_a_threshold_list(answerer, question, completion):
    answer = answerer.ask(question)
    assert (answer.intent, answer.filter.get("completion")) == ("list", completion)


@pytest.mark.parametrize("question", ["造林完成了九成以上吗", "新增贷款完成不到九成吗"])
def test_a_share_said_of_one_target_asks_about_it(answerer, question):
    assert answerer.ask(question).intent == "target"


@pytest.mark.parametrize("question", ["没开工的", "还没开工的项目"])
def test_a_stage_only_an_alias_names_is_still_a_status_list(answerer, question):
    # 开工率 is an alias of 签约项目履约率, not a title counting the ledger's projects by stage
    answer = answerer.ask(question)
    assert (answer.intent, answer.filter.get("status")) == ("list", "暂无数据")


@pytest.mark.parametrize(
    ("question", "rank"),
    [("比计划高出最多的是哪件", "completion_desc"), ("完成最好的是哪件", "completion_desc")],
)
def test_the_best_or_worst_asked_by_jian_or_tiao_is_a_ranking(answerer, question, rank):
    answer = answerer.ask(question)
    assert (answer.intent, answer.filter.get("rank")) == ("list", rank)


def test_which_year_is_no_ranking_of_targets(answerer):
    assert answerer.ask("新增贷款最多的是哪一年").intent == "target"


@pytest.mark.parametrize(
    ("question", "aspect", "numbers"),
    [
        ("新增贷款和固投谁负责", "units", (12, 1)),
        ("造林和耕地保护什么时候到期", "deadline", (7, 16)),
        ("慢阻肺和耕地保护差多少", "gap", (35, 16)),
    ],
)
def test_an_aspect_of_two_targets_named_at_once_is_answered_for_each(
    answerer, question, aspect, numbers
):
    # h-trial16: "新增贷款和固投谁负责" named only 新增贷款's units
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets, answer.filter) == (
        "target", numbers, {"multi": True, "aspect": aspect},
    )  # fmt: skip
    lines = answer.reply.splitlines()
    assert len(lines) == 3 and lines[0].startswith("这2项的")
    assert [line.split("：", 1)[0] for line in lines[1:]] == [
        f"第{n}项 {answerer.by_number[n].title}" for n in numbers
    ]


def test_one_targets_name_holding_a_join_keeps_its_aspect(answerer):
    answer = answerer.ask("企业上云和技改谁负责")
    assert answer.targets[:1] == (9,) and answer.reply.startswith("➤ 责任单位：县工信局")
