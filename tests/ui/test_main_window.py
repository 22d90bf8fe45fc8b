"""The main window on a real SQLite file: the patient list, the search box, titles, languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from mmtracker.config import load_policy, paths, sqlite_url
from mmtracker.storage import patient_list
from mmtracker.storage.engine import StorageError
from mmtracker.storage.services import add_entry
from mmtracker.ui import app
from mmtracker.ui.app import open_main_window, run
from mmtracker.ui.main_window import MainWindow
from mmtracker.ui.patients.model import Column
from mmtracker.workflows import open_engine

ALL_NAMES = ["Alice Martin", "Zhang Wei", "王小明"]


def visible(window: MainWindow) -> list[list[Any]]:
    """What the table shows, row by row."""
    proxy = window.patients.table.model()
    return [
        [proxy.index(r, c).data() for c in range(proxy.columnCount())]
        for r in range(proxy.rowCount())
    ]


def names(window: MainWindow) -> list[str]:
    return [row[Column.NAME] for row in visible(window)]


def type_into(qtbot: QtBot, box: QLineEdit, typed: str) -> None:
    """Type as a user does: Latin text key by key, Chinese as an input method commits it."""
    if typed.isascii():
        qtbot.keyClicks(box, typed)
        return
    event = QInputMethodEvent()
    event.setCommitString(typed)
    QApplication.sendEvent(box, event)


@pytest.fixture
def window(qtbot: QtBot, clinic: Engine, today: dt.date) -> MainWindow:
    shown = MainWindow(clinic, demo=False, today=lambda: today)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_lists_every_patient_with_age_phase_and_last_visit(window: MainWindow) -> None:
    headers = [
        window.patients.table.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(len(Column))
    ]
    assert headers == ["MRN", "Name", "Age", "Phase", "Last visit", "Next visit"]
    assert visible(window) == [
        ["MM-010", "Alice Martin", 56, "SMM", "2025-12-01", ""],  # 56 on her birthday
        ["MM-001", "Zhang Wei", 67, "NDMM", "2026-02-20", ""],  # no next visit booked
        ["MM-002", "王小明", 60, "ASCT", "", ""],
    ]
    assert window.patients.count_label.text() == "Patients: 3"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("mm-00", ["Zhang Wei", "王小明"]),  # MRN, any case
        ("MM-010", ["Alice Martin"]),
        ("wei", ["Zhang Wei"]),  # part of a name, any case
        ("小明", ["王小明"]),  # Chinese
        ("王", ["王小明"]),
        ("  alice ", ["Alice Martin"]),  # surrounding spaces ignored
        ("nobody", []),
    ],
)
def test_search_box_filters_as_you_type(
    qtbot: QtBot, window: MainWindow, typed: str, expected: list[str]
) -> None:
    assert window.patients.search_box.placeholderText() == "Search by MRN or name"
    type_into(qtbot, window.patients.search_box, typed)
    assert names(window) == expected
    if expected != ALL_NAMES:
        assert window.patients.count_label.text() == f"Patients: {len(expected)} of 3"


def test_clearing_the_search_shows_everyone_again(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.patients.search_box, "zhang")
    assert names(window) == ["Zhang Wei"]
    window.patients.search_box.clear()
    assert names(window) == ALL_NAMES
    assert window.patients.count_label.text() == "Patients: 3"


def test_title_names_the_database_and_says_demo_only_on_the_demo(
    qtbot: QtBot, clinic: Engine, clinic_path: Path
) -> None:
    normal = MainWindow(clinic, demo=False)
    demo = MainWindow(clinic, demo=True)
    qtbot.addWidget(normal)
    qtbot.addWidget(demo)
    assert normal.windowTitle() == f"mmtracker — {clinic_path}"
    assert "DEMO" not in normal.windowTitle()
    assert demo.windowTitle() == f"mmtracker — DEMO — {clinic_path}"


def test_models_pass_the_model_tester(qtmodeltester: Any, window: MainWindow) -> None:
    qtmodeltester.check(window.patients.model)
    qtmodeltester.check(window.patients.model)


def test_chinese_interface(qtbot: QtBot, chinese: None, clinic: Engine, today: dt.date) -> None:
    window = MainWindow(clinic, demo=True, today=lambda: today)
    qtbot.addWidget(window)
    headers = [
        window.patients.table.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(len(Column))
    ]
    assert headers == ["病历号", "姓名", "年龄", "病程阶段", "末次就诊", "下次就诊"]
    assert window.windowTitle().startswith("mmtracker — 演示数据库 DEMO — ")
    assert window.patients.search_box.placeholderText() == "按病历号或姓名搜索"
    assert window.patients.count_label.text() == "患者：3 例"
    tooltips = [
        window.patients.table.model().index(r, Column.PHASE).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(3)
    ]
    # Glossary: the abbreviation alone in a narrow column, the Chinese term in its tooltip.
    assert [window.patients.table.model().index(r, Column.PHASE).data() for r in range(3)] == [
        "SMM",
        "NDMM",
        "ASCT",
    ]
    assert tooltips == [
        "冒烟型骨髓瘤（SMM）",
        "新诊断多发性骨髓瘤（NDMM）",
        "自体造血干细胞移植（ASCT）",
    ]


def test_another_workstations_change_shows_at_the_next_poll(
    qtbot: QtBot, window: MainWindow, clinic_path: Path, register: Any, today: dt.date
) -> None:
    assert window.poll_timer.interval() == 60_000
    assert window.poll_timer.isActive()
    other = open_engine(sqlite_url(clinic_path))
    register(other, [("MM-020", "Bob Li", "M", "1950-06-01", (), ())])
    other.dispose()
    assert "Bob Li" not in names(window)
    window.poll()  # read off the GUI thread
    qtbot.waitUntil(lambda: names(window) == ["Alice Martin", "Bob Li", "Zhang Wei", "王小明"])


def test_poll_without_changes_reads_nothing_more(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[bool] = []

    def counted(engine: Engine) -> dict[int, int]:
        read.append(True)
        return original(engine)

    def refuse(*_: object) -> None:
        raise AssertionError("the list was read again though nothing changed")

    original = patient_list.revisions
    monkeypatch.setattr(patient_list, "revisions", counted)
    monkeypatch.setattr(patient_list, "patient_list", refuse)
    window.poll()
    qtbot.waitUntil(lambda: bool(read) and not window.statusBar().currentMessage())
    qtbot.wait(50)  # what the poll read is handed back
    assert window.statusBar().currentMessage() == ""


def test_a_poll_reloads_only_the_open_patients_another_workstation_wrote_to(
    qtbot: QtBot,
    clinic: Engine,
    clinic_path: Path,
    today: dt.date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mmtracker.ui.patient.view import PatientView

    window = MainWindow(clinic, demo=False, today=lambda: today, policy=load_policy(None))
    qtbot.addWidget(window)
    window.show()
    ids = [window.patients.model.patient_row(row).patient_id for row in range(2)]
    for patient_id in ids:
        window.open_patient(patient_id)
    views = {v.patient_id: v for v in window._patient_views()}
    qtbot.waitUntil(lambda: all(v.data() is not None for v in views.values()))
    reloaded: list[int] = []
    reload = PatientView.reload

    def counted(view: PatientView) -> None:
        reloaded.append(view.patient_id)
        reload(view)

    monkeypatch.setattr(PatientView, "reload", counted)
    other = open_engine(sqlite_url(clinic_path))
    add_entry(
        other, ids[1], "weights", {"date": today.isoformat(), "weight_kg": 70.0}, "nurse", today
    )
    other.dispose()
    window.poll()
    qtbot.waitUntil(lambda: reloaded == [ids[1]])
    qtbot.wait(100)  # nothing more comes
    assert reloaded == [ids[1]]


def test_own_write_refreshes_through_the_hub_and_keeps_the_selection(
    qtbot: QtBot, window: MainWindow, clinic: Engine, today: dt.date
) -> None:
    window.patients.table.selectRow(1)
    assert window.patients.selected_patient_id() is not None
    zhang = window.patients.selected_patient_id()
    change = add_entry(
        clinic, zhang, "phase_changes", {"date": "2024-06-01", "phase": "ASCT"}, "nurse", today
    )
    window.hub.patient_changed.emit(change.patient_id)
    qtbot.waitUntil(lambda: visible(window)[1][Column.PHASE] == "ASCT")
    assert window.patients.selected_patient_id() == zhang


def test_the_day_turning_refreshes_ages(qtbot: QtBot, clinic: Engine) -> None:
    day = [dt.date(2026, 4, 1)]
    window = MainWindow(clinic, demo=False, today=lambda: day[0])
    qtbot.addWidget(window)
    assert visible(window)[1][Column.AGE] == 67
    day[0] = dt.date(2026, 4, 2)  # Zhang Wei's birthday
    window.poll()
    qtbot.waitUntil(lambda: visible(window)[1][Column.AGE] == 68)


def test_a_database_that_cannot_be_read_is_reported_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable(*_: object) -> None:
        raise StorageError("server closed the connection")

    monkeypatch.setattr(patient_list, "revisions", unreachable)
    window.poll()
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage()
            == "The database could not be read: server closed the connection"
        )
    )
    assert names(window) == ALL_NAMES


class Dialogs:
    """Records the message boxes the application would show."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> None:
        self.critical: list[str] = []
        self.questions: list[str] = []
        monkeypatch.setattr(QMessageBox, "critical", self._critical)
        monkeypatch.setattr(QMessageBox, "question", self._question)
        self.answer = answer

    def _critical(self, _parent: object, title: str, message: str) -> None:
        self.critical.append(f"{title}: {message}")

    def _question(self, _parent: object, title: str, _message: str) -> QMessageBox.StandardButton:
        self.questions.append(title)
        return self.answer


