"""The disease course of one synthetic patient: phases, treatment lines, transplants.

A course is planned backwards from the patient's last recorded day (``end``):
the archetype fixes when the current phase began, and earlier milestones are
laid out before it. The disease burden is a piecewise-linear curve relative to
the burden at active-MM diagnosis (1.0); exactly 0 means no detectable
M-protein (immunofixation negative). Lab values are derived from it later.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum

from mmtracker.demo.regimens import (
    CONSOLIDATION,
    INDUCTION_ELIGIBLE,
    INDUCTION_INELIGIBLE,
    LENALIDOMIDE,
    Regimen,
    pick,
    salvage_options,
)
from mmtracker.logic.codes import Phase, ResponseCategory, TreatmentIntent

CYCLE_DAYS = 28
YEAR_DAYS = 365
# Ages at diagnosis above which a transplant is usually not offered.
TRANSPLANT_AGE_LIMIT = 70
# Melphalan 140 mg/m² above this age (clinical-rules.md D7, centre practice).
MEL140_AGE = 70
# SMM burden grows by at most this fraction over the follow-up shown.
SMM_MAX_GROWTH = 0.5


class Archetype(StrEnum):
    """Where a patient stands on their last recorded day."""

    SMM = "SMM"
    NDMM = "NDMM"
    ASCT = "ASCT"
    MAINTENANCE = "MAINTENANCE"
    RELAPSE = "RELAPSE"


# Depth of response by line: (CR, VGPR, PR, MR) shares, the rest stable disease.
DEPTH_SHARES: dict[int, tuple[float, float, float, float]] = {
    1: (0.35, 0.35, 0.22, 0.05),
    2: (0.25, 0.3, 0.3, 0.08),
    3: (0.15, 0.25, 0.35, 0.1),
    4: (0.4, 0.2, 0.2, 0.08),
}
DARA_CR_BONUS = 0.12
# Share of transplant-eligible maintenance patients on maintenance after a salvage ASCT.
SALVAGE_ASCT_SHARE = 0.06


@dataclass(slots=True)
class Line:
    number: int
    regimen: Regimen
    intent: TreatmentIntent
    start: dt.date
    end: dt.date | None = None


@dataclass(slots=True)
class Graft:
    """An autologous transplant: planned, and performed unless still ahead."""

    planned: dt.date
    performed: dt.date | None
    melphalan: float


class Burden:
    """Disease burden over time: linear between dated knots, flat after the last."""

    __slots__ = ("_days", "_levels")

    def __init__(self) -> None:
        self._days: list[int] = []
        self._levels: list[float] = []

    def at(self, day: dt.date) -> float:
        """The burden on a day (the first knot's level before it)."""
        x = day.toordinal()
        i = bisect_right(self._days, x)
        if i == 0:
            return self._levels[0]
        if i == len(self._days):
            return self._levels[-1]
        x0, x1 = self._days[i - 1], self._days[i]
        y0, y1 = self._levels[i - 1], self._levels[i]
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0)

    def mark(self, day: dt.date, level: float) -> None:
        """Set the burden on a day, dropping any knot on or after it."""
        x = day.toordinal()
        i = bisect_right(self._days, x - 1)
        del self._days[i:], self._levels[i:]
        self._days.append(x)
        self._levels.append(level)

    def cut(self, day: dt.date) -> float:
        """Keep the curve up to ``day`` and end it there; return the level on that day."""
        level = self.at(day) if self._days else 1.0
        self.mark(day, level)
        return level

    def approach(self, start: dt.date, target: float, tau: float) -> None:
        """From ``start`` move exponentially toward ``target`` (reached when it is 0)."""
        level = self.cut(start)
        for k in (0.5, 1.0, 2.0, 3.0):
            self.mark(
                start + dt.timedelta(days=round(k * tau)), target + (level - target) * math.exp(-k)
            )
        self.mark(start + dt.timedelta(days=round(5 * tau)), target)

    def rise(self, start: dt.date, until: dt.date, to: float) -> None:
        """A slow then faster rise from ``start`` to ``to`` on ``until``."""
        level = self.cut(start)
        middle = start + (until - start) / 2
        self.mark(middle, level + (to - level) * 0.3)
        self.mark(until, to)


