"""The worklist as a table, JSON or CSV, in English or Chinese."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence

from mmtracker import i18n
from mmtracker.assessment_json import care_item_document
from mmtracker.logic.units import UnitSystem
from mmtracker.storage.worklist import WorklistRow

CONTEXT = "worklist"


def _headers() -> list[str]:
    names = ["MRN", "Name", "Phase", "Item", "Status", "Due", "Days overdue", "Rationale"]
    return [i18n.translate(CONTEXT, name) for name in names]


def _cells(row: WorklistRow) -> list[str]:
    item = row.item
    status = item.severity.value if item.severity else item.status.value
    return [
        row.mrn,
        row.name,
        i18n.code_label(row.phase.value) if row.phase else "",
        i18n.item_title(item.id),
        i18n.code_label(status),
        item.due.isoformat() if item.due else "",
        str(item.days_overdue) if item.days_overdue is not None else "",
        i18n.render(item.message),
    ]


def as_table(rows: Sequence[WorklistRow], lang: str) -> str:
    """A plain-text table, one line per item, columns padded to width."""
    i18n.install(None, lang)
    lines = [_headers(), *(_cells(row) for row in rows)]
    fixed = len(lines[0]) - 1  # the rationale stays unpadded at the end
    sizes = [[_width(cell) for cell in line[:fixed]] for line in lines]
    widths = [max(size[col] for size in sizes) for col in range(fixed)]
    out = [
        "  ".join(
            cell + " " * (w - n) for cell, n, w in zip(line[:fixed], size, widths, strict=True)
        )
        + "  "
        + line[-1]
        for line, size in zip(lines, sizes, strict=True)
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
    writer.writerows(_cells(row) for row in rows)
    return buffer.getvalue()


def as_json(rows: Sequence[WorklistRow], lang: str) -> str:
    """A JSON list: each patient's fields and the care item as in an assessment document."""
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
