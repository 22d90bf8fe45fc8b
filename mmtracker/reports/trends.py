"""Lab trends: one small axes per analyte against time, treatment lines shaded behind."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from mmtracker import i18n
from mmtracker.i18n import Language, language
from mmtracker.logic.history import PatientHistory, TreatmentLine
from mmtracker.logic.phases import as_known_on
from mmtracker.logic.policy import Policy
from mmtracker.logic.units import UnitSystem
from mmtracker.reports._canvas import (
    FONT_SIZE,
    Key,
    date_axis,
    date_numbers,
    draw_key,
    inch_box,
    new_figure,
    rc_context,
    say_empty,
    text_days,
    text_width_in,
)
from mmtracker.reports.timeline import LINE_COLOURS
from mmtracker.reports.trend_data import DEFAULT_TRENDS, Panel, PanelMaker, Series, Trend

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from numpy.typing import NDArray

SERIES_COLOURS = ("#08519c", "#e6550d")
LIMIT_COLOUR = "#737373"
BAND_COLOUR = "#e5f5e0"
GRID_COLOUR = "#eeeeee"
WIDTH_IN = 10.0
LEFT_IN = 0.75
RIGHT_IN = 1.9  # the keys, beside the axes
PANEL_IN = 1.35
# The least height of a panel's axes: five panels (the usual choice) fit a 1280 × 800 window;
# more panels than five keep more each, their values along y legible.
MIN_PANEL_IN = 0.35
MIN_PANEL_IN_MANY = 0.55
GAP_IN = 0.42  # room for each panel's title
STRIP_IN = 0.38  # the treatment lines above the panels
BOTTOM_IN = 0.35
TOP_IN = 0.1
MARGIN_DAYS = 20
DEFAULT_NEAR_PX = 8.0
# A title placed by hand: matplotlib would otherwise measure every tick label to place it.
TITLE_Y = 1.0


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """A plotted value, for hovering: its axes (index in ``TrendFigure.axes``), date, value, text."""

    axes_index: int
    x: dt.date
    y: float
    text: str


@dataclass(frozen=True)
class TrendFigure:
    """A lab-trend figure, its axes (one per trend, in the order asked) and its points."""

    figure: Figure
    axes: tuple[Axes, ...]
    trends: tuple[Trend, ...]
    points: tuple[TrendPoint, ...]
    min_height_in: float
    """The least height in inches at which every panel stays legible (a screen scrolls below)."""
    # Per axes index: the points' x (date numbers), y and the points themselves.
    _by_axes: Mapping[int, tuple[NDArray[Any], NDArray[Any], tuple[TrendPoint, ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def point_near(
        self,
        axes: Axes | None,
        x_pixel: float,
        y_pixel: float,
        max_distance_px: float = DEFAULT_NEAR_PX,
    ) -> TrendPoint | None:
        """The point of ``axes`` nearest a mouse position (display pixels), if within reach."""
        import numpy as np

        index = next((i for i, a in enumerate(self.axes) if a is axes), None)
        if index is None or index not in self._by_axes:
            return None
        xs, ys, points = self._by_axes[index]
        shown = self.axes[index].transData.transform(np.column_stack((xs, ys)))
        distances = np.hypot(shown[:, 0] - x_pixel, shown[:, 1] - y_pixel)
        nearest = int(np.argmin(distances))
        return points[nearest] if distances[nearest] <= max_distance_px else None


def _point_text(series: Series, value: float, unit: str, day: dt.date, texts: Language) -> str:
    shown = f"{i18n.format_number(value)} {unit}".strip()
    return texts.translate("figures", "{series}: {value}\n{date}").format(
        series=series.label, value=shown, date=day.isoformat()
    )


@dataclass(frozen=True, slots=True)
class _Placed:
    """A treatment line's label as placed on the strip, in days along the axis."""

    text: str
    size: float
    left: float
    right: float
    at_edge: bool  # right-aligned to its bar's end, at the axis' right edge


