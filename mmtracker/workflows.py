"""Open a database, fill the demo database: steps shared by the command line and the UI (no Qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mmtracker.config import SettingError, choose_database, paths, sqlite_url, url_shape_problem
from mmtracker.storage.sql import plain_sqlite_file

if TYPE_CHECKING:  # SQLAlchemy is imported where used: a direct read needs none of it
    from sqlalchemy import Engine

DEMO_PATIENTS = 200
DEMO_SEED = 1


def checked_database_url(flag: str | None, *, demo: bool = False, existing: bool = False) -> str:
    """The URL of the database to use (:func:`mmtracker.config.choose_database`), checked.

    Raises SettingError, naming where the URL came from, for a URL that is none, names
    another kind of database or a driver that is not installed, or an SQLite file in a
    folder that does not exist. With ``existing`` (a command that only reads), an
    SQLite file that does not exist is refused too, unless it is the per-user clinic or
    demo database, which is created on first use.
    """
    from mmtracker.storage.engine import sqlite_file, url_problem

    choice = choose_database(flag, demo=demo)
    plain = plain_sqlite_file(choice.url)  # known to be usable without asking SQLAlchemy
    problem = url_shape_problem(choice.url) or (None if plain else url_problem(choice.url))
    if problem:
        raise SettingError(f"{choice.origin}: {problem}")
    path = plain or sqlite_file(choice.url)
    if path is None or choice.default:
        return choice.url
    if not path.parent.is_dir():
        raise SettingError(f"{choice.origin}: no folder {path.parent} for the SQLite file {path}")
    if path.is_dir():
        raise SettingError(f"{choice.origin}: {path} is a folder, not an SQLite file")
    if existing and not path.exists():
        option = "" if choice.origin == "--database" else f" ({choice.origin})"
        raise SettingError(
            f"no database at {path}{option}; `mmtracker db upgrade --database "
            f"{sqlite_url(path.resolve())}` creates one"
        )
    return choice.url


def open_engine(url: str) -> Engine:
    """An engine on a ready database: SQLite is backed up and migrated, PostgreSQL checked;
    a file opened read-only (``mode=ro``) is only checked, since it cannot be migrated."""
    from mmtracker.storage.engine import StorageError, database_label, make_engine, read_only
    from mmtracker.storage.schema import open_database, schema_state

    engine = make_engine(url)
    if not read_only(engine):
        open_database(engine, paths().backups)
        _make_files_private(engine)
        from mmtracker.storage.anchors import keep_anchors

        keep_anchors(engine, paths().data)
        return engine
    state = schema_state(engine)
    if not state.up_to_date:
        raise StorageError(
            f"The database {database_label(engine)} has schema {state.current or 'nothing'}; "
            f"this version needs {state.head}, and a database opened read-only cannot be "
            "migrated. Run `mmtracker db upgrade` against it with write access first."
        )
    return engine


def _make_files_private(engine: Engine) -> None:
    """An SQLite file and its WAL readable by their owner only, made so when they were not
    (a database created before this version, or by another program)."""
    from mmtracker.config import make_private

    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return
    for suffix in ("", "-wal", "-shm"):
        make_private(Path(database + suffix))


def open_reading_engine(url: str) -> Engine:
    """An engine for a command that only reads: an SQLite file this account cannot write is
    opened read-only (:func:`mmtracker.storage.engine.reading_url`), any other database as
    :func:`open_engine` opens it."""
    from mmtracker.storage.engine import reading_url

    return open_engine(reading_url(url))


def patient_count(engine: Engine) -> int:
    """How many patients the database holds."""
    from sqlalchemy import func, select

    from mmtracker.storage.tables import PATIENT

    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(PATIENT)).scalar_one())


class NotEmptyError(ValueError):
    """The database holds patients: demo patients go into an empty database only."""


def fill_demo(
    engine: Engine,
    patients: int,
    seed: int,
    as_of: dt.date,
    actor: str,
    progress: Callable[[int], None] | None = None,
) -> list[int]:
    """Write a generated demo population into an empty database and mark it a demo database.

    The mark is written first: should the writing of the patients fail, the
    database still says that it is no clinic's (it errs toward "DEMO").
    """
    from mmtracker.demo import generate_records
    from mmtracker.storage.bulk import write_records
    from mmtracker.storage.marks import mark_demo

    held = patient_count(engine)
    if held:
        raise NotEmptyError(
            f"the database already holds {held} patients; demo data goes into an empty database only"
        )
    mark_demo(engine, f"{patients} demo patients, seed {seed}, as of {as_of.isoformat()}", actor)
    records = generate_records(patients, seed, as_of)
    return write_records(engine, records, actor, today=as_of, action="demo", progress=progress)


def open_demo_engine(url: str, actor: str, today: dt.date) -> Engine:
    """The demo database, created with a demo population on first use."""
    engine = open_engine(url)
    if patient_count(engine) == 0:
        fill_demo(engine, DEMO_PATIENTS, DEMO_SEED, today, actor)
    return engine


def record_text(engine: Engine, patient_id: int, actor: str) -> str:
    """The patient's record file (JSON, docs/record-format.md), its export by ``actor``
    audited (mmtracker/storage/views.py): the command line's ``export-record`` and the
    window's export alike."""
    import json

    from mmtracker.record import record_document
    from mmtracker.storage.loaders import load_record_rows
    from mmtracker.storage.views import record_access

    rows = load_record_rows(engine, [patient_id])[patient_id]
    text = json.dumps(record_document(rows), indent=2, ensure_ascii=False) + "\n"
    record_access(engine, patient_id, actor, "export")
    return text
