"""Acknowledge / snooze one or several care items with a reason, until a date the policy bounds.

:class:`AcknowledgeDialog` asks for the reason and the until-date and returns the
choice; :func:`acknowledge_items` writes it through the storage service (off the GUI
thread: :func:`acknowledge_in_background` runs it with :func:`run_task` and
announces each written patient on the hub). The dialog holds no clinical rule: the
bound is the policy's ``snooze.max_days`` and the service checks every item again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mmtracker import i18n
from mmtracker.logic.dates import add_days
from mmtracker.logic.parsing import Problem
from mmtracker.logic.policy import Policy
from mmtracker.ui.hub import Hub
from mmtracker.ui.workers import Task, run_task

if TYPE_CHECKING:  # the database layer is imported by the work, off the GUI thread
    from sqlalchemy import Engine

    from mmtracker.storage.outcomes import Change

MAX_DAYS_KEY = "snooze.max_days"


@dataclass(frozen=True, slots=True)
class SelectedItem:
    """A care item chosen for acknowledgement: its patient and item id, and how to name them."""

    patient_id: int
    item_id: str
    patient_label: str
    """The patient as the user knows it: MRN and name."""
    finding: str = ""
    """What is being acknowledged, as the user saw it: the status and the rationale."""


@dataclass(frozen=True, slots=True)
class Choice:
    """What the user chose in the dialog."""

    until: dt.date
    reason: str


@dataclass(frozen=True, slots=True)
class Refusal:
    """An item the service refused, with each problem (its field named); nothing of it was saved."""

    item: SelectedItem
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The writes made and the items refused."""

    written: tuple[Change, ...] = ()
    refused: tuple[Refusal, ...] = ()
    patients: frozenset[int] = field(default_factory=frozenset)
    """The patients with at least one acknowledgement written."""


def snooze_bounds(policy: Policy, on: dt.date) -> tuple[dt.date, dt.date]:
    """The until-dates accepted for an acknowledgement on ``on``: ``on`` … ``on`` + max days."""
    return on, add_days(on, policy.whole(MAX_DAYS_KEY))


