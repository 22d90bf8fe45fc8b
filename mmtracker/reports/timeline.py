"""The course timeline: one row per kind of entry, dates along x (issue 9, Figures)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mmtracker.i18n import Language, language
from mmtracker.logic.codes import (
    BoneAgent,
    BoneTherapyEventKind,
    ClinicalEventKind,
    DentalOutcome,
    ImagingModality,
    MrdResult,
    Phase,
)
from mmtracker.logic.history import PatientHistory, entry_date
from mmtracker.logic.phases import as_known_on
from mmtracker.reports._canvas import (
    FONT_SIZE,
    KEY_HANDLE_IN,
    KEY_ROW_IN,
    MUTED,
    Key,
    date_axis,
    date_numbers,
    draw_key,
    fits,
    inch_box,
    key_rows,
    new_figure,
    say_empty,
    text_days,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PHASE_COLOURS = {
    Phase.SMM: "#c6dbef",
    Phase.NDMM: "#fdd0a2",
    Phase.ASCT: "#fcbba1",
    Phase.MAINTENANCE: "#c7e9c0",
    Phase.RELAPSE: "#dadaeb",
}
LINE_COLOURS = ("#6baed6", "#9ecae1")
AGENT_STYLE = {  # marker, colour
    BoneAgent.ZOLEDRONIC_ACID: ("v", "#2171b5"),
    BoneAgent.PAMIDRONATE: ("s", "#41ab5d"),
    BoneAgent.DENOSUMAB: ("D", "#d94801"),
}
BONE_EVENT_STYLE = {  # marker, colour, filled
    BoneTherapyEventKind.SCHEDULE: (">", "#2171b5", False),
    BoneTherapyEventKind.REVIEW: ("o", "#525252", False),
    BoneTherapyEventKind.HOLD: ("s", "#e6550d", False),
    BoneTherapyEventKind.STOP: ("X", "#252525", True),
    BoneTherapyEventKind.DECLINED: ("x", "#a50f15", True),
    BoneTherapyEventKind.CONTRAINDICATED: ("x", "#67000d", True),
}
IMAGING_MARKERS = {
    ImagingModality.WBLDCT: "s",
    ImagingModality.PET_CT: "p",
    ImagingModality.WB_MRI: "h",
    ImagingModality.SKELETAL_SURVEY: "8",
    ImagingModality.OTHER: "d",
}
DENTAL_STYLE = {  # colour, filled
    DentalOutcome.FIT: ("#238b45", True),
    DentalOutcome.TREATMENT_NEEDED: ("#d94801", False),
    DentalOutcome.TREATED: ("#fd8d3c", True),
}
MRD_NEGATIVE_COLOUR = "#238b45"
MRD_POSITIVE_COLOUR = "#cb181d"
EVENT_STYLE = {  # marker, colour
    ClinicalEventKind.PATHOLOGICAL_FRACTURE: ("X", "#a50f15"),
    ClinicalEventKind.RADIATION_TO_BONE: ("P", "#a50f15"),
    ClinicalEventKind.SURGERY_TO_BONE: ("d", "#a50f15"),
    ClinicalEventKind.SPINAL_CORD_COMPRESSION: ("H", "#a50f15"),
    ClinicalEventKind.HYPERCALCAEMIA: ("^", "#e6550d"),
    ClinicalEventKind.PLASMACYTOMA: ("o", "#6a51a3"),
}
TODAY_COLOUR = "#cb181d"
MARKER_SIZE = 36.0
ROW_HEIGHT_IN = 0.42
WIDTH_IN = 10.0
LABEL_GAP_IN = 0.08  # the room left between two labels, in inches
UNFILLED_MARKERS = frozenset({"x", "+", "|", "_"})
LEFT_IN = 1.35
KEY_COLUMNS = 4
DATES_IN = 0.3  # the dates under the rows
TOP_IN = 0.1
MARGIN_DAYS = 20
ROW_LABEL = "row label"  # the gid of the rows' names


@dataclass
class _Row:
    """One labelled row, the drawing of its entries at height ``y`` and its entries in the key."""

    label: str
    draw: Callable[[Axes, float], None]
    keys: list[Key] = field(default_factory=list)


@dataclass
class _Marks:
    """Points of one series, drawn as one scatter."""

    label: str
    marker: str
    colour: str
    filled: bool = True
    size: float = MARKER_SIZE
    days: list[dt.date] = field(default_factory=list)

    def draw(self, axes: Axes, y: float) -> None:
        if not self.days:
            return
        x = date_numbers(self.days)
        # A marker of lines only (x, +) has no face: its colour is its lines'
        colours: dict[str, Any] = (
            {"color": self.colour}
            if self.marker in UNFILLED_MARKERS
            else {"facecolors": self.colour if self.filled else "none", "edgecolors": self.colour}
        )
        axes.scatter(
            x,
            [y] * len(x),
            s=self.size,
            marker=self.marker,
            linewidths=1.2,
            label=self.label,
            zorder=3,
            **colours,
        )

    def key(self) -> list[Key]:
        """The series in the key, if it has points."""
        if not self.days:
            return []
        return [Key(self.label, self.colour, self.marker, self.filled, self.size)]


def _phase_row(history: PatientHistory, as_of: dt.date, texts: Language) -> _Row | None:
    changes = history.phase_changes
    if not changes:
        return None

    def draw(axes: Axes, y: float) -> None:
        spans: dict[Phase, list[tuple[float, float]]] = {}
        starts = date_numbers([c.date for c in changes])
        ends = [*starts[1:], date_numbers([as_of])[0]]
        for change, start, end in zip(changes, starts, ends, strict=True):
            spans.setdefault(change.phase, []).append((start, max(end - start, 0.0)))
        for phase in Phase:
            if phase in spans:
                axes.broken_barh(
                    spans[phase],
                    (y - 0.3, 0.6),
                    facecolors=PHASE_COLOURS[phase],
                    edgecolors="white",
                    label=texts.code_label(phase.value),
                )

    shown = {change.phase for change in changes}
    keys = [
        Key(texts.code_label(phase.value), PHASE_COLOURS[phase])
        for phase in Phase
        if phase in shown
    ]
    return _Row(texts.translate("figures", "Phase"), draw, keys)


def _line_row(
    history: PatientHistory, as_of: dt.date, days_per_inch: float, texts: Language
) -> _Row | None:
    lines = history.treatment_lines
    if not lines:
        return None

    def draw(axes: Axes, y: float) -> None:
        starts = date_numbers([line.start_date for line in lines])
        ends = date_numbers([line.end_date or as_of for line in lines])
        widths = [max(end - start, 1.0) for start, end in zip(starts, ends, strict=True)]
        axes.broken_barh(
            list(zip(starts, widths, strict=True)),
            (y - 0.22, 0.44),
            facecolors=[LINE_COLOURS[i % 2] for i in range(len(lines))],
            edgecolors="white",
        )
        # A label wider than its bar goes above or below it: on the side where the last
        # label set there has ended, so that two never run together
        taken = {True: -math.inf, False: -math.inf}  # above / below: where the last one ends
        above = False
        for line, start, width in zip(lines, starts, widths, strict=True):
            label = texts.translate("figures", "L{number} {regimen}").format(
                number=line.line_number, regimen=texts.code_label(line.regimen)
            )
            if text_days(label, days_per_inch) < width:
                axes.text(start + 3, y, label, va="center", fontsize=FONT_SIZE - 0.5, clip_on=True)
                continue
            short = texts.translate("figures", "L{number}").format(number=line.line_number)
            placed = None
            for text in (label, short):  # the regimen dropped where both sides are taken
                wide = text_days(text, days_per_inch)
                past_edge = start + wide > axes.get_xlim()[1]
                left = start + width - wide if past_edge else start
                free = [side for side in (not above, above) if taken[side] <= left]
                if free:
                    placed = (text, free[0], past_edge, left + wide)
                    break
            if placed is None:
                continue  # no room: the printed table and the screen's hover name it
            label, above, past_edge, right = placed
            taken[above] = right + LABEL_GAP_IN * days_per_inch
            axes.text(
                start + width if past_edge else start,
                y + (0.24 if above else -0.24),
                label,
                va="bottom" if above else "top",
                ha="right" if past_edge else "left",
                fontsize=FONT_SIZE - 0.5,
                clip_on=True,
            )

    return _Row(texts.translate("figures", "Treatment lines"), draw)


def _transplant_row(history: PatientHistory, texts: Language) -> _Row | None:
    if not history.transplants:
        return None
    big = MARKER_SIZE * 2
    performed = _Marks(texts.translate("figures", "Transplant performed"), "*", "#a50f15", size=big)
    planned = _Marks(
        texts.translate("figures", "Transplant planned"), "*", "#a50f15", filled=False, size=big
    )
    withdrawn = _Marks(
        texts.translate("figures", "Transplant plan withdrawn"), "x", MUTED, size=big
    )
    for t in history.transplants:
        if t.performed_date is not None:
            performed.days.append(t.performed_date)
        elif t.withdrawn_date is not None:
            withdrawn.days.append(t.withdrawn_date)
        elif t.planned_date is not None:
            planned.days.append(t.planned_date)
    series = (performed, planned, withdrawn)
    return _Row(texts.translate("figures", "Transplant"), _all(series), _keys(series))


def _keys(series: Sequence[_Marks]) -> list[Key]:
    """The key entries of the series that have points."""
    return [key for marks in series for key in marks.key()]


def _all(series: Sequence[_Marks], offset: float = 0.0) -> Callable[[Axes, float], None]:
    """Draws several series on one row, ``offset`` above its middle."""

    def draw(axes: Axes, y: float) -> None:
        for marks in series:
            marks.draw(axes, y + offset)

    return draw


def _bone_row(history: PatientHistory, texts: Language) -> _Row | None:
    if not history.bone_therapy_doses and not history.bone_therapy_events:
        return None
    doses = {
        agent: _Marks(
            texts.translate("figures", "Dose: {agent}").format(agent=texts.code_label(agent.value)),
            *AGENT_STYLE[agent],
        )
        for agent in BoneAgent
    }
    for dose in history.bone_therapy_doses:
        doses[dose.agent].days.append(dose.date)
    events = {
        kind: _Marks(
            texts.translate("figures", "Bone therapy: {event}").format(
                event=texts.code_label(kind.value)
            ),
            *BONE_EVENT_STYLE[kind],
        )
        for kind in BoneTherapyEventKind
    }
    holds: list[tuple[dt.date, dt.date]] = []
    for event in history.bone_therapy_events:
        events[event.kind].days.append(event.date)
        if event.kind is BoneTherapyEventKind.HOLD and event.resume_date is not None:
            holds.append((event.date, event.resume_date))
    draw_doses = _all(tuple(doses.values()), offset=0.14)
    draw_events = _all(tuple(events.values()), offset=-0.2)

    def draw(axes: Axes, y: float) -> None:
        draw_doses(axes, y)
        draw_events(axes, y)
        if holds:
            starts = date_numbers([start for start, _ in holds])
            ends = date_numbers([end for _, end in holds])
            colour = BONE_EVENT_STYLE[BoneTherapyEventKind.HOLD][1]
            axes.hlines([y - 0.2] * len(holds), starts, ends, colors=colour, linewidth=2)

    keys = _keys((*doses.values(), *events.values()))
    return _Row(texts.translate("figures", "Bone therapy"), draw, keys)


def _imaging_row(history: PatientHistory, texts: Language) -> _Row | None:
    if not history.imaging:
        return None
    marks = {
        modality: _Marks(texts.code_label(modality.value), IMAGING_MARKERS[modality], "#4a6fa5")
        for modality in ImagingModality
    }
    for study in history.imaging:
        marks[study.modality].days.append(study.date)
    series = tuple(marks.values())
    return _Row(texts.translate("figures", "Imaging"), _all(series), _keys(series))


def _dental_row(history: PatientHistory, texts: Language) -> _Row | None:
    if not history.dental_exams:
        return None
    marks = {
        outcome: _Marks(
            texts.translate("figures", "Dental check: {outcome}").format(
                outcome=texts.code_label(outcome.value)
            ),
            "o",
            *DENTAL_STYLE[outcome],
        )
        for outcome in DentalOutcome
    }
    for exam in history.dental_exams:
        marks[exam.outcome].days.append(exam.date)
    series = tuple(marks.values())
    return _Row(texts.translate("figures", "Dental checks"), _all(series), _keys(series))


def _mrd_row(history: PatientHistory, texts: Language) -> _Row | None:
    if not history.mrd_tests:
        return None
    big = MARKER_SIZE * 1.4
    negative = _Marks(
        texts.translate("figures", "MRD negative"), "o", MRD_NEGATIVE_COLOUR, size=big
    )
    positive = _Marks(
        texts.translate("figures", "MRD positive"), "o", MRD_POSITIVE_COLOUR, filled=False, size=big
    )
    for test in history.mrd_tests:
        (negative if test.result is MrdResult.NEGATIVE else positive).days.append(test.date)
    series = (negative, positive)
    return _Row(texts.translate("figures", "MRD"), _all(series), _keys(series))


def _event_row(history: PatientHistory, texts: Language) -> _Row | None:
    if not history.clinical_events:
        return None
    marks = {
        kind: _Marks(texts.code_label(kind.value), *EVENT_STYLE[kind]) for kind in ClinicalEventKind
    }
    for event in history.clinical_events:
        marks[event.kind].days.append(event.date)
    series = tuple(marks.values())
    return _Row(texts.translate("figures", "Clinical events"), _all(series), _keys(series))


def _days_shown(history: PatientHistory, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last date the timeline shows: every entry, and the as-of date."""
    kinds = (
        history.phase_changes,
        history.treatment_lines,
        history.bone_therapy_doses,
        history.bone_therapy_events,
        history.imaging,
        history.dental_exams,
        history.mrd_tests,
        history.clinical_events,
    )
    days = [entry_date(e) for entries in kinds for e in entries]
    for t in history.transplants:
        days += [d for d in (t.planned_date, t.performed_date, t.withdrawn_date) if d is not None]
    days += [e.resume_date for e in history.bone_therapy_events if e.resume_date is not None]
    days.append(as_of)
    return min(days), max(days)


