"""One editor per field of an entry, chosen by the field's type in the record's classes.

Each editor gives its value as the record's parser takes it (:func:`mmtracker.logic.
parsing.parse_as`): text for a date or a time (the parser says what is wrong with it), a number
or the text typed when it is none, a code, true/false/None, a list of text. The form
validates those values with the same functions the storage services use, so what the
form accepts is what is saved.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from mmtracker import i18n
from mmtracker.logic.codes import Analyte
from mmtracker.logic.units import accepted_units, unit_label


class FieldEditor(QObject):
    """A field's editor: its widget, its value as the parser takes it, and a signal."""

    changed = Signal()

    def __init__(self, name: str, widget: QWidget) -> None:
        super().__init__(widget)
        self.name = name
        self.widget = widget

    def value(self) -> Any:
        """The value typed or chosen (None: left empty)."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a value of the record (None: empty)."""
        raise NotImplementedError


class TextEditor(FieldEditor):
    """Free text; empty is "" where the field has a default text, else None."""

    def __init__(self, name: str, optional: bool) -> None:
        box = QLineEdit()
        super().__init__(name, box)
        self._box, self._optional = box, optional
        box.textChanged.connect(self.changed)

    def value(self) -> Any:
        text = self._box.text().strip()
        return None if self._optional and not text else text

    def set_value(self, value: Any) -> None:
        self._box.setText("" if value is None else str(value))


class DateEditor(TextEditor):
    """A date typed as YYYY-MM-DD (the parser names a date it cannot read)."""

    def __init__(self, name: str) -> None:
        super().__init__(name, optional=True)
        self._box.setPlaceholderText(QCoreApplication.translate("EntryForm", "YYYY-MM-DD"))

    def set_value(self, value: Any) -> None:
        self._box.setText(value.isoformat() if isinstance(value, dt.date) else "")


class TimeEditor(TextEditor):
    """A time of day typed as HH:MM, 24-hour (the parser names a time it cannot read)."""

    def __init__(self, name: str) -> None:
        super().__init__(name, optional=True)
        self._box.setPlaceholderText(QCoreApplication.translate("EntryForm", "HH:MM"))
        self._box.setMaximumWidth(self._box.fontMetrics().horizontalAdvance("00:00000") + 16)

    def set_value(self, value: Any) -> None:
        self._box.setText(value.strftime("%H:%M") if isinstance(value, dt.time) else "")


class NumberEditor(TextEditor):
    """A number; a decimal comma is read as a point; text that is no number is given as
    typed, so that the parser says what is wrong with it."""

    def __init__(self, name: str, whole: bool) -> None:
        super().__init__(name, optional=True)
        self._whole = whole

    def value(self) -> Any:
        text = self._box.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if self._whole and number.is_integer() and "." not in text else number

    def set_value(self, value: Any) -> None:
        # Plain digits that read back as the same number (1e-05, not 10⁻⁵)
        self._box.setText("" if value is None else f"{value:g}")


class ChoiceEditor(FieldEditor):
    """One code of a list (a blank first where the field may be left empty)."""

    def __init__(self, name: str, codes: list[tuple[str, Any]], optional: bool) -> None:
        box = QComboBox()
        super().__init__(name, box)
        self._box = box
        if optional:
            box.addItem("—", None)
        for label, code in codes:
            box.addItem(label, code)
        box.currentIndexChanged.connect(self.changed)

    def value(self) -> Any:
        return self._box.currentData()

    def set_value(self, value: Any) -> None:
        code = value.value if isinstance(value, StrEnum) else value
        self._box.setCurrentIndex(max(self._box.findData(code), 0))

    def set_codes(self, codes: list[tuple[str, Any]]) -> None:
        """Offer other codes, keeping the chosen one where it is among them."""
        chosen = self.value()
        optional = self._box.count() > 0 and self._box.itemData(0) is None
        self._box.blockSignals(True)
        self._box.clear()
        if optional:
            self._box.addItem("—", None)
        for label, code in codes:
            self._box.addItem(label, code)
        self._box.setCurrentIndex(max(self._box.findData(chosen), 0))
        self._box.blockSignals(False)
        self.changed.emit()


class ListEditor(TextEditor):
    """A list of text, typed separated by commas."""

    def __init__(self, name: str) -> None:
        super().__init__(name, optional=False)

    def value(self) -> Any:
        return [part.strip() for part in self._box.text().split(",") if part.strip()]

    def set_value(self, value: Any) -> None:
        self._box.setText(", ".join(value or ()))


def unit_codes(analyte: str | None) -> list[tuple[str, str]]:
    """The units a laboratory value of ``analyte`` is accepted in (§9)."""
    try:
        units = accepted_units(Analyte(analyte)) if analyte else ()
    except ValueError:
        units = ()
    return [(unit_label(unit), unit) for unit in units]


def _optional(hint: Any) -> tuple[Any, bool]:
    """The type a field holds, and whether it may be left empty."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return inner[0], True
    return hint, False


def editor_for(name: str, hint: Any, has_default: bool) -> FieldEditor:
    """The editor of a field of type ``hint`` (``has_default``: it may be left as it is)."""
    tp, optional = _optional(hint)
    if name == "unit":  # a laboratory value's unit: those of its analyte (set by the form)
        return ChoiceEditor(name, [], optional=True)
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        # A blank first, also where a choice is required: a form never chooses for the
        # user (a dental check "fit for bone therapy" nobody said; the checks ask for one)
        codes = [(i18n.capitalised(i18n.code_label(m.value)), m.value) for m in tp]
        return ChoiceEditor(name, codes, optional=True)
    if tp is bool:
        yes_no = [
            (QCoreApplication.translate("EntryForm", "yes"), True),
            (QCoreApplication.translate("EntryForm", "no"), False),
        ]
        return ChoiceEditor(name, yes_no, optional=True)
    if tp is dt.date:
        return DateEditor(name)
    if tp is dt.time:
        return TimeEditor(name)
    if tp in (int, float):
        return NumberEditor(name, whole=tp is int)
    if typing.get_origin(tp) is tuple:
        return ListEditor(name)
    return TextEditor(name, optional=optional and not has_default)
