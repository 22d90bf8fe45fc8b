"""The screen lock (issue 13): an idle window locks itself (a shortened idle time here) and
hides every patient detail, dialogs included; the same user's password unlocks it; another
user signing in closes the forms left open, unsaved, and says so; Ctrl+Shift+L locks at
once; and the sign-in dialog refuses a wrong password."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from logic.builders import policy
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from mmtracker.config import actor, sign_in_as, sqlite_url
from mmtracker.storage import users
from mmtracker.storage.users import Role, User, create_user
from mmtracker.ui.app import open_main_window
from mmtracker.ui.lock import LockScreen, ScreenLock
from mmtracker.ui.main_window import MainWindow
from mmtracker.ui.sign_in import SignInDialog

WAIT_MS = 20_000
PASSWORD = "correct horse battery"
NURSE = User("li.na", "Li Na", Role.NURSE)


@pytest.fixture
def staffed(clinic: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The clinic's database with an administrator, a nurse and a physician."""
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    create_user(clinic, "admin", "Ada Admin", Role.ADMINISTRATOR, PASSWORD, "root@ws")
    create_user(clinic, "li.na", "Li Na", Role.NURSE, PASSWORD, "admin")
    create_user(clinic, "dr.wu", "Dr Wu", Role.PHYSICIAN, PASSWORD, "admin")
    return clinic


@pytest.fixture
def window(qtbot: QtBot, staffed: Engine, today: dt.date) -> MainWindow:
    shown = MainWindow(staffed, demo=False, today=lambda: today, policy=policy())
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    qtbot.waitUntil(lambda: shown.patients.model.rowCount() > 0, timeout=WAIT_MS)
    return shown


def open_form(qtbot: QtBot, window: MainWindow) -> QDialog:
    form = QDialog(window)
    form.setWindowTitle("A form")
    QLabel("Zhang Wei, MM-001", form)
    qtbot.addWidget(form)
    form.show()
    return form


def covered(window: MainWindow) -> bool:
    """Whether every point of the window shows the lock screen (no patient widget)."""
    rect = window.rect()
    for x in range(5, rect.width(), 60):
        for y in range(5, rect.height(), 60):
            found: QWidget | None = window.childAt(QPoint(x, y))
            while found is not None and not isinstance(found, LockScreen):
                found = found.parentWidget()
            if found is None:
                return False
    return True


def test_an_idle_window_locks_and_shows_no_patient(
    qtbot: QtBot, window: MainWindow, staffed: Engine, tmp_path: Path
) -> None:
    form = open_form(qtbot, window)
    lock = ScreenLock(window, staffed, NURSE, idle_minutes=10)
    lock.timer.setInterval(300)  # ten minutes, shortened
    lock.timer.start()

    qtbot.waitUntil(lambda: lock.locked, timeout=WAIT_MS)

    assert not form.isVisible()
    assert window.windowTitle() == "mmtracker — locked"
    assert covered(window)
    shot = tmp_path / "locked.png"
    assert window.grab().save(str(shot))
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [window]

    qtbot.keyClicks(lock.screen.password, "wrong password")
    lock.screen.unlock_button.click()
    qtbot.waitUntil(lambda: lock.screen.message.text() != "", timeout=WAIT_MS)
    assert lock.screen.message.text() == "The password is wrong."
    assert lock.locked

    qtbot.keyClicks(lock.screen.password, PASSWORD)
    lock.screen.unlock_button.click()
    qtbot.waitUntil(lambda: not lock.locked, timeout=WAIT_MS)
    assert form.isVisible()  # the form comes back as it was
    assert not lock.screen.isVisible()
    assert window.windowTitle() != "mmtracker — locked"


def test_input_keeps_the_window_unlocked(qtbot: QtBot, window: MainWindow, staffed: Engine) -> None:
    lock = ScreenLock(window, staffed, NURSE, idle_minutes=10)
    lock.timer.setInterval(400)
    lock.timer.start()
    for _ in range(6):
        qtbot.wait(150)
        qtbot.keyClick(window.patients.table, Qt.Key.Key_Down)
    assert not lock.locked
    qtbot.waitUntil(lambda: lock.locked, timeout=WAIT_MS)


