"""Migrations: apply, report, and refuse a database newer than this application."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from mmtracker.storage.engine import StorageError, is_sqlite

MIGRATIONS = Path(__file__).parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest schema revision this application knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is stamped with, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@dataclass(frozen=True, slots=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def schema_state(engine: Engine) -> SchemaState:
    """Where the database stands; refuses a revision this application does not know."""
    current = current_revision(engine)
    known = {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}
    if current is not None and current not in known:
        raise StorageError(
            f"The database schema ({current}) is newer than this version of mmtracker knows. "
            "Update mmtracker before opening this database."
        )
    return SchemaState(current, head_revision())


def upgrade(engine: Engine) -> SchemaState:
    """Apply every pending migration, each in its own transaction."""
    state = schema_state(engine)
    if state.up_to_date:
        return state
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return schema_state(engine)


def backup_sqlite(engine: Engine, folder: Path) -> Path | None:
    """Copy an SQLite file with the backup API before migrating; None if there is nothing to copy."""
    path = engine.url.database
    if not is_sqlite(engine) or not path or path == ":memory:" or not Path(path).exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{Path(path).stem}-{stamp}.backup.sqlite"
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def open_database(engine: Engine, backup_folder: Path) -> SchemaState:
    """Make a database ready to use at start-up.

    SQLite is copied and migrated automatically; PostgreSQL is never migrated
    here: the user is told to run ``mmtracker db upgrade``.
    """
    state = schema_state(engine)
    if state.up_to_date:
        return state
    if not is_sqlite(engine):
        raise StorageError(
            f"The database schema is at {state.current or 'nothing'}; this version needs "
            f"{state.head}. Run `mmtracker db upgrade` against this database first."
        )
    if state.current is not None:
        backup_sqlite(engine, backup_folder)
    return upgrade(engine)
