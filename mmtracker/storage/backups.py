"""Backups of an SQLite database: taken with SQLite's online backup API (a consistent copy
while others write), verified after writing, kept by a retention rule, and restored.

Each backup is ``<database>-<YYYYmmdd-HHMMSS-ffffff>.<kind>.sqlite`` in the backups folder,
readable by its owner only, with the audit chain's head beside it
(``….anchor.json``: :mod:`mmtracker.storage.anchors`). Kinds: ``daily`` (the first start
of each day), ``manual`` (``mmtracker db backup``), ``restore`` (the database as it was
before a restore) and ``backup`` (before a migration, :mod:`mmtracker.storage.schema`).
Retention applies to the daily ones: the newest of each of the last 7 days, 4 ISO weeks
and 12 months are kept.

PostgreSQL is backed up with ``pg_dump`` (:func:`pg_dump_backup`; docs/security.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mmtracker.storage.anchors import DATABASE_ID, FILE_MODE, FOLDER_MODE, write_private

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.storage.audit_chain import Anchor

KINDS = ("daily", "manual", "restore", "backup")
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})\.(?P<kind>daily|manual|restore|backup)\.sqlite$"
)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


class BackupError(Exception):
    """A backup could not be taken, verified or restored; the message says why."""


@dataclass(frozen=True, slots=True)
class Backup:
    """A backup file and when it was taken (local time, from its name)."""

    path: Path
    taken: dt.datetime
    kind: str


def backups_of(database: Path, folder: Path) -> list[Backup]:
    """The backups of ``database`` in ``folder``, oldest first."""
    found: list[Backup] = []
    for path in folder.glob(f"{database.stem}-*.sqlite") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None or match["stem"] != database.stem:
            continue
        taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f")
        found.append(Backup(path, taken, match["kind"]))
    return sorted(found, key=lambda b: b.taken)


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [
        str(name)
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in _tables(conn)
    }


def take_backup(database: Path, folder: Path, kind: str, now: dt.datetime | None = None) -> Path:
    """Copy ``database`` into ``folder`` as a backup of ``kind``, then verify the copy
    (``integrity_check``, and each table's rows against the source at the moment copied)."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    if not database.is_file():
        raise BackupError(f"there is no database file {database} to back up")
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{database.stem}-{stamp}.{kind}.sqlite"
    partial = target.with_name(f".{target.name}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    os.close(descriptor)
    try:
        with closing(_read_only(database)) as source:
            source.execute("BEGIN")  # one snapshot: counted and copied alike
            counts = _counts(source)
            with closing(sqlite3.connect(partial)) as copy:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")  # one file, no WAL beside it
            source.rollback()
        problem = verify_backup(partial, counts)
        if problem is not None:
            raise BackupError(f"the backup of {database} failed its check: {problem}")
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    _write_anchor(target)
    return target


def verify_backup(path: Path, counts: dict[str, int] | None = None) -> str | None:
    """What is wrong with the backup file ``path`` (None: it is sound): its integrity, and
    each table's rows against ``counts`` when given."""
    try:
        with closing(_read_only(path)) as conn:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                return "integrity check: " + "; ".join(map(str, result[:5]))
            held = _counts(conn)
    except sqlite3.Error as exc:
        return f"it cannot be read as a database ({exc})"
    if counts is not None and held != counts:
        differ = sorted(t for t in {*held, *counts} if held.get(t) != counts.get(t))
        return "rows differ from the database's in " + ", ".join(differ)
    return None


def _write_anchor(backup: Path) -> None:
    """The audit chain's head of ``backup``, beside it (when it has an audit chain)."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import DBAPIError

    from mmtracker.storage.audit_chain import verify_chain

    engine = create_engine("sqlite://", creator=lambda: _read_only(backup))
    try:
        with engine.connect() as conn:
            report = verify_chain(conn)
    except DBAPIError:  # a database from before the chain (schema < 0008): no anchor
        return
    finally:
        engine.dispose()
    head = {"broken": report.broken, **(asdict(report.head) if report.head else {})}
    write_private(anchor_of(backup), json.dumps(head) + "\n")


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that only reads the SQLite file ``path`` (its URI escaped: a name may
    hold ``?``, ``#`` or ``%``)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def anchor_of(backup: Path) -> Path:
    """The file beside ``backup`` holding its audit chain's head."""
    return backup.with_name(backup.name.removesuffix(".sqlite") + ".anchor.json")


def daily_due(database: Path, folder: Path, today: dt.date) -> bool:
    """Whether today's daily backup of ``database`` is still to be taken."""
    return database.is_file() and not any(
        b.kind == "daily" and b.taken.date() == today for b in backups_of(database, folder)
    )


def to_remove(backups: Sequence[Backup]) -> list[Backup]:
    """The daily backups the retention rule lets go: all but the newest of each of the last
    :data:`KEEP_DAILY` days, :data:`KEEP_WEEKLY` ISO weeks and :data:`KEEP_MONTHLY` months
    that have one."""
    daily = sorted((b for b in backups if b.kind == "daily"), key=lambda b: b.taken, reverse=True)
    keep: set[Path] = set()
    for key, count in (
        (lambda b: b.taken.date(), KEEP_DAILY),
        (lambda b: b.taken.isocalendar()[:2], KEEP_WEEKLY),
        (lambda b: (b.taken.year, b.taken.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for backup in daily:  # newest first: the first of each period is its newest
            period = key(backup)
            if period not in seen:
                seen.append(period)
                if len(seen) <= count:
                    keep.add(backup.path)
    return [b for b in daily if b.path not in keep]


def prune(database: Path, folder: Path) -> list[Path]:
    """Remove the daily backups the retention rule lets go; the files removed."""
    gone = to_remove(backups_of(database, folder))
    for backup in gone:
        for path in (backup.path, anchor_of(backup.path)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    return [b.path for b in gone]


def daily_backup(database: Path, folder: Path, now: dt.datetime | None = None) -> Path | None:
    """Take today's daily backup if it is due, then prune; the backup taken, or None."""
    now = now or dt.datetime.now()
    if not daily_due(database, folder, now.date()):
        return None
    taken = take_backup(database, folder, "daily", now)
    prune(database, folder)
    return taken


def stamped_version(backup: Path) -> str | None:
    """The schema version a backup file is stamped with (None: no stamp)."""
    try:
        with closing(_read_only(backup)) as conn:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return None if found is None else str(found[0])


def restore(
    backup: Path,
    database: Path,
    folder: Path,
    known: Iterable[str],
    *,
    other_database: bool = False,
) -> Path:
    """Make ``database`` the copy in ``backup``; the database as it was is first backed up
    (kind ``restore``), whose path is returned. Refused: a backup that fails its check, one
    stamped with a schema this application does not know (a newer one), and, unless
    ``other_database``, a copy of another database (its own id differs). Nothing may have
    the database open meanwhile (the window closed); :func:`after_restore` follows."""
    problem = verify_backup(backup)
    if problem is not None:
        raise BackupError(f"{backup} is not a sound backup: {problem}")
    version = stamped_version(backup)
    if version is None or version not in set(known):
        raise BackupError(
            f"{backup} holds schema {version or 'none'}, which this version of mmtracker does "
            "not know (a newer one?): update mmtracker, or choose another backup"
        )
    ours, theirs = _identity(database), _identity(backup)
    if not other_database and ours is not None and theirs is not None and ours != theirs:
        raise BackupError(
            f"{backup} is a copy of another database (id {theirs}), not of {database} (id "
            f"{ours}): choose a backup of this one, or give --other-database to replace it "
            "by that database all the same"
        )
    before = take_backup(database, folder, "restore") if database.is_file() else None
    with (
        closing(_read_only(backup)) as source,
        closing(sqlite3.connect(database)) as target,
    ):
        source.backup(target)
    os.chmod(database, FILE_MODE)
    return before or database


def _identity(path: Path) -> str | None:
    """The database's own random id (``database_id``), read-only; None when it has none."""
    if not path.is_file():
        return None
    try:
        with closing(_read_only(path)) as conn:
            found = conn.execute(
                "SELECT value FROM database_info WHERE key = ?", (DATABASE_ID,)
            ).fetchone()
    except sqlite3.Error:  # no such table: a database from before it
        return None
    return None if found is None else str(found[0])


def after_restore(
    engine: Engine, backup: Path, anchors: Path, actor: str, kept: Path | None
) -> Anchor | None:
    """Once ``engine``'s database is restored from ``backup``: this workstation's anchor
    becomes the backup's (the head it was taken at; none beside it: anchored anew from the
    chain's start), the restore is audited (who, from which file, where the database as it
    was is kept), and the anchor moved on to it. The anchor as it now stands; AnchorError
    when the restored audit does not chain onto the backup's anchor."""
    from mmtracker.storage.anchors import (
        anchor_now,
        anchor_path,
        database_id,
        read_anchor,
        write_anchor,
    )
    from mmtracker.storage.services import audit, audit_row, utc_now

    with engine.begin() as conn:
        identity = database_id(conn, create=True)
        assert identity is not None  # made above
        held = read_anchor(anchor_of(backup))
        if held is None:
            anchor_path(anchors, identity).unlink(missing_ok=True)
        else:
            write_anchor(anchors, identity, held)
        audit(
            conn,
            audit_row(
                patient_id=None,
                table="database_info",
                row_id=identity,
                action="restore",
                actor=actor,
                at=utc_now(),
                before=None,
                after={"from": str(backup), "kept": None if kept is None else str(kept)},
            ),
        )
    return anchor_now(engine, anchors)


def pg_dump_backup(url: str, folder: Path, now: dt.datetime | None = None) -> Path:
    """Back up a PostgreSQL database with ``pg_dump`` (custom format) into ``folder``."""
    program = shutil.which("pg_dump")
    if program is None:
        raise BackupError(
            "pg_dump is not installed: install the PostgreSQL client (postgresql-client) or "
            "back up on the server (docs/security.md)"
        )
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"postgresql-{stamp}.manual.dump"
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    os.close(descriptor)
    plain = re.sub(r"^postgresql\+\w+://", "postgresql://", url)
    with _keyring_pgpass(url) as environment:
        done = subprocess.run(
            [program, "--format=custom", f"--file={target}", f"--dbname={plain}"],
            capture_output=True,
            text=True,
            check=False,
            env=environment,
        )
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {done.stderr.strip()[:500]}")
    return target


@contextlib.contextmanager
def _keyring_pgpass(url: str) -> Iterator[dict[str, str]]:
    """pg_dump's environment: with the password the system keyring keeps for ``url``
    (mmtracker/storage/connection.py) in a passfile of its own, 0600 in a 0700 folder,
    removed afterwards; libpq reads no keyring. Without one, this process's environment
    (``~/.pgpass`` is then read as usual)."""
    from sqlalchemy.engine import make_url

    from mmtracker.storage.connection import keyring_password

    parsed = make_url(url)
    password = None if parsed.password is not None else keyring_password(parsed)
    if password is None:
        yield dict(os.environ)
        return
    with tempfile.TemporaryDirectory(prefix="mmtracker-pgpass-") as folder:
        passfile = Path(folder) / "pgpass"
        escaped = password.replace("\\", "\\\\").replace(":", "\\:")
        descriptor = os.open(passfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(f"*:*:*:*:{escaped}\n")
        yield {**os.environ, "PGPASSFILE": str(passfile)}
