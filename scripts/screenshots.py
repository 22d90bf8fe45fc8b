"""Regenerate the screenshots of the window (docs/screenshots/) from a demo database, headless.

    .venv/bin/python scripts/screenshots.py [--out FOLDER]

The demo database (a fixed seed, as of a fixed day) is written into a temporary
``MMTRACKER_HOME``, so neither the user's databases nor their window settings are
touched; the Chinese catalogues are built first (scripts/build_translations.py);
the real main window is opened on it offscreen at 1440×900, and each
picture is taken once the window's background reads have delivered (the worklist's
day, the patient's data), never after a guessed pause. The patient shown is the
demo patient with the richest course (a transplant, MRD results, most entries).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from mmtracker.storage.records import NewRecord
    from mmtracker.ui.main_window import MainWindow
    from mmtracker.ui.patient.view import PatientView

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
DAY = dt.date(2026, 3, 2)
"""The demo's day, and the window's today."""
PATIENTS = 60
SEED = 1
SIZE = (1440, 900)
TIMEOUT_S = 120.0
SHOTS = (
    "worklist.png",
    "worklist-dental-bone.png",
    "patient-items.png",
    "patient-trends.png",
    "patient-timeline.png",
    "patient-details.png",
    "worklist-zh.png",
    "patient-trends-zh.png",
    "patient-timeline-zh.png",
)
"""The pictures of the window written, in the order they are taken (at SIZE)."""
FORM_SHOTS = (
    "form-new-patient.png",
    "form-lab-panel.png",
    "form-dental.png",
    "form-settings.png",
    "form-new-patient-zh.png",
    "form-lab-panel-zh.png",
    "form-dental-zh.png",
    "form-settings-zh.png",
)
"""The pictures of the forms, each at its own size, in English then in Chinese."""


def richest(records: list[NewRecord]) -> int:
    """The index of the record with a transplant performed and MRD results, most entries first."""
    from mmtracker.logic.history import Transplant

    def score(number: int) -> tuple[bool, int]:
        entries = records[number].entries
        transplanted = any(
            isinstance(t, Transplant) and t.performed_date for t in entries.get("transplants", ())
        )
        rich = transplanted and bool(entries.get("mrd_tests"))
        return rich, sum(len(kind) for kind in entries.values())

    return max(range(len(records)), key=score)


def wait_until(app: QApplication, done: Callable[[], bool], what: str) -> None:
    """Handle the window's events until ``done()`` (the worker threads deliver as events)."""
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {TIMEOUT_S:.0f} s for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)


def settled(window: MainWindow) -> bool:
    """No background read or care-item update is running."""
    from mmtracker.ui.workers import busy

    return busy().count == 0 and not window.care_update_running()


def take(app: QApplication, window: MainWindow, out: Path, name: str) -> Path:
    """Save the window as it is drawn now, once its pending events are handled."""
    wait_until(app, lambda: settled(window), f"the window to settle before {name}")
    app.processEvents()
    path = out / name
    if not window.grab().save(str(path), "PNG"):
        raise OSError(f"{path} could not be written")
    return path


def take_form(app: QApplication, form: QWidget, out: Path, name: str) -> Path:
    """Save a form (a dialog of its own) as it is drawn now, then close it."""
    form.show()
    for _ in range(3):
        app.processEvents()
    path = out / name
    if not form.grab().save(str(path), "PNG"):
        raise OSError(f"{path} could not be written")
    form.deleteLater()
    form.hide()
    return path


