"""SQLite keeps what it committed (issue 12, finding 6): WAL with ``synchronous=FULL``, so
that a power cut cannot roll back a committed entry; foreign keys and a busy timeout on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from mmtracker.storage.engine import SQLITE_BUSY_TIMEOUT_MS, make_engine


def test_every_connection_is_durable(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    with engine.connect() as conn:
        pragma = {
            name: conn.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    engine.dispose()
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL: each commit synced to the disk
        "foreign_keys": 1,
        "busy_timeout": SQLITE_BUSY_TIMEOUT_MS,
    }
