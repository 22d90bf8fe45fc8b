"""The administrator's window onto the users of a database (mmtracker/storage/users.py):
each user's role and state; adding one, changing a role or full name, disabling or
enabling an account, lifting a lock-out, resetting a password; and the database's security
settings (idle time before the screen locks, minimum password length, lock-out). Every
change is made, checked and audited by the storage services, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mmtracker.ui.sign_in import ERROR_STYLE
from mmtracker.ui.user_forms import (
    NewUserDialog,
    PasswordDialog,
    refused,
    role_names,
    user_message,
)
from mmtracker.ui.workers import run_task

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.storage.users import Account, Role, SecuritySettings, User


@dataclass(frozen=True, slots=True)
class _Read:
    accounts: list[Account]
    settings: SecuritySettings


def _read(engine: Engine) -> _Read:
    """The users and the security settings (in the worker thread)."""
    from mmtracker.storage.users import list_users, security_settings

    with engine.connect() as conn:
        settings = security_settings(conn)
    return _Read(list_users(engine), settings)


class UsersDialog(QDialog):
    """The users of the database and its security settings, for an administrator;
    ``settings_saved`` gives the settings once stored (the screen lock's idle time follows)."""

    settings_saved = Signal(object)

    def __init__(self, engine: Engine, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine, self._user = engine, user
        self._accounts: list[Account] = []
        self._stored: SecuritySettings | None = None
        self.setWindowTitle(self.tr("Users"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Sign-in name"), self.tr("Full name"), self.tr("Role"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("Add a user…"))
        self.add_button.clicked.connect(self.add_user)
        self.role_button = QPushButton(self.tr("Change the role…"))
        self.role_button.clicked.connect(self.change_role)
        self.name_button = QPushButton(self.tr("Change the full name…"))
        self.name_button.clicked.connect(self.change_display_name)
        self.active_button = QPushButton(self.tr("Disable"))
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button = QPushButton(self.tr("Lift the lock-out"))
        self.unlock_button.clicked.connect(lambda: self._change(unlock=True))
        self.password_button = QPushButton(self.tr("Reset the password…"))
        self.password_button.clicked.connect(self.reset_password)
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.clicked.connect(self.show_history)
        actions = QVBoxLayout()
        for button in (
            self.add_button,
            self.role_button,
            self.name_button,
            self.active_button,
            self.unlock_button,
            self.password_button,
            self.history_button,
        ):
            actions.addWidget(button)
        actions.addStretch()
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(actions)

        self.idle = self._spin("idle_minutes")
        self.min_length = self._spin("min_password_length")
        self.failures = self._spin("lockout_failures")
        self.lockout = self._spin("lockout_minutes")
        self.save_settings = QPushButton(self.tr("Save the settings"))
        self.save_settings.clicked.connect(self.store_settings)
        settings = QFormLayout()
        settings.addRow(self.tr("Lock the screen after (minutes idle):"), self.idle)
        settings.addRow(self.tr("Shortest password (characters):"), self.min_length)
        settings.addRow(self.tr("Failed sign-ins that lock an account:"), self.failures)
        settings.addRow(self.tr("Minutes an account stays locked:"), self.lockout)
        settings.addRow("", self.save_settings)
        group = QGroupBox(self.tr("Security settings of this database"))
        group.setLayout(settings)

        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(group)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self._selection_changed()
        self.reload()

    def _spin(self, name: str) -> QSpinBox:
        from mmtracker.storage.users import SETTING_RANGES

        spin = QSpinBox()
        spin.setRange(*SETTING_RANGES[name])
        spin.setMaximumWidth(120)
        return spin

    # --- reading ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the users and the settings again."""
        engine = self._engine
        run_task(self, lambda _progress: _read(engine), self._show, self._say_error)

    def _show(self, read: _Read) -> None:
        selected = self.selected()
        self._accounts = read.accounts
        roles = role_names()
        self.table.setRowCount(len(read.accounts))
        for row, account in enumerate(read.accounts):
            values = (account.name, account.display_name, roles[account.role], _state(account))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            if selected is not None and account.name == selected.name:
                self.table.selectRow(row)
        self._stored = read.settings
        self.idle.setValue(read.settings.idle_minutes)
        self.min_length.setValue(read.settings.min_password_length)
        self.failures.setValue(read.settings.lockout_failures)
        self.lockout.setValue(read.settings.lockout_minutes)
        self._selection_changed()

    def selected(self) -> Account | None:
        """The user chosen in the table."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._accounts):
            return None
        return self._accounts[rows[0].row()]

    def select(self, name: str) -> None:
        """Choose the user ``name`` in the table."""
        for row, account in enumerate(self._accounts):
            if account.name == name:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        account = self.selected()
        for button in (
            self.role_button,
            self.name_button,
            self.active_button,
            self.password_button,
            self.history_button,
        ):
            button.setEnabled(account is not None)
        self.unlock_button.setEnabled(account is not None and account.locked_until is not None)
        enabled = account is None or account.active
        self.active_button.setText(self.tr("Disable") if enabled else self.tr("Enable"))
        own = account is not None and account.name == self._user.name
        self.active_button.setEnabled(account is not None and not own)
        self.active_button.setToolTip(
            self.tr("An administrator does not disable their own account.") if own else ""
        )

    # --- changes ------------------------------------------------------------------------

    def add_user(self) -> None:
        """Ask for a new user and make it."""
        form = NewUserDialog(self._engine, self._user.name, first=False, parent=self)
        form.accepted.connect(lambda: self._added(form))
        form.open()

    def _added(self, form: NewUserDialog) -> None:
        if form.user is not None:
            self._say(self.tr("{name} was added.").format(name=form.user.name))
            self.reload()

    def change_role(self) -> None:
        """Ask for the chosen user's new role."""
        account = self.selected()
        if account is None:
            return
        roles = role_names()
        values = list(roles)
        shown, ok = QInputDialog.getItem(
            self,
            self.tr("Change the role"),
            self.tr("Role of {name}:").format(name=account.name),
            list(roles.values()),
            values.index(account.role.value),
            False,
        )
        if ok:
            from mmtracker.storage.users import Role

            self._change(role=Role(values[list(roles.values()).index(shown)]))

    def change_display_name(self) -> None:
        """Ask for the chosen user's full name."""
        account = self.selected()
        if account is None:
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Change the full name"),
            self.tr("Full name of {name}:").format(name=account.name),
            text=account.display_name,
        )
        if ok:
            self._change(display_name=text)

    def toggle_active(self) -> None:
        """Disable the chosen account, or enable it again."""
        account = self.selected()
        if account is not None:
            self._change(active=not account.active)

    def reset_password(self) -> None:
        """Give the chosen user a new password (which lifts a lock-out)."""
        account = self.selected()
        if account is None:
            return
        own = account.name == self._user.name
        form = PasswordDialog(self._engine, self._user.name, account.name, own=own, parent=self)
        form.accepted.connect(partial(self._password_changed, account.name))
        form.open()

    def _password_changed(self, name: str) -> None:
        self._say(self.tr("The password of {name} was changed.").format(name=name))
        self.reload()

    def show_history(self) -> None:
        """The chosen account's history: made, changed, signed in, refused."""
        account = self.selected()
        if account is None:
            return
        from mmtracker.ui.account_history import AccountHistoryDialog

        AccountHistoryDialog(self._engine, account.name, self).open()

    def _change(
        self,
        *,
        role: Role | None = None,
        active: bool | None = None,
        display_name: str | None = None,
        unlock: bool = False,
    ) -> None:
        account = self.selected()
        if account is None:
            return
        engine, actor, name = self._engine, self._user.name, account.name

        def work(_progress: object) -> list[str] | None:
            from mmtracker.storage.users import change_user

            changed = refused(
                lambda: change_user(
                    engine,
                    name,
                    actor,
                    role=role,
                    active=active,
                    display_name=display_name,
                    unlock=unlock,
                )
            )
            return changed if isinstance(changed, list) else None

        self._run(work, self.tr("{name} was changed.").format(name=name))

    def store_settings(self) -> None:
        """Store the security settings that changed (each audited)."""
        stored = self._stored
        if stored is None:
            return
        changed = {
            name: spin.value()
            for name, spin in (
                ("idle_minutes", self.idle),
                ("min_password_length", self.min_length),
                ("lockout_failures", self.failures),
                ("lockout_minutes", self.lockout),
            )
            if getattr(stored, name) != spin.value()
        }
        if not changed:
            self._say(self.tr("The security settings are as stored: nothing to save."))
            return
        engine, actor = self._engine, self._user.name

        def work(_progress: object) -> list[str] | None:
            from mmtracker.storage.users import set_security_setting

            def store() -> None:
                for name, value in changed.items():
                    set_security_setting(engine, name, value, actor)

            return refused(store)

        self._run(work, self.tr("The security settings were saved."), settings=True)

    def _run(
        self, work: Callable[[object], list[str] | None], said: str, settings: bool = False
    ) -> None:
        def done(refusal: list[str] | None) -> None:
            if refusal is not None:
                self._say_error(user_message(refusal))
                return
            self._say(said)
            if settings:
                engine = self._engine
                run_task(self, lambda _progress: _read(engine), self._settings_stored)
            else:
                self.reload()

        run_task(self, work, done, self._say_error)

    def _settings_stored(self, read: _Read) -> None:
        self._show(read)
        self.settings_saved.emit(read.settings)

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _say_error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)


def _state(account: Account) -> str:
    """Whether ``account`` may sign in, in the installed language."""
    from PySide6.QtCore import QCoreApplication

    if not account.active:
        return QCoreApplication.translate("UsersDialog", "Disabled")
    if account.locked_until is not None:
        return QCoreApplication.translate("UsersDialog", "Locked until {time}").format(
            time=f"{account.locked_until.astimezone():%H:%M}"
        )
    return QCoreApplication.translate("UsersDialog", "Active")
