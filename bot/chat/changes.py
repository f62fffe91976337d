"""Admin commands that change the ledger: proposals awaiting 确认, /undo, /unmatched.

The proposal commands are the grammar of bot.domain.admin_commands (one entry per command,
its usage and help there); this module turns each into a registered chat command.
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata

from bot.app.changes import (
    NothingToResolve,
    cancel,
    confirm,
    open_proposal,
    propose_alias_from_unmatched,
    undo,
)
from bot.app.closing import date_closing, recheck_closing
from bot.app.progress_reports import retracted_report
from bot.app.unmatched import unmatched_row
from bot.chat.audit_text import change_line, short, units_now, units_of_entries
from bot.chat.context import ChatContext
from bot.chat.progress_reports import tell_unit
from bot.chat.registry import ButtonSpec, CommandSpec
from bot.chat.types import ADMIN, Button, Reply, Sender, no_such_target, parse_target_number
from bot.domain.admin_commands import GRAMMARS, propose
from bot.domain.admin_grammar import AUTO_STATUS, CommandError, Proposal
from bot.domain.admin_lists import alias_clash, deadline_before_year
from bot.domain.ledger import text_problem
from bot.domain.report_states import state_label
from bot.domain.status import compute_status
from bot.domain.unit_names import UnitNotFound, resolve_assign_args
from bot.store.ledger_store import StaleChange, units_held
from bot.store.models import PendingChange
from bot.store.unmatched import list_unmatched as store_list_unmatched
from bot.store.uow import UnitOfWork, reading


def _proposal_command(name: str):
    def handler(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
        note = ""
        args = _without_current_year(service, args)
        # A unit the ledger knows, never a silent new one (control characters are left for
        # propose to refuse with the field named).
        if name == "assign" and text_problem(args, multiline=True) is None:
            # Another year's units too: a new year's draft names few, and 县交通运输局 of the
            # 2020 ledger is no new unit in 2021.
            names = sorted(
                {u.name for t in service.answerer.ledger.targets for u in t.units}
                | set(units_held(service.engine))
            )
            try:
                args, note = resolve_assign_args(unicodedata.normalize("NFKC", args), names)
            except UnitNotFound as exc:
                return [Reply(f"{exc}\n用法：{GRAMMARS['assign'].usage}")]
        refused = _not_in_current_year(service, name, args)
        if refused:
            return [Reply(refused)]
        try:
            proposal = propose(
                name, args, service.target, today=service.config.current_date(), year=service.year
            )
        except CommandError as exc:
            return [Reply(str(exc))]
        refused = _refused_by_the_ledger(service, name, args, proposal)
        if refused:
            return [Reply(f"{refused}\n用法：{GRAMMARS[name].usage}")]
        if name == "status" and proposal.target is not None and not note:
            note = _computed_status_note(service, args, proposal.target)
        if note:
            proposal = dataclasses.replace(proposal, summary=f"{proposal.summary}\n{note}")
        return [_pending_reply(service, sender, proposal)]

    handler.__doc__ = f"Propose a /{name} change and ask the admin to confirm it."
    return handler


def _refused_by_the_ledger(service: ChatContext, name: str, args: str, proposal) -> str:
    """What the rest of the ledger forbids of a proposal one target allows ("" if nothing):
    an alias another target answers to or made of question words, a deadline before the
    ledger's year."""
    if name == "alias":
        word = unicodedata.normalize("NFKC", args).split()[-1]
        if not service.answerer.names_something(word):
            return (
                f"“{word}”是提问时常用的词，找不到某一项目标，不能作别名。请换一个说这项工作的词。"
            )
        return alias_clash(word, proposal.target, service.answerer.ledger.targets)
    if name == "deadline":
        return deadline_before_year(proposal, service.year)
    return ""


def _computed_status_note(service: ChatContext, args: str, number: int) -> str:
    """For "/status 16 自动": the status the figures give once the override is cleared, so the
    admin sees what "自动" will make it before confirming; "" for any other /status."""
    words = unicodedata.normalize("NFKC", args).split()
    target = service.target(number)
    if len(words) < 2 or words[1] != AUTO_STATUS or target is None:
        return ""
    cleared = dataclasses.replace(target, status_override="", status_reason="")
    return f"（取消人工认定后，按数据计算的状态为：{compute_status(cleared, service.today)}）"


def _without_current_year(service: ChatContext, args: str) -> str:
    """`args` without a leading current year before a target number ("/alias 2020 12 放款额"
    while 2020 is the current year: the year changes go to anyway), else as they are."""
    words = args.split(maxsplit=2)
    if len(words) < 2 or parse_target_number(words[0]) != service.year:
        return args
    if service.target(service.year) is not None:  # a ledger numbering that far: the number
        return args
    number = parse_target_number(words[1])
    if number is None or service.target(number) is None:
        return args
    return " ".join(words[1:])


