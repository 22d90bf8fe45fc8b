"""What the screens and the printed documents both say, in the language they are given:
a stage as a Roman numeral, and a score's input with its unit or its code's label."""

from __future__ import annotations

from collections.abc import Callable

from mmtracker.i18n import Language, format_number
from mmtracker.logic.codes import Analyte
from mmtracker.logic.messages import Quantity
from mmtracker.logic.staging import LAB_INPUTS, InputUsed
from mmtracker.logic.units import UnitSystem

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def roman(group: int) -> str:
    """A stage or group (1–4) as a Roman numeral."""
    return _ROMAN.get(group, str(group))


def input_value(
    texts: Language, used: InputUsed, units: UnitSystem, yes_no: Callable[[bool], str]
) -> str:
    """A score's input as read: a laboratory value with its unit (β2M is the input "b2m",
    a whole number too), a code by its label, a finding by ``yes_no``."""
    analyte = LAB_INPUTS.get(used.name) or Analyte._value2member_map_.get(used.name)
    value = used.value
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int | float) and isinstance(analyte, Analyte):
        return texts.format_value(Quantity(analyte, float(value)), units)
    if isinstance(value, str):
        return texts.code_label(value)
    return format_number(value)
