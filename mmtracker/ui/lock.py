"""The screen lock: after an idle period (the database's ``idle_minutes``, default 10), or
at once with Ctrl+Shift+L, every window but the main one is hidden (dialogs and the print
preview included) and the main one is covered by a lock screen that shows no patient
detail. The same user unlocks it with their password; another user may sign in instead,
which closes the forms left open without saving them, and says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mmtracker.ui.sign_in import ERROR_STYLE, centred, checked, password_field, refusal_text
from mmtracker.ui.workers import run_task

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.storage.users import User

LOCK_KEY = "Ctrl+Shift+L"
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


_SHORTCUTS = frozenset({QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride})


class LockScreen(QFrame):
    """What covers the main window while locked: who is signed in, their password, or
    another user's name and password."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        title = centred(QLabel(self.tr("mmtracker is locked")))
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        title.setFont(font)
        self.who = centred(QLabel())
        self.password = password_field()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.other_name = QLineEdit()
        self.other_password = password_field()
        self.switch_button = QPushButton(self.tr("Sign in as this user"))
        self.message = centred(QLabel())
        """Why the lock's own user was not let in."""
        self.other_message = centred(QLabel())
        """Why another user was not signed in."""
        for label in (self.message, self.other_message):
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
        mine = QFormLayout()
        mine.addRow(self.tr("Password:"), self.password)
        mine.addRow("", self.unlock_button)
        other = QFormLayout()
        other.addRow(self.tr("Name:"), self.other_name)
        other.addRow(self.tr("Password:"), self.other_password)
        other.addRow("", self.switch_button)
        box = QWidget()
        box.setMaximumWidth(420)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(self.who)
        inner.addLayout(mine)
        inner.addWidget(self.message)
        inner.addSpacing(24)
        inner.addWidget(QLabel(self.tr("Someone else? Sign in (forms left open are closed)")))
        inner.addLayout(other)
        inner.addWidget(self.other_message)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.password.returnPressed.connect(self.unlock_button.click)
        self.other_password.returnPressed.connect(self.switch_button.click)


class ScreenLock(QObject):
    """Locks ``window`` after ``idle_minutes`` without input and on :data:`LOCK_KEY`;
    ``user_changed`` gives the user who signed in instead."""

    user_changed = Signal(object)

    def __init__(self, window: QMainWindow, engine: Engine, user: User, idle_minutes: int) -> None:
        super().__init__(window)
        self._window, self._engine, self.user = window, engine, user
        self.screen = LockScreen(window)
        self.screen.hide()
        self.screen.unlock_button.clicked.connect(self._unlock)
        self.screen.switch_button.clicked.connect(self._switch)
        self._hidden: list[QWidget] = []
        self._title = ""
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_minutes * 60_000)
        self.timer.timeout.connect(self.lock)
        self.timer.start()
        shortcut = QShortcut(QKeySequence(LOCK_KEY), window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)  # from any dialog too
        shortcut.activated.connect(self.lock)
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_idle_minutes(self, minutes: int) -> None:
        """Lock after ``minutes`` without input from now on (the idle time counted anew)."""
        self.timer.setInterval(minutes * 60_000)
        if not self.locked:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt names it
        """Input restarts the idle time; while locked, no shortcut reaches the window (its
        menus and places) but the lock screen's own, and the lock screen follows the
        window's size."""
        if not self.locked:
            if event.type() in _INPUT:
                self.timer.start()
            return False
        if event.type() in _SHORTCUTS:
            return not (isinstance(watched, QWidget) and self.screen.isAncestorOf(watched))
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.screen.setGeometry(self._window.rect())
        return False

    def lock(self) -> None:
        """Hide every other window and cover the main one."""
        if self.locked:
            return
        self.locked = True
        self.timer.stop()
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self._window and w.isVisible() and not isinstance(w, LockScreen)
        ]
        for widget in self._hidden:
            widget.hide()
        self._window.menuBar().setEnabled(False)  # no menu opens by mouse or Alt either
        self._title = self._window.windowTitle()
        self._window.setWindowTitle(self.tr("mmtracker — locked"))
        self.screen.who.setText(
            self.tr("Signed in: {name} ({user})").format(
                name=self.user.display_name, user=self.user.name
            )
        )
        self.screen.message.clear()
        self.screen.other_message.clear()
        self.screen.setGeometry(self._window.rect())
        self.screen.show()
        self.screen.raise_()
        self.screen.password.setFocus()

    def _unlock(self) -> None:
        self._check(self.user.name, self.screen.password.text(), switching=False)

    def _switch(self) -> None:
        self._check(self.screen.other_name.text(), self.screen.other_password.text(), True)

    def _check(self, name: str, password: str, switching: bool) -> None:
        engine = self._engine
        self.screen.unlock_button.setEnabled(False)
        self.screen.switch_button.setEnabled(False)

        run_task(
            self,
            lambda _progress: checked(engine, name, password),
            lambda result: self._checked(result, switching),
            self._failed,
        )

    def _checked(self, result: User | str, switching: bool) -> None:
        self.screen.unlock_button.setEnabled(True)
        self.screen.switch_button.setEnabled(True)
        self.screen.password.clear()
        self.screen.other_password.clear()
        if isinstance(result, str):
            from mmtracker.storage.users import WRONG

            if switching:
                self.screen.other_message.setText(refusal_text(result))
            elif result == WRONG:  # only the password was typed here
                self.screen.message.setText(self.tr("The password is wrong."))
            else:
                self.screen.message.setText(refusal_text(result))
            return
        closed = 0
        if result.name != self.user.name:  # only a switch signs in another user
            closed = self._close_forms()
            self.user = result
            self.user_changed.emit(result)
        self._release(closed)

    def _failed(self, message: str) -> None:
        self.screen.unlock_button.setEnabled(True)
        self.screen.switch_button.setEnabled(True)
        self.screen.message.setText(message)

    def _close_forms(self) -> int:
        """Close, unsaved, the dialogs hidden by the lock; how many."""
        forms = [w for w in self._hidden if isinstance(w, QDialog)]
        for form in forms:
            form.reject()
        self._hidden = [w for w in self._hidden if w not in forms]
        return len(forms)

    def _release(self, closed: int) -> None:
        self.locked = False
        self._window.menuBar().setEnabled(True)
        self.screen.hide()
        self.screen.other_name.clear()
        self._window.setWindowTitle(self._title)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.timer.start()
        if closed:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self._window,
                self.tr("Forms closed"),
                self.tr(
                    "{count} form(s) the previous user left open were closed without saving."
                ).format(count=closed),
            )
