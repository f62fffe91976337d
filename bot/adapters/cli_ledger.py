"""CLI commands over the ledger: show, list, overview, years, import, import-report, export,
evidence and close (ask is in cli_ask.py). Each parses its arguments, calls the use case
and prints."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import Engine

from bot.adapters.cli_common import (
    CliError,
    check_suffix,
    ledger_for,
    no_such_target,
    not_a_file,
    print_json,
    write_output,
)
from bot.app.documents import export_bytes
from bot.app.imports import another_years_targets
from bot.app.queries import TargetFilter, ledger_of, select_targets, years_held
from bot.chat.audit_text import conflict_text
from bot.config import Config
from bot.domain.fields import label
from bot.domain.ledger import text_problem
from bot.domain.status import light_for
from bot.drafting.review import review_marks
from bot.render.ledger_toml import load_ledger_file
from bot.render.spreadsheet_files import SpreadsheetError, UnknownUnits, xlsx_sheet_year
from bot.render.spreadsheet_read import read_spreadsheet_noting
from bot.render.target_view import list_item_json, overview_text, target_detail_text, target_json
from bot.store.database import LedgerBusy
from bot.store.ledger_import import ImportResult, load_ledger
from bot.store.ledger_store import units_held
from bot.store.uow import reading


def cmd_show(config: Config, engine: Engine, args) -> int:
    """Print one target."""
    ledger = ledger_for(config, engine, args)
    today = config.status_date(ledger.year)
    target = ledger.by_number().get(args.number)
    if target is None:
        raise no_such_target(ledger, args.number)
    if args.json:
        print_json({"year": ledger.year, **target_json(target, today)})
    else:
        print(target_detail_text(target, today, config.tz))
    return 0


def cmd_list(config: Config, engine: Engine, args) -> int:
    """Print the targets, optionally filtered."""
    ledger = ledger_for(config, engine, args)
    today = config.status_date(ledger.year)
    unit = _unit_filter(ledger, args.unit) if args.unit else args.unit
    chosen = TargetFilter(status=args.status, unit=unit, category=args.category)
    selected = select_targets(ledger.targets, today, chosen)
    if args.json:
        print_json([{"year": ledger.year, **list_item_json(r.target, today)} for r in selected])
        return 0
    for t, status in ((r.target, r.status) for r in selected):
        units = "、".join(u.name for u in t.lead_units) or "—"
        print(f"{light_for(status)} {t.number:>2}. {t.title}：{status}（{units}）")
    print(f"共{len(selected)}项")
    return 0


def _unit_filter(ledger, unit: str) -> str:
    """The words to filter units by: `unit` when a unit's name holds it, else the one unit a
    former name means (卫生局 → 县卫健委, said on stderr); refused otherwise, since an empty list
    for a unit the ledger never names would read as "all done"."""
    from difflib import get_close_matches

    from bot.domain.unit_names import (
        UnitAmbiguous,
        UnitNotFound,
        resolve_unit_name,
        units_hint,
    )

    names = sorted({u.name for t in ledger.targets for u in t.units})
    if any(unit in name for name in names):
        return unit
    try:
        found = resolve_unit_name(unit, names)
    except UnitAmbiguous as exc:
        raise CliError(str(exc)) from None
    except UnitNotFound:
        close = get_close_matches(unit, names, n=5, cutoff=0.4)
    else:
        print(found.note, file=sys.stderr)
        return found.name
    hint = units_hint(close, names)
    raise CliError(f"{ledger.year}年台账中没有名称含“{unit}”的责任单位。{hint}")


def cmd_overview(config: Config, engine: Engine, args) -> int:
    """Print counts by status and one line per target."""
    ledger = ledger_for(config, engine, args)
    print(overview_text(ledger, config.status_date(ledger.year)))
    return 0


def cmd_years(config: Config, engine: Engine, args) -> int:
    """Print the ledger years the database holds, with their target counts."""
    years = years_held(engine)
    current = config.year or max(years, default=None)
    if args.json:
        print_json([{"year": y, "targets": n, "current": y == current} for y, n in years.items()])
        return 0
    for year, count in years.items():
        print(f"{year}年：{count}项目标{'（当前年度）' if year == current else ''}")
    print(f"共{len(years)}个年度")
    if current is not None and current not in years:
        print(f"注意：{config.source} 的 [ledger] year = {current}，数据库中没有这一年的台账")
    return 0


def _print_import(result: ImportResult) -> None:
    if result.new_year:
        print(f"新增{result.year}年台账（其他年度的数据未改动）")
    print(
        f"新建{result.created}项，更新{len(result.updated)}个字段，冲突{len(result.conflicts)}个"
    )
    if result.kept:
        by_target: dict[int, list[str]] = {}
        for number, name in result.kept:
            by_target.setdefault(number, []).append(label(name))
        said = "；".join(f"第{n}项 {'、'.join(names)}" for n, names in by_target.items())
        print(f"文件未写的字段保持不变：{len(result.kept)}个（{said}）")
    for number, field, file_value, db_value in result.conflicts:
        print(
            f"  冲突：第{number}项 {conflict_text(field, file_value, db_value)}（保留数据库的值）"
        )
    if result.conflicts and not result.forced:
        print("要用文件中的值覆盖管理员的修改，请加 --force")


def _another_year_hint(
    exc: SpreadsheetError, path: Path, year: int, engine: Engine, args
) -> Exception:
    """A sheet naming numbers this year's ledger lacks may be another year's: say how to
    import it as that year's (only when no --year was given), else the error as it is."""
    if args.year or not any(
        p.column == "序号" and "台账中没有第" in p.message for p in exc.problems
    ):
        return exc
    others = [y for y in years_held(engine) if y != year]
    held = f"（数据库中还有{'、'.join(f'{y}年' for y in others)}的台账）" if others else ""
    example = others[-1] if others else year - 1
    return CliError(
        f"{exc}\n如果这是另一年度的台账{held}，请加 --year 指明年份，"
        f"例如：python main.py import {path} --year {example}"
    )


