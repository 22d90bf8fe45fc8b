"""The Qt model of the worklist: plain rows, their texts made once, filtered by the model itself.

Filtering here rather than in a QSortFilterProxyModel costs one pass over prepared
lower-case texts per keystroke: the stock proxy over a Python model calls ``data()``
for every row and column, 100–135 ms for a clinic of 10,000 patients.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from mmtracker import i18n
from mmtracker.logic.care import CareItem, Status
from mmtracker.logic.codes import Phase
from mmtracker.logic.families import FAMILY_CODE, ITEM_FAMILY, Family
from mmtracker.logic.units import UnitSystem
from mmtracker.logic.worklist_order import Show, shown_as
from mmtracker.ui.widgets.search import matches, searchable
from mmtracker.ui.widgets.statuses import show_label, snooze_text, snoozing
from mmtracker.ui.widgets.tables import ModelIndex, RowsModel, same_rows

if TYPE_CHECKING:
    from mmtracker.logic.history import Acknowledgement
    from mmtracker.storage.worklist import WorklistRow


ROW_ROLE = Qt.ItemDataRole.UserRole
"""The plain :class:`WorklistRow`, in every column."""

# The colours of what is shown (§11 worklist groups), light enough for black text.
_COLOURS = {
    Show.URGENT: QColor("#f8c9c4"),
    Show.OVERDUE: QColor("#fde2b8"),
    Show.DUE_SOON: QColor("#fff4c2"),
    Show.INFO: QColor("#d9e8f7"),
    Show.SNOOZED: QColor("#e4e4e4"),
}


class Column(IntEnum):
    PATIENT = 0
    MRN = 1
    PHASE = 2
    ITEM = 3
    STATUS = 4
    DUE = 5
    DAYS_OVERDUE = 6
    RATIONALE = 7


@dataclass(frozen=True, slots=True)
class Filters:
    """What the worklist screen narrows the rows to: empty families or phases narrow
    nothing (the menus' "all"); ``shows`` are the groups ticked (None: every group)."""

    families: frozenset[Family] = frozenset()
    phases: frozenset[Phase] = frozenset()
    shows: frozenset[Show] | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class _Prepared:
    row: WorklistRow
    show: Show
    family: Family
    cells: tuple[str, ...]
    search: str  # every cell in lower case, for the search box
    snooze: Acknowledgement | None  # who snoozed the item, when and why


@dataclass(frozen=True, slots=True)
class RowTexts:
    """The model's own words for the cells, in one language: plain strings, so that rows can
    be prepared off the GUI thread (:func:`prepare`)."""

    phases: dict[Phase, str]
    statuses: dict[Show, str]
    snoozed_until: str
    since: str
    units: UnitSystem


@dataclass(frozen=True, slots=True)
class Prepared:
    """Worklist rows with the texts of their cells, ready for :meth:`WorklistModel.set_prepared`."""

    rows: list[WorklistRow]
    texts: RowTexts
    prepared: list[_Prepared]


def prepare(
    rows: Sequence[WorklistRow],
    texts: RowTexts,
    acknowledgements: Mapping[int, Sequence[Acknowledgement]] | None = None,
) -> Prepared:
    """Every cell's text of every row, and what the search compares (any thread); a snoozed
    row's acknowledgement among its patient's ``acknowledgements``."""
    known = acknowledgements or {}
    # stored messages spelled alike are one shared object: rendered and folded once
    rendered: dict[int, tuple[str, str]] = {}
    prepared = []
    for row in rows:
        item = row.item
        found = rendered.get(id(item.message))
        if found is None:
            sentence = i18n.render(item.message, texts.units)
            found = rendered[id(item.message)] = (sentence, searchable(sentence))
        sentence, sentence_searched = found
        show = shown_as(item)
        if show is Show.SNOOZED and item.snoozed_until is not None:
            status = texts.snoozed_until.format(date=item.snoozed_until.isoformat())
        else:
            status = texts.statuses[show]
        if item.due is not None:
            when = item.due.isoformat()
        elif item.since is not None:
            when = texts.since.format(date=item.since.isoformat())
        else:
            when = ""
        cells = (
            row.name,
            row.mrn,
            texts.phases[row.phase] if row.phase is not None else "",
            i18n.item_title(item.id),
            status,
            when,
            str(item.days_overdue) if item.days_overdue is not None else "",
            sentence,
        )
        search = searchable("\n".join(cells[:-1])) + "\n" + sentence_searched
        snooze = snoozing(item, known.get(row.patient_id, ())) if item.snoozed_until else None
        prepared.append(_Prepared(row, show, ITEM_FAMILY[item.id], cells, search, snooze))
    return Prepared(list(rows), texts, prepared)


class WorklistModel(RowsModel):
    """Worklist rows in the order given (§11), narrowed by :meth:`set_filters`; read-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._given: list[WorklistRow] = []
        self._prepared: list[_Prepared] = []
        self._shown: list[_Prepared] = []
        self._filters = Filters()
        self._units = UnitSystem.SI
        self._headers: dict[Column, str] = {}
        self._statuses: dict[Show, str] = {}
        self._phases: dict[Phase, str] = {}
        # (families, phases, the prepared rows' identity) and the counts they gave
        self._counted: tuple[tuple[object, ...], Counter[Show]] | None = None
        self.retranslate()

    # --- feeding ---------------------------------------------------------------------

    def set_rows(self, rows: Sequence[WorklistRow]) -> None:
        """Show these rows (already in worklist order) instead of the current ones."""
        self._given = list(rows)
        self._prepare()

    def set_units(self, units: UnitSystem) -> None:
        """Write the rationales' values in these units."""
        self._units = units
        self._prepare()

    def retranslate(self) -> None:
        """Make every text again in the installed language."""
        self._headers = {
            Column.PATIENT: self.tr("Patient"),
            Column.MRN: self.tr("MRN"),
            Column.PHASE: self.tr("Phase"),
            Column.ITEM: self.tr("Item"),
            Column.STATUS: self.tr("Status"),
            Column.DUE: self.tr("Due / since"),
            Column.DAYS_OVERDUE: self.tr("Days overdue"),
            Column.RATIONALE: self.tr("Rationale"),
        }
        # A narrow column: SMM, NDMM and ASCT stand alone; the tooltip names the phase in full.
        self._phases = {
            Phase.SMM: "SMM",
            Phase.NDMM: "NDMM",
            Phase.ASCT: "ASCT",
            Phase.MAINTENANCE: self.tr("Maintenance"),
            Phase.RELAPSE: self.tr("Relapse"),
        }
        self._statuses = {show: show_label(show) for show in Show}
        self._prepare()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def set_filters(self, filters: Filters) -> None:
        """Show only the rows these filters keep (the view is left alone when they are the
        rows shown already, as when a search word grows by a letter)."""
        self._filters = filters
        kept = self._kept()
        if same_rows(kept, self._shown):
            return
        self.beginResetModel()
        self._shown = kept
        self.endResetModel()

    def row_texts(self) -> RowTexts:
        """The model's words as they are now, to prepare rows with off the GUI thread."""
        return RowTexts(
            self._phases,
            self._statuses,
            self.tr("Snoozed until {date}"),
            self.tr("since {date}"),
            self._units,
        )

    def set_prepared(self, prepared: Prepared) -> None:
        """Show rows prepared by :func:`prepare` (again here if the words changed since)."""
        if prepared.texts != self.row_texts():
            prepared = prepare(prepared.rows, self.row_texts())
        self._given = prepared.rows
        self.beginResetModel()
        self._prepared = prepared.prepared
        self._shown = self._kept()
        self.endResetModel()

    def _prepare(self) -> None:
        self.set_prepared(prepare(self._given, self.row_texts()))

    def _kept(self) -> list[_Prepared]:
        f = self._filters
        words = searchable(f.text).split()
        return [
            p
            for p in self._prepared
            if (not f.families or p.family in f.families)
            and (not f.phases or p.row.phase in f.phases)
            and (f.shows is None or p.show in f.shows)
            and matches(words, p.search)
        ]

    # --- reading ---------------------------------------------------------------------

    def filters(self) -> Filters:
        """The filters in force."""
        return self._filters

    def shown_rows(self) -> list[WorklistRow]:
        """The rows shown, in their order."""
        return [p.row for p in self._shown]

    def finding_text(self, row: WorklistRow) -> str:
        """A row's status, date and rationale, as shown: "Overdue (due 2026-01-05): …"."""
        found = next(p for p in self._prepared if p.row is row)
        cells = found.cells
        when = f" ({cells[Column.DUE]})" if cells[Column.DUE] else ""
        return f"{cells[Column.STATUS]}{when}: {cells[Column.RATIONALE]}"

    def row_at(self, row: int) -> WorklistRow:
        """The plain row shown at ``row``."""
        return self._shown[row].row

    def counts(self) -> Counter[Show]:
        """How many rows of each group the family and phase filters keep (a search or the
        groups ticked aside); counted again only when those or the rows change."""
        key = (self._filters.families, self._filters.phases, id(self._prepared))
        if self._counted is None or self._counted[0] != key:
            f = self._filters
            found = Counter(
                p.show
                for p in self._prepared
                if (not f.families or p.family in f.families)
                and (not f.phases or p.row.phase in f.phases)
            )
            self._counted = (key, found)
        return Counter(self._counted[1])

    def total(self) -> int:
        """How many rows were given."""
        return len(self._prepared)

    def shown_count(self) -> int:
        """How many rows are shown."""
        return len(self._shown)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        prepared = self._shown[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return prepared.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(prepared, column)
        if role == Qt.ItemDataRole.BackgroundRole and column is Column.STATUS:
            colour = _COLOURS.get(prepared.show)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.DAYS_OVERDUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return prepared.row
        return None

    def _beneath(self, item: CareItem) -> str | None:
        """What a snoozed item would be without its snooze (an urgent alert stays one)."""
        beneath = item.status_beneath_snooze
        if beneath is Status.ALERT and item.severity is not None:
            under = Show(item.severity.value)  # urgent or info
        elif beneath is not None and beneath.value in Show._value2member_map_:
            under = Show(beneath.value)
        else:
            return None
        return self.tr("Beneath the snooze: {status}").format(status=self._statuses[under])

    def _tooltip(self, prepared: _Prepared, column: Column) -> str | None:
        item = prepared.row.item
        if column is Column.ITEM:
            family = i18n.code_label(prepared.family.value, FAMILY_CODE)
            source = self.tr("Source: {source}").format(source=item.source)
            return f"{family}\n{source}"
        if column is Column.RATIONALE:
            return prepared.cells[Column.RATIONALE]
        if column is Column.STATUS and prepared.show is Show.SNOOZED:
            said = [self._beneath(item)]
            if prepared.snooze is not None:
                said.insert(0, snooze_text(prepared.snooze))
            return "\n".join(text for text in said if text) or None
        if column is Column.PHASE and prepared.row.phase is not None:
            return i18n.code_label(prepared.row.phase.value)
        return None
