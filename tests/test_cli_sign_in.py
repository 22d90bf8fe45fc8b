"""Signing in on the command line (issue 13): a database with users needs ``--user`` and a
password (a file only its owner reads, or the terminal); the signed-in user, not the
environment's, is the actor; roles hold; a database without users makes its first
administrator and says it runs as the operating system's user; a demo needs no sign-in."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from mmtracker.cli import main
from mmtracker.storage import users

AS_OF = dt.date(2026, 1, 15)
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "password"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


@pytest.fixture
def staffed(tmp_path: Path, password_file: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A database with patients, an administrator and a nurse."""
    url = f"sqlite:///{tmp_path / 'clinic.sqlite'}"
    assert main(["--database", url, "demo", "--patients", "3", "--as-of", AS_OF.isoformat()]) == 0
    with sqlite3.connect(tmp_path / "clinic.sqlite") as conn:  # a clinic's, not a demo
        conn.execute("DELETE FROM database_info WHERE key = 'demo'")
    new = ["--new-password-file", str(password_file)]
    assert main(["--database", url, "user", "add", "ada", "--role", "administrator", *new]) == 0
    admin = ["--database", url, "--user", "ada", "--password-file", str(password_file)]
    assert main([*admin, "user", "add", "li.na", "--role", "nurse", *new]) == 0
    capsys.readouterr()
    return url


def signed(url: str, name: str, password_file: Path) -> list[str]:
    return ["--database", url, "--user", name, "--password-file", str(password_file)]


