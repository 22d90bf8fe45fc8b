"""Bone-targeted therapy of one synthetic patient, with dental checks, supplements and vitamin D.

Follows clinical-rules.md §5: zoledronic acid (ZA) every 28 days at the dose for
the baseline Cockcroft-Gault CrCl, or denosumab 120 mg every 28 days (mostly in
renal impairment); a yearly review that may de-escalate ZA to every 84 days or
stop it in VGPR or better; doses held around a transplant and made monthly
again at relapse; a bisphosphonate after denosumab is stopped (D10).
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from mmtracker.demo.chart import jitter
from mmtracker.demo.course import YEAR_DAYS, Course
from mmtracker.demo.disease import HYPERCALCAEMIA, DiseaseRecorder
from mmtracker.logic.codes import (
    Analyte,
    BoneAgent,
    BoneTherapyEventKind,
    DentalOutcome,
    InvasiveProcedure,
    ReviewDecision,
    Sex,
)
from mmtracker.logic.history import (
    BoneTherapyDose,
    BoneTherapyEvent,
    DentalExam,
    Supplement,
    Weight,
)

MONTHLY = 28
DE_ESCALATED = 84
DENOSUMAB_MG = 120.0
# No dose from this many days before a transplant to this many days after it.
HOLD_BEFORE_ASCT = 14
HOLD_AFTER_ASCT = 30
# Pre-dose creatinine (ZA) or calcium (denosumab) within this many days (§11).
PRE_DOSE_WINDOW = 7
DENTAL_INTERVAL = (150, 190)
# The yearly review is made at the dose visit closest before its anniversary.
REVIEW_LEAD_DAYS = 30
SUPPLEMENT_CALCIUM_MG = (500.0, 600.0, 1000.0)
SUPPLEMENT_VITAMIN_D_IU = (400.0, 800.0, 1000.0)
SUPPLEMENT_VITAMIN_D_RISE = 25.0  # nmol/L of 25-OH vitamin D on a supplement
# Share of patients on denosumab whose calcium falls below normal (§5 hypocalcaemia).
LOW_CALCIUM_ON_DENOSUMAB = 0.15
# D33: share of planned extractions during an ongoing course for which bone therapy is held.
HOLD_FOR_EXTRACTION_SHARE = 0.6
# D36: share of ongoing zoledronic acid courses with a switch to denosumab planned ahead.
DENOSUMAB_SWITCH_SHARE = 0.04


def za_dose_mg(crcl: float) -> float | None:
    """ZA dose for a baseline CrCl (§5 table); None below 30 mL/min."""
    if crcl > 60:
        return 4.0
    if crcl >= 50:
        return 3.5
    if crcl >= 40:
        return 3.3
    if crcl >= 30:
        return 3.0
    return None


def cockcroft_gault(age: int, weight_kg: float, creatinine_umol: float, sex: Sex) -> float:
    """Creatinine clearance in mL/min by Cockcroft-Gault, SI form (§9)."""
    factor = 1.23 if sex is Sex.MALE else 1.04
    return (140 - age) * weight_kg * factor / creatinine_umol


@dataclass(frozen=True, slots=True)
class BoneGaps:
    """Lapses to build into this patient's bone care, as of the last day."""

    late_dose: bool = False
    dental: bool = False
    review: bool = False
    supplement: bool = False
    vitamin_d: bool = False
    no_start: bool = False


