"""The immutable patient history the clinical rules read.

One frozen dataclass per entry kind of the record. Field names are the
record format's keys and the database's column names, so one name means one
thing from the JSON file to the rules. Values are stored as entered (number
plus unit code); :mod:`mmtracker.logic.units` derives the canonical SI value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from mmtracker.logic.codes import (
    Analyte,
    BoneAgent,
    BoneTherapyEventKind,
    CalciumKind,
    ClinicalEventKind,
    CopyNumber1q,
    CytogeneticMethod,
    Del1p32,
    DentalOutcome,
    ImagingModality,
    InvasiveProcedure,
    Isotype,
    LightChain,
    MrdMethod,
    MrdResult,
    MucositisScale,
    PatientStatus,
    Phase,
    Qualitative,
    ResponseCategory,
    ReviewDecision,
    Sex,
    TreatmentIntent,
)

IMWG_2016 = "IMWG 2016"


@dataclass(frozen=True, slots=True, kw_only=True)
class Patient:
    """Demographics and status; ``height_cm`` may be unknown.

    ``registered_on`` (D24) is the day the patient was created (the bookkeeping
    ``created_at``), None where unknown; it is derived, not a field of its own.
    """

    mrn: str
    name: str
    sex: Sex
    date_of_birth: dt.date
    height_cm: float | None = None
    status: PatientStatus = PatientStatus.ACTIVE
    status_date: dt.date | None = None
    registered_on: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PhaseChange:
    """Entry into a disease phase; ``line_number`` counts treatment lines at RELAPSE."""

    id: str
    date: dt.date
    phase: Phase
    line_number: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Weight:
    id: str
    date: dt.date
    weight_kg: float


@dataclass(frozen=True, slots=True, kw_only=True)
class LabResult:
    """One laboratory value as entered, with the lab's own limits in the same unit.

    ``time`` is the sample's time of day when it was recorded; of two samples on one
    day, the later is the latest (an untimed one counts as the day's first).
    """

    id: str
    date: dt.date
    time: dt.time | None = None
    analyte: Analyte
    value: float | None = None
    unit: str | None = None
    qualitative: Qualitative | None = None
    ref_low: float | None = None
    ref_high: float | None = None
    calcium_kind: CalciumKind | None = None
    isotype: Isotype | None = None
    light_chain: LightChain | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Cytogenetics:
    """FISH/karyotype findings; ``None`` means not tested."""

    id: str
    date: dt.date
    method: CytogeneticMethod = CytogeneticMethod.FISH
    del_17p: bool | None = None
    del_17p_clonal_fraction: float | None = None
    tp53_mutation: bool | None = None
    t_4_14: bool | None = None
    t_14_16: bool | None = None
    t_14_20: bool | None = None
    gain_1q: CopyNumber1q | None = None
    del_1p32: Del1p32 | None = None
    del_13q: bool | None = None
    hyperdiploid: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Imaging:
    id: str
    date: dt.date
    modality: ImagingModality
    lytic_lesions: int | None = None
    mri_focal_lesions: int | None = None
    fdg_avid: bool | None = None
    plasmacytoma: bool | None = None
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DentalExam:
    id: str
    date: dt.date
    outcome: DentalOutcome
    invasive_procedure: InvasiveProcedure = InvasiveProcedure.NONE
    procedure_date: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class BoneTherapyDose:
    id: str
    date: dt.date
    agent: BoneAgent
    dose_mg: float
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class BoneTherapyEvent:
    """Schedule change, review, stop, hold, or 'declined / contraindicated'.

    A ``schedule`` entry may be dated ahead (its planned start, D36); it is known
    from ``recorded_on``, the day it was recorded (derived from the bookkeeping
    ``created_at``; None: known from its date). A ``hold`` carries the expected
    ``resume_date`` (D33; None: hold + ``bta.hold_days``).
    """

    id: str
    date: dt.date
    kind: BoneTherapyEventKind
    agent: BoneAgent | None = None
    interval_days: int | None = None
    decision: ReviewDecision | None = None
    resume_date: dt.date | None = None
    note: str = ""
    recorded_on: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Supplement:
    """A calcium and vitamin D supplement period; open-ended while ``end_date`` is None."""

    id: str
    start_date: dt.date
    end_date: dt.date | None = None
    calcium_mg: float | None = None
    vitamin_d_iu: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MrdTest:
    id: str
    date: dt.date
    method: MrdMethod
    sensitivity: float
    result: MrdResult


@dataclass(frozen=True, slots=True, kw_only=True)
class TreatmentLine:
    id: str
    line_number: int
    regimen: str
    intent: TreatmentIntent
    start_date: dt.date
    end_date: dt.date | None = None
    drugs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Transplant:
    """An autologous transplant, planned and/or performed, or a plan given up (``withdrawn_date``, D39)."""

    id: str
    planned_date: dt.date | None = None
    performed_date: dt.date | None = None
    withdrawn_date: dt.date | None = None
    melphalan_mg_m2: float | None = None
    mucositis_grade: int | None = None
    mucositis_scale: MucositisScale | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ResponseAssessment:
    id: str
    date: dt.date
    category: ResponseCategory
    criteria: str = IMWG_2016
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ClinicalEvent:
    """A skeletal-related event, a hypercalcaemia episode (D11) or a new plasmacytoma (D27)."""

    id: str
    date: dt.date
    kind: ClinicalEventKind
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Visit:
    id: str
    date: dt.date
    ecog: int | None = None
    pain: int | None = None
    note: str = ""
    next_visit: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Acknowledgement:
    """A care item acknowledged or snoozed until ``until`` (inclusive), with a reason.

    D40: the finding acknowledged — its message id, alert severity (None for a
    scheduled item), the ids of the entries it cites and its due date. An
    acknowledgement made before findings were stored has ``finding_message_id``
    None and covers the item as §11 Status did before D40.
    """

    id: str
    item_id: str
    acknowledged_on: dt.date
    until: dt.date
    reason: str
    acknowledged_by: str
    finding_message_id: str | None = None
    finding_severity: str | None = None
    finding_cites: tuple[str, ...] = ()
    finding_due: dt.date | None = None


Entry = (
    PhaseChange
    | Weight
    | LabResult
    | Cytogenetics
    | Imaging
    | DentalExam
    | BoneTherapyDose
    | BoneTherapyEvent
    | Supplement
    | MrdTest
    | TreatmentLine
    | Transplant
    | ResponseAssessment
    | ClinicalEvent
    | Visit
    | Acknowledgement
)

_E = TypeVar("_E", bound=Entry)

# Entry kind name (record key, PatientHistory attribute) -> entry type.
ENTRY_KINDS: dict[str, type[Entry]] = {
    "phase_changes": PhaseChange,
    "weights": Weight,
    "lab_results": LabResult,
    "cytogenetics": Cytogenetics,
    "imaging": Imaging,
    "dental_exams": DentalExam,
    "bone_therapy_doses": BoneTherapyDose,
    "bone_therapy_events": BoneTherapyEvent,
    "supplements": Supplement,
    "mrd_tests": MrdTest,
    "treatment_lines": TreatmentLine,
    "transplants": Transplant,
    "responses": ResponseAssessment,
    "clinical_events": ClinicalEvent,
    "visits": Visit,
    "acknowledgements": Acknowledgement,
}

# Date fields that may lie in the future: plans and appointments, not findings.
FUTURE_DATE_FIELDS = frozenset(
    {
        "planned_date",
        "next_visit",
        "until",
        "procedure_date",
        "end_date",
        "resume_date",
        "finding_due",
    }
)

# Fields derived from the bookkeeping ``created_at`` (a day), not stored or written as fields.
DERIVED_FIELDS = frozenset({"registered_on", "recorded_on"})


def entry_date(entry: Entry) -> dt.date:
    """The date an entry is ordered by: when it happened, or its plan date."""
    if isinstance(entry, Supplement):
        return entry.start_date
    if isinstance(entry, TreatmentLine):
        return entry.start_date
    if isinstance(entry, Transplant):
        found = entry.performed_date or entry.planned_date
        return found if found is not None else dt.date.min
    if isinstance(entry, Acknowledgement):
        return entry.acknowledged_on
    return entry.date


def entry_order(entry: Entry) -> tuple[dt.date, dt.time, str]:
    """The key each kind is ordered by: date, a lab sample's time (untimed first), id."""
    time = entry.time if isinstance(entry, LabResult) else None
    return entry_date(entry), dt.time.min if time is None else time, entry.id


def _ordered(entries: Iterable[_E]) -> tuple[_E, ...]:
    return tuple(sorted(entries, key=entry_order))


@dataclass(frozen=True, slots=True, kw_only=True)
class PatientHistory:
    """Everything recorded about one patient, each kind ordered by :func:`entry_order`."""

    patient: Patient
    phase_changes: tuple[PhaseChange, ...] = ()
    weights: tuple[Weight, ...] = ()
    lab_results: tuple[LabResult, ...] = ()
    cytogenetics: tuple[Cytogenetics, ...] = ()
    imaging: tuple[Imaging, ...] = ()
    dental_exams: tuple[DentalExam, ...] = ()
    bone_therapy_doses: tuple[BoneTherapyDose, ...] = ()
    bone_therapy_events: tuple[BoneTherapyEvent, ...] = ()
    supplements: tuple[Supplement, ...] = ()
    mrd_tests: tuple[MrdTest, ...] = ()
    treatment_lines: tuple[TreatmentLine, ...] = ()
    transplants: tuple[Transplant, ...] = ()
    responses: tuple[ResponseAssessment, ...] = ()
    clinical_events: tuple[ClinicalEvent, ...] = ()
    visits: tuple[Visit, ...] = ()
    acknowledgements: tuple[Acknowledgement, ...] = ()

    def entries(self, kind: str) -> tuple[Entry, ...]:
        """The entries of one kind by its record name."""
        found: tuple[Entry, ...] = getattr(self, kind)
        return found


def build_history(patient: Patient, entries: Mapping[str, Iterable[Entry]]) -> PatientHistory:
    """Assemble a history from entries grouped by kind, each kind ordered by :func:`entry_order`."""
    unknown = set(entries) - set(ENTRY_KINDS)
    if unknown:
        raise KeyError(f"unknown entry kinds: {sorted(unknown)}")
    ordered: dict[str, Any] = {kind: _ordered(items) for kind, items in entries.items()}
    return PatientHistory(patient=patient, **ordered)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(entry_type: type) -> tuple[str, ...]:
    """The field names of an entry type (or Patient), in declaration order."""
    found = _FIELD_NAMES.get(entry_type)
    if found is None:
        found = _FIELD_NAMES[entry_type] = tuple(f.name for f in fields(entry_type))
    return found
