"""`mmtracker bench` on a tiny demo: every figure and fact is reported (not the timings' values),
the demo is reused or rebuilt as it should be, and a database holding other data is refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from mmtracker import bench, bench_security
from mmtracker.cli import main
from mmtracker.storage.audit_chain import verify_chain
from mmtracker.storage.engine import make_engine
from mmtracker.storage.schema import upgrade
from mmtracker.storage.services import create_patient
from mmtracker.storage.users import has_users
from mmtracker.workflows import open_engine, patient_count

AS_OF = dt.date(2026, 3, 2)
FIGURES = (
    "worklist, whole process",
    "worklist --format json, whole process",
    "window: start to the worklist shown",
    "window: search keystroke, worklist (slowest)",
    "window: search keystroke, patient list (slowest)",
    "window: patient opened, first of the session",
    "window: patient opened, after the first figure",
    "floor: bare QApplication + 10,000-row table shown",
    "one entry saved with re-assessment",
    "full re-assessment, whole process",
    "full re-assessment, as the command reports",
)
SECURITY = (
    "chained save (median of 15 a process)",
    "floor: the same save, the chain's work taken out",
    "audit verify, whole process ({rows} rows)",
    "floor: sqlite3 + hashlib script, whole process",
    "sign-in (authenticate), first of a process",
    "floor: argon2 verification alone",
)
PANELS = ("Lab trends", "Timeline", "Assessment details", "Lab flowsheet", "Entries")
WITHOUT_MEMORY = ("full re-assessment, as the command reports", "window: ", "window: search")
TIME = r"\d+(\.\d+)? (ms|s)"


def test_every_figure_is_reported(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    if not database_url.startswith("sqlite"):
        assert main(["db", "upgrade", "--database", database_url]) == 0  # never by itself
        capsys.readouterr()
    argv = ["bench", "--patients", "30", "--seed", "3", "--runs", "1", "--as-of", "2026-03-02"]
    code = main([*argv, "--audit-rows", "100", "--database", database_url])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.splitlines()

    def line(start: str) -> str:
        found = [text for text in lines if text.startswith(start)]
        assert len(found) == 1, (start, out)
        return found[0]

    assert "30 demo patients (seed 3), as of 2026-03-02" in lines[0]
    assert "(built)" in line("database")
    assert re.search(r"(SQLite|PostgreSQL) \d", line("database"))
    assert re.search(r"\d+ cores, .*Python 3\.", line("machine"))
    assert re.search(r"30 \(\d+ live\)", line("patients"))
    assert "lab_results" in line("entries")
    assert re.search(r"\d+ patients, [\d,]+ care-item rows", line("stored state"))
    assert re.search(r"[\d,]+ rows", line("worklist  "))
    assert re.search(
        r"patient \d+, the live patient with the most entries \([\d,]+\)", line("save")
    )
    sqlite = database_url.startswith("sqlite")
    labels = [
        *FIGURES,
        *(f"window: {panel}, first shown" for panel in PANELS),
        *(f"window: {panel}, after the first figure" for panel in PANELS),
        *(["floor: sqlite3 + json script, whole process"] if sqlite else []),
    ]
    for label in labels:
        cells = line(label)[len(label) :].split()
        assert re.fullmatch(f"{TIME} {TIME} {TIME}", " ".join(cells[:6])), cells
        with_memory = label == "window: start to the worklist shown" or not label.startswith(
            WITHOUT_MEMORY
        )
        assert bool(re.fullmatch(r"\d+ MB", " ".join(cells[6:8]))) is with_memory, cells
    assert "≤ 1.00 s" in line("worklist, whole process")
    assert "≤ 50.0 ms" in line("one entry saved")
    start = line("window: start to the worklist shown")
    assert re.search(r"≤ 1\.50 s (met|OVER)  [\d.]+× floor; [+−]" + TIME, start), start
    assert re.search(r"on command ≤ 500\.0 ms (met|OVER)$", start), start
    for label in ("window: search keystroke, worklist", "window: search keystroke, patient list"):
        assert re.search(r"≤ 50\.0 ms (met|OVER)$", line(label))
    assert re.search(r"≤ 250\.0 ms (met|OVER)$", line("window: patient opened, after"))
    for panel in PANELS:
        assert re.search(r"≤ 150\.0 ms (met|OVER)$", line(f"window: {panel}, after the first"))
    if sqlite:  # the command against the bare sqlite3 + json script
        for label in ("worklist, whole process", "worklist --format json, whole process"):
            assert re.search(r"[\d.]+× floor ≤ 3× (met|OVER)$", line(label))
    assert re.fullmatch(r"window peak memory \d+ MB \(≤ 350 MB (met|OVER)\)", line("window peak"))
    assert re.search(r"8 keystrokes per list; median [\d.]+ ms \(worklist\)", out)
    assert re.search(r"patient \d+ opened \([\d,]+ entries\)", line("window  "))
    summary = line("visit summary with its figures (")
    assert re.search(r"\(\d+ pages\), in one process", summary)
    assert re.search(r"≤ 1\.00 s (met|OVER)  [\d.]+× floor ≤ 1\.5× (met|OVER)$", summary), summary
    floor = line("floor: the same figures by matplotlib + a bare ReportLab document")
    assert re.fullmatch(f".*document +{TIME} +{TIME} +{TIME} +—", floor), floor
    assert re.search(
        rf"batch of \d+ visit summaries on \d+ processes \(every core\): {TIME}; "
        rf"in one process {TIME} \([\d.]+× as long\)",
        out,
    )

    for label in SECURITY:
        line(label.format(rows=100))

    # The record is the demo's again: the measured save was taken back.
    engine = make_engine(database_url)
    try:
        assert bench.holds_demo(engine, 30, 3, AS_OF)
    finally:
        engine.dispose()


def test_the_demo_is_reused_and_its_own_file_rebuilt(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'own.sqlite'}"
    own = tmp_path / "own.sqlite"
    first, done = bench.prepare_demo(url, own, 6, 1, AS_OF)
    assert done == "built"
    first.dispose()
    again, done = bench.prepare_demo(url, own, 6, 1, AS_OF)
    assert done == "reused"
    again.dispose()
    for other in ((7, 1, AS_OF), (6, 2, AS_OF), (6, 1, AS_OF + dt.timedelta(days=1))):
        engine = open_engine(url)
        assert not bench.holds_demo(engine, *other)
        engine.dispose()
    other_seed, done = bench.prepare_demo(url, own, 6, 2, AS_OF)
    assert done == "replaced"
    assert bench.holds_demo(other_seed, 6, 2, AS_OF)
    other_seed.dispose()


def test_a_database_holding_other_data_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    create_patient(
        engine,
        {"mrn": "M-1", "name": "Real Patient", "sex": "F", "date_of_birth": "1950-02-03"},
        "nurse@ward",
    )
    code = main(["bench", "--patients", "5", "--runs", "1", "--database", url])
    assert code == 1
    assert "not the demo" in capsys.readouterr().err
    assert patient_count(engine) == 1
    engine.dispose()


LOADED = """
import sys
from mmtracker.cli import main
code = main(["worklist", "--database", sys.argv[1], "--as-of", "2026-03-02"])
heavy = ("alembic", "mmtracker.logic.assessment", "mmtracker.assessment_json")
sys.stderr.write(repr((code, [name for name in heavy if name in sys.modules])))
"""


def test_the_worklist_from_fresh_state_loads_neither_alembic_nor_the_rules(tmp_path: Path) -> None:
    """What keeps the worklist quick to start: an up-to-date database is opened with one
    query on the version table, and nothing stale means no rule module is loaded."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    engine, _ = bench.prepare_demo(url, None, 8, 1, AS_OF)
    engine.dispose()
    runs = [
        subprocess.run(
            [sys.executable, "-c", LOADED, url], capture_output=True, text=True, check=True
        ).stderr
        for _ in range(2)
    ]
    assert runs[0].endswith("(0, ['mmtracker.logic.assessment'])")  # the first run assesses
    assert runs[1].endswith("(0, [])")


