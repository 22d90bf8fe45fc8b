"""Settings: units and language applied at once; clinic name and database kept in the
settings file; a database tested without being changed; the policy in force listed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from logic.builders import policy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from mmtracker import i18n
from mmtracker.config import paths, sqlite_url
from mmtracker.logic.units import UnitSystem
from mmtracker.ui.main_window import MainWindow
from mmtracker.ui.settings_dialog import SettingsDialog
from mmtracker.workflows import patient_count

WAIT_MS = 20_000


def open_settings(
    qtbot: QtBot, clinic: Engine, today: dt.date
) -> tuple[MainWindow, SettingsDialog]:
    """A window on ``clinic``, and its Settings opened as a user opens them."""
    window = MainWindow(clinic, demo=False, today=lambda: today, policy=policy())
    qtbot.addWidget(window)
    window.open_settings()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SettingsDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SettingsDialog)
    return window, dialog


def test_settings_are_applied_kept_and_the_policy_listed(
    qtbot: QtBot, qapp: QApplication, clinic: Engine, clinic_path: Path, today: dt.date
) -> None:
    window, dialog = open_settings(qtbot, clinic, today)
    keys = [dialog.policy.item(r, 0).text() for r in range(dialog.policy.rowCount())]
    assert "lead_days" in keys
    row = keys.index("snooze.max_days")
    assert dialog.policy.item(row, 1).text() == "90"  # clinical-rules.md §11 Status default
    assert dialog.policy.item(row, 2).text() == "shipped"
    assert "§11" in dialog.policy.item(row, 4).text()

    before = clinic_path.stat().st_mtime_ns
    dialog.database.setText(sqlite_url(clinic_path))
    dialog.test()
    qtbot.waitUntil(lambda: dialog.tested.text().startswith("Connected"), timeout=WAIT_MS)
    assert dialog.tested.text().endswith(f", {patient_count(clinic)} patients")
    assert clinic_path.stat().st_mtime_ns == before  # tested, not changed

    dialog.database.setText(sqlite_url(clinic_path.parent / "typo.sqlite"))
    dialog.test()
    qtbot.waitUntil(lambda: "no database at" in dialog.tested.text(), timeout=WAIT_MS)

    dialog.units.setCurrentIndex(dialog.units.findData(UnitSystem.CONVENTIONAL.value))
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.clinic.setText("Hematology Day Unit")
    dialog.database.setText(sqlite_url(clinic_path))
    try:
        dialog.accept()
        assert window.units() is UnitSystem.CONVENTIONAL
        assert window.language() == "zh_CN"
        saved = json.loads(paths().settings_file.read_text(encoding="utf-8"))
        assert saved["clinic_name"] == "Hematology Day Unit"
        assert saved["database_url"] == sqlite_url(clinic_path)
    finally:
        i18n.install(qapp, "en")


def test_enter_in_a_setting_moves_on_and_esc_asks_before_dropping_an_edit(
    qtbot: QtBot, clinic: Engine, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, dialog = open_settings(qtbot, clinic, today)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    asked: list[str] = []

    def question(_parent: object, title: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.clinic.setFocus()
    qtbot.keyClicks(dialog.clinic, "Day Unit")
    qtbot.keyClick(dialog.clinic, Qt.Key.Key_Return)  # moves on; OK is not pressed
    assert dialog.isVisible()
    assert QApplication.focusWidget() is dialog.database
    qtbot.keyClick(dialog.database, Qt.Key.Key_Escape)
    assert asked == ["Discard the changes?"]
    assert dialog.isVisible()  # Cancel: the edit kept
    assert dialog.clinic.text() == "Day Unit"
    assert "clinic_name" not in (
        json.loads(paths().settings_file.read_text(encoding="utf-8"))
        if paths().settings_file.exists()
        else {}
    )
    dialog.done(0)


def test_a_database_url_holding_a_password_is_not_kept(
    qtbot: QtBot, clinic: Engine, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PostgreSQL password goes to ~/.pgpass or the keyring, never the settings file."""
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    _window, dialog = open_settings(qtbot, clinic, today)
    dialog.database.setText("postgresql://ann:s3cret@db.example.org/clinic")
    dialog.accept()
    assert dialog.isVisible()
    assert len(said) == 1
    assert said[0].startswith("The database URL holds a password")
    assert "s3cret" not in said[0]
    assert not paths().settings_file.exists()
