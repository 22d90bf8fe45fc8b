"""``mmtracker bench``: the figures of docs/performance.md, each measured in fresh processes.

On a demo database (built here, or reused when it holds exactly the demo asked
for) it measures, as the median of ``runs`` fresh processes each:

- the worklist from up-to-date stored state: ``mmtracker worklist``, the whole
  process from start to exit, its output thrown away;
- one entry saved with its patient's re-assessment: ``services.add_entry`` with
  the ``state.updater`` hook, timed around that call alone in a fresh process
  (the entry is deleted again afterwards, so the record stays the demo's);
- a full re-assessment: ``mmtracker db reassess --all``, the whole process and
  the time the command itself reports;
- the security figures (mmtracker/bench_security.py; alone with ``--only security``):
  the audit chain's cost in the save, ``mmtracker audit verify`` over ``--audit-rows``
  generated audit rows and a sign-in, each beside its floor;

and the peak resident memory of each process. Only the database named by
``--database``, or the bench's own file in the data folder, is ever written (and the
file of generated audit rows, ``bench-audit-N.sqlite`` in the data folder); the first
must be empty or hold the same demo.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Engine, Table

BENCH_FILE = "bench.sqlite"
ACTOR = "bench@mmtracker"
SAVED_KIND = "lab_results"
BUDGETS = {"worklist": 1.0, "save": 0.050, "summary": 1.0}  # seconds, from the issues
SUMMARY_FLOOR_RATIO = 1.5  # a visit summary against the same figures and a bare document
BATCH = 50  # visit summaries of the clinic-day batch
_REPORTED = re.compile(r"re-assessed in ([0-9.]+) s")


class MeasureError(Exception):
    """A measured process failed."""


@dataclass(frozen=True, slots=True)
class Run:
    """One measured process: its wall time, the time it reported itself, its peak memory."""

    wall: float
    inner: float | None
    peak_bytes: int | None


@dataclass(frozen=True, slots=True)
class Figure:
    """One line of the report."""

    label: str
    values: list[float]
    peaks: list[int | None]
    budget: float | None = None
    floor: str | None = None
    """The label of the figure this one is compared with as a ratio."""
    floor_ratio: float | None = None
    """The highest ratio to the floor allowed."""
    beyond: str | None = None
    """The label of the figure this one is compared with as a difference."""
    beyond_budget: float | None = None
    """The most this figure may take beyond that one (seconds)."""
    beyond_name: str = "command"
    """What the report calls that figure."""


# --- the database ------------------------------------------------------------------------------


def _default_url() -> tuple[str, Path]:
    from mmtracker.config import paths, sqlite_url

    path = paths().data / BENCH_FILE
    return sqlite_url(path), path


def _demo_fingerprint(patients: int, seed: int, as_of: dt.date) -> tuple[object, ...]:
    """What the demo's first patient looks like: name, birth date, and every entry's id and date."""
    from mmtracker.demo import generate_records

    first = generate_records(1, seed, as_of)[0]
    entries = sorted(
        (kind, entry.id, str(getattr(entry, "date", None)))
        for kind, kinds in first.entries.items()
        for entry in kinds
    )
    return (first.patient.mrn, first.patient.name, str(first.patient.date_of_birth), entries)


def _stored_fingerprint(engine: Engine, mrn: str) -> tuple[object, ...] | None:
    from mmtracker.storage.loaders import load_record_rows, patient_id_for_mrn
    from mmtracker.storage.outcomes import NotFoundError

    try:
        pid = patient_id_for_mrn(engine, mrn)
    except NotFoundError:
        return None
    rows = load_record_rows(engine, [pid])[pid]
    entries = sorted(
        (kind, row["id"], str(row.get("date")))
        for kind, kinds in rows.entries.items()
        for row in kinds
    )
    return (mrn, rows.patient["name"], str(rows.patient["date_of_birth"]), entries)


def holds_demo(engine: Engine, patients: int, seed: int, as_of: dt.date) -> bool:
    """True when the database holds exactly the demo of ``patients``, ``seed`` and ``as_of``."""
    from mmtracker.workflows import patient_count

    if patient_count(engine) != patients:
        return False
    expected = _demo_fingerprint(patients, seed, as_of)
    mrn = expected[0]
    assert isinstance(mrn, str)
    return _stored_fingerprint(engine, mrn) == expected


def prepare_demo(
    url: str, own_file: Path | None, patients: int, seed: int, as_of: dt.date
) -> tuple[Engine, str]:
    """An engine on the demo database and what was done to get it (built, reused, replaced)."""
    from mmtracker.workflows import fill_demo, open_engine, patient_count

    engine = open_engine(url)
    held = patient_count(engine)
    if held and holds_demo(engine, patients, seed, as_of):
        return engine, "reused"
    done = "built"
    if held:
        if own_file is None:
            raise ValueError(
                f"the database holds {held} patients that are not the demo of {patients} "
                f"patients (seed {seed}, as of {as_of}); the bench writes to its database, "
                "so give an empty one or the bench's own"
            )
        engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{own_file}{suffix}").unlink(missing_ok=True)
        engine = open_engine(url)
        done = "replaced"
    _say(f"building the demo database ({patients} patients, seed {seed}, as of {as_of}) …")
    started = time.perf_counter()
    fill_demo(engine, patients, seed, as_of, ACTOR)
    _say(f"demo written in {time.perf_counter() - started:.1f} s")
    return engine, done


def _data_lines(engine: Engine) -> list[str]:
    """What the database holds: patients, entries per kind, stored state."""
    from sqlalchemy import func, select

    from mmtracker.logic.codes import PatientStatus
    from mmtracker.logic.history import ENTRY_KINDS
    from mmtracker.storage.state import ITEMS, STATE
    from mmtracker.storage.tables import PATIENT, table_of

    def count(table: Table, *where: ColumnElement[bool]) -> int:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

    with engine.connect() as conn:
        patients = count(PATIENT)
        live = count(PATIENT, PATIENT.c.status == PatientStatus.ACTIVE.value)
        per_kind = {kind: count(table_of(kind)) for kind in ENTRY_KINDS}
        stored = count(ITEMS)
        states = count(STATE)
    kinds = ", ".join(f"{kind} {n:,}" for kind, n in per_kind.items() if n)
    return [
        f"patients      {patients:,} ({live:,} live)",
        f"entries       {sum(per_kind.values()):,}: {kinds}",
        f"stored state  {states:,} patients, {stored:,} care-item rows",
    ]


def _busiest_patient(engine: Engine) -> tuple[int, int]:
    """The live patient with the most entries, and how many: the save measured is the dearest."""
    from collections import Counter

    from sqlalchemy import func, select

    from mmtracker.logic.codes import PatientStatus
    from mmtracker.logic.history import ENTRY_KINDS
    from mmtracker.storage.tables import PATIENT, table_of

    totals: Counter[int] = Counter()
    with engine.connect() as conn:
        live = set(
            conn.execute(
                select(PATIENT.c.id).where(PATIENT.c.status == PatientStatus.ACTIVE.value)
            ).scalars()
        )
        for kind in ENTRY_KINDS:
            table = table_of(kind)
            query = select(table.c.patient_id, func.count()).group_by(table.c.patient_id)
            for pid, n in conn.execute(query):
                if pid in live:
                    totals[pid] += n
    if not totals:
        raise ValueError("the database holds no live patient with entries")
    busiest = min(totals, key=lambda pid: (-totals[pid], pid))
    return busiest, totals[busiest]


def _settle(engine: Engine) -> None:
    """On PostgreSQL, vacuum and analyse the stored state the re-assessments rewrote, as
    autovacuum will have done by the time a clinic opens its worklist (SQLite: nothing)."""
    from sqlalchemy import text

    from mmtracker.storage.state import ITEMS, STATE

    if engine.dialect.name != "postgresql":
        return
    _say("vacuuming the stored state …")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"VACUUM (ANALYZE) {ITEMS.name}, {STATE.name}"))


def _versions(engine: Engine) -> str:
    import sqlite3

    from sqlalchemy import text

    if engine.dialect.name == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    with engine.connect() as conn:
        found = conn.execute(text("SHOW server_version")).scalar()
    return f"PostgreSQL {found}"


def _machine() -> str:
    memory = ""
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        total = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {total / 2**30:.1f} GiB memory"
    return (
        f"{os.cpu_count()} cores{memory}, {platform.machine()} {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


# --- running fresh processes -----------------------------------------------------------------


def _peak_bytes(max_rss: int) -> int:
    """ru_maxrss in bytes: kilobytes on Linux, bytes on macOS."""
    return max_rss if sys.platform == "darwin" else max_rss * 1024


def run_process(
    argv: Sequence[str], env: dict[str, str], *, keep_output: bool = True
) -> tuple[Run, str]:
    """Run one fresh process; its wall time, peak memory and standard output (or "" when
    ``keep_output`` is false: then it goes to the null device).

    It is started by a small launcher process: a process started straight from this
    one would count this one's memory as its own peak (Linux keeps the peak across
    the start of a new program). Standard error is shown when the process fails.
    """
    with (
        tempfile.TemporaryDirectory() as folder,
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        result = Path(folder) / "result.json"
        launcher = [sys.executable, "-m", "mmtracker.bench", "launch", str(result), *argv]
        target = out if keep_output else subprocess.DEVNULL
        code = subprocess.run(launcher, stdout=target, stderr=err, env=env, check=False).returncode
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        found = json.loads(result.read_text(encoding="utf-8")) if result.exists() else {}
        if code != 0 or found.get("returncode") != 0:
            detail = err.read().decode("utf-8", "replace").strip()
            raise MeasureError(f"{' '.join(argv[1:])} failed: {detail}")
    return Run(found["wall"], None, found["peak_bytes"]), stdout


def _launch(result: Path, argv: Sequence[str]) -> int:
    """Run ``argv`` with this process's output; write its wall time and peak memory to ``result``."""
    started = time.perf_counter()
    process = subprocess.Popen(argv)
    peak: int | None = None
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        peak = _peak_bytes(usage.ru_maxrss)
    else:  # no usage of one process here: the time only
        process.wait()
    wall = time.perf_counter() - started
    found = {"wall": wall, "peak_bytes": peak, "returncode": process.returncode}
    result.write_text(json.dumps(found), encoding="utf-8")
    return 0


