"""The patient list sorts by the column whose header is clicked, in its model: a long list
is sorted without reading each row's value at every comparison."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from mmtracker.logic.codes import PatientStatus, Phase, Sex
from mmtracker.storage.patient_list import PatientListRow
from mmtracker.ui.main_window import MainWindow
from mmtracker.ui.patients import model as patient_table
from mmtracker.ui.patients.model import Column


@pytest.fixture
def window(qtbot: QtBot, clinic: Engine, today: dt.date) -> MainWindow:
    shown = MainWindow(clinic, demo=False, today=lambda: today)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def column(window: MainWindow, which: Column) -> list[Any]:
    """What the table shows in one column, top to bottom."""
    proxy = window.patients.table.model()
    return [proxy.index(r, which).data() for r in range(proxy.rowCount())]


def click_header(qtbot: QtBot, window: MainWindow, which: Column) -> None:
    header = window.patients.table.horizontalHeader()
    x = header.sectionViewportPosition(which) + header.sectionSize(which) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_sorted_by_name_at_first(window: MainWindow) -> None:
    header = window.patients.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.NAME,
        Qt.SortOrder.AscendingOrder,
    )
    assert column(window, Column.NAME) == ["Alice Martin", "Zhang Wei", "王小明"]


def test_a_click_on_a_header_sorts_by_its_column_and_a_second_click_reverses(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_header(qtbot, window, Column.AGE)
    assert column(window, Column.AGE) == [56, 60, 67]  # numbers, not texts
    click_header(qtbot, window, Column.AGE)
    assert column(window, Column.AGE) == [67, 60, 56]
    click_header(qtbot, window, Column.LAST_VISIT)
    assert column(window, Column.LAST_VISIT) == ["", "2025-12-01", "2026-02-20"]
    click_header(qtbot, window, Column.NAME)
    assert column(window, Column.NAME) == ["Alice Martin", "Zhang Wei", "王小明"]


def test_the_selected_patient_stays_selected_when_sorted(qtbot: QtBot, window: MainWindow) -> None:
    window.patients.table.selectRow(1)
    zhang = window.patients.selected_patient_id()
    click_header(qtbot, window, Column.AGE)
    click_header(qtbot, window, Column.AGE)  # Zhang Wei, 67, first
    assert window.patients.selected_patient_id() == zhang
    assert window.patients.table.selectionModel().selectedRows()[0].row() == 0


def test_a_refreshed_list_keeps_the_sort_and_the_search(qtbot: QtBot, window: MainWindow) -> None:
    click_header(qtbot, window, Column.AGE)
    qtbot.keyClicks(window.patients.search_box, "MM-00")
    with qtbot.waitSignal(window.patients.model.modelReset):  # read off the GUI thread
        window.refresh()
    assert column(window, Column.NAME) == ["王小明", "Zhang Wei"]  # 60, then 67


def rows(count: int) -> list[PatientListRow]:
    """Patients given in name order, their ages in another order, many of the same age."""
    return [
        PatientListRow(
            patient_id=i,
            mrn=f"MM-{i:05d}",
            name=f"Patient {i:05d}",
            age=40 + (i * 7) % 50,
            sex=Sex.FEMALE,
            phase=Phase.MAINTENANCE,
            last_visit=None,
            next_visit=None,
            status=PatientStatus.ACTIVE,
            status_date=None,
        )
        for i in range(count)
    ]


def test_rows_of_equal_value_keep_the_order_they_were_given_in(qtbot: QtBot) -> None:
    model = patient_table.PatientTableModel()
    given = rows(200)
    model.set_rows(given)
    model.sort(Column.AGE, Qt.SortOrder.DescendingOrder)
    shown = [model.patient_row(r) for r in range(model.rowCount())]
    assert shown == sorted(given, key=lambda row: -row.age)  # Python's sort is stable
    model.sort(-1)
    assert [model.patient_row(r) for r in range(model.rowCount())] == given


def test_a_long_list_is_sorted_and_sized_reading_few_values(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sorting reads no value through data(), and the columns are sized from the visible
    rows and a sample: a few thousand calls for 5,000 patients, not hundreds of thousands."""
    window = MainWindow(demo=False)
    qtbot.addWidget(window)
    window.show()
    qapp.processEvents()
    calls = [0]
    original = patient_table.PatientTableModel.data

    def counted(model: patient_table.PatientTableModel, index: Any, role: int = 0) -> Any:
        calls[0] += 1
        return original(model, index, role)

    monkeypatch.setattr(patient_table.PatientTableModel, "data", counted)
    window.patients.model.set_rows(list(reversed(rows(5_000))))
    qapp.processEvents()
    assert 0 < calls[0] < 10_000
    assert column(window, Column.NAME)[:2] == ["Patient 00000", "Patient 00001"]
    width = window.patients.table.columnWidth(Column.PHASE)
    assert width >= window.patients.table.fontMetrics().horizontalAdvance("Maintenance")
