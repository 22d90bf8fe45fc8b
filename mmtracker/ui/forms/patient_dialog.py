"""A patient's details: a new patient (MRN, name, sex, date of birth, height), or the
details of a patient corrected with a reason (the same, and the status: deceased or
transferred out, with its date). Checked as typed; saved off the GUI thread through the
storage services, which refuse an MRN another patient has and a patient changed since
the Patient view read it."""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Sequence
from dataclasses import dataclass
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
from mmtracker.logic.parsing import Problem
from mmtracker.logic.policy import Policy
from mmtracker.logic.validation import check_patient
from mmtracker.ui.forms.checking import problems_whatever_chosen
from mmtracker.ui.forms.entry_dialog import show_field_problems
from mmtracker.ui.forms.fields import ChoiceEditor, FieldEditor, editor_for
from mmtracker.ui.forms.form_dialog import FormDialog
from mmtracker.ui.workers import run_task

if TYPE_CHECKING:
    from sqlalchemy import Engine

FIELDS = ("mrn", "name", "sex", "date_of_birth", "height_cm")
CORRECTED_FIELDS = (*FIELDS, "status", "status_date")


@dataclass(frozen=True, slots=True)
class Correcting:
    """The patient whose details a form corrects, as the Patient view read it."""

    patient_id: int
    patient: Patient
    revision: int
    """The patient's revision when read: a write since refuses the save."""


@dataclass(frozen=True, slots=True)
class _Namesakes:
    """Other patients (their MRNs) with the name and date of birth typed."""

    name: str
    born: dt.date
    mrns: list[str]


