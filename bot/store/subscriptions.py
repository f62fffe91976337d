"""Who receives reminders: units' chats (subscriptions) and the leaders' digest chats.

Every function works in the caller's session (a `UnitOfWork`'s, or `reading`'s for reads).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import update
from sqlmodel import Session, select

from bot.store.models import DigestSubscriber, Grant, OutboxEntry, Subscription


def _subscription(session: Session, unit: str, chat_id: int) -> Subscription | None:
    query = select(Subscription).where(Subscription.unit == unit, Subscription.chat_id == chat_id)
    return session.exec(query).first()


def add_subscription(session: Session, unit: str, chat_id: int, *, actor: str = "") -> bool:
    """Subscribe a chat to a unit's reminders; False when it already was."""
    if _subscription(session, unit, chat_id) is not None:
        return False
    session.add(Subscription(unit=unit, chat_id=chat_id, created_by=actor))
    return True


def remove_subscription(session: Session, unit: str, chat_id: int) -> bool:
    """Stop a unit's reminders for a chat; False when it was not subscribed."""
    row = _subscription(session, unit, chat_id)
    if row is None:
        return False
    session.delete(row)
    return True


def list_subscriptions(session: Session) -> list[Subscription]:
    return list(session.exec(select(Subscription).order_by(Subscription.unit, Subscription.id)))


def subscriptions_map(session: Session) -> dict[str, list[int]]:
    """unit -> its subscribed chats, in subscription order."""
    found: dict[str, list[int]] = defaultdict(list)
    for row in list_subscriptions(session):
        found[row.unit].append(row.chat_id)
    return dict(found)


def switch_digest(session: Session, chat_id: int, on: bool) -> bool:
    """Turn the weekly digest on or off for a chat; False when nothing changed."""
    row = session.exec(select(DigestSubscriber).where(DigestSubscriber.chat_id == chat_id)).first()
    if on and row is None:
        session.add(DigestSubscriber(chat_id=chat_id))
        return True
    if not on and row is not None:
        session.delete(row)
        return True
    return False


def digest_chats(session: Session) -> list[int]:
    return [
        r.chat_id for r in session.exec(select(DigestSubscriber).order_by(DigestSubscriber.id))
    ]


def move_chat(session: Session, old_id: int, new_id: int) -> None:
    """Subscriptions, digests, grants and past notices of `old_id` now belong to `new_id`."""
    session.exec(update(Subscription).where(Subscription.chat_id == old_id).values(chat_id=new_id))
    session.exec(
        update(DigestSubscriber).where(DigestSubscriber.chat_id == old_id).values(chat_id=new_id)
    )
    session.exec(update(Grant).where(Grant.subject_id == old_id).values(subject_id=new_id))
    # Past notices move too: their keys keep today's run from resending them to the new id,
    # and replies in the new chat still find the reminder they answer.
    session.exec(update(OutboxEntry).where(OutboxEntry.chat_key == old_id).values(chat_key=new_id))