def _not_in_current_year(service: ChatContext, name: str, args: str) -> str:
    """Why a change names no target of the current year, which is the only one changes go to:
    a year written first ("/set 2020 12 …"), or a number that year does not hold."""
    words = unicodedata.normalize("NFKC", args).split(maxsplit=1)
    number = parse_target_number(words[0]) if words else None
    if number is None or service.target(number) is not None:
        return ""
    usage = f"用法：{GRAMMARS[name].usage}"
    after = parse_target_number(words[1].split()[0]) if len(words) > 1 else None
    if number == service.year and after is not None:  # "/set 2020 99 …" in 2020: no 99
        return f"{no_such_target(service.answerer.ledger, after)}\n{usage}"
    if number == service.year:  # no export to suggest: the year changes go to anyway
        return f"修改总是针对当前年度（{number}年）的台账，不用写年份，请写目标序号。\n{usage}"
    if number in service.years.held():
        return (
            f"修改只针对当前年度（{service.year}年）的台账，序号前不要写年份。\n{usage}\n"
            f"如需改正{number}年的台账：python main.py export --year {number} --format xlsx "
            f"-o {number}.xlsx 导出，改好后 python main.py import {number}.xlsx --year {number}"
        )
    return f"{no_such_target(service.answerer.ledger, number)}\n{usage}"


def _pending_reply(service: ChatContext, sender: Sender, proposal: Proposal) -> Reply:
    with UnitOfWork(service.engine) as uow:
        pending = open_proposal(uow, proposal, admin_id=sender.user_id or 0, year=service.year)
    return confirm_buttons(pending)


def confirm_buttons(pending: PendingChange) -> Reply:
    """A pending change as the admin is asked to confirm it, with 确认/取消 (any command's)."""
    buttons = ((Button("确认", f"confirm:{pending.id}"), Button("取消", f"cancel:{pending.id}")),)
    return Reply(f"请确认以下修改：\n{pending.summary}", buttons)


UNDO_TAKES_NOTHING = (
    "/undo 不带参数，撤销的是您最近的一次修改（不一定是您写的那一项），未执行。"
    "要撤销请只发送 /undo；要改正某一项，请先用 /history 序号 查看，再用 /set 等命令改正。"
)


