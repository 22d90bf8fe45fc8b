"""The form of one entry of a patient's record: added, or corrected with a reason.

Its fields are the entry kind's own (mmtracker/logic/history.py), each with the editor
its type calls for (mmtracker/ui/forms/fields.py). As the user types, the form checks
what it holds with the functions the storage services use (the parser, the sanity
limits and dates of mmtracker/logic/validation.py, the §11 phase sequence) and shows
each problem under its field; Save stays disabled until there is none. Saving goes
through the storage services off the GUI thread, in one transaction with the audit
and the re-assessment; a patient changed since the form opened is refused and named.

Keys: Enter moves to the next field and never saves; Ctrl+S saves; Esc closes an
unchanged form and asks before discarding changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
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
from mmtracker.logic.history import ENTRY_KINDS, BoneTherapyDose, Entry, PhaseChange
from mmtracker.logic.label_dose import label_dose_questioned
from mmtracker.logic.parsing import Problem, parse_as, stored_fields
from mmtracker.logic.policy import Policy
from mmtracker.logic.validation import check_entry, check_phase_sequence
from mmtracker.ui.forms.checking import REQUIRED_STYLE, is_required, problems_whatever_chosen
from mmtracker.ui.forms.fields import ChoiceEditor, FieldEditor, editor_for, unit_codes
from mmtracker.ui.forms.form_dialog import PROBLEM_STYLE, FormDialog
from mmtracker.ui.forms.problems import problem_text
from mmtracker.ui.hub import Hub
from mmtracker.ui.patient.entries import field_label, kind_label
from mmtracker.ui.workers import run_task

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.storage.outcomes import ChangeSeen

NOTICE_STYLE = "color: #8a5300; font-weight: bold;"  # asked about at saving, not refused


@dataclass(frozen=True, slots=True)
class FormContext:
    """The patient a form writes to, as the Patient view read it."""

    engine: Engine
    hub: Hub
    policy: Policy
    patient_id: int
    patient_label: str
    born: dt.date
    today: dt.date
    revision: int
    """The patient's revision when the view read it: a write since refuses the save."""
    phase_changes: tuple[PhaseChange, ...]


CORRECTABLE: dict[str, tuple[str, ...]] = {"acknowledgements": ("until", "reason")}
"""Kinds whose form shows only what a user may change: an acknowledgement is made by
Acknowledge / snooze, its item and finding are the rules' (D40); its until-date and reason
may be corrected."""


def form_fields(kind: str) -> list[str]:
    """The fields a form of ``kind`` asks for: every stored field but the entry's id (or
    those of :data:`CORRECTABLE`)."""
    if kind in CORRECTABLE:
        return list(CORRECTABLE[kind])
    return [name for name in stored_fields(ENTRY_KINDS[kind]) if name != "id"]


