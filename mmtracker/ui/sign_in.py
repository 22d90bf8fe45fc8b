"""Signing in to a database that has users (mmtracker/storage/users.py). Passwords are
checked off the GUI thread (argon2 takes a noticeable moment by design)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mmtracker.ui.forms.problems import QT_TRANSLATE_NOOP, by_shape
from mmtracker.ui.workers import run_task

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.storage.users import User

ERROR_STYLE = "color: #b00020;"


def password_field() -> QLineEdit:
    """A field whose text is not shown."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class SignInDialog(QDialog):
    """Who is at the workstation: name and password; ``user`` once accepted."""

    def __init__(self, engine: Engine, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.user: User | None = None
        self.setWindowTitle(self.tr("Sign in to mmtracker"))
        self.name = QLineEdit()
        self.password = password_field()
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.sign_in = QPushButton(self.tr("Sign in"))
        self.sign_in.setDefault(True)
        self.sign_in.clicked.connect(self.try_sign_in)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.sign_in, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Database: {database}").format(database=database)))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.name.setFocus()

    def try_sign_in(self) -> None:
        """Check the name and password off the GUI thread; accept when they are right."""
        engine, name, password = self._engine, self.name.text(), self.password.text()
        self.sign_in.setEnabled(False)
        self.message.setText(self.tr("Checking…"))

        run_task(
            self, lambda _progress: checked(engine, name, password), self._checked, self._failed
        )

    def _checked(self, result: User | str) -> None:
        self.sign_in.setEnabled(True)
        self.password.clear()
        if isinstance(result, str):
            self.message.setText(refusal_text(result))
            self.password.setFocus()
            return
        self.user = result
        self.accept()

    def _failed(self, message: str) -> None:
        self.sign_in.setEnabled(True)
        self.message.setText(message)


def checked(engine: Engine, name: str, password: str) -> User | str:
    """The user signed in with ``name`` and ``password``, or the refusal's message (in the
    worker thread: argon2 takes a moment by design)."""
    from mmtracker.storage.users import SignInError, authenticate

    try:
        return authenticate(engine, name, password)
    except SignInError as exc:
        return str(exc)


# The sign-in's refusals (mmtracker/storage/users.py), said in the window's language.
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), text)
    for pattern, text in (
        (
            r"the name or the password is wrong",
            QT_TRANSLATE_NOOP("SignIn", "The name or the password is wrong."),
        ),
        (
            r"the account (?P<name>\S+) is locked after (?P<count>\d+) failed sign-ins until "
            r"(?P<time>\S+): .*",
            QT_TRANSLATE_NOOP(
                "SignIn",
                "The account {name} is locked after {count} wrong passwords until {time}: try "
                "again then, or ask an administrator to lift the lock-out.",
            ),
        ),
        (
            r"the account (?P<name>\S+) is locked after (?P<count>\d+) failed sign-ins for "
            r"(?P<minutes>\d+) minutes: .*",
            QT_TRANSLATE_NOOP(
                "SignIn",
                "The account {name} is locked after {count} wrong passwords for {minutes} "
                "minutes: try again then, or ask an administrator to lift the lock-out.",
            ),
        ),
        (
            r"the account (?P<name>\S+) is disabled: ask an administrator",
            QT_TRANSLATE_NOOP("SignIn", "This account is disabled: ask an administrator."),
        ),
    )
)


def refusal_text(message: str) -> str:
    """A sign-in refusal as the user reads it (the services' English, translated by shape)."""
    return by_shape(message, _SHAPES, "SignIn")


def centred(label: QLabel) -> QLabel:
    """``label`` centred."""
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label
