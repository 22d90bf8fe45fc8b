"""Record completeness: a missing phase entry or treatment line (clinical-rules.md D22, D24, D25).

``record.phase`` asks for a phase-change entry when a live patient has none
(D24, due at registration + ``record.phase_days``), and for the phase entry of
a treatment episode opened by a line alone (D22: a salvage line with no
RELAPSE phase within 30 d, due at the line start + 30 d).
``record.treatment_line`` asks for the treatment line of an episode that has
none (D25, due at the episode start + ``record.line_days``).

Reading where D22 is silent, erring toward showing: an induction line that
opened an episode with no NDMM phase within 30 d (see ``episodes``) asks for
the NDMM phase entry the same way.

Reading where D22 is silent, erring toward showing: every phase-less episode
asks, not only the current one, and when it and a missing phase (D24) both
hold the earlier due date is shown.

Reading where D24 is silent: with no creation date and no entry dated on or
before as_of, the assessment date itself is the registration, so the due date
moves with it (``changes_on`` the next day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mmtracker.logic.care import EntryRef, Finding, ItemRule
from mmtracker.logic.codes import PatientStatus, TreatmentIntent
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.episodes import PHASE_LINE_WINDOW_DAYS, relapse_phase_due
from mmtracker.logic.history import ENTRY_KINDS, entry_date
from mmtracker.logic.messages import declare, msg

PHASE = "record.phase"
LINE = "record.treatment_line"

# D24: where the registration date comes from, in order of preference.
REGISTERED = "registered"  # the patient's creation date (record file: created_at)
FIRST_ENTRY = "first_entry"  # else the date of the first entry
AS_OF = "as_of"  # else the assessment date itself
REGISTRATION_BASES = (REGISTERED, FIRST_ENTRY, AS_OF)

declare(
    {
        **{f"{PHASE}.no_phase.{basis}": ("start", "days", "due") for basis in REGISTRATION_BASES},
        f"{PHASE}.relapse_missing": ("start", "days", "due"),
        f"{PHASE}.ndmm_missing": ("start", "days", "due"),
        f"{PHASE}.recorded": ("phase", "date"),
        f"{PHASE}.not_in_care": ("since",),
        f"{LINE}.missing": ("phase", "start", "days", "due"),
        f"{LINE}.recorded": ("start", "line_start"),
        f"{LINE}.no_episode": (),
        f"{LINE}.not_in_care": ("since",),
    }
)


@dataclass(frozen=True, slots=True)
class Registration:
    """D24: the day a patient counts as registered, and where that day came from."""

    date: dt.date
    basis: str  # REGISTERED, FIRST_ENTRY or AS_OF

    def changes_on(self, as_of: dt.date) -> dt.date | None:
        """A registration read from as_of moves with it: the finding changes the next day."""
        return add_days(as_of, 1) if self.basis == AS_OF else None


def registration(ctx: Context) -> Registration:
    """D24: the patient's creation date, else the date of the first entry, else as_of.

    Only entries dated on or before as_of count: a plan dated ahead is not yet an
    entry, and an acknowledgement of a care item is no entry of the patient's care.
    """
    registered = ctx.history.patient.registered_on
    if registered is not None:
        return Registration(registered, REGISTERED)
    dates = [
        entry_date(entry)
        for kind in ENTRY_KINDS
        if kind != "acknowledgements"
        for entry in ctx.history.entries(kind)
        if entry_date(entry) <= ctx.as_of
    ]
    if dates:
        return Registration(min(dates), FIRST_ENTRY)
    return Registration(ctx.as_of, AS_OF)


def _in_care(ctx: Context, item: str) -> Finding | None:
    patient = ctx.history.patient
    if patient.status is PatientStatus.ACTIVE:
        return None
    return Finding(False, msg(f"{item}.not_in_care", since=patient.status_date))


def _missing_phase(ctx: Context) -> Finding | None:
    """D24: a live patient with no phase-change entry at all."""
    if ctx.history.phase_changes:
        return None
    found = registration(ctx)
    days = ctx.policy.whole("record.phase_days")
    due = add_days(found.date, days)
    message = msg(f"{PHASE}.no_phase.{found.basis}", start=found.date, days=days, due=due)
    return Finding(True, message, due=due, changes_on=found.changes_on(ctx.as_of))


def _phaseless_episodes(ctx: Context) -> list[Finding]:
    """D22: each episode opened by a treatment line alone asks for its phase entry."""
    found = []
    for episode in ctx.episodes:
        line = episode.first_line
        if episode.phase is not None or line is None:
            continue
        due = relapse_phase_due(episode)
        missing = "relapse_missing" if line.intent is TreatmentIntent.SALVAGE else "ndmm_missing"
        message = msg(
            f"{PHASE}.{missing}", start=line.start_date, days=PHASE_LINE_WINDOW_DAYS, due=due
        )
        found.append(Finding(True, message, due=due))
    return found


def evaluate_phase(ctx: Context) -> Finding:
    """§11 record.phase: a phase entry for a patient with none (D24) or for a phase-less episode (D22)."""
    outside = _in_care(ctx, PHASE)
    if outside is not None:
        return outside
    missing = _missing_phase(ctx)
    candidates = ([missing] if missing is not None else []) + _phaseless_episodes(ctx)
    if candidates:
        return min(candidates, key=lambda f: f.due or dt.date.max)
    current = ctx.phases.current
    assert current is not None  # a phase entry exists
    message = msg(f"{PHASE}.recorded", phase=current.phase.value, date=current.date)
    return Finding(False, message, last=EntryRef("phase_changes", current.id, current.date))


def evaluate_line(ctx: Context) -> Finding:
    """§11 record.treatment_line: the current episode (D22) has no treatment line at all (D25)."""
    outside = _in_care(ctx, LINE)
    if outside is not None:
        return outside
    episode = ctx.episode
    if episode is None:
        return Finding(False, msg(f"{LINE}.no_episode"))
    if episode.lines:
        first = episode.lines[0]
        message = msg(f"{LINE}.recorded", start=episode.start, line_start=first.start_date)
        return Finding(False, message, last=EntryRef("treatment_lines", first.id, first.start_date))
    days = ctx.policy.whole("record.line_days")
    due = add_days(episode.start, days)
    phase = episode.phase.phase.value if episode.phase is not None else None
    message = msg(f"{LINE}.missing", phase=phase, start=episode.start, days=days, due=due)
    return Finding(True, message, due=due)


RULES: tuple[ItemRule, ...] = (
    ItemRule(PHASE, "D24", evaluate_phase),
    ItemRule(LINE, "D25", evaluate_line),
)
