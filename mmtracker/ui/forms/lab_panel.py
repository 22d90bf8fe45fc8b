"""The lab panel: one sample date and time, then many analytes in one grid, saved whole.

Tab (and Enter) go from value to value; each analyte's unit is chosen once and
remembered for this user (the window's settings); the lab's own limits are optional.
As values are typed the form shows what the rules compute from them, with the
patient's record: the albumin-corrected calcium (D12), the FLC ratio (§1a Li, §2b) and
the creatinine clearance with the weight it uses (D13). Each value is checked with the
services' own checks; Save (Ctrl+S) is enabled when every value typed is valid, and
writes the panel in one transaction (:func:`mmtracker.storage.services.add_entries`).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mmtracker import i18n
from mmtracker.logic.codes import (
    LAB_REPORT_ORDER,
    QUALITATIVE_ANALYTES,
    Analyte,
    CalciumKind,
    Qualitative,
)
from mmtracker.logic.context import Context
from mmtracker.logic.crab import flc_ratios
from mmtracker.logic.history import LabResult, PatientHistory, entry_order
from mmtracker.logic.labs import calcium_reading
from mmtracker.logic.parsing import parse_as
from mmtracker.logic.renal import renal_function_at
from mmtracker.logic.units import accepted_units, canonical_unit, unit_label
from mmtracker.logic.validation import check_entry
from mmtracker.ui.forms.entry_dialog import FormContext, changed_text
from mmtracker.ui.forms.fields import DateEditor, NumberEditor, TimeEditor
from mmtracker.ui.forms.form_dialog import PROBLEM_STYLE, FormDialog
from mmtracker.ui.forms.problems import problem_text
from mmtracker.ui.workers import run_task

PANEL: tuple[Analyte, ...] = LAB_REPORT_ORDER
"""The analytes of the panel, in the order a lab report lists them."""
UNIT_KEY = "lab-units/{analyte}"  # the window's settings: the unit each analyte was last typed in


class _Row:
    """One analyte's widgets: its value, unit (or result), limits and problem."""

    def __init__(self, analyte: Analyte, unit: str | None) -> None:
        self.analyte = analyte
        self.qualitative = analyte in QUALITATIVE_ANALYTES
        self.result = QComboBox()
        self.value = NumberEditor("value", whole=False)
        if self.qualitative:
            self.result.addItem("—", None)
            for result in Qualitative:
                self.result.addItem(i18n.code_label(result.value), result.value)
        self.unit = QComboBox()
        if not self.qualitative:  # a result of immunofixation has no unit
            for code in accepted_units(analyte):
                self.unit.addItem(unit_label(code), code)
            self.unit.setCurrentIndex(max(self.unit.findData(unit or canonical_unit(analyte)), 0))
        self.kind = QComboBox()  # calcium: total, adjusted or ionised (D16)
        for kind in CalciumKind:
            self.kind.addItem(i18n.code_label(kind.value), kind.value)
        self.low = NumberEditor("ref_low", whole=False)
        self.high = NumberEditor("ref_high", whole=False)
        self.problem = QLabel()
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.setMinimumWidth(420)  # a range whole, on one line, beside its analyte

    @property
    def entry_widget(self) -> QWidget:
        """Where the value (or result) is typed."""
        return self.result if self.qualitative else self.value.widget

    def given(self) -> bool:
        """Whether a value (or result) was typed."""
        if self.qualitative:
            return self.result.currentData() is not None
        return self.value.value() is not None

    def data(self, day: Any, time: Any) -> dict[str, Any]:
        """The lab result as the record's parser takes it."""
        found: dict[str, Any] = {"date": day, "analyte": self.analyte.value}
        if time is not None:
            found["time"] = time
        if self.qualitative:
            found["qualitative"] = self.result.currentData()
            return found
        found |= {"value": self.value.value(), "unit": self.unit.currentData()}
        for name, editor in (("ref_low", self.low), ("ref_high", self.high)):
            if editor.value() is not None:
                found[name] = editor.value()
        if self.analyte is Analyte.CALCIUM:
            found["calcium_kind"] = self.kind.currentData()
        return found


