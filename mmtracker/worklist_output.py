"""The worklist as a table, JSON or CSV, in English or Chinese."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mmtracker import i18n

if TYPE_CHECKING:
    from mmtracker.logic.care import CareItem
    from mmtracker.storage.worklist import WorklistRow

CONTEXT = "worklist"


def _headers() -> list[str]:
    names = ["MRN", "Name", "Phase", "Item", "Status", "Due", "Days overdue", "Rationale"]
    return [i18n.translate(CONTEXT, name) for name in names]


def _cells(
    row: WorklistRow, rendered: dict[int, str], labels: dict[tuple[object, ...], tuple[str, ...]]
) -> list[str]:
    """One row's texts; ``rendered`` and ``labels`` keep texts already made for the next rows
    (stored messages spelled alike are read as one shared object)."""
    item = row.item
    # An alert shows its severity; a snoozed one shows that it is snoozed (§11 precedence).
    alert = item.severity if item.status.value == "alert" else None
    status = alert.value if alert else item.status.value
    sentence = rendered.get(id(item.message))
    if sentence is None:
        sentence = rendered[id(item.message)] = i18n.render(item.message)
    key = (row.phase, item.id, status)
    named = labels.get(key)
    if named is None:
        named = labels[key] = (
            i18n.code_label(row.phase.value) if row.phase else "",
            i18n.item_title(item.id),
            i18n.code_label(status),
        )
    return [
        row.mrn,
        row.name,
        *named,
        _when(item),
        str(item.days_overdue) if item.days_overdue is not None else "",
        sentence,
    ]


def _when(item: CareItem) -> str:
    """The due date of a scheduled item; for an alert the date it began (D45: "since …")."""
    if item.due is not None:
        return item.due.isoformat()
    if item.since is not None:
        return i18n.translate(CONTEXT, "since {date}").format(date=item.since.isoformat())
    return ""


def _all_cells(rows: Sequence[WorklistRow]) -> list[list[str]]:
    rendered: dict[int, str] = {}  # by id(): the rows keep every message alive meanwhile
    labels: dict[tuple[object, ...], tuple[str, ...]] = {}
    return [_cells(row, rendered, labels) for row in rows]


def as_table(rows: Sequence[WorklistRow], lang: str) -> str:
    """A plain-text table, one line per item, columns padded to width."""
    i18n.install(None, lang)
    lines = [_headers(), *_all_cells(rows)]
    fixed = len(lines[0]) - 1  # the rationale stays unpadded at the end
    padded = []  # column by column
    for column in list(zip(*lines, strict=True))[:fixed]:
        sizes = [len(cell) if cell.isascii() else _width(cell) for cell in column]
        width = max(sizes)
        padded.append([cell + " " * (width - n) for cell, n in zip(column, sizes, strict=True)])
    out = [
        "  ".join(cells) + "  " + line[-1]
        for cells, line in zip(zip(*padded, strict=True), lines, strict=True)
    ]
    total = i18n.translate(CONTEXT, "{count} items").format(count=len(rows))
    return "\n".join([*out, total]) + "\n"


def _width(text: str) -> int:
    """Display width: East Asian wide characters take two columns."""
    if text.isascii():
        return len(text)
    return sum(2 if "\u2e80" <= ch <= "\ua4cf" or "\uac00" <= ch <= "\uffdc" else 1 for ch in text)


def as_csv(rows: Sequence[WorklistRow], lang: str) -> str:
    """CSV with a header line."""
    i18n.install(None, lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_headers())
    writer.writerows(_all_cells(rows))
    return buffer.getvalue()


def as_json(rows: Sequence[WorklistRow], lang: str) -> str:
    """A JSON list: each patient's fields and the care item as in an assessment document.

    The item carries ``since``, the date an alert began (D45; null for a scheduled item).
    """
    from mmtracker.assessment_json import care_item_document  # loads the rules: only here
    from mmtracker.logic.units import UnitSystem

    i18n.install(None, lang)
    document = [
        {
            "patient_id": row.patient_id,
            "mrn": row.mrn,
            "name": row.name,
            "phase": row.phase.value if row.phase else None,
            "item": care_item_document(row.item, UnitSystem.SI),
        }
        for row in rows
    ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[Sequence[WorklistRow], str], str]] = {
    "table": as_table,
    "json": as_json,
    "csv": as_csv,
}
