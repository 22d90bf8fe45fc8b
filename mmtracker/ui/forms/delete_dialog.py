"""Deleting an entry: confirmed, with the reason the audit keeps; off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mmtracker.logic.history import Entry
from mmtracker.logic.parsing import stored_fields
from mmtracker.logic.units import unit_label
from mmtracker.ui.forms.entry_dialog import FormContext, changed_text
from mmtracker.ui.patient.entries import field_label, kind_label
from mmtracker.ui.patient.text import value_text
from mmtracker.ui.workers import run_task


class DeleteDialog(QDialog):
    """Delete ``entry`` of ``kind`` once a reason is given."""

    def __init__(
        self, kind: str, entry: Entry, context: FormContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind, self.entry, self.context = kind, entry, context
        self.setWindowTitle(self.tr("Delete entry: {kind}").format(kind=kind_label(kind)))
        self.setMinimumWidth(480)
        question = QLabel(
            self.tr("Delete this entry of {patient}?").format(patient=context.patient_label)
        )
        question.setStyleSheet("font-weight: bold;")
        fields = QFormLayout()  # every field recorded, so that the right entry is deleted
        for name in stored_fields(type(entry)):
            value = getattr(entry, name)
            if name == "id" or value in (None, "", ()):
                continue
            text = unit_label(value) if name == "unit" else value_text(value)
            shown = QLabel(text)
            shown.setWordWrap(True)
            fields.addRow(f"{field_label(name)}:", shown)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the entry is deleted (required)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = self.buttons.addButton(
            self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(
            lambda text: self.delete_button.setEnabled(bool(text.strip()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(fields)
        layout.addWidget(QLabel(self.tr("Reason:")))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt names it
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.delete()  # Enter deletes once a reason is given; it never cancels
            return
        super().keyPressEvent(event)

    def delete(self) -> None:
        """Delete off the GUI thread once a reason is given; the dialog closes when done."""
        reason = self.reason.text().strip()
        if not reason or not self.delete_button.isEnabled():
            return
        from mmtracker.config import actor

        ctx, kind, entry_id, who = self.context, self.kind, self.entry.id, actor()

        def work(_progress: object) -> object:
            from mmtracker.storage import services
            from mmtracker.storage.outcomes import NotFoundError, StaleEditError, ValidationError
            from mmtracker.storage.state import updater

            try:
                version = services.entry_version(ctx.engine, kind, entry_id)
                return services.delete_entry(
                    ctx.engine,
                    kind,
                    entry_id,
                    version,
                    who,
                    updater(ctx.today, ctx.policy),
                    reason=reason,
                    expected_revision=ctx.revision,
                )
            except (ValidationError, StaleEditError, NotFoundError) as exc:
                return exc

        self.delete_button.setEnabled(False)
        run_task(self, work, self._done, self._failed)

    def _done(self, result: object) -> None:
        from mmtracker.storage.outcomes import Change, StaleEditError

        if isinstance(result, Change):
            self.context.hub.patient_changed.emit(result.patient_id)
            self.accept()
            return
        if isinstance(result, StaleEditError):
            lines = [changed_text(c) for c in result.changes]
            self._failed(
                self.tr(
                    "Nothing was deleted: the patient changed since it was shown.\n\n{changes}"
                ).format(changes="\n".join(lines))
            )
            self.context.hub.patient_changed.emit(self.context.patient_id)
            self.reject()
            return
        self._failed(str(result))

    def _failed(self, message: str) -> None:
        self.delete_button.setEnabled(bool(self.reason.text().strip()))
        QMessageBox.warning(self, self.tr("Not deleted"), message)