def test_the_key_locks_at_once_from_a_dialog(
    qtbot: QtBot, window: MainWindow, staffed: Engine
) -> None:
    form = open_form(qtbot, window)
    lock = ScreenLock(window, staffed, NURSE, idle_minutes=10)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(
        form, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert lock.locked
    assert not form.isVisible()


def test_another_user_signing_in_closes_the_forms_unsaved(
    qtbot: QtBot, window: MainWindow, staffed: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_: said.append(text))
    form = open_form(qtbot, window)
    lock = ScreenLock(window, staffed, NURSE, idle_minutes=10)
    changed: list[User] = []
    lock.user_changed.connect(changed.append)
    lock.lock()

    qtbot.keyClicks(lock.screen.other_name, "dr.wu")
    qtbot.keyClicks(lock.screen.other_password, PASSWORD)
    lock.screen.switch_button.click()
    qtbot.waitUntil(lambda: not lock.locked, timeout=WAIT_MS)

    assert changed == [User("dr.wu", "Dr Wu", Role.PHYSICIAN)]
    assert lock.user == changed[0]
    assert not form.isVisible()
    assert form.result() == QDialog.DialogCode.Rejected
    assert said == ["1 form(s) the previous user left open were closed without saving."]


def test_the_sign_in_dialog_accepts_only_the_right_password(qtbot: QtBot, staffed: Engine) -> None:
    dialog = SignInDialog(staffed, "clinic.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Li.Na")
    qtbot.keyClicks(dialog.password, "not it")
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: dialog.message.text() not in ("", "Checking…"), timeout=WAIT_MS)
    assert dialog.message.text() == "The name or the password is wrong."
    assert dialog.user is None
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=WAIT_MS)
    assert dialog.user == NURSE
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.fixture
def signed_out() -> Iterator[None]:
    """Whoever signs in during the test is signed out after it."""
    yield
    sign_in_as(None)


def test_the_window_asks_who_signs_in_before_showing_a_patient(
    qtbot: QtBot, staffed: Engine, clinic_path: Path, today: dt.date, signed_out: None
) -> None:
    """A database with users shows nothing until its sign-in; the user signed in is the
    actor of the window's writes, and the window locks itself."""
    staffed.dispose()
    seen: list[bool] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            QTimer.singleShot(50, answer)
            return
        seen.append(window.patients.model.rowCount() == 0)
        dialog.name.setText("li.na")
        dialog.password.setText(PASSWORD)
        dialog.sign_in.click()

    QTimer.singleShot(50, answer)
    window = open_main_window(sqlite_url(clinic_path), False, today, offer_demo=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.patients.model.rowCount() > 0, timeout=WAIT_MS)
    assert seen == [True]  # no patient listed while the sign-in was asked
    assert actor() == "li.na"
    assert window.accounts.screen_lock is not None
    assert window.accounts.screen_lock.timer.interval() == 10 * 60_000  # the database's setting


def test_cancelling_the_sign_in_closes_the_window(
    qtbot: QtBot, staffed: Engine, clinic_path: Path, today: dt.date, signed_out: None
) -> None:
    staffed.dispose()

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            QTimer.singleShot(50, cancel)
            return
        dialog.reject()

    QTimer.singleShot(50, cancel)
    window = open_main_window(sqlite_url(clinic_path), False, today, offer_demo=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.is_closed, timeout=WAIT_MS)
    assert window.patients.model.rowCount() == 0
    assert not actor().startswith("li.na")


def test_the_first_start_of_the_day_backs_the_database_up_in_the_background(
    qtbot: QtBot, clinic_path: Path, today: dt.date
) -> None:
    from mmtracker.config import paths
    from mmtracker.storage.backups import backups_of, verify_backup

    window = open_main_window(sqlite_url(clinic_path), False, today, offer_demo=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.patients.model.rowCount() > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(backups_of(clinic_path, paths().backups)), timeout=WAIT_MS)
    [backup] = backups_of(clinic_path, paths().backups)
    assert backup.kind == "daily"
    assert backup.taken.date() == dt.date.today()
    assert verify_backup(backup.path) is None


def test_a_locked_window_takes_no_shortcut_and_opens_no_menu(
    qtbot: QtBot, window: MainWindow, staffed: Engine
) -> None:
    """Behind the lock screen the window's keys (places, search, refresh, its menus) do
    nothing; the lock screen's own fields still take keys."""
    from mmtracker.ui.main_window import Place

    lock = ScreenLock(window, staffed, NURSE, idle_minutes=10)
    window.show_place(Place.WORKLIST)
    lock.lock()
    window.activateWindow()
    for key in (Qt.Key.Key_2, Qt.Key.Key_3):
        qtbot.keyClick(lock.screen.password, key, Qt.KeyboardModifier.ControlModifier)
    assert window.current_place() is Place.WORKLIST
    assert not window.menuBar().isEnabled()
    qtbot.keyClicks(lock.screen.password, "abc")
    assert lock.screen.password.text() == "abc"
    lock.screen.password.clear()
    qtbot.keyClicks(lock.screen.password, PASSWORD)
    lock.screen.unlock_button.click()
    qtbot.waitUntil(lambda: not lock.locked, timeout=WAIT_MS)
    assert window.menuBar().isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_place() is Place.PATIENTS
