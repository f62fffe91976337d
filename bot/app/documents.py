"""The paperwork use cases: the 工作落实情况汇报 (txt, md, docx), the 督查通报, the ledger
export (TOML, xlsx, CSV) and the charts, each built once and returned as text or bytes. The CLI
writes them to files; the chat sends them as messages and documents.

    content = export_bytes(ledger, "csv", today=today)
    png = chart_png(ledger, today=today, number=56)
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from bot.app.bulletins import issue_bulletin
from bot.domain.ledger import LedgerSpec, TargetSpec
from bot.domain.status import year_end
from bot.render.bulletin import Bulletin, render_bulletin_txt, write_bulletin_docx
from bot.render.ledger_toml import dump_ledger
from bot.render.spreadsheet import csv_bytes, xlsx_bytes

if TYPE_CHECKING:
    from bot.domain.work_calendar import WorkCalendar

TEXT_REPORT_FORMATS = ("txt", "md")
EXPORT_FORMATS = ("toml", "xlsx", "csv")


class NoSuchTarget(LookupError):
    """A chart was asked for a target number the ledger does not have."""

    def __init__(self, number: int, year: int) -> None:
        super().__init__(f"no target {number} in {year}")
        self.number = number
        self.year = year


def report_text(ledger: LedgerSpec, fmt: str, *, as_of: dt.date, tz: dt.tzinfo) -> str:
    """The report as plain text (`txt`, the seed's format) or Markdown (`md`)."""
    from bot.render.report_writer import render_report_md, render_report_txt

    render = render_report_md if fmt == "md" else render_report_txt
    return render(ledger, as_of=as_of, tz=tz)


def report_docx(
    ledger: LedgerSpec, *, as_of: dt.date, tz: dt.tzinfo, office: str, issued: dt.date
) -> bytes:
    """The report as a Word document in GB/T 9704 form, signed by `office` on `issued`."""
    from bot.render.report_docx import write_report_docx

    stream = io.BytesIO()
    write_report_docx(ledger, stream, as_of=as_of, tz=tz, office=office, issued=issued)
    return stream.getvalue()


def data_day(today: dt.date, year: int) -> dt.date:
    """The day a document's figures are as of, which its file name carries: a closed year's
    last day (2020-12-31), not the status day after it (2021-01-01) that no one wrote."""
    if today == year_end(year) + dt.timedelta(days=1):
        return year_end(year)
    return today


def report_file_name(today: dt.date, suffix: str, *, year: int) -> str:
    return f"工作落实情况汇报_{data_day(today, year).isoformat()}.{suffix}"


@dataclass(frozen=True)
class IssuedBulletin:
    """An issued 督查通报 and its signature; text and Word are rendered on demand."""

    bulletin: Bulletin
    office: str
    issued: dt.date

    def text(self) -> str:
        return render_bulletin_txt(self.bulletin, self.office, self.issued)

    def docx(self) -> bytes:
        stream = io.BytesIO()
        write_bulletin_docx(stream, self.bulletin, self.office, self.issued)
        return stream.getvalue()

    def file_name(self, year: int, today: dt.date) -> str:
        day = data_day(today, year).isoformat()
        return f"督查通报_{year}年第{self.bulletin.number}期_{day}.docx"


def bulletin_documents(
    engine: Engine,
    ledger: LedgerSpec,
    *,
    as_of: dt.date,
    tz: dt.tzinfo,
    actor: str,
    office: str,
    issued: dt.date,
    since: dt.date | None = None,
    calendar: WorkCalendar | None = None,
) -> IssuedBulletin:
    """Issue (and record) the next 督查通报 of the ledger's year, ready to render; the reply
    is due on a working day of `calendar` (the office's holiday files)."""
    bulletin = issue_bulletin(
        engine,
        ledger,
        as_of=as_of,
        tz=tz,
        actor=actor,
        since=since,
        issued=issued,
        calendar=calendar,
    )
    return IssuedBulletin(bulletin, office, issued)


def export_bytes(ledger: LedgerSpec, fmt: str, *, today: dt.date) -> bytes:
    """The ledger as a `toml`, `xlsx` or `csv` file's content, statuses judged on `today`."""
    if fmt == "toml":
        return dump_ledger(ledger).encode("utf-8")
    if fmt == "xlsx":
        return xlsx_bytes(ledger, today)
    if fmt == "csv":
        return csv_bytes(ledger, today)
    raise ValueError(f"unknown export format {fmt!r}; one of {EXPORT_FORMATS}")


def export_file_name(today: dt.date, fmt: str, *, year: int) -> str:
    return f"台账_{data_day(today, year).isoformat()}.{fmt}"


def chart_png(
    ledger: LedgerSpec, *, today: dt.date, target: TargetSpec | int | None = None
) -> bytes:
    """All targets' completion chart (no `target`), or one target's (given, or by number:
    NoSuchTarget when the ledger lacks it); CJKFontMissing without a CJK font."""
    from bot.render.charts import completion_chart, target_chart

    if target is None:
        return completion_chart(ledger, today=today)
    if isinstance(target, int):
        found = ledger.by_number().get(target)
        if found is None:
            raise NoSuchTarget(target, ledger.year)
        target = found
    return target_chart(target, today=today, year=ledger.year)
