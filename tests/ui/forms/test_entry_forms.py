"""The entry forms of the Patient view, driven by the keyboard on a real database: add,
validate as you type, correct with a reason, delete with a reason, a stale save refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from logic.builders import policy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from mmtracker.config import sqlite_url
from mmtracker.logic.history import ENTRY_KINDS
from mmtracker.storage.models import TRACKED_COLUMNS
from mmtracker.storage.services import PATIENT, add_entry, patient_revision
from mmtracker.storage.tables import AUDIT, table_of
from mmtracker.ui.forms.delete_dialog import DeleteDialog
from mmtracker.ui.forms.entry_dialog import CORRECTABLE, EntryDialog, form_fields
from mmtracker.ui.hub import Hub
from mmtracker.ui.patient.entries_panel import FORMLESS
from mmtracker.ui.patient.view import PatientView
from mmtracker.workflows import open_engine

ROOT = Path(__file__).resolve().parents[3]
WAIT_MS = 20_000
SCHEMA_DEFS = {  # the record file's name of each kind's entries
    "phase_changes": "PhaseChange",
    "weights": "Weight",
    "lab_results": "LabResult",
    "cytogenetics": "Cytogenetics",
    "imaging": "Imaging",
    "dental_exams": "DentalExam",
    "bone_therapy_doses": "BoneTherapyDose",
    "bone_therapy_events": "BoneTherapyEvent",
    "supplements": "Supplement",
    "mrd_tests": "MrdTest",
    "treatment_lines": "TreatmentLine",
    "transplants": "Transplant",
    "responses": "ResponseAssessment",
    "clinical_events": "ClinicalEvent",
    "visits": "Visit",
    "acknowledgements": "Acknowledgement",
}


def test_every_kind_has_a_form_of_every_field_the_record_file_holds() -> None:
    schema = json.loads((ROOT / "docs" / "record.schema.json").read_text(encoding="utf-8"))
    assert set(SCHEMA_DEFS) == set(ENTRY_KINDS)
    for kind, name in SCHEMA_DEFS.items():
        # the id and the bookkeeping the services write are no form's to fill
        fields = set(schema["$defs"][name]["properties"]) - {"id", *TRACKED_COLUMNS}
        if kind in CORRECTABLE:  # an acknowledgement's finding is the rules' (D40)
            assert set(form_fields(kind)) == set(CORRECTABLE[kind]) < fields, kind
        else:
            assert set(form_fields(kind)) == fields, kind


def patient_id_of(engine: Engine, mrn: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(PATIENT.c.id).where(PATIENT.c.mrn == mrn)).scalar_one())


@pytest.fixture
def view(qtbot: QtBot, clinic: Engine, today: dt.date) -> PatientView:
    shown = PatientView(clinic, patient_id_of(clinic, "MM-001"), policy(), lambda: today, Hub())
    qtbot.addWidget(shown)
    shown.resize(1300, 850)
    shown.show()
    qtbot.waitUntil(lambda: shown.data() is not None, timeout=WAIT_MS)
    shown.tabs.setCurrentWidget(shown.entries)
    activate(qtbot, shown)  # shortcuts reach the active window only
    return shown


def choose_kind(view: PatientView, kind: str) -> None:
    view.entries.kind.setCurrentIndex(view.entries.kind.findData(kind))


def open_dialog(qtbot: QtBot, view: PatientView) -> Any:
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), EntryDialog | DeleteDialog)
    )
    return QApplication.activeModalWidget()


def rows(engine: Engine, kind: str, patient_id: int) -> list[dict[str, Any]]:
    table = table_of(kind)
    with engine.connect() as conn:
        found = conn.execute(select(table).where(table.c.patient_id == patient_id)).mappings()
        return [dict(r) for r in found]


def audits(engine: Engine, patient_id: int) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        found = conn.execute(
            select(AUDIT).where(AUDIT.c.patient_id == patient_id).order_by(AUDIT.c.id)
        ).mappings()
        return [dict(r) for r in found]


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one, as the window system does (offscreen, nothing does)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press_save(qtbot: QtBot, dialog: EntryDialog) -> None:
    """Ctrl+S in the form, its window active."""
    activate(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def type_into(qtbot: QtBot, dialog: EntryDialog, name: str, text: str) -> None:
    box = dialog.editors[name].widget
    assert isinstance(box, QLineEdit)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def test_enter_on_every_field_and_past_the_last_never_saves(
    qtbot: QtBot, view: PatientView, clinic: Engine
) -> None:
    """A valid form: Enter after Enter goes round its fields, never to Save or Cancel."""
    from PySide6.QtWidgets import QAbstractButton

    choose_kind(view, "weights")
    view.entries.table.setFocus()
    qtbot.keyClick(view.entries.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, view)
    activate(qtbot, dialog)
    type_into(qtbot, dialog, "weight_kg", "72")
    assert dialog.save_button.isEnabled()
    visited = []
    for _ in range(2 * len(dialog.editors) + 2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        visited.append(QApplication.focusWidget())
        assert not isinstance(QApplication.focusWidget(), QAbstractButton)
    assert dialog.isVisible()
    assert rows(clinic, "weights", view.patient_id) == []
    assert set(visited) == {e.widget for e in dialog.editors.values()}
    dialog.save_button.setFocus()  # a button reached with Tab: Enter moves on, presses nothing
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert rows(clinic, "weights", view.patient_id) == []
    dialog.done(0)


def test_a_weight_is_added_corrected_and_deleted_with_the_keyboard(
    qtbot: QtBot, view: PatientView, clinic: Engine
) -> None:
    pid = view.patient_id
    choose_kind(view, "weights")
    view.entries.table.setFocus()
    qtbot.keyClick(view.entries.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, view)
    assert isinstance(dialog, EntryDialog)
    assert dialog.editors["date"].value() == view.as_of.isoformat()  # today, by default
    assert not dialog.save_button.isEnabled()  # a weight is required
    type_into(qtbot, dialog, "weight_kg", "72,5")
    qtbot.keyClick(dialog.editors["weight_kg"].widget, Qt.Key.Key_Return)  # moves on, no save
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        press_save(qtbot, dialog)
    (stored,) = rows(clinic, "weights", pid)
    assert (stored["weight_kg"], stored["date"]) == (72.5, view.as_of)
    inserted = audits(clinic, pid)[-1]
    assert (inserted["action"], inserted["table_name"], inserted["reason"]) == (
        "insert",
        "weight",
        None,
    )
    qtbot.waitUntil(lambda: view.entries.model.rowCount() == 1, timeout=WAIT_MS)

    activate(qtbot, view)
    view.entries.table.setFocus()
    view.entries.table.selectRow(0)
    qtbot.keyClick(view.entries.table, Qt.Key.Key_Return)  # Enter corrects the row
    dialog = open_dialog(qtbot, view)
    assert isinstance(dialog, EntryDialog)
    assert dialog.editors["weight_kg"].value() == 72.5
    type_into(qtbot, dialog, "weight_kg", "70")
    assert not dialog.save_button.isEnabled()  # a correction says why
    assert dialog.problems["reason"].isVisible()
    assert dialog.reason is not None
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "typed the scale's other reading")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        press_save(qtbot, dialog)
    (stored,) = rows(clinic, "weights", pid)
    assert (stored["weight_kg"], stored["version"]) == (70.0, 2)
    corrected = audits(clinic, pid)[-1]
    assert (corrected["action"], corrected["reason"]) == (
        "update",
        "typed the scale's other reading",
    )
    assert json.loads(corrected["before"])["weight_kg"] == 72.5
    assert json.loads(corrected["after"])["weight_kg"] == 70.0
    qtbot.waitUntil(lambda: view.entries.model.index(0, 1).data() == "70", timeout=WAIT_MS)

    activate(qtbot, view)
    view.entries.table.setFocus()
    view.entries.table.selectRow(0)
    qtbot.keyClick(view.entries.table, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, view)
    assert isinstance(dialog, DeleteDialog)
    assert not dialog.delete_button.isEnabled()  # no reason yet
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert rows(clinic, "weights", pid) != []  # refused without a reason
    qtbot.keyClicks(dialog.reason, "entered for the wrong patient")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert rows(clinic, "weights", pid) == []
    deleted = audits(clinic, pid)[-1]
    assert (deleted["action"], deleted["reason"]) == ("delete", "entered for the wrong patient")
    assert json.loads(deleted["before"])["weight_kg"] == 70.0


def test_a_value_out_of_range_is_named_with_its_range_and_nothing_is_saved(
    qtbot: QtBot, view: PatientView, clinic: Engine
) -> None:
    """The weight limits (mmtracker/logic/validation.py WEIGHT_LIMIT 20–300 kg)."""
    choose_kind(view, "weights")
    view.entries.new_entry()
    dialog = open_dialog(qtbot, view)
    before = audits(clinic, view.patient_id)
    type_into(qtbot, dialog, "weight_kg", "5")
    assert not dialog.save_button.isEnabled()
    assert dialog.problems["weight_kg"].isVisible()
    assert "20" in dialog.problems["weight_kg"].text()
    assert "300" in dialog.problems["weight_kg"].text()
    dialog.save()  # Ctrl+S on an invalid form does nothing
    type_into(qtbot, dialog, "date", "2999-01-01")
    assert dialog.problems["date"].isVisible()  # a date in the future
    assert audits(clinic, view.patient_id) == before
    dialog.done(0)


def test_a_save_after_another_workstation_wrote_is_refused_and_names_the_write(
    qtbot: QtBot,
    view: PatientView,
    clinic_path: Path,
    clinic: Engine,
    today: dt.date,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said: list[str] = []

    def warning(_parent: object, _title: str, text: str, *_: object) -> Any:
        said.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", warning)
    choose_kind(view, "weights")
    view.entries.new_entry()
    dialog = open_dialog(qtbot, view)
    type_into(qtbot, dialog, "weight_kg", "71")
    other = open_engine(sqlite_url(clinic_path))
    add_entry(other, view.patient_id, "visits", {"date": today.isoformat()}, "doctor@ws-2", today)
    other.dispose()
    dialog.save()
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    assert "Visits added by doctor@ws-2" in said[0]
    assert dialog.isVisible()  # nothing lost from the form
    assert dialog.editors["weight_kg"].value() == 71
    assert rows(clinic, "weights", view.patient_id) == []
    dialog.done(0)


def test_a_changed_form_asks_before_it_is_discarded(
    qtbot: QtBot, view: PatientView, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args, **_: asked.append(args[1]) or QMessageBox.StandardButton.Cancel,
    )
    choose_kind(view, "visits")
    view.entries.new_entry()
    dialog = open_dialog(qtbot, view)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # unchanged: closes at once
    assert not dialog.isVisible()
    assert asked == []
    view.entries.new_entry()
    dialog = open_dialog(qtbot, view)
    type_into(qtbot, dialog, "note", "pain better")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Discard the changes?"]
    assert dialog.isVisible()
    dialog.done(0)


# Each kind's form filled as a nurse would (a value per field that needs one), and the one
# field then corrected. Dates are before TODAY (2026-03-01) and after Zhang Wei's NDMM.
FILLED: dict[str, tuple[dict[str, Any], tuple[str, Any, Any]]] = {
    "phase_changes": (
        {"date": "2024-09-01", "phase": "ASCT"},
        ("date", "2024-09-02", dt.date(2024, 9, 2)),
    ),
    "weights": ({"weight_kg": 71.0}, ("weight_kg", 70.5, 70.5)),
    "lab_results": (
        {"analyte": "creatinine", "value": 90.0, "unit": "umol/L"},
        ("value", 95.0, 95.0),
    ),
    "cytogenetics": ({"method": "FISH", "del_17p": True}, ("t_4_14", True, True)),
    "imaging": ({"modality": "PET_CT", "lytic_lesions": 2}, ("lytic_lesions", 3, 3)),
    "dental_exams": (
        {"outcome": "fit_for_bone_therapy", "invasive_procedure": "none"},
        ("note", "seen by Dr Li", "seen by Dr Li"),
    ),
    "bone_therapy_doses": ({"agent": "zoledronic_acid", "dose_mg": 4.0}, ("dose_mg", 3.5, 3.5)),
    "bone_therapy_events": (
        {"kind": "hold", "resume_date": "2026-04-01"},
        ("resume_date", "2026-05-01", dt.date(2026, 5, 1)),
    ),
    "supplements": ({"calcium_mg": 500.0, "vitamin_d_iu": 800.0}, ("vitamin_d_iu", 1000.0, 1000.0)),
    "mrd_tests": (
        {"method": "NGS", "sensitivity": 1e-5, "result": "negative"},
        ("result", "positive", "positive"),
    ),
    "treatment_lines": (
        {"line_number": 1, "regimen": "VRd", "intent": "induction", "drugs": ["V", "R", "d"]},
        ("regimen", "D-VRd", "D-VRd"),
    ),
    "transplants": (
        {"planned_date": "2026-04-15"},
        ("planned_date", "2026-04-20", dt.date(2026, 4, 20)),
    ),
    "responses": ({"category": "PR"}, ("category", "VGPR", "VGPR")),
    "clinical_events": ({"kind": "hypercalcaemia"}, ("note", "treated", "treated")),
    "visits": ({"ecog": 1, "next_visit": "2026-04-01"}, ("ecog", 2, 2)),
}


def refreshed_as_stored(qtbot: QtBot, view: PatientView, engine: Engine) -> None:
    """The view reads the patient again after the save, and its care items are those the
    save stored for the worklist (re-assessed in the same transaction)."""
    from mmtracker.storage import state

    pid = view.patient_id
    now = patient_revision(engine, pid)
    qtbot.waitUntil(lambda: view.data() is not None and view.data().revision == now)
    data = view.data()
    assert data is not None
    shown = {i.id: i.status for i in data.assessment.items if i.status.value != "not_applicable"}
    with engine.connect() as conn:
        stored = {
            s.item.id: s.item.status
            for s in state.stored_items(conn, view.as_of, policy().whole("lead_days"), [pid])
        }
    assert shown == stored


def keyboard_fill(qtbot: QtBot, editor: Any, value: Any) -> None:
    """Fill a field as a user at the keyboard does: text typed into a box, a choice reached
    with the arrow keys; then check the form reads what was meant."""
    from PySide6.QtWidgets import QComboBox

    widget = editor.widget
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
        if isinstance(value, list):
            text = ", ".join(value)
        elif isinstance(value, float):
            text = f"{value:g}"
        else:
            text = str(value)
        qtbot.keyClicks(widget, text)
        assert editor.value() == value
        return
    assert isinstance(widget, QComboBox)
    qtbot.keyClick(widget, Qt.Key.Key_Home)
    for _ in range(widget.count()):
        if widget.currentData() == value:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Down)
    assert widget.currentData() == value


def test_every_kind_with_a_form_is_filled_here() -> None:
    assert set(FILLED) == set(ENTRY_KINDS) - FORMLESS


@pytest.mark.parametrize("kind", sorted(FILLED))
def test_each_kind_is_added_corrected_and_deleted(
    qtbot: QtBot, view: PatientView, clinic: Engine, kind: str
) -> None:
    """Through the form and the keyboard: the stored row, and the audit before and after."""
    values, (name, corrected, stored_as) = FILLED[kind]
    pid = view.patient_id
    before = {r["id"] for r in rows(clinic, kind, pid)}
    choose_kind(view, kind)
    view.entries.table.setFocus()
    qtbot.keyClick(view.entries.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, view)
    activate(qtbot, dialog)
    for field, value in values.items():
        keyboard_fill(qtbot, dialog.editors[field], value)
    assert dialog.check() == [], dialog.check()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        press_save(qtbot, dialog)
    (added,) = [r for r in rows(clinic, kind, pid) if r["id"] not in before]
    inserted = audits(clinic, pid)[-1]
    assert (inserted["action"], inserted["before"]) == ("insert", None)
    assert json.loads(inserted["after"])["id"] == added["id"]
    qtbot.waitUntil(lambda: view.entries.model.rowCount() == len(before) + 1, timeout=WAIT_MS)
    refreshed_as_stored(qtbot, view, clinic)

    activate(qtbot, view)
    row = next(
        r
        for r in range(view.entries.model.rowCount())
        if view.entries.model.entry_at(r).id == added["id"]
    )
    view.entries.table.setFocus()
    view.entries.table.selectRow(row)
    qtbot.keyClick(view.entries.table, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, view)
    activate(qtbot, dialog)
    keyboard_fill(qtbot, dialog.editors[name], corrected)
    assert dialog.reason is not None
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "corrected in the test")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        press_save(qtbot, dialog)
    (changed,) = [r for r in rows(clinic, kind, added["id"] and pid) if r["id"] == added["id"]]
    assert changed[name] == stored_as
    audit = audits(clinic, pid)[-1]
    assert (audit["action"], audit["reason"]) == ("update", "corrected in the test")
    assert json.loads(audit["after"])[name] == json.loads(json.dumps(stored_as, default=str))
    assert json.loads(audit["before"])[name] == json.loads(json.dumps(added[name], default=str))
    refreshed_as_stored(qtbot, view, clinic)

    now = patient_revision(clinic, pid)  # the view reads the corrected patient again
    qtbot.waitUntil(lambda: view.data() is not None and view.data().revision == now)
    activate(qtbot, view)
    view.entries.table.setFocus()
    view.entries.table.selectRow(row)
    qtbot.keyClick(view.entries.table, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, view)
    qtbot.keyClicks(dialog.reason, "test entry")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert added["id"] not in {r["id"] for r in rows(clinic, kind, pid)}
    assert audits(clinic, pid)[-1]["action"] == "delete"


def test_the_history_of_changes_says_who_what_when_and_why(
    qtbot: QtBot, view: PatientView, clinic: Engine, today: dt.date
) -> None:
    from mmtracker.storage.services import delete_entry, update_entry
    from mmtracker.ui.patient.audit_dialog import AuditDialog

    pid = view.patient_id
    added = add_entry(
        clinic, pid, "weights", {"date": "2026-02-01", "weight_kg": 72.5}, "a@ws", today
    )
    update_entry(
        clinic, "weights", added.row_id, 1, {"weight_kg": 70}, "b@ws", today, reason="misread"
    )
    delete_entry(clinic, "weights", added.row_id, 2, "c@ws", reason="wrong patient")
    view.entries.history_button.click()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AuditDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 3, timeout=WAIT_MS)
    rows = [
        [dialog.table.item(r, c).text() for c in range(1, 5)] for r in range(3)
    ]  # newest first: who, what, why, changes
    assert rows == [
        ["c@ws", "Weights: deleted", "wrong patient", "Date: 2026-02-01; Weight (kg): 70"],
        ["b@ws", "Weights: corrected", "misread", "Weight (kg): 72.5 → 70"],
        ["a@ws", "Weights: added", "", "Date: 2026-02-01; Weight (kg): 72.5"],
    ]
    assert dialog.table.item(0, 0).text()  # when, in this computer's time zone
    dialog.done(0)


def item_status(view: PatientView, item_id: str) -> str:
    data = view.data()
    assert data is not None
    return next(i.status.value for i in data.assessment.items if i.id == item_id)


def test_a_dental_check_and_a_zoledronic_acid_dose_move_the_care_items(
    qtbot: QtBot, view: PatientView, today: dt.date
) -> None:
    """D32: NDMM opens bone-targeted therapy (bta.start) and the dental check before it;
    a dental check fit for therapy satisfies the one, a zoledronic acid dose the other,
    and the next dose then falls due (§11 intervals: 28 days)."""
    assert item_status(view, "dental.before_bta") == "overdue"
    assert item_status(view, "bta.start") == "overdue"
    for kind, values in (
        (
            "dental_exams",
            {"date": today, "outcome": "fit_for_bone_therapy", "invasive_procedure": "none"},
        ),
        ("bone_therapy_doses", {"date": today, "agent": "zoledronic_acid", "dose_mg": 4.0}),
    ):
        activate(qtbot, view)
        choose_kind(view, kind)
        view.entries.table.setFocus()
        qtbot.keyClick(view.entries.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        dialog = open_dialog(qtbot, view)
        for name, value in values.items():
            dialog.editors[name].set_value(value)
        revision = view.data().revision if view.data() else 0
        with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
            press_save(qtbot, dialog)
        qtbot.waitUntil(lambda r=revision: view.data() is not None and view.data().revision > r)
    assert item_status(view, "dental.before_bta") != "overdue"
    assert item_status(view, "bta.start") == "not_applicable"  # started
    data = view.data()
    assert data is not None
    (next_dose,) = [i for i in data.assessment.items if i.id == "bta.next_dose"]
    assert next_dose.due == today + dt.timedelta(days=28)


def test_a_snooze_is_corrected_and_deleted_from_the_entries(
    qtbot: QtBot, view: PatientView, clinic: Engine, today: dt.date
) -> None:
    """An acknowledgement is made by Acknowledge / snooze; here its until-date is corrected
    (with a reason), then it is deleted (with a reason) and its item is back."""
    from mmtracker.storage.acknowledgements import acknowledge
    from mmtracker.storage.state import updater

    pol = policy()
    acknowledge(
        clinic, view.patient_id, "dental.before_bta", today, today + dt.timedelta(days=7),
        "dentist booked", "nurse@ws", pol, today, updater(today, pol),
    )  # fmt: skip
    view.reload()
    qtbot.waitUntil(lambda: item_status(view, "dental.before_bta") == "snoozed", timeout=WAIT_MS)
    choose_kind(view, "acknowledgements")
    assert not view.entries.new_button.isEnabled()  # made by Acknowledge / snooze only
    activate(qtbot, view)
    view.entries.table.setFocus()
    view.entries.table.selectRow(0)
    qtbot.keyClick(view.entries.table, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, view)
    assert set(dialog.editors) == {"until", "reason"}
    dialog.editors["until"].set_value(today + dt.timedelta(days=3))
    assert dialog.reason is not None
    dialog.reason.setText("dentist moved the visit")
    revision = view.data().revision
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        press_save(qtbot, dialog)
    qtbot.waitUntil(lambda: view.data().revision > revision, timeout=WAIT_MS)
    (snoozed,) = [i for i in view.data().assessment.items if i.id == "dental.before_bta"]
    assert snoozed.snoozed_until == today + dt.timedelta(days=3)

    revision = view.data().revision
    activate(qtbot, view)
    view.entries.table.setFocus()
    view.entries.table.selectRow(0)
    qtbot.keyClick(view.entries.table, Qt.Key.Key_Delete)
    dialog = open_dialog(qtbot, view)
    qtbot.keyClicks(dialog.reason, "snoozed by mistake")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.data().revision > revision, timeout=WAIT_MS)
    assert item_status(view, "dental.before_bta") == "overdue"
    assert audits(clinic, view.patient_id)[-1]["reason"] == "snoozed by mistake"


def test_a_form_never_chooses_for_the_user(qtbot: QtBot, view: PatientView) -> None:
    """A new dental check's outcome starts blank, not "fit for bone therapy" (the gate before
    bone-targeted therapy), and the form asks for it before it can be saved."""
    choose_kind(view, "dental_exams")
    view.entries.new_entry()
    dialog = open_dialog(qtbot, view)
    assert dialog.editors["outcome"].value() is None
    assert dialog.editors["invasive_procedure"].value() is None
    assert not dialog.save_button.isEnabled()
    assert "is required" in dialog.problems["outcome"].text()
    dialog.editors["outcome"].set_value("fit_for_bone_therapy")
    dialog.editors["invasive_procedure"].set_value("none")
    assert dialog.save_button.isEnabled()
    dialog.done(0)


@pytest.mark.parametrize("meant", [False, True])
def test_a_zoledronic_acid_dose_above_the_label_is_asked_about_before_saving(
    qtbot: QtBot,
    view: PatientView,
    clinic: Engine,
    today: dt.date,
    monkeypatch: pytest.MonkeyPatch,
    meant: bool,
) -> None:
    """§5 ZA dose: 4 mg at most. 40 typed for 4.0 is named under the dose and saved only
    when the user confirms it (the question defaults to no)."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_: object) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if meant else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    pid = view.patient_id
    before = rows(clinic, "bone_therapy_doses", pid)
    choose_kind(view, "bone_therapy_doses")
    view.entries.table.setFocus()
    qtbot.keyClick(view.entries.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, view)
    dialog.editors["agent"].set_value("zoledronic_acid")
    box = dialog.editors["dose_mg"].widget
    assert isinstance(box, QLineEdit)
    box.setFocus()
    qtbot.keyClicks(box, "40")
    assert dialog.notice.isVisible()
    assert "Zoledronic acid" in dialog.notice.text() or "zoledronic acid" in dialog.notice.text()
    assert "4 mg" in dialog.notice.text()
    if meant:
        with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
            press_save(qtbot, dialog)
    else:
        press_save(qtbot, dialog)
    assert asked == ["Save 40 mg of zoledronic acid? The label's dose is 4 mg (clinical rules §5)."]
    after = rows(clinic, "bone_therapy_doses", pid)
    if meant:
        assert [r["dose_mg"] for r in after if r not in before] == [40.0]
    else:
        assert after == before
        assert dialog.isVisible()  # the form stays open to correct the dose
        box.selectAll()
        qtbot.keyClicks(box, "4")
        assert not dialog.notice.isVisible()
        dialog.done(0)


def test_the_history_names_an_import_by_its_entries_and_units_as_written() -> None:
    from mmtracker.storage.audit_trail import AuditEntry
    from mmtracker.ui.patient.audit_dialog import changes_text

    at = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    imported = AuditEntry(
        at,
        "nurse@ws",
        "patient",
        "import",
        None,
        (("acknowledgements", None, 0), ("lab_results", None, 4), ("weights", None, 1)),
    )
    assert changes_text(imported) == "Lab results: 4; Weights: 1"
    corrected = AuditEntry(
        at, "nurse@ws", "lab_result", "update", "unit", (("unit", "mg/dL", "umol/L"),)
    )
    assert changes_text(corrected) == "Unit: mg/dL → µmol/L"
