"""Words a question shares with a ledger that must not be lost: 目前 inside 项目前期 is no
filler, and a subject such as 就业 is held by a ledger of 失业 and 创业 targets."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bench.drafts import draft_as_imported
from bench.sets import REPORTS
from bot.domain.ledger import TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

TZ = ZoneInfo("Asia/Shanghai")

LEDGER = small_ledger(
    2023,
    TargetSpec(
        1,
        "城镇登记失业人数",
        "民生保障",
        "城镇登记失业人数控制在2万人以内;扶持500人成功创业;完成创业园区建设。",
        "扶持547人成功创业,完成全年目标的109.4%。",
    ),
    TargetSpec(
        2, "重点项目", "经济发展", "全年实施重点项目89个,完成投资130亿元。", "完成投资74亿元。"
    ),
    TargetSpec(
        3,
        "要素跟着项目走",
        "城乡建设",
        "坚持要素跟着项目走,做深做细前期工作,增强报批精准性。",
        "新增建设用地计划初步安排农转用指标2750亩。",
    ),
    TargetSpec(
        4, "外科医技楼", "社会事业", "建成区中心医院外科医技楼并投入使用。", "已投入使用。"
    ),
)


@pytest.fixture(scope="module")
def answerer():
    return Answerer(LEDGER, load_lexicon(), today=dt.date(2023, 12, 31), tz=TZ)


@pytest.mark.parametrize("question", ["项目前期工作做得怎么样", "项目前期工作进展"])
def test_the_project_s_early_work_is_no_filler_now(answerer, question):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (3,))


def test_now_before_the_projects_stays_filler(answerer):
    # 目前 asked as "now" still says nothing: the question is about the projects.
    assert answerer.ask("目前重点项目完成投资多少").targets[:1] == (2,)


@pytest.mark.parametrize("question", ["就业创业", "就业创业完成情况"])
def test_employment_is_held_by_a_ledger_of_jobless_and_start_up_targets(answerer, question):
    answer = answerer.ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (1,))


def test_a_subject_no_word_of_its_topic_names_is_still_absent():
    # The same ledger without the jobs target holds no 就业 at all.
    ledger = small_ledger(2023, *LEDGER.targets[1:])
    answerer = Answerer(ledger, load_lexicon(), today=dt.date(2023, 12, 31), tz=TZ)
    assert answerer.ask("今年就业创业怎么样").intent == "unknown"


def test_a_speaker_s_hesitations_leave_the_named_target_one_target():
    # 嗯 and 就是 said while thinking are no words a target must explain: the question still
    # names the gas-safety target, and 已经干完了 of it is no list of what is done.
    drafted = draft_as_imported(REPORTS / "xinjian-2024-12" / "report.txt")
    answerer = Answerer(drafted.ledger, load_lexicon(), today=drafted.judging_day, tz=TZ)
    answer = answerer.ask("那个嗯就是居民家里燃气那个安全装置还有那个瓶改管的事是不是已经干完了")
    assert (answer.intent, answer.targets[:1]) == ("target", (2,))


def test_cardiac_arrest_asks_for_the_defibrillators():
    # 心脏骤停 is what an AED (自动体外除颤仪) is for; the newborn heart-screening target only
    # shares 心脏 with the question.
    drafted = draft_as_imported(REPORTS / "qiongzhong-2022-04" / "report.txt")
    answerer = Answerer(drafted.ledger, load_lexicon(), today=drafted.judging_day, tz=TZ)
    assert answerer.ask("心脏骤停急救的那个机器装了没有").targets[:1] == (7,)
