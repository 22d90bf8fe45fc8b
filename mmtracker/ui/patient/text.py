"""Small formatting helpers shared by the Patient view's panels (no clinical rule)."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from PySide6.QtCore import QCoreApplication

from mmtracker import i18n, wording
from mmtracker.logic.codes import Analyte
from mmtracker.logic.messages import Quantity
from mmtracker.logic.units import UnitSystem


def not_recorded() -> str:
    """What a missing value says (never a blank)."""
    return QCoreApplication.translate("PatientView", "not recorded")


def roman(group: int | None) -> str:
    """A stage or group as Roman numerals (I–IV), or "not recorded"."""
    return not_recorded() if group is None else wording.roman(group)


def mayo_points(group: int | None) -> str:
    """The Mayo additive group by its points (§3e: 0, 1, 2 or more), not as a stage."""
    if group is None:
        return not_recorded()
    if group == 0:
        return QCoreApplication.translate("PatientView", "0 points")
    if group == 1:
        return QCoreApplication.translate("PatientView", "1 point")
    return QCoreApplication.translate("PatientView", "≥2 points")


def day(value: dt.date | None) -> str:
    """An ISO date, or "not recorded"."""
    return value.isoformat() if value is not None else not_recorded()


def quantity(analyte: Analyte, si: float | None, units: UnitSystem) -> str:
    """A value in SI converted to the unit system, with its unit."""
    if si is None:
        return not_recorded()
    return i18n.format_value(Quantity(analyte, si), units)


def value_text(value: object, units: UnitSystem = UnitSystem.SI) -> str:
    """Any entry field as text: codes by their label, dates ISO, times HH:MM, numbers short,
    yes/no."""
    if value is None or value == "" or value == ():
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("PatientView", "yes")
            if value
            else QCoreApplication.translate("PatientView", "no")
        )
    if isinstance(value, Enum):
        return i18n.code_label(str(value.value))
    if isinstance(value, int | float | dt.date | Quantity):
        return i18n.format_value(value, units)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, tuple | list | frozenset):
        return ", ".join(value_text(v, units) for v in value)
    return str(value)
