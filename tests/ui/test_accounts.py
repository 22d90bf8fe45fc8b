"""Users in the window (issue 13): a clinic's database without users asks for its first
administrator at the window's start and says, until one is made, as whom changes are
recorded; an administrator manages the users and the security settings in the Users window
(the services refuse what the role does not allow); any user changes their own password."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from logic.builders import policy
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from mmtracker.config import actor, sign_in_as, sqlite_url
from mmtracker.storage import users
from mmtracker.storage.engine import make_engine
from mmtracker.storage.users import (
    Account,
    Role,
    User,
    authenticate,
    create_user,
    list_users,
    security_settings,
)
from mmtracker.ui.account_history import AccountHistoryDialog
from mmtracker.ui.app import open_main_window
from mmtracker.ui.main_window import MainWindow
from mmtracker.ui.user_forms import NewUserDialog, PasswordDialog
from mmtracker.ui.users_dialog import UsersDialog

WAIT_MS = 20_000
PASSWORD = "correct horse battery"
ADMIN = User("admin", "Ada Admin", Role.ADMINISTRATOR)
SHOTS = os.environ.get("MMTRACKER_SCREENSHOTS")
"""A folder to keep this test's screenshots in (else the test's own temporary folder)."""


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    yield
    sign_in_as(None)


def shot(widget: object, tmp_path: Path, name: str) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    folder = Path(SHOTS) if SHOTS else tmp_path
    assert widget.grab().save(str(folder / f"{name}.png"))


def first_form() -> NewUserDialog | None:
    forms = [w for w in QApplication.topLevelWidgets() if isinstance(w, NewUserDialog)]
    return next((f for f in forms if f.isVisible()), None)


def test_a_database_without_users_asks_for_its_first_administrator(
    qtbot: QtBot, clinic: Engine, clinic_path: Path, today: dt.date, tmp_path: Path
) -> None:
    clinic.dispose()
    window = open_main_window(
        sqlite_url(clinic_path), False, today, offer_demo=False, ask_first_administrator=True
    )
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitUntil(lambda: first_form() is not None, timeout=WAIT_MS)
    form = first_form()
    assert form is not None
    assert window.patients.model.rowCount() > 0  # asked once the database is shown
    assert form.role.currentData() == "administrator"
    assert not form.role.isEnabled()
    shot(form, tmp_path, "first-administrator")

    form.name.setText("Ada")
    form.display_name.setText("Ada Admin")
    form.password.setText(PASSWORD)
    form.again.setText(PASSWORD + "!")
    form.save.click()
    assert form.message.text() == "The two passwords differ."
    form.again.setText(PASSWORD)
    form.save.click()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT_MS)

    assert actor() == "ada"
    engine = make_engine(sqlite_url(clinic_path))
    assert list_users(engine) == [Account("ada", "Ada Admin", Role.ADMINISTRATOR, True)]
    engine.dispose()
    accounts = window.accounts
    assert accounts.screen_lock is not None
    assert accounts.user_label.text() == "Signed in: Ada Admin (Administrator)"
    assert not accounts.first_admin_button.isVisible()
    assert accounts.users_action.isEnabled()
    assert accounts.lock_action.isEnabled()


def test_later_leaves_the_request_in_the_status_bar(
    qtbot: QtBot, clinic: Engine, clinic_path: Path, today: dt.date
) -> None:
    clinic.dispose()
    window = open_main_window(
        sqlite_url(clinic_path), False, today, offer_demo=False, ask_first_administrator=True
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: first_form() is not None, timeout=WAIT_MS)
    form = first_form()
    assert form is not None
    form.reject()
    accounts = window.accounts
    assert accounts.first_admin_button.isVisible()
    assert accounts.user_label.text() == f"No sign-in: changes are recorded as {actor()}"
    assert accounts.users_action.isEnabled()  # which asks for the first administrator
    assert not accounts.lock_action.isEnabled()
    assert not accounts.password_action.isEnabled()
    accounts.first_admin_button.click()
    qtbot.waitUntil(lambda: first_form() is not None, timeout=WAIT_MS)


def test_a_demo_asks_for_no_administrator(
    qtbot: QtBot, demo: Engine, today: dt.date, tmp_path: Path
) -> None:
    url = demo.url.render_as_string(hide_password=False)
    demo.dispose()
    window = open_main_window(url, False, today, offer_demo=False, ask_first_administrator=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.patients.model.rowCount() > 0, timeout=WAIT_MS)
    qtbot.wait(200)
    assert first_form() is None
    assert not window.accounts.first_admin_button.isVisible()
    assert not window.accounts.users_action.isVisible()


@pytest.fixture
def staffed(clinic: Engine) -> Engine:
    create_user(clinic, "admin", "Ada Admin", Role.ADMINISTRATOR, PASSWORD, "root@ws")
    create_user(clinic, "li.na", "Li Na", Role.NURSE, PASSWORD, "admin")
    return clinic


@pytest.fixture
def users_window(qtbot: QtBot, staffed: Engine, today: dt.date) -> UsersDialog:
    window = MainWindow(staffed, demo=False, today=lambda: today, policy=policy())
    qtbot.addWidget(window)
    window.accounts.sign_in(staffed, ADMIN, 10)
    window.accounts.open_users()
    dialog = next(w for w in window.findChildren(UsersDialog) if w.isVisible())
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=WAIT_MS)
    return dialog


def _said(qtbot: QtBot, dialog: UsersDialog, text: str) -> None:
    qtbot.waitUntil(lambda: dialog.message.text() == text, timeout=WAIT_MS)


def test_an_administrator_adds_a_user_in_the_users_window(
    qtbot: QtBot, users_window: UsersDialog, staffed: Engine, tmp_path: Path
) -> None:
    dialog = users_window
    assert [dialog.table.item(r, 2).text() for r in range(2)] == ["Administrator", "Nurse"]
    dialog.add_user()
    form = next(w for w in dialog.findChildren(NewUserDialog) if w.isVisible())
    form.name.setText("dr.wu")
    form.display_name.setText("Dr Wu")
    form.role.setCurrentIndex(form.role.findData("physician"))
    form.password.setText("short")
    form.again.setText("short")
    form.save.click()
    qtbot.waitUntil(lambda: form.message.text() != "Saving…", timeout=WAIT_MS)
    assert form.message.text() == "The password needs at least 12 characters."
    form.password.setText(PASSWORD)
    form.again.setText(PASSWORD)
    form.save.click()
    _said(qtbot, dialog, "dr.wu was added.")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=WAIT_MS)
    assert authenticate(staffed, "dr.wu", PASSWORD).role is Role.PHYSICIAN
    dialog.select("dr.wu")
    shot(dialog, tmp_path, "users")


def test_an_administrator_disables_changes_and_resets_in_the_users_window(
    qtbot: QtBot, users_window: UsersDialog, staffed: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = users_window
    dialog.select("admin")
    assert not dialog.active_button.isEnabled()  # one's own account
    assert dialog.active_button.toolTip() == "An administrator does not disable their own account."

    dialog.select("li.na")
    assert dialog.active_button.text() == "Disable"
    dialog.active_button.click()
    _said(qtbot, dialog, "li.na was changed.")
    qtbot.waitUntil(lambda: dialog.table.item(1, 3).text() == "Disabled", timeout=WAIT_MS)
    assert dialog.active_button.text() == "Enable"

    monkeypatch.setattr(QInputDialog, "getItem", lambda *_args: ("Physician", True))
    dialog.role_button.click()
    qtbot.waitUntil(lambda: dialog.table.item(1, 2).text() == "Physician", timeout=WAIT_MS)
    assert [a for a in list_users(staffed) if a.name == "li.na"] == [
        Account("li.na", "Li Na", Role.PHYSICIAN, False)
    ]

    dialog.reset_password()
    form = next(w for w in dialog.findChildren(PasswordDialog) if w.isVisible())
    assert form.windowTitle() == "Reset the password of li.na"
    form.password.setText("a new long password")
    form.again.setText("a new long password")
    form.save.click()
    _said(qtbot, dialog, "The password of li.na was changed.")

    dialog.select("admin")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_args: ("Nurse", True))
    dialog.role_button.click()
    _said(
        qtbot,
        dialog,
        "admin is the last active administrator: make another user an administrator first.",
    )


def test_lifting_a_lock_out_and_the_security_settings(
    qtbot: QtBot, users_window: UsersDialog, staffed: Engine
) -> None:
    dialog = users_window
    for _ in range(5):
        with pytest.raises(users.SignInError):
            authenticate(staffed, "li.na", "wrong")
    dialog.reload()
    qtbot.waitUntil(
        lambda: dialog.table.item(1, 3).text().startswith("Locked until"), timeout=WAIT_MS
    )
    dialog.select("li.na")
    assert dialog.unlock_button.isEnabled()
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: dialog.table.item(1, 3).text() == "Active", timeout=WAIT_MS)
    assert authenticate(staffed, "li.na", PASSWORD).name == "li.na"

    window = dialog.parent()
    assert isinstance(window, MainWindow)
    lock = window.accounts.screen_lock
    assert lock is not None
    assert lock.timer.interval() == 10 * 60_000
    dialog.idle.setValue(3)
    dialog.failures.setValue(4)
    dialog.save_settings.click()
    _said(qtbot, dialog, "The security settings were saved.")
    qtbot.waitUntil(lambda: lock.timer.interval() == 3 * 60_000, timeout=WAIT_MS)
    with staffed.connect() as conn:
        assert security_settings(conn) == users.SecuritySettings(3, 12, 4, 15)


def test_a_nurse_changes_her_own_password_and_sees_no_users_window(
    qtbot: QtBot, staffed: Engine, today: dt.date
) -> None:
    window = MainWindow(staffed, demo=False, today=lambda: today, policy=policy())
    qtbot.addWidget(window)
    nurse = User("li.na", "Li Na", Role.NURSE)
    window.accounts.sign_in(staffed, nurse, 10)
    assert not window.accounts.users_action.isVisible()
    window.accounts.open_users()
    assert not window.findChildren(UsersDialog)
    window.accounts.change_password()
    form = next(w for w in window.findChildren(PasswordDialog) if w.isVisible())
    form.current.setText("not it")
    form.password.setText("a new long password")
    form.again.setText("a new long password")
    form.save.click()
    qtbot.waitUntil(lambda: form.message.text() != "", timeout=WAIT_MS)
    assert form.message.text() == "The current password is not the right one."
    form.current.setText(PASSWORD)
    form.save.click()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT_MS)
    assert authenticate(staffed, "li.na", "a new long password").name == "li.na"


def test_an_accounts_history_lists_its_sign_ins_and_changes(
    qtbot: QtBot, users_window: UsersDialog, staffed: Engine, tmp_path: Path
) -> None:
    with pytest.raises(users.SignInError):
        authenticate(staffed, "li.na", "wrong")
    authenticate(staffed, "li.na", PASSWORD)
    dialog = users_window
    dialog.select("li.na")
    dialog.history_button.click()
    history = next(w for w in dialog.findChildren(AccountHistoryDialog) if w.isVisible())
    qtbot.waitUntil(lambda: history.table.rowCount() == 3, timeout=WAIT_MS)
    rows = [[history.table.item(r, c).text() for c in range(1, 5)] for r in range(3)]
    assert rows == [
        ["li.na", "signed in", "", ""],
        ["li.na", "sign-in refused", "wrong password", ""],
        [
            "admin",
            "account made",
            "",
            "full name: Li Na; role: Nurse; may sign in: yes; password set",
        ],
    ]
    shot(history, tmp_path, "account-history")


def test_refusals_for_want_of_a_role_are_said_in_chinese(chinese: None) -> None:
    """A refusal the services raise reaches every form through the worker in the window's
    language, as does a lock-out at sign-in (no English left over)."""
    from mmtracker.storage.users import PermissionDeniedError
    from mmtracker.ui.sign_in import refusal_text
    from mmtracker.ui.user_forms import failure_text

    nurse = PermissionDeniedError(
        "correcting needs the role physician: a nurse corrects or deletes only what she "
        "entered herself today"
    )
    assert failure_text(nurse) == "只有医师可以执行此操作：护士只能更正或删除自己当天录入的内容。"
    admin = PermissionDeniedError(
        "recording an entry needs the role nurse or physician; ada is an administrator"
    )
    assert failure_text(admin) == "此操作需要护士或医师角色；ada 当前的角色是管理员。"
    locked = refusal_text(
        "the account li.na is locked after 5 failed sign-ins until 09:15: try again then, or "
        "ask an administrator to lift the lock-out"
    )
    assert (
        locked == "账户 li.na 因密码错误 5 次已被锁定，直至 09:15：届时再试，或请管理员解除锁定。"
    )
    assert failure_text(ValueError("something else")) == "something else"
