"""What every form of the window does with the keyboard: Enter moves to the next field and
never saves; Esc (or Cancel) closes a form left as it was, and asks before discarding
what was typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QMessageBox

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FormDialog(QDialog):
    """A form: subclasses say whether anything was typed (:meth:`is_changed`), install this
    dialog as the event filter of their fields, and set ``saving`` while a save runs."""

    saving = False

    def is_changed(self) -> bool:
        """Whether anything was typed or chosen since the form opened."""
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt names it
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in ENTER:
                self.focusNextChild()  # Enter moves on; it never saves
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt names it
        if event.key() in ENTER:
            self.focusNextChild()
            return
        super().keyPressEvent(event)

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
