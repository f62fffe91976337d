"""The unit of work: the one place (with `bot.store.database`) that opens database sessions.

A use case that changes anything takes a `UnitOfWork`: one session and one transaction,
committed when the `with` block ends normally and rolled back when it raises, so a change of
several steps is all or nothing. Reads that change nothing use `reading`, which never holds a
transaction open longer than its block.

    with UnitOfWork(engine) as uow:
        apply_changes_in(uow.session, changes, actor="tg:42")
    with reading(engine) as session:
        target = read_target(session, 12)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy import Engine
from sqlmodel import Session


class UnitOfWork:
    """One session and one transaction over `engine`: commit on success, roll back on error.

    Objects read inside stay usable after the block (no expiry on commit), so a use case may
    return rows it wrote.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("a UnitOfWork's session exists only inside its `with` block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = Session(self.engine, expire_on_commit=False)
        self._session.begin()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        session, self._session = self.session, None
        try:
            if kind is None:
                session.commit()
            else:
                session.rollback()
        finally:
            session.close()


@contextmanager
def reading(engine: Engine, *, expire_on_commit: bool = True) -> Iterator[Session]:
    """A session for reads (it may autobegin; nothing is committed), closed after the block."""
    with Session(engine, expire_on_commit=expire_on_commit) as session:
        yield session