def _refuse_another_years(ledger, base, path: Path, args) -> None:
    """CliError when a sheet imported without --year looks like another year's ledger."""
    renamed = [] if args.year else another_years_targets(ledger, base)
    if not renamed:
        return
    known = base.by_number()
    shown = "；".join(f"第{t.number}项 {known[t.number].title} → {t.title}" for t in renamed[:3])
    more = f"等{len(renamed)}项" if len(renamed) > 3 else ""
    if path.suffix.lower() == ".toml":  # its [meta] year names the year; --year only agrees
        advice = (
            f"请在文件的 [meta] year 写明它所属的年份（import-report 的草稿可加 --year 年份 "
            f"重新生成）；如确要改写{base.year}年台账的这些目标，请加 --year {base.year} 再导入"
        )
    else:
        advice = "请加 --year 年份 指明它属于哪一年"
    raise CliError(
        f"{path}: {len(renamed)}项的简称和目标任务都与{base.year}年台账不同（{shown}{more}），"
        f"像是另一年的台账，未导入任何内容。{advice}"
    )


def county_departments() -> frozenset[str]:
    """The county departments as the field names them (data/lexicon/departments.toml): the
    units `import-report` drafts, which a new year's ledger may name before any target has."""
    from bot.drafting.naming import load_departments

    found = load_departments()
    assisting = [unit for units in found.assist.values() for unit in units]
    return frozenset([*found.names, *found.lead.values(), *assisting])


