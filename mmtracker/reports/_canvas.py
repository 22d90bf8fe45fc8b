"""What every figure shares: matplotlib imported on first use, the fonts and dates.

matplotlib is imported by :func:`new_figure` (never at import of the package), and
figures are :class:`~matplotlib.figure.Figure` objects on an Agg canvas, never
pyplot's: the screen moves the same figure onto a Qt canvas, the PDF saves it.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.transforms import Transform
    from numpy.typing import NDArray

# Fonts with Simplified Chinese glyphs (and Latin, Greek and µ), the first one installed used.
# matplotlib before 3.11 reads only the first face of a font collection: Debian's
# NotoSansCJK-Regular.ttc (fonts-noto-cjk) is then known as "Noto Sans CJK JP", whose
# face has the same Simplified Chinese glyphs. WenQuanYi Micro Hei (fonts-wqy-microhei) last.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Micro Hei")
FONT_SIZE = 8.0
MUTED = "#777777"

_configured = False


def _configure() -> None:
    """Fonts and minus sign for every figure, once per process."""
    global _configured
    if _configured:
        return
    import matplotlib
    from matplotlib.font_manager import fontManager

    params = matplotlib.rcParams
    installed = {font.name for font in fontManager.ttflist}
    cjk = [name for name in CJK_FONTS if name in installed][:1]
    fonts = [f for f in params["font.sans-serif"] if f not in cjk]
    params["font.sans-serif"] = [*cjk, *fonts]
    params["font.family"] = "sans-serif"
    params["axes.unicode_minus"] = False  # the CJK font has no U+2212
    params["font.size"] = FONT_SIZE
    _configured = True


@dataclass(frozen=True)
class Key:
    """One entry of a figure's key: a marker, a filled box or a line, and its label."""

    label: str
    colour: str
    marker: str = ""  # a marker's shape; "" for a box, or a line when ``linestyle`` is set
    filled: bool = True
    size: float = 36.0  # a marker's area in points², as in ``scatter``
    linestyle: str = ""
    line: bool = False  # a marker on a short line (a series of joined points)


KEY_ROW_IN = 0.19
KEY_HANDLE_IN = 0.28
KEY_FONT = FONT_SIZE - 0.5


def key_rows(keys: Sequence[Key], columns: int) -> int:
    """How many rows :func:`draw_key` takes for ``keys`` in ``columns`` columns."""
    return math.ceil(len(keys) / columns)