class BoneRecorder:
    """Writes the bone-therapy entries of one patient with active myeloma."""

    def __init__(
        self,
        disease: DiseaseRecorder,
        *,
        sex: Sex,
        age_at: Callable[[dt.date], int],
        weight_at: Callable[[dt.date], float],
        contact_days: list[int],
        creatinine_days: list[int],
        calcium_days: list[int],
        detail_from: dt.date,
        gaps: BoneGaps,
        in_care: bool = True,
    ) -> None:
        self.disease = disease
        self.in_care = in_care
        self.chart = disease.chart
        self.rng: random.Random = disease.rng
        self.course: Course = disease.course
        self.sex = sex
        self.age_at = age_at
        self.weight_at = weight_at
        self.creatinine_days = creatinine_days
        self.calcium_days = calcium_days
        self.contact_days = contact_days
        self.detail_from = detail_from
        self.gaps = gaps

    def record(self) -> None:
        """The bone care of the whole course: courses of therapy, or a decline on record."""
        c, rng = self.course, self.rng
        if c.dx is None or self.gaps.no_start:
            return
        start = c.dx + dt.timedelta(days=rng.randint(7, 35))
        if start > c.end:
            return
        x = rng.random()
        if x < 0.05:
            kind = (
                BoneTherapyEventKind.DECLINED if x < 0.03 else BoneTherapyEventKind.CONTRAINDICATED
            )
            note = (
                "Patient prefers not to have infusions"
                if kind is BoneTherapyEventKind.DECLINED
                else "Previous osteonecrosis of the jaw"
            )
            self._event(start, kind, None, note=note)
            return
        stopped = self._course(start)
        for relapse in c.relapses:
            if stopped is None or stopped >= relapse:
                continue
            restart = relapse + dt.timedelta(days=rng.randint(7, 40))
            if restart <= c.end and rng.random() < 0.8:
                stopped = self._course(restart)

    def _event(
        self,
        day: dt.date,
        kind: BoneTherapyEventKind,
        agent: BoneAgent | None,
        *,
        interval: int | None = None,
        decision: ReviewDecision | None = None,
        note: str = "",
    ) -> None:
        self.chart.add(
            "bone_therapy_events",
            BoneTherapyEvent(
                id=self.chart.new_id(),
                date=day,
                kind=kind,
                agent=agent,
                interval_days=interval,
                decision=decision,
                note=note,
            ),
        )

    def _baseline(self, day: dt.date) -> tuple[BoneAgent, float]:
        """Weight and creatinine before the first dose; the agent and dose they lead to."""
        rng = self.rng
        weight = round(self.weight_at(day) + jitter(rng, 0.8), 1)
        self.chart.add("weights", Weight(id=self.chart.new_id(), date=day, weight_kg=weight))
        creatinine = self.disease.creatinine(day - dt.timedelta(days=1))
        crcl = cockcroft_gault(self.age_at(day), weight, creatinine, self.sex)
        dose = za_dose_mg(crcl)
        prefers_denosumab = 0.3 if crcl < 50 else 0.08
        if dose is None or rng.random() < prefers_denosumab:
            if rng.random() < LOW_CALCIUM_ON_DENOSUMAB:
                self.disease.m.low_calcium_from = day + dt.timedelta(days=rng.randint(7, 90))
            return BoneAgent.DENOSUMAB, DENOSUMAB_MG
        return BoneAgent.ZOLEDRONIC_ACID, dose

    def _course(self, start: dt.date) -> dt.date | None:
        """One course from its first dose; returns the day it was stopped, if it was."""
        c, rng, gaps = self.course, self.rng, self.gaps
        self._dental_before(start)
        if rng.random() < 0.95:
            self._vitamin_d(start)
        agent, dose_mg = self._baseline(start)
        supplement_from = start - dt.timedelta(days=rng.randint(0, 7))
        near_dx = c.dx is not None and (start - c.dx).days < 60
        if near_dx and self.disease.m.calcium > HYPERCALCAEMIA:  # supplement once it is normal
            supplement_from = start + dt.timedelta(days=rng.randint(30, 60))
        interval = MONTHLY
        late_margin = rng.randint(15, 70) if gaps.late_dose else None
        review_due = start + dt.timedelta(days=YEAR_DAYS)
        reviews = 0
        day = start
        stopped: dt.date | None = None
        while late_margin is None or day <= c.end - dt.timedelta(days=interval + late_margin):
            if day > c.end:
                break
            held = self._after_transplant_hold(day)
            if held is not None:
                day = held
                continue
            if day >= review_due - dt.timedelta(days=REVIEW_LEAD_DAYS):
                reviews += 1
                review_due = day + dt.timedelta(days=YEAR_DAYS)
                decision = None if gaps.review else self._review(day, agent, reviews, interval)
                if decision is ReviewDecision.STOP:
                    stopped = day
                    self._event(day, BoneTherapyEventKind.STOP, agent)
                    if agent is BoneAgent.DENOSUMAB:
                        stopped = self._bridge(day)
                    break
                if decision is ReviewDecision.DE_ESCALATE:
                    interval = DE_ESCALATED
            self._dose(day, agent, dose_mg)
            following = self._next_dose(day + dt.timedelta(days=interval + rng.randint(-2, 4)))
            relapse = self._relapse_between(day, following)
            if interval == DE_ESCALATED and relapse is not None:
                interval = MONTHLY  # monthly again at relapse (§5 ZA duration)
                following = relapse + dt.timedelta(days=rng.randint(0, 14))
                if following <= c.end:
                    self._event(
                        following,
                        BoneTherapyEventKind.SCHEDULE,
                        agent,
                        interval=MONTHLY,
                        note="Relapse",
                    )
            day = following
        if stopped is None and agent is BoneAgent.ZOLEDRONIC_ACID and self.in_care:
            self._planned_switch()
        self._dental_during(start, stopped or c.end)
        self._supplement(supplement_from, stopped)
        self._vitamin_d_yearly(start, stopped or c.end)
        return stopped

    def _after_transplant_hold(self, day: dt.date) -> dt.date | None:
        for graft in self.course.grafts:
            done = graft.performed
            if done is None:
                continue
            if (
                done - dt.timedelta(days=HOLD_BEFORE_ASCT)
                <= day
                <= done + dt.timedelta(days=HOLD_AFTER_ASCT)
            ):
                return done + dt.timedelta(days=HOLD_AFTER_ASCT + self.rng.randint(1, 15))
        return None

    def _relapse_between(self, after: dt.date, until: dt.date) -> dt.date | None:
        for relapse in self.course.relapses:
            if after < relapse <= until:
                return relapse
        return None

    def _next_dose(self, due: dt.date) -> dt.date:
        """The dose is given at a clinic contact close to its due day, if there is one."""
        days = self.contact_days
        i = bisect_left(days, due.toordinal() - 5)
        if i < len(days) and days[i] <= due.toordinal() + 3:
            return dt.date.fromordinal(days[i])
        return due

    def _has_lab(self, days: list[int], day: dt.date) -> bool:
        i = bisect_left(days, day.toordinal() - PRE_DOSE_WINDOW)
        return i < len(days) and days[i] <= day.toordinal()

    def _dose(self, day: dt.date, agent: BoneAgent, dose_mg: float) -> None:
        """A dose; in the detailed period with the pre-dose creatinine or calcium (§5)."""
        if day >= self.detail_from:
            if agent is BoneAgent.DENOSUMAB:
                if not self._has_lab(self.calcium_days, day):
                    self.disease.calcium(day)
            elif not self._has_lab(self.creatinine_days, day):
                self.disease.creatinine(day)
        self.chart.add(
            "bone_therapy_doses",
            BoneTherapyDose(id=self.chart.new_id(), date=day, agent=agent, dose_mg=dose_mg),
        )

    def _review(
        self, day: dt.date, agent: BoneAgent, reviews: int, interval: int
    ) -> ReviewDecision:
        """The yearly review (§5 ZA duration): de-escalate or stop only in VGPR or better."""
        rng = self.rng
        good = self.course.burden.at(day) <= 0.1 and not self._relapse_between(
            day - dt.timedelta(days=YEAR_DAYS), day
        )
        decision = ReviewDecision.CONTINUE
        x = rng.random()
        if good and agent is BoneAgent.ZOLEDRONIC_ACID:
            if reviews >= 2 and x < 0.4:
                decision = ReviewDecision.STOP
            elif interval == MONTHLY and x < 0.7:
                decision = ReviewDecision.DE_ESCALATE
        elif good and reviews >= 2 and x < 0.15:
            decision = ReviewDecision.STOP
        self._event(day, BoneTherapyEventKind.REVIEW, agent, decision=decision)
        if decision is ReviewDecision.DE_ESCALATE:
            self._event(day, BoneTherapyEventKind.SCHEDULE, agent, interval=DE_ESCALATED)
        return decision

    def _bridge(self, stopped: dt.date) -> dt.date | None:
        """After denosumab, ZA every 84 days from about 6 months on (D10); sometimes missed.

        Returns the stop day when no bisphosphonate followed (none is given below CrCl 30).
        """
        rng, end = self.rng, self.course.end
        day = stopped + dt.timedelta(days=rng.randint(150, 200))
        if day > end or rng.random() < 0.3:
            return stopped
        creatinine = self.disease.creatinine(day - dt.timedelta(days=1))
        dose = za_dose_mg(
            cockcroft_gault(self.age_at(day), self.weight_at(day), creatinine, self.sex)
        )
        if dose is None:
            return stopped
        self._event(
            day, BoneTherapyEventKind.SCHEDULE, BoneAgent.ZOLEDRONIC_ACID, interval=DE_ESCALATED
        )
        while day <= end:
            self._dose(day, BoneAgent.ZOLEDRONIC_ACID, dose)
            day = self._next_dose(day + dt.timedelta(days=DE_ESCALATED + rng.randint(-3, 7)))
        return None

    def _exam(
        self,
        day: dt.date,
        outcome: DentalOutcome,
        procedure: InvasiveProcedure = InvasiveProcedure.NONE,
        procedure_date: dt.date | None = None,
        note: str = "",
    ) -> None:
        self.chart.add(
            "dental_exams",
            DentalExam(
                id=self.chart.new_id(),
                date=day,
                outcome=outcome,
                invasive_procedure=procedure,
                procedure_date=procedure_date,
                note=note,
            ),
        )

    def _dental_before(self, start: dt.date) -> None:
        """Most are seen before the first dose; some only after it, a few not at all."""
        rng = self.rng
        x = rng.random()
        if x < 0.15:
            first = start - dt.timedelta(days=rng.randint(30, 60))
            self._exam(first, DentalOutcome.TREATMENT_NEEDED, note="Carious molar")
            done = start - dt.timedelta(days=rng.randint(14, 25))
            self._exam(
                done,
                DentalOutcome.TREATED,
                InvasiveProcedure.DONE,
                done,
                note="Extraction before bone therapy",
            )
        elif x < 0.9:
            self._exam(start - dt.timedelta(days=rng.randint(5, 60)), DentalOutcome.FIT)
        elif x < 0.96:
            day = start + dt.timedelta(days=rng.randint(14, 90))
            if day <= self.course.end:
                self._exam(day, DentalOutcome.FIT)

    def _dental_during(self, start: dt.date, until: dt.date) -> None:
        """Checks about every 6 months (D8); lapsed for some; a few plan an extraction."""
        rng, end = self.rng, self.course.end
        exams = [e.date for e in self.chart.entries["dental_exams"] if isinstance(e, DentalExam)]
        last = max((d for d in exams if d >= start - dt.timedelta(days=180)), default=None)
        if last is None:
            return
        stop = min(until, end)
        if self.gaps.dental:
            stop = min(stop, end - dt.timedelta(days=rng.randint(200, 330)))
        day = last + dt.timedelta(days=rng.randint(*DENTAL_INTERVAL))
        held = False
        while day <= stop:
            last = day
            if day > end - dt.timedelta(days=120) and rng.random() < 0.12:
                procedure = day + dt.timedelta(days=rng.randint(10, 60))
                self._exam(
                    day,
                    DentalOutcome.TREATMENT_NEEDED,
                    InvasiveProcedure.PLANNED,
                    procedure,
                    note="Extraction advised",
                )
                extras = self.chart.extras
                if not held and until >= end and extras.random() < HOLD_FOR_EXTRACTION_SHARE:
                    held = self._hold(day, procedure + dt.timedelta(days=extras.randint(28, 56)))
            else:
                self._exam(day, DentalOutcome.FIT)
            day += dt.timedelta(days=rng.randint(*DENTAL_INTERVAL))

    def _planned_switch(self) -> None:
        """D36: for a few on zoledronic acid, a switch to denosumab planned a few weeks ahead."""
        rng, end = self.chart.extras, self.course.end
        if rng.random() >= DENOSUMAB_SWITCH_SHARE:
            return
        self.chart.add(
            "bone_therapy_events",
            BoneTherapyEvent(
                id=self.chart.new_id(rng),
                date=end + dt.timedelta(days=rng.randint(7, 42)),
                kind=BoneTherapyEventKind.SCHEDULE,
                agent=BoneAgent.DENOSUMAB,
                interval_days=MONTHLY,
                note="Switch to denosumab planned: renal function declining",
                recorded_on=end - dt.timedelta(days=rng.randint(0, 10)),
            ),
        )

    def _hold(self, day: dt.date, resume: dt.date) -> bool:
        """D33: the ongoing course held from ``day`` around an extraction; no dose after it."""
        doses = self.chart.entries["bone_therapy_doses"]
        given = [d for d in doses if isinstance(d, BoneTherapyDose) and d.date <= day]
        if not given:
            return False
        doses[:] = given
        self.chart.add(
            "bone_therapy_events",
            BoneTherapyEvent(
                id=self.chart.new_id(self.chart.extras),
                date=day,
                kind=BoneTherapyEventKind.HOLD,
                agent=given[-1].agent,
                resume_date=resume,
                note="Held around a dental extraction",
            ),
        )
        return True

    def _supplement(self, start: dt.date, stopped: dt.date | None) -> None:
        rng, end = self.rng, self.course.end
        if start > end:
            return
        until = stopped
        if until is None and self.gaps.supplement:
            until = min(end - dt.timedelta(days=1), start + dt.timedelta(days=rng.randint(60, 200)))
        elif until is None and rng.random() < 0.05:
            until = end + dt.timedelta(days=rng.randint(30, 180))
        self.chart.add(
            "supplements",
            Supplement(
                id=self.chart.new_id(),
                start_date=start,
                end_date=max(until, start) if until is not None else None,
                calcium_mg=rng.choice(SUPPLEMENT_CALCIUM_MG),
                vitamin_d_iu=rng.choice(SUPPLEMENT_VITAMIN_D_IU),
            ),
        )

    def _vitamin_d(self, day: dt.date, supplemented: bool = False) -> None:
        base = self.disease.m.vitamin_d + (SUPPLEMENT_VITAMIN_D_RISE if supplemented else 0.0)
        value = base * (1 + jitter(self.rng, 0.12))
        self.chart.lab(day - dt.timedelta(days=self.rng.randint(0, 20)), Analyte.VITAMIN_D, value)

    def _vitamin_d_yearly(self, start: dt.date, until: dt.date) -> None:
        rng = self.rng
        days: list[dt.date] = []
        day = start + dt.timedelta(days=YEAR_DAYS + rng.randint(-40, 20))
        while day <= min(until, self.course.end):
            days.append(day)
            day += dt.timedelta(days=YEAR_DAYS + rng.randint(-40, 20))
        if self.gaps.vitamin_d and days:
            days.pop()
        for day in days:
            self._vitamin_d(day, supplemented=True)
