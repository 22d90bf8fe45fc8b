"""`mmtracker db check`: schema version, file integrity and the record's references."""

from __future__ import annotations

import datetime as dt
import socket
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from mmtracker.cli import main
from mmtracker.storage import schema
from mmtracker.storage.check import CheckReport, check_database
from mmtracker.storage.engine import is_sqlite, make_engine
from mmtracker.storage.schema import upgrade
from mmtracker.storage.services import add_entry, create_patient

ACTOR = "nurse@ward"


def head() -> str:
    found = ScriptDirectory(str(schema.MIGRATIONS)).get_current_head()
    assert found is not None
    return found


def fill(engine: Engine) -> int:
    """Two patients, three weights and a phase change: six writes, six audit rows."""
    first = create_patient(
        engine, {"mrn": "C-1", "name": "One", "sex": "F", "date_of_birth": "1951-02-03"}, ACTOR
    ).patient_id
    create_patient(
        engine, {"mrn": "C-2", "name": "Two", "sex": "M", "date_of_birth": "1947-09-30"}, ACTOR
    )
    for day, kg in (("2023-01-02", 70.0), ("2023-02-02", 69.5), ("2023-03-02", 69.0)):
        add_entry(engine, first, "weights", {"date": day, "weight_kg": kg}, ACTOR)
    add_entry(engine, first, "phase_changes", {"date": "2023-01-02", "phase": "NDMM"}, ACTOR)
    return first


def failures(report: CheckReport) -> list[str]:
    return [line for line in report.lines if line.startswith("FAIL")]


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_report_of_a_sound_database(engine: Engine) -> None:
    fill(engine)
    report = check_database(engine)
    assert report.ok
    assert failures(report) == []
    assert f"schema: {head()} (this application: {head()})" in report.lines
    assert "patients: 2" in report.lines
    assert "weights: 3 rows" in report.lines
    assert "phase_changes: 1 rows" in report.lines
    assert "lab_results: 0 rows" in report.lines
    assert "audit rows: 6" in report.lines
    assert "revisions matching the audit: 2 of 2" in report.lines
    assert ("SQLite integrity check: ok" in report.lines) is is_sqlite(engine)
    assert report.lines[-1] == "result: ok"


def test_the_report_hides_a_password() -> None:
    engine = make_engine("postgresql://clinic:s3cret@127.0.0.1:1/none")
    report = check_database(engine)
    assert "s3cret" not in "\n".join(report.lines)
    engine.dispose()


def test_unmigrated_database_fails_naming_the_upgrade_command(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        report = check_database(engine)
    finally:
        engine.dispose()
    assert not report.ok
    assert f"schema: empty (this application: {head()})" in report.lines
    assert "mmtracker db upgrade" in failures(report)[0]


def _orphan_weight(engine: Engine) -> None:
    """A weight row whose patient does not exist, written behind the foreign key's back."""
    insert = (
        "INSERT INTO weight (id, patient_id, date, weight_kg, version, "
        "created_at, created_by, updated_at, updated_by) VALUES "
        "('00000000-0000-4000-8000-00000000dead', 424242, '2022-01-05', 70.0, 1, "
        "'2022-01-05 10:00:00+00:00', 'x', '2022-01-05 10:00:00+00:00', 'x')"
    )
    if is_sqlite(engine):
        path = engine.url.database
        assert path is not None
        raw = sqlite3.connect(path)  # a plain connection, foreign keys off
        try:
            raw.execute("PRAGMA foreign_keys=OFF")
            raw.execute(insert)
            raw.commit()
        finally:
            raw.close()
        return
    with engine.begin() as conn:  # the superuser may skip the foreign-key triggers
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text(insert))