def draw_key(
    figure: Figure,
    keys: Sequence[Key],
    at: Transform,
    place: tuple[float, float, float],
    columns: int = 1,
    size: float = KEY_FONT,
) -> None:
    """A key filled column by column, drawn as plain artists of ``figure``.

    ``at`` maps inches to the display from some origin (the figure's bottom left,
    an axes' corner); ``place`` is the key's left, top and width in those inches;
    ``size`` the labels' size in points.
    matplotlib's legend measures every label to pack its boxes, which took most of
    a figure's drawing.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    left, top, width = place
    rows = key_rows(keys, columns)
    for index, key in enumerate(keys):
        x = left + width / columns * (index // rows)
        y = top - KEY_ROW_IN * (index % rows + 0.5)
        middle = x + KEY_HANDLE_IN / 2
        if key.linestyle:
            handle: Any = Line2D(
                [x, x + KEY_HANDLE_IN], [y, y], color=key.colour, linestyle=key.linestyle
            )
        elif key.marker:
            handle = Line2D(
                [x, middle, x + KEY_HANDLE_IN] if key.line else [middle],
                [y, y, y] if key.line else [y],
                markevery=[1] if key.line else None,
                marker=key.marker,
                markersize=math.sqrt(key.size) * 0.85,
                markerfacecolor=key.colour if key.filled else "none",
                markeredgecolor=key.colour,
                markeredgewidth=1.2,
                linestyle="-" if key.line else "none",
                color=key.colour,
            )
        else:
            handle = Rectangle((x, y - 0.04), KEY_HANDLE_IN, 0.08, facecolor=key.colour)
        handle.set_transform(at)
        figure.add_artist(handle)
        figure.text(
            x + KEY_HANDLE_IN + 0.08,
            y,
            key.label,
            transform=at,
            va="center",
            fontsize=size,
        )


def fits(labels: Sequence[str], width_in: float, size: float = KEY_FONT) -> bool:
    """Whether every label, at ``size`` points, is likely narrower than ``width_in``."""
    return all(text_width_in(label, size, 0.52) <= width_in for label in labels)


def text_width_in(text: str, size: float = FONT_SIZE, em_ratio: float = 0.6) -> float:
    """About how wide a text is, in inches, without measuring it.

    ``em_ratio`` is a Latin character's width in ems, generous by default; a CJK
    character takes one em.
    """
    wide = sum(1 for c in text if ord(c) >= 0x2E80)
    return ((len(text) - wide) * em_ratio + wide) * size / 72


def inch_box(
    left: float, right: float, vertical: Callable[[float], tuple[float, float]]
) -> Callable[..., Any]:
    """An axes locator: ``left`` and ``right`` inches from the figure's edges, and
    ``vertical(figure height)`` giving the bottom and the height, in inches.

    Placed when drawn, for whatever size the figure has then (a Qt canvas resizes its
    figure to the widget), without measuring any text.
    """

    def locate(axes: Axes, renderer: Any) -> Any:
        from matplotlib.transforms import Bbox

        figure = axes.get_figure(root=True)
        assert figure is not None  # an axes being drawn is on a figure
        width, height = figure.get_size_inches()
        bottom, tall = vertical(height)
        return Bbox.from_bounds(
            left / width, bottom / height, 1 - (left + right) / width, max(tall, 0.05) / height
        )

    return locate


def rc_context(params: dict[str, Any]) -> AbstractContextManager[None]:
    """matplotlib's settings changed for the artists made inside (fonts configured first).

    Ticks made later, when drawn, copy the first tick of their axis.
    """
    _configure()
    import matplotlib

    return matplotlib.rc_context(params)


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


def date_axis(axes: Axes, size: float = FONT_SIZE, grid: str | None = None) -> None:
    """Dates along the bottom of ``axes``, written as numbers (2025, 2025-03, 03-14) in every
    language, with grid lines of colour ``grid`` if given.

    The dates are chosen once, for the x limits already set, and drawn as tick marks,
    lines and labels of their own: matplotlib's ticks (five artists each, made when
    drawn and measured to place the axis) took a large part of a figure's drawing.
    """
    from matplotlib.collections import LineCollection
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, num2date
    from matplotlib.lines import Line2D
    from matplotlib.markers import TICKDOWN, MarkerStyle
    from matplotlib.text import Text
    from matplotlib.ticker import NullLocator
    from matplotlib.transforms import ScaledTranslation

    low, high = axes.get_xlim()
    # matplotlib.dates has no type annotations.
    locator = AutoDateLocator(minticks=3, maxticks=9)  # type: ignore[no-untyped-call]
    formatter = ConciseDateFormatter(  # type: ignore[no-untyped-call]
        locator,
        formats=["%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M", "%S"],
        zero_formats=["", "%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M"],
        offset_formats=["", "", "", "", "", ""],
    )
    ticks = locator.tick_values(num2date(low), num2date(high))  # type: ignore[no-untyped-call]
    days = [float(day) for day in ticks if low <= day <= high]
    labels: list[str] = formatter.format_ticks(days)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(NullLocator())
    axes.xaxis.set_minor_locator(NullLocator())
    along = axes.get_xaxis_transform()  # x: dates, y: the axes' height
    marks = Line2D(
        days,
        [0.0] * len(days),
        transform=along,
        marker=MarkerStyle(TICKDOWN),
        markersize=3.5,
        markeredgewidth=0.8,
        linestyle="none",
        color="black",
    )
    axes.add_line(marks)
    marks.set_clip_on(False)
    if grid is not None:
        lines = LineCollection(
            [[(day, 0.0), (day, 1.0)] for day in days],
            colors=grid,
            linewidths=0.6,
            transform=along,
            zorder=0.5,
        )
        axes.add_collection(lines, autolim=False)
    figure = axes.get_figure(root=True)
    assert figure is not None  # an axes made on a figure
    below = along + ScaledTranslation(0, -0.07, figure.dpi_scale_trans)
    texts = [
        Text(day, 0, label, transform=below, ha="center", va="top", fontsize=size)
        for day, label in zip(days, labels, strict=True)
    ]
    axes.add_artist(together(texts))


@functools.cache
def _together() -> Callable[[Sequence[Artist]], Artist]:
    """The class of :func:`together`'s artist (made on first use: matplotlib is imported then)."""
    from matplotlib.artist import Artist

    class Together(Artist):
        def __init__(self, artists: Sequence[Artist]) -> None:
            super().__init__()
            self._artists = list(artists)

        def set_figure(self, fig: Any) -> None:
            super().set_figure(fig)
            for artist in self._artists:
                artist.set_figure(fig)

        def draw(self, renderer: Any) -> None:
            if self.get_visible():
                for artist in self._artists:
                    artist.draw(renderer)

    return Together


def together(artists: Sequence[Artist]) -> Artist:
    """One artist drawing ``artists``: as a child of an axes, its texts are not the axes' texts."""
    return _together()(artists)


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
    return text_width_in(text) * days_per_inch