def _mmtracker(*args: str) -> list[str]:
    return [sys.executable, "-m", "mmtracker.cli", *args]


def _measure(
    label: str, runs: int, once: Callable[[], Run], budget: float | None = None
) -> tuple[Figure, list[Run]]:
    measured = []
    for number in range(1, runs + 1):
        _say(f"{label}: run {number} of {runs}")
        measured.append(once())
    return (
        Figure(label, [r.wall for r in measured], [r.peak_bytes for r in measured], budget),
        measured,
    )


# --- the report --------------------------------------------------------------------------------


def _seconds(value: float) -> str:
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def _megabytes(values: Sequence[int | None]) -> str:
    known = [v for v in values if v is not None]
    return f"{max(known) / 2**20:.0f} MB" if known else "—"


def _met(ok: bool) -> str:
    return "met" if ok else "OVER"


def _against(figure: Figure, medians: dict[str, float]) -> str:
    """The figure against its floor (a ratio) and the figure it may exceed by a margin."""
    median = statistics.median(figure.values)
    parts = []
    if figure.floor is not None and medians.get(figure.floor):
        ratio = median / medians[figure.floor]
        limit = "" if figure.floor_ratio is None else f" ≤ {figure.floor_ratio:g}×"
        met = "" if figure.floor_ratio is None else f" {_met(ratio <= figure.floor_ratio)}"
        parts.append(f"{ratio:.1f}× floor{limit}{met}")
    if figure.beyond is not None and figure.beyond in medians:
        extra = median - medians[figure.beyond]
        limit = "" if figure.beyond_budget is None else f" ≤ {_seconds(figure.beyond_budget)}"
        met = "" if figure.beyond_budget is None else f" {_met(extra <= figure.beyond_budget)}"
        sign = "+" if extra >= 0 else "−"
        parts.append(f"{sign}{_seconds(abs(extra))} on {figure.beyond_name}{limit}{met}")
    return "; ".join(parts)