def cmd_import(config: Config, engine: Engine, args) -> int:
    """Load a ledger file (TOML, xlsx or CSV) into the database."""
    path = Path(args.file)
    if not path.is_file():
        raise not_a_file(path)
    suffix = path.suffix.lower()
    ignored: list[str] = []  # a sheet's columns that are no ledger field
    if suffix == ".toml":
        # Units read as /assign and a sheet read them; the first ledger names them freely.
        ledger = load_ledger_file(path, units_held(engine), county_departments())
        if args.year and args.year != ledger.year:
            raise CliError(
                f"{path}: 文件是{ledger.year}年的台账，与 --year {args.year} 不符，未导入任何内容"
            )
        # A draft whose year was guessed (a report that names none) may name a year held:
        # merged into it, its targets would overwrite that year's targets of the same numbers.
        if not args.year and ledger.year in years_held(engine):
            held = ledger_of(engine, year=ledger.year, rules=config.status)
            _refuse_another_years(ledger, held, path, args)
    elif suffix in (".xlsx", ".csv"):
        named = xlsx_sheet_year(path) if suffix == ".xlsx" and not args.year else None
        held = years_held(engine) if named is not None else {}
        if named in held and named != (config.year or max(held)):
            # "2020台账", as `export --year 2020` names its sheet: that year's ledger
            args.year = named
            print(f"按工作表名“{named}台账”导入{named}年的台账", file=sys.stderr)
        base = ledger_for(config, engine, args)
        try:
            ledger, ignored = read_spreadsheet_noting(path, base, config.current_date())
        except UnknownUnits as exc:  # another year's sheet names other units: say that first
            _refuse_another_years(exc.ledger, base, path, args)
            raise
        except SpreadsheetError as exc:
            raise _another_year_hint(exc, path, base.year, engine, args) from None
        _refuse_another_years(ledger, base, path, args)
    else:
        raise CliError(f"{path}: 只支持 .toml、.xlsx 和 .csv 文件")
    try:
        result = load_ledger(engine, ledger, source=path.name, force=args.force)
    except LedgerBusy:
        if args.wait <= 0:
            raise
        print(f"另一个导入正在写入台账，等待它完成（最多{args.wait:g}秒）……", file=sys.stderr)
        result = load_ledger(engine, ledger, source=path.name, force=args.force, wait=args.wait)
    _print_import(result)
    if ignored:  # staff's own columns beside the ledger's: kept out, and said so
        print(
            f"注意：以下列不是台账的列，其内容没有导入：{'、'.join(ignored)}。"
            "台账的列以 python main.py export --format xlsx 导出的表头为准"
        )
    if suffix == ".toml":
        unchecked = review_marks(path.read_text(encoding="utf-8", errors="replace"))
        if unchecked:  # an import-report draft loaded as it came: say what is still a guess
            print(
                f"注意：文件中还有{unchecked}处“# 待核”标记（import-report 的推测，尚未核对）。"
                "核对改正后删去这些注释再导入一次，或用 /set、/status 等命令逐项改正"
            )
    return 0


def cmd_import_report(config: Config, engine: Engine | None, args) -> int:
    """Turn a report in the seed's format into a draft ledger TOML."""
    path = Path(args.file)
    if not path.is_file():
        raise not_a_file(path)
    from bot.render.report_files import ReportFileError, read_report_text

    try:
        text = read_report_text(path)
    except PermissionError:
        raise CliError(f"{path}: 没有读取这个文件的权限") from None
    except ReportFileError as exc:
        raise CliError(f"{path}: {exc}") from None
    # Imported here: the drafting modules cost every other command's start-up 0.03-0.05 s.
    from bot.drafting.drafter import draft as draft_report_ledger
    from bot.drafting.report_text import ReportFormatError, parse_report
    from bot.drafting.review import draft_toml, review_summary

    try:
        report = parse_report(text)
        drafted = draft_report_ledger(report, text, year=args.year, today=config.current_date())
    except ReportFormatError as exc:  # "第1行：…" names a line: say of which file
        raise CliError(f"{path}: {exc}") from None
    output = draft_toml(drafted)
    if args.output == "-":
        sys.stdout.write(output)
    else:
        write_output(
            args.output,
            output.encode("utf-8"),
            f"找到{len(report.targets)}项目标，草稿已写入 {args.output}",
        )
    # The review summary goes to stderr, so `-o -` still writes a clean TOML on stdout.
    print(review_summary(drafted), file=sys.stderr)
    named = {u.name for t in drafted.ledger.targets for u in t.units if u.source == "named"}
    outside = sorted(named - county_departments())
    if outside:  # `import` refuses a unit the database lacks: say so before it does
        more = f"等{len(outside)}个" if len(outside) > 3 else ""
        print(
            f"注意：报告写明的责任单位{'、'.join(outside[:3])}{more}不在县直部门名录中；"
            "导入时台账中还没有的单位会被拒绝，确属新单位的，请在草稿中该单位下加一行 new = true",
            file=sys.stderr,
        )
    return 0


