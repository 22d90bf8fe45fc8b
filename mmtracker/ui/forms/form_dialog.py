"""What every form of the window does with the keyboard: Enter moves to the next field and
never saves (nor presses any button); Esc (or Cancel) closes a form left as it was, and
asks before discarding what was typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from mmtracker.logic.parsing import Problem

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
PROBLEM_STYLE = "color: #b00020;"


class FormDialog(QDialog):
    """A form: subclasses say whether anything was typed (:meth:`is_changed`), install this
    dialog as the event filter of their fields, and set ``saving`` while a save runs.

    Its buttons are pressed by Space, a click or their shortcut (Ctrl+S saves), never by
    Enter: Enter on a button moves on to the next field like everywhere else."""

    saving = False
    reason: QLineEdit | None = None
    """A correction's reason (None: the form adds, it corrects nothing)."""

    @staticmethod
    def problem_label() -> QLabel:
        """A field's problem, under it: red, wrapped, hidden while there is none."""
        label = QLabel()
        label.setStyleSheet(PROBLEM_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def add_reason(self, form: QFormLayout, placeholder: str) -> tuple[QLineEdit, QLabel]:
        """A correction's reason field in ``form`` (``placeholder``: what it asks), and the
        label of its problem under it."""
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(placeholder)
        self.reason.setAccessibleName(QCoreApplication.translate("FormDialog", "Reason"))
        self.reason.installEventFilter(self)
        form.addRow(QCoreApplication.translate("FormDialog", "Reason:"), self.reason)
        problem = self.problem_label()
        form.addRow("", problem)
        return self.reason, problem

    def reason_typed(self) -> bool:
        """Whether a reason was typed (spaces are none)."""
        return self.reason is not None and bool(self.reason.text().strip())

    def reason_problems(self) -> list[Problem]:
        """A correction without its reason, refused as the services refuse it."""
        if self.reason is None or self.reason_typed():
            return []
        return [Problem("reason", "is required: say why")]  # said as the checks' own are

    def is_changed(self) -> bool:
        """Whether anything was typed or chosen since the form opened."""
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:  # Qt names it
        for button in self.findChildren(QAbstractButton):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
            button.installEventFilter(self)
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt names it
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in ENTER:
                self.next_field()  # Enter moves on; it never saves
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt names it
        if event.key() in ENTER:
            self.next_field()
            return
        super().keyPressEvent(event)

    def next_field(self) -> None:
        """Move the focus to the next field, past the buttons (from the last field, the
        first), so that a second Enter never lands on Save."""
        for _ in range(len(self.findChildren(QAbstractButton)) + 1):
            self.focusNextChild()
            if not isinstance(QApplication.focusWidget(), QAbstractButton):
                return

    def reject(self) -> None:
        """Close; a changed form asks first."""
        if self.is_changed() and not self.saving:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("FormDialog", "Discard the changes?"),
                QCoreApplication.translate(
                    "FormDialog", "What you typed in this form is not saved. Discard it?"
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
