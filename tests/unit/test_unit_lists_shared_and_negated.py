"""Unit lists a leader words loosely: a short name two units share ("民政局" of a county's and a
city's office) lists both, each line naming its unit; a unit negated ("发改委没牵头的", "不是
发改委牵头的", "发改委以外的") lists the targets it does not hold, not the ones it does."""

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import TargetSpec, UnitSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

HOMES = TargetSpec(1, "养老院建设", "民生保障", "新建养老院2所。", units=(UnitSpec("县民政局"),))
GRAVES = TargetSpec(2, "公益性公墓", "民生保障", "建成公墓1处。", units=(UnitSpec("市民政局"),))
ROADS = TargetSpec(
    3, "农村公路", "城乡建设", "新建农村公路30公里。",
    units=(UnitSpec("县交通局"), UnitSpec("县发改委", role="assist")),
)  # fmt: skip
PARKS = TargetSpec(4, "重点项目", "经济发展", "省重点项目10个。", units=(UnitSpec("县发改委"),))
LOANS = TargetSpec(5, "新增贷款", "经济发展", "新增贷款10亿元。", units=(UnitSpec("县金融局"),))


@pytest.fixture
def core():
    ledger = small_ledger(2021, HOMES, GRAVES, ROADS, PARKS, LOANS)
    return Answerer(ledger, load_lexicon(), today=dt.date(2021, 6, 1), tz=ZoneInfo("UTC"))


@pytest.mark.parametrize("question", ["民政局负责的", "民政局负责哪些", "民政局的目标有哪些"])
def test_a_name_two_units_share_lists_both(core, question):
    # Before, only the first of 县民政局 and 市民政局 was listed.
    answer = core.ask(question)
    assert (answer.intent, answer.targets) == ("list", (1, 2)), answer.reply
    title, *lines = answer.reply.splitlines()
    assert "县民政局" in title and "市民政局" in title
    assert lines[0].endswith("（县民政局）") and lines[1].endswith("（市民政局）")


def test_the_full_name_still_lists_that_unit_alone(core):
    assert core.ask("市民政局负责的").targets == (2,)
    assert core.ask("县民政局负责的").targets == (1,)


@pytest.mark.parametrize(
    "question", ["发改委没牵头的", "不是发改委牵头的", "哪些不是发改委牵头的"]
)
def test_a_lead_unit_negated_lists_what_it_does_not_lead(core, question):
    # Before, the negation was dropped: 县发改委's own targets were listed.
    answer = core.ask(question)
    assert (answer.intent, answer.targets) == ("list", (1, 2, 3, 5)), answer.reply
    assert answer.reply.startswith("县发改委未牵头的目标（共4项）")


@pytest.mark.parametrize("question", ["发改委不负责的", "发改委以外的", "除了发改委负责的"])
def test_a_unit_negated_lists_what_it_has_no_part_in(core, question):
    answer = core.ask(question)
    assert (answer.intent, answer.targets) == ("list", (1, 2, 5)), answer.reply
    assert answer.reply.startswith("不由县发改委负责的目标（共3项）")


def test_a_unit_said_plainly_is_still_its_own_list(core):
    assert core.ask("发改委牵头的").targets == (4,)
    assert core.ask("发改委负责的").targets == (3, 4)


def test_a_slip_of_a_units_name_negated_is_still_negated():
    # The unit written otherwise than the ledger names it ("发改委" for 县发展改革委): before,
    # "发改委没牵头的" said every target has a lead, "不是发改委牵头的" listed its own targets.
    spelled = {"县发改委": "县发展改革委"}
    targets = [
        dataclasses.replace(
            t,
            units=tuple(dataclasses.replace(u, name=spelled.get(u.name, u.name)) for u in t.units),
        )
        for t in (HOMES, GRAVES, ROADS, PARKS, LOANS)
    ]
    ledger = small_ledger(2021, *targets)
    core = Answerer(ledger, load_lexicon(), today=dt.date(2021, 6, 1), tz=ZoneInfo("UTC"))
    for question in ("发改委没牵头的", "不是发改委牵头的"):
        answer = core.ask(question)
        assert answer.targets == (1, 2, 3, 5), question
        assert answer.reply.startswith("县发展改革委（“发改委”）未牵头的目标"), question
    assert core.ask("发改委以外的").targets == (1, 2, 5)
    assert core.ask("哪些目标没有牵头单位").reply == "台账中的5项目标都有牵头单位。"
    unknown = core.ask("不是卫生局牵头的")
    assert unknown.reply.startswith("台账中没有“卫生局”负责的目标。")
