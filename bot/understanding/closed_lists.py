"""A closed year's "哪些没完成": how the year ended, every target short of its goal at the close
(a 推进中 or 滞后 one will not be done now), not only those the rules call 未完成."""

from __future__ import annotations

from bot.domain.status import year_closed
from bot.understanding.list_cues import status_heading

# "未完成的有哪些", naming that status as the summary counts it, still lists 未完成 alone.
UNDONE_AT_CLOSE = ("推进中", "滞后", "未完成")


class ClosedYearLists:
    """Part of `ListAnswers` (bot.understanding.lists): reads `ledger`, `today`, `status`,
    `by_number` and `_pool`."""

    def _year_closed(self) -> bool:
        return year_closed(self.today, self.ledger.year)

    def _undone_at_close(self, q: str, status: tuple[str, ...] | None) -> bool:
        """A "没完成" asked of a closed year, not the status's own name (未完成, 红灯)."""
        said = "未完成" in q or "红灯" in q
        return status == ("未完成",) and not said and self._year_closed()

    def _widened_to_none(self, listed) -> bool:
        """A closed year's "没完成" with none 未完成 as its words say: as if none were listed."""
        return listed.filter.get("status") == UNDONE_AT_CLOSE and not any(
            self.status(self.by_number[n]) == "未完成" for n in listed.targets
        )

    def _closed_heading(self, title: str, status, only_status: bool) -> tuple[str, str]:
        """The list's heading as the year's close, and a line counting the 暂无数据 ones: figures
        missing at the close say nothing either way, so they are counted, not listed."""
        title = f"{self.ledger.year}年度结束时，" + title.replace(
            status_heading(status), "没有完成"
        )
        unknown = self._pool({"status": ("暂无数据",)}, (), None)
        done = (
            f"另有{len(unknown)}项暂无数据，无法判断是否完成。" if unknown and only_status else ""
        )
        return title, done
