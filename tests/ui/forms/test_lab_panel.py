"""The lab panel: six analytes in one save, from the keyboard; a value out of range named
beside its analyte with nothing saved; the computed values shown as typed; units remembered."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from logic.builders import policy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from mmtracker.logic.codes import Analyte
from mmtracker.storage.services import PATIENT, add_entry
from mmtracker.storage.tables import AUDIT, table_of
from mmtracker.ui.forms.lab_panel import LabPanelDialog
from mmtracker.ui.hub import Hub
from mmtracker.ui.patient.view import PatientView

WAIT_MS = 20_000


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one, as a window system would (offscreen, nothing does)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def view(qtbot: QtBot, clinic: Engine, today: dt.date) -> PatientView:
    with clinic.connect() as conn:
        pid = conn.execute(select(PATIENT.c.id).where(PATIENT.c.mrn == "MM-001")).scalar_one()
    add_entry(clinic, pid, "weights", {"date": "2026-02-01", "weight_kg": 70}, "nurse", today)
    shown = PatientView(clinic, pid, policy(), lambda: today, Hub())
    qtbot.addWidget(shown)
    shown.resize(1300, 850)
    shown.show()
    qtbot.waitUntil(lambda: shown.data() is not None, timeout=WAIT_MS)
    activate(qtbot, shown)
    return shown


def open_panel(qtbot: QtBot, view: PatientView) -> LabPanelDialog:
    activate(qtbot, view)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), LabPanelDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, LabPanelDialog)
    activate(qtbot, dialog)
    return dialog


def type_value(qtbot: QtBot, dialog: LabPanelDialog, analyte: Analyte, text: str) -> None:
    box = dialog.row(analyte).entry_widget
    assert isinstance(box, QLineEdit)
    box.setFocus()
    qtbot.keyClicks(box, text)


def stored(engine: Engine, pid: int) -> list[dict[str, Any]]:
    table = table_of("lab_results")
    with engine.connect() as conn:
        return [
            dict(r) for r in conn.execute(select(table).where(table.c.patient_id == pid)).mappings()
        ]


def audit_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return len(conn.execute(select(AUDIT.c.id)).all())


def test_six_analytes_are_saved_in_one_go_with_the_values_computed_shown(
    qtbot: QtBot, view: PatientView, clinic: Engine, today: dt.date
) -> None:
    dialog = open_panel(qtbot, view)
    assert QApplication.focusWidget() is dialog.row(Analyte.SERUM_MPROTEIN).entry_widget
    qtbot.keyClicks(QApplication.focusWidget(), "12")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # Tab: on to the next value
    assert QApplication.focusWidget() is dialog.row(Analyte.URINE_MPROTEIN).entry_widget
    for analyte, text in (
        (Analyte.FLC_KAPPA, "240"),
        (Analyte.FLC_LAMBDA, "12"),
        (Analyte.CALCIUM, "2.8"),
        (Analyte.ALBUMIN, "34"),
        (Analyte.CREATININE, "100"),
    ):
        type_value(qtbot, dialog, analyte, text)
    computed = dialog.computed.text()
    # D12: 2.8 + 0.02 × (40 − 34) = 2.92; κ/λ 240/12 = 20; CrCl by Cockcroft-Gault (D13)
    assert "Corrected calcium (D12): 2.92 mmol/L" in computed
    assert "FLC ratio (involved/uninvolved): 20" in computed
    assert "CrCl" in computed
    assert "weight 70 kg of 2026-02-01" in computed
    assert dialog.save_button.isEnabled()
    pid = view.patient_id
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    found = {row["analyte"]: row for row in stored(clinic, pid)}
    assert sorted(found) == sorted(
        a.value
        for a in (
            Analyte.SERUM_MPROTEIN,
            Analyte.FLC_KAPPA,
            Analyte.FLC_LAMBDA,
            Analyte.CALCIUM,
            Analyte.ALBUMIN,
            Analyte.CREATININE,
        )
    )
    assert {row["date"] for row in found.values()} == {today}
    assert found["calcium"]["calcium_kind"] == "total"
    assert found["creatinine"]["unit"] == "umol/L"


def test_a_calcium_of_25_is_named_with_its_range_and_nothing_is_saved(
    qtbot: QtBot, view: PatientView, clinic: Engine
) -> None:
    before, audits = stored(clinic, view.patient_id), audit_count(clinic)
    dialog = open_panel(qtbot, view)
    type_value(qtbot, dialog, Analyte.ALBUMIN, "38")
    type_value(qtbot, dialog, Analyte.CALCIUM, "25")
    said = dialog.problems_of(Analyte.CALCIUM)
    assert said  # the accepted range, beside the calcium
    assert "mmol/L" in said
    assert not dialog.save_button.isEnabled()
    dialog.save()
    assert stored(clinic, view.patient_id) == before
    assert audit_count(clinic) == audits
    dialog.done(0)


def test_the_unit_chosen_is_remembered_for_the_next_panel(qtbot: QtBot, view: PatientView) -> None:
    dialog = open_panel(qtbot, view)
    creatinine = dialog.row(Analyte.CREATININE)
    creatinine.unit.setCurrentIndex(creatinine.unit.findData("mg/dL"))
    type_value(qtbot, dialog, Analyte.CREATININE, "1.1")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        dialog.save()
    again = open_panel(qtbot, view)
    assert again.row(Analyte.CREATININE).unit.currentData() == "mg/dL"
    assert again.row(Analyte.CALCIUM).unit.currentData() == "mmol/L"  # never changed: SI
    again.done(0)


def test_the_sample_time_is_typed_once_and_stored_with_every_value(
    qtbot: QtBot, view: PatientView, clinic: Engine
) -> None:
    dialog = open_panel(qtbot, view)
    time_box = dialog.time.widget
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # back from the first value
    assert QApplication.focusWidget() is time_box
    qtbot.keyClicks(time_box, "07:45")
    qtbot.keyClick(time_box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.row(Analyte.SERUM_MPROTEIN).entry_widget
    type_value(qtbot, dialog, Analyte.HEMOGLOBIN, "104")
    type_value(qtbot, dialog, Analyte.LDH, "180")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    times = {row["analyte"]: row["time"] for row in stored(clinic, view.patient_id)}
    assert times == {"hemoglobin": dt.time(7, 45), "ldh": dt.time(7, 45)}

    def shown_times() -> list[str]:  # the Lab results table, its Time column
        model = view.entries.model
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        if "Time" not in headers:  # not read again yet
            return []
        column = headers.index("Time")
        return [model.data(model.index(r, column)) for r in range(model.rowCount())]

    view.tabs.setCurrentWidget(view.entries)  # the tab of the entries, Lab results first
    qtbot.waitUntil(lambda: shown_times().count("07:45") == 2, timeout=WAIT_MS)


@pytest.mark.parametrize("typed", ["24:00", "7.45", "07:60"])
def test_a_time_that_is_no_time_of_day_is_named_beside_the_date(
    qtbot: QtBot, view: PatientView, clinic: Engine, typed: str
) -> None:
    before, audits = stored(clinic, view.patient_id), audit_count(clinic)
    dialog = open_panel(qtbot, view)
    type_value(qtbot, dialog, Analyte.HEMOGLOBIN, "104")
    qtbot.keyClicks(dialog.time.widget, typed)
    assert dialog.date_problem.text() == (
        f"Sample time: must be a time of day HH:MM (00:00 to 23:59), not '{typed}'"
    )
    assert not dialog.save_button.isEnabled()
    dialog.save()
    assert (stored(clinic, view.patient_id), audit_count(clinic)) == (before, audits)
    dialog.done(0)