def test_open_on_a_database_with_patients_asks_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clinic_path: Path, today: dt.date
) -> None:
    dialogs = Dialogs(monkeypatch, QMessageBox.StandardButton.Yes)
    window = open_main_window(sqlite_url(clinic_path), False, today, offer_demo=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_open)  # the database opens off the GUI thread
    assert dialogs.questions == []
    assert names(window) == ALL_NAMES
    window.close()


def test_empty_database_offers_the_demo_and_stays_empty_when_declined(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, today: dt.date
) -> None:
    dialogs = Dialogs(monkeypatch, QMessageBox.StandardButton.No)
    window = open_main_window(None, False, today, offer_demo=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_open)
    assert dialogs.questions == ["Open the demo database?"]
    assert window.windowTitle() == f"mmtracker — {paths().database}"
    assert names(window) == []
    assert window.patients.count_label.text() == "Patients: 0"
    assert not paths().demo_database.exists()


def test_demo_database_opens_apart_with_demo_in_the_title(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, register: Any, today: dt.date
) -> None:
    demo = open_engine(sqlite_url(paths().demo_database))
    register(demo, [("DEMO-1", "Demo Patient", "F", "1960-01-01", (), ())])
    demo.dispose()
    dialogs = Dialogs(monkeypatch, QMessageBox.StandardButton.No)
    window = open_main_window(None, True, today, offer_demo=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_open)
    assert dialogs.questions == []
    assert window.windowTitle() == f"mmtracker — DEMO — {paths().demo_database}"
    assert names(window) == ["Demo Patient"]


