"""The history as known on a date, and the disease phase timeline (clinical-rules.md §11 Phases)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from mmtracker.logic.codes import PatientStatus, Phase
from mmtracker.logic.history import (
    BoneTherapyEvent,
    PatientHistory,
    PhaseChange,
    Transplant,
    TreatmentLine,
)
from mmtracker.logic.phase_rule import phase_in_force


def as_known_on(history: PatientHistory, as_of: dt.date) -> PatientHistory:
    """The history as it stood on ``as_of``: later entries dropped, later facts unknown.

    Plans stay (a transplant planned for next month is known today, a bone-therapy
    ``schedule`` entry dated ahead is known from the day it was recorded, §11
    Status), but a transplant performed or withdrawn, a line ended or a status
    changed after ``as_of`` is not.
    """

    def known_line(line: TreatmentLine) -> TreatmentLine:
        if line.end_date is not None and line.end_date > as_of:
            return replace(line, end_date=None)
        return line

    def known_transplant(t: Transplant) -> Transplant | None:
        if t.withdrawn_date is not None and t.withdrawn_date > as_of:
            t = replace(t, withdrawn_date=None)
        if t.performed_date is not None and t.performed_date > as_of:
            if t.planned_date is None:
                return None
            return replace(
                t,
                performed_date=None,
                melphalan_mg_m2=None,
                mucositis_grade=None,
                mucositis_scale=None,
            )
        return t

    patient = history.patient
    if patient.registered_on is not None and patient.registered_on > as_of:
        patient = replace(patient, registered_on=None)
    if patient.status_date is not None and patient.status_date > as_of:
        patient = replace(patient, status=PatientStatus.ACTIVE, status_date=None)
    transplants = tuple(t for t in map(known_transplant, history.transplants) if t is not None)
    return replace(
        history,
        patient=patient,
        phase_changes=tuple(e for e in history.phase_changes if e.date <= as_of),
        weights=tuple(e for e in history.weights if e.date <= as_of),
        lab_results=tuple(e for e in history.lab_results if e.date <= as_of),
        cytogenetics=tuple(e for e in history.cytogenetics if e.date <= as_of),
        imaging=tuple(e for e in history.imaging if e.date <= as_of),
        dental_exams=tuple(e for e in history.dental_exams if e.date <= as_of),
        bone_therapy_doses=tuple(e for e in history.bone_therapy_doses if e.date <= as_of),
        bone_therapy_events=tuple(e for e in history.bone_therapy_events if known_on(e) <= as_of),
        supplements=tuple(
            replace(e, end_date=None) if e.end_date is not None and e.end_date > as_of else e
            for e in history.supplements
            if e.start_date <= as_of
        ),
        mrd_tests=tuple(e for e in history.mrd_tests if e.date <= as_of),
        treatment_lines=tuple(
            known_line(e) for e in history.treatment_lines if e.start_date <= as_of
        ),
        transplants=transplants,
        responses=tuple(e for e in history.responses if e.date <= as_of),
        clinical_events=tuple(e for e in history.clinical_events if e.date <= as_of),
        visits=tuple(e for e in history.visits if e.date <= as_of),
        acknowledgements=tuple(e for e in history.acknowledgements if e.acknowledged_on <= as_of),
    )


def known_on(event: BoneTherapyEvent) -> dt.date:
    """The day a bone-therapy event becomes known: its date, or for a plan dated ahead the day recorded."""
    if event.recorded_on is not None and event.recorded_on < event.date:
        return event.recorded_on
    return event.date


def next_known_date(history: PatientHistory, as_of: dt.date) -> dt.date | None:
    """The first date after ``as_of`` on which :func:`as_known_on` reveals more, or None.

    It mirrors every filter of :func:`as_known_on`: an entry dated later, a line or
    supplement starting or ending later, a transplant performed later, a status
    changed later, an acknowledgement made later. Until that date the history as
    known stays exactly the same.
    """
    dated = (
        history.phase_changes,
        history.weights,
        history.lab_results,
        history.cytogenetics,
        history.imaging,
        history.dental_exams,
        history.bone_therapy_doses,
        history.mrd_tests,
        history.responses,
        history.clinical_events,
        history.visits,
    )
    days: list[dt.date | None] = [e.date for entries in dated for e in entries]
    days += [known_on(e) for e in history.bone_therapy_events]
    days += [e.start_date for e in history.supplements]
    days += [e.end_date for e in history.supplements]
    days += [e.start_date for e in history.treatment_lines]
    days += [e.end_date for e in history.treatment_lines]
    days += [t.performed_date for t in history.transplants]
    days += [t.withdrawn_date for t in history.transplants]
    days += [e.acknowledged_on for e in history.acknowledgements]
    days.append(history.patient.status_date)
    days.append(history.patient.registered_on)
    return min((d for d in days if d is not None and d > as_of), default=None)


@dataclass(frozen=True, slots=True)
class PhaseTimeline:
    """Phase changes up to a date, and the facts the rules ask of them."""

    changes: tuple[PhaseChange, ...]

    @property
    def current(self) -> PhaseChange | None:
        """The phase in force (the latest change), or None before any."""
        return self.changes[-1] if self.changes else None

    @property
    def phase(self) -> Phase | None:
        return self.current.phase if self.current else None

    @property
    def active_mm(self) -> bool:
        """§11: active MM = any phase but SMM."""
        return self.phase is not None and self.phase is not Phase.SMM

    def first(self, phase: Phase) -> PhaseChange | None:
        """The first change into ``phase``."""
        return next((c for c in self.changes if c.phase is phase), None)

    def latest(self, phase: Phase) -> PhaseChange | None:
        """The latest change into ``phase``."""
        return next((c for c in reversed(self.changes) if c.phase is phase), None)

    def phase_on(self, day: dt.date) -> Phase | None:
        """The phase in force on a day."""
        return phase_in_force(((c.date, c.phase) for c in self.changes), day)


def timeline(history: PatientHistory) -> PhaseTimeline:
    """The phase timeline of a (date-truncated) history."""
    return PhaseTimeline(tuple(sorted(history.phase_changes, key=lambda c: c.date)))


def closed_since(history: PatientHistory) -> dt.date | None:
    """§11: the date a deceased or transferred-out patient left care, else None."""
    if history.patient.status is PatientStatus.ACTIVE:
        return None
    return history.patient.status_date
