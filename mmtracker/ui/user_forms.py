"""Forms for the people who sign in (mmtracker/storage/users.py): a new user (the first
administrator of a database without users, or one an administrator adds) and a new password
(an administrator's reset, or a user changing their own). The storage services check every
rule and the role; the work runs off the GUI thread (argon2 takes a moment by design)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
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
from mmtracker.ui.sign_in import ERROR_STYLE, password_field
from mmtracker.ui.workers import run_task

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.storage.users import Role, User


T = TypeVar("T")

# The users services' refusals (English for every caller), said in the window's language.
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), text)
    for pattern, text in (
        (
            r"password: at least (?P<least>\d+) characters, not (?P<count>\d+)",
            QT_TRANSLATE_NOOP("Users", "The password needs at least {least} characters."),
        ),
        (
            r"password: at most (?P<most>\d+) characters",
            QT_TRANSLATE_NOOP("Users", "The password may have at most {most} characters."),
        ),
        (
            r"name: 1–64 characters.*",
            QT_TRANSLATE_NOOP(
                "Users",
                "The sign-in name takes 1–64 characters: letters a–z, digits, '.', '_' or '-', "
                "starting with a letter or a digit.",
            ),
        ),
        (
            r"name: (?P<name>\S+) is already a user",
            QT_TRANSLATE_NOOP("Users", "{name} is already a user of this database."),
        ),
        (
            r"display_name: 1–200 characters",
            QT_TRANSLATE_NOOP("Users", "The full name takes 1–200 characters."),
        ),
        (
            r"role: (?P<name>\S+) is the last active administrator: make another one first",
            QT_TRANSLATE_NOOP(
                "Users",
                "{name} is the last active administrator: make another user an administrator "
                "first.",
            ),
        ),
        (
            r"active: an administrator does not disable their own account",
            QT_TRANSLATE_NOOP("Users", "An administrator does not disable their own account."),
        ),
        (
            r"current password: is not the right one",
            QT_TRANSLATE_NOOP("Users", "The current password is not the right one."),
        ),
        (
            r"(?P<what>.+) needs the role administrator; (?P<name>\S+) is an? (?P<role>\S+)",
            QT_TRANSLATE_NOOP(
                "Users", "Only an administrator may do this; {name} is signed in as {role}."
            ),
        ),
        (
            r"(?P<what>.+) needs the role (?P<needed>[a-z ]+); (?P<name>\S+) is an? (?P<role>\S+)",
            QT_TRANSLATE_NOOP(
                "Users", "This needs the role {needed}; {name} is signed in as {role}."
            ),
        ),
        (
            r"(?P<what>.+) needs the role physician: a nurse corrects or deletes only what she "
            r"entered herself today",
            QT_TRANSLATE_NOOP(
                "Users",
                "Only a physician may do this: a nurse corrects or deletes only what she "
                "entered herself today.",
            ),
        ),
        (
            r"(?P<name>\S+) is not an active user of this database: sign in as one of its users",
            QT_TRANSLATE_NOOP(
                "Users",
                "{name} is not an active user of this database: sign in as one of its users.",
            ),
        ),
    )
)


def refused(call: Callable[[], T]) -> T | list[str]:
    """What ``call`` (a users service, in the worker thread) gives, or what its refusal says,
    a line each: a ValidationError's problems, a PermissionDeniedError's message."""
    from mmtracker.storage.outcomes import ValidationError
    from mmtracker.storage.users import PermissionDeniedError

    try:
        return call()
    except ValidationError as exc:
        return [str(problem) for problem in exc.problems]
    except PermissionDeniedError as exc:
        return [str(exc)]


def user_message(messages: list[str]) -> str:
    """Refusals of the users services (:func:`refused`) in the installed language, each on
    its own line (as written when of no known shape)."""
    return "\n".join(by_shape(message, _SHAPES, "Users", _role_named) for message in messages)


def _role_named(parts: dict[str, str]) -> dict[str, str]:
    """A message's parts, the roles among them named in the installed language."""
    names = role_names()
    if "role" in parts:
        parts["role"] = names.get(parts["role"], parts["role"])
    if "needed" in parts:
        either = QCoreApplication.translate("Users", " or ")
        parts["needed"] = either.join(names.get(r, r) for r in parts["needed"].split(" or "))
    return parts


def failure_text(exc: Exception) -> str:
    """An error a worker met, as the user reads it: a refusal for want of a role in the
    installed language, anything else as it says itself."""
    from mmtracker.storage.users import PermissionDeniedError

    if isinstance(exc, PermissionDeniedError):
        return user_message([str(exc)])
    return str(exc) or type(exc).__name__


def _rules(owner: QWidget, engine: Engine, name_rule: bool) -> QLabel:
    """A label saying what a sign-in name (with ``name_rule``) and a password must be, the
    database's shortest password read off the GUI thread."""
    from mmtracker.storage.users import SecuritySettings

    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")

    def read(_progress: object) -> int:
        from mmtracker.storage.users import security_settings

        with engine.connect() as conn:
            return security_settings(conn).min_password_length

    def show(least: int) -> None:
        texts = (
            [
                QCoreApplication.translate(
                    "Users",
                    "Sign-in name: letters a–z, digits, '.', '_' or '-', starting with a letter or "
                    "a digit.",
                )
            ]
            if name_rule
            else []
        )
        texts.append(
            QCoreApplication.translate(
                "Users",
                "Password: at least {least} characters; a phrase of several words is "
                "easiest to remember.",
            ).format(least=least)
        )
        label.setText("\n".join(texts))

    show(SecuritySettings().min_password_length)  # sized for at once; the database's follows
    run_task(owner, read, show)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def role_names() -> dict[str, str]:
    """Each role's name in the installed language, by its stored value."""
    return {
        "nurse": QCoreApplication.translate("Users", "Nurse"),
        "physician": QCoreApplication.translate("Users", "Physician"),
        "administrator": QCoreApplication.translate("Users", "Administrator"),
    }


