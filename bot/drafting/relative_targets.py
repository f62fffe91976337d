"""Targets measured against others or last year ("增速高于全省平均水平", "只增不减"): their status
from the progress words (bot.drafting.statuses reads it before the figures)."""

from __future__ import annotations

import re

from bot.drafting.words import Reading

_ABOVE_AVERAGE = re.compile(r"高于(?:全省|全市|全国)?(?:平均|均值)")
_AVERAGE_GIVEN = re.compile(r"(?:全省|全市|全国)平均(?:水平|增速)?(?:为|是)?\s*(-?\d+(?:\.\d+)?)%")
_OWN_GROWTH = re.compile(r"(?:增速|增长|增幅)(?:为|达|达到)?\s*(-?\d+(?:\.\d+)?)%")
_NO_DECREASE = re.compile(r"只增不减|不低于上年|高于上年|逐年增长")


def relative_status(target_text: str, progress: str) -> Reading | None:
    """The status of a target measured against others or last year, from the progress words;
    None when the target is not such a target."""
    own = _OWN_GROWTH.search(progress)
    if _ABOVE_AVERAGE.search(target_text):
        average = _AVERAGE_GIVEN.search(progress)
        if own and average:
            met = float(own.group(1)) > float(average.group(1))
            words = f"{own.group(0)}，{average.group(0)}"
            return Reading("已完成" if met else "未完成", words, 0.8)
        return Reading(
            "暂无数据",
            f"目标为“{_ABOVE_AVERAGE.search(target_text).group(0)}…”，报告未给出可比的平均水平",
            0.8,
        )
    if _NO_DECREASE.search(target_text) and own:
        met = float(own.group(1)) >= 0
        return Reading("已完成" if met else "未完成", own.group(0), 0.7)
    return None
