"""Migrations: exactly the models' schema, refusal of newer databases, backups, `db` commands."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import textwrap
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlmodel import SQLModel

from mmtracker.cli import main
from mmtracker.storage import schema
from mmtracker.storage.engine import StorageError, is_sqlite, make_engine
from mmtracker.storage.loaders import load_history
from mmtracker.storage.models import metadata
from mmtracker.storage.schema import (
    backup_sqlite,
    downgrade,
    open_database,
    schema_state,
    upgrade,
)
from mmtracker.storage.services import add_entry, create_patient

FUTURE = "9999_from_a_newer_mmtracker"
PROBE_TABLE = "probe_of_a_later_migration"
MIGRATIONS = schema.MIGRATIONS  # the application's own folder, before any test patches it


def known_head() -> str:
    """The newest revision in the migrations folder, read by Alembic itself."""
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def alembic_config(conn: Any) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def schema_diff(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, SQLModel.metadata))


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def stamp(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


def fill(engine: Engine) -> int:
    pid = create_patient(
        engine,
        {"mrn": "M-1", "name": "Backup Test", "sex": "M", "date_of_birth": "1948-07-01"},
        "nurse@ward",
    ).patient_id
    add_entry(engine, pid, "phase_changes", {"date": "2022-01-05", "phase": "NDMM"}, "nurse@ward")
    add_entry(engine, pid, "weights", {"date": "2022-01-05", "weight_kg": 81.5}, "nurse@ward")
    return pid


def all_rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table in the database, the version table included."""
    with engine.connect() as conn:
        return {
            name: sorted(tuple(r) for r in conn.execute(text(f'SELECT * FROM "{name}"')))
            for name in sorted(inspect(conn).get_table_names())
        }


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


# --- the schema -------------------------------------------------------------------------


def test_upgrade_of_an_empty_database_gives_exactly_the_models_schema(engine: Engine) -> None:
    assert schema_diff(engine) == []
    assert schema_state(engine).current == known_head()
    assert set(metadata().tables) <= table_names(engine)


def test_the_quick_version_check_reads_the_same_head_as_alembic(later_head: str) -> None:
    """Opening a database at the head skips Alembic: the head it compares with is read from
    the migration files themselves, the application's own and a later version's alike."""
    assert schema.scanned_head() == later_head
    (schema.MIGRATIONS / "versions" / "9000_probe.py").unlink()
    assert schema.scanned_head() == known_head()


def test_the_comparison_would_see_a_missing_column(engine: Engine) -> None:
    """The schema test above can fail: a dropped column is reported."""
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE visit DROP COLUMN pain"))
    diff = schema_diff(engine)
    assert any(op[0] == "add_column" and op[3].name == "pain" for op in diff)


def test_downgrade_to_base_and_back(engine: Engine) -> None:
    downgrade(engine, "base")
    assert table_names(engine) - {"alembic_version"} == set()
    assert schema_state(engine).current is None
    state = upgrade(engine)
    assert state.up_to_date
    assert schema_diff(engine) == []


def test_upgrade_twice_changes_nothing(engine: Engine) -> None:
    fill(engine)
    before = all_rows(engine)
    assert upgrade(engine).current == known_head()
    assert all_rows(engine) == before


# --- a database newer than the application --------------------------------------------------