def default_until(policy: Policy, on: dt.date) -> dt.date:
    """The until-date offered first: the acknowledgement day itself, so that one OK never
    silences an item for long (it is back the next day unless a later date is chosen:
    clinical-rules.md §10b, err toward showing)."""
    return snooze_bounds(policy, on)[0]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AcknowledgeDialog(QDialog):
    """Asks for a reason and an until-date to acknowledge the given care items.

    OK is refused, naming the field, while the reason is empty. Esc (or Cancel)
    closes at once when nothing was typed and asks before discarding a typed reason.
    """

    def __init__(
        self,
        items: Sequence[SelectedItem],
        on: dt.date,
        policy: Policy,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._items = tuple(items)
        self._on = on
        first, last = snooze_bounds(policy, on)
        self.setWindowTitle(self.tr("Acknowledge / snooze care items"))
        self.setMinimumWidth(760)

        if len(self._items) == 1:
            said = self.tr("Acknowledge one care item on {date}:")
        else:
            said = self.tr("Acknowledge {count} care items on {date}:")
        intro = QLabel(said.format(count=len(self._items), date=on.isoformat()))
        self.item_list = QTreeWidget()
        self.item_list.setRootIsDecorated(False)
        self.item_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.item_list.setHeaderLabels(
            [self.tr("Patient"), self.tr("Care item"), self.tr("Status and rationale")]
        )
        self.item_list.setAccessibleName(self.tr("Care items to acknowledge"))
        for item in self._items:
            row = QTreeWidgetItem(
                self.item_list, [item.patient_label, i18n.item_title(item.item_id), item.finding]
            )
            row.setToolTip(2, item.finding)
        self.item_list.resizeColumnToContents(0)
        self.item_list.resizeColumnToContents(1)
        self.item_list.setMinimumHeight(40 + 48 * min(len(self._items), 4))

        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why the item is acknowledged (required)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setFixedHeight(80)
        self.reason.textChanged.connect(self._clear_problem)

        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setDateRange(_qdate(first), _qdate(last))
        self.until.setDate(_qdate(default_until(policy, on)))
        self.until.setAccessibleName(self.tr("Snoozed until"))
        days = (last - on).days
        if days == 1:
            limit = self.tr("At most one day after the acknowledgement: {date} at the latest.")
        else:
            limit = self.tr("At most {days} days after the acknowledgement: {date} at the latest.")
        bound = QLabel(limit.format(days=days, date=last.isoformat()))
        bound.setWordWrap(True)
        self.returns = QLabel()  # when the item is back: the default snoozes until tomorrow
        self.returns.setWordWrap(True)
        self.until.dateChanged.connect(self._say_return)
        self._say_return()

        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("Snoozed &until:"), self.until)
        form.addRow("", bound)
        form.addRow("", self.returns)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.item_list)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def _say_return(self) -> None:
        back = self.choice().until + dt.timedelta(days=1)
        self.returns.setText(
            self.tr(
                "The item is back on the worklist on {date}, sooner if what it found changes."
            ).format(date=back.isoformat())
        )

    def choice(self) -> Choice:
        """The reason (trimmed) and until-date as they stand."""
        shown = self.until.date()
        return Choice(
            dt.date(shown.year(), shown.month(), shown.day()), self.reason.toPlainText().strip()
        )

    def _clear_problem(self) -> None:
        self.problem.hide()

    def accept(self) -> None:
        """Close with the choice, unless the reason is empty (then say so and stay)."""
        if not self.choice().reason:
            self.problem.setText(self.tr("Reason: a reason is required to acknowledge."))
            self.problem.show()
            self.reason.setFocus()
            return
        super().accept()

    def reject(self) -> None:
        """Close without a choice; a typed reason is discarded only when the user agrees."""
        if self.reason.toPlainText().strip() and not self._discard_confirmed():
            return
        super().reject()

    def _discard_confirmed(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard the reason?"),
            self.tr("The reason you typed will be lost. Close without acknowledging?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt names it
        """Ctrl+Enter accepts from the reason box too (Enter there starts a new line)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return
        super().keyPressEvent(event)


def ask(
    parent: QWidget | None, items: Sequence[SelectedItem], on: dt.date, policy: Policy
) -> Choice | None:
    """Show the dialog (modal); the choice, or None when cancelled."""
    dialog = AcknowledgeDialog(items, on, policy, parent)
    try:
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def acknowledge_items(
    engine: Engine,
    items: Sequence[SelectedItem],
    on: dt.date,
    until: dt.date,
    reason: str,
    actor: str,
    policy: Policy,
    today: dt.date,
) -> Outcome:
    """Acknowledge each item on ``on`` until ``until`` through the storage service.

    Each item is its own transaction, which also re-assesses the patient's stored
    care-item state, so that the worklist sees the snooze at once. A refused item
    (empty reason, until-date out of bounds, item not applicable …) is reported with
    its problems and nothing of it is saved; the others are written.
    """
    from mmtracker.storage.acknowledgements import acknowledge
    from mmtracker.storage.outcomes import NotFoundError, ValidationError
    from mmtracker.storage.state import updater

    reason = reason.strip()
    if not reason:
        missing = (
            Problem("reason", QCoreApplication.translate("acknowledge", "a reason is required")),
        )
        return Outcome(refused=tuple(Refusal(item, missing) for item in items))
    on_change = updater(on, policy)
    written: list[Change] = []
    refused: list[Refusal] = []
    for item in items:
        try:
            written.append(
                acknowledge(
                    engine,
                    item.patient_id,
                    item.item_id,
                    on,
                    until,
                    reason,
                    actor,
                    policy,
                    today,
                    on_change,
                )
            )
        except ValidationError as refusal:
            refused.append(Refusal(item, tuple(refusal.problems)))
        except NotFoundError as missing:
            refused.append(Refusal(item, (Problem("patient_id", str(missing)),)))
    return Outcome(tuple(written), tuple(refused), frozenset(c.patient_id for c in written))


def refusal_text(outcome: Outcome) -> str:
    """The refused items, one per line: patient, item, and each problem with its field."""
    lines = []
    for refusal in outcome.refused:
        problems = "; ".join(
            f"{field_label(p.path)}: {p.message}" if p.path else p.message for p in refusal.problems
        )
        lines.append(
            f"{refusal.item.patient_label} — {i18n.item_title(refusal.item.item_id)}: {problems}"
        )
    return "\n".join(lines)


def field_label(path: str) -> str:
    """The name the dialog gives a field the service refused."""
    labels = {
        "reason": QCoreApplication.translate("acknowledge", "Reason"),
        "until": QCoreApplication.translate("acknowledge", "Snoozed until"),
        "item_id": QCoreApplication.translate("acknowledge", "Care item"),
        "patient_id": QCoreApplication.translate("acknowledge", "Patient"),
    }
    return labels.get(path, path)


def acknowledge_in_background(
    owner: QWidget,
    engine: Engine,
    hub: Hub,
    items: Sequence[SelectedItem],
    choice: Choice,
    on: dt.date,
    policy: Policy,
) -> Task:
    """Write the choice off the GUI thread; announce each written patient; report refusals.

    Refusals and failures are shown in a message box over ``owner``.
    """
    from mmtracker.config import actor

    who = actor()

    def work(_progress: Callable[[int, int], None]) -> Outcome:
        return acknowledge_items(engine, items, on, choice.until, choice.reason, who, policy, on)

    def finished(outcome: Outcome) -> None:
        for patient_id in sorted(outcome.patients):
            hub.patient_changed.emit(patient_id)
        if outcome.refused:
            QMessageBox.warning(
                owner,
                QCoreApplication.translate("acknowledge", "Not acknowledged"),
                QCoreApplication.translate(
                    "acknowledge",
                    "These care items were not acknowledged; nothing of them was saved:",
                )
                + "\n\n"
                + refusal_text(outcome),
            )

    def failed(message: str) -> None:
        QMessageBox.critical(
            owner, QCoreApplication.translate("acknowledge", "Not acknowledged"), message
        )

    return run_task(owner, work, finished, failed)
