"""Reads written as plain SQL, run either way: through SQLAlchemy on any database, or
through Python's own ``sqlite3`` on a plain SQLite file, without importing SQLAlchemy.

The second way is how the ``worklist`` command and the window's first screen read an
SQLite file that is up to date (:mod:`mmtracker.storage.direct`): importing SQLAlchemy
and the table classes costs more than the whole read. Each query is written once and
run both ways; the tests hold the two to the same rows.

A query names its parameters ``:name``. Dates go in as ``datetime.date`` and come back
as text on SQLite, as dates on PostgreSQL: :func:`day` reads both.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mmtracker.storage.engine import SQLITE_BUSY_TIMEOUT_MS, sqlite_uri

if TYPE_CHECKING:
    from sqlalchemy import Connection

Fetch = Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]
"""Runs one query with its parameters and returns every row as a tuple."""

# sqlite:///relative.db, sqlite:////absolute/path.db; a query string, a percent-escape or an
# in-memory database is left to SQLAlchemy, which reads them its own way.
_PLAIN_SQLITE_URL = re.compile(r"^sqlite(?:\+pysqlite)?:///(?P<path>[^?%]+)$")


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a plain SQLite URL (no options); None for any other URL."""
    found = _PLAIN_SQLITE_URL.match(url)
    if found is None or found["path"] == ":memory:":
        return None
    return Path(found["path"])


def day(value: Any) -> dt.date | None:
    """A stored date as read by either way (ISO text from SQLite, a date elsewhere)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def required_day(value: Any) -> dt.date:
    """A date of a column that is never NULL (:func:`day`)."""
    found = day(value)
    if found is None:
        raise ValueError("a date that is never NULL was read as NULL")
    return found


def _sqlite_value(value: Any) -> Any:
    """A parameter as SQLAlchemy stores it in SQLite (dates as ISO text)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def open_sqlite(path: Path) -> sqlite3.Connection:
    """A connection that only reads the SQLite file at ``path`` (which must exist); opened
    read-only when this account cannot write it (:func:`mmtracker.storage.engine.sqlite_uri`,
    which may raise StorageError)."""
    conn = sqlite3.connect(sqlite_uri(path), uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA query_only=ON")
    return conn


def sqlite_fetch(conn: sqlite3.Connection) -> Fetch:
    """Run queries on an ``sqlite3`` connection."""

    def fetch(query: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        values = {name: _sqlite_value(value) for name, value in params.items()}
        return conn.execute(query, values).fetchall()

    return fetch


def engine_fetch(conn: Connection) -> Fetch:
    """Run queries on an SQLAlchemy connection."""
    from sqlalchemy import text

    def fetch(query: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return conn.execute(text(query), dict(params)).all()

    return fetch