def test_database_stamped_newer_is_refused(
    engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(engine)
    stamp(engine, FUTURE)
    before = all_rows(engine)
    for attempt in (
        lambda: schema_state(engine),
        lambda: open_database(engine, tmp_path / "backups"),
        lambda: upgrade(engine),
    ):
        with pytest.raises(StorageError, match="newer") as caught:
            attempt()
        assert FUTURE in str(caught.value)
    assert not (tmp_path / "backups").exists()

    url = engine.url.render_as_string(hide_password=False)
    code, out, err = run(capsys, "db", "upgrade", "--database", url)
    assert code == 1
    assert "newer" in err
    code, out, err = run(capsys, "db", "check", "--database", url)
    assert code == 1
    assert "newer" in out
    assert all_rows(engine) == before


# --- databases behind the application --------------------------------------------------------


@pytest.fixture
def later_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The application as a later version: the real migrations plus one more revision."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = known_head()
    (folder / "versions" / "9000_probe.py").write_text(
        textwrap.dedent(
            f'''\
            """a later migration (test only)"""
            import sqlalchemy as sa
            from alembic import op

            revision = "9000"
            down_revision = "{head}"
            branch_labels = None
            depends_on = None


            def upgrade() -> None:
                op.create_table("{PROBE_TABLE}", sa.Column("id", sa.Integer(), primary_key=True))


            def downgrade() -> None:
                op.drop_table("{PROBE_TABLE}")
            '''
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(schema, "MIGRATIONS", folder)
    return "9000"


def test_open_database_behind_the_application(
    engine: Engine, later_head: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite: copied first, then migrated. PostgreSQL: refused, `mmtracker db upgrade` named."""
    fill(engine)
    before = all_rows(engine)
    backups = tmp_path / "backups"
    state = schema_state(engine)
    assert (state.current, state.head, state.up_to_date) == (known_head(), later_head, False)

    if is_sqlite(engine):
        state = open_database(engine, backups)
        assert state.current == later_head
        assert PROBE_TABLE in table_names(engine)
        (copy,) = backups.iterdir()
        backup_engine = make_engine(f"sqlite:///{copy}")
        try:
            assert all_rows(backup_engine) == before  # taken before the migration ran
        finally:
            backup_engine.dispose()
        return

    with pytest.raises(StorageError, match="mmtracker db upgrade") as caught:
        open_database(engine, backups)
    assert later_head in str(caught.value)
    assert all_rows(engine) == before
    assert not backups.exists()

    url = engine.url.render_as_string(hide_password=False)
    code, out, _ = run(capsys, "db", "upgrade", "--database", url)
    assert code == 0
    assert later_head in out
    assert schema_state(engine).current == later_head
    assert PROBE_TABLE in table_names(engine)


def test_open_database_on_an_empty_database(database_url: str, tmp_path: Path) -> None:
    engine = make_engine(database_url)
    backups = tmp_path / "backups"
    try:
        if is_sqlite(engine):
            state = open_database(engine, backups)
            assert state.current == known_head()
            assert schema_diff(engine) == []
            assert not backups.exists() or list(backups.iterdir()) == []
        else:
            with pytest.raises(StorageError, match="mmtracker db upgrade"):
                open_database(engine, backups)
            assert table_names(engine) - {"alembic_version"} == set()
    finally:
        engine.dispose()


# --- backups ----------------------------------------------------------------------------------


def test_backup_is_a_readable_copy_with_the_same_rows(engine: Engine, tmp_path: Path) -> None:
    if not is_sqlite(engine):
        assert backup_sqlite(engine, tmp_path / "backups") is None
        return
    fill(engine)
    copy = backup_sqlite(engine, tmp_path / "backups")
    assert copy is not None
    assert copy.parent == tmp_path / "backups"
    with sqlite3.connect(copy) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert raw.execute("SELECT mrn FROM patient").fetchall() == [("M-1",)]
    backup_engine = make_engine(f"sqlite:///{copy}")
    try:
        assert all_rows(backup_engine) == all_rows(engine)
        assert schema_state(backup_engine).current == known_head()
    finally:
        backup_engine.dispose()


def test_backup_of_a_missing_file_is_nothing(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'not-there.sqlite'}")
    assert backup_sqlite(engine, tmp_path / "backups") is None
    assert not (tmp_path / "not-there.sqlite").exists()


# --- `mmtracker db upgrade` and `mmtracker db check` ----------------------------------------


def test_db_upgrade_then_check(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "db", "check", "--database", database_url)
    if database_url.startswith("sqlite"):  # no file yet: refused, and none is made
        assert (code, out) == (2, "")
        assert "mmtracker db upgrade" in err
    else:  # an empty PostgreSQL database
        assert code == 1
        assert "mmtracker db upgrade" in out

    code, out, _ = run(capsys, "db", "upgrade", "--database", database_url)
    assert code == 0
    assert known_head() in out

    code, out, _ = run(capsys, "db", "check", "--database", database_url)
    assert code == 0, out
    assert f"schema: {known_head()}" in out
    assert "FAIL" not in out

    code, _, _ = run(capsys, "db", "upgrade", "--database", database_url)
    assert code == 0


def test_bad_command_line_is_exit_code_two(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["db", "downgrade"])
    assert caught.value.code == 2
    capsys.readouterr()


# --- 0003: the first clinical review ---------------------------------------------------------


def _columns(engine: Engine, table: str) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table)}


NEW_COLUMNS = {  # D33, D39, D40, D45
    "bone_therapy_event": {"resume_date"},
    "transplant": {"withdrawn_date"},
    "acknowledgement": {"finding_message_id", "finding_severity", "finding_cites", "finding_due"},
    "care_item_state": {"since"},
}


def _acknowledge(engine: Engine, pid: int, ack_id: str, item_id: str) -> None:
    """An acknowledgement row as schema 0002 held it (no finding columns)."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO acknowledgement (id, patient_id, item_id, acknowledged_on, until, "
                "reason, acknowledged_by, version, created_at, created_by, updated_at, "
                "updated_by) VALUES (:id, :pid, :item, :on, :until, 'creatinine booked', "
                "'nurse@ward', 1, :at, 'nurse@ward', :at, 'nurse@ward')"
            ),
            {
                "id": ack_id,
                "pid": pid,
                "item": item_id,
                "on": dt.date(2026, 11, 2),
                "until": dt.date(2026, 11, 20),
                "at": dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC),
            },
        )


def _items(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, item_id FROM acknowledgement")).all()
    return {row[0]: row[1] for row in rows}


def test_0003_adds_the_new_columns_and_renames_renal_before_za(engine: Engine) -> None:
    """§11 renal.before_bisphosphonate (was renal.before_za): stored acknowledgements carry
    over; acknowledgements made before D40 get an empty list of cited entries; downgrade
    reverses both, upgrade again restores them."""
    pid = fill(engine)
    downgrade(engine, "0002")
    for table, names in NEW_COLUMNS.items():
        assert not names & _columns(engine, table), table
    _acknowledge(engine, pid, "ack-za", "renal.before_za")
    _acknowledge(engine, pid, "ack-dental", "dental.periodic")

    upgrade(engine)
    for table, names in NEW_COLUMNS.items():
        assert names <= _columns(engine, table), table
    assert schema_diff(engine) == []
    assert _items(engine) == {
        "ack-za": "renal.before_bisphosphonate",
        "ack-dental": "dental.periodic",
    }
    history = load_history(engine, pid)
    by_id = {a.id: a for a in history.acknowledgements}
    assert by_id["ack-za"].item_id == "renal.before_bisphosphonate"
    assert by_id["ack-za"].finding_message_id is None  # covers as before D40
    assert by_id["ack-za"].finding_cites == ()

    downgrade(engine, "0002")
    assert _items(engine) == {"ack-za": "renal.before_za", "ack-dental": "dental.periodic"}
    for table, names in NEW_COLUMNS.items():
        assert not names & _columns(engine, table), table
    upgrade(engine)
    assert _items(engine)["ack-za"] == "renal.before_bisphosphonate"
    assert schema_diff(engine) == []


def test_0003_carries_stored_state_of_renal_before_za_over(engine: Engine) -> None:
    """The stored care-item state row of the old id takes the new id, its due date kept."""
    pid = fill(engine)
    downgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO care_item_state (patient_id, item_id, due, message_id, "
                "message_params, source) VALUES (:pid, 'renal.before_za', :due, "
                "'renal.before_za.due', '{}', '§5')"
            ),
            {"pid": pid, "due": dt.date(2026, 12, 1)},
        )
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT item_id, due, since FROM care_item_state")).all()
    assert [
        (r[0], r[1] if isinstance(r[1], dt.date) else dt.date.fromisoformat(r[1]), r[2])
        for r in rows
    ] == [("renal.before_bisphosphonate", dt.date(2026, 12, 1), None)]
