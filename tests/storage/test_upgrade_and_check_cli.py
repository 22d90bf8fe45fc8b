"""``mmtracker db upgrade`` backs up only when it migrates; ``db check`` names a demo database.

Both run on SQLite and PostgreSQL: what the schema state is, whether a backup can be
made and how the demo mark is read depend on the backend.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import Engine

from mmtracker import workflows
from mmtracker.cli import main
from mmtracker.config import paths
from mmtracker.storage import schema
from mmtracker.storage.engine import is_sqlite, make_engine
from mmtracker.storage.marks import mark_demo

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def one_step_behind(engine: Engine) -> str:
    """Undo the newest migration: the database then has one pending. Returns the revision."""
    schema.downgrade(engine, "-1")
    current = schema.current_revision(engine)
    assert current is not None
    assert current != schema.head_revision()
    return current


def backups() -> list[Path]:
    folder = paths().backups
    return sorted(folder.iterdir()) if folder.exists() else []


def test_upgrade_at_head_says_nothing_to_do_and_writes_no_backup(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "db", "upgrade", "--database", url_of(engine))
    assert (code, err) == (0, "")
    assert out == f"schema at {schema.head_revision()}, nothing to do\n"
    assert backups() == []


def test_upgrade_with_a_pending_migration_backs_up_an_sqlite_file_first(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    behind = one_step_behind(engine)
    code, out, err = run(capsys, "db", "upgrade", "--database", url_of(engine))
    assert (code, err) == (0, "")
    head = schema.head_revision()
    assert out.splitlines()[-1] == f"schema upgraded from {behind} to {head}"
    assert schema.current_revision(engine) == head
    if not is_sqlite(engine):  # PostgreSQL is IT's to back up
        assert backups() == []
        assert "backup" not in out
        return
    (copy,) = backups()
    assert out.splitlines()[0] == f"backup written to {copy}"
    database = Path(str(engine.url.database))
    # Named after the database file, as packaging/README.md says.
    assert re.fullmatch(
        rf"{re.escape(database.stem)}-\d{{8}}-\d{{6}}-\d{{6}}\.backup\.sqlite", copy.name
    )
    notes = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    assert (
        "named\n  after the database file: `<name>-YYYYMMDD-HHMMSS-ffffff.backup.sqlite`" in notes
    )
    copy_engine = make_engine(f"sqlite:///{copy}")
    assert schema.current_revision(copy_engine) == behind  # taken before the migration
    copy_engine.dispose()


def test_check_says_whether_the_database_is_a_demo_database(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "db", "check", "--database", url_of(engine))
    assert code == 0, out
    assert "demo database: no" in out.splitlines()
    mark_demo(engine, "3 demo patients, seed 1, as of 2026-05-01", "nurse@ward-3")
    code, out, _ = run(capsys, "db", "check", "--database", url_of(engine))
    assert code == 0, out
    assert "demo database: yes (3 demo patients, seed 1, as of 2026-05-01)" in out.splitlines()


def test_a_database_that_exists_is_accepted_by_the_reading_commands(engine: Engine) -> None:
    url = url_of(engine)
    assert workflows.checked_database_url(url, existing=True) == url


def test_a_missing_sqlite_file_is_refused_and_not_created(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reading command on an SQLite file that is not there; PostgreSQL's empty database
    exists, and `db check` says that its schema is not current."""
    code, out, err = run(capsys, "db", "check", "--database", database_url)
    if database_url.startswith("sqlite"):
        path = Path(database_url.removeprefix("sqlite:///"))
        assert (code, out) == (2, "")
        assert err == (
            f"error: no database at {path}; `mmtracker db upgrade --database "
            f"sqlite:///{path}` creates one\n"
        )
        assert not path.exists()
        return
    assert code == 1
    assert "mmtracker db upgrade" in out
