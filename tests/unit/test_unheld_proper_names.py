"""A question whose only distinctive content is a proper name no target writes (an event, a
body: "大运会", "冬奥会") is out of scope, though words of work ("建设", "筹备") match some
target weakly; a name the ledger writes, or a question with evidence of its own, still answers."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

ROADS = TargetSpec(1, "城市道路建设类", "城乡建设", "新建城市道路5条，完成建设投资3亿元。")
HOMES = TargetSpec(2, "社会福利中心", "民生保障", "建成社会福利中心1所。")
WATER = TargetSpec(3, "农村饮水", "民生保障", "巩固提升农村饮水工程12处。")
GAMES = TargetSpec(4, "冬奥会志愿服务", "社会事业", "组织冬奥会志愿者200人。")


def _core(*targets):
    ledger = small_ledger(2021, *targets)
    return Answerer(ledger, load_lexicon(), today=dt.date(2021, 6, 1), tz=ZoneInfo("UTC"))


@pytest.mark.parametrize("question", ["大运会场馆建设进度", "冬奥会场馆建设", "大运会筹备情况"])
def test_a_name_no_target_writes_is_out_of_scope(question):
    # Before, 建设 (or a character of the name, 运) made 城市道路建设类 a weak match.
    answer = _core(ROADS, HOMES, WATER).ask(question)
    assert (answer.intent, answer.targets) == ("unknown", ()), answer.reply


def test_a_name_the_ledger_writes_is_answered():
    answer = _core(ROADS, HOMES, WATER, GAMES).ask("冬奥会志愿者招了多少")
    assert answer.intent == "target" and answer.targets[0] == 4


def test_a_name_sharing_a_word_with_a_target_is_evidence():
    # 福利院 is no word of the ledger, but its 福利 is the target's own.
    answer = _core(ROADS, HOMES, WATER).ask("县里的福利院建了几所")
    assert answer.intent == "target" and answer.targets[0] == 2


def test_a_field_reading_beside_the_name_is_no_evidence():
    # 场馆 reads as 健身 in the field lexicon; the question still asks about 大运会's venues.
    fitness = TargetSpec(
        5, "运动场地建设", "社会事业", "建设社会足球场4个，多功能运动场2处，全民健身中心1个。"
    )
    answer = _core(ROADS, HOMES, WATER, fitness).ask("大运会场馆建设进度")
    assert (answer.intent, answer.targets) == ("unknown", ()), answer.reply
