"""A new patient: MRN, name, sex, date of birth (and height), checked as typed; saved off the
GUI thread through the storage services, which refuse an MRN another patient has."""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mmtracker import i18n
from mmtracker.logic.codes import Sex
from mmtracker.logic.history import Patient
from mmtracker.logic.parsing import Problem, parse_as
from mmtracker.logic.policy import Policy
from mmtracker.logic.validation import check_patient
from mmtracker.ui.forms.entry_dialog import PROBLEM_STYLE
from mmtracker.ui.forms.fields import ChoiceEditor, FieldEditor, editor_for
from mmtracker.ui.forms.form_dialog import FormDialog
from mmtracker.ui.forms.problems import problem_text
from mmtracker.ui.workers import run_task

if TYPE_CHECKING:
    from sqlalchemy import Engine

FIELDS = ("mrn", "name", "sex", "date_of_birth", "height_cm")


class NewPatientDialog(FormDialog):
    """Register a patient; ``created`` gives the new patient's id once saved."""

    created = Signal(int)

    def __init__(
        self,
        engine: Engine,
        policy: Policy,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine, self._policy, self._today = engine, policy, today
        self.setWindowTitle(self.tr("New patient"))
        self.setMinimumWidth(520)
        hints = typing.get_type_hints(Patient)
        self.editors: dict[str, FieldEditor] = {}
        self.problems: dict[str, QLabel] = {}
        form = QFormLayout()
        labels = {
            "mrn": self.tr("MRN"),
            "name": self.tr("Name"),
            "sex": self.tr("Sex"),
            "date_of_birth": self.tr("Date of birth"),
            "height_cm": self.tr("Height (cm)"),
        }
        for name in FIELDS:
            if name == "sex":  # the sexes' own labels: "M" is also a SLiM-CRAB letter
                codes = [(i18n.code_label(s.value, "sex"), s.value) for s in Sex]
                editor: FieldEditor = ChoiceEditor(
                    name, codes, optional=True
                )  # asked, never assumed
            else:
                editor = editor_for(name, hints[name], has_default=name == "height_cm")
            editor.widget.setAccessibleName(labels[name])
            editor.widget.installEventFilter(self)
            editor.changed.connect(self.validate)
            self.editors[name] = editor
            form.addRow(labels[name], editor.widget)
            label = QLabel()
            label.setStyleSheet(PROBLEM_STYLE)
            label.setWordWrap(True)
            label.hide()
            self.problems[name] = label
            form.addRow("", label)
        self.note = QLabel(
            self.tr(
                "The first phase of the patient is asked for next (a patient without one is "
                "itself a care item)."
            )
        )
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.saving = False
        self.validate()
        self.editors["mrn"].widget.setFocus()

    def data(self) -> dict[str, Any]:
        """The fields as typed (the height left out when empty)."""
        found = {name: editor.value() for name, editor in self.editors.items()}
        if found["height_cm"] is None:
            del found["height_cm"]
        return found

    def is_changed(self) -> bool:
        """Whether anything was typed or chosen."""
        return any(editor.value() not in (None, "", []) for editor in self.editors.values())

    def check(self) -> list[Problem]:
        """What is wrong with the form (the services' own checks; a taken MRN is found on save)."""
        patient, problems = parse_as(Patient, self.data())
        return check_patient(patient, self._today) if patient is not None else problems

    def validate(self) -> bool:
        """Each problem under its field; Save only when there is none."""
        problems = self.check()
        self._show(problems)
        self.save_button.setEnabled(not problems and not self.saving)
        return not problems

    def _show(self, problems: Sequence[Problem]) -> None:
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.path.split(".")[0], []).append(
                problem_text(problem.message)
            )
        for name, label in self.problems.items():
            label.setText("\n".join(by_field.get(name, [])))
            label.setVisible(name in by_field)

    def save(self) -> None:
        """Register the patient off the GUI thread; the dialog closes once saved."""
        if self.saving or not self.validate():
            return
        from mmtracker.config import actor

        engine, policy, today, data, who = (
            self._engine,
            self._policy,
            self._today,
            self.data(),
            actor(),
        )

        def work(_progress: object) -> object:
            from mmtracker.storage.outcomes import ValidationError
            from mmtracker.storage.services import create_patient
            from mmtracker.storage.state import updater

            try:
                return create_patient(engine, data, who, today, updater(today, policy))
            except ValidationError as exc:
                return exc

        self.saving = True
        self.save_button.setEnabled(False)
        run_task(self, work, self._saved, self._failed)

    def _saved(self, result: object) -> None:
        from mmtracker.storage.outcomes import Change, ValidationError

        self.saving = False
        if isinstance(result, Change):
            self.created.emit(result.patient_id)
            self.accept()
            return
        if isinstance(result, ValidationError):  # an MRN another patient has
            self._show(result.problems)
        self.save_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        QMessageBox.critical(self, self.tr("Not saved"), message)
