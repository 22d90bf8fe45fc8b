"""A new patient from the patient list, by the keyboard: a taken MRN refused under its field,
then the patient opened with its first phase asked for at once (D24)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from logic.builders import policy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from mmtracker.storage.services import PATIENT
from mmtracker.storage.tables import table_of
from mmtracker.ui.forms.entry_dialog import EntryDialog
from mmtracker.ui.forms.patient_dialog import NewPatientDialog
from mmtracker.ui.hub import Hub
from mmtracker.ui.main_window import MainWindow, Place
from mmtracker.ui.patient.view import PatientView

WAIT_MS = 20_000


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one, as a window system would (offscreen, nothing does)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def modal(qtbot: QtBot, kind: type) -> Any:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=WAIT_MS)
    dialog = QApplication.activeModalWidget()
    activate(qtbot, dialog)
    return dialog


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Typed; text beyond ASCII as an input method commits it (QTest types ASCII only)."""
    assert isinstance(widget, QLineEdit)
    widget.setFocus()
    widget.selectAll()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def test_a_patient_is_registered_and_its_first_phase_asked_for(
    qtbot: QtBot, clinic: Engine, today: dt.date
) -> None:
    window = MainWindow(clinic, demo=False, today=lambda: today, policy=policy())
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.show_place(Place.PATIENTS)
    window.patients.table.setFocus()
    qtbot.keyClick(window.patients.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, NewPatientDialog)
    assert not dialog.save_button.isEnabled()
    type_into(qtbot, dialog.editors["mrn"].widget, "MM-001")  # Zhang Wei's
    type_into(qtbot, dialog.editors["name"].widget, "李娜")
    type_into(qtbot, dialog.editors["date_of_birth"].widget, "1962-07-15")
    sex = dialog.editors["sex"].widget
    assert isinstance(sex, QComboBox)
    assert sex.currentData() is None  # asked, never assumed (it weighs in CrCl)
    assert not dialog.save_button.isEnabled()
    sex.setCurrentIndex(sex.findData("F"))
    assert dialog.save_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.problems["mrn"].isVisible(), timeout=WAIT_MS)
    assert "MM-001 is already the MRN of another patient" in dialog.problems["mrn"].text()
    assert dialog.isVisible()

    type_into(qtbot, dialog.editors["mrn"].widget, "MM-100")
    activate(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    phase = modal(qtbot, EntryDialog)  # the first phase, asked for at once
    assert phase.kind == "phase_changes"
    view = window.patient_tabs.currentWidget()
    assert isinstance(view, PatientView)
    with clinic.connect() as conn:
        stored = conn.execute(select(PATIENT).where(PATIENT.c.mrn == "MM-100")).mappings().one()
    assert (stored["name"], stored["sex"], stored["date_of_birth"]) == (
        "李娜",
        "F",
        dt.date(1962, 7, 15),
    )
    assert view.patient_id == stored["id"]
    chosen = phase.editors["phase"].widget
    assert isinstance(chosen, QComboBox)
    chosen.setCurrentIndex(chosen.findData("NDMM"))
    diagnosed = today - dt.timedelta(days=20)  # bta.start due 30 days on (§11): due soon
    phase.editors["date"].set_value(diagnosed)
    with qtbot.waitSignal(phase.finished, timeout=WAIT_MS):
        activate(qtbot, phase)
        qtbot.keyClick(phase, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    table = table_of("phase_changes")
    with clinic.connect() as conn:
        phases = conn.execute(
            select(table.c.phase, table.c.date).where(table.c.patient_id == stored["id"])
        ).all()
    assert [tuple(p) for p in phases] == [("NDMM", diagnosed)]
    # D32: NDMM opens bone-targeted therapy's start: the worklist, read again, lists it
    qtbot.waitUntil(
        lambda: (
            ("MM-100", "bta.start")
            in {(row.mrn, row.item.id) for row in window.worklist.model.shown_rows()}
        ),
        timeout=WAIT_MS,
    )
    # and the patient's care items, read again, show it
    qtbot.waitUntil(
        lambda: (
            view.data() is not None
            and any(
                i.id == "bta.start"
                for i in view.data().assessment.items
                if i.status.value != "not_applicable"
            )
        ),
        timeout=WAIT_MS,
    )


def test_a_mistyped_birth_date_is_corrected_with_a_reason(
    qtbot: QtBot, clinic: Engine, today: dt.date
) -> None:
    """The patient's own details are corrected from the Patient view: the reason required,
    the audit keeping before and after and why, the view read again."""
    import json

    from mmtracker.storage.tables import AUDIT

    with clinic.connect() as conn:
        pid = conn.execute(select(PATIENT.c.id).where(PATIENT.c.mrn == "MM-001")).scalar_one()
    view = PatientView(clinic, pid, policy(), lambda: today, Hub())
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.data() is not None, timeout=WAIT_MS)
    data = view.data()
    assert data is not None
    old_birth = data.history.patient.date_of_birth
    activate(qtbot, view)
    view.entries.details_button.click()
    dialog = modal(qtbot, NewPatientDialog)
    assert dialog.editors["mrn"].value() == "MM-001"
    assert dialog.editors["status"].value() == "active"
    type_into(qtbot, dialog.editors["date_of_birth"].widget, "1951-03-04")
    assert not dialog.save_button.isEnabled()  # no reason yet
    assert dialog.problems["reason"].text()
    assert dialog.reason is not None
    type_into(qtbot, dialog.reason, "typed 1915 for 1951")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with clinic.connect() as conn:
        born = conn.execute(select(PATIENT.c.date_of_birth).where(PATIENT.c.id == pid)).scalar()
        last = (
            conn.execute(
                select(AUDIT).where(AUDIT.c.patient_id == pid).order_by(AUDIT.c.id.desc()).limit(1)
            )
            .mappings()
            .one()
        )
    assert born == dt.date(1951, 3, 4)
    assert (last["table_name"], last["action"], last["reason"]) == (
        "patient",
        "update",
        "typed 1915 for 1951",
    )
    assert json.loads(last["before"])["date_of_birth"] == old_birth.isoformat()
    assert json.loads(last["after"])["date_of_birth"] == "1951-03-04"
    qtbot.waitUntil(
        lambda: (
            view.data() is not None
            and view.data().history.patient.date_of_birth == dt.date(1951, 3, 4)
        ),
        timeout=WAIT_MS,
    )


def test_a_wrong_date_of_birth_is_said_before_the_sex_is_chosen(
    qtbot: QtBot, clinic: Engine, today: dt.date
) -> None:
    """The checks after a blank choice run for every value it could take: a birth date in
    1850 or a height of 1000 cm is named at once; "required" is grey, a wrong value red."""
    from mmtracker.ui.forms.checking import REQUIRED_STYLE
    from mmtracker.ui.forms.form_dialog import PROBLEM_STYLE

    dialog = NewPatientDialog(clinic, policy(), today)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.problems["sex"].styleSheet() == REQUIRED_STYLE  # nothing typed yet
    type_into(qtbot, dialog.editors["date_of_birth"].widget, "1850-04-02")
    type_into(qtbot, dialog.editors["height_cm"].widget, "1000")
    said = dialog.problems["date_of_birth"]
    assert said.text() == "1850-04-02 is before 1900-01-01, the earliest accepted"
    assert said.styleSheet() == PROBLEM_STYLE
    assert "is outside the accepted range 100–230 cm" in dialog.problems["height_cm"].text()
    assert dialog.editors["sex"].value() is None
    assert not dialog.save_button.isEnabled()
    dialog.done(0)


def test_a_name_and_birth_date_already_registered_are_asked_about(
    qtbot: QtBot, clinic: Engine, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12, finding 5: the same person under a new MRN is asked about before saving;
    Cancel saves nothing, Save registers the patient."""
    with clinic.connect() as conn:
        known = conn.execute(
            select(PATIENT.c.mrn, PATIENT.c.name, PATIENT.c.date_of_birth).order_by(PATIENT.c.id)
        ).first()
    assert known is not None
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save])

    def answer(_parent: object, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = NewPatientDialog(clinic, policy(), today)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.editors["mrn"].widget, "MM-777")
    type_into(qtbot, dialog.editors["name"].widget, known.name.upper())
    type_into(qtbot, dialog.editors["date_of_birth"].widget, known.date_of_birth.isoformat())
    sex = dialog.editors["sex"].widget
    assert isinstance(sex, QComboBox)
    sex.setCurrentIndex(sex.findData("F"))

    dialog.save()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=WAIT_MS)
    assert f"has the name and date of birth of the patient of MRN {known.mrn}" in asked[0]
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=WAIT_MS)
    assert dialog.isVisible()
    with clinic.connect() as conn:
        assert conn.execute(select(PATIENT.c.id).where(PATIENT.c.mrn == "MM-777")).first() is None

    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert len(asked) == 2
    with clinic.connect() as conn:
        assert conn.execute(select(PATIENT.c.id).where(PATIENT.c.mrn == "MM-777")).first()
