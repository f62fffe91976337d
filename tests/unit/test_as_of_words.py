"""As-of words as admins and units type them (bot.domain.as_of_words)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain.as_of_words import FutureDay, NoSuchDay, NotAsOf, as_of_typed

TODAY = dt.date(2021, 3, 10)


def test_a_day_named_from_today_is_stored_as_the_day_it_means():
    assert as_of_typed("今天", TODAY) == "截至2021年3月10日"
    assert as_of_typed("昨天", TODAY) == "截至2021年3月9日"
    assert as_of_typed("前天", TODAY) == "截至2021年3月8日"
    assert as_of_typed("上月底", TODAY) == "截至2021年2月28日"
    assert as_of_typed("截至上个月末", TODAY) == "截至2021年2月28日"
    assert as_of_typed("昨天", dt.date(2021, 1, 1)) == "截至2020年12月31日"


def test_a_day_after_today_is_refused_saying_what_to_write():
    for words in ("明天", "后天", "本月底", "2021-03-11", "截至2021年4月", "2030/1/1"):
        with pytest.raises(FutureDay, match="在今天（2021-03-10）之后.*截至2021年3月10日"):
            as_of_typed(words, TODAY)
    assert as_of_typed("本月底", dt.date(2021, 3, 31)) == "截至2021年3月31日"


def test_other_words_are_kept_and_days_no_calendar_has_refused():
    for words in ("1-11月", "截至11月底", "全年", "2020年度", "截至2021年3月"):
        assert as_of_typed(words, TODAY) == words
    assert as_of_typed("2021-03-10", TODAY) == "截至2021年3月10日"
    with pytest.raises(NoSuchDay):
        as_of_typed("2021-02-30", TODAY)


def test_words_that_name_no_time_are_no_as_of_words():
    for words in ("已全部完工", "啊啊啊", "验收完毕"):
        with pytest.raises(NotAsOf):
            as_of_typed(words, TODAY)
    for words in ("截至目前", "前三季度", "上半年", "每月", "本年度", "从2020年1月起"):
        assert as_of_typed(words, TODAY) == words
