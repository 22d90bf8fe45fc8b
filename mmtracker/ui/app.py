"""Start the application: language, database, main window."""

from __future__ import annotations

import datetime as dt
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, OperationalError

from mmtracker import i18n
from mmtracker.config import actor, database_url, load_policy
from mmtracker.logic.policy import Policy, PolicyError
from mmtracker.storage.engine import StorageError
from mmtracker.ui.main_window import MainWindow, database_label
from mmtracker.workflows import open_demo_engine, open_engine, patient_count

EXIT_FAILURE = 1


def run(database: str | None, demo: bool, lang: str | None) -> int:
    """Show the main window until it is closed; 1 when no database could be opened."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("mmtracker")
    i18n.install(app, lang or i18n.system_language())
    window = open_main_window(database, demo, dt.date.today(), offer_demo=True)
    if window is None:
        return EXIT_FAILURE
    window.show()
    return app.exec()


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
