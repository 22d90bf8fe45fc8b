"""The figure panels of the Patient view: drawn on a Qt canvas, the collector paused meanwhile."""

from __future__ import annotations

import datetime as dt
import gc

from logic.builders import history, lab, policy
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from mmtracker.logic.units import UnitSystem
from mmtracker.reports import trends
from mmtracker.reports.figures import DEFAULT_TRENDS, Trend
from mmtracker.ui import collector
from mmtracker.ui.patient import data as patient_data_module
from mmtracker.ui.patient import figures
from mmtracker.ui.patient.data import PatientData
from mmtracker.ui.patient.figures import FigurePanel

AS_OF = dt.date(2026, 3, 1)


def patient_data() -> PatientData:
    h = history(
        lab_results=[
            lab("2025-06-01", "hemoglobin", 101, "g/L"),
            lab("2025-09-01", "hemoglobin", 112, "g/L"),
        ]
    )
    return patient_data_module.patient_data(h, AS_OF, policy())


def test_the_collector_waits_for_the_figure_to_be_drawn(qtbot: QtBot) -> None:
    pol = policy()
    panel = FigurePanel(True, pol)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    drawn: list[bool] = []
    assert not collector.held()
    panel.show_data(patient_data(), UnitSystem.SI)
    assert collector.held()  # paused while the figure is built and drawn
    assert not gc.isenabled()
    assert figures.collector_paused()
    panel._canvas.mpl_connect("draw_event", lambda _event: drawn.append(True))
    qtbot.waitUntil(lambda: bool(drawn) and not collector.held(), timeout=5000)
    assert not figures.collector_paused()
    boxes = panel.findChildren(QCheckBox)
    assert len(boxes) == len(Trend)  # every trend can be chosen
    assert [b.text() for b in boxes if b.isChecked()] == [
        figures.trend_label(t.value) for t in DEFAULT_TRENDS
    ]


def test_the_collector_restarts_even_if_the_figure_is_never_drawn(qtbot: QtBot) -> None:
    panel = FigurePanel(False, policy())  # never shown: never painted
    qtbot.addWidget(panel)
    panel.show_data(patient_data(), UnitSystem.SI)
    assert collector.held()
    qtbot.waitUntil(lambda: not collector.held(), timeout=figures._RESUME_AFTER_MS + 3000)


def test_every_trend_chosen_keeps_its_panels_legible_and_the_figure_scrolls(
    qtbot: QtBot,
) -> None:
    panel = FigurePanel(True, policy())
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    panel.show_data(patient_data(), UnitSystem.SI)
    canvas = panel._canvas
    qtbot.waitUntil(lambda: canvas.height() > 0)
    assert canvas.height() <= 600  # the usual five fit the panel: nothing to scroll
    for box in panel.findChildren(QCheckBox):
        box.setChecked(True)  # each redraws
    canvas = panel._canvas
    trend = panel._trend_figure
    assert trend is not None
    assert len(trend.axes) == len(Trend)
    qtbot.waitUntil(lambda: canvas.height() > 600)
    canvas.draw()
    heights = [axes.get_window_extent().height / canvas.devicePixelRatioF() for axes in trend.axes]
    least = trends.MIN_PANEL_IN_MANY * trend.figure.dpi / canvas.devicePixelRatioF()
    assert min(heights) >= least - 1