class LabPanelDialog(FormDialog):
    """Many lab results of one sample (date, and time when known), written together."""

    def __init__(
        self, context: FormContext, history: PatientHistory, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from mmtracker.ui.main_window import window_settings

        self.context, self._history = context, history
        self._settings = window_settings()
        self.setWindowTitle(self.tr("Lab panel"))
        self.setMinimumWidth(1120)
        self.date = DateEditor("date")
        self.date.set_value(context.today)
        self.date.widget.setAccessibleName(self.tr("Sample date"))
        self.time = TimeEditor("time")
        self.time.widget.setAccessibleName(self.tr("Sample time"))
        self.date_problem = QLabel()
        self.date_problem.setStyleSheet(PROBLEM_STYLE)

        grid = QGridLayout()
        for column, title in enumerate(
            (
                self.tr("Analyte"),
                self.tr("Value"),
                self.tr("Unit"),
                self.tr("Lower limit"),
                self.tr("Upper limit"),
                "",
            )
        ):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.rows: list[_Row] = []
        for index, analyte in enumerate(PANEL, start=1):
            remembered = self._settings.value(UNIT_KEY.format(analyte=analyte.value))
            row = _Row(analyte, str(remembered) if remembered else None)
            name = i18n.code_label(analyte.value)
            label = QLabel(i18n.capitalised(name))
            label.setBuddy(row.entry_widget)
            row.entry_widget.setAccessibleName(name)
            grid.addWidget(label, index, 0)
            grid.addWidget(row.entry_widget, index, 1)
            if not row.qualitative:
                if analyte is Analyte.CALCIUM:  # its unit and its kind side by side
                    units = QWidget()
                    pair = QGridLayout(units)
                    pair.setContentsMargins(0, 0, 0, 0)
                    pair.addWidget(row.unit, 0, 0)
                    pair.addWidget(row.kind, 0, 1)
                    grid.addWidget(units, index, 2)
                else:
                    grid.addWidget(row.unit, index, 2)
                grid.addWidget(row.low.widget, index, 3)
                grid.addWidget(row.high.widget, index, 4)
            grid.addWidget(row.problem, index, 5)
            for widget in (row.entry_widget, row.unit, row.kind, row.low.widget, row.high.widget):
                widget.installEventFilter(self)
            row.value.changed.connect(self.validate)
            row.low.changed.connect(self.validate)
            row.high.changed.connect(self.validate)
            row.result.currentIndexChanged.connect(self.validate)
            row.unit.currentIndexChanged.connect(self.validate)
            row.kind.currentIndexChanged.connect(self.validate)
            self.rows.append(row)
        grid.setColumnStretch(5, 1)
        for editor in (self.date, self.time):
            editor.changed.connect(self.validate)
            editor.widget.installEventFilter(self)
        self.computed = QLabel()
        self.computed.setWordWrap(True)
        self.general = QLabel()
        self.general.setStyleSheet(PROBLEM_STYLE)
        self.general.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        layout = QVBoxLayout(self)
        intro = QLabel(context.patient_label)
        intro.setStyleSheet("font-weight: bold;")
        layout.addWidget(intro)
        top = QGridLayout()
        top.addWidget(QLabel(self.tr("Sample date:")), 0, 0)
        top.addWidget(self.date.widget, 0, 1)
        top.addWidget(QLabel(self.tr("Time (optional):")), 0, 2)
        top.addWidget(self.time.widget, 0, 3)
        top.addWidget(self.date_problem, 0, 4)
        top.setColumnStretch(4, 1)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.computed)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        # Tab goes from the date through every value, then through units and limits (set
        # once the widgets are in the dialog: Qt orders only widgets of one window)
        order = [self.date.widget, self.time.widget, *(r.entry_widget for r in self.rows)]
        order += [
            w for r in self.rows if not r.qualitative for w in (r.unit, r.low.widget, r.high.widget)
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.saving = False
        self.validate()
        self.rows[0].entry_widget.setFocus()

    # --- reading and checking -------------------------------------------------------

    def data(self) -> list[dict[str, Any]]:
        """The results typed, as the record's parser takes them."""
        day, time = self.date.value(), self.time.value()
        return [row.data(day, time) for row in self.rows if row.given()]

    def check(self) -> tuple[dict[int, list[str]], list[str], list[str], list[LabResult]]:
        """Problems by row, of the sample's date and time, of no row; the valid results."""
        by_row: dict[int, list[str]] = {}
        sample: list[str] = []
        general: list[str] = []
        valid: list[LabResult] = []
        day, time = self.date.value(), self.time.value()
        for index, row in enumerate(self.rows):
            if not row.given():
                if row.low.value() is not None or row.high.value() is not None:
                    by_row[index] = [self.tr("a limit without a value")]
                continue
            entry, problems = parse_as(LabResult, {"id": f"panel-{index}", **row.data(day, time)})
            if entry is not None:
                problems = check_entry(entry, self.context.born, self.context.today)
                if not problems:
                    valid.append(entry)
            for problem in problems:
                if problem.path == "date":
                    sample.append(f"{self.tr('Sample date')}: {problem_text(problem.message)}")
                elif problem.path == "time":
                    sample.append(f"{self.tr('Sample time')}: {problem_text(problem.message)}")
                else:
                    by_row.setdefault(index, []).append(problem_text(problem.message))
        if not self.data():
            general.append(self.tr("Type at least one value."))
        return by_row, sorted(set(sample)), general, valid

    def is_changed(self) -> bool:
        """Whether a value was typed."""
        return bool(self.data())

    def validate(self) -> bool:
        """Show each problem beside its analyte, the computed values; Save when all is valid."""
        by_row, sample, general, valid = self.check()
        for index, row in enumerate(self.rows):
            row.problem.setText("; ".join(by_row.get(index, [])))
        self.date_problem.setText("; ".join(sample))
        self.general.setText("\n".join(general))
        self.computed.setText(self._computed(valid))
        ok = not by_row and not sample and not general
        self.save_button.setEnabled(ok and not self.saving)
        return ok

    def _computed(self, entered: Sequence[LabResult]) -> str:
        """What the rules compute from the values typed and the record (D12, §1a Li, D13)."""
        if not entered:
            return ""
        day = entered[0].date
        history = dataclasses.replace(
            self._history,
            lab_results=tuple(sorted((*self._history.lab_results, *entered), key=entry_order)),
        )
        ctx = Context(history, max(day, self.context.today), self.context.policy)
        said: list[str] = []
        analytes = {e.analyte for e in entered}
        if Analyte.CALCIUM in analytes:
            value = next(
                (v for v in reversed(ctx.labs.series(Analyte.CALCIUM)) if v.date == day), None
            )
            reading = calcium_reading(ctx.labs, self.context.policy, value) if value else None
            if reading is not None and reading.basis == "corrected":
                said.append(
                    self.tr("Corrected calcium (D12): {value} mmol/L").format(
                        value=i18n.format_number(round(reading.value, 2))
                    )
                )
        if analytes & {Analyte.FLC_KAPPA, Analyte.FLC_LAMBDA}:
            ratios = [r for r in flc_ratios(ctx) if r.date == day]
            if ratios and ratios[-1].ratio is not None:
                said.append(
                    self.tr("FLC ratio (involved/uninvolved): {ratio}").format(
                        ratio=i18n.format_number(round(ratios[-1].ratio, 2))
                    )
                )
        if Analyte.CREATININE in analytes:
            renal = renal_function_at(ctx, day)
            if renal is not None and renal.crcl is not None and renal.weight is not None:
                said.append(
                    self.tr("CrCl {crcl} mL/min (weight {weight} kg of {date})").format(
                        crcl=i18n.format_number(round(renal.crcl, 1)),
                        weight=i18n.format_number(renal.weight.weight_kg),
                        date=renal.weight.date.isoformat(),
                    )
                )
            elif renal is not None:
                said.append(self.tr("CrCl: record a weight to compute it (D13)"))
        return " · ".join(said)

    # --- saving ---------------------------------------------------------------------

    def save(self) -> None:
        """Write the panel off the GUI thread, whole or not at all; remember the units."""
        if self.saving or not self.validate():
            return
        from mmtracker.config import actor

        ctx, items, who = self.context, self.data(), actor()
        for row in self.rows:
            if row.given() and not row.qualitative:
                self._settings.setValue(
                    UNIT_KEY.format(analyte=row.analyte.value), row.unit.currentData()
                )

        def work(_progress: object) -> object:
            from mmtracker.storage import services
            from mmtracker.storage.outcomes import StaleEditError, ValidationError
            from mmtracker.storage.state import updater

            try:
                return services.add_entries(
                    ctx.engine,
                    ctx.patient_id,
                    "lab_results",
                    items,
                    who,
                    ctx.today,
                    updater(ctx.today, ctx.policy),
                    expected_revision=ctx.revision,
                )
            except (ValidationError, StaleEditError) as exc:
                return exc

        self.saving = True
        self.save_button.setEnabled(False)
        run_task(self, work, self._saved, self._failed)

    def _saved(self, result: object) -> None:
        from mmtracker.storage.outcomes import Change, StaleEditError, ValidationError

        self.saving = False
        if isinstance(result, Change):
            self.context.hub.patient_changed.emit(result.patient_id)
            self.accept()
            return
        if isinstance(result, StaleEditError):
            lines = [changed_text(c) for c in result.changes]
            QMessageBox.warning(
                self,
                self.tr("The patient changed since you opened the panel"),
                self.tr(
                    "Nothing was saved. Since you opened this panel:\n\n{changes}\n\n"
                    "Close the panel, read the patient again and type the values anew."
                ).format(changes="\n".join(lines)),
            )
        elif isinstance(result, ValidationError):
            self.general.setText("\n".join(str(p) for p in result.problems))
        self.save_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        QMessageBox.critical(self, self.tr("Not saved"), message)

    def problems_of(self, analyte: Analyte) -> str:
        """The problems shown beside an analyte (for tests and screenshots)."""
        return next(r.problem.text() for r in self.rows if r.analyte is analyte)

    def row(self, analyte: Analyte) -> _Row:
        """An analyte's widgets."""
        return next(r for r in self.rows if r.analyte is analyte)
