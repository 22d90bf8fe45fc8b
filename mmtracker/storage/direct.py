"""Reading an SQLite file straight through ``sqlite3``, when it needs nothing done first.

The ``worklist`` command and the window's first screen read this way (no SQLAlchemy
imported) when the database is a plain SQLite file at the schema's head that holds
patients, none of them stale under the policy in force, and no users (a database with
users is read only once one has signed in). Anything else (a migration to
apply, patients to re-assess, the demo to fill, another kind of database, a file that
cannot be read) is left to the usual way through SQLAlchemy, which does it and says
what went wrong. A file this account cannot write is read read-only
(:func:`mmtracker.storage.engine.sqlite_uri`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from mmtracker.logic.policy import Policy
from mmtracker.storage.engine import StorageError
from mmtracker.storage.schema import scanned_head
from mmtracker.storage.sql import Fetch, open_sqlite, plain_sqlite_file, sqlite_fetch
from mmtracker.storage.state_reads import stale_ids

READY_CHECKS = (
    "SELECT version_num FROM alembic_version",
    "SELECT EXISTS (SELECT 1 FROM patient)",
    "SELECT NOT EXISTS (SELECT 1 FROM app_user)",  # users: sign in first, the usual way
)


def _ready(fetch: Fetch, as_of: dt.date, policy: Policy) -> bool:
    """True when the database is at the schema's head, holds patients and none is stale."""
    head = scanned_head()
    stamps, (held,), (open_to_all,) = (list(fetch(query, {})) for query in READY_CHECKS)
    return (
        head is not None
        and [tuple(row) for row in stamps] == [(head,)]
        and bool(held[0])
        and bool(open_to_all[0])
        and not stale_ids(fetch, as_of, policy.digest)
    )


@contextmanager
def direct_reads(url: str, as_of: dt.date, policy: Policy) -> Iterator[Fetch | None]:
    """Queries on the SQLite file of ``url`` when it can be read as it is on ``as_of``
    (see the module's docstring), else None: the caller then takes the usual way.

    An ``sqlite3`` error raised while the caller reads goes out as a StorageError.
    """
    path = plain_sqlite_file(url)
    if path is None or not path.is_file():
        yield None
        return
    try:
        conn = open_sqlite(path)
    except (sqlite3.Error, StorageError):  # the usual way says what is wrong
        yield None
        return
    try:
        fetch = sqlite_fetch(conn)
        try:
            ready = _ready(fetch, as_of, policy)
        except sqlite3.Error:  # no tables yet, locked, not a database: the usual way says
            ready = False
        yield fetch if ready else None
    except sqlite3.Error as exc:
        raise StorageError(f"The database {path} could not be read: {exc}") from exc
    finally:
        conn.close()


DEMO_NOTE = "SELECT value FROM database_info WHERE key = 'demo'"


def read_demo_note(fetch: Fetch) -> str | None:
    """What the database's demo mark says (mmtracker/storage/marks.py), or None: not marked."""
    found = fetch(DEMO_NOTE, {})
    return None if not found else str(found[0][0])
