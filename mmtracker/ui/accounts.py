"""Who is at the main window (mmtracker/storage/users.py): the user signed in, shown in the
status bar, whose windows lock when left idle (mmtracker/ui/lock.py); their own password;
the administrator's Users window; and, for a database that has no users yet, the request
for its first administrator, which stays in the status bar until one is made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu, QPushButton

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.storage.users import SecuritySettings, User
    from mmtracker.ui.lock import ScreenLock


class Accounts(QObject):
    """The window's user: its menu entries (in ``menu``), its status-bar label, its screen
    lock."""

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self._engine: Engine | None = None
        self.user: User | None = None
        self.screen_lock: ScreenLock | None = None
        self._no_users_actor: str | None = None
        self.users_action = menu.addAction("")
        self.users_action.triggered.connect(self.open_users)
        self.password_action = menu.addAction("")
        self.password_action.triggered.connect(self.change_password)
        self.lock_action = menu.addAction("")
        self.lock_action.triggered.connect(self.lock)
        self.user_label = QLabel()
        self.first_admin_button = QPushButton()
        self.first_admin_button.setFlat(True)
        self.first_admin_button.clicked.connect(self.ask_first_administrator)
        window.statusBar().addPermanentWidget(self.first_admin_button)
        window.statusBar().addPermanentWidget(self.user_label)
        self._update()

    def retranslate(self) -> None:
        """Every text again, in the installed language."""
        from mmtracker.ui.lock import LOCK_KEY

        self.users_action.setText(self.tr("&Users…"))
        self.password_action.setText(self.tr("Change my &password…"))
        key = QKeySequence(LOCK_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.lock_action.setText(self.tr("&Lock the screen ({key})").format(key=key))
        self.first_admin_button.setText(self.tr("Create the first administrator…"))
        self._update()

    def _update(self) -> None:
        from mmtracker.ui.user_forms import role_names

        user, admin = self.user, self._is_administrator()
        no_users = self._no_users_actor is not None
        self.users_action.setEnabled(admin or no_users)
        self.users_action.setVisible(admin or no_users)
        self.password_action.setEnabled(user is not None)
        self.lock_action.setEnabled(self.screen_lock is not None)
        self.first_admin_button.setVisible(no_users)
        if user is not None:
            self.user_label.setText(
                self.tr("Signed in: {name} ({role})").format(
                    name=user.display_name, role=role_names()[user.role.value]
                )
            )
        elif no_users:
            self.user_label.setText(
                self.tr("No sign-in: changes are recorded as {actor}").format(
                    actor=self._no_users_actor
                )
            )
        self.user_label.setVisible(user is not None or no_users)

    def _is_administrator(self) -> bool:
        return self.user is not None and self.user.role.value == "administrator"

    # --- who is signed in ---------------------------------------------------------------

    def sign_in(self, engine: Engine, user: User, idle_minutes: int) -> None:
        """``user`` signed in: the actor of every write from now on; the window locks after
        ``idle_minutes`` without input."""
        from mmtracker.config import sign_in_as
        from mmtracker.ui.lock import ScreenLock

        self._engine, self._no_users_actor = engine, None
        sign_in_as(user.name)
        self.user = user
        if self.screen_lock is None:
            self.screen_lock = ScreenLock(self._window, engine, user, idle_minutes)
            self.screen_lock.user_changed.connect(self._user_changed)
        else:  # the lock unlocks for the user signed in now
            self.screen_lock.user = user
        self._update()

    def _user_changed(self, user: User) -> None:
        from mmtracker.config import sign_in_as

        sign_in_as(user.name)
        self.user = user
        self._update()

    def without_users(self, engine: Engine, actor: str, *, ask: bool) -> None:
        """A database that has no users yet: say who its changes are recorded as, and, with
        ``ask``, ask for its first administrator at once."""
        self._engine, self._no_users_actor = engine, actor
        self._update()
        if ask:
            self.ask_first_administrator()

    def ask_first_administrator(self) -> None:
        """The form for the database's first administrator, who is then signed in."""
        from mmtracker.ui.user_forms import NewUserDialog

        engine, actor = self._engine, self._no_users_actor
        if engine is None or actor is None:
            return
        form = NewUserDialog(engine, actor, first=True, parent=self._window)
        form.accepted.connect(lambda: self._first_made(engine, form))
        form.open()

    def _first_made(self, engine: Engine, form: QDialog) -> None:
        from mmtracker.storage.users import SecuritySettings
        from mmtracker.ui.user_forms import NewUserDialog

        assert isinstance(form, NewUserDialog)  # the form of ask_first_administrator
        if form.user is not None:
            self.sign_in(engine, form.user, SecuritySettings().idle_minutes)
            self._window.statusBar().showMessage(
                self.tr("{name} is this database's administrator, and signed in.").format(
                    name=form.user.name
                ),
                10_000,
            )

    # --- the menu -----------------------------------------------------------------------

    def open_users(self) -> None:
        """The Users window (an administrator), or the first administrator's form."""
        if self._no_users_actor is not None:
            self.ask_first_administrator()
            return
        if self._engine is None or self.user is None or not self._is_administrator():
            return
        from mmtracker.ui.users_dialog import UsersDialog

        dialog = UsersDialog(self._engine, self.user, self._window)
        dialog.settings_saved.connect(self._settings_saved)
        dialog.open()

    def _settings_saved(self, settings: SecuritySettings) -> None:
        if self.screen_lock is not None:
            self.screen_lock.set_idle_minutes(settings.idle_minutes)

    def change_password(self) -> None:
        """The signed-in user's new password."""
        if self._engine is None or self.user is None:
            return
        from mmtracker.ui.user_forms import PasswordDialog

        form = PasswordDialog(
            self._engine, self.user.name, self.user.name, own=True, parent=self._window
        )
        form.accepted.connect(
            lambda: self._window.statusBar().showMessage(self.tr("Your password was changed."))
        )
        form.open()

    def lock(self) -> None:
        """Lock the window now."""
        if self.screen_lock is not None:
            self.screen_lock.lock()
