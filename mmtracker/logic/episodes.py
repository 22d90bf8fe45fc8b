"""Treatment episodes (clinical-rules.md D22): what response, progression and bone therapy count from.

An episode starts at each NDMM or RELAPSE phase start and, for a patient whose
first recorded active phase is ASCT or MAINTENANCE (care transferred in), at
that first phase entry. Consolidation and maintenance lines and a transplant
continue the episode of the line before them. An induction or salvage line
joins an NDMM or RELAPSE phase start within 30 days before or after it (one
episode, from the earlier date, whatever the order of entry); a salvage line
with no such phase start opens an episode by itself, and ``record.phase`` asks
for its RELAPSE entry. Later induction or salvage lines inside an episode
(a regimen switch) continue it.

Reading where D22 is silent, erring toward showing: an induction line with no
phase start within 30 days and no episode before it opens an episode of its
own, so that a patient treated before any phase is recorded still has a
response baseline and progression surveillance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mmtracker.logic.codes import Phase, TreatmentIntent
from mmtracker.logic.dates import add_days
from mmtracker.logic.history import PatientHistory, PhaseChange, TreatmentLine

# D22: a phase start and an induction/salvage line within this many days are one episode.
PHASE_LINE_WINDOW_DAYS = 30

EPISODE_PHASES = frozenset({Phase.NDMM, Phase.RELAPSE})
TRANSFER_PHASES = frozenset({Phase.ASCT, Phase.MAINTENANCE})
OPENING_INTENTS = frozenset({TreatmentIntent.INDUCTION, TreatmentIntent.SALVAGE})


@dataclass(frozen=True, slots=True)
class Episode:
    """One treatment episode (D22).

    ``start``: the earlier of the opening phase start and the opening line's start.
    ``phase``: the NDMM/RELAPSE (or transferred-in ASCT/MAINTENANCE) entry that
    opened it, None for a line that opened it alone. ``first_line``: the
    induction or salvage line that opened it, or else the first line started in
    it. ``lines``: every line started in it, in start order. ``transferred_in``:
    opened by a first active phase of ASCT or MAINTENANCE.
    """

    start: dt.date
    phase: PhaseChange | None
    first_line: TreatmentLine | None
    lines: tuple[TreatmentLine, ...]
    transferred_in: bool = False

    @property
    def salvage_without_relapse(self) -> bool:
        """D22: opened by a salvage line with no RELAPSE phase within 30 d (``record.phase``)."""
        return (
            self.phase is None
            and self.first_line is not None
            and self.first_line.intent is TreatmentIntent.SALVAGE
        )


@dataclass(frozen=True, slots=True)
class _Opening:
    start: dt.date
    phase: PhaseChange | None
    line: TreatmentLine | None
    transferred_in: bool = False


def _near(line: TreatmentLine, change: PhaseChange) -> bool:
    return abs((line.start_date - change.date).days) <= PHASE_LINE_WINDOW_DAYS


def _openings(history: PatientHistory) -> list[_Opening]:
    changes = sorted(history.phase_changes, key=lambda c: (c.date, c.id))
    phases = [c for c in changes if c.phase in EPISODE_PHASES]
    lines = sorted(history.treatment_lines, key=lambda line: (line.start_date, line.id))
    paired: dict[str, TreatmentLine] = {}  # phase entry id -> the line it joined
    alone: list[_Opening] = []
    for line in (line for line in lines if line.intent in OPENING_INTENTS):
        near = next((c for c in phases if c.id not in paired and _near(line, c)), None)
        if near is not None:
            paired[near.id] = line
        elif line.intent is TreatmentIntent.SALVAGE or not (
            alone or any(c.date <= line.start_date for c in phases)
        ):
            alone.append(_Opening(line.start_date, None, line))
    openings = alone + [
        _Opening(
            min(c.date, paired[c.id].start_date) if c.id in paired else c.date, c, paired.get(c.id)
        )
        for c in phases
    ]
    first_active = next((c for c in changes if c.phase is not Phase.SMM), None)
    if (
        first_active is not None
        and first_active.phase in TRANSFER_PHASES
        and not any(o.start <= first_active.date for o in openings)
    ):
        openings.append(_Opening(first_active.date, first_active, None, transferred_in=True))
    return sorted(openings, key=lambda o: o.start)


def episodes(history: PatientHistory) -> tuple[Episode, ...]:
    """The treatment episodes of a (date-truncated) history, in start order (D22).

    Each line belongs to the latest episode started on or before its start.
    """
    openings = _openings(history)
    lines = sorted(history.treatment_lines, key=lambda line: (line.start_date, line.id))
    found: list[Episode] = []
    for index, opening in enumerate(openings):
        following = openings[index + 1].start if index + 1 < len(openings) else None
        members = tuple(
            line
            for line in lines
            if opening.start <= line.start_date
            and (following is None or line.start_date < following)
        )
        first = opening.line or (members[0] if members else None)
        found.append(Episode(opening.start, opening.phase, first, members, opening.transferred_in))
    return tuple(found)


def relapse_phase_due(episode: Episode) -> dt.date:
    """D22 ``record.phase``: a salvage line's RELAPSE entry is due at the line start + 30 d."""
    assert episode.first_line is not None
    return add_days(episode.first_line.start_date, PHASE_LINE_WINDOW_DAYS)
