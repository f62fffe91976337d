"""Turns that name no target and need none: greetings and thanks, an aspect asked before any
target ("谁负责" as the first turn), and figures or symbols alone ("-5"); stepping through a
list with none open is followups.py's. Each gets a reply saying what to type instead of
"no target matches"."""

from __future__ import annotations

import datetime as dt
import re

from bot.domain.acknowledgements import is_acknowledgement
from bot.domain.status import year_closed, year_end
from bot.render.replies import (
    ACK_REPLY,
    EXAMPLES,
    GREETING_REPLY,
    THANKS_REPLY,
    WEEKDAYS,
    Examples,
    need_a_target_first,
    no_words,
)
from bot.understanding.cues import NUMBER_REF, aspect_of, strip_aspects

# Greetings, and thanks or goodbyes, typed alone; a question after them ("你好，造林完成了吗")
# is a question.
_TAIL = r"[啊呀呢吧啦了!！。.～~\s]*"
_GREETING = re.compile(
    r"^(?:(?:领导|老师|小助手|助手)?(?:你好|您好|早上好|上午好|中午好|下午好|晚上好|早安|嗨|哈喽"
    rf"|在吗|在不在){_TAIL})+$"
)
_THANKS = re.compile(
    rf"^(?:(?:谢谢你?|谢谢您|多谢|感谢|辛苦了?|好的|收到|知道了|明白了|再见|拜拜|晚安){_TAIL})+$"
)
_ACK = re.compile(rf"^(?:(?:好的|收到|知道了|明白了|好|行){_TAIL})+$")
# What is left of "那谁负责呢" once its aspect words are gone: fillers only.
_ASPECT_FILLER = re.compile(r"[那么呢吗啊呀吧了的是\s？?。!！，,]")
_LETTERS = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# The day asked after, alone ("今天几号", "今天星期几", "今天是几月几日"): small talk a calendar
# answers, as a greeting is answered.
_DATE_ASKED = re.compile(
    r"^(?:请问)?(今天|今日|现在|明天|明日|后天|昨天|昨日)(?:是)?(?:(?:几月)?(?:几号|几日)|星期几|周几|礼拜几|几号星期几"
    r"|什么日子|哪一?天|的日期|日期)(?:是多少|是)?(?:啊|呀|呢|了)?[？?。.!！\s]*$"
)


def date_reply(status_day: dt.date, year: int, tz: dt.tzinfo, asked: str = "今天") -> str:
    """ "今天是2020年10月23日，星期五。": the day statuses are computed for (a pinned day, for
    demonstrations), or the calendar's in `tz` once a closed year holds them at its end;
    `asked` (明天, 昨天…) counts from it."""
    day = status_day
    if year_closed(status_day, year) and status_day == year_end(year) + dt.timedelta(days=1):
        day = dt.datetime.now(tz).date()
    day += dt.timedelta(days={"昨": -1, "明": 1, "后": 2}.get(asked[0], 0))
    said = {"今日": "今天", "现在": "今天", "明日": "明天", "昨日": "昨天"}.get(asked, asked)
    return f"{said}是{day.year}年{day.month}月{day.day}日，星期{WEEKDAYS[day.weekday()]}。"


def aside_reply(
    q: str,
    *,
    has_target: bool,
    examples: Examples = EXAMPLES,
    today: tuple[dt.date, int, dt.tzinfo] | None = None,
) -> str | None:
    """The reply to a turn that asks about no target and needs none, or None for any other
    turn. `q` is the normalized question; `has_target` says whether the chat holds a target;
    `examples` are the ledger's, which the replies suggest; `today` (status day, ledger year,
    timezone) answers "今天几号"."""
    if _GREETING.match(q):
        return GREETING_REPLY
    if today is not None and (date := _DATE_ASKED.match(q)):
        return date_reply(*today, asked=date.group(1))
    if _ACK.match(q):
        return ACK_REPLY
    if _THANKS.match(q):
        return THANKS_REPLY
    if not has_target and aspect_of(q) and not _ASPECT_FILLER.sub("", strip_aspects(q)):
        return need_a_target_first(examples.short)
    if not _LETTERS.search(q) and not NUMBER_REF.search(q):
        return no_words(
            examples.short, examples.number
        )  # a number alone ("12", "#12") is an item number, answered as such
    if is_acknowledgement(q):  # "好的👍", "收到，马上落实" under the digest: manners, no question
        return ACK_REPLY
    return None