def test_a_database_with_users_is_not_read_without_signing_in(
    staffed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", staffed, "worklist", "--as-of", AS_OF.isoformat()]) == 2
    assert capsys.readouterr().err == "error: this database has users: sign in with --user NAME\n"


def test_the_right_password_from_a_private_file_signs_in(
    staffed: str, password_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*signed(staffed, "li.na", password_file), "worklist", "--as-of", AS_OF.isoformat()]
    assert main(args) == 0
    assert capsys.readouterr().out


def test_a_wrong_password_is_refused(
    staffed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_text("not it\n", encoding="utf-8")
    wrong.chmod(0o600)
    assert main([*signed(staffed, "li.na", wrong), "worklist"]) == 2
    assert capsys.readouterr().err == ("error: --user li.na: the name or the password is wrong\n")


def test_a_password_file_others_may_read_is_refused(
    staffed: str, password_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    password_file.chmod(0o640)
    assert main([*signed(staffed, "li.na", password_file), "worklist"]) == 2
    assert "must be yours and readable by you only (chmod 600" in capsys.readouterr().err


def test_the_password_file_may_come_from_the_environment(
    staffed: str,
    password_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("MMTRACKER_PASSWORD_FILE", str(password_file))
    args = ["--database", staffed, "--user", "li.na", "worklist", "--as-of", AS_OF.isoformat()]
    assert main(args) == 0


def test_the_signed_in_user_is_the_actor_whatever_the_environment_says(
    staffed: str,
    password_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """USER=dr.chief once wrote an audit row as dr.chief."""
    monkeypatch.setenv("USER", "dr.chief")
    monkeypatch.setenv("LOGNAME", "dr.chief")
    record = {
        "format_version": 3,
        "patient": {"mrn": "S-1", "name": "Su", "sex": "F", "date_of_birth": "1950-01-02"},
    }
    path = tmp_path / "s1.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    assert main([*signed(staffed, "li.na", password_file), "import-record", str(path)]) == 0
    with sqlite3.connect(tmp_path / "clinic.sqlite") as conn:
        actors = {row[0] for row in conn.execute("SELECT actor FROM audit")}
        created = conn.execute("SELECT created_by FROM patient WHERE mrn = 'S-1'").fetchone()
    assert created == ("li.na",)
    assert not any(actor.startswith("dr.chief") for actor in actors)


def test_a_nurse_makes_no_user_and_restores_nothing(
    staffed: str, password_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = ["--new-password-file", str(password_file)]
    nurse = signed(staffed, "li.na", password_file)
    assert main([*nurse, "user", "add", "x", "--role", "nurse", *new]) == 1
    assert main([*nurse, "user", "list"]) == 1
    assert main([*nurse, "db", "backup", "--to", str(tmp_path / "b")]) == 1
    assert not (tmp_path / "b").exists()
    admin = signed(staffed, "ada", password_file)
    assert main([*admin, "db", "backup", "--to", str(tmp_path / "b")]) == 0
    [backup] = (tmp_path / "b").glob("*.sqlite")
    assert main([*nurse, "db", "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "error: making a user needs the role administrator; li.na is a nurse" in err
    assert "error: listing the users needs the role administrator; li.na is a nurse" in err
    assert "error: backing up the database needs the role administrator; li.na is a nurse" in err
    assert "error: restoring a backup needs the role administrator; li.na is a nurse" in err


def test_a_database_without_users_says_who_writes_and_makes_its_first_administrator(
    tmp_path: Path, password_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    assert main(["--database", url, "db", "upgrade"]) == 0
    assert main(["--database", url, "user", "list"]) == 0
    listed = capsys.readouterr()
    assert listed.out.splitlines()[-1].startswith("this database has no users yet")
    assert "note:" not in listed.err  # a list writes nothing
    short = tmp_path / "short"
    short.write_text("abc\n", encoding="utf-8")
    short.chmod(0o600)
    bad = ["user", "add", "Bad Name", "--role", "administrator", "--new-password-file", str(short)]
    assert main(["--database", url, *bad]) == 2
    both = capsys.readouterr().err
    assert "name: 1–64 characters" in both  # every problem at once
    assert "password: at least 12 characters, not 3" in both
    new = ["--new-password-file", str(password_file)]
    assert main(["--database", url, "user", "add", "li.na", "--role", "nurse", *new]) == 2
    assert main(["--database", url, "user", "add", "ada", "--role", "administrator", *new]) == 0
    captured = capsys.readouterr()
    assert "note: this database has no users yet; writing as " in captured.err
    assert "the first user must be an administrator" in captured.err
    assert "user ada (administrator) made" in captured.out


def test_a_demo_database_needs_no_sign_in(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert main(["--database", url, "demo", "--patients", "2", "--as-of", AS_OF.isoformat()]) == 0
    assert main(["--database", url, "worklist", "--as-of", AS_OF.isoformat()]) == 0


def test_who_exported_or_printed_a_record_is_audited(
    staffed: str, password_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Who looked at this record" has an answer: an export and a printed summary are
    audit rows of the signed-in user, on the patient, chained like every other."""
    nurse = signed(staffed, "li.na", password_file)
    with sqlite3.connect(tmp_path / "clinic.sqlite") as conn:
        patient_id, mrn = conn.execute("SELECT id, mrn FROM patient ORDER BY id").fetchone()
    assert main([*nurse, "export-record", "--mrn", mrn, "--out", str(tmp_path / "r.json")]) == 0
    pdf = ["export-pdf", "--mrn", mrn, "--as-of", AS_OF.isoformat(), "--out"]
    assert main([*nurse, *pdf, str(tmp_path / "s.pdf")]) == 0
    with sqlite3.connect(tmp_path / "clinic.sqlite") as conn:
        rows = conn.execute(
            "SELECT action, actor, revision FROM audit WHERE patient_id = ? "
            "AND action IN ('export', 'print', 'view') ORDER BY id",
            (patient_id,),
        ).fetchall()
    assert rows == [("export", "li.na", None), ("print", "li.na", None)]
    assert main([*signed(staffed, "ada", password_file), "audit", "verify"]) == 0
    assert main([*signed(staffed, "ada", password_file), "db", "check"]) == 0


def test_an_administrator_disables_resets_and_changes_users(
    staffed: str, password_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    admin, nurse = signed(staffed, "ada", password_file), signed(staffed, "li.na", password_file)
    assert main([*nurse, "user", "change", "li.na", "--role", "physician"]) == 1
    assert main([*admin, "user", "change", "li.na", "--disable"]) == 0
    assert main([*nurse, "worklist", "--as-of", AS_OF.isoformat()]) == 2
    assert main([*admin, "user", "change", "li.na", "--enable", "--role", "physician"]) == 0
    new = tmp_path / "new-password"
    new.write_text("another long password\n", encoding="utf-8")
    new.chmod(0o600)
    assert main([*admin, "user", "reset-password", "li.na", "--new-password-file", str(new)]) == 0
    assert main([*nurse, "worklist", "--as-of", AS_OF.isoformat()]) == 2  # the old password
    assert main([*signed(staffed, "li.na", new), "worklist", "--as-of", AS_OF.isoformat()]) == 0
    assert main([*admin, "user", "change", "ada", "--role", "nurse"]) == 2
    wrong = tmp_path / "wrong"
    wrong.write_text("not the password\n", encoding="utf-8")
    wrong.chmod(0o600)
    for _ in range(5):
        assert main([*signed(staffed, "li.na", wrong), "worklist", "--as-of", "2026-01-15"]) == 2
    assert main([*admin, "user", "list"]) == 0
    assert main([*admin, "user", "change", "li.na", "--unlock"]) == 0
    captured = capsys.readouterr()
    assert "error: changing a user needs the role administrator; li.na is a nurse" in captured.err
    assert "the account li.na is disabled" in captured.err
    assert "ada is the last active administrator: make another one first" in captured.err
    assert "user li.na: nurse, li.na, disabled\nuser li.na: physician, li.na\n" in captured.out
    assert "user li.na: password reset" in captured.out
    assert "li.na\tphysician\tli.na (locked until " in captured.out
    assert "user li.na: physician, li.na, no lock-out: may sign in\n" in captured.out
    assert "try again then, or ask an administrator to lift the lock-out" in captured.err


def test_a_restore_is_audited_and_leaves_the_audit_verifiable(
    staffed: str, password_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The workstation's anchor becomes the backup's: later writes and `audit verify` hold,
    and the audit says who restored what."""
    admin = signed(staffed, "ada", password_file)
    new = ["--new-password-file", str(password_file)]
    assert main([*admin, "db", "backup", "--to", str(tmp_path / "b")]) == 0
    [backup] = (tmp_path / "b").glob("*.sqlite")
    assert main([*admin, "user", "add", "dr.wu", "--role", "physician", *new]) == 0
    assert main([*admin, "db", "restore", str(backup)]) == 0
    assert main([*admin, "audit", "verify"]) == 0
    assert main([*admin, "user", "add", "dr.li", "--role", "physician", *new]) == 0
    assert main([*admin, "audit", "verify"]) == 0
    assert main([*admin, "db", "check"]) == 0
    with sqlite3.connect(tmp_path / "clinic.sqlite") as conn:
        users_now = {r[0] for r in conn.execute("SELECT name FROM app_user")}
        [(actor, after)] = conn.execute("SELECT actor, after FROM audit WHERE action = 'restore'")
    assert users_now == {"ada", "li.na", "dr.li"}  # dr.wu came after the backup
    assert actor == "ada"
    assert json.loads(after)["from"] == str(backup)


def test_a_copy_of_another_database_is_restored_only_when_asked(
    staffed: str, password_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = f"sqlite:///{tmp_path / 'other.sqlite'}"
    assert main(["--database", other, "demo", "--patients", "1", "--as-of", AS_OF.isoformat()]) == 0
    assert main(["--database", other, "db", "backup", "--to", str(tmp_path / "o")]) == 0
    [backup] = (tmp_path / "o").glob("*.sqlite")
    admin = signed(staffed, "ada", password_file)
    assert main([*admin, "db", "restore", str(backup)]) == 1
    assert "is a copy of another database" in capsys.readouterr().err
    assert main([*admin, "db", "restore", str(backup), "--other-database"]) == 0
    assert main(["--database", staffed, "audit", "verify"]) == 0


def test_the_sign_in_may_follow_the_command(
    staffed: str, password_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    after = ["--database", staffed, "--user", "ada", "--password-file", str(password_file)]
    assert main(["user", "list", *after]) == 0
    assert "li.na\tnurse" in capsys.readouterr().out


def test_a_worklist_of_an_empty_database_signs_in_once(
    tmp_path: Path, password_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    assert main(["--database", url, "db", "upgrade"]) == 0
    new = ["--new-password-file", str(password_file)]
    assert main(["--database", url, "user", "add", "ada", "--role", "administrator", *new]) == 0
    assert main([*signed(url, "ada", password_file), "worklist"]) == 0
    assert "holds no patients yet" in capsys.readouterr().out
    with sqlite3.connect(tmp_path / "empty.sqlite") as conn:
        [(sign_ins,)] = conn.execute("SELECT count(*) FROM audit WHERE action = 'sign-in'")
    assert sign_ins == 1
