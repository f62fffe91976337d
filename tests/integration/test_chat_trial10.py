"""What using the bot found (session 29, h-trial10), on a database holding 2020 and a 2021
ledger (the current year): a year named after a list asks that list of that year; a year named
with a target the current ledger lacks points at the year that has it; and a new year drafted
from a report that names no units says so wherever units are asked for, not an empty board."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from bot.chat.types import Sender
from bot.config import PROJECT_ROOT
from bot.render.charts import completion_figure
from bot.render.ledger_toml import load_ledger_file
from bot.store.ledger_import import load_ledger
from tests.auxil.chats import ADMIN, admin_chat

LEADER = Sender(42, 42, actor="tg:42")
LEDGER_2021 = PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml"


@pytest.fixture
def service(config, engine):
    load_ledger(engine, load_ledger_file(LEDGER_2021), source="ledger_2021.toml")
    return admin_chat(config, engine)


def _no_units_file(tmp_path):
    """2021 drafted from a report naming no responsible unit: its targets have none."""
    text = re.sub(r"\[\[targets\.units\]\]\n(?:\w+ = .*\n)+", "", LEDGER_2021.read_text("utf-8"))
    path = tmp_path / "ledger_2021.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def without_units(config, engine, tmp_path):
    ledger = load_ledger_file(_no_units_file(tmp_path))
    assert not any(t.units for t in ledger.targets)
    load_ledger(engine, ledger, source="ledger_2021.toml")
    return admin_chat(config, engine)


def test_last_year_after_a_list_is_that_list_of_last_year(service):
    [now] = service.question(LEADER, "哪些没完成")
    [then] = service.question(LEADER, "去年的呢")
    # 2020 is closed: what was not done at its end, 推进中 too, the year named once
    assert then.text.startswith("2020年度结束时，没有完成的目标（共4项）")
    assert "16. 耕地保护" in then.text
    [third] = service.question(LEADER, "第三个呢")  # the list now open is 2020's
    assert third.text.startswith("【2020年】第35项 慢阻肺防治")
    [again] = service.question(LEADER, "超额完成的有哪些")
    [back] = service.question(LEADER, "2020年的呢")
    assert back.text.startswith("【2020年】超额完成的目标（共24项）")
    assert now.text != then.text and again.text != back.text


def test_last_year_after_a_target_is_still_that_target(service):
    service.question(LEADER, "哪些没完成")
    service.question(LEADER, "新增贷款完成了吗")  # a target asked since the list
    [reply] = service.question(LEADER, "那去年呢")
    assert reply.text.startswith("【2020年】第12项 新增贷款")


@pytest.mark.parametrize("question", ["今年的耕地保护", "2021年的耕地保护", "耕地保护怎么样"])
def test_this_years_name_of_last_years_target_points_at_last_year(service, question):
    [reply] = service.question(LEADER, question)
    assert reply.text.startswith("2021年台账中没有找到与这个问题对应的目标。\n"), question
    assert "2020年台账中有第16项 耕地保护" in reply.text


def test_the_units_board_of_a_ledger_without_units_says_how_to_give_them(without_units):
    [board] = without_units.command(ADMIN, "units", "")
    assert board.text == (
        "2021年台账没有列明责任单位，无法按单位排出红黄绿榜。"
        "请用 /assign 序号 单位 牵头 为各项目标指定责任单位。"
    )
    [asked] = without_units.question(LEADER, "哪个单位最差")
    assert asked.text == board.text
    [last_year] = without_units.command(ADMIN, "units", "2020")
    assert last_year.text.startswith("红黄绿榜（")


def test_an_unknown_unit_in_a_ledger_without_units_says_it_names_none(without_units):
    [reply] = without_units.command(ADMIN, "assign", "1 外星局 牵头")
    # 2021 names none, so the units of 2020 held beside it are the ones offered (h-trial14:
    # an earlier year's unit is no new unit), never an empty "已有单位：…"
    assert "已有单位：人行西平县支行、县交通运输局" in reply.text, reply.text
    assert "已有单位：…" not in reply.text and "已有单位：如" not in reply.text


def test_list_by_unit_of_a_ledger_without_units_says_it_names_none(run_cli, tmp_path):
    assert run_cli("import", str(_no_units_file(tmp_path)))[0] == 0
    code, out, err = run_cli("list", "--unit", "财政")
    assert code == 2 and out == ""
    assert "2021年台账中没有名称含“财政”的责任单位。这份台账没有列明责任单位。" in err
    code, _, err = run_cli("list", "--unit", "外星局", "--year", "2020")
    assert code == 2 and "已有单位：" in err and "等。" in err  # 2020 names more than ten
    code, out, _ = run_cli("reminders", "--at", "2021-12-24")
    assert code == 0 and "这一天该发提醒，但没有责任单位，提醒无人接收。" in out


def test_a_chart_with_nothing_to_watch_heads_its_one_panel_all_targets(service):
    ledger = service.answerer.ledger
    done = [t for t in ledger.targets if t.number == 1]  # 新增贷款 18.2 of 16亿元: done
    only_done = dataclasses.replace(ledger, targets=tuple(done))
    figure = completion_figure(only_done, today=dt.date(2021, 12, 31))
    [panel] = figure.axes
    assert panel.get_title(loc="left") == "全部目标（1项，超额完成）"


def test_due_takes_its_days_written_with_their_word(config, engine):
    service = admin_chat(config, engine, today=dt.date(2020, 10, 23))
    [typed] = service.command(ADMIN, "due", "10天")
    [bare] = service.command(ADMIN, "due", "10")
    assert typed.text == bare.text and typed.text.startswith(
        "未来10天内（至2020-11-02）到期的目标"
    )


def test_subscribing_a_unit_in_a_ledger_without_units_says_it_names_none(without_units):
    [reply] = without_units.command(ADMIN, "subscribe", "县财政局 -1003302")
    assert reply.text == "台账中没有“县财政局”这个责任单位。这份台账没有列明责任单位。"


def test_a_reminder_preview_names_the_targets_whose_reminders_nobody_would_get(without_units):
    [preview] = without_units.command(ADMIN, "reminders", "2021-12-24")
    assert preview.text.startswith("2021-12-24 应发送的提醒（预览，不发送）：\n\n")
    assert (
        "第2项" in preview.text
        and "这一天该发提醒，但没有责任单位，提醒无人接收。" in preview.text
    )
    assert "这一天没有需要发送的提醒" not in preview.text
    [quiet] = without_units.command(ADMIN, "reminders", "2021-06-01")
    assert quiet.text.endswith("这一天没有需要发送的提醒。")


def test_last_years_export_imports_back_as_last_years_sheet(run_cli, tmp_path):
    assert run_cli("import", str(LEDGER_2021))[0] == 0  # 2021 is now the current year
    sheet = tmp_path / "2020.xlsx"
    assert run_cli("export", "--year", "2020", "--format", "xlsx", "-o", str(sheet))[0] == 0
    code, out, err = run_cli("import", str(sheet))  # no --year: its sheet "2020台账" says it
    assert (code, out) == (0, "新建0项，更新0个字段，冲突0个\n")
    assert err == "按工作表名“2020台账”导入2020年的台账\n"
    this_year = tmp_path / "2021.xlsx"
    assert run_cli("export", "--format", "xlsx", "-o", str(this_year))[0] == 0
    assert run_cli("import", str(this_year)) == (0, "新建0项，更新0个字段，冲突0个\n", "")
