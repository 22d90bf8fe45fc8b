"""The worklist as a table, JSON or CSV, in English or Chinese.

Each item shows its family (:mod:`mmtracker.logic.families`): the label in the
table, the stable id in CSV and JSON.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from mmtracker import i18n
from mmtracker.item_json import ItemWriter
from mmtracker.logic.families import FAMILY_CODE, ITEM_FAMILY
from mmtracker.logic.units import UnitSystem

if TYPE_CHECKING:
    from mmtracker.logic.care import CareItem
    from mmtracker.storage.worklist import WorklistRow

CONTEXT = "worklist"


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # the name lupdate reads
    """Mark ``text`` for the catalogue of ``_context``; give it back. QtCore's own is not
    imported for it: English output needs no Qt at all."""
    return text


# The column headers, marked for the catalogue (the context literal, as pyside6-lupdate
# reads it); the item's id follows its title when asked for.
_HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("worklist", "MRN"),
    QT_TRANSLATE_NOOP("worklist", "Name"),
    QT_TRANSLATE_NOOP("worklist", "Phase"),
    QT_TRANSLATE_NOOP("worklist", "Family"),
    QT_TRANSLATE_NOOP("worklist", "Item"),
    QT_TRANSLATE_NOOP("worklist", "Status"),
    QT_TRANSLATE_NOOP("worklist", "Due"),
    QT_TRANSLATE_NOOP("worklist", "Days overdue"),
    QT_TRANSLATE_NOOP("worklist", "Rationale"),
)
_ITEM_ID = QT_TRANSLATE_NOOP("worklist", "Item id")


def _headers(language: i18n.Language, ids: bool) -> list[str]:
    names = list(_HEADERS)
    if ids:
        names.insert(names.index("Item") + 1, _ITEM_ID)
    return [language.translate(CONTEXT, name) for name in names]


def _cells(
    language: i18n.Language,
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
        sentence = rendered[id(item.message)] = language.render(item.message)
    key = (row.phase, item.id, status)
    named = labels.get(key)
    if named is None:
        family = ITEM_FAMILY[item.id]
        named = labels[key] = (
            language.code_label(row.phase.value) if row.phase else "",
            language.code_label(family.value, FAMILY_CODE) if family_label else family.value,
            language.item_title(item.id),
            *((item.id,) if ids else ()),
            language.code_label(status),
        )
    if item.snoozed_until is not None and family_label:  # the table says until when
        until = language.translate("worklist", "until {date}")
        until = until.format(date=item.snoozed_until.isoformat())
        named = (*named[:-1], f"{named[-1]} {until}")
    return [
        row.mrn,
        row.name,
        *named,
        _when(language, item),
        str(item.days_overdue) if item.days_overdue is not None else "",
        sentence,
    ]


def _when(language: i18n.Language, item: CareItem) -> str:
    """The due date of a scheduled item; for an alert the date it began (D45: "since …")."""
    if item.due is not None:
        return item.due.isoformat()
    if item.since is not None:
        return language.translate("worklist", "since {date}").format(date=item.since.isoformat())
    return ""


def _all_cells(
    language: i18n.Language, rows: Sequence[WorklistRow], *, family_label: bool, ids: bool
) -> list[list[str]]:
    rendered: dict[int, str] = {}  # by id(): the rows keep every message alive meanwhile
    labels: dict[tuple[object, ...], tuple[str, ...]] = {}
    return [
        _cells(language, row, rendered, labels, family_label=family_label, ids=ids) for row in rows
    ]


@dataclass(frozen=True, slots=True)
class ItemCells:
    """One row's texts for a list grouped by patient: the patient's phase, then the item's
    family, title, status, due date, days overdue and rationale."""

    phase: str
    texts: list[str]


def item_cells(rows: Sequence[WorklistRow], lang: str) -> tuple[list[str], list[ItemCells]]:
    """The headers of the item's columns, and each row's texts (as the table says them)."""
    language = i18n.language(lang)
    headers = _headers(language, ids=False)[3:]
    cells = _all_cells(language, rows, family_label=True, ids=False)
    return headers, [ItemCells(row[2], row[3:]) for row in cells]


def as_table(rows: Sequence[WorklistRow], lang: str, *, ids: bool = False) -> str:
    """A plain-text table, one line per item, columns padded to width (``ids``: item ids too)."""
    language = i18n.language(lang)
    lines = [_headers(language, ids), *_all_cells(language, rows, family_label=True, ids=ids)]
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
    total = language.translate("worklist", "{count} items").format(count=len(rows))
    return "\n".join([*out, total]) + "\n"


def _width(text: str) -> int:
    """Display width: East Asian wide characters take two columns."""
    if text.isascii():
        return len(text)
    return sum(2 if "\u2e80" <= ch <= "\ua4cf" or "\uac00" <= ch <= "\uffdc" else 1 for ch in text)


def as_csv(rows: Sequence[WorklistRow], lang: str, *, ids: bool = False) -> str:
    """CSV with a header line; the family as its id (``ids``: item ids too)."""
    language = i18n.language(lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_headers(language, ids))
    writer.writerows(_all_cells(language, rows, family_label=False, ids=ids))
    return buffer.getvalue()


def as_json(rows: Sequence[WorklistRow], lang: str, *, ids: bool = False) -> str:
    """A JSON list, one row to a line: each patient's fields, the item's family id and the
    care item as in an assessment document (which always carries the item's id: ``ids``
    changes nothing).

    The item carries ``since``, the date an alert began (D45; null for a scheduled item).
    Each row is written by the json module's C encoder (an indented document is written
    by its pure-Python one, several times slower). Each message object (stored messages
    spelled alike are one shared object) is rendered and written once: a row is written
    up to its item's message, which with the source closes the item and the row.
    """
    writer = ItemWriter(UnitSystem.SI, i18n.language(lang))
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    written: dict[int, str] = {}  # by id(): the rows keep every message alive meanwhile
    lines = []
    for row in rows:
        item = row.item
        head = encode(
            {
                "patient_id": row.patient_id,
                "mrn": row.mrn,
                "name": row.name,
                "phase": row.phase.value if row.phase else None,
                "family": ITEM_FAMILY[item.id].value,
                "item": writer.item_head(item),
            }
        )
        message = written.get(id(item.message))
        if message is None:
            message = written[id(item.message)] = encode(writer.message(item.message))
        # head ends with the braces closing the item and the row: the message goes before
        lines.append(f'{head[:-2]}, "message": {message}, "source": {encode(item.source)}}}}}')
    if not lines:
        return "[]\n"
    return "[\n" + ",\n".join(lines) + "\n]\n"


class Format(Protocol):
    """A worklist output format: the rows in a language (``ids``: show item ids)."""

    def __call__(self, rows: Sequence[WorklistRow], lang: str, *, ids: bool = False) -> str: ...


FORMATS: dict[str, Format] = {
    "table": as_table,
    "json": as_json,
    "csv": as_csv,
}