class NewPatientDialog(FormDialog):
    """Register a patient (``created`` gives its id once saved), or correct the details of
    one (``correcting``; ``corrected`` gives its id once saved)."""

    created = Signal(int)
    corrected = Signal(int)

    def __init__(
        self,
        engine: Engine,
        policy: Policy,
        today: dt.date,
        parent: QWidget | None = None,
        correcting: Correcting | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine, self._policy, self._today = engine, policy, today
        self.correcting = correcting
        self.setWindowTitle(
            self.tr("New patient") if correcting is None else self.tr("Correct patient details")
        )
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
            "status": self.tr("Status"),
            "status_date": self.tr("Status since"),
        }
        for name in FIELDS if correcting is None else CORRECTED_FIELDS:
            if name == "sex":  # the sexes' own labels: "M" is also a SLiM-CRAB letter
                codes = [(i18n.capitalised(i18n.code_label(s.value, "sex")), s.value) for s in Sex]
                editor: FieldEditor = ChoiceEditor(
                    name, codes, optional=True
                )  # asked, never assumed
            else:
                editor = editor_for(name, hints[name], has_default=name == "height_cm")
            if correcting is not None:
                editor.set_value(getattr(correcting.patient, name))
            editor.widget.setAccessibleName(labels[name])
            editor.widget.installEventFilter(self)
            editor.changed.connect(self.validate)
            self.editors[name] = editor
            form.addRow(labels[name], editor.widget)
            self.problems[name] = self.problem_label()
            form.addRow("", self.problems[name])
        if correcting is not None:
            reason, self.problems["reason"] = self.add_reason(
                form, self.tr("Why the details are corrected (required)")
            )
            reason.textChanged.connect(self.validate)
        self.note = QLabel(
            self.tr(
                "The first phase of the patient is asked for next (a patient without one is "
                "itself a care item)."
            )
            if correcting is None
            else self.tr(
                "A status other than in care (deceased, transferred out) needs its date; "
                "the patient's care items then stop."
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
        self._first = self.data()
        self.validate()
        self.editors["mrn"].widget.setFocus()

    def data(self) -> dict[str, Any]:
        """The fields as typed (the height left out when empty, for a new patient)."""
        found = {name: editor.value() for name, editor in self.editors.items()}
        if found["height_cm"] is None and self.correcting is None:
            del found["height_cm"]
        return found

    def is_changed(self) -> bool:
        """Whether anything was typed or chosen."""
        if self.correcting is not None:
            return self.reason_typed() or self.data() != self._first
        return any(editor.value() not in (None, "", []) for editor in self.editors.values())

    def check(self) -> list[Problem]:
        """What is wrong with the form (the services' own checks; a taken MRN is found on save)."""
        problems = problems_whatever_chosen(
            Patient, self.data(), lambda patient: check_patient(patient, self._today)
        )
        return [*problems, *self.reason_problems()]

    def validate(self) -> bool:
        """Each problem under its field; Save only when there is none."""
        problems = self.check()
        self._show(problems)
        self.save_button.setEnabled(not problems and not self.saving)
        return not problems

    def _show(self, problems: Sequence[Problem]) -> None:
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            by_field.setdefault(problem.path.split(".")[0], []).append(problem)
        for name, label in self.problems.items():
            show_field_problems(label, by_field.get(name, []))

    def save(self, namesakes_seen: bool = False) -> None:
        """Register or correct the patient off the GUI thread; the dialog closes once saved.

        Another patient with this name and date of birth is asked about first (perhaps one
        person registered twice), unless ``namesakes_seen``: the user said to go on."""
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
        correcting = self.correcting
        reason = self.reason.text() if self.reason is not None else ""

        def work(_progress: object) -> object:
            from mmtracker.logic.parsing import parse_as
            from mmtracker.storage.namesakes import namesakes
            from mmtracker.storage.outcomes import StaleEditError, ValidationError
            from mmtracker.storage.services import create_patient, patient_version, update_patient
            from mmtracker.storage.state import updater

            patient, _ = parse_as(Patient, data)
            if patient is not None and not namesakes_seen:
                same = namesakes(engine, patient)
                if same:
                    return _Namesakes(patient.name, patient.date_of_birth, same)
            try:
                if correcting is None:
                    return create_patient(engine, data, who, today, updater(today, policy))
                return update_patient(
                    engine,
                    correcting.patient_id,
                    patient_version(engine, correcting.patient_id),
                    data,
                    who,
                    today,
                    updater(today, policy),
                    reason=reason,
                    expected_revision=correcting.revision,
                )
            except (ValidationError, StaleEditError) as exc:
                return exc

        self.saving = True
        self.save_button.setEnabled(False)
        run_task(self, work, self._saved, self._failed)

    def _saved(self, result: object) -> None:
        from mmtracker.storage.outcomes import Change, StaleEditError, ValidationError
        from mmtracker.ui.forms.entry_dialog import changed_text

        self.saving = False
        if isinstance(result, Change):
            (self.created if self.correcting is None else self.corrected).emit(result.patient_id)
            self.accept()
            return
        if isinstance(result, _Namesakes):
            answer = QMessageBox.question(
                self,
                self.tr("The same name and date of birth"),
                self.tr(
                    "{name}, born {born}, has the name and date of birth of the patient of "
                    "MRN {mrns}. Is this another person? Save only if so: one person "
                    "registered twice splits the record."
                ).format(
                    name=result.name,
                    born=result.born.isoformat(),
                    mrns=", ".join(result.mrns),
                ),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            self.save_button.setEnabled(True)
            if answer == QMessageBox.StandardButton.Save:
                self.save(namesakes_seen=True)
            return
        if isinstance(result, ValidationError):  # an MRN another patient has
            self._show(result.problems)
        elif isinstance(result, StaleEditError):
            lines = [changed_text(c) for c in result.changes] or [self.tr("a write")]
            QMessageBox.warning(
                self,
                self.tr("The patient changed since you opened the form"),
                self.tr(
                    "Nothing was saved. Since you opened this form:\n\n{changes}\n\n"
                    "Close the form and open the details again to see what is now recorded."
                ).format(changes="\n".join(lines)),
            )
        self.save_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        QMessageBox.critical(self, self.tr("Not saved"), message)
