"""Engines for SQLite (the embedded default) and PostgreSQL (several workstations)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: the direct reads (storage/sql.py) need none of it
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

SQLITE_BUSY_TIMEOUT_MS = 10_000


class StorageError(Exception):
    """A problem of the environment (locked, read-only, corrupt, unreachable, too new).

    Shown to the user as a clear message; anything else is a bug.
    """


def is_sqlite(engine: Engine) -> bool:
    """True when the engine talks to an SQLite file."""
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # a committed entry survives a power cut
    cursor.close()


def _parsed(url: str) -> URL:
    """``url`` parsed, a plain ``postgresql://`` given the psycopg (3) driver."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def url_problem(url: str) -> str | None:
    """Why no engine can be made for ``url`` (unparsable, unknown dialect, driver missing).

    None when the URL can be used; whether the database is there is not checked.
    """
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        dialect = _parsed(url).get_dialect()
        dialect.import_dbapi()
    except NoSuchModuleError:  # an ArgumentError too: first
        return f"{url!r} names a kind of database or driver mmtracker does not know"
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is no number
        return f"not a database URL: {url!r} ({exc})"
    except ImportError as exc:
        return f"{url!r} needs a driver that is not installed ({exc.name or exc})"
    return None


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL; None for another database or an in-memory one."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    """An engine for ``url``: SQLite gets WAL, foreign keys and a busy timeout."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(_parsed(url), pool_pre_ping=True)