def forms(
    app: QApplication, window: MainWindow, view: PatientView, out: Path, names: Sequence[str]
) -> list[Path]:
    """The new-patient form filled in, a lab panel with a value out of range, a dental check."""
    from mmtracker.config import load_policy
    from mmtracker.logic.codes import Analyte
    from mmtracker.ui.forms.entry_dialog import EntryDialog
    from mmtracker.ui.forms.lab_panel import LabPanelDialog
    from mmtracker.ui.forms.patient_dialog import NewPatientDialog
    from mmtracker.ui.settings_dialog import SettingsDialog

    context, data = view.form_context(), view.data()
    assert context is not None
    assert data is not None
    new = NewPatientDialog(context.engine, load_policy(), DAY, window)
    for name, value in (("mrn", "MM-0999"), ("name", "李娜"), ("date_of_birth", "1962-07-15")):
        new.editors[name].set_value(
            dt.date.fromisoformat(value) if name == "date_of_birth" else value
        )
    shots = [take_form(app, new, out, names[0])]
    panel = LabPanelDialog(context, data.history, window)
    panel.time.set_value(dt.time(7, 45))
    for analyte, value in (
        (Analyte.SERUM_MPROTEIN, 12.0),
        (Analyte.FLC_KAPPA, 240.0),
        (Analyte.FLC_LAMBDA, 12.0),
        (Analyte.CALCIUM, 25.0),  # out of range: said beside it
        (Analyte.ALBUMIN, 34.0),
        (Analyte.CREATININE, 100.0),
    ):
        panel.row(analyte).value.set_value(value)
    shots.append(take_form(app, panel, out, names[1]))
    dental = EntryDialog("dental_exams", context, None, window)
    dental.editors["outcome"].set_value("fit_for_bone_therapy")
    dental.editors["invasive_procedure"].set_value("none")
    dental.editors["note"].set_value("No caries; panoramic X-ray clear")
    shots.append(take_form(app, dental, out, names[2]))
    settings = SettingsDialog(window, load_policy())
    settings.resize(900, 620)
    shots.append(take_form(app, settings, out, names[3]))
    return shots


def shoot(out: Path) -> list[Path]:
    """Fill a demo database in the current ``MMTRACKER_HOME``, open the window, take the pictures."""
    from PySide6.QtWidgets import QApplication

    from mmtracker import i18n
    from mmtracker.config import load_policy, paths, sqlite_url
    from mmtracker.demo import generate_records
    from mmtracker.logic.families import Family
    from mmtracker.ui.main_window import MainWindow, Place
    from mmtracker.ui.patient.view import PatientView
    from mmtracker.workflows import fill_demo, open_engine

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setCursorFlashTime(0)  # a caret that never blinks: the same pictures on every run
    i18n.install(app, "en")
    engine = open_engine(sqlite_url(paths().data / "demo.sqlite"))
    ids = fill_demo(engine, PATIENTS, SEED, DAY, "demo")
    patient_id = ids[richest(generate_records(PATIENTS, SEED, DAY))]

    window = MainWindow(engine, demo=True, today=lambda: DAY, policy=load_policy())
    window.resize(*SIZE)
    window.show()
    taken: list[Path] = []
    try:
        wait_until(app, lambda: window.worklist.as_of() == DAY, "the worklist")
        taken.append(take(app, window, out, SHOTS[0]))
        window.worklist.set_families({Family.DENTAL, Family.BONE_THERAPY})
        taken.append(take(app, window, out, SHOTS[1]))
        window.worklist.set_families(set())

        window.open_patient(patient_id)
        view = window.patient_tabs.currentWidget()
        assert isinstance(view, PatientView)
        wait_until(app, lambda: view.data() is not None, "the patient")
        taken.append(take(app, window, out, SHOTS[2]))
        for panel, name in (
            (view.trends, SHOTS[3]),
            (view.timeline, SHOTS[4]),
            (view.details, SHOTS[5]),
        ):
            view.tabs.setCurrentWidget(panel)
            taken.append(take(app, window, out, name))
        taken += forms(app, window, view, out, FORM_SHOTS[:4])

        window.set_language("zh_CN")
        window.show_place(Place.WORKLIST)
        taken.append(take(app, window, out, SHOTS[6]))
        window.show_place(Place.PATIENT)
        for panel, name in ((view.trends, SHOTS[7]), (view.timeline, SHOTS[8])):
            view.tabs.setCurrentWidget(panel)
            taken.append(take(app, window, out, name))
        taken += forms(app, window, view, out, FORM_SHOTS[4:])
    finally:
        i18n.install(app, "en")
        window.close()
        window.deleteLater()
        app.processEvents()
        engine.dispose()
    return taken


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots into ``--out`` (docs/screenshots/ by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder of the pictures")
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    build = ROOT / "scripts" / "build_translations.py"
    subprocess.run([sys.executable, str(build)], check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory(prefix="mmtracker-screens-") as home:
        os.environ["MMTRACKER_HOME"] = home
        for path in shoot(out):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