# --- the security figures (mmtracker/bench_security.py) -----------------------------------------


def test_the_generated_audit_is_a_chain_the_check_accepts(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written in several batches and transactions, each chained onto the one before."""
    monkeypatch.setattr(bench_security, "WRITE_BATCH", 40)
    head = bench_security.write_audit(sqlite_engine, 250)
    with sqlite_engine.connect() as conn:
        found = verify_chain(conn)
        actions = dict(
            conn.execute(text("SELECT action, count(*) FROM audit GROUP BY action")).all()
        )
    assert found.ok, found.broken
    assert found.rows == 250
    assert found.head is not None
    assert found.head.chain == head
    assert actions == {"insert": 198, "update": 13, "delete": 13, "view": 13, "sign-in": 13}


def test_the_bare_script_hashes_the_rows_as_the_chain_does(tmp_path: Path) -> None:
    """The floor of `audit verify` does the same work: its head is the chain's, and it finds
    a row edited as the chain's check does."""
    audit = bench_security.prepare_audit(tmp_path, 120)
    assert audit.done == "built"
    assert bench_security.prepare_audit(tmp_path, 120) == dataclasses.replace(audit, done="reused")
    _, found = bench_security.bare_verify(audit.path, os.environ)
    assert found == {"rows": 120, "head": audit.head, "broken": 0}
    engine = make_engine(audit.url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE audit SET actor = 'someone else' WHERE id = 60"))
        with engine.connect() as conn:
            broken = verify_chain(conn).broken
    finally:
        engine.dispose()
    assert broken is not None
    assert broken.startswith("audit row 60:")
    _, found = bench_security.bare_verify(audit.path, os.environ)
    assert found["broken"] == 1


def test_the_security_figures_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`bench --only security`: the chain in a save against 2 ms, `audit verify` against its
    floor, the sign-in against 0.5 s with its parameters; the demo is left as it was."""
    url = f"sqlite:///{tmp_path / 'bench.sqlite'}"
    argv = ["bench", "--only", "security", "--patients", "8", "--seed", "2", "--runs", "1"]
    code = main([*argv, "--audit-rows", "150", "--as-of", "2026-03-02", "--database", url])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.splitlines()

    def line(start: str) -> str:
        found = [text for text in lines if text.startswith(start)]
        assert len(found) == 1, (start, out)
        return found[0]

    assert not [text for text in lines if text.startswith(("worklist", "window", "full"))]
    assert re.search(r"patient \d+, the live patient with the most entries", line("save  "))
    chain, verify, sign_in = line("audit chain  "), line("audit verify  "), line("sign-in  ")
    assert re.search(
        r"each pair's difference: median [+-]\d+\.\d\d ms; in `chained` itself: median "
        r"\d+\.\d\d ms a save$",
        chain,
    ), chain
    assert re.search(r"\(built\): 150 generated audit rows .* same head \([0-9a-f]{12}…\)$", verify)
    assert "argon2id v19, m=19456 KiB (19 MiB), t=2, p=1 (argon2-cffi " in sign_in
    ends = (  # each figure's end: its memory, or its budget and floor
        rf"[+−]{TIME} on floor ≤ 2\.0 ms (met|OVER)",
        "—",
        r"[\d.]+× floor ≤ 1\.5× (met|OVER)",
        "MB",
        r"≤ 500\.0 ms (met|OVER)  [\d.]+× floor",
        "—",
    )
    for label, end in zip(SECURITY, ends, strict=True):
        text = line(label.format(rows=150))
        cells = text[len(label.format(rows=150)) :].split()
        assert re.fullmatch(f"{TIME} {TIME} {TIME}", " ".join(cells[:6])), text
        assert bool(re.fullmatch(r"\d+ MB", " ".join(cells[6:8]))) is (end != "—"), text
        assert re.search(f"{end}$", text), text

    # The demo is as it was: the placeholders re-chained, no user made in it (the sign-in has
    # a database of its own).
    engine = make_engine(url)
    try:
        assert bench.holds_demo(engine, 8, 2, AS_OF)
        with engine.connect() as conn:
            assert verify_chain(conn).ok
            assert not has_users(conn)
    finally:
        engine.dispose()
