"""Items listed under a part of a report about one stage of work ("二、尚未开工重点项目前期工作
进展情况", "重点前期项目工作总体进展顺利"): what that part tracks is the stage, so the stage
done is the item done. Anywhere else "已完成前期工作" is a project's first step, not its target
(bot/drafting/words.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.drafting.review import Guess
from bot.drafting.statuses import mark_done
from bot.drafting.words import status_from_words

# The early stages a part of a report may track on their own, as its heading names them
# ("前期工作进展情况", "前期项目", "征地拆迁工作").
_STAGE = r"前期|可研|立项|选址|设计|招标|征地|拆迁"
_TRACKED = re.compile(rf"({_STAGE})(?:项目)?(?:工作|手续|进展|项目)")
_PARTS = r"(?:工作|手续)?"


def tracked_stage(heading: str) -> str:
    """The stage of work a part's heading says its items are reported on ("" when none)."""
    found = _TRACKED.search(heading)
    return found.group(1) if found else ""


def _stage_done(stage: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:均已|已经|已)(?:全部|全面)?完成(?:了)?{stage}{_PARTS}"
        rf"|{stage}{_PARTS}(?:均已|已经|已)(?:全部|全面)?完成"
    )


def stages_done(targets: list, guesses: dict, sections: dict[int, str]) -> tuple[list, dict]:
    """`targets` whose part tracks one stage and whose own words say only that the stage is
    done ("…改造项目已完成前期工作") as 已完成, quoting the words; the rest as they are."""
    result, guesses = [], dict(guesses)
    for spec in targets:
        stage = tracked_stage(sections.get(spec.number, ""))
        told = f"{spec.target_text}\n{spec.progress_text}"
        done = _stage_done(stage).search(told) if stage else None
        if (
            done is None
            or spec.status_override != "推进中"
            or any(i.comparable for i in spec.indicators)
            or status_from_words(told[: done.start()] + told[done.end() :]) is not None
        ):
            result.append(spec)
            continue
        reason = f"报告称“{done.group(0)}”（所列为{stage}工作的进展）"
        spec = mark_done(replace(spec, status_override="已完成", status_reason=reason))
        guesses[spec.number] = tuple(
            Guess("status", "已完成", 0.6, reason) if g.field == "status" else g
            for g in guesses.get(spec.number, ())
        )
        result.append(spec)
    return result, guesses
