"""The worklist screen on a real demo database: rows, filters, search, snooze, export, speed."""

from __future__ import annotations

import csv
import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from ui.demo_database import DEMO_DAY

from mmtracker import i18n
from mmtracker.logic.care import Status
from mmtracker.logic.families import ITEM_FAMILY, Family
from mmtracker.logic.policy import Policy
from mmtracker.logic.worklist_order import Show
from mmtracker.storage import worklist as stored
from mmtracker.storage.acknowledgements import acknowledge
from mmtracker.storage.state import updater
from mmtracker.ui.main_window import MainWindow
from mmtracker.ui.worklist.model import Column, WorklistModel, prepare
from mmtracker.ui.worklist.screen import WorklistScreen

WAIT_MS = 30_000


def screen_on(qtbot: QtBot, engine: Engine, policy: Policy, day: list[dt.date]) -> WorklistScreen:
    screen = WorklistScreen(lambda: day[0])
    qtbot.addWidget(screen)
    screen.resize(1400, 800)
    screen.show()
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):
        screen.set_database(engine, policy)
    return screen


def shown(screen: WorklistScreen) -> list[tuple[int, str]]:
    return [(r.patient_id, r.item.id) for r in screen.model.shown_rows()]


def test_the_worklist_shows_what_the_stored_state_says_in_its_order(
    qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    expected = stored.worklist(demo, DEMO_DAY, policy)
    assert shown(screen) == [(r.patient_id, r.item.id) for r in expected]
    overdue = next(r for r in expected if r.item.status is Status.OVERDUE)
    row = shown(screen).index((overdue.patient_id, overdue.item.id))
    cells = [screen.model.index(row, c).data() for c in Column]
    assert cells[Column.PATIENT] == overdue.name
    assert cells[Column.MRN] == overdue.mrn
    assert cells[Column.STATUS] == "Overdue"
    assert cells[Column.DAYS_OVERDUE] == str(overdue.item.days_overdue)
    assert cells[Column.RATIONALE] == i18n.render(overdue.item.message)  # a sentence, no id
    assert overdue.item.message.id not in cells[Column.RATIONALE]
    assert "Overdue (" in screen.show_boxes[Show.OVERDUE].text()


def test_a_family_filter_keeps_only_its_items_and_the_counts_follow(
    qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    everything = screen.model.shown_rows()
    screen.set_families({Family.DENTAL, Family.BONE_THERAPY})
    kept = screen.model.shown_rows()
    wanted = {Family.DENTAL, Family.BONE_THERAPY}
    assert kept == [r for r in everything if ITEM_FAMILY[r.item.id] in wanted]
    assert 0 < len(kept) < len(everything)
    overdue = sum(1 for r in kept if r.item.status is Status.OVERDUE)
    assert screen.show_boxes[Show.OVERDUE].text() == f"Overdue ({overdue})"
    screen.set_families(set())
    assert screen.model.shown_rows() == everything


def test_search_narrows_as_you_type(qtbot: QtBot, demo: Engine, policy: Policy) -> None:
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    first = screen.model.shown_rows()[0]
    qtbot.keyClicks(screen.search_box, first.mrn)
    assert screen.model.shown_rows()
    assert {r.mrn for r in screen.model.shown_rows()} == {first.mrn}
    screen.search_box.clear()
    assert len(screen.model.shown_rows()) == screen.model.total()


def test_unchecking_a_group_hides_it_and_info_alerts_are_read_on_request(
    qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    screen.show_boxes[Show.DUE_SOON].setChecked(False)
    assert all(r.item.status is not Status.DUE_SOON for r in screen.model.shown_rows())
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):
        screen.show_boxes[Show.INFO].setChecked(True)
    with_info = stored.worklist(
        demo, DEMO_DAY, policy, show={Show.URGENT, Show.OVERDUE, Show.DUE_SOON, Show.INFO}
    )
    expected = [
        (r.patient_id, r.item.id) for r in with_info if r.item.status is not Status.DUE_SOON
    ]
    assert shown(screen) == expected


def test_a_snooze_hides_the_item_until_the_clock_passes_its_end(
    qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    day = [DEMO_DAY]
    screen = screen_on(qtbot, demo, policy, day)
    target = next(r for r in screen.model.shown_rows() if r.item.status is Status.OVERDUE)
    until = DEMO_DAY + dt.timedelta(days=7)
    acknowledge(
        demo,
        target.patient_id,
        target.item.id,
        DEMO_DAY,
        until,
        "booked for next week",
        "nurse@test",
        policy,
        DEMO_DAY,
        updater(DEMO_DAY, policy),
    )
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):
        screen.refresh()
    assert (target.patient_id, target.item.id) not in shown(screen)
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):
        screen.show_boxes[Show.SNOOZED].setChecked(True)
    snoozed = shown(screen).index((target.patient_id, target.item.id))
    assert screen.model.index(snoozed, Column.STATUS).data() == f"Snoozed until {until}"
    tip = screen.model.index(snoozed, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == (
        f"Snoozed until {until} by nurse@test on {DEMO_DAY}: booked for next week\n"
        "Beneath the snooze: Overdue"
    )
    screen.show_boxes[Show.SNOOZED].setChecked(False)  # reads again
    day[0] = until + dt.timedelta(days=1)
    screen.refresh()  # read once the running read has ended
    qtbot.waitUntil(lambda: screen.as_of() == day[0], timeout=WAIT_MS)
    assert (target.patient_id, target.item.id) in shown(screen)


def test_double_click_and_enter_open_the_patient_at_the_item(
    qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    row = screen.model.row_at(2)
    screen.table.setCurrentIndex(screen.model.index(2, 0))
    with qtbot.waitSignal(screen.open_patient) as opened:
        qtbot.keyClick(screen.table, "\r")
    assert opened.args == [row.patient_id, row.item.id]


def test_csv_export_writes_what_is_shown(
    qtbot: QtBot, demo: Engine, policy: Policy, tmp_path: Path
) -> None:
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    screen.set_families({Family.DENTAL})
    target = screen.export_csv(str(tmp_path / "worklist.csv"))
    assert target is not None
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [r[0] for r in rows[1:]] == [r.mrn for r in screen.model.shown_rows()]
    assert {r[3] for r in rows[1:]} == {"dental"}
    assert target.stat().st_mode & 0o777 == 0o600  # names and MRNs: its owner's only


def test_a_file_that_cannot_be_written_is_explained(
    qtbot: QtBot, demo: Engine, policy: Policy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warned.append(text))
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    assert screen.export_csv(str(tmp_path / "missing-folder" / "w.csv")) is None
    assert len(warned) == 1
    assert "could not be written" in warned[0]


def test_the_window_stays_responsive_while_a_slow_worklist_is_read(
    qtbot: QtBot, demo: Engine, policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = stored.worklist

    def slow(*args: Any, **kwargs: Any) -> Any:
        release.wait(WAIT_MS / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(stored, "worklist", slow)
    screen = WorklistScreen(lambda: DEMO_DAY)
    qtbot.addWidget(screen)
    screen.show()
    screen.set_database(demo, policy)
    ticks: list[float] = []
    timer = QTimer(screen)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    qtbot.keyClicks(screen.search_box, "abc")  # typing is handled while the read waits
    qtbot.wait(300)
    assert screen.search_box.text() == "abc"
    assert len(ticks) >= 10  # the event loop ran all along
    assert screen.state_label.text() == "Reading the worklist…"
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):
        release.set()
    timer.stop()


def test_the_model_passes_the_model_tester(
    qtmodeltester: Any, qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    model = WorklistModel()
    model.set_rows(screen.model.shown_rows())
    qtmodeltester.check(model)


def test_the_main_window_starts_on_the_worklist_and_switches_places_by_keyboard(
    qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    from mmtracker.ui.main_window import Place

    window = MainWindow(demo, demo=True, today=lambda: DEMO_DAY, policy=policy)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.worklist.as_of() == DEMO_DAY, timeout=WAIT_MS)
    assert window.current_place() is Place.WORKLIST
    window.place_actions[Place.PATIENTS].trigger()
    assert window.current_place() is Place.PATIENTS
    assert window.place_actions[Place.PATIENTS].shortcut().toString() == "Ctrl+2"
    assert not window.place_actions[Place.PATIENT].isEnabled()  # no patient open yet


def test_groups_not_read_show_no_count_and_search_ignores_accents(
    qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    assert screen.show_boxes[Show.SNOOZED].text() == "Snoozed"  # not read: no "(0)"
    assert screen.show_boxes[Show.OVERDUE].text().startswith("Overdue (")
    assert "Hatice Şahin" in {r.name for r in screen.model.shown_rows()}
    qtbot.keyClicks(screen.search_box, "hatice sahin")  # typed without the cedilla
    assert {r.name for r in screen.model.shown_rows()} == {"Hatice Şahin"}


def test_the_state_line_follows_the_language(
    qtbot: QtBot, demo: Engine, policy: Policy, qapp: Any, translations_built: Path
) -> None:
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    assert screen.state_label.text().endswith(f"items on {DEMO_DAY}")
    try:
        i18n.install(qapp, "zh_CN")
        screen.retranslate()
        assert screen.state_label.text().startswith(f"{DEMO_DAY} 共")
    finally:
        i18n.install(qapp, "en")


def test_rows_prepared_in_the_worker_equal_rows_prepared_here_and_follow_a_language_switch(
    qtbot: QtBot, demo: Engine, policy: Policy, qapp: Any, translations_built: Path
) -> None:
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    shown_cells = [
        [screen.model.index(r, c).data() for c in Column] for r in range(screen.model.rowCount())
    ]
    fresh = WorklistModel()
    fresh.set_rows(screen.model.shown_rows())  # prepared on this thread
    assert shown_cells == [
        [fresh.index(r, c).data() for c in Column] for r in range(fresh.rowCount())
    ]
    read_in_english = prepare(screen.model.shown_rows(), screen.model.row_texts())
    try:
        i18n.install(qapp, "zh_CN")
        screen.model.retranslate()
        screen.model.set_prepared(read_in_english)  # read before the switch, shown after it
        assert screen.model.index(0, Column.STATUS).data() == "警示（紧急）"
    finally:
        i18n.install(qapp, "en")


def test_from_the_search_box_down_enters_the_results_and_enter_opens_the_first(
    qtbot: QtBot, demo: Engine, policy: Policy
) -> None:
    screen = screen_on(qtbot, demo, policy, [DEMO_DAY])
    first = screen.model.shown_rows()[0]
    qtbot.keyClicks(screen.search_box, first.mrn)
    with qtbot.waitSignal(screen.open_patient) as opened:
        qtbot.keyClick(screen.search_box, Qt.Key.Key_Return)
    assert opened.args == [first.patient_id, first.item.id]
    screen.search_box.clear()
    screen.table.clearSelection()
    qtbot.keyClick(screen.search_box, Qt.Key.Key_Down)
    assert [i.row() for i in screen.table.selectionModel().selectedRows()] == [0]
