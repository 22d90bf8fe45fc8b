"""The patient's figures, for the screen and the PDF: the course timeline and the lab trends.

Drawn with matplotlib on Agg :class:`~matplotlib.figure.Figure` objects (never
pyplot), imported when the first figure is drawn; every text in the language asked.
"""

from __future__ import annotations

from mmtracker.reports.timeline import timeline_figure
from mmtracker.reports.trend_data import DEFAULT_TRENDS, Trend
from mmtracker.reports.trends import TrendFigure, TrendPoint, lab_trend_figure

__all__ = [
    "DEFAULT_TRENDS",
    "Trend",
    "TrendFigure",
    "TrendPoint",
    "lab_trend_figure",
    "timeline_figure",
]
