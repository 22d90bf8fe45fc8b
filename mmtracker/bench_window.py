"""The window's figures and the floors of ``mmtracker bench``, each measured in a fresh process.

- The window: ``mmtracker`` started with ``MMTRACKER_BENCH_WINDOW=PATIENT_ID,DAY``
  (mmtracker/ui/app.py) offscreen, in a settings folder of its own, times the start
  to the worklist's rows shown, keystrokes in both search boxes, a patient opened
  twice with each panel, and prints them as one JSON line; its peak memory is the
  process's own.
- The floor of the start: a bare QApplication showing a 10,000-row QTableView.
- The floor of the worklist command: a script that reads the same stored rows with
  ``sqlite3`` and writes them with ``json`` (SQLite only).

This module never imports Qt or the window: the scripts run in processes of their own.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mmtracker.bench import Figure, MeasureError, Run, run_process

WINDOW_ENV = "MMTRACKER_BENCH_WINDOW"  # read by mmtracker/ui/app.py
WINDOW_PREFIX = "mmtracker-bench-window: "  # the line it prints
FLOOR_ROWS = 10_000

_SINCE_START = """
import os
def since_start():
    fields = open("/proc/self/stat").read().rsplit(")", 1)[1].split()
    started = int(fields[22 - 3]) / os.sysconf("SC_CLK_TCK")
    return float(open("/proc/uptime").read().split()[0]) - started
"""

QT_FLOOR = (
    _SINCE_START
    + """
import sys
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView

class Model(QAbstractTableModel):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)
    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 8
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None

app = QApplication(sys.argv[:1])
view = QTableView()
view.setModel(Model([[f"row {r} column {c}" for c in range(8)] for r in range(int(sys.argv[1]))]))
view.resize(1280, 800)
view.show()

def shown():
    for _ in range(3):
        app.processEvents()
    print(since_start(), flush=True)
    app.quit()

QTimer.singleShot(0, shown)
app.exec()
"""
)

DB_FLOOR = """
import datetime, json, sqlite3, sys
path, day, lead_days, active, info = sys.argv[1:]
horizon = (datetime.date.fromisoformat(day) + datetime.timedelta(days=int(lead_days))).isoformat()
conn = sqlite3.connect(path)
cursor = conn.execute(
    "SELECT s.*, p.mrn, p.name FROM care_item_state s JOIN patient p ON p.id = s.patient_id "
    "WHERE p.status = ? AND (s.severity IS NOT NULL OR s.due <= ?) "
    "AND (s.snoozed_until IS NULL OR s.snoozed_until < ?) "
    "AND (s.severity IS NULL OR s.severity != ? OR s.snoozed_until >= ?)",
    (active, horizon, day, info, day),
)
names = [d[0] for d in cursor.description]
rows = [dict(zip(names, row)) for row in cursor.fetchall()]
sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\\n")
"""

PANEL_BUDGET = 0.150  # seconds, from the issue
BUDGETS = {
    "start": 1.5,
    "start beyond the command": 0.5,
    "keystroke": 0.050,
    "patient": 0.250,
    "peak": 350 * 2**20,  # bytes
    "form opened": 0.100,  # issue 10: any form
    "entry saved": 0.050,  # issue 10: one entry, re-assessment included
    "lab panel beyond the services": 0.150,  # issue 10: six analytes, beyond six saves
}


@dataclass(frozen=True, slots=True)
class WindowRun:
    """What one window process reported, and its peak memory."""

    found: dict[str, Any]
    peak_bytes: int | None


def run_window(env: dict[str, str], patient: int, day: str, forms: bool = False) -> WindowRun:
    """Start the window offscreen in a fresh settings folder; what it timed (``forms``: the
    forms alone, mmtracker/ui/bench_forms.py)."""
    with tempfile.TemporaryDirectory() as home:
        window_env = {
            **env,
            "MMTRACKER_HOME": home,
            "QT_QPA_PLATFORM": "offscreen",
            WINDOW_ENV: f"{patient},{day}" + (",forms" if forms else ""),
        }
        run, out = run_process([sys.executable, "-m", "mmtracker.cli"], window_env)
    lines = [line for line in out.splitlines() if line.startswith(WINDOW_PREFIX)]
    if not lines:
        raise MeasureError(f"the window reported no timings: {out.strip()[:500]}")
    return WindowRun(json.loads(lines[-1][len(WINDOW_PREFIX) :]), run.peak_bytes)


def qt_floor(env: dict[str, str]) -> Run:
    """A bare QApplication with a 10,000-row table: seconds from its start to the rows shown."""
    floor_env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    run, out = run_process([sys.executable, "-c", QT_FLOOR, str(FLOOR_ROWS)], floor_env)
    return Run(float(out.split()[-1]), None, run.peak_bytes)


def db_floor(env: dict[str, str], path: str, day: str, lead_days: int) -> Run:
    """The stored worklist rows read with sqlite3 and written with json: the whole process."""
    from mmtracker.logic.care import Severity
    from mmtracker.logic.codes import PatientStatus

    argv = [sys.executable, "-c", DB_FLOOR, path, day, str(lead_days)]
    argv += [PatientStatus.ACTIVE.value, Severity.INFO.value]
    return run_process(argv, env, keep_output=False)[0]


def window_figures(runs: Sequence[WindowRun], floor: Figure, command: Figure) -> list[Figure]:
    """The window's figures over its runs; ``floor`` the bare table's, ``command`` the worklist's."""

    def figure(
        label: str,
        value: Callable[[dict[str, Any]], float],
        budget: float | None = None,
        peaks: bool = False,
    ) -> Figure:
        return Figure(
            label,
            [value(r.found) for r in runs],
            [r.peak_bytes if peaks else None for r in runs],
            budget,
        )

    start = figure(
        "window: start to the worklist shown", lambda f: f["worklist shown"], BUDGETS["start"], True
    )
    figures = [
        Figure(
            start.label,
            start.values,
            start.peaks,
            start.budget,
            floor=floor.label,
            beyond=command.label,
            beyond_budget=BUDGETS["start beyond the command"],
        ),
        figure(
            "window: start to the database open (engine, patient list)",
            lambda f: f["window open"],
        ),
        figure(
            "window: search keystroke, worklist (slowest)",
            lambda f: max(f["worklist keystrokes"]),
            BUDGETS["keystroke"],
        ),
        figure(
            "window: search keystroke, patient list (slowest)",
            lambda f: max(f["patient list keystrokes"]),
            BUDGETS["keystroke"],
        ),
        figure("window: patient opened, first of the session", lambda f: f["patient first"]),
        figure(
            "window: patient opened, after the first figure",
            lambda f: f["patient again"],
            BUDGETS["patient"],
        ),
    ]
    for session, shown, budget in (
        ("panels first", "first shown", None),
        ("panels again", "after the first figure", PANEL_BUDGET),
    ):
        for panel in runs[0].found[session]:
            values = [float(r.found[session][panel]) for r in runs]
            figures.append(Figure(f"window: {panel}, {shown}", values, [None] * len(runs), budget))
    return figures