def too_new_database(path: Path) -> str:
    url = sqlite_url(path)
    engine = open_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    engine.dispose()
    return url


def test_storage_error_is_a_critical_dialog_and_no_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, today: dt.date
) -> None:
    dialogs = Dialogs(monkeypatch, QMessageBox.StandardButton.No)
    url = too_new_database(tmp_path / "new.sqlite")
    refused: list[bool] = []
    window = open_main_window(
        url, False, today, offer_demo=True, refused=lambda: refused.append(True)
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.isVisible())  # the window closes once it is explained
    assert refused == [True]
    assert not window.is_open()
    assert len(dialogs.critical) == 1
    assert dialogs.critical[0].startswith(
        f"mmtracker cannot open the database: The database could not be opened:\n{tmp_path / 'new.sqlite'}\n\n"
    )
    assert "newer than this version of mmtracker" in dialogs.critical[0]


def test_run_exits_1_when_the_database_cannot_be_opened(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialogs = Dialogs(monkeypatch, QMessageBox.StandardButton.No)
    url = too_new_database(tmp_path / "new.sqlite")
    assert run(database=url, demo=False, lang="en") == app.EXIT_FAILURE
    assert len(dialogs.critical) == 1


@pytest.mark.parametrize(
    ("name", "said"), [("typo.sqlite", "no database at"), ("no-folder/typo.sqlite", "no folder")]
)
def test_a_mistyped_database_file_is_refused_not_made(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    today: dt.date,
    name: str,
    said: str,
) -> None:
    """As the command line does: a new empty file would read as a clinic with nothing due."""
    dialogs = Dialogs(monkeypatch, QMessageBox.StandardButton.No)
    path = tmp_path / name
    window = open_main_window(sqlite_url(path), False, today, offer_demo=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert dialogs.questions == []  # no demo offered for it
    assert len(dialogs.critical) == 1
    assert said in dialogs.critical[0]
    assert not path.exists()


def test_the_window_settings_file_is_its_owners_only(qtbot: QtBot) -> None:
    """Qt writes its settings through a file that keeps the old one's mode, not the umask's."""
    import os

    from mmtracker.config import paths
    from mmtracker.ui.main_window import SETTINGS_FILE, window_settings

    old = os.umask(0o022)
    try:
        settings = window_settings()
        settings.setValue("view/units", "SI")
        settings.sync()
    finally:
        os.umask(old)
    assert (paths().config / SETTINGS_FILE).stat().st_mode & 0o777 == 0o600