def _place_label(
    labels: tuple[str, str],
    start: float,
    width: float,
    edge: float,
    taken: float,
    days_per_inch: float,
) -> _Placed | None:
    """Where a line's label goes: at its bar's start (right-aligned to the bar's end at the
    axis' ``edge``) past ``taken``, the end of the label before; the number alone (the
    second of ``labels``) where the regimen would overlap it; else moved past that label
    while it stays on its own bar; else nowhere (the timeline names every line)."""
    sized = []
    for text in labels:
        size = FONT_SIZE - (1.5 if text_days(text, days_per_inch) >= width else 0.5)
        sized.append((text, size, text_width_in(text, size, 0.52) * days_per_inch))
    for text, size, extent in sized:
        at_edge = start + extent > edge
        left = start + width - extent if at_edge else start + 3
        if left >= taken:
            return _Placed(text, size, left, left + extent, at_edge)
    left = taken + 0.08 * days_per_inch  # a gap after the label before
    for text, size, extent in sized:
        if left + extent <= min(start + width, edge):
            return _Placed(text, size, left, left + extent, False)
    return None


def _shade_lines(axes: Axes, lines: Sequence[TreatmentLine], starts: Any, ends: Any) -> None:
    """Treatment lines as bands behind the data, full height (one artist)."""
    axes.broken_barh(
        [(s, max(e - s, 1.0)) for s, e in zip(starts, ends, strict=True)],
        (0, 1),
        transform=axes.get_xaxis_transform(),
        facecolors=[LINE_COLOURS[i % 2] for i in range(len(lines))],
        alpha=0.22,
        zorder=0,
    )


def _line_strip(
    axes: Axes,
    lines: Sequence[TreatmentLine],
    starts: Any,
    ends: Any,
    days_per_inch: float,
    texts: Language,
) -> None:
    """The treatment lines as labelled bars above the panels."""
    widths = [max(e - s, 1.0) for s, e in zip(starts, ends, strict=True)]
    axes.broken_barh(
        list(zip(starts, widths, strict=True)),
        (0.1, 0.8),
        facecolors=[LINE_COLOURS[i % 2] for i in range(len(lines))],
        edgecolors="white",
    )
    right = axes.get_xlim()[1]
    template = texts.translate("figures", "L{number} {regimen}")
    taken = -math.inf  # where the previous label ends
    for line, start, width in zip(lines, starts, widths, strict=True):
        full = template.format(number=line.line_number, regimen=texts.code_label(line.regimen))
        short = template.format(number=line.line_number, regimen="").strip()
        placed = _place_label((full, short), start, width, right, taken, days_per_inch)
        if placed is None:
            continue
        taken = placed.right
        axes.text(
            start + width if placed.at_edge else placed.left,
            0.5,
            placed.text,
            va="center",
            ha="right" if placed.at_edge else "left",
            fontsize=placed.size,
            clip_on=True,
        )
    axes.set_ylim(0, 1)
    axes.set_yticks([])
    axes.tick_params(axis="x", bottom=False)
    axes.set_title(
        texts.translate("figures", "Treatment lines"), loc="left", fontsize=FONT_SIZE, y=TITLE_Y
    )
    for spine in axes.spines.values():
        spine.set_visible(False)


