"""Backups of the SQLite database (issue 13): a backup taken while another process writes
restores to a database that passes ``db check`` and holds every entry committed before the
backup began; each is verified and readable by its owner only; retention keeps the newest of
the last 7 days, 4 weeks and 12 months; a restore keeps the database it replaces and refuses
a backup of a newer schema."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from mmtracker.storage.backups import (
    Backup,
    BackupError,
    anchor_of,
    backups_of,
    daily_backup,
    restore,
    take_backup,
    to_remove,
    verify_backup,
)
from mmtracker.storage.check import check_database
from mmtracker.storage.engine import make_engine
from mmtracker.storage.schema import head_revision, upgrade
from mmtracker.storage.services import create_patient

ACTOR = "nurse@ward"

WRITER = """
import sys
from mmtracker.storage.engine import make_engine
from mmtracker.storage.services import add_entry
engine = make_engine(sys.argv[1])
day = 0
while True:
    day += 1
    change = add_entry(engine, int(sys.argv[2]), "weights",
                       {"date": f"2024-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}",
                        "weight_kg": 60.0 + day % 30}, "writer")
    print(change.row_id, flush=True)
"""


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    create_patient(
        engine, {"mrn": "B-1", "name": "Bea", "sex": "F", "date_of_birth": "1950-01-02"}, ACTOR
    )
    engine.dispose()
    return path


def weight_ids(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM weight")}


def test_a_backup_taken_while_another_process_writes_restores_whole(
    database: Path, tmp_path: Path
) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, f"sqlite:///{database}", "1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    try:
        committed = [writer.stdout.readline().strip() for _ in range(20)]
        backup = take_backup(database, tmp_path / "backups", "manual")
        more = [writer.stdout.readline().strip() for _ in range(5)]  # it wrote on meanwhile
    finally:
        writer.kill()
        writer.wait()
    assert all(more)
    restored = tmp_path / "restored.sqlite"
    restore(backup, restored, tmp_path / "backups", [head_revision()])

    assert set(committed) <= weight_ids(restored)
    engine = make_engine(f"sqlite:///{restored}")
    try:
        report = check_database(engine)
    finally:
        engine.dispose()
    assert report.ok, report.lines


def test_a_backup_is_verified_and_readable_by_its_owner_only(
    database: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    old = os.umask(0o022)
    try:
        backup = take_backup(database, folder, "manual")
    finally:
        os.umask(old)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert verify_backup(backup) is None
    anchor = json.loads(anchor_of(backup).read_text(encoding="utf-8"))
    assert stat.S_IMODE(anchor_of(backup).stat().st_mode) == 0o600
    with sqlite3.connect(database) as conn:
        last_id, chain = conn.execute("SELECT id, chain FROM audit ORDER BY id DESC").fetchone()
    assert (anchor["last_id"], anchor["chain"], anchor["broken"]) == (last_id, chain, None)
    assert [b.path for b in backups_of(database, folder)] == [backup]
    assert not list(folder.glob(".*"))  # no partial file left


def test_a_damaged_backup_fails_its_check(database: Path, tmp_path: Path) -> None:
    backup = take_backup(database, tmp_path / "backups", "manual")
    size = backup.stat().st_size
    with backup.open("r+b") as raw:  # every page but the first overwritten
        raw.seek(4096)
        raw.write(b"\xa5" * (size - 4096))
    assert verify_backup(backup) is not None
    with pytest.raises(BackupError, match="is not a sound backup"):
        restore(backup, database, tmp_path / "backups", [head_revision()])


def test_rows_differing_from_the_source_fail_the_check(database: Path, tmp_path: Path) -> None:
    backup = take_backup(database, tmp_path / "backups", "manual")
    assert verify_backup(backup, {"patient": 1, "audit": 1}) is not None
    assert "rows differ from the database's in" in (verify_backup(backup, {"patient": 2}) or "")


def test_a_restore_backs_up_the_database_it_replaces(database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    backup = take_backup(database, folder, "manual")
    engine = make_engine(f"sqlite:///{database}")
    create_patient(
        engine, {"mrn": "B-2", "name": "Cai", "sex": "M", "date_of_birth": "1951-01-02"}, ACTOR
    )
    engine.dispose()

    before = restore(backup, database, folder, [head_revision()])

    assert before.name.endswith(".restore.sqlite")
    with sqlite3.connect(database) as conn:
        assert [r[0] for r in conn.execute("SELECT mrn FROM patient")] == ["B-1"]
    with sqlite3.connect(before) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT mrn FROM patient")) == ["B-1", "B-2"]
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_a_backup_of_a_newer_schema_is_refused(database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    backup = take_backup(database, folder, "manual")
    with sqlite3.connect(backup) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_newer'")
    with pytest.raises(BackupError, match="holds schema 9999_newer"):
        restore(backup, database, folder, [head_revision()])
    assert [b.kind for b in backups_of(database, folder)] == ["manual"]  # nothing done


def test_the_daily_backup_is_taken_once_a_day(database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    morning = dt.datetime(2026, 12, 3, 8, 0)
    assert daily_backup(database, folder, morning) is not None
    assert daily_backup(database, folder, morning.replace(hour=14)) is None
    assert daily_backup(database, folder, morning + dt.timedelta(days=1)) is not None
    assert [b.kind for b in backups_of(database, folder)] == ["daily", "daily"]


def test_retention_keeps_the_newest_of_7_days_4_weeks_and_12_months(tmp_path: Path) -> None:
    """A daily backup every day for 400 days up to Thursday 2026-12-03; expected by hand."""
    last = dt.date(2026, 12, 3)
    daily = [
        Backup(
            tmp_path / f"d{n}",
            dt.datetime.combine(last - dt.timedelta(days=n), dt.time(8)),
            "daily",
        )
        for n in range(400)
    ]
    manual = Backup(tmp_path / "m", dt.datetime(2025, 1, 1, 9), "manual")
    removed = {b.taken.date() for b in to_remove([*daily, manual])}
    kept = {b.taken.date() for b in daily} - removed
    days = {dt.date(2026, 11, 27) + dt.timedelta(days=n) for n in range(7)}
    weeks = {dt.date(2026, 11, 22), dt.date(2026, 11, 15)}  # Sundays; this week's is in days
    months = {
        dt.date(2026, 10, 31), dt.date(2026, 9, 30), dt.date(2026, 8, 31), dt.date(2026, 7, 31),
        dt.date(2026, 6, 30), dt.date(2026, 5, 31), dt.date(2026, 4, 30), dt.date(2026, 3, 31),
        dt.date(2026, 2, 28), dt.date(2026, 1, 31),
    }  # fmt: skip  # December's and November's are in days
    assert kept == days | weeks | months
    assert len(kept) == 19
    assert manual.taken.date() not in removed  # only daily backups are let go


def test_the_backup_keeps_working_while_the_window_holds_a_connection(
    database: Path, tmp_path: Path
) -> None:
    """A reader holding the file open (the window) does not stop a backup."""
    engine: Engine = make_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM patient")).scalar()
            started = time.perf_counter()
            backup = take_backup(database, tmp_path / "backups", "manual")
            assert time.perf_counter() - started < 30
    finally:
        engine.dispose()
    assert verify_backup(backup) is None


def test_a_database_whose_name_holds_uri_characters_is_backed_up_and_restored(
    tmp_path: Path,
) -> None:
    """SQLite reads a read-only file by URI: ``?``, ``#`` and ``%`` in a name are escaped."""
    plain = tmp_path / "clinic.sqlite"
    engine = make_engine(f"sqlite:///{plain}")
    upgrade(engine)
    engine.dispose()
    odd = plain.rename(tmp_path / "clinic #1 100%?.sqlite")
    backup = take_backup(odd, tmp_path / "backups", "manual")
    assert verify_backup(backup) is None
    assert anchor_of(backup).exists()
    restore(backup, odd, tmp_path / "backups", [head_revision()])