class NewUserDialog(QDialog):
    """A new user: sign-in name, full name, role and password (typed twice). ``first``: the
    first administrator of a database without users, whose role is fixed. ``user`` once
    saved."""

    def __init__(
        self, engine: Engine, actor: str, *, first: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine, self._actor = engine, actor
        self.user: User | None = None
        self.name = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for value, shown in role_names().items():
            self.role.addItem(shown, value)
        self.password = password_field()
        self.again = password_field()
        self.message = _error_label()
        self.save = QPushButton(
            self.tr("Create the administrator") if first else self.tr("Add the user")
        )
        self.save.setDefault(True)
        self.save.clicked.connect(self.try_save)
        buttons = QDialogButtonBox()
        later = buttons.addButton(
            self.tr("Later") if first else self.tr("Cancel"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        later.clicked.connect(self.reject)
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.AcceptRole)
        form = QFormLayout()
        form.addRow(self.tr("Sign-in name:"), self.name)
        form.addRow(self.tr("Full name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.again)
        layout = QVBoxLayout(self)
        if first:
            self.setWindowTitle(self.tr("The first administrator"))
            self.role.setCurrentIndex(self.role.findData("administrator"))
            self.role.setEnabled(False)
            intro = QLabel(
                self.tr(
                    "This database has no users yet: anyone who starts mmtracker sees every "
                    "patient, and changes are recorded as {actor}. Create its first "
                    "administrator now; the administrator then gives each nurse and physician "
                    "an account (File ▸ Users…)."
                ).format(actor=actor)
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        else:
            self.setWindowTitle(self.tr("Add a user"))
            self.role.setCurrentIndex(self.role.findData("nurse"))
        layout.addLayout(form)
        layout.addWidget(_rules(self, engine, name_rule=True))
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def try_save(self) -> None:
        """Make the user off the GUI thread; accept once made, else say why not."""
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        from mmtracker.storage.users import Role

        engine, actor = self._engine, self._actor
        name, display = self.name.text(), self.display_name.text().strip() or self.name.text()
        role, password = Role(self.role.currentData()), self.password.text()
        self.save.setEnabled(False)
        self.message.setText(self.tr("Saving…"))

        def work(_progress: object) -> User | list[str]:
            return _made(engine, name, display, role, password, actor)

        run_task(self, work, self._saved, self._failed)

    def _saved(self, result: User | list[str]) -> None:
        self.save.setEnabled(True)
        if isinstance(result, list):
            self.message.setText(user_message(result))
            return
        self.user = result
        self.accept()

    def _failed(self, message: str) -> None:
        self.save.setEnabled(True)
        self.message.setText(message)


def _made(
    engine: Engine, name: str, display: str, role: Role, password: str, actor: str
) -> User | list[str]:
    """The user made, or why not (in the worker thread)."""
    from mmtracker.storage.users import create_user

    return refused(lambda: create_user(engine, name, display, role, password, actor))


class PasswordDialog(QDialog):
    """A new password for ``name``, typed twice: ``own``, the signed-in user's own, which
    needs the current one too; else an administrator's reset, which also lifts a lock-out."""

    def __init__(
        self, engine: Engine, actor: str, name: str, *, own: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine, self._actor, self._name = engine, actor, name
        self.current = password_field()
        self.password = password_field()
        self.again = password_field()
        self.message = _error_label()
        self.save = QPushButton(self.tr("Change the password"))
        self.save.setDefault(True)
        self.save.clicked.connect(self.try_save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        if own:
            self.setWindowTitle(self.tr("Change my password"))
            form.addRow(self.tr("Current password:"), self.current)
        else:
            self.setWindowTitle(self.tr("Reset the password of {name}").format(name=name))
        form.addRow(self.tr("New password:"), self.password)
        form.addRow(self.tr("New password again:"), self.again)
        self._own = own
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_rules(self, engine, name_rule=False))
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)

    def try_save(self) -> None:
        """Store the new password off the GUI thread; accept once stored."""
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("The two new passwords differ."))
            return
        engine, actor, name = self._engine, self._actor, self._name
        password = self.password.text()
        current = self.current.text() if self._own else None
        self.save.setEnabled(False)

        def work(_progress: object) -> list[str] | None:
            from mmtracker.storage.users import set_password

            return refused(lambda: set_password(engine, name, password, actor, current=current))

        run_task(self, work, self._saved, self._failed)

    def _saved(self, refusal: list[str] | None) -> None:
        self.save.setEnabled(True)
        if refusal is not None:
            self.message.setText(user_message(refusal))
            return
        self.accept()

    def _failed(self, message: str) -> None:
        self.save.setEnabled(True)
        self.message.setText(message)