def timeline_figure(
    history: PatientHistory, as_of: dt.date, lang: str, width_in: float = WIDTH_IN
) -> Figure:
    """The patient's course as known on ``as_of``: one labelled row per kind of entry recorded.

    Phases as coloured bands, treatment lines with their regimens, transplant,
    bone-therapy doses (one marker per agent) and events, imaging, dental checks,
    MRD results (negative filled, positive hollow), skeletal and hypercalcaemia
    events; a dashed line at ``as_of`` and a legend below. ``width_in``: the figure's
    width (a printed page's text is narrower than a screen).
    """
    texts = language(lang)
    known = as_known_on(history, as_of)
    first, last = _days_shown(known, as_of)
    span_days = max((last - first).days, 30) + 2 * MARGIN_DAYS
    days_per_inch = span_days / (width_in - LEFT_IN - 0.3)
    candidates = (
        _phase_row(known, as_of, texts),
        _line_row(known, as_of, days_per_inch, texts),
        _transplant_row(known, texts),
        _bone_row(known, texts),
        _imaging_row(known, texts),
        _dental_row(known, texts),
        _mrd_row(known, texts),
        _event_row(known, texts),
    )
    rows = [row for row in candidates if row is not None]
    if not rows:
        figure = new_figure(width_in, 1.6)
        axes = figure.add_subplot()
        say_empty(axes, texts.translate("figures", "No entries to show"))
        return figure
    return _draw(rows, first, last, as_of, texts, width_in)