def cmd_export(config: Config, engine: Engine, args) -> int:
    """Write the ledger as TOML, xlsx or CSV."""
    check_suffix(args.output, f".{args.format}", formats=("toml", "xlsx", "csv"))
    ledger = ledger_for(config, engine, args)
    content = export_bytes(ledger, args.format, today=config.status_date(ledger.year))
    write_output(args.output, content, f"已导出{len(ledger.targets)}项目标到 {args.output}")
    return 0


def cmd_evidence(config: Config, engine: Engine, args) -> int:
    """evidence add N FILE [--note TEXT] | evidence list N [--json]: a target's 佐证材料."""
    from bot.domain.evidence import MAX_BYTES, EvidenceError, check_evidence, size_label
    from bot.store.evidence_store import add_evidence, list_evidence

    ledger = ledger_for(config, engine, args)
    if args.number not in ledger.by_number():
        raise no_such_target(ledger, args.number)
    if args.action == "add":
        path = Path(args.file)
        if not path.is_file():
            raise not_a_file(path)
        if path.stat().st_size > MAX_BYTES:  # refused before reading it into memory
            raise CliError(f"{path.name}：文件超过20MB上限，未保存")
        problem = text_problem(args.note or "")
        if problem:
            raise CliError(f"--note {problem}")
        try:
            file = check_evidence(path.name, path.read_bytes())
        except EvidenceError as exc:
            raise CliError(f"{path.name}：{exc}") from None
        row = add_evidence(
            engine, args.number, file, actor="cli", note=args.note or "", year=ledger.year
        )
        if row.duplicate:
            print(f"第{args.number}项已有相同的佐证材料 #{row.id}：{row.name}，未重复保存")
            return 0
        print(f"已保存第{args.number}项的佐证材料 #{row.id}：{row.name}（{size_label(row.size)}）")
        return 0
    with reading(engine) as session:
        rows = list_evidence(session, args.number, year=ledger.year)
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    for row in rows:
        when = row.added_at.astimezone(config.tz).strftime("%Y-%m-%d %H:%M")
        print(f"#{row.id}\t{row.name}\t{size_label(row.size)}\t{row.added_by}\t{when}\t{row.note}")
    if not rows:
        adding = f"python main.py evidence add {args.number} 文件"
        print(f"第{args.number}项还没有佐证材料（添加：{adding}）")
        return 0
    print(f"第{args.number}项共{len(rows)}份佐证材料")
    return 0


def cmd_close(config: Config, engine: Engine, args) -> int:
    """close N --reason TEXT [--force]; --reopen reopens a closed target."""
    from bot.app.closing import ClosingRefused, close_target, reopen_target

    ledger = ledger_for(config, engine, args)
    if args.number not in ledger.by_number():
        raise no_such_target(ledger, args.number)
    problem = text_problem(args.reason)
    if problem:
        raise CliError(f"--reason {problem}")
    if not args.reason.strip():  # the chat's own words would name /close
        raise CliError("--reason 不能为空，请写明理由，例如 --reason 已完工并经现场核实")
    try:
        if args.reopen:
            reopen_target(engine, args.number, args.reason, actor="cli", year=ledger.year)
            print(f"第{args.number}项已重新打开（取消销号）")
            return 0
        closure = close_target(
            engine,
            args.number,
            args.reason,
            actor="cli",
            now=config.now(),
            status_day=config.status_date(ledger.year),
            forced=args.force,
            year=ledger.year,
        )
    except ClosingRefused as exc:
        raise CliError(str(exc).replace(f"/close {args.number} 强制 理由", "--force")) from None
    forced = "（强制）" if closure.forced else ""
    print(f"第{args.number}项{closure.label}{forced}")
    return 0
