"""The main window's three places: the worklist opens a patient at an item; tabs, keys,
language and remembered settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from ui.demo_database import DEMO_DAY

from mmtracker import i18n
from mmtracker.logic.care import Status
from mmtracker.logic.families import Family
from mmtracker.logic.policy import Policy
from mmtracker.logic.worklist_order import Show
from mmtracker.ui.main_window import MainWindow, Place, saved_language

WAIT_MS = 30_000


def opened(qtbot: QtBot, engine: Engine, policy: Policy) -> MainWindow:
    window = MainWindow(engine, demo=True, today=lambda: DEMO_DAY, policy=policy)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.worklist.as_of() == DEMO_DAY, timeout=WAIT_MS)
    return window


def test_enter_on_a_worklist_row_opens_the_patient_at_that_item(
    qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    window = opened(qtbot, demo, policy)
    row = window.worklist.model.row_at(0)
    window.worklist.table.setCurrentIndex(window.worklist.model.index(0, 0))
    qtbot.keyClick(window.worklist.table, Qt.Key.Key_Return)
    assert window.current_place() is Place.PATIENT
    view = window.patient_tabs.currentWidget()
    qtbot.waitUntil(lambda: view.data() is not None, timeout=WAIT_MS)
    assert view.patient_id == row.patient_id
    assert row.mrn in window.patient_tabs.tabText(0)
    selected = view.items.table.selectionModel().selectedRows()
    assert [view.items.model.row_of(row.item.id)] == [i.row() for i in selected]
    # Opening the same patient again shows its tab, not a second one.
    window.open_patient(row.patient_id)
    assert window.patient_tabs.count() == 1
    assert (
        window.close_patient_action.shortcut().matches(QKeySequence("Ctrl+W"))
        == QKeySequence.SequenceMatch.ExactMatch
    )
    window.close_patient_action.trigger()
    assert window.patient_tabs.count() == 0
    assert window.current_place() is Place.WORKLIST
    assert not window.place_actions[Place.PATIENT].isEnabled()


def test_switching_to_chinese_keeps_the_patient_open_and_translates_the_places(
    qtbot: QtBot, demo: Engine, policy: Policy, qapp: QApplication, translations_built: Path
) -> None:
    window = opened(qtbot, demo, policy)
    row = window.worklist.model.row_at(0)
    window.open_patient(row.patient_id, row.item.id)
    view = window.patient_tabs.currentWidget()
    qtbot.waitUntil(lambda: view.data() is not None, timeout=WAIT_MS)
    try:
        window.set_language("zh_CN")
        assert window.place_actions[Place.WORKLIST].text() == "待办清单(&W)"
        assert window.worklist.model.headerData(0, Qt.Orientation.Horizontal) == "患者"
        assert window.patient_tabs.count() == 1
        assert window.patient_tabs.currentWidget() is view
        assert window.current_place() is Place.PATIENT
        assert saved_language() == "zh_CN"  # the next start opens in Chinese
    finally:
        i18n.install(qapp, "en")


def test_the_place_filters_and_open_patients_are_restored_at_the_next_start(
    qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    window = opened(qtbot, demo, policy)
    row = window.worklist.model.row_at(0)
    window.worklist.set_families({Family.DENTAL, Family.IMAGING})
    window.open_patient(row.patient_id)
    window.show_place(Place.PATIENTS)
    window.close()

    again = opened(qtbot, demo, policy)
    assert again.current_place() is Place.PATIENTS
    assert again.worklist.filters().families == {Family.DENTAL, Family.IMAGING}
    assert [again.patient_tabs.widget(i).patient_id for i in range(again.patient_tabs.count())] == [
        row.patient_id
    ]


def test_a_window_closed_untouched_starts_again_with_the_usual_groups_ticked(
    qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    """The groups ticked are what the worklist shows: Urgent, Overdue and Due soon at first,
    after a start and a close that changed nothing too; none ticked lists nothing."""
    usual = {Show.URGENT, Show.OVERDUE, Show.DUE_SOON}
    window = opened(qtbot, demo, policy)
    assert window.worklist.filters().shows == usual
    window.close()
    again = opened(qtbot, demo, policy)
    ticked = {show for show, box in again.worklist.show_boxes.items() if box.isChecked()}
    assert ticked == usual
    assert again.worklist.model.rowCount() > 0
    again.worklist.set_shows({Show.OVERDUE})  # README step 2: only the overdue items
    shown = again.worklist.model.shown_rows()
    assert shown
    assert {row.item.status for row in shown} == {Status.OVERDUE}
    again.worklist.set_shows(set())
    assert again.worklist.model.rowCount() == 0
    assert again.worklist.state_label.text().startswith("No status is ticked")
