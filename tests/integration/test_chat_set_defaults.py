"""/set without a date or a unit, as an admin types it in the chat: the figure is dated today
(the ledger's timezone), and takes the indicator's own unit, both said in the reply."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from bot.store.ledger_store import read_target
from tests.auxil.chats import ADMIN, admin_chat


def indicator(engine, number: int, name: str):
    with Session(engine) as session:
        return read_target(session, number).indicator(name)


def confirmed(chat, text: str) -> tuple[str, str]:
    [proposal] = chat.command(ADMIN, "set", text)
    [[confirm, _]] = proposal.buttons
    [done] = chat.button(ADMIN, confirm.data)
    return proposal.text, done.text


def test_an_undated_figure_is_dated_today_not_left_with_the_last_figures_day(config, engine):
    chat = admin_chat(config, engine, today=dt.date(2020, 11, 20))
    assert indicator(engine, 12, "新增贷款").as_of == "截止12月底"
    asked, done = confirmed(chat, "12 新增贷款 25.1亿元")
    day = "第12项 新增贷款 数据时点：截止12月底 → 截至2020年11月20日（未写数据时点，按今天的日期）"
    assert day in asked and day in done
    found = indicator(engine, 12, "新增贷款")
    assert (found.actual, found.as_of) == ("25.1", "截至2020年11月20日")  # kept "截止12月底"
    # a date typed is taken as typed, with nothing said of today
    asked, _ = confirmed(chat, "12 新增贷款 26亿元 截至11月")
    assert "数据时点：截至2020年11月20日 → 截至11月\n" in asked + "\n"
    assert "按今天" not in asked


def test_a_figure_without_a_unit_takes_the_indicators_own_unit_and_says_so(config, engine):
    chat = admin_chat(config, engine, today=dt.date(2020, 11, 20))
    before = indicator(engine, 35, "慢阻肺筛查")
    assert (before.actual, before.actual_unit, before.unit) == ("79891", "人", "万人次")
    [proposal] = chat.command(ADMIN, "set", "35 慢阻肺 8")
    # it was "79891人 → 8人": the last figure's unit, taken without a word
    line = (
        "第35项 慢阻肺筛查 完成值：79891人 → 8万人次（未写单位，按该指标的单位“万人次”记；"
        "如是8人，请发送 /set 35 慢阻肺筛查 8人）"
    )
    assert line in proposal.text
    # the other unit, typed as the reply says, is taken with nothing said of units
    [other] = chat.command(ADMIN, "set", "35 慢阻肺筛查 8人")
    assert (
        "完成值：79891人 → 8人（不到目标6.63万人次的千分之一，请核对数值和单位）\n" in other.text
    )
    assert "未写单位" not in other.text
    asked, done = confirmed(chat, "35 慢阻肺 8")
    assert line in asked and line in done
    after = indicator(engine, 35, "慢阻肺筛查")
    assert (after.actual, after.actual_unit) == ("8", "")  # "": the indicator's own unit
