"""Migrations: apply, report, and refuse a database newer than this application."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import sys
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mmtracker.storage.engine import StorageError, is_sqlite

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS = Path(__file__).parent / "migrations"

# The lines of a migration file naming its revision and the one it follows.
_REVISION_LINE = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]\s*$", re.MULTILINE)
_PARENT_LINE = re.compile(r"^down_revision\s*=\s*(?:None|['\"]([^'\"]+)['\"])\s*$", re.MULTILINE)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest schema revision this application knows (read without Alembic when it can be)."""
    scanned = scanned_head()
    if scanned is not None:
        return scanned
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is stamped with, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def scanned_head() -> str | None:
    """The head revision read from the migration files' own lines, without Alembic.

    None whenever the files do not make one plain chain (a merge, a branch, a
    file spelled otherwise): the caller then asks Alembic.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION_LINE.findall(source)
        parent = _PARENT_LINE.findall(source)
        if len(revision) != 1 or len(parent) != 1:
            return None
        revisions.add(revision[0])
        if parent[0]:
            parents.add(parent[0])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stamped_at_head(engine: Engine) -> str | None:
    """The head revision when the database is stamped with exactly it, else None.

    One query on the version table, so that opening an up-to-date database does
    not load Alembic; anything else (empty, behind, newer, several stamps) is
    left to :func:`schema_state`'s full check.
    """
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    head = scanned_head()
    if head is None:
        return None
    try:
        with engine.connect() as conn:
            stamps = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:  # no version table yet
        return None
    return head if [tuple(row) for row in stamps] == [(head,)] else None


@dataclass(frozen=True, slots=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def known_revisions() -> frozenset[str]:
    """Every schema revision this application knows."""
    from alembic.script import ScriptDirectory

    return frozenset(
        rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()
    )


def schema_state(engine: Engine) -> SchemaState:
    """Where the database stands; refuses a revision this application does not know."""
    at_head = _stamped_at_head(engine)
    if at_head is not None:
        return SchemaState(at_head, at_head)

    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise StorageError(
            f"The database schema ({current}) is newer than this version of mmtracker knows. "
            "Update mmtracker before opening this database."
        )
    return SchemaState(current, head_revision())


def migration_engine(engine: Engine) -> Engine:
    """An engine on ``engine``'s SQLite file for migrating it, and for nothing else.

    Python's ``sqlite3`` commits every DDL statement as it runs: a migration killed
    between its first ``CREATE TABLE`` and its version stamp would leave the file between
    two schemas. Here the driver's own transaction handling is off and SQLAlchemy's
    ``begin`` emits ``BEGIN`` (the workaround SQLAlchemy documents for pysqlite), so each
    migration is all or nothing. Foreign keys are off on this connection (a ``PRAGMA`` set
    before any transaction: inside one it does nothing), so that a table rebuilt by a
    migration does not cascade away its children; the migration checks them before its
    commit instead. Only the migration uses it: engine-wide, ``BEGIN`` before every read
    made concurrent writers fail with "database is locked".
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    from mmtracker.storage.engine import SQLITE_BUSY_TIMEOUT_MS

    migrating = create_engine(
        engine.url,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        poolclass=NullPool,
    )

    @event.listens_for(migrating, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # no transaction the driver opens itself
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.close()

    @event.listens_for(migrating, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the writer's lock from the start

    return migrating


def upgrade(engine: Engine) -> SchemaState:
    """Apply every pending migration: on SQLite each in a transaction of its own
    (:func:`migration_engine`), on PostgreSQL all of them in one."""
    state = schema_state(engine)
    if state.up_to_date:
        return state
    _migrate(engine, "upgrade", "head")
    return schema_state(engine)


def downgrade(engine: Engine, revision: str) -> SchemaState:
    """Take the schema back to ``revision`` (tests and support only), as :func:`upgrade`
    does: step by step on SQLite, a rebuilt table keeping its children."""
    _migrate(engine, "downgrade", revision)
    return schema_state(engine)


def _migrate(engine: Engine, direction: str, revision: str) -> None:
    from alembic import command

    cfg = _config()
    run = command.upgrade if direction == "upgrade" else command.downgrade
    if is_sqlite(engine):
        migrating = migration_engine(engine)
        try:
            with migrating.connect() as conn:
                cfg.attributes["connection"] = conn
                run(cfg, revision)
        finally:
            migrating.dispose()
    else:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            run(cfg, revision)


def backup_sqlite(engine: Engine, folder: Path) -> Path | None:
    """Copy an SQLite file with the backup API before migrating; None if there is nothing to copy."""
    path = engine.url.database
    if not is_sqlite(engine) or not path or path == ":memory:" or not Path(path).exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{Path(path).stem}-{stamp}.backup.sqlite"
    _copy_sqlite(Path(path), target)
    return target


@dataclass(frozen=True, slots=True)
class Migrated:
    """What migrating a database did: where it stands, its backup, a repair it needed."""

    state: SchemaState
    backup: Path | None = None
    repaired: str | None = None
    """How a database left between two schema versions was repaired (None: it was not)."""


def migrate(engine: Engine, backup_folder: Path) -> Migrated:
    """Back up an SQLite file that holds a schema, then apply the pending migrations.

    A file an interrupted migration of an older mmtracker left between two versions (its
    stamp old, some of the next version's tables there: "table … already exists") is
    repaired (:func:`repair_between_versions`).
    """
    from sqlalchemy.exc import OperationalError

    state = schema_state(engine)
    if state.up_to_date:
        return Migrated(state)
    backup = backup_sqlite(engine, backup_folder) if state.current is not None else None
    try:
        return Migrated(upgrade(engine), backup)
    except OperationalError as exc:
        if state.current is None or not is_sqlite(engine) or not _between_versions(exc):
            raise
    repaired = repair_between_versions(engine, state.current, backup_folder, backup)
    return Migrated(schema_state(engine), backup, repaired)


def _between_versions(exc: Exception) -> bool:
    """Whether a migration failed on what the same migration had already done."""
    text = str(exc).lower()
    return "already exists" in text or "duplicate column name" in text


def repair_between_versions(
    engine: Engine, revision: str, backup_folder: Path, taken_now: Path | None
) -> str:
    """Repair an SQLite file left between ``revision`` and the next; say how.

    From the first backup of the file at ``revision`` that migrates cleanly (the one taken
    before the interrupted migration; those taken at later starts copy the broken state
    and fail), migrated and copied back; else, when the file holds no patients, it is made
    anew. Otherwise nothing is changed and :class:`StorageError` names the backup folder.
    """
    path = Path(str(engine.url.database))
    candidates = sorted(
        (
            backup
            for backup in backup_folder.glob(f"{path.stem}-*.backup.sqlite")
            if backup != taken_now and _stamped(backup) == revision
        ),
        key=lambda backup: backup.stat().st_mtime_ns,
    )
    for backup in candidates:
        if _restore_migrated(backup, path, engine):
            return (
                f"The database {path} had been left between schema {revision} and the next "
                f"by an interrupted migration. It was restored from {backup}, the backup "
                "taken before that migration, and migrated again."
            )
    patients = _patients(path)
    if patients == 0:
        engine.dispose()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        upgrade(engine)
        return (
            f"The database {path} had been left between schema {revision} and the next by "
            "an interrupted migration; it held no patients and was made anew."
        )
    raise StorageError(
        f"The database {path} was left between schema {revision} and the next by an "
        f"interrupted migration, and no backup of it taken before that migration can be "
        f"used. It holds {patients} patients: nothing was changed. The backups are in "
        f"{backup_folder}; ask whoever looks after the clinic's data to restore the latest "
        "good one."
    )


def _stamped(path: Path) -> str | None:
    """The revision an SQLite file is stamped with (None: none, or no readable file)."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def _patients(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM patient").fetchone()[0])


def _restore_migrated(backup: Path, path: Path, engine: Engine) -> bool:
    """Migrate a copy of ``backup``; if it migrates cleanly, copy it over ``path``."""
    from sqlalchemy.exc import SQLAlchemyError

    from mmtracker.storage.engine import make_engine

    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / "trial.sqlite"
        _copy_sqlite(backup, trial)
        trial_engine = make_engine(f"sqlite:///{trial}")
        try:
            upgrade(trial_engine)
        except (SQLAlchemyError, RuntimeError):
            return False
        finally:
            trial_engine.dispose()
        engine.dispose()
        _copy_sqlite(trial, path)
    return True


def _copy_sqlite(source: Path, target: Path) -> None:
    """Copy an SQLite database page by page (its WAL included) with the backup API."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def open_database(engine: Engine, backup_folder: Path) -> SchemaState:
    """Make a database ready to use at start-up.

    SQLite is copied and migrated automatically (:func:`migrate`); PostgreSQL is never
    migrated here: the user is told to run ``mmtracker db upgrade``.
    """
    state = schema_state(engine)
    if state.up_to_date:
        return state
    if not is_sqlite(engine):
        raise StorageError(
            f"The database schema is at {state.current or 'nothing'}; this version needs "
            f"{state.head}. Run `mmtracker db upgrade` against this database first."
        )
    migrated = migrate(engine, backup_folder)
    if migrated.repaired is not None:
        sys.stderr.write(f"mmtracker: {migrated.repaired}\n")
    return migrated.state
