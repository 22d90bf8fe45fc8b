"""The worklist as a table, JSON or CSV, in English or Chinese.

Each item shows its family (:mod:`mmtracker.logic.families`): the label in the
table, the stable id in CSV and JSON.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from mmtracker import i18n
from mmtracker.logic.families import FAMILY_CODE, ITEM_FAMILY

if TYPE_CHECKING:
    from mmtracker.logic.care import CareItem
    from mmtracker.storage.worklist import WorklistRow

CONTEXT = "worklist"


def _headers(ids: bool) -> list[str]:
    names = ["MRN", "Name", "Phase", "Family", "Item", "Status", "Due", "Days overdue"]
    if ids:
        names.insert(names.index("Item") + 1, "Item id")
    return [i18n.translate(CONTEXT, name) for name in [*names, "Rationale"]]


def _cells(
    row: WorklistRow,
    rendered: dict[int, str],
    labels: dict[tuple[object, ...], tuple[str, ...]],
    *,
    family_label: bool,
    ids: bool,
) -> list[str]:
    """One row's texts; ``rendered`` and ``labels`` keep texts already made for the next rows
    (stored messages spelled alike are read as one shared object).

    ``family_label``: the family's label (a table), else its id (CSV); ``ids``: the item's
    id after its title.
    """
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
        family = ITEM_FAMILY[item.id]
        named = labels[key] = (
            i18n.code_label(row.phase.value) if row.phase else "",
            i18n.code_label(family.value, FAMILY_CODE) if family_label else family.value,
            i18n.item_title(item.id),
            *((item.id,) if ids else ()),
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


def _all_cells(rows: Sequence[WorklistRow], *, family_label: bool, ids: bool) -> list[list[str]]:
    rendered: dict[int, str] = {}  # by id(): the rows keep every message alive meanwhile
    labels: dict[tuple[object, ...], tuple[str, ...]] = {}
    return [_cells(row, rendered, labels, family_label=family_label, ids=ids) for row in rows]


def as_table(rows: Sequence[WorklistRow], lang: str, *, ids: bool = False) -> str:
    """A plain-text table, one line per item, columns padded to width (``ids``: item ids too)."""
    i18n.install(None, lang)
    lines = [_headers(ids), *_all_cells(rows, family_label=True, ids=ids)]
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


def as_csv(rows: Sequence[WorklistRow], lang: str, *, ids: bool = False) -> str:
    """CSV with a header line; the family as its id (``ids``: item ids too)."""
    i18n.install(None, lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_headers(ids))
    writer.writerows(_all_cells(rows, family_label=False, ids=ids))
    return buffer.getvalue()


def as_json(rows: Sequence[WorklistRow], lang: str, *, ids: bool = False) -> str:
    """A JSON list: each patient's fields, the item's family id and the care item as in an
    assessment document (which always carries the item's id: ``ids`` changes nothing).

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
            "family": ITEM_FAMILY[row.item.id].value,
            "item": care_item_document(row.item, UnitSystem.SI),
        }
        for row in rows
    ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class Format(Protocol):
    """A worklist output format: the rows in a language (``ids``: show item ids)."""

    def __call__(self, rows: Sequence[WorklistRow], lang: str, *, ids: bool = False) -> str: ...


FORMATS: dict[str, Format] = {
    "table": as_table,
    "json": as_json,
    "csv": as_csv,
}