def form_figures(runs: Sequence[WindowRun]) -> list[Figure]:
    """The forms' figures (issue 10) over runs of the window timing its forms alone."""
    forms = [r.found["forms"] for r in runs]
    none: list[int | None] = [None] * len(runs)
    return [
        Figure(
            "form opened, slowest of every kind's and the lab panel",
            [max(f["form opened"].values()) for f in forms],
            none,
            BUDGETS["form opened"],
        ),
        Figure(
            "one weight saved through its form (re-assessment included)",
            [f["entry saved through its form"] for f in forms],
            none,
            BUDGETS["entry saved"],
        ),
        Figure(
            "lab panel of six, opened to saved, beyond six saves through the services",
            [
                f["lab panel of six, opened to saved"] - f["six saves through the services"]
                for f in forms
            ],
            none,
            BUDGETS["lab panel beyond the services"],
        ),
        Figure(
            "floor: six lab results saved through the services, in the window's process",
            [f["six saves through the services"] for f in forms],
            none,
        ),
    ]


def keystrokes(runs: Sequence[WindowRun]) -> str:
    """The keystrokes' median, over every run, in both lists."""
    worklist = [t for r in runs for t in r.found["worklist keystrokes"]]
    patients = [t for r in runs for t in r.found["patient list keystrokes"]]
    return (
        f"{len(runs[0].found['worklist keystrokes'])} keystrokes per list; median "
        f"{statistics.median(worklist) * 1000:.1f} ms (worklist), "
        f"{statistics.median(patients) * 1000:.1f} ms (patient list)"
    )


def peak_line(runs: Sequence[WindowRun]) -> str:
    """The window's highest peak resident memory against its budget."""
    known = [r.peak_bytes for r in runs if r.peak_bytes is not None]
    if not known:
        return "window peak memory: not measured here"
    peak = max(known)
    met = "met" if peak <= BUDGETS["peak"] else "OVER"
    return f"window peak memory {peak / 2**20:.0f} MB (≤ {BUDGETS['peak'] / 2**20:.0f} MB {met})"


def sqlite_path(url_database: str | None) -> Path | None:
    """The file of an SQLite database (None for another database or one in memory)."""
    if not url_database or url_database == ":memory:":
        return None
    return Path(os.path.abspath(url_database))
