"""Signing in to a database that has users (mmtracker/storage/users.py). Passwords are
checked off the GUI thread (argon2 takes a noticeable moment by design)."""

from __future__ import annotations

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

        def work(_progress: object) -> User | str:
            from mmtracker.storage.users import SignInError, authenticate

            try:
                return authenticate(engine, name, password)
            except SignInError as exc:
                return str(exc)

        run_task(self, work, self._checked, self._failed)

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


def refusal_text(message: str) -> str:
    """A sign-in refusal as the user reads it (the services' English, translated by shape)."""
    from PySide6.QtCore import QCoreApplication

    if message == "the name or the password is wrong":
        return QCoreApplication.translate("SignIn", "The name or the password is wrong.")
    if " is locked after " in message:
        return QCoreApplication.translate(
            "SignIn",
            "This account is locked after too many wrong passwords; try again later or ask "
            "an administrator. ({detail})",
        ).format(detail=message)
    if " is disabled" in message:
        return QCoreApplication.translate(
            "SignIn", "This account is disabled: ask an administrator."
        )
    return message


def centred(label: QLabel) -> QLabel:
    """``label`` centred."""
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label
