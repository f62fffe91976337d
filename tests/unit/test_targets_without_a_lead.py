"""Targets asked after for the unit they lack ("哪些目标没有责任单位"): the list of those no
unit leads, each with the units that only assist it, or that every target has its lead."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import TargetSpec, UnitSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

LED = TargetSpec(1, "城市公园建设", "城乡建设", "新建城市公园4个。", units=(UnitSpec("县住建局"),))
ASSISTED = TargetSpec(
    2, "农村公路", "城乡建设", "新建农村公路30公里。", units=(UnitSpec("县财政局", "assist"),)
)
ALONE = TargetSpec(3, "文化下乡", "文化体育", "送戏下乡120场。")


def core(*targets: TargetSpec) -> Answerer:
    ledger = small_ledger(2020, *targets)
    return Answerer(ledger, load_lexicon(), today=dt.date(2020, 11, 1), tz=ZoneInfo("UTC"))


@pytest.mark.parametrize(
    "question",
    ["哪些目标没有责任单位", "有没有没人负责的目标", "牵头单位空着的有哪些", "没有牵头单位的"],
)
def test_the_targets_no_unit_leads_are_listed(question):
    answer = core(LED, ASSISTED, ALONE).ask(question)
    assert (answer.intent, answer.targets) == ("list", (2, 3))
    assert answer.reply.splitlines() == [
        "没有牵头单位的目标（共2项）：",
        "⚪ 2. 农村公路：暂无数据 · 配合：县财政局",
        "⚪ 3. 文化下乡：暂无数据",
    ]


def test_every_target_led_is_said_so(ledger_2020):
    # before: 第62项 节能减煤, whose units the question's words matched best
    answerer = Answerer(
        ledger_2020, load_lexicon(), today=dt.date(2020, 11, 1), tz=ZoneInfo("UTC")
    )
    answer = answerer.ask("哪些目标没有责任单位")
    assert (answer.intent, answer.targets) == ("list", ())
    assert answer.reply == "台账中的66项目标都有牵头单位。"


def test_a_target_named_is_asked_about_itself():
    answer = core(LED, ASSISTED, ALONE).ask("农村公路没有牵头单位吗")
    assert (answer.intent, answer.targets[:1]) == ("target", (2,))


def test_a_unit_named_asks_about_that_units_targets():
    answer = core(LED, ASSISTED, ALONE).ask("住建局没牵头的有哪些")
    assert "without_lead" not in answer.filter