def test_orphan_row_fails_the_check_with_exit_code_one(
    engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(engine)
    assert main(["db", "check", "--database", url_of(engine)]) == 0
    capsys.readouterr()

    _orphan_weight(engine)
    report = check_database(engine)
    assert not report.ok
    (failure,) = failures(report)
    assert failure.startswith("FAIL weights: 1 rows")
    assert "patient that does not exist" in failure
    assert "weights: 4 rows" in report.lines
    assert report.lines[-1] == "result: problems found"

    assert main(["db", "check", "--database", url_of(engine)]) == 1
    out = capsys.readouterr().out
    assert "FAIL weights" in out


def test_patient_with_revision_below_one_fails_the_check(engine: Engine) -> None:
    fill(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE patient SET revision = 0 WHERE mrn = 'C-2'"))
    below, differs = failures(check_database(engine))
    assert "1 patients have a revision below 1" in below
    assert "C-2 (revision 0, audited 1)" in differs


def test_database_stamped_newer_fails_the_check(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_newer'"))
    report = check_database(engine)
    assert not report.ok
    assert "newer" in failures(report)[0]


def test_corrupt_sqlite_file_is_reported_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "corrupt.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    fill(engine)
    engine.dispose()  # checkpoints the WAL into the file
    with sqlite3.connect(path) as raw:
        (root,) = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'weight'").fetchone()
        (page_size,) = raw.execute("PRAGMA page_size").fetchone()
    raw.close()
    with path.open("r+b") as f:  # an interior-index page type with garbage cells
        f.seek((root - 1) * page_size)
        f.write(b"\x0d\x00\x07" + b"\xff" * 64)

    engine = make_engine(f"sqlite:///{path}")
    try:
        report = check_database(engine)
    finally:
        engine.dispose()
    assert not report.ok
    assert any("cannot be read" in line or "integrity" in line for line in failures(report))

    assert main(["db", "check", "--database", f"sqlite:///{path}"]) == 1
    capsys.readouterr()


def test_unreachable_server_is_reported_not_raised() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    engine = make_engine(f"postgresql://nobody@127.0.0.1:{port}/none")
    try:
        report = check_database(engine)
    finally:
        engine.dispose()
    assert not report.ok
    assert "cannot be read" in failures(report)[0]


def test_an_acknowledgement_of_no_care_item_fails_the_check(engine: Engine) -> None:
    """An acknowledgement left on an old id (renal.before_za, renamed by migration 0003 to
    renal.before_bisphosphonate) would never cover anything: the check names it."""
    pid = fill(engine)
    for item_id in ("renal.before_za", "renal.before_bisphosphonate"):
        add_entry(
            engine,
            pid,
            "acknowledgements",
            {
                "item_id": item_id,
                "acknowledged_on": "2023-03-02",
                "until": "2023-03-20",
                "reason": "creatinine booked",
                "acknowledged_by": ACTOR,
            },
            ACTOR,
        )
    report = check_database(engine)
    assert not report.ok
    failures = [line for line in report.lines if line.startswith("FAIL")]
    assert failures == [
        "FAIL acknowledgements: 1 acknowledge 'renal.before_za', which is no care item"
    ]


def test_an_emptied_audit_fails_the_check(engine: Engine) -> None:
    """Issue 12, finding 6: an audit table emptied by hand went unnoticed."""
    fill(engine)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit"))
    (failure,) = failures(check_database(engine))
    assert failure == (
        "FAIL 2 patients have no audit row at all (the audit was emptied or rows deleted): C-1, C-2"
    )


def test_a_lost_last_audit_row_fails_the_check(engine: Engine) -> None:
    first = fill(engine)
    with engine.begin() as conn:
        conn.execute(
            text("DELETE FROM audit WHERE id = (SELECT max(id) FROM audit WHERE patient_id = :p)"),
            {"p": first},
        )
    (failure,) = failures(check_database(engine))
    assert "1 patients' revision differs from the last their audit records" in failure
    assert "C-1 (revision 5, audited 4)" in failure


def test_a_revision_set_by_hand_fails_the_check(engine: Engine) -> None:
    fill(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE patient SET revision = 9 WHERE mrn = 'C-2'"))
    (failure,) = failures(check_database(engine))
    assert "C-2 (revision 9, audited 1)" in failure


def test_imported_and_replaced_records_match_their_audit(engine: Engine) -> None:
    from mmtracker.demo import generate_records
    from mmtracker.storage.bulk import write_records
    from mmtracker.storage.outcomes import Replacing

    records = generate_records(3, 5, dt.date(2026, 1, 15))
    write_records(engine, records, ACTOR, action="demo")
    write_records(engine, records[:1], ACTOR, replace=Replacing("test", force=True))
    report = check_database(engine)
    assert failures(report) == []
    assert "revisions matching the audit: 3 of 3" in report.lines