def _draw_panel(
    axes: Axes, index: int, panel: Panel, texts: Language
) -> tuple[Any, Any, list[TrendPoint]]:
    """Draws one panel's series and limits; returns its points' x, y and hover points."""
    import numpy as np

    title = f"{panel.title} ({panel.unit})" if panel.unit else panel.title
    axes.set_title(title, loc="left", fontsize=FONT_SIZE + 0.5, y=TITLE_Y)
    if panel.empty:
        say_empty(axes, panel.missing or texts.translate("figures", "No results"), hide_x=False)
        return np.empty(0), np.empty(0), []
    if panel.log:
        axes.set_yscale("log")
    xs: list[Any] = []
    ys: list[float] = []
    points: list[TrendPoint] = []
    lab_limits = False
    named: list[Key] = []  # the series, in the key when there are several
    keys: list[Key] = []  # the limits and the normal range
    for colour, series in zip(SERIES_COLOURS, panel.series, strict=False):
        if not series.values:
            continue
        x = date_numbers(series.days)
        axes.plot(
            x,
            series.values,
            color=colour,
            marker="o",
            markersize=3.5,
            linewidth=1.2,
            label=series.label,
            zorder=3,
        )
        named.append(Key(series.label, colour, "o", size=12.0, line=True))
        for limits in (series.low, series.high):
            if any(v is not None for v in limits):
                lab_limits = True
                y = [np.nan if v is None else v for v in limits]
                axes.plot(
                    x,
                    y,
                    color=colour,
                    linestyle=":",
                    linewidth=1,
                    drawstyle="steps-post",
                    alpha=0.8,
                )
        xs.extend(x)
        ys.extend(series.values)
        points.extend(
            TrendPoint(index, day, value, _point_text(series, value, panel.unit, day, texts))
            for day, value in zip(series.days, series.values, strict=True)
        )
    if lab_limits:  # one key entry for the dotted limits of every series
        label = texts.translate("figures", "Reference limits (laboratory)")
        keys.append(Key(label, LIMIT_COLOUR, linestyle=":"))
    for limit in panel.limits:
        axes.axhline(limit.value, color=LIMIT_COLOUR, linestyle="--", linewidth=1, zorder=2)
    if panel.limits:
        keys.append(Key(panel.limits[0].label, LIMIT_COLOUR, linestyle="--"))
    if not panel.log:  # room for a limit at the edge of the values
        axes.margins(y=0.12)
    if panel.band is not None:
        axes.axhspan(*panel.band, color=BAND_COLOUR, zorder=0.5, label=panel.band_label)
        keys.append(Key(panel.band_label, BAND_COLOUR))
    keys = (named if len(named) > 1 else []) + keys  # one series alone: named by the title
    if keys:
        from matplotlib.transforms import Affine2DBase, ScaledTranslation

        figure = axes.get_figure(root=True)
        assert figure is not None  # made by lab_trend_figure
        # transAxes is a BboxTransformTo, an affine transform; the stubs say only Transform.
        to_axes = cast(Affine2DBase, axes.transAxes)
        corner = figure.dpi_scale_trans + ScaledTranslation(1, 1, to_axes)
        draw_key(figure, keys, corner, (0.08, 0.0, RIGHT_IN - 0.08), size=FONT_SIZE - 1)
    _value_labels(axes, panel.log)
    return np.asarray(xs), np.asarray(ys), points


def _value_labels(axes: Axes, log: bool) -> None:
    """A few values along y, as labels and grid lines, the limits fixed at what is drawn.

    Plain texts and one line collection: matplotlib's ticks (five artists each, made
    when drawn, their labels measured to place the axis) took most of the drawing.
    """
    from matplotlib.collections import LineCollection
    from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator
    from matplotlib.transforms import ScaledTranslation

    low, high = axes.get_ylim()  # autoscaled once, here
    axes.set_ylim(low, high)
    locator = LogLocator(numticks=5) if log else MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10])
    values = [v for v in locator.tick_values(low, high) if low <= v <= high]
    axes.yaxis.set_major_locator(NullLocator())
    axes.yaxis.set_minor_locator(NullLocator())
    along = axes.get_yaxis_transform()  # x: the axes' width, y: values
    axes.add_collection(
        LineCollection(
            [[(0, v), (1, v)] for v in values],
            colors=GRID_COLOUR,
            linewidths=0.6,
            transform=along,
            zorder=0.6,
        ),
        autolim=False,
    )
    figure = axes.get_figure(root=True)
    assert figure is not None  # made by lab_trend_figure
    beside = along + ScaledTranslation(-0.05, 0, figure.dpi_scale_trans)
    labels = [i18n.format_number(value) for value in values]
    decimals = max((len(label.partition(".")[2]) for label in labels), default=0)
    if not log and decimals:  # 2.0, 2.5, 3.0 rather than 2, 2.5, 3
        labels = [f"{value:.{decimals}f}" for value in values]
    for value, label in zip(values, labels, strict=True):
        axes.text(
            0,
            value,
            label,
            transform=beside,
            ha="right",
            va="center",
            fontsize=FONT_SIZE - 0.5,
        )


