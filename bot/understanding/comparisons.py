"""Two targets or more compared ("新增贷款和造林哪个完成得好", "固投跟社零比怎么样"): each
one's completion ratio and status, and which is ahead when the ledger can tell."""

from __future__ import annotations

import re
from decimal import Decimal

from bot.domain.ledger import TargetSpec
from bot.understanding.cues import light

# Asked after the targets: which is better ("哪个完成得好", "谁更快"), or how they compare
# ("相比怎么样", "比一比", "对比一下"). Cut off before the targets are looked for, so that the
# last one is scored on its own words.
_WHICH = (
    r"(?:哪个|哪项|哪一个|哪一项|哪家|谁)(?:的)?"
    r"(?:完成|做|干|办|进展|推进|落实|进度|完成率|情况)?(?:得|的)?(?:更|比较|最|要)?"
    r"(?:好|强|快|差|慢|高|低|理想|突出|靠前|靠后|领先|落后)(?:一些|一点|些)?"
)
_VERSUS = r"(?:相比|比较|对比|比)(?:一下|一比|起来)?"
COMPARISON = re.compile(
    rf"[,，\s]*(?:{_VERSUS}[,，\s]*(?:{_WHICH}|怎么样|如何|咋样)?|{_WHICH})"
    r"(?:呢|啊|吗|呀)?[?？。!！\s]*$"
)
# Statuses from ahead to behind, for targets a ratio cannot compare (暂无数据: none).
_ORDER = ("超额完成", "已完成", "推进中", "滞后", "未完成")
NO_DATA = "暂无数据"


# Asked before the targets ("比较一下新增贷款和普惠金融", "帮我对比下固投、社零").
COMPARISON_LEAD = re.compile(r"^(?:请|帮我|给我|麻烦)?(?:比较|对比|比一比)(?:一下|下)?[,，:：\s]*")


def comparison_lead(q: str) -> int:
    """Where the targets begin after a comparison asked first, or 0 when none is."""
    m = COMPARISON_LEAD.match(q)
    return m.end() if m and m.end() < len(q) else 0


def comparison_start(q: str) -> int | None:
    """Where a comparison asked after the targets begins in `q`, or None when none is."""
    m = COMPARISON.search(q)
    return m.start() if m and m.start() > 0 else None


class Comparisons:
    """The comparison of several targets, for `Answerer` (bot.understanding.answering)."""

    def _compared(self, targets: list[TargetSpec]) -> str:
        """One line per target (its completion ratio and status), then which is ahead."""
        lines = ["对比（完成率取每项目标完成率最低的指标）："]
        rated: list[tuple[Decimal | None, str, TargetSpec]] = []
        for t in targets:
            ratio, status = self._full_completion(t), self.status(t)
            rated.append((ratio, status, t))
            if ratio is not None:
                shown = f"{ratio}%（{status}）"
            else:  # its status alone: figures missing, or none to compare
                shown = status if status == NO_DATA else f"{status}（没有可比的完成率）"
            lines.append(f"{light(status)} {t.number}. {t.title}：{shown}")
        lines.append(_verdict(rated))
        return "\n".join(lines)


def _verdict(rated: list[tuple[Decimal | None, str, TargetSpec]]) -> str:
    """Which target is ahead: by completion ratio when every one has it, else by status;
    a target 暂无数据 leaves the question open."""
    missing = [t.title for ratio, status, t in rated if ratio is None and status == NO_DATA]
    if missing:
        return f"结论：{'、'.join(missing)}暂无数据，无法比较。"
    if all(ratio is not None for ratio, _, _ in rated):
        best = max(ratio for ratio, _, _ in rated)
        leaders = [t.title for ratio, _, t in rated if ratio == best]
        what = "完成率"
    else:
        ranks = [
            _ORDER.index(status) if status in _ORDER else len(_ORDER) for _, status, _ in rated
        ]
        leaders = [
            t.title for rank, (_, _, t) in zip(ranks, rated, strict=True) if rank == min(ranks)
        ]
        what = "完成状态"
    if len(leaders) == len(rated):
        return f"结论：{what}相同，不分先后。"
    return f"结论：{'、'.join(leaders)}{what}领先。"