def cmd_undo(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Revert the caller's last change (itself audited)."""
    if args.strip():
        # "/undo 12" read as "undo target 12" would revert another target's change unasked.
        return [Reply(UNDO_TAKES_NOTHING)]
    try:
        applied = undo(service.engine, actor=sender.actor)
    except StaleChange as exc:
        return [
            Reply(
                f"无法撤销：{exc}，撤销会覆盖新的修改。"
                "请用 /history 序号 查看，再用 /set 直接改正。"
            )
        ]
    if applied is None or not applied.entries:
        return [Reply("没有可撤销的修改。")]
    service.refresh()
    # A change made before a newer year was imported names its year: 第12项 now means 2021's.
    entries = applied.entries
    core = service.years.answerer(entries[0].year or service.year)
    target = core.by_number.get(entries[0].target_number or 0) if core is not None else None
    shown = units_of_entries(entries, units_now(target.indicators if target else ()))
    lines = [
        f"{f'{e.year}年' if e.year and e.year != service.year else ''}"
        f"第{e.target_number}项 " + change_line(e.field_name, e.old_value, e.new_value, units)
        for e, units in zip(entries, shown, strict=True)
    ]
    text = "\n".join(f"已撤销：{line}" for line in lines)
    report = retracted_report(service.engine, applied.entries[0].undoes)
    if report is not None:
        # The unit was told of the approval, so it is told of its retraction the same way.
        number = report.target_number
        tell_unit(
            service,
            report.chat_id,
            f"第{number}项进展报送#{report.id}的采纳已被督查局撤销，台账已改回：\n"
            + "\n".join(lines)
            + f"\n如有疑问请联系督查局；需要重新报送时，请发送：/report {number} 进展或数值",
        )
        state = state_label(report.state)
        text += f"\n这是对报送#{report.id}的采纳，该报送现为“{state}”，已通知报送单位。"
    return [Reply(text)]


UNMATCHED_SHOWN = 10  # distinct questions listed
UNMATCHED_READ = 100  # latest rows read to find them (a question may have been asked often)


def cmd_unmatched(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """List questions that found no target, with buttons to turn them into aliases."""
    service.unmatched.flush()  # include the questions still being written
    with reading(service.engine) as session:
        rows = store_list_unmatched(session, limit=UNMATCHED_READ)
    if not rows:
        return [Reply("暂无未匹配的问题。")]
    # A question asked again is one line, with its count: two like buttons would confuse.
    asked: dict[tuple[str, int | None], list] = {}
    answered: dict[str, bool] = {}
    for row in rows:
        question = row.question.strip()
        if row.year in (None, service.year):
            # Answered well now (an alias added since, a newer release): nothing to turn into
            # an alias, and its button would tie the question's words to one target.
            if question not in answered:
                answered[question] = unmatched_row(service.years.ask(question)) is None
            if answered[question]:
                continue
        asked.setdefault((question, row.year), []).append(row)
    if not asked:
        return [Reply("暂无未匹配的问题。")]
    lines = ["最近未匹配的问题："]
    buttons = []
    for row, times in [(same[0], len(same)) for same in list(asked.values())[:UNMATCHED_SHOWN]]:
        # A question asked of another year's ledger names that year's target.
        of_year = f"{row.year}年" if row.year and row.year != service.year else ""
        notes = [f"问过{times}次"] if times > 1 else []
        if row.best_target:
            notes.append(f"最接近{of_year}第{row.best_target}项")
        best = f"（{'，'.join(notes)}）" if notes else ""
        lines.append(f"· {short(row.question, 60)}{best}")
        if row.best_target and len(row.question.strip()) <= 20:
            label = f"“{short(row.question, 12)}”设为{of_year}第{row.best_target}项别名"
            buttons.append((Button(label, f"unm:{row.id}"),))
    lines.append("其他问题可用 /alias 序号 词 手动添加别名。")
    return [Reply("\n".join(lines), tuple(buttons))]


def _settle_refusal(settled, verb: str) -> list[Reply] | None:
    """The toast for a press that settles nothing: someone else's change, or one settled."""
    if settled.outcome == "refused":
        return [Reply("", toast=f"只有发起修改的管理员可以{verb}")]
    if settled.outcome == "done_before":
        return [Reply("", toast=settled.done_before_text)]
    return None


def btn_confirm(service: ChatContext, sender: Sender, role: str, rest: str) -> list[Reply]:
    check = functools.partial(
        recheck_closing, status_day=service.today, rules=service.config.status
    )
    settled = confirm(
        service.engine,
        int(rest),
        admin_id=sender.user_id or 0,
        actor=sender.actor,
        check=check,
        finish=functools.partial(date_closing, now=service.config.now()),
    )
    refusal = _settle_refusal(settled, "确认")
    if refusal is not None:
        return refusal
    summary = settled.pending.summary
    if settled.why:  # judged again at 确认: a closing whose target is no longer done
        return [Reply(f"未修改：{settled.why}\n{summary}", edit=True, toast="未修改")]
    if settled.outcome == "stale":
        text = f"未修改：提出这项修改后，数据已有变动。请重新发送命令。\n{summary}"
        return [Reply(text, edit=True, toast="数据已变动")]
    service.refresh()
    if settled.outcome == "unchanged":
        return [Reply(f"没有变化：\n{summary}", edit=True, toast="没有变化")]
    text = f"✅ 已修改：\n{summary}\n（如需撤销，发送 /undo）"
    return [Reply(text, edit=True, toast="已修改")]


def btn_cancel(service: ChatContext, sender: Sender, role: str, rest: str) -> list[Reply]:
    settled = cancel(service.engine, int(rest), admin_id=sender.user_id or 0)
    refusal = _settle_refusal(settled, "取消")
    if refusal is not None:
        return refusal
    return [Reply(f"已取消：\n{settled.pending.summary}", edit=True, toast="已取消")]


def btn_unmatched(service: ChatContext, sender: Sender, role: str, rest: str) -> list[Reply]:
    try:
        with UnitOfWork(service.engine) as uow:
            pending = propose_alias_from_unmatched(
                uow,
                int(rest),
                admin_id=sender.user_id or 0,
                year=service.year,
                rules=service.config.status,
                today=service.today,
            )
    except NothingToResolve:
        return [Reply("", toast="该问题已处理或不存在")]
    except CommandError as exc:
        return [Reply(str(exc), toast="无法添加")]
    return [confirm_buttons(pending)]


COMMANDS = (
    *(
        CommandSpec(g.name, ADMIN, g.help, _proposal_command(g.name), f"用法：{g.usage}")
        for g in GRAMMARS.values()
    ),
    CommandSpec("undo", ADMIN, "撤销我的上一次修改", cmd_undo),
    CommandSpec("unmatched", ADMIN, "未匹配的问题（可一键设为别名）", cmd_unmatched),
)

BUTTONS = (
    ButtonSpec("confirm", ADMIN, btn_confirm, refused="只有发起修改的管理员可以确认"),
    ButtonSpec("cancel", ADMIN, btn_cancel, refused="只有发起修改的管理员可以取消"),
    ButtonSpec("unm", ADMIN, btn_unmatched, refused="仅限管理员"),
)