def report(figures: Sequence[Figure]) -> list[str]:
    """The table of figures: median, min and max of the runs, the highest peak memory, the
    budget, and the figure against its floor or the figure it may exceed by a margin."""
    header = ("figure", "median", "min", "max", "peak memory", "budget", "against")
    lines = [header]
    medians = {f.label: statistics.median(f.values) for f in figures}
    for figure in figures:
        budget = ""
        if figure.budget is not None:
            met = statistics.median(figure.values) <= figure.budget
            budget = f"≤ {_seconds(figure.budget)} {_met(met)}"
        lines.append(
            (
                figure.label,
                _seconds(statistics.median(figure.values)),
                _seconds(min(figure.values)),
                _seconds(max(figure.values)),
                _megabytes(figure.peaks),
                budget,
                _against(figure, medians),
            )
        )
    widths = [max(len(line[col]) for line in lines) for col in range(len(header))]
    return [
        "  ".join(
            cell.ljust(width) if col in (0, len(header) - 1) else cell.rjust(width)
            for col, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in lines
    ]


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


# --- the command -------------------------------------------------------------------------------


def bench(args: argparse.Namespace) -> int:
    """Build or reuse the demo database, measure every figure, print the table."""
    try:
        lines = _bench(args)
    except MeasureError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _bench(args: argparse.Namespace) -> list[str]:
    as_of: dt.date = args.as_of or dt.date.today()
    own_file: Path | None = None
    if args.database:
        url = args.database
    else:
        url, own_file = _default_url()
    engine, done = prepare_demo(url, own_file, args.patients, args.seed, as_of)
    shown_url = engine.url.render_as_string(hide_password=True)
    env = {**os.environ, "MMTRACKER_DATABASE_URL": engine.url.render_as_string(False)}
    # Each process measured reads its modules' bytecode, as an installed or frozen mmtracker
    # does, instead of compiling every module again (the first run writes the bytecode).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    day = as_of.isoformat()
    runs: int = args.runs
    patient, entries = _busiest_patient(engine)
    head = [
        f"mmtracker bench: {args.patients} demo patients (seed {args.seed}), as of {day}; "
        f"{runs} fresh processes per figure",
        f"database      {shown_url} ({done}), {_versions(engine)}",
        f"machine       {_machine()}",
        *_data_lines(engine),
    ]
    save_line = (
        f"save          a {SAVED_KIND} entry for patient {patient}, the live patient with the "
        f"most entries ({entries:,}); deleted again after each run"
    )
    if args.only == "security":
        figures, lines = _security(env, runs, day, patient, args.audit_rows)
        engine.dispose()
        return [*head, save_line, *lines, "", *report(figures)]

    def reassess_all() -> Run:
        run, out = run_process(_mmtracker("db", "reassess", "--all", "--as-of", day), env)
        reported = _REPORTED.search(out)
        return Run(run.wall, float(reported.group(1)) if reported else None, run.peak_bytes)

    full, full_runs = _measure("full re-assessment, whole process", runs, reassess_all)
    inner = [r.inner for r in full_runs if r.inner is not None]
    full_inner = Figure("full re-assessment, as the command reports", inner, [None] * len(inner))

    run_process(_mmtracker("db", "reassess", "--as-of", day), env)  # nothing stale is left
    _settle(engine)

    def worklist() -> Run:
        return run_process(_mmtracker("worklist", "--as-of", day), env, keep_output=False)[0]

    work, _ = _measure("worklist, whole process", runs, worklist, BUDGETS["worklist"])

    def worklist_json() -> Run:
        argv = _mmtracker("worklist", "--as-of", day, "--format", "json")
        return run_process(argv, env, keep_output=False)[0]

    work_json, _ = _measure("worklist --format json, whole process", runs, worklist_json)
    shown = _worklist_rows(engine, as_of)

    def save() -> Run:
        argv = [sys.executable, "-m", "mmtracker.bench", "save", str(patient), day]
        run, out = run_process(argv, env)
        return Run(json.loads(out)["seconds"], None, run.peak_bytes)

    saved, _ = _measure("one entry saved with re-assessment", runs, save, BUDGETS["save"])
    security, security_lines = _security(env, runs, day, patient, args.audit_rows)
    window_lines, measured = _window(engine, env, runs, day, patient, work, work_json)
    pdf_figures, pdf_lines = _pdf(env, runs, day, patient)
    lines = [
        *head,
        f"worklist      {shown:,} rows",
        save_line,
        *security_lines,
        f"window        patient {patient} opened ({entries:,} entries); offscreen, "
        "settings of its own",
        "",
        *report([*measured, saved, *security, *pdf_figures, full, full_inner]),
        "",
        *window_lines,
        *pdf_lines,
    ]
    engine.dispose()
    return lines


def _security(
    env: dict[str, str], runs: int, day: str, patient: int, rows: int | None
) -> tuple[list[Figure], list[str]]:
    """The audit chain's cost in the save, ``audit verify`` over ``rows`` generated audit
    rows (default :data:`bench_security.AUDIT_ROWS`) and a sign-in, each beside its floor
    (mmtracker/bench_security.py)."""
    from mmtracker import bench_security
    from mmtracker.config import paths

    chain, chain_line = bench_security.chain_figures(env, runs, day, patient)
    folder = paths().data
    sign_in, sign_in_line = bench_security.sign_in_figures(folder, env, runs)
    audit = bench_security.prepare_audit(folder, rows or bench_security.AUDIT_ROWS)
    verify, verify_line = bench_security.verify_figures(env, runs, audit)
    return [*chain, *verify, *sign_in], [chain_line, verify_line, sign_in_line]


def _pdf(env: dict[str, str], runs: int, day: str, patient: int) -> tuple[list[Figure], list[str]]:
    """The visit summary beside its floor, in one process; a batch of 50 on every core
    (mmtracker/bench_pdf.py measures them, in a process of its own: it loads Qt's catalogues)."""
    _say("visit summary and its floor")
    argv = [sys.executable, "-m", "mmtracker.bench_pdf", "summary", str(patient), day]
    argv.append(str(max(runs, 3)))
    run, out = run_process(argv, env)
    found = json.loads(out)
    floor = Figure(
        "floor: the same figures by matplotlib + a bare ReportLab document",
        found["floor"],
        [None] * len(found["floor"]),
    )
    summary = Figure(
        f"visit summary with its figures ({found['pages']} pages), in one process",
        found["summary"],
        [run.peak_bytes] + [None] * (len(found["summary"]) - 1),
        BUDGETS["summary"],
        floor=floor.label,
        floor_ratio=SUMMARY_FLOOR_RATIO,
    )
    _say(f"a batch of {BATCH} visit summaries")
    _, batch_out = run_process([sys.executable, "-m", "mmtracker.bench_pdf", "batch", day], env)
    batch = json.loads(batch_out)
    lines = [
        f"batch of {batch['written']} visit summaries on {batch['workers']} processes (every "
        f"core): {_seconds(batch['seconds'])}; in one process {_seconds(batch['one_process'])} "
        f"({batch['one_process'] / batch['seconds']:.1f}× as long)"
    ]
    return [summary, floor], lines


def _window(
    engine: Engine,
    env: dict[str, str],
    runs: int,
    day: str,
    patient: int,
    work: Figure,
    work_json: Figure,
) -> tuple[list[str], list[Figure]]:
    """The window's figures and the floors, each measured as a fresh process (the window's in
    mmtracker/bench_window.py), beside the worklist command's figures."""
    import dataclasses

    from mmtracker import bench_window
    from mmtracker.config import load_policy

    path = (
        bench_window.sqlite_path(engine.url.database) if engine.dialect.name == "sqlite" else None
    )
    figures: list[Figure] = []
    if path is not None:
        lead_days = load_policy(None).whole("lead_days")
        floor, _ = _measure(
            "floor: sqlite3 + json script, whole process",
            runs,
            lambda: bench_window.db_floor(env, str(path), day, lead_days),
        )
        for command in (work, work_json):
            figures.append(dataclasses.replace(command, floor=floor.label, floor_ratio=3.0))
        figures.append(floor)
    else:
        figures += [work, work_json]
    qt, _ = _measure(
        f"floor: bare QApplication + {bench_window.FLOOR_ROWS:,}-row table shown",
        runs,
        lambda: bench_window.qt_floor(env),
    )
    measured: list[bench_window.WindowRun] = []
    for number in range(1, runs + 1):
        _say(f"window: run {number} of {runs}")
        measured.append(bench_window.run_window(env, patient, day))
    figures += [*bench_window.window_figures(measured, qt, work), qt]
    timed_forms: list[bench_window.WindowRun] = []
    for number in range(1, runs + 1):
        _say(f"window, its forms: run {number} of {runs}")
        timed_forms.append(bench_window.run_window(env, patient, day, forms=True))
    figures += bench_window.form_figures(timed_forms)
    lines = [bench_window.peak_line(measured), bench_window.keystrokes(measured)]
    if path is None:
        lines.append("the sqlite3 + json floor is measured on SQLite only")
    return lines, figures


def _worklist_rows(engine: Engine, as_of: dt.date) -> int:
    from mmtracker.config import load_policy
    from mmtracker.storage.worklist import worklist

    return len(worklist(engine, as_of, load_policy(None)))


# --- the measured save, in its own process -----------------------------------------------------


def _save(patient: int, as_of: dt.date) -> float:
    """Save one entry with the re-assessment hook, then delete it; the seconds the save took."""
    import mmtracker.logic.assessment  # noqa: F401  # loaded by the application before any save
    from mmtracker.config import database_url, load_policy
    from mmtracker.storage import services, state
    from mmtracker.workflows import open_engine

    engine = open_engine(database_url(None))
    policy = load_policy(None)
    entry = {"date": as_of.isoformat(), "analyte": "creatinine", "value": 88.0, "unit": "umol/L"}
    hook = state.updater(as_of, policy)
    started = time.perf_counter()
    change = services.add_entry(
        engine, patient, SAVED_KIND, entry, ACTOR, today=as_of, on_change=hook
    )
    seconds = time.perf_counter() - started
    services.delete_entry(
        engine, SAVED_KIND, change.row_id, 1, ACTOR, on_change=hook, reason="bench: measured"
    )
    engine.dispose()
    return seconds


def _child(argv: Sequence[str]) -> int:
    if len(argv) >= 3 and argv[0] == "launch":
        return _launch(Path(argv[1]), argv[2:])
    if len(argv) == 3 and argv[0] == "save":
        seconds = _save(int(argv[1]), dt.date.fromisoformat(argv[2]))
        sys.stdout.write(json.dumps({"seconds": seconds}) + "\n")
        return 0
    sys.stderr.write(
        "usage: python -m mmtracker.bench save PATIENT_ID YYYY-MM-DD\n"
        "       python -m mmtracker.bench launch RESULT_FILE COMMAND…\n"
    )
    return 2


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