@dataclass(slots=True)
class Course:
    """Everything planned for one patient; dates never run past ``end`` except plans."""

    archetype: Archetype
    end: dt.date
    eligible: bool
    smm_high_risk: bool = False
    smm_start: dt.date | None = None
    dx: dt.date | None = None
    phases: list[tuple[dt.date, Phase, int | None]] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    grafts: list[Graft] = field(default_factory=list)
    relapses: list[dt.date] = field(default_factory=list)
    induction_end: dt.date | None = None
    maintenance_start: dt.date | None = None
    # (assessment date, start of the line it refers to); categories come from the burden.
    assessments: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    burden: Burden = field(default_factory=Burden)

    def response(self, day: dt.date, line_start: dt.date, rng: random.Random) -> ResponseCategory:
        """The IMWG category the burden shows on a day against the line's baseline."""
        level = self.burden.at(day)
        if level <= 0:
            return ResponseCategory.SCR if rng.random() < 0.3 else ResponseCategory.CR
        ratio = level / max(self.burden.at(line_start), 1e-9)
        if ratio <= 0.1:
            return ResponseCategory.VGPR
        if ratio <= 0.5:
            return ResponseCategory.PR
        if ratio <= 0.75:
            return ResponseCategory.MR
        return ResponseCategory.SD if ratio < 1.25 else ResponseCategory.PD


def _days(rng: random.Random, low: int, high: int) -> dt.timedelta:
    return dt.timedelta(days=rng.randint(low, high))


def _depth(rng: random.Random, line: int, daratumumab: bool) -> float:
    """A nadir burden relative to the line's start: 0 for CR, else the remaining fraction."""
    cr, vgpr, pr, mr = DEPTH_SHARES[min(line, 4)]
    if daratumumab:
        cr += DARA_CR_BONUS
    x = rng.random()
    if x < cr:
        return 0.0
    if x < cr + vgpr:
        return rng.uniform(0.02, 0.08)
    if x < cr + vgpr + pr:
        return rng.uniform(0.15, 0.45)
    if x < cr + vgpr + pr + mr:
        return rng.uniform(0.5, 0.7)
    return rng.uniform(0.8, 0.95)