def _row_labels(axes: Axes, labels: Sequence[str]) -> None:
    """The rows' names left of the axes, top down, as texts marked ``ROW_LABEL``.

    Plain texts: matplotlib's ticks (five artists each) took a large part of the figure.
    """
    from matplotlib.ticker import NullLocator
    from matplotlib.transforms import ScaledTranslation

    axes.yaxis.set_major_locator(NullLocator())
    axes.yaxis.set_minor_locator(NullLocator())
    figure = axes.get_figure(root=True)
    assert figure is not None  # made by _draw
    beside = axes.get_yaxis_transform() + ScaledTranslation(-0.05, 0, figure.dpi_scale_trans)
    for index, label in enumerate(labels):
        y = len(labels) - 1 - index
        axes.text(0, y, label, transform=beside, ha="right", va="center", gid=ROW_LABEL)


def _draw(
    rows: list[_Row],
    first: dt.date,
    last: dt.date,
    as_of: dt.date,
    texts: Language,
    width_in: float,
) -> Figure:
    as_of_label = texts.translate("figures", "As of {date}").format(date=as_of.isoformat())
    keys = [key for row in rows for key in row.keys]
    keys.append(Key(as_of_label, TODAY_COLOUR, linestyle="--"))
    columns = KEY_COLUMNS
    if not fits([k.label for k in keys], (width_in - 0.6) / columns - KEY_HANDLE_IN - 0.1):
        columns -= 1
    key_in = KEY_ROW_IN * key_rows(keys, columns) + 0.1
    plot_in = ROW_HEIGHT_IN * (len(rows) + 0.6)
    height = TOP_IN + plot_in + DATES_IN + key_in
    figure = new_figure(width_in, height)
    axes = figure.add_axes((0, 0, 1, 1))
    below = key_in + DATES_IN
    axes.set_axes_locator(inch_box(LEFT_IN, 0.3, lambda tall: (below, tall - below - TOP_IN)))
    low, high = date_numbers([first, last])
    axes.set_xlim(low - MARGIN_DAYS, high + MARGIN_DAYS)
    count = len(rows)
    for index, row in enumerate(rows):
        row.draw(axes, count - 1 - index)
    axes.set_ylim(-0.7, count - 0.3)
    axes.set_xlim(low - MARGIN_DAYS, high + MARGIN_DAYS)  # as set before: artists widen it
    date_axis(axes, grid="#e0e0e0")
    _row_labels(axes, [row.label for row in rows])
    for spine in ("top", "right", "left"):
        axes.spines[spine].set_visible(False)
    axes.axvline(date_numbers([as_of])[0], color=TODAY_COLOUR, linestyle="--", linewidth=1)
    draw_key(figure, keys, figure.dpi_scale_trans, (0.3, key_in, width_in - 0.6), columns)
    return figure
