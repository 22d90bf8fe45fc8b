"""The acknowledge / snooze dialog and its writes (issue 9: reason required, bounded until-date)."""

from __future__ import annotations

import datetime as dt

import pytest
from logic.builders import policy
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from mmtracker.logic.care import Status
from mmtracker.logic.policy import Policy
from mmtracker.storage import state
from mmtracker.storage.models import AcknowledgementRow, AuditRow
from mmtracker.storage.tables import PATIENT
from mmtracker.ui.hub import Hub
from mmtracker.ui.widgets.acknowledge import (
    AcknowledgeDialog,
    Choice,
    SelectedItem,
    acknowledge_in_background,
    acknowledge_items,
    default_until,
)

ACK = AcknowledgementRow.__table__  # type: ignore[attr-defined]  # SQLModel sets __table__
AUDIT = AuditRow.__table__  # type: ignore[attr-defined]  # as above
MAX_DAYS = 90


@pytest.fixture
def pol() -> Policy:
    return policy(**{"snooze.max_days": MAX_DAYS})


@pytest.fixture
def ids(clinic: Engine) -> dict[str, int]:
    with clinic.connect() as conn:
        return {row.mrn: row.id for row in conn.execute(select(PATIENT.c.mrn, PATIENT.c.id))}


@pytest.fixture
def dialog(qtbot: QtBot, today: dt.date, pol: Policy) -> AcknowledgeDialog:
    items = [
        SelectedItem(1, "dental.before_bta", "MM-001 Zhang Wei"),
        SelectedItem(2, "bta.start", "MM-002 王小明"),
    ]
    shown = AcknowledgeDialog(items, today, pol)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_lists_each_item_with_its_patient(dialog: AcknowledgeDialog) -> None:
    rows = [
        (dialog.item_list.topLevelItem(i).text(0), dialog.item_list.topLevelItem(i).text(1))
        for i in range(dialog.item_list.topLevelItemCount())
    ]
    assert [patient for patient, _ in rows] == ["MM-001 Zhang Wei", "MM-002 王小明"]
    assert all(title and "." not in title for _, title in rows)  # titles, not item ids


def test_an_empty_reason_is_refused_naming_the_field(
    qtbot: QtBot, dialog: AcknowledgeDialog
) -> None:
    qtbot.keyClicks(dialog.reason, "   ")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.isVisible()
    assert "Reason" in dialog.problem.text()

    qtbot.keyClicks(dialog.reason, "patient seen by dentist elsewhere")
    assert not dialog.problem.isVisible()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice().reason == "patient seen by dentist elsewhere"


def test_the_until_date_cannot_pass_the_policy_bound(
    dialog: AcknowledgeDialog, today: dt.date, pol: Policy
) -> None:
    last = today + dt.timedelta(days=MAX_DAYS)
    assert dialog.until.calendarPopup()
    assert dialog.until.maximumDate() == QDate(last.year, last.month, last.day)
    # No usual snooze in the policy: the acknowledgement day, so one OK never silences for long.
    assert dialog.choice().until == default_until(pol, today) == today
    dialog.until.setDate(QDate(last.year, last.month, last.day).addDays(30))
    assert dialog.choice().until == last
    dialog.until.setDate(QDate(today.year, today.month, today.day).addDays(-5))
    assert dialog.choice().until == today


def test_the_dialog_says_when_the_items_are_back_and_counts_them(
    dialog: AcknowledgeDialog, today: dt.date
) -> None:
    """The first until-date is the day itself: the items are back tomorrow, and it says so."""
    tomorrow = today + dt.timedelta(days=1)
    assert dialog.returns.text().startswith(f"The item is back on the worklist on {tomorrow}")
    dialog.until.setDate(QDate(today.year, today.month, today.day).addDays(7))
    later = today + dt.timedelta(days=8)
    assert dialog.returns.text().startswith(f"The item is back on the worklist on {later}")
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"Acknowledge 2 care items on {today}:" in texts
    assert not [text for text in texts if "(s)" in text]


