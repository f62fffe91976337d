"""/list with several words: a unit, a category and statuses together (every kind must hold,
any one of the statuses), the usage from the command registry when a word is not understood."""

from __future__ import annotations

import pytest

from bot.chat.types import Sender
from tests.auxil.chats import admin_chat

ADMIN = Sender(42, 42, actor="tg:42")


@pytest.fixture
def service(config, engine):
    return admin_chat(config, engine)


def _numbers(text: str) -> list[int]:
    return [int(line.split(".")[0].split()[-1]) for line in text.splitlines()[1:]]


def test_a_unit_and_statuses_are_combined(service):
    # Before, "/list 民政局 未完成" looked for a unit named "民政局 未完成": none found.
    [both] = service.command(ADMIN, "list", "民政局 超额完成 暂无数据")
    assert both.text.startswith("“民政局”负责的超额完成、暂无数据的目标（共3项）")
    assert _numbers(both.text) == [3, 42, 45]
    [none] = service.command(ADMIN, "list", "民政局 未完成")
    assert "没有找到" not in none.text and "没有符合条件的目标" in none.text


def test_two_statuses_list_either(service):
    # Before, "/list 未完成 滞后" was one unknown unit.
    [either] = service.command(ADMIN, "list", "未完成 滞后")
    [one] = service.command(ADMIN, "list", "未完成")
    assert either.text.startswith("未完成、滞后的目标")
    assert _numbers(either.text) == _numbers(one.text) == [16, 35, 62]


def test_a_category_and_a_status_and_a_year_at_either_end(service):
    [listed] = service.command(ADMIN, "list", "民生保障 超额完成 2020")
    numbers = _numbers(listed.text)
    assert listed.text.startswith("民生保障领域的超额完成的目标") and 42 in numbers  # current year
    assert all("超额完成" in line for line in listed.text.splitlines()[1:]) and len(numbers) > 1


def test_a_year_between_the_other_words_is_the_year(service):
    # Before, "/list 未完成 2020 民政局" read 2020 as a unit and called 民政局 one too many.
    [between] = service.command(ADMIN, "list", "未完成 2020 民政局")
    [without] = service.command(ADMIN, "list", "未完成 民政局")
    assert between.text == without.text
    [elsewhere] = service.command(ADMIN, "list", "未完成 1999 民政局")
    assert elsewhere.text.startswith("数据库中没有1999年的台账（现有：2020年）")


def test_two_units_or_an_unknown_word_say_what_to_type(service):
    from bot.chat.queries import LIST_USAGE

    assert service.registry.command("list").usage == LIST_USAGE
    # its examples are the live ledger's: a unit that leads a target, a category it holds
    usage = LIST_USAGE.replace("{UNIT}", "发改委").replace("{YEAR} {CAT}", "2019 经济发展")
    [two] = service.command(ADMIN, "list", "民政局 财政局")
    assert "“财政局”多了" in two.text and two.text.endswith(usage)
    # A word no unit is named by is not found, wherever it stands: not "one unit too many"
    for words in ("民政局 xyz", "xyz 民政局", "未完成 民政局 xyz"):
        [unknown] = service.command(ADMIN, "list", words)
        assert unknown.text.startswith("没有找到“xyz”。" + usage), words
    [alone] = service.command(ADMIN, "list", "xyz")
    assert alone.text.startswith("没有找到“xyz”。" + usage)


def test_separators_alone_list_everything(service):
    [everything] = service.command(ADMIN, "list", "、，")
    assert everything.text.startswith("全部目标（第1/7页，共66项）")
