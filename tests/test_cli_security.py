"""Files only their owner reads, backups from the command line, and the audit's check
(issue 13): with the usual umask 022, the data folder is 0700 and the database, its WAL, a
backup, an export and a PDF are 0600; an export replaces a link rather than writing
through it; ``db backup`` and ``db restore`` round trip; ``audit verify`` names a row
edited by hand."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from mmtracker.cli import main
from mmtracker.config import paths

AS_OF = dt.date(2026, 1, 15)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def demo_url(tmp_path: Path, umask_022: None) -> str:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite'}"
    assert main(["--database", url, "demo", "--patients", "3", "--as-of", AS_OF.isoformat()]) == 0
    return url


def mrn(url: str) -> str:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return str(conn.execute("SELECT mrn FROM patient ORDER BY id").fetchone()[0])


def test_every_file_made_is_its_owners_only(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "clinic.sqlite"
    assert mode(paths().data) == 0o700
    assert mode(database) == 0o600
    assert all(mode(p) == 0o600 for p in tmp_path.glob("clinic.sqlite-*"))  # WAL, shared memory

    assert main(["--database", demo_url, "db", "backup"]) == 0
    [backup] = paths().backups.glob("clinic-*.manual.sqlite")
    assert mode(backup) == 0o600
    assert mode(paths().backups) == 0o700

    exported = tmp_path / "record.json"
    args = ["--database", demo_url, "export-record", "--mrn", mrn(demo_url), "--out"]
    assert main([*args, str(exported)]) == 0
    assert mode(exported) == 0o600

    pdf = tmp_path / "summary.pdf"
    pdf_args = ["--database", demo_url, "export-pdf", "--mrn", mrn(demo_url), "--as-of"]
    assert main([*pdf_args, AS_OF.isoformat(), "--out", str(pdf)]) == 0
    assert mode(pdf) == 0o600
    assert [p.name for p in paths().data.glob("audit-anchor-*.json")]
    assert all(mode(p) == 0o600 for p in paths().data.glob("audit-anchor-*.json"))
    assert os.umask(0o022) == 0o022  # the test's own umask given back
    capsys.readouterr()


def test_an_existing_database_readable_by_others_is_made_private(
    demo_url: str, tmp_path: Path
) -> None:
    database = tmp_path / "clinic.sqlite"
    database.chmod(0o644)
    assert main(["--database", demo_url, "worklist", "--as-of", AS_OF.isoformat()]) == 0
    assert mode(database) == 0o600


def test_an_export_replaces_a_link_instead_of_writing_through_it(
    demo_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "someone-elses-file"
    target.write_text("theirs", encoding="utf-8")
    link = tmp_path / "record.json"
    link.symlink_to(target)
    args = ["--database", demo_url, "export-record", "--mrn", mrn(demo_url), "--out", str(link)]
    assert main(args) == 0
    assert target.read_text(encoding="utf-8") == "theirs"
    assert not link.is_symlink()
    assert link.read_text(encoding="utf-8").startswith("{")


def test_backup_and_restore_from_the_command_line(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "elsewhere"
    assert main(["--database", demo_url, "db", "backup", "--to", str(folder)]) == 0
    [backup] = folder.glob("clinic-*.manual.sqlite")
    assert capsys.readouterr().out == f"backup written to {backup}\n"
    database = tmp_path / "clinic.sqlite"
    with sqlite3.connect(database) as conn:
        conn.execute("DELETE FROM weight")  # damage done by hand

    assert main(["--database", demo_url, "db", "restore", str(backup)]) == 0

    out = capsys.readouterr().out
    assert f"{database} restored from {backup}" in out
    with sqlite3.connect(database) as conn, sqlite3.connect(backup) as kept:
        query = "SELECT count(*) FROM weight"
        assert conn.execute(query).fetchone() == kept.execute(query).fetchone() != (0,)
    [before] = paths().backups.glob("clinic-*.restore.sqlite")
    with sqlite3.connect(before) as conn:
        assert conn.execute("SELECT count(*) FROM weight").fetchone() == (0,)
    assert main(["--database", demo_url, "db", "check"]) == 0


def test_restore_refuses_what_is_no_backup(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", demo_url, "db", "restore", str(tmp_path / "none.sqlite")]) == 2
    not_a_backup = tmp_path / "text.sqlite"
    not_a_backup.write_text("hello", encoding="utf-8")
    assert main(["--database", demo_url, "db", "restore", str(not_a_backup)]) == 1
    err = capsys.readouterr().err
    assert "error: no backup file" in err
    assert "is not a sound backup" in err


def test_audit_verify_names_the_first_row_edited_by_hand(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", demo_url, "audit", "verify"]) == 0
    assert "audit chain: 4 rows intact, against the anchor in" in capsys.readouterr().out
    with sqlite3.connect(tmp_path / "clinic.sqlite") as conn:
        conn.execute("UPDATE audit SET actor = 'dr.chief' WHERE id = 2")

    assert main(["--database", demo_url, "audit", "verify"]) == 1
    assert main(["--database", demo_url, "db", "check"]) == 1
    out = capsys.readouterr().out
    assert "FAIL audit chain: audit row 2: its hash does not follow from the row before it" in out
