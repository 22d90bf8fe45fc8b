"""Every form in Chinese: its title and the label of each of its fields are translated
(international notation such as del(17p) or ECOG kept, as the glossary says)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from logic.builders import policy
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from mmtracker.logic.history import ENTRY_KINDS
from mmtracker.storage.services import PATIENT
from mmtracker.ui.forms.entry_dialog import EntryDialog
from mmtracker.ui.forms.lab_panel import LabPanelDialog
from mmtracker.ui.forms.patient_dialog import Correcting, NewPatientDialog
from mmtracker.ui.hub import Hub
from mmtracker.ui.patient.view import PatientView

WAIT_MS = 20_000
CJK = re.compile("[\u4e00-\u9fff]")
# Kept as written in Chinese too (shared/glossary-zh_CN.md keeps the notation)
NOTATION = {"del(17p)", "t(4;14)", "t(14;16)", "t(14;20)", "del(1p32)", "del(13q)", "ECOG"}


def form_labels(dialog: QDialog) -> list[str]:
    """The label of every field of a form, and its title."""
    found = [dialog.windowTitle()]
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget: QWidget | None = item.widget() if item is not None else None
            if isinstance(widget, QLabel) and widget.text().strip():
                found.append(widget.text().strip().rstrip(":："))
    return found


def untranslated(dialog: QDialog) -> list[str]:
    return [t for t in form_labels(dialog) if not CJK.search(t) and t not in NOTATION]


@pytest.fixture
def view(qtbot: QtBot, chinese: None, clinic: Engine, today: dt.date) -> PatientView:
    with clinic.connect() as conn:
        pid = conn.execute(select(PATIENT.c.id).where(PATIENT.c.mrn == "MM-001")).scalar_one()
    shown = PatientView(clinic, pid, policy(), lambda: today, Hub())
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: shown.data() is not None, timeout=WAIT_MS)
    return shown


@pytest.mark.parametrize("kind", sorted(ENTRY_KINDS))
def test_each_entry_form_is_in_chinese(qtbot: QtBot, view: PatientView, kind: str) -> None:
    context = view.form_context()
    assert context is not None
    dialog = EntryDialog(kind, context, None, view)
    qtbot.addWidget(dialog)
    assert len(form_labels(dialog)) > 1
    assert untranslated(dialog) == []


def test_the_patient_forms_and_the_lab_panel_are_in_chinese(
    qtbot: QtBot, view: PatientView, clinic: Engine, today: dt.date
) -> None:
    context, data = view.form_context(), view.data()
    assert context is not None
    assert data is not None
    new = NewPatientDialog(clinic, policy(), today, view)
    details = NewPatientDialog(
        clinic, policy(), today, view, Correcting(view.patient_id, data.history.patient, 1)
    )
    panel = LabPanelDialog(context, data.history, view)
    for dialog in (new, details, panel):
        qtbot.addWidget(dialog)
        assert CJK.search(dialog.windowTitle())
    assert untranslated(new) == []
    assert untranslated(details) == []
    headings = [w.text() for w in panel.findChildren(QLabel) if w.text().startswith("<b>")]
    assert headings
    assert all(CJK.search(h) for h in headings if h != "<b></b>")