class _Planner:
    """Lays out one course; each step appends phases, lines and burden knots in order."""

    def __init__(self, rng: random.Random, course: Course) -> None:
        self.rng = rng
        self.c = course

    def _phase(self, day: dt.date, phase: Phase, line: int | None = None) -> None:
        self.c.phases.append((day, phase, line))

    def _assess(self, day: dt.date, line_start: dt.date) -> None:
        if day <= self.c.end:
            self.c.assessments.append((day, line_start))

    def smm(self, start: dt.date, until: dt.date | None) -> None:
        """SMM from ``start``; burden below the later diagnosis level, rising slowly."""
        rng, c = self.rng, self.c
        c.smm_start = start
        self._phase(start, Phase.SMM)
        if until is None:
            yearly = rng.uniform(0.05, 0.15) if c.smm_high_risk else rng.uniform(0.0, 0.04)
            growth = yearly * (c.end - start).days / YEAR_DAYS
            c.burden.mark(start, 1.0)
            c.burden.mark(c.end, 1.0 + min(growth, SMM_MAX_GROWTH))
        else:
            c.burden.mark(start, rng.uniform(0.45, 0.7))
            c.burden.mark(until - _days(rng, 30, 90), rng.uniform(0.75, 0.9))

    def induction(self, dx: dt.date, cycles: int, ended: bool) -> dt.date:
        """Diagnosis and first-line induction; returns the planned end of induction."""
        rng, c = self.rng, self.c
        c.dx = dx
        self._phase(dx, Phase.NDMM)
        c.burden.mark(dx, 1.0)
        start = dx + _days(rng, 3, 12)
        regimen = pick(rng, INDUCTION_ELIGIBLE if c.eligible else INDUCTION_INELIGIBLE)
        end = start + dt.timedelta(days=cycles * CYCLE_DAYS)
        c.lines.append(Line(1, regimen, TreatmentIntent.INDUCTION, start, end if ended else None))
        c.burden.mark(start, 1.0)
        c.burden.approach(start, _depth(rng, 1, regimen.daratumumab), rng.uniform(30, 55))
        for cycle in (2, 4, 6):
            if cycle < cycles:
                self._assess(start + dt.timedelta(days=cycle * CYCLE_DAYS), start)
        if ended:
            c.induction_end = end
            self._assess(end, start)
        return end

    def transplant(self, performed: dt.date | None, planned: dt.date, age: int) -> None:
        """An ASCT: performed (phase ASCT, response deepens) or still planned."""
        rng, c = self.rng, self.c
        melphalan = 140.0 if age > MEL140_AGE or rng.random() < 0.12 else 200.0
        c.grafts.append(Graft(planned, performed, melphalan))
        if performed is None:
            return
        self._phase(performed, Phase.ASCT)
        level = c.burden.cut(performed)
        deeper = 0.0 if level < 0.1 and rng.random() < 0.5 else level * rng.uniform(0.2, 0.6)
        c.burden.approach(performed, deeper, rng.uniform(25, 40))
        self._assess(performed + dt.timedelta(days=100), self._line_start())

    def consolidation(self, start: dt.date) -> dt.date:
        regimen = pick(self.rng, CONSOLIDATION)
        end = start + dt.timedelta(days=2 * CYCLE_DAYS)
        self.c.lines.append(Line(1, regimen, TreatmentIntent.CONSOLIDATION, start, end))
        return end

    def _line_start(self) -> dt.date:
        """The start of the current line of therapy (its induction or salvage part)."""
        number = self.c.lines[-1].number
        return next(line.start for line in self.c.lines if line.number == number)

    def maintenance(self, start: dt.date) -> None:
        """Lenalidomide maintenance within the current line; yearly response assessments."""
        c = self.c
        c.maintenance_start = start
        self._phase(start, Phase.MAINTENANCE)
        line_start = self._line_start()
        c.lines.append(Line(c.lines[-1].number, LENALIDOMIDE, TreatmentIntent.MAINTENANCE, start))
        day = start + dt.timedelta(days=YEAR_DAYS)
        while day <= c.end:
            self._assess(day, line_start)
            day += dt.timedelta(days=YEAR_DAYS)

    def relapse(self, day: dt.date, number: int) -> None:
        """Progression on ``day``: rising burden before it, a new salvage line after it."""
        rng, c = self.rng, self.c
        c.relapses.append(day)
        self._phase(day, Phase.RELAPSE, number)
        for line in c.lines:
            if line.end is None or line.end > day:
                line.end = day
        # The rise begins after the current line had time to work (two cycles).
        earliest = self._line_start() + dt.timedelta(days=2 * CYCLE_DAYS)
        rise_from = max(day - _days(rng, 70, 150), min(earliest, day - dt.timedelta(days=14)))
        level = c.burden.at(rise_from)
        c.burden.rise(rise_from, day, level + rng.uniform(0.35, 0.7))
        start = min(day + _days(rng, 0, 14), c.end)
        regimen = pick(rng, salvage_options(number, c.lines[-1].regimen if c.lines else None))
        c.lines.append(Line(number, regimen, TreatmentIntent.SALVAGE, start))
        at_start = c.burden.cut(start)
        depth = _depth(rng, number, regimen.daratumumab)
        c.burden.approach(start, at_start * depth, rng.uniform(30, 50))
        for cycle in (2, 4):
            self._assess(start + dt.timedelta(days=cycle * CYCLE_DAYS), start)

    def rising(self, start: dt.date) -> None:
        """Biochemical progression under way on the last day, not yet called a relapse."""
        level = self.c.burden.at(start)
        self.c.burden.rise(start, self.c.end, level + self.rng.uniform(0.35, 0.5))


