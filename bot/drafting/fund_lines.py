"""The money allocated to a target's work and its share of the money's plan ("省级财政补助资金
下达4.2288亿元,完成年度计划的100.69%"): how far the funds came, not how far the work got.

A 通报 may open each target's block with its funds. The share after the money amount is the
money's share of its own plan; for a target set in anything but money it says nothing of the
target's status, and the status is read from the rest of the words.
"""

from __future__ import annotations

import re

# A sentence of funds: the money named, an amount in 元, then its share of the plan.
_FUND_SHARE = re.compile(
    r"(?P<money>[^。；;\n，,]*(?:资金|经费|补助|奖补))[^。；;\n\d]{0,8}?\d+(?:\.\d+)?\s*(?:万|亿)?元"
    r"\s*[，,]\s*(?:完成|占|为|达)[^。；;\n\d]{0,8}?(?:计划|预算|任务)的?\s*"
    r"(?P<share>\d+(?:\.\d+)?)\s*[%％][。；;]?"
)
_MONEY_TARGET = re.compile(r"\d\s*(?:万|亿)?元")


def without_fund_shares(target_text: str, told: str) -> str:
    """`told` without the sentences giving the funds and their share of the plan, when the
    target sets no amount of money (its status is then in the other words)."""
    if _MONEY_TARGET.search(target_text):
        return told
    return _FUND_SHARE.sub("", told).strip()


def fund_share_name(text: str, share: str) -> str:
    """The name of a share of the plan that is the funds' ("省级财政补助资金完成率"), or ""
    when `share` (its figure as written) is no funds' share in `text`."""
    for m in _FUND_SHARE.finditer(text):
        if m.group("share") == share:
            return f"{m.group('money').strip()}完成率"
    return ""
