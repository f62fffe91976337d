"""Which ledger years the database holds, asked in words ("现在是哪一年的台账", "有几年的台账"):
the current year and every year held, not a target whose text happens to share the words."""

from __future__ import annotations

import re

from bot.understanding.conversation import Answer

_WHICH_YEARS = (
    r"(?:哪一?年|哪些年|哪几年|几年|几个年度|哪个年度|哪些年度|哪几个年度|哪些年份|什么年份)"
)
_LEDGER = r"(?:台账|数据|目标台账)"
YEARS_ASKED = re.compile(
    rf"{_WHICH_YEARS}(?:的)?{_LEDGER}|{_LEDGER}(?:是|有|都有|有的是)?{_WHICH_YEARS}"
    r"|(?:当前|现在|目前)(?:的)?(?:台账)?(?:年度|年份)(?:是)?(?:哪一?年|多少|几几年)"
)


# What else such a question says ("请问数据库里一共有几年的台账？"): nothing that names a target.
_FILLER = re.compile(
    r"请问|数据库|系统|里面?|中|一共|总共|共|都|现在|当前|目前|这|那|是|的|有|呢|吗|啊|呀|[？?。，,！!\s]"
)


def years_answer(question: str, held: dict[int, int], current: int, title: str) -> Answer | None:
    """The answer naming the current ledger year and every year held, or None when the
    question does not ask which years there are."""
    if YEARS_ASKED.search(question) is None or _FILLER.sub("", YEARS_ASKED.sub("", question)):
        return None  # "新增贷款是哪一年的数据": that target's figures, not the years held
    years = "、".join(f"{y}年（{n}项）" for y, n in sorted(held.items()))
    lines = [
        f"当前台账：{current}年 {title}，共{held.get(current, 0)}项目标。",
        f"数据库中共有{len(held)}个年度：{years}。",
    ]
    if len(held) > 1:
        lines.append(f"问其他年度时带上年份，例如“{min(held)}年有哪些没完成”。")
    return Answer(question, "help", (), "\n".join(lines), filter={"aspect": "years"})
