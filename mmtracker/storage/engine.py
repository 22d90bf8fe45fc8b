"""Engines for SQLite (the embedded default) and PostgreSQL (several workstations).

**A database this account may only read.** The commands that only read open an SQLite
file they cannot write (the file, or its folder, where SQLite keeps its journal or the
``-wal`` and ``-shm`` files of WAL mode) read-only, with SQLite's ``mode=ro``
(:func:`reading_url`, :func:`sqlite_uri`); their connections set nothing that writes
(:func:`make_engine`). ``mode=ro`` reads a file in rollback-journal mode, and one in WAL
mode whose ``-shm`` file is there or can be made. A WAL-mode file in a folder this account
cannot write, with no ``-shm`` file (the usual state of a copy: the last connection to
close removes both), SQLite reads only as ``immutable=1``, without locks and ignoring any
``-wal`` file; that is done only when no ``-wal`` file holds writes and nothing can write
to the file meanwhile (a read-only file system, or neither the file nor its folder
writable by anyone); otherwise the file is refused, saying how to make it readable.
"""

from __future__ import annotations

import os
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


def _sqlite_read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """A read-only connection's settings: none that writes (``journal_mode=WAL`` would)."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _opens_read_only(url: URL) -> bool:
    """True for an SQLite URL that opens its file read-only (``mode=ro`` or ``immutable``)."""
    from sqlalchemy.util import asbool

    query = url.query
    return asbool(query.get("uri", False)) and (
        query.get("mode") == "ro" or asbool(query.get("immutable", False))
    )


def read_only(engine: Engine) -> bool:
    """True when the engine opens its SQLite file read-only: it must write nothing."""
    return is_sqlite(engine) and _opens_read_only(engine.url)


def database_label(engine: Engine) -> str:
    """The engine's database as its user names it: a file opened read-only by its plain URL."""
    if not read_only(engine):
        return engine.url.render_as_string(hide_password=True)
    return f"sqlite:///{_uri_path(str(engine.url.database))} (read-only)"


def _uri_path(uri: str) -> Path:
    """The file an SQLite ``file:`` URI names."""
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    return Path(url2pathname(urlsplit(uri).path))


def _writable(path: Path) -> bool:
    """Whether this account may write the SQLite file at ``path`` and make files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _in_wal_mode(path: Path) -> bool:
    """Whether the SQLite file's header says WAL mode (its read and write versions are 2)."""
    try:
        with path.open("rb") as file:
            header = file.read(20)
    except OSError:  # SQLite will say what is wrong
        return False
    return header[18:20] == b"\x02\x02"


def _nobody_writes(path: Path) -> bool:
    """Whether nothing can write to the file while it is read: its file system is mounted
    read-only, or neither the file nor its folder is writable by anyone."""
    if hasattr(os, "statvfs") and os.statvfs(path).f_flag & os.ST_RDONLY:
        return True
    return not any(p.stat().st_mode & 0o222 for p in (path, path.parent))


def _read_only_query(path: Path) -> dict[str, str]:
    """The URI options that open the SQLite file at ``path`` read-only (see the module's
    docstring); StorageError when SQLite cannot read it safely."""
    shm, wal = Path(f"{path}-shm"), Path(f"{path}-wal")
    if os.access(path.parent, os.W_OK | os.X_OK) or shm.exists() or not _in_wal_mode(path):
        return {"mode": "ro"}
    if wal.exists() and wal.stat().st_size > 0:
        reason = f"its {wal.name} file holds writes not yet in the file"
    elif not _nobody_writes(path):
        reason = "others may write to it while it is read"
    else:
        return {"mode": "ro", "immutable": "1"}
    raise StorageError(
        f"The database {path} is read-only for this account and SQLite cannot read it "
        f"safely: it is in WAL mode, {shm.name} is missing and cannot be made in "
        f"{path.parent}, and {reason}. Give this account write access to {path.parent}, "
        "or read a copy whose file and folder nobody can write."
    )


def sqlite_uri(path: Path) -> str:
    """The ``file:`` URI that opens the SQLite file at ``path`` (which exists) through
    ``sqlite3.connect(uri, uri=True)``: read-write when this account may write it, else
    read-only (see the module's docstring); StorageError when it cannot be read safely."""
    from urllib.parse import urlencode

    query = {"mode": "rw"} if _writable(path) else _read_only_query(path)
    return f"{path.resolve().as_uri()}?{urlencode(query)}"


def reading_url(url: str) -> str:
    """The URL a command that only reads opens ``url`` with: an SQLite file this account
    cannot write read-only (``mode=ro``, see the module's docstring), any other unchanged.

    StorageError when SQLite cannot read the file safely.
    """
    from sqlalchemy.engine import URL, make_url

    parsed = make_url(url)
    path = sqlite_file(url)
    if path is None or parsed.query or not path.exists() or _writable(path):
        return url
    query = {**_read_only_query(path), "uri": "true"}
    readonly = URL.create(parsed.drivername, database=path.resolve().as_uri(), query=query)
    return readonly.render_as_string(hide_password=False)


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
    """The file of an SQLite URL (a ``file:`` URI's too, with ``uri=true``); None for another
    database or an in-memory one."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.util import asbool

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    if asbool(parsed.query.get("uri", False)) and parsed.database.startswith("file:"):
        return _uri_path(parsed.database)
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    """An engine for ``url``: SQLite gets WAL, foreign keys and a busy timeout; a file opened
    read-only (:func:`read_only`) only the busy timeout, and no query may write. PostgreSQL
    gets the system keyring's password (:func:`_postgresql_engine`)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        pragmas = _sqlite_read_pragmas if _opens_read_only(parsed) else _sqlite_pragmas
        event.listen(engine, "connect", pragmas)
        return engine
    return _postgresql_engine(_parsed(url))


def _postgresql_engine(url: URL) -> Engine:
    """An engine for a PostgreSQL URL; one without a password gets the system keyring's
    (:mod:`mmtracker.storage.connection`), as a connection argument no label or log shows."""
    from sqlalchemy import create_engine

    from mmtracker.storage.connection import keyring_password

    connect_args: dict[str, str] = {}
    if url.password is None and "password" not in url.query:
        password = keyring_password(url)
        if password is not None:
            connect_args["password"] = password
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
