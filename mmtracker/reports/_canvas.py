"""What every figure shares: matplotlib imported on first use, the fonts and dates.

matplotlib is imported by :func:`new_figure` (never at import of the package), and
figures are :class:`~matplotlib.figure.Figure` objects on an Agg canvas, never
pyplot's: the screen moves the same figure onto a Qt canvas, the PDF saves it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from numpy.typing import NDArray

# The first font that has Simplified Chinese glyphs (fonts-noto-cjk); Latin, Greek and µ too.
CJK_FONT = "Noto Sans CJK SC"
FONT_SIZE = 8.0
MUTED = "#777777"

_configured = False


def _configure() -> None:
    """Fonts and minus sign for every figure, once per process."""
    global _configured
    if _configured:
        return
    import matplotlib

    params = matplotlib.rcParams
    fonts = [f for f in params["font.sans-serif"] if f != CJK_FONT]
    params["font.sans-serif"] = [CJK_FONT, *fonts]
    params["font.family"] = "sans-serif"
    params["axes.unicode_minus"] = False  # the CJK font has no U+2212
    params["font.size"] = FONT_SIZE
    _configured = True


def new_figure(width_in: float, height_in: float) -> Figure:
    """A figure on an Agg canvas (so that ``savefig`` and pixel transforms work without Qt)."""
    _configure()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_in, height_in), dpi=100)
    FigureCanvasAgg(figure)
    return figure


def date_numbers(days: Sequence[dt.date]) -> NDArray[Any]:
    """Dates as matplotlib's date numbers (days since its epoch), for many at once."""
    import matplotlib
    import numpy as np

    epoch = np.datetime64(matplotlib.rcParams["date.epoch"], "D")
    return (np.array(days, dtype="datetime64[D]") - epoch).astype(float)


def date_axis(axes: Axes) -> None:
    """Dates along x, written as numbers (2025, 2025-03, 03-14) in every language."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    # matplotlib.dates has no type annotations.
    locator = AutoDateLocator(minticks=3, maxticks=9)  # type: ignore[no-untyped-call]
    formatter = ConciseDateFormatter(  # type: ignore[no-untyped-call]
        locator,
        formats=["%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M", "%S"],
        zero_formats=["", "%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M"],
        offset_formats=["", "", "", "", "", ""],
    )
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(formatter)


def say_empty(axes: Axes, text: str, *, hide_x: bool = True) -> None:
    """An axes with nothing to show says so in words (``hide_x`` False: an x axis shared)."""
    axes.text(
        0.5,
        0.5,
        text,
        transform=axes.transAxes,
        ha="center",
        va="center",
        color=MUTED,
        fontsize=FONT_SIZE + 1,
    )
    if hide_x:
        axes.set_xticks([])
    axes.set_yticks([])


def text_days(text: str, days_per_inch: float) -> float:
    """About how many days of a date axis a label of the default size takes."""
    return len(text) * FONT_SIZE * 0.6 / 72 * days_per_inch
