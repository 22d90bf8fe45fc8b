"""Start the application: language, database, main window.

``MMTRACKER_QUIT_WHEN_SHOWN=1`` makes the application quit as soon as its main
window is shown, after printing one line with the time since the process started
(the smoke test of the frozen build, packaging/build, and tests/test_packaging.py).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, OperationalError

from mmtracker import i18n
from mmtracker.config import actor, database_url, load_policy, resource_path
from mmtracker.logic.policy import Policy, PolicyError
from mmtracker.storage.engine import StorageError
from mmtracker.ui.main_window import MainWindow, database_label
from mmtracker.workflows import open_demo_engine, open_engine, patient_count

EXIT_FAILURE = 1
QUIT_WHEN_SHOWN_ENV = "MMTRACKER_QUIT_WHEN_SHOWN"
# packaging/mmtracker.desktop, which names the window's icon on Wayland
DESKTOP_FILE_NAME = "mmtracker"


def run(database: str | None, demo: bool, lang: str | None) -> int:
    """Show the main window until it is closed; 1 when no database could be opened."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("mmtracker")
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "mmtracker.png"))))
    i18n.install(app, lang or i18n.system_language())
    window = open_main_window(database, demo, dt.date.today(), offer_demo=True)
    if window is None:
        return EXIT_FAILURE
    window.show()
    if os.environ.get(QUIT_WHEN_SHOWN_ENV) == "1":
        # Runs once the events of showing the window have been handled.
        QTimer.singleShot(0, window, lambda: _report_shown_and_close(window))
    return app.exec()


def _report_shown_and_close(window: MainWindow) -> None:
    """Print how long the start took, then close the window (and so quit)."""
    elapsed = seconds_since_process_start()
    if sys.stdout is not None:  # a windowed program on Windows has no standard output
        took = "" if elapsed is None else f" {elapsed:.2f} s after the process started"
        sys.stdout.write(f"mmtracker: main window shown{took}\n")
        sys.stdout.flush()
    window.close()


def seconds_since_process_start() -> float | None:
    """Wall-clock seconds since this process started (Linux, 10 ms steps); None elsewhere.

    The start is the kernel's, so a frozen build's launcher and the interpreter's own
    start are counted too.
    """
    stat, uptime = Path("/proc/self/stat"), Path("/proc/uptime")
    if not (stat.exists() and uptime.exists()):
        return None
    # Field 22 is the start time in clock ticks since boot; the fields after the
    # command name, which may itself hold spaces and parentheses, start at field 3.
    fields = stat.read_text().rsplit(")", 1)[1].split()
    started = int(fields[22 - 3]) / os.sysconf("SC_CLK_TCK")
    return float(uptime.read_text().split()[0]) - started


def open_main_window(
    database: str | None, demo: bool, today: dt.date, *, offer_demo: bool
) -> MainWindow | None:
    """The main window on the chosen database, or None after explaining why it cannot open.

    With ``offer_demo``, an empty normal database brings the offer to open the
    separate demo database instead.
    """
    url = ""
    try:
        url = database_url(database, demo=demo)
        engine = _open(url, demo, today)
        if not demo and offer_demo and patient_count(engine) == 0 and _accepts_demo():
            engine.dispose()
            demo = True
            url = database_url(None, demo=True)
            engine = _open(url, demo, today)
    except (StorageError, OperationalError, ArgumentError, OSError, ValueError) as exc:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "mmtracker cannot open the database"),
            QCoreApplication.translate(
                "app", "The database could not be opened:\n{database}\n\n{error}"
            ).format(database=database_label(url), error=exc),
        )
        return None
    return MainWindow(engine, demo=demo, policy=_policy())


def _policy() -> Policy | None:
    """The care policy, or None after explaining why the clinic policy file was refused."""
    try:
        return load_policy()
    except (PolicyError, OSError) as exc:
        problems = exc.problems if isinstance(exc, PolicyError) else [str(exc)]
        QMessageBox.warning(
            None,
            QCoreApplication.translate("app", "The clinic policy file was refused"),
            QCoreApplication.translate(
                "app",
                "The care items are not brought up to date until the clinic policy file "
                "is corrected:\n\n{problems}",
            ).format(problems="\n".join(problems)),
        )
        return None


def _open(url: str, demo: bool, today: dt.date) -> Engine:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return open_demo_engine(url, actor(), today) if demo else open_engine(url)
    finally:
        QApplication.restoreOverrideCursor()


def _accepts_demo() -> bool:
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("app", "Open the demo database?"),
        QCoreApplication.translate(
            "app",
            "This database holds no patients yet.\n\n"
            "Would you like to explore mmtracker with the demo database of made-up patients? "
            "It is kept apart from your database: no demo patient ever enters it.",
        ),
    )
    return answer == QMessageBox.StandardButton.Yes