def test_esc_closes_at_once_when_nothing_was_typed(
    qtbot: QtBot, dialog: AcknowledgeDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append("asked"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert asked == []


def test_esc_asks_before_discarding_a_typed_reason(
    qtbot: QtBot, dialog: AcknowledgeDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(*_args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append("asked")
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClicks(dialog.reason, "dentist next week")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # the user kept the reason
    assert dialog.reason.toPlainText() == "dentist next week"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert asked == ["asked", "asked"]


def test_a_valid_snooze_writes_who_when_and_why_and_snoozes_the_stored_item(
    clinic: Engine, ids: dict[str, int], today: dt.date, pol: Policy
) -> None:
    patient = ids["MM-001"]
    item = SelectedItem(patient, "dental.before_bta", "MM-001 Zhang Wei")
    until = today + dt.timedelta(days=30)
    outcome = acknowledge_items(
        clinic, [item], today, until, "  dentist booked  ", "nurse@ward", pol, today
    )
    assert outcome.refused == ()
    assert outcome.patients == {patient}
    with clinic.connect() as conn:
        (row,) = conn.execute(select(ACK).where(ACK.c.patient_id == patient)).all()
        audit = conn.execute(select(AUDIT).where(AUDIT.c.row_id == row.id)).one()
        stored = {s.item.id: s.item for s in state.stored_items(conn, today, 30, [patient])}
    assert (row.item_id, row.reason, row.acknowledged_by) == (
        "dental.before_bta",
        "dentist booked",
        "nurse@ward",
    )
    assert (row.acknowledged_on, row.until, row.created_by) == (today, until, "nurse@ward")
    assert audit.actor == "nurse@ward"
    assert audit.action == "insert"
    assert stored["dental.before_bta"].status is Status.SNOOZED  # the worklist sees it at once
    assert stored["dental.before_bta"].snoozed_until == until


def test_refusals_are_reported_per_item_and_save_nothing_of_them(
    clinic: Engine, ids: dict[str, int], today: dt.date, pol: Policy
) -> None:
    smm, ndmm = ids["MM-010"], ids["MM-001"]
    items = [
        SelectedItem(smm, "dental.before_bta", "MM-010 Alice Martin"),  # not applicable in SMM
        SelectedItem(ndmm, "bta.start", "MM-001 Zhang Wei"),
    ]
    outcome = acknowledge_items(
        clinic, items, today, today + dt.timedelta(days=7), "seen", "nurse@ward", pol, today
    )
    assert [r.item.patient_id for r in outcome.refused] == [smm]
    assert [p.path for p in outcome.refused[0].problems] == ["item_id"]
    assert outcome.patients == {ndmm}

    too_late = today + dt.timedelta(days=MAX_DAYS + 1)
    late = acknowledge_items(clinic, items[1:], today, too_late, "seen", "n", pol, today)
    assert [p.path for r in late.refused for p in r.problems] == ["until"]
    blank = acknowledge_items(clinic, items, today, today, " ", "n", pol, today)
    assert [p.path for r in blank.refused for p in r.problems] == ["reason", "reason"]
    with clinic.connect() as conn:
        written = conn.execute(select(ACK.c.patient_id, ACK.c.item_id)).all()
    assert [tuple(w) for w in written] == [(ndmm, "bta.start")]


def test_the_background_write_announces_each_written_patient(
    qtbot: QtBot,
    clinic: Engine,
    ids: dict[str, int],
    today: dt.date,
    pol: Policy,
    dialog: AcknowledgeDialog,
) -> None:
    hub = Hub()
    items = [
        SelectedItem(ids["MM-001"], "labs.monitoring", "MM-001 Zhang Wei"),
        SelectedItem(ids["MM-002"], "labs.monitoring", "MM-002 王小明"),
    ]
    announced: list[int] = []
    hub.patient_changed.connect(announced.append)
    task = acknowledge_in_background(
        dialog, clinic, hub, items, Choice(today, "labs drawn today"), today, pol
    )
    qtbot.waitUntil(lambda: not task.isRunning(), timeout=20_000)
    qtbot.waitUntil(lambda: len(announced) == 2, timeout=20_000)
    assert sorted(announced) == sorted([ids["MM-001"], ids["MM-002"]])
