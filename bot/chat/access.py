"""Admin commands for who may use the bot: /grant, /revoke, /users."""

from __future__ import annotations

import logging
import unicodedata

from bot.app.access import grant, grants, revoke
from bot.chat.context import ChatContext
from bot.chat.registry import CommandSpec
from bot.chat.types import ADMIN, TELEGRAM_ID, Reply, Sender
from bot.domain.ledger import text_problem
from bot.store.uow import UnitOfWork, reading

logger = logging.getLogger(__name__)

GRANT_USAGE = "用法：/grant 用户ID或群ID [备注]，例如 /grant 123456789 王科长"
GRANT_NOTE_MAX_CHARS = 100
REVOKE_USAGE = "用法：/revoke 用户ID或群ID，例如 /revoke 123456789"


def cmd_grant(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Grant viewer rights to a numeric user id or chat id."""
    parts = unicodedata.normalize("NFKC", args).split(maxsplit=1)
    if not parts or not TELEGRAM_ID.fullmatch(parts[0]):
        return [Reply(f"{GRANT_USAGE}（ID须为数字，群ID为负数）")]
    subject = int(parts[0])
    note = parts[1].strip() if len(parts) > 1 else ""
    cut = len(note) > GRANT_NOTE_MAX_CHARS
    note = note[:GRANT_NOTE_MAX_CHARS]
    problem = text_problem(note)
    if problem:
        return [Reply(f"备注{problem}。{GRANT_USAGE}")]
    with UnitOfWork(service.engine) as uow:
        added = grant(uow, subject, granted_by=sender.user_id or 0, note=note)
    if not added:
        return [Reply(f"{subject} 已经是查看者。")]
    service.forget_grants()
    logger.info("user %s granted viewer rights to %s", sender.user_id, subject)
    shortened = (
        f"（备注超过{GRANT_NOTE_MAX_CHARS}字，只保存了前{GRANT_NOTE_MAX_CHARS}字）" if cut else ""
    )
    return [Reply(f"已授予 {subject} 查看权限。{shortened}")]


def cmd_revoke(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """Revoke viewer rights."""
    text = unicodedata.normalize("NFKC", args).strip()
    if not TELEGRAM_ID.fullmatch(text):
        return [Reply(REVOKE_USAGE)]
    with UnitOfWork(service.engine) as uow:
        removed = revoke(uow, int(text))
    if not removed:
        return [Reply(f"{text} 不是查看者，无需撤销。")]
    service.forget_grants()
    return [Reply(f"已撤销 {text} 的查看权限。")]


def cmd_users(service: ChatContext, sender: Sender, args: str) -> list[Reply]:
    """List admins and viewers."""
    with reading(service.engine) as session:
        rows = grants(session)
    admins = "、".join(str(a) for a in service.config.telegram.admins)
    lines = []
    if sender.fixed_role is not None:  # the console: its user is no Telegram id
        role = "管理员" if sender.fixed_role == ADMIN else "查看者"
        lines.append(f"控制台用户（你）：{role}身份")
        admins = admins or "（无；在配置文件 [telegram] admins 中填写用户ID）"
    lines.append("管理员：" + (admins or "（无）"))
    lines.append(f"查看者（{len(rows)}）：" if rows else "查看者：（无；用 /grant ID 授予）")
    lines += [
        f"· {g.subject_id}{'（群）' if g.subject_id < 0 else ''} {g.note}".rstrip() for g in rows
    ]
    return [Reply("\n".join(lines))]


COMMANDS = (
    CommandSpec("grant", ADMIN, "授予查看权限：/grant ID [备注]", cmd_grant, GRANT_USAGE),
    CommandSpec("revoke", ADMIN, "撤销查看权限：/revoke ID", cmd_revoke, REVOKE_USAGE),
    CommandSpec("users", ADMIN, "管理员和查看者名单", cmd_users),
)
