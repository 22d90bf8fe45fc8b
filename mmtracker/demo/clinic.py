"""Clinic contacts of one synthetic patient, and the entries that describe the course itself.

Contacts (a visit with a lab panel) come every 4 weeks on therapy, every 3
months in maintenance and every 3-6 months in SMM. Older history, before the
last ``DETAIL_DAYS``, is kept at longer intervals, as a clinic back-enters it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from mmtracker.demo.chart import jitter
from mmtracker.demo.course import YEAR_DAYS, Course
from mmtracker.demo.disease import HYPERCALCAEMIA, DiseaseRecorder
from mmtracker.logic.codes import ClinicalEventKind, MucositisScale, Phase, ResponseCategory
from mmtracker.logic.history import (
    Acknowledgement,
    ClinicalEvent,
    PhaseChange,
    ResponseAssessment,
    Transplant,
    TreatmentLine,
    Visit,
    Weight,
)

DETAIL_DAYS = 90
# Days between contacts by phase: (recent, back-entered history) ranges, within
# the monitoring intervals of clinical-rules.md §11 labs.monitoring.
ON_THERAPY = ((25, 30), (84, 98))
INTERVALS: dict[Phase, tuple[tuple[int, int], tuple[int, int]]] = {
    Phase.NDMM: ON_THERAPY,
    Phase.ASCT: ON_THERAPY,
    Phase.RELAPSE: ON_THERAPY,
    Phase.MAINTENANCE: ((80, 90), (170, 190)),
}
# SMM is never back-entered: high risk every 3 months; low risk every 4 months
# in the first year, then every 5-6 months.
SMM_HIGH_RISK = (80, 90)
SMM_LOW_RISK_FIRST_YEAR = (105, 120)
SMM_LOW_RISK = (150, 180)
# Weight is recorded at every this many contacts.
WEIGHT_EVERY = 6
# Mucositis grade shares 0-4 after melphalan 200 and 140 mg/m² (grade 3-4 about 50% and 26%, §7).
MUCOSITIS_SHARES = {200.0: (0.1, 0.15, 0.25, 0.3, 0.2), 140.0: (0.2, 0.25, 0.29, 0.18, 0.08)}
# D39: share of transplant plans still ahead that were given up (the patient declined, or unfit).
WITHDRAWN_PLAN_SHARE = 0.2
STAFF = ("L. Chen (nurse)", "M. Jansen (nurse)", "Dr. A. Rossi", "王护士", "Dr. P. Sharma")
ACKNOWLEDGE_REASONS: dict[str, tuple[str, ...]] = {
    "dental.periodic": ("Dental appointment booked", "Patient sees own dentist; letter requested"),
    "bta.next_dose": ("Dose rescheduled after holiday", "Infusion chair booked next week"),
    "bta.review": ("Review at next consultant visit",),
    "mrd.day100": ("Marrow booked with restaging", "Patient declined marrow for now"),
    "mrd.annual": ("Marrow planned with next restaging",),
    "imaging.smm_followup": ("MRI requested", "Waiting list for imaging"),
    "vitd.level": ("Added to next blood draw",),
    "supplement.ca_vitd": ("Patient restarting supplement",),
    "labs.monitoring": ("Bloods at local hospital; results awaited",),
    "bta.start": ("Dental clearance pending",),
}


@dataclass(frozen=True, slots=True)
class Contact:
    """A clinic day: M-protein, FLC and haemoglobin, and more when ``full``."""

    day: dt.date
    phase: Phase
    interval: int
    full: bool  # a visit, creatinine, immunofixation, 24-h urine: all but back-entered history
    chemistry: bool  # calcium with albumin


def detail_start(course: Course) -> dt.date:
    """The first day recorded in full detail; older history is back-entered sparsely."""
    return course.end - dt.timedelta(days=DETAIL_DAYS)


def _interval(rng: random.Random, course: Course, phase: Phase, day: dt.date, recent: bool) -> int:
    if phase is Phase.SMM:
        if course.smm_high_risk:
            return rng.randint(*SMM_HIGH_RISK)
        first_year = course.smm_start is not None and (day - course.smm_start).days < YEAR_DAYS
        return rng.randint(*(SMM_LOW_RISK_FIRST_YEAR if first_year else SMM_LOW_RISK))
    recent_range, back_range = INTERVALS[phase]
    return rng.randint(*(recent_range if recent else back_range))


def schedule(rng: random.Random, course: Course, late: bool) -> list[Contact]:
    """Contact days from the first phase to the last day; with ``late``, the last ones missed."""
    end = course.end
    detail_from = detail_start(course)
    contacts: list[Contact] = []
    # A phase's contacts stop a week before the next phase begins with its own.
    bounds = [p[0] - dt.timedelta(days=7) for p in course.phases[1:]]
    bounds.append(end + dt.timedelta(days=1))
    for (start, phase, _line), stop in zip(course.phases, bounds, strict=True):
        day, index = start, 0
        while day < stop:
            recent = day >= detail_from or phase is Phase.SMM
            interval = _interval(rng, course, phase, day, recent)
            if not recent and day + dt.timedelta(days=interval) > detail_from:
                low = INTERVALS[phase][0][0]
                interval = max(low, (detail_from - day).days + rng.randint(0, 10))
            first = index == 0
            chemistry = (first and phase is not Phase.ASCT) or (
                recent and (index % 2 == 0 or phase is Phase.MAINTENANCE)
            )
            contacts.append(Contact(day, phase, interval, recent or first, chemistry))
            day += dt.timedelta(days=interval)
            index += 1
    if late and contacts:
        last = contacts[-1]
        cutoff = end - dt.timedelta(days=last.interval + rng.randint(20, 100))
        first_of_phase = course.phases[-1][0]
        contacts = [c for c in contacts if c.day <= cutoff or c.day == first_of_phase]
    return contacts


class ClinicRecorder:
    """Writes contacts, the course entries, events and acknowledgements of one patient."""

    def __init__(self, disease: DiseaseRecorder, *, frailty: int, weight: float) -> None:
        self.disease = disease
        self.chart = disease.chart
        self.rng = disease.rng
        self.course = disease.course
        self.frailty = frailty
        self.weight = weight

    def weight_at(self, day: dt.date) -> float:
        """The patient's expected weight: a few kilograms less while the disease is active."""
        return self.weight - 3.0 * min(self.course.burden.at(day), 1.0)

    def contacts(self, contacts: list[Contact], gone: bool) -> None:
        """A lab panel at each contact; a visit (weight at every sixth) unless back-entered."""
        rng, chart = self.rng, self.chart
        for index, contact in enumerate(contacts):
            day = contact.day
            level = self.disease.panel(day, full=contact.full, chemistry=contact.chemistry)
            if not contact.full:
                continue
            is_last = index == len(contacts) - 1
            next_visit = None
            if not (is_last and gone) and rng.random() < 0.85:
                next_visit = day + dt.timedelta(days=contact.interval)
            pain = (
                rng.randint(3, 8) if level > 0.6 and self.disease.m.lesions else rng.randint(0, 2)
            )
            chart.add(
                "visits",
                Visit(
                    id=chart.new_id(),
                    date=day,
                    ecog=min(3, self.frailty + (level > 0.6) + (rng.random() < 0.1)),
                    pain=pain,
                    next_visit=next_visit,
                ),
            )
            if index % WEIGHT_EVERY == 0:
                weight = round(self.weight_at(day) + jitter(rng, 0.8), 1)
                chart.add("weights", Weight(id=chart.new_id(), date=day, weight_kg=weight))

    def course_entries(self) -> None:
        """Phase changes, treatment lines, transplants and response assessments."""
        rng, chart, course = self.rng, self.chart, self.course
        for day, phase, number in course.phases:
            chart.add(
                "phase_changes",
                PhaseChange(id=chart.new_id(), date=day, phase=phase, line_number=number),
            )
        for line in course.lines:
            chart.add(
                "treatment_lines",
                TreatmentLine(
                    id=chart.new_id(),
                    line_number=line.number,
                    regimen=line.regimen.name,
                    intent=line.intent,
                    start_date=line.start,
                    end_date=line.end,
                    drugs=line.regimen.drugs,
                ),
            )
        for graft in course.grafts:
            grade = scale = None
            melphalan: float | None = graft.melphalan
            if graft.performed is not None:
                scale = MucositisScale.WHO if rng.random() < 0.6 else MucositisScale.CTCAE
                grade = rng.choices(range(5), weights=MUCOSITIS_SHARES[graft.melphalan])[0]
                if scale is MucositisScale.CTCAE:
                    grade = max(grade, 1)
            elif rng.random() < 0.6:
                melphalan = None
            withdrawn = None
            if graft.performed is None and chart.extras.random() < WITHDRAWN_PLAN_SHARE:
                # D39: the plan given up a few weeks before its date (or on the last day seen).
                before = dt.timedelta(days=chart.extras.randint(7, 28))
                withdrawn = min(course.end, graft.planned - before)
            chart.add(
                "transplants",
                Transplant(
                    id=chart.new_id(),
                    planned_date=graft.planned,
                    performed_date=graft.performed,
                    withdrawn_date=withdrawn,
                    melphalan_mg_m2=melphalan,
                    mucositis_grade=grade,
                    mucositis_scale=scale,
                ),
            )
        assessed = [(day, course.response(day, start, rng)) for day, start in course.assessments]
        assessed += [(day, ResponseCategory.PD) for day in course.relapses]
        for day, category in assessed:
            chart.add(
                "responses", ResponseAssessment(id=chart.new_id(), date=day, category=category)
            )

    def events(self) -> None:
        """Skeletal-related events around diagnosis and relapse; hypercalcaemia at diagnosis."""
        rng, course, m = self.rng, self.course, self.disease.m
        if course.dx is None:
            return
        if m.lesions >= 3:
            for kind, share in (
                (ClinicalEventKind.PATHOLOGICAL_FRACTURE, 0.25),
                (ClinicalEventKind.RADIATION_TO_BONE, 0.1),
                (ClinicalEventKind.SPINAL_CORD_COMPRESSION, 0.03),
                (ClinicalEventKind.SURGERY_TO_BONE, 0.04),
            ):
                if rng.random() < share:
                    self._event(course.dx - dt.timedelta(days=rng.randint(0, 21)), kind)
        if m.calcium > HYPERCALCAEMIA:
            self._event(course.dx, ClinicalEventKind.HYPERCALCAEMIA, "Treated with IV fluids")
        for relapse in course.relapses:
            if rng.random() < 0.1:
                self._event(relapse, ClinicalEventKind.PATHOLOGICAL_FRACTURE, "Vertebral fracture")

    def _event(self, day: dt.date, kind: ClinicalEventKind, note: str = "") -> None:
        self.chart.add(
            "clinical_events",
            ClinicalEvent(id=self.chart.new_id(), date=day, kind=kind, note=note),
        )

    def acknowledge(self, item_id: str) -> None:
        """A nurse acknowledged a lapsed item lately, for up to 90 days."""
        rng, chart = self.rng, self.chart
        on = self.course.end - dt.timedelta(days=rng.randint(0, 45))
        chart.add(
            "acknowledgements",
            Acknowledgement(
                id=chart.new_id(),
                item_id=item_id,
                acknowledged_on=on,
                until=on + dt.timedelta(days=rng.randint(14, 90)),
                reason=rng.choice(ACKNOWLEDGE_REASONS[item_id]),
                acknowledged_by=rng.choice(STAFF),
            ),
        )
