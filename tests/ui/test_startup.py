"""Start-up: the window is shown at once, saying that its database is being opened; the
database layer loads and the database opens off the GUI thread, then the list shows."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mmtracker.cli import main
from mmtracker.config import paths, sqlite_url
from mmtracker.ui.app import open_main_window
from mmtracker.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 60

# Opens the demo database as the application does, with the worker held back until the
# window has been shown, and reports what the window showed then and once it was loaded.
SHOW_THEN_LOAD = textwrap.dedent(
    """
    import datetime as dt
    import json
    import sys
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import mmtracker.cli
    from mmtracker.ui import app

    HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "mmtracker.storage", "mmtracker.workflows")
    released = threading.Event()
    opening = app._open


    def held_open(*args):
        released.wait(60)
        return opening(*args)


    app._open = held_open


    def seen(window):
        return {
            "visible": window.isVisible(),
            "title": window.windowTitle(),
            "status": window.statusBar().currentMessage(),
            "rows": window.patients.model.rowCount(),
            "count": window.patients.count_label.text(),
            "database_layer": sorted(m for m in sys.modules if m.startswith(HEAVY)),
        }


    qapp = QApplication(sys.argv[:1])
    window = app.open_main_window(None, True, dt.date.today(), offer_demo=True)
    window.show()
    qapp.processEvents()
    shown = seen(window)
    released.set()
    window.loaded.connect(qapp.quit)
    QTimer.singleShot(60_000, qapp.quit)
    qapp.exec()
    print(json.dumps({"shown": shown, "loaded": seen(window)}))
    window.close()
    """
)


def test_the_window_is_shown_before_the_database_layer_is_imported() -> None:
    # MMTRACKER_HOME is a folder of this test's own (conftest): a small demo database there.
    assert main(["demo", "--patients", "3", "--seed", "1"]) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SHOW_THEN_LOAD],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["shown"] == {
        "visible": True,
        "title": "mmtracker — DEMO",
        "status": "Opening the database…",
        "rows": 0,
        "count": "",
        "database_layer": [],
    }
    loaded = seen["loaded"]
    assert loaded["title"] == f"mmtracker — DEMO — {paths().demo_database}"
    assert (loaded["rows"], loaded["count"], loaded["status"]) == (3, "Patients: 3", "")
    assert "sqlalchemy" in loaded["database_layer"]


def test_the_window_says_it_is_opening_until_the_list_is_read(
    qtbot: QtBot, clinic_path: Path
) -> None:
    window = open_main_window(sqlite_url(clinic_path), False, dt.date.today(), offer_demo=True)
    qtbot.addWidget(window)
    window.show()
    # Nothing of the worker's reaches the window before the event loop runs.
    assert not window.is_open()
    assert window.windowTitle() == "mmtracker"
    assert window.statusBar().currentMessage() == "Opening the database…"
    assert window.patients.model.rowCount() == 0
    with qtbot.waitSignal(window.loaded, timeout=TIMEOUT_S * 1000):
        pass
    assert window.is_open()
    assert window.windowTitle() == f"mmtracker — {clinic_path}"
    assert window.statusBar().currentMessage() == ""
    assert window.patients.model.rowCount() == 3
    assert window.patients.count_label.text() == "Patients: 3"


def test_the_opening_state_in_chinese(qtbot: QtBot, chinese: None) -> None:
    window = MainWindow(demo=True)
    qtbot.addWidget(window)
    assert window.windowTitle() == "mmtracker — 演示数据库 DEMO"
    assert window.statusBar().currentMessage() == "正在打开数据库…"


def test_a_window_closed_while_opening_waits_for_it_and_shows_nothing(
    qtbot: QtBot, clinic_path: Path
) -> None:
    window = open_main_window(sqlite_url(clinic_path), False, dt.date.today(), offer_demo=True)
    qtbot.addWidget(window)
    window.show()
    window.close()  # waits for the opening to end
    qtbot.wait(100)  # its result arrives, and is set aside
    assert not window.is_open()
    assert window.patients.model.rowCount() == 0
    assert not window.poll_timer.isActive()


def test_accepting_the_demo_on_an_empty_database_opens_the_demo(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, register: Any
) -> None:
    from mmtracker.workflows import open_engine

    demo = open_engine(sqlite_url(paths().demo_database))
    register(demo, [("DEMO-1", "Demo Patient", "F", "1960-01-01", (), ())])
    demo.dispose()
    asked: list[str] = []

    def accept(_parent: object, title: str, _text: str) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", accept)
    window = open_main_window(None, False, dt.date.today(), offer_demo=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_open, timeout=TIMEOUT_S * 1000)
    assert asked == ["Open the demo database?"]
    assert window.windowTitle() == f"mmtracker — DEMO — {paths().demo_database}"
    assert window.patients.model.patient_row(0).name == "Demo Patient"


# Opens the demo database, its stored state up to date for today, with the engine's opening
# held back: reports what the window showed before the engine and once it was open.
FIRST_LOOK = textwrap.dedent(
    """
    import datetime as dt
    import json
    import sys
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import mmtracker.cli
    from mmtracker.ui import app

    released = threading.Event()
    connecting = app._connect


    def held_connect(look):
        released.wait(60)
        return connecting(look)


    app._connect = held_connect


    def seen(window):
        return {
            "open": window.is_open(),
            "title": window.windowTitle(),
            "worklist": window.worklist.model.rowCount(),
            "patients": window.patients.model.rowCount(),
            "tabs": window.patient_tabs.count(),
            "sqlalchemy": "sqlalchemy" in sys.modules,
        }


    qapp = QApplication(sys.argv[:1])
    window = app.open_main_window(None, True, dt.date.today(), offer_demo=True)
    window.show()
    looks = []


    def first_look():
        looks.append(seen(window))
        row = window.worklist.model.row_at(0)
        window.worklist.acknowledge_requested.emit([row])  # no engine yet to write with
        looks.append(window.statusBar().currentMessage())
        window.open_patient(row.patient_id)  # Enter, so early
        released.set()


    window.worklist.loaded.connect(first_look)
    window.loaded.connect(qapp.quit)
    QTimer.singleShot(60_000, qapp.quit)
    qapp.exec()
    print(json.dumps({"first": looks[0], "acknowledging": looks[1], "loaded": seen(window)}))
    window.close()
    """
)


def test_an_up_to_date_file_shows_its_worklist_before_the_database_layer_is_imported() -> None:
    """The worklist of an SQLite file that needs nothing done first is read straight through
    sqlite3 (mmtracker/storage/direct.py); the engine and the patient list follow, and a
    patient asked for meanwhile opens then; an acknowledgement asked for meanwhile is
    refused with a word why."""
    assert main(["demo", "--patients", "5", "--seed", "1"]) == 0
    assert main(["--demo", "worklist"]) == 0  # the stored care-item state made for today
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_LOOK],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    title = f"mmtracker — DEMO — {paths().demo_database}"
    first = seen["first"]
    assert first["worklist"] > 0
    assert first == {**first, "open": False, "title": title, "patients": 0, "tabs": 0}
    assert first["sqlalchemy"] is False
    assert seen["acknowledging"] == "The database is still being opened: try again in a moment."
    loaded = seen["loaded"]
    assert loaded == {**loaded, "open": True, "title": title, "patients": 5, "tabs": 1}
    assert loaded["worklist"] == first["worklist"]
