"""Marks a database carries about itself: a demo database says so, whoever opens it."""

from __future__ import annotations

from sqlalchemy import Engine, insert, select

from mmtracker.storage.anchors import after_write
from mmtracker.storage.direct import read_demo_note
from mmtracker.storage.models import DatabaseInfoRow
from mmtracker.storage.services import audit, audit_row, utc_now
from mmtracker.storage.sql import engine_fetch

INFO = DatabaseInfoRow.__table__  # type: ignore[attr-defined]  # SQLModel sets __table__ at class creation
DEMO = "demo"


def mark_demo(engine: Engine, note: str, actor: str) -> None:
    """Mark the database as a demo database (``note``: what filled it); audited, kept once."""
    with engine.begin() as conn:
        if conn.execute(select(INFO.c.value).where(INFO.c.key == DEMO)).first() is not None:
            return
        row = {"key": DEMO, "value": note[: INFO.c.value.type.length]}
        conn.execute(insert(INFO).values(**row))
        audit(
            conn,
            audit_row(
                patient_id=None,
                table=INFO.name,
                row_id=DEMO,
                action="demo",
                actor=actor,
                at=utc_now(),
                before=None,
                after=row,
            ),
        )
    after_write(engine)


def demo_note(engine: Engine) -> str | None:
    """What the demo mark says (e.g. how the demo was made), or None on a database not marked."""
    with engine.connect() as conn:
        return read_demo_note(engine_fetch(conn))


def is_demo(engine: Engine) -> bool:
    """True when the database is marked as a demo database."""
    return demo_note(engine) is not None
