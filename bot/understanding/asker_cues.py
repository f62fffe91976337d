"""Questions no ledger answers whatever words they share with one: a forecast
("明天台风来不来"), the asker's own meal ("午饭在哪吃"), or the ledger of a year still to come
("明年的十件实事有哪些")."""

from __future__ import annotations

import re

from bot.understanding.gates import gated

# A storm or cold spell asked about before it comes: a forecast, not a target's progress
# (a ledger's 海塘 or 防汛 works are asked after as works: "海塘加固完成了吗").
_WEATHER_EVENT = r"(?:台风|暴雨|大雨|暴雪|大雪|寒潮|冷空气|大风|冰雹|沙尘暴?|雾霾|高温)"
FORECAST = gated(
    rf"{_WEATHER_EVENT}[^，,。？?]{{0,4}}(?:来不来|会不会来|要来|什么时候来|啥时候来|几级|多大)"
    rf"|(?:明天|后天|今晚|今天|这周|周末|下周)[^，,。？?]{{0,3}}{_WEATHER_EVENT}"
    rf"[^，,。？?]{{0,3}}(?:吗|不|没|呢|[？?]|$)"
)

# The asker's own meal, where or what to eat: small talk, never a target (a target's meals are
# asked after as a service: "老人吃饭的食堂建了几个").
OWN_MEAL = gated(
    r"(?:午饭|晚饭|早饭|早餐|午餐|晚餐|夜宵|宵夜)[^，,。？?]{0,3}(?:在哪|去哪|吃什么|吃啥|怎么吃)"
    r"|(?:中午|晚上|今晚|早上|明早)(?:饭)?(?:吃什么|吃啥|去哪吃|在哪吃|到哪吃)"
)

# Years still to come, said in words: a ledger is one year's.
_COMING_YEAR = re.compile(r"明年|后年|下一年|下年度|明后年")


# When a work will be done, asked in a year still to come ("明年能不能开学", "后年能建成吗"): a
# question of this year's target and its finish, not of next year's ledger.
FINISHED_BY_A_COMING_YEAR = re.compile(
    r"(?:明年|后年)(?:底|年底|上半年|下半年)?(?:前)?[^，,。？?]{0,4}?"
    r"(?:开学|建成|完工|竣工|投用|投入使用|交付|通车|开业|运营|完成)"
)


def coming_year_words(q: str) -> list[str]:
    """The words for a year still to come that the question writes."""
    return _COMING_YEAR.findall(q)


def without(q: str, words: list[str]) -> str:
    """`q` with each of `words` blanked."""
    for word in words:
        q = q.replace(word, " ")
    return q