def _panel_place(index: int, count: int, strip: float) -> Callable[[float], tuple[float, float]]:
    """Where panel ``index`` of ``count`` goes in a figure of some height: bottom and height.

    The panels share what the titles, the strip and the dates leave.
    """

    def place(tall: float) -> tuple[float, float]:
        panel = (tall - TOP_IN - strip - BOTTOM_IN) / count - GAP_IN
        top = TOP_IN + strip + (index + 1) * GAP_IN + index * panel
        return tall - top - panel, panel

    return place


def lab_trend_figure(
    history: PatientHistory,
    as_of: dt.date,
    analytes: Sequence[Trend] = DEFAULT_TRENDS,
    units: UnitSystem = UnitSystem.SI,
    lang: str = i18n.SOURCE_LANGUAGE,
    policy: Policy | None = None,
    width_in: float = WIDTH_IN,
) -> TrendFigure:
    """Lab values as known on ``as_of`` against time, one axes per trend in ``analytes``.

    Treatment lines are shaded behind every axes and named in a strip above; the
    lab's own limits are drawn (dotted) where recorded, else, given a ``policy``,
    the defaults the rules use (D17: calcium, haemoglobin). Values are shown in
    ``units``. An analyte with no result says "No results". ``width_in``: the figure's
    width (a printed page's text is narrower than a screen).
    """
    texts = language(lang)
    known = as_known_on(history, as_of)
    maker = PanelMaker(known, units, texts, policy)
    trends = tuple(analytes)
    panels = [maker.panel(trend) for trend in trends]
    lines = known.treatment_lines
    days = [d for p in panels for s in p.series for d in s.days]
    days += [line.start_date for line in lines]
    first = min(days, default=as_of)
    span_days = max((as_of - first).days, 30) + 2 * MARGIN_DAYS
    strip = STRIP_IN + GAP_IN if lines else 0.0
    height = BOTTOM_IN + len(panels) * (PANEL_IN + GAP_IN) + strip + TOP_IN
    low, high = date_numbers([first, as_of])
    x_range = (low - MARGIN_DAYS, high + MARGIN_DAYS)
    starts = date_numbers([line.start_date for line in lines])
    ends = date_numbers([line.end_date or as_of for line in lines])
    with rc_context(
        {
            "xtick.labelsize": FONT_SIZE - 0.5,
            "ytick.labelsize": FONT_SIZE - 0.5,
        }
    ):
        figure = new_figure(width_in, height)
        # Every axes gets the same dates, not shared: matplotlib would measure the hidden
        # date labels of every axes sharing them to place the lowest one's.
        if lines:
            strip_axes = figure.add_axes((0, 0, 1, 1))
            strip_axes.set_axes_locator(
                inch_box(LEFT_IN, RIGHT_IN, lambda tall: (tall - strip - TOP_IN, STRIP_IN))
            )
            strip_axes.set_xlim(*x_range)
            days_per_inch = span_days / (width_in - LEFT_IN - RIGHT_IN)
            _line_strip(strip_axes, lines, starts, ends, days_per_inch, texts)
        all_axes: list[Axes] = []
        by_axes = {}
        points: list[TrendPoint] = []
        for index, panel in enumerate(panels):
            axes = figure.add_axes((0, 0, 1, 1))
            axes.set_axes_locator(
                inch_box(LEFT_IN, RIGHT_IN, _panel_place(index, len(panels), strip))
            )
            axes.set_xlim(*x_range)
            if lines:
                _shade_lines(axes, lines, starts, ends)
            xs, ys, found = _draw_panel(axes, index, panel, texts)
            mine = tuple(found)
            if mine:
                by_axes[index] = (xs, ys, mine)
            points.extend(mine)
            all_axes.append(axes)
        date_axis(figure.axes[-1], size=FONT_SIZE - 0.5)
        for axes in figure.axes[:-1]:  # the dates once, below the last panel
            axes.xaxis.set_visible(False)
    least_panel = MIN_PANEL_IN if len(panels) <= len(DEFAULT_TRENDS) else MIN_PANEL_IN_MANY
    least = height - len(panels) * (PANEL_IN - least_panel)
    return TrendFigure(figure, tuple(all_axes), trends, tuple(points), least, by_axes)