def _frontline_to_maintenance(p: _Planner, maintenance: dt.date, age_at_dx: int) -> None:
    """Induction (and ASCT when eligible) laid out backwards from the maintenance start."""
    rng = p.rng
    cycles = rng.choice((4, 4, 5, 6))
    if p.c.eligible:
        if rng.random() < 0.3:
            cons_start = maintenance - _days(rng, 7, 21) - dt.timedelta(days=2 * CYCLE_DAYS)
            graft = cons_start - _days(rng, 60, 80)
        else:
            cons_start = None
            graft = maintenance - _days(rng, 90, 130)
        induction_end = graft - _days(rng, 28, 70)
        dx = induction_end - dt.timedelta(days=cycles * CYCLE_DAYS) - _days(rng, 3, 12)
        _maybe_smm_before(p, dx)
        p.induction(dx, cycles, ended=True)
        p.transplant(graft, _planned_before(rng, graft), age_at_dx)
        if cons_start is not None:
            p.consolidation(cons_start)
    else:
        dx = maintenance - _days(rng, 200, 400)
        _maybe_smm_before(p, dx)
        p.induction(dx, (maintenance - dx).days // CYCLE_DAYS, ended=False)
        p.c.lines[0].end = maintenance - dt.timedelta(days=1)
        p.c.induction_end = p.c.lines[0].end
    p.maintenance(maintenance)


def _planned_before(rng: random.Random, performed: dt.date) -> dt.date:
    """The planned date: mostly the day it was done, sometimes a few days earlier."""
    return performed - _days(rng, 1, 10) if rng.random() < 0.3 else performed


def _maybe_smm_before(p: _Planner, dx: dt.date) -> None:
    """About one in seven patients were followed for SMM before active MM."""
    if p.rng.random() < 0.15:
        p.smm(dx - _days(p.rng, 180, 1100), dx)


def plan_course(rng: random.Random, archetype: Archetype, end: dt.date, age_at_end: int) -> Course:
    """A consistent course whose current phase on ``end`` matches ``archetype``."""
    eligible = age_at_end - 2 <= TRANSPLANT_AGE_LIMIT and rng.random() < 0.9
    if archetype is Archetype.ASCT:
        eligible = True
    course = Course(archetype=archetype, end=end, eligible=eligible)
    p = _Planner(rng, course)
    if archetype is Archetype.SMM:
        course.smm_high_risk = rng.random() < 0.4
        p.smm(end - _days(rng, 60, round(3.5 * YEAR_DAYS)), None)
    elif archetype is Archetype.NDMM:
        dx = end - _days(rng, 21, 220)
        _maybe_smm_before(p, dx)
        cycles = rng.choice((4, 4, 6))
        ended = eligible and dx + dt.timedelta(days=cycles * CYCLE_DAYS + 12) <= end
        induction_end = p.induction(dx, cycles, ended)
        if eligible and (ended or rng.random() < 0.5):
            planned = max(end + _days(rng, 5, 50), induction_end + _days(rng, 21, 50))
            p.transplant(None, planned, age_at_end)
    elif archetype is Archetype.ASCT:
        graft = end - _days(rng, 7, 180)
        first = graft - _days(rng, 60, 110) if rng.random() < 0.05 else graft
        cycles = rng.choice((4, 4, 5, 6))
        induction_end = first - _days(rng, 28, 70)
        dx = induction_end - dt.timedelta(days=cycles * CYCLE_DAYS) - _days(rng, 3, 12)
        _maybe_smm_before(p, dx)
        p.induction(dx, cycles, ended=True)
        p.transplant(first, _planned_before(rng, first), age_at_end)
        if first != graft:
            p.transplant(graft, graft, age_at_end)
    elif archetype is Archetype.MAINTENANCE and eligible and rng.random() < SALVAGE_ASCT_SHARE:
        _salvage_transplant(p, age_at_end)
    elif archetype is Archetype.MAINTENANCE:
        maintenance = end - _days(rng, 30, 450)
        _frontline_to_maintenance(p, maintenance, age_at_end - (end - maintenance).days // 365)
        if rng.random() < 0.1:
            p.rising(end - _days(rng, 60, 150))
    else:
        _plan_relapse(p, age_at_end)
    return course


def _salvage_transplant(p: _Planner, age_at_end: int) -> None:
    """Relapse after first-line maintenance, salvage therapy, a second ASCT, maintenance again."""
    rng, end = p.rng, p.c.end
    maintenance = end - _days(rng, 30, 300)
    graft = maintenance - _days(rng, 90, 120)
    relapse = graft - _days(rng, 120, 180)
    first_maintenance = relapse - _days(rng, 365, 900)
    age_at_dx = age_at_end - ((end - first_maintenance).days + YEAR_DAYS) // YEAR_DAYS
    _frontline_to_maintenance(p, first_maintenance, age_at_dx)
    p.relapse(relapse, 2)
    p.c.lines[-1].end = graft - _days(rng, 21, 45)
    p.transplant(graft, _planned_before(rng, graft), age_at_end)
    p.maintenance(maintenance)


def _plan_relapse(p: _Planner, age_at_end: int) -> None:
    rng, c = p.rng, p.c
    line = rng.choices((2, 3, 4), weights=(0.6, 0.28, 0.12))[0]
    relapses = [c.end - _days(rng, 20, 200)]
    for _ in range(line - 2):
        relapses.insert(0, relapses[0] - _days(rng, 150, 270))
    first = relapses[0]
    if rng.random() < 0.08:
        dx = first - _days(rng, 100, 240)
        _maybe_smm_before(p, dx)
        p.induction(dx, 6, ended=False)
    else:
        maintenance = first - _days(rng, 90, 300)
        age_at_dx = age_at_end - ((c.end - maintenance).days + YEAR_DAYS) // YEAR_DAYS
        _frontline_to_maintenance(p, maintenance, age_at_dx)
    for number, day in enumerate(relapses, start=2):
        p.relapse(day, number)
