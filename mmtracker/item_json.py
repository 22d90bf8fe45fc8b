"""A care item as a JSON-ready object, as the assessment document writes it.

Shared by ``mmtracker evaluate`` (mmtracker/assessment_json.py) and the worklist's JSON
(mmtracker/worklist_output.py), which so writes its items without loading the rules.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from mmtracker import i18n
from mmtracker.logic.care import CareItem, EntryRef
from mmtracker.logic.codes import Analyte
from mmtracker.logic.messages import Message, ParamValue, Quantity
from mmtracker.logic.units import UnitSystem, display_unit, from_canonical

SIGNIFICANT_DIGITS = 4

JsonObject = dict[str, Any]


def significant(value: float, digits: int = SIGNIFICANT_DIGITS) -> float:
    """``value`` to ``digits`` significant digits, keeping every digit before the point."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, max(0, digits - 1 - math.floor(math.log10(abs(value)))))


def day(value: dt.date | None) -> str | None:
    """A date as ISO text, or None."""
    return None if value is None else value.isoformat()


def code(value: StrEnum | None) -> str | None:
    """A code as its text, or None."""
    return None if value is None else value.value


def entry_ref(ref: EntryRef | None) -> JsonObject | None:
    """The entry an item was last satisfied by, or None."""
    if ref is None:
        return None
    return {"kind": ref.kind, "id": ref.id, "date": ref.date.isoformat()}


class ItemWriter:
    """Turns care items and messages into JSON-ready objects in one unit system."""

    def __init__(self, units: UnitSystem, language: i18n.Language) -> None:
        self.units = units
        self.language = language
        self._titles: dict[str, str] = {}  # by item id: a worklist repeats them

    def quantity(self, analyte: Analyte, si: float) -> JsonObject:
        unit = display_unit(analyte, self.units)
        return {"value": significant(from_canonical(analyte, si, unit)), "unit": unit}

    def param(self, value: ParamValue) -> Any:
        if isinstance(value, Quantity):
            return self.quantity(value.analyte, value.si)
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    def message(self, message: Message) -> JsonObject:
        return {
            "id": message.id,
            "params": {name: self.param(value) for name, value in message.params},
            "text": self.language.render(message, self.units),
        }

    def messages(self, messages: Iterable[Message]) -> list[JsonObject]:
        return [self.message(m) for m in messages]

    def item(self, item: CareItem) -> JsonObject:
        return {
            **self.item_head(item),
            "message": self.message(item.message),
            "source": item.source,
        }

    def _title(self, item_id: str) -> str:
        found = self._titles.get(item_id)
        if found is None:
            found = self._titles[item_id] = self.language.item_title(item_id)
        return found

    def item_head(self, item: CareItem) -> JsonObject:
        """The item's fields before its message and source, which end it."""
        return {
            "id": item.id,
            "title": self._title(item.id),
            "status": item.status.value,
            "due": day(item.due),
            "since": day(item.since),
            "days_overdue": item.days_overdue,
            "last": entry_ref(item.last),
            "severity": code(item.severity),
            "snoozed_until": day(item.snoozed_until),
            "status_beneath_snooze": code(item.status_beneath_snooze),
        }


def care_item_document(item: CareItem, units: UnitSystem, language: i18n.Language) -> JsonObject:
    """One care item as in an assessment document, its texts in ``language``."""
    return ItemWriter(units, language).item(item)
