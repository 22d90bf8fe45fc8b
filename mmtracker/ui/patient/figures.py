"""The timeline and lab-trend figures of :mod:`mmtracker.reports.figures`, on a Qt canvas.

matplotlib (and its Qt backend) is imported when a figure panel is first filled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from mmtracker import i18n
from mmtracker.logic.policy import Policy
from mmtracker.logic.units import UnitSystem
from mmtracker.ui import collector
from mmtracker.ui.patient.data import PatientData

if TYPE_CHECKING:
    from mmtracker.reports.figures import Trend, TrendFigure


def trend_label(trend: str) -> str:
    """The name of a lab trend on its check box."""
    return {
        "serum_m_protein": QCoreApplication.translate("PatientFigures", "Serum M-protein"),
        "urine_m_protein": QCoreApplication.translate("PatientFigures", "Urine M-protein"),
        "flc": QCoreApplication.translate("PatientFigures", "FLC"),
        "flc_ratio": QCoreApplication.translate("PatientFigures", "FLC ratio"),
        "hemoglobin": QCoreApplication.translate("PatientFigures", "Hemoglobin"),
        "calcium": QCoreApplication.translate("PatientFigures", "Calcium"),
        "creatinine": QCoreApplication.translate("PatientFigures", "Creatinine"),
        "crcl": QCoreApplication.translate("PatientFigures", "CrCl"),
    }.get(trend, trend)


# A figure makes tens of thousands of objects. In a window holding patients, tables and
# the database layer, a full cyclic collection triggered meanwhile took about 0.2 s; it
# is put off until the figure has been drawn (or this long, if it never is).
_RESUME_AFTER_MS = 2000
_collector_paused = False


def _pause_collector() -> None:
    """Hold Python's cyclic garbage collector off until the figure is drawn."""
    global _collector_paused
    if not _collector_paused:
        collector.hold()
        _collector_paused = True
        QTimer.singleShot(_RESUME_AFTER_MS, _resume_collector)


def _resume_collector() -> None:
    """Let the collector run again (once the figure is drawn, or at the latest)."""
    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        collector.release()


def collector_paused() -> bool:
    """Whether a figure being drawn holds the cyclic garbage collector paused."""
    return _collector_paused


class FigurePanel(QWidget):
    """One figure: the course timeline, or the lab trends with a choice of analytes."""

    def __init__(self, trends: bool, policy: Policy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._trends, self._policy = trends, policy
        self._canvas: Any = None
        self._trend_figure: TrendFigure | None = None
        self._choices: dict[Trend, QCheckBox] = {}
        self._data: PatientData | None = None
        self._units = UnitSystem.SI
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._choice_row = QHBoxLayout()
        self._layout.addLayout(self._choice_row)
        # The canvas fills the panel; when more trends are chosen than fit legibly, it keeps
        # its least height and the panel scrolls.
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._layout.addWidget(self._scroll, 1)

    def show_data(self, data: PatientData, units: UnitSystem) -> None:
        """Draw the figure for ``data`` in the installed language and ``units``."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from mmtracker.reports.figures import (
            DEFAULT_TRENDS,
            Trend,
            lab_trend_figure,
            timeline_figure,
        )

        self._data, self._units = data, units
        _pause_collector()
        lang = i18n.installed_language()
        as_of = data.assessment.as_of
        if self._trends:
            if not self._choices:
                for trend in Trend:  # every trend can be chosen; the usual ones at first
                    box = QCheckBox()
                    box.setChecked(trend in DEFAULT_TRENDS)
                    box.toggled.connect(self._redraw)
                    self._choices[trend] = box
                    self._choice_row.addWidget(box)
                self._choice_row.addStretch()
            for trend, box in self._choices.items():
                box.setText(trend_label(trend.value))
            chosen = tuple(t for t, box in self._choices.items() if box.isChecked())
            self._trend_figure = lab_trend_figure(
                data.history, as_of, chosen, units, lang, self._policy
            )
            figure = self._trend_figure.figure
        else:
            figure = timeline_figure(data.history, as_of, lang)
        canvas: Any = FigureCanvasQTAgg  # matplotlib's Qt backend carries no annotations
        self._canvas = canvas(figure)
        if self._trend_figure is not None:
            self._canvas.mpl_connect("motion_notify_event", self._hover)
            pixels_per_inch = figure.dpi / self._canvas.devicePixelRatioF()
            self._canvas.setMinimumHeight(round(self._trend_figure.min_height_in * pixels_per_inch))
        # Drawn when Qt paints the canvas at its size; once painted, collect as usual.
        self._canvas.mpl_connect(
            "draw_event", lambda _event: QTimer.singleShot(0, _resume_collector)
        )
        self._scroll.setWidget(self._canvas)  # the canvas before goes with it

    def _redraw(self) -> None:
        if self._data is not None:
            self.show_data(self._data, self._units)

    def _hover(self, event: Any) -> None:
        """Show the value, unit and date of the point under the mouse."""
        if self._trend_figure is None or event.inaxes is None:
            QToolTip.hideText()
            return
        point = self._trend_figure.point_near(event.inaxes, event.x, event.y, 8.0)
        if point is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos() + QPoint(12, 12), point.text, self._canvas)