class EntryDialog(FormDialog):
    """Add an entry of ``kind``, or correct ``entry`` (with a reason)."""

    def __init__(
        self,
        kind: str,
        context: FormContext,
        entry: Entry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind, self.context, self.entry = kind, context, entry
        self._class = ENTRY_KINDS[kind]
        self._id = entry.id if entry is not None else str(uuid.uuid4())
        title = self.tr("New entry: {kind}") if entry is None else self.tr("Correct entry: {kind}")
        self.setWindowTitle(title.format(kind=kind_label(kind)))
        self.setMinimumWidth(560)  # a note, a problem with its range, whole
        hints = typing.get_type_hints(self._class)
        defaults = {
            f.name
            for f in dataclasses.fields(self._class)
            if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        }
        self.editors: dict[str, FieldEditor] = {}
        self.problems: dict[str, QLabel] = {}
        self.notice = self.problem_label()  # a bone-therapy dose off the label (§5)
        self.notice.setStyleSheet(NOTICE_STYLE)
        form = QFormLayout()
        for name in form_fields(kind):
            editor = editor_for(name, hints[name], name in defaults)
            editor.widget.setAccessibleName(field_label(name))
            editor.widget.installEventFilter(self)
            self.editors[name] = editor
            form.addRow(field_label(name), editor.widget)
            self.problems[name] = self.problem_label()
            form.addRow("", self.problems[name])
            if name == "dose_mg":
                form.addRow("", self.notice)
        if entry is not None:
            _, self.problems["reason"] = self.add_reason(
                form, self.tr("Why the entry is corrected (required)")
            )
        self.general = self.problem_label()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAutoDefault(False)
        self.save_button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        layout = QVBoxLayout(self)
        intro = QLabel(context.patient_label)
        intro.setStyleSheet("font-weight: bold;")
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

        self._fill(entry)
        for editor in self.editors.values():
            editor.changed.connect(self.validate)
        if self.reason is not None:
            self.reason.textChanged.connect(self.validate)
        if "analyte" in self.editors and "unit" in self.editors:
            self.editors["analyte"].changed.connect(self._offer_units)
            self._offer_units()
            if entry is not None:
                self.editors["unit"].set_value(getattr(entry, "unit", None))
        self.saving = False
        self._first = self.data()
        self.validate()
        first = next(iter(self.editors.values()), None)
        if first is not None:
            first.widget.setFocus()

    # --- filling and reading --------------------------------------------------------

    def _fill(self, entry: Entry | None) -> None:
        if entry is None:
            for name in ("date", "start_date"):  # what is recorded today, by default
                if name in self.editors:
                    self.editors[name].set_value(self.context.today)
            return
        for name, editor in self.editors.items():
            editor.set_value(getattr(entry, name))

    def _offer_units(self) -> None:
        unit = self.editors["unit"]
        assert isinstance(unit, ChoiceEditor)
        unit.set_codes(unit_codes(self.editors["analyte"].value()))

    def data(self) -> dict[str, Any]:
        """The fields as the form holds them, as the record's parser takes them (a
        correction: over the entry's fields the form does not show)."""
        shown = {name: editor.value() for name, editor in self.editors.items()}
        if self.entry is None:
            return shown
        kept = {
            name: _as_given(getattr(self.entry, name))
            for name in stored_fields(self._class)
            if name != "id" and name not in shown
        }
        return {**kept, **shown}

    def is_changed(self) -> bool:
        """Whether anything was typed or chosen since the form opened."""
        return self.reason_typed() or self.data() != self._first

    # --- checking -------------------------------------------------------------------

    def check(self) -> list[Problem]:
        """What is wrong with the form as it stands (the services' own checks)."""

        def checks(entry: Entry) -> list[Problem]:
            found = check_entry(entry, self.context.born, self.context.today)
            if isinstance(entry, PhaseChange) and not found:
                others = [c for c in self.context.phase_changes if c.id != self._id]
                found = check_phase_sequence([*others, entry])
            return found

        problems = problems_whatever_chosen(self._class, {"id": self._id, **self.data()}, checks)
        return [*problems, *self.reason_problems()]

    def questioned_dose(self) -> tuple[BoneTherapyDose, float] | None:
        """A bone-therapy dose typed off its agent's label, with the label's dose (§5)."""
        if self.kind != "bone_therapy_doses":
            return None
        found, _ = parse_as(BoneTherapyDose, {"id": self._id, **self.data()})
        if found is None:
            return None
        label = label_dose_questioned(found.agent, found.dose_mg)
        return None if label is None else (found, label)

    def _dose_words(self, dose: BoneTherapyDose, label: float) -> dict[str, str]:
        return {
            "agent": i18n.code_label(dose.agent.value),
            "dose": i18n.format_number(dose.dose_mg),
            "label": i18n.format_number(label),
        }

    def validate(self) -> bool:
        """Show each problem under its field; Save only when there is none."""
        problems = self.check()
        self.show_problems(problems)
        questioned = self.questioned_dose()
        self.notice.setVisible(questioned is not None)
        if questioned is not None:
            self.notice.setText(
                self.tr(
                    "The label's dose of {agent} is {label} mg (clinical rules §5); "
                    "you will be asked to confirm {dose} mg before it is saved."
                ).format(**self._dose_words(*questioned))
            )
        self.save_button.setEnabled(not problems and not self.saving)
        return not problems

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Each problem under its field (one naming no field of the form: below them)."""
        by_field: dict[str, list[Problem]] = {}
        general: list[str] = []
        for problem in problems:
            name = problem.path.split(".")[0].split("[")[0]
            if name in self.problems:
                by_field.setdefault(name, []).append(problem)
            else:
                general.append(str(problem))
        for name, label in self.problems.items():
            show_field_problems(label, by_field.get(name, []))
        self.general.setText("\n".join(general))
        self.general.setVisible(bool(general))

    # --- saving ---------------------------------------------------------------------

    def save(self) -> None:
        """Save off the GUI thread when the form is valid; the dialog closes when saved."""
        if self.saving or not self.validate() or not self._dose_confirmed():
            return
        from mmtracker.config import actor

        ctx, kind, data, entry_id = self.context, self.kind, self.data(), self._id
        correcting = self.entry is not None
        reason = self.reason.text() if self.reason is not None else ""
        who = actor()

        def work(_progress: object) -> object:
            from mmtracker.storage import services
            from mmtracker.storage.outcomes import NotFoundError, StaleEditError, ValidationError
            from mmtracker.storage.state import updater

            hook = updater(ctx.today, ctx.policy)
            try:
                if not correcting:
                    return services.add_entry(
                        ctx.engine,
                        ctx.patient_id,
                        kind,
                        data,
                        who,
                        ctx.today,
                        hook,
                        expected_revision=ctx.revision,
                    )
                version = services.entry_version(ctx.engine, kind, entry_id)
                return services.update_entry(
                    ctx.engine,
                    kind,
                    entry_id,
                    version,
                    data,
                    who,
                    ctx.today,
                    hook,
                    reason=reason,
                    expected_revision=ctx.revision,
                )
            except (ValidationError, StaleEditError, NotFoundError) as exc:
                return exc

        self.saving = True
        self.save_button.setEnabled(False)
        run_task(self, work, self._saved, self._failed)

    def _dose_confirmed(self) -> bool:
        """A dose off the label is saved only when the user says it is meant (default: no)."""
        questioned = self.questioned_dose()
        if questioned is None:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Dose off the label"),
            self.tr(
                "Save {dose} mg of {agent}? The label's dose is {label} mg (clinical rules §5)."
            ).format(**self._dose_words(*questioned)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, result: object) -> None:
        from mmtracker.storage.outcomes import Change, StaleEditError, ValidationError

        self.saving = False
        if isinstance(result, Change):
            self.context.hub.patient_changed.emit(result.patient_id)
            self.accept()
            return
        if isinstance(result, ValidationError):
            self.show_problems(result.problems)
        elif isinstance(result, StaleEditError):
            self._stale(result.changes)
        else:
            self._failed(str(result))
        self.save_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        QMessageBox.critical(self, self.tr("Not saved"), message)

    def _stale(self, changes: Sequence[ChangeSeen]) -> None:
        """Say what another workstation wrote meanwhile; offer to read the patient again."""
        lines = [changed_text(c) for c in changes] or [self.tr("a write not in the audit")]
        answer = QMessageBox.warning(
            self,
            self.tr("The patient changed since you opened the form"),
            self.tr(
                "Nothing was saved. Since you opened this form:\n\n{changes}\n\n"
                "Reload the patient to see it? Your form stays open with what you typed."
            ).format(changes="\n".join(lines)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._reload()

    def _reload(self) -> None:
        """Have the Patient view read the patient again, and save against what it now is."""
        ctx = self.context

        def work(_progress: object) -> int:
            from mmtracker.storage.services import patient_revision

            return patient_revision(ctx.engine, ctx.patient_id)

        def read(revision: int) -> None:
            self.context = dataclasses.replace(self.context, revision=revision)
            ctx.hub.patient_changed.emit(ctx.patient_id)

        run_task(self, work, read, self._failed)


def show_field_problems(label: QLabel, problems: Sequence[Problem]) -> None:
    """A field's problems under it: red for a value typed wrong, grey for one still to fill."""
    label.setText("\n".join(problem_text(p.message) for p in problems))
    label.setVisible(bool(problems))
    still_to_fill = all(is_required(p.message) for p in problems)
    label.setStyleSheet(REQUIRED_STYLE if still_to_fill else PROBLEM_STYLE)


def _as_given(value: Any) -> Any:
    """An entry's value as the record's parser takes it: a code as its text, a list."""
    if isinstance(value, StrEnum):
        return value.value
    return list(value) if isinstance(value, tuple) else value


def changed_text(change: ChangeSeen) -> str:
    """One write made meanwhile: what, by whom, when."""
    action = {
        "insert": QCoreApplication.translate("EntryForm", "added"),
        "update": QCoreApplication.translate("EntryForm", "corrected"),
        "delete": QCoreApplication.translate("EntryForm", "deleted"),
    }.get(change.action, change.action)
    return QCoreApplication.translate("EntryForm", "{what} {action} by {who} at {when}").format(
        what=table_label(change.table),
        action=action,
        who=change.actor,
        when=f"{change.at:%Y-%m-%d %H:%M}",
    )


def table_label(table: str) -> str:
    """A database table named as the entry kind it holds."""
    from mmtracker.storage.models import ENTRY_TABLES

    if table == "patient":
        return QCoreApplication.translate("EntryForm", "Patient")
    for kind, model in ENTRY_TABLES.items():
        if model.__tablename__ == table:
            return kind_label(kind)
    return table
