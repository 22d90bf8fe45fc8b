"""Properties of ``assess()`` over generated histories (hypothesis).

Histories are drawn from strategies over every entry kind and are valid as the
record import would accept them (``check_patient``, ``check_entry`` and
``check_history`` find nothing). For any such history and date:

- the assessment is made without error and obeys the §11 Status definitions;
- entries dated after ``as_of`` never change it (a transplant *plan* is known as
  soon as it is written down, whatever its planned date, so only its performed
  date counts as its date);
- a snooze never hides an item outside the days an acknowledgement covers
  (acknowledged_on ≤ as_of ≤ min(until, acknowledged_on + snooze.max_days)).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from builders import policy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mmtracker.logic.assessment import Assessment, assess
from mmtracker.logic.care import Status
from mmtracker.logic.codes import (
    QUALITATIVE_ANALYTES,
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
from mmtracker.logic.dates import add_days
from mmtracker.logic.history import (
    ENTRY_KINDS,
    Acknowledgement,
    BoneTherapyDose,
    BoneTherapyEvent,
    ClinicalEvent,
    Cytogenetics,
    DentalExam,
    Entry,
    Imaging,
    LabResult,
    MrdTest,
    Patient,
    PatientHistory,
    PhaseChange,
    ResponseAssessment,
    Supplement,
    Transplant,
    TreatmentLine,
    Visit,
    Weight,
    build_history,
    entry_date,
)
from mmtracker.logic.items import ITEM_ORDER
from mmtracker.logic.policy import Policy
from mmtracker.logic.units import accepted_units, from_canonical
from mmtracker.logic.validation import (
    ALLOWED_TRANSITIONS,
    LAB_LIMITS,
    check_entry,
    check_history,
    check_patient,
)

FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2026, 6, 30)
TODAY = dt.date(2026, 12, 31)  # the validation's "today": every generated date is before it
E = TypeVar("E", bound=Entry)

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

dates = st.dates(FIRST_DAY, LAST_DAY)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def days_after(start: dt.date, most: int) -> st.SearchStrategy[dt.date]:
    return st.integers(0, most).map(lambda n: add_days(start, n))


# --- Entries (ids are given when the history is assembled) -------------------------------


@st.composite
def lab_results(draw: st.DrawFn) -> LabResult:
    analyte = draw(st.sampled_from(list(Analyte)))
    on = draw(dates)
    chain = draw(optional(st.sampled_from(list(LightChain))))
    if analyte in QUALITATIVE_ANALYTES:
        return LabResult(
            id="",
            date=on,
            analyte=analyte,
            qualitative=draw(st.sampled_from(list(Qualitative))),
            light_chain=chain,
        )
    unit = draw(st.sampled_from(accepted_units(analyte)))
    limit = LAB_LIMITS[analyte]
    margin = (limit.high - limit.low) * 1e-6

    def entered(si: float) -> float:
        return from_canonical(analyte, si, unit)

    si = draw(st.floats(limit.low + margin, limit.high - margin))
    limits = draw(optional(st.tuples(st.floats(0.1, 0.45), st.floats(0.55, 0.9))))
    low = high = None
    if limits is not None:
        span = limit.high - limit.low
        low, high = (entered(limit.low + span * f) for f in limits)
    m_protein = analyte in (Analyte.SERUM_MPROTEIN, Analyte.URINE_MPROTEIN)
    return LabResult(
        id="",
        date=on,
        analyte=analyte,
        value=entered(si),
        unit=unit,
        ref_low=low,
        ref_high=high,
        calcium_kind=draw(st.sampled_from(list(CalciumKind)))
        if analyte is Analyte.CALCIUM
        else None,
        isotype=draw(optional(st.sampled_from(list(Isotype)))) if m_protein else None,
        light_chain=chain if m_protein else None,
    )


@st.composite
def cytogenetics(draw: st.DrawFn) -> Cytogenetics:
    flag = optional(st.booleans())
    del_17p = draw(flag)
    return Cytogenetics(
        id="",
        date=draw(dates),
        method=draw(st.sampled_from(list(CytogeneticMethod))),
        del_17p=del_17p,
        del_17p_clonal_fraction=draw(optional(st.floats(0, 100))) if del_17p else None,
        tp53_mutation=draw(flag),
        t_4_14=draw(flag),
        t_14_16=draw(flag),
        t_14_20=draw(flag),
        gain_1q=draw(optional(st.sampled_from(list(CopyNumber1q)))),
        del_1p32=draw(optional(st.sampled_from(list(Del1p32)))),
        del_13q=draw(flag),
        hyperdiploid=draw(flag),
    )


@st.composite
def imaging(draw: st.DrawFn) -> Imaging:
    count = optional(st.integers(0, 12))
    return Imaging(
        id="",
        date=draw(dates),
        modality=draw(st.sampled_from(list(ImagingModality))),
        lytic_lesions=draw(count),
        mri_focal_lesions=draw(count),
        fdg_avid=draw(optional(st.booleans())),
        plasmacytoma=draw(optional(st.booleans())),
    )


@st.composite
def dental_exams(draw: st.DrawFn) -> DentalExam:
    on = draw(dates)
    procedure = draw(st.sampled_from(list(InvasiveProcedure)))
    when = None
    if procedure is InvasiveProcedure.PLANNED:
        when = draw(days_after(on, 120))
    elif procedure is InvasiveProcedure.DONE:
        when = add_days(on, -draw(st.integers(0, 60)))
    return DentalExam(
        id="",
        date=on,
        outcome=draw(st.sampled_from(list(DentalOutcome))),
        invasive_procedure=procedure,
        procedure_date=when,
    )


DOSES_MG = {BoneAgent.ZOLEDRONIC_ACID: 4.0, BoneAgent.DENOSUMAB: 120.0, BoneAgent.PAMIDRONATE: 90.0}


@st.composite
def bone_doses(draw: st.DrawFn) -> BoneTherapyDose:
    agent = draw(st.sampled_from(list(BoneAgent)))
    return BoneTherapyDose(id="", date=draw(dates), agent=agent, dose_mg=DOSES_MG[agent])


@st.composite
def bone_events(draw: st.DrawFn) -> BoneTherapyEvent:
    kind = draw(st.sampled_from(list(BoneTherapyEventKind)))
    schedule = kind is BoneTherapyEventKind.SCHEDULE
    return BoneTherapyEvent(
        id="",
        date=draw(dates),
        kind=kind,
        agent=draw(st.sampled_from(list(BoneAgent))) if schedule else None,
        interval_days=draw(st.integers(21, 180)) if schedule else None,
        decision=draw(st.sampled_from(list(ReviewDecision)))
        if kind is BoneTherapyEventKind.REVIEW
        else None,
    )


@st.composite
def supplements(draw: st.DrawFn) -> Supplement:
    start = draw(dates)
    return Supplement(
        id="",
        start_date=start,
        end_date=draw(optional(days_after(start, 400))),
        calcium_mg=500,
        vitamin_d_iu=400,
    )


@st.composite
def mrd_tests(draw: st.DrawFn) -> MrdTest:
    return MrdTest(
        id="",
        date=draw(dates),
        method=draw(st.sampled_from(list(MrdMethod))),
        sensitivity=draw(st.sampled_from([1e-4, 1e-5, 1e-6])),
        result=draw(st.sampled_from(list(MrdResult))),
    )


@st.composite
def treatment_lines(draw: st.DrawFn) -> TreatmentLine:
    start = draw(dates)
    return TreatmentLine(
        id="",
        line_number=draw(st.integers(1, 4)),
        regimen="regimen",
        intent=draw(st.sampled_from(list(TreatmentIntent))),
        start_date=start,
        end_date=draw(optional(days_after(start, 300))),
    )


@st.composite
def transplants(draw: st.DrawFn) -> Transplant:
    planned = draw(optional(dates))
    performed = draw(optional(dates)) if planned else draw(dates)
    graded = performed is not None and draw(st.booleans())
    return Transplant(
        id="",
        planned_date=planned,
        performed_date=performed,
        melphalan_mg_m2=draw(st.sampled_from([140.0, 200.0])) if performed else None,
        mucositis_grade=draw(st.integers(0, 4)) if graded else None,
        mucositis_scale=MucositisScale.WHO if graded else None,
    )


@st.composite
def visits(draw: st.DrawFn) -> Visit:
    on = draw(dates)
    return Visit(
        id="",
        date=on,
        ecog=draw(optional(st.integers(0, 4))),
        pain=draw(optional(st.integers(0, 10))),
        next_visit=draw(optional(days_after(add_days(on, 1), 120))),
    )


@st.composite
def acknowledgements(draw: st.DrawFn) -> Acknowledgement:
    on = draw(dates)
    return Acknowledgement(
        id="",
        item_id=draw(st.sampled_from(ITEM_ORDER)),
        acknowledged_on=on,
        until=draw(days_after(on, 150)),
        reason="waiting for the patient",
        acknowledged_by="nurse",
    )


@st.composite
def phase_changes(draw: st.DrawFn) -> list[PhaseChange]:
    """A sequence of phases following §11's allowed transitions, one per day."""
    days = sorted(draw(st.lists(dates, min_size=1, max_size=5, unique=True)))
    found: list[PhaseChange] = []
    line = 1
    for on in days:
        if found:
            after = sorted((b for a, b in ALLOWED_TRANSITIONS if a is found[-1].phase), key=str)
            if not after:
                break
            phase = draw(st.sampled_from(after))
        else:
            phase = draw(st.sampled_from(list(Phase)))
        number = None
        if phase is Phase.RELAPSE:
            line += 1
            number = line
        found.append(PhaseChange(id="", date=on, phase=phase, line_number=number))
    return found


def simple(cls: Callable[..., E], **extra: st.SearchStrategy[Any]) -> st.SearchStrategy[E]:
    return st.builds(cls, id=st.just(""), date=dates, **extra)


KIND_STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "weights": simple(Weight, weight_kg=st.floats(40, 120)),
    "lab_results": lab_results(),
    "cytogenetics": cytogenetics(),
    "imaging": imaging(),
    "dental_exams": dental_exams(),
    "bone_therapy_doses": bone_doses(),
    "bone_therapy_events": bone_events(),
    "supplements": supplements(),
    "mrd_tests": mrd_tests(),
    "treatment_lines": treatment_lines(),
    "transplants": transplants(),
    "responses": simple(ResponseAssessment, category=st.sampled_from(list(ResponseCategory))),
    "clinical_events": simple(ClinicalEvent, kind=st.sampled_from(list(ClinicalEventKind))),
    "visits": visits(),
    "acknowledgements": acknowledgements(),
}
MOST = {"lab_results": 25, "bone_therapy_doses": 10}


@st.composite
def patients(draw: st.DrawFn) -> Patient:
    status = draw(st.sampled_from([PatientStatus.ACTIVE] * 4 + list(PatientStatus)))
    return Patient(
        mrn="MRN-PROP",
        name="Property Patient",
        sex=draw(st.sampled_from(list(Sex))),
        date_of_birth=draw(st.dates(dt.date(1935, 1, 1), dt.date(1975, 12, 31))),
        height_cm=draw(optional(st.floats(140, 200))),
        status=status,
        status_date=None if status is PatientStatus.ACTIVE else draw(dates),
    )


def numbered(kind: str, entries: Sequence[E]) -> list[E]:
    """Entries with ids unique in the history, in the order drawn."""
    return [replace(e, id=f"{kind}-{n:03d}") for n, e in enumerate(entries)]


@st.composite
def histories(draw: st.DrawFn) -> PatientHistory:
    entries: dict[str, list[Any]] = {"phase_changes": numbered("phase", draw(phase_changes()))}
    for kind, strategy in KIND_STRATEGIES.items():
        drawn = draw(st.lists(strategy, max_size=MOST.get(kind, 4)))
        entries[kind] = numbered(kind, drawn)
    return build_history(draw(patients()), entries)


policies = st.sampled_from(
    [policy(), policy(**{"mrd.min_response": "VGPR", "lead_days": 30, "snooze.max_days": 30})]
)


def problems(history: PatientHistory) -> list[str]:
    born = history.patient.date_of_birth
    found = check_patient(history.patient, TODAY) + check_history(history)
    for kind in ENTRY_KINDS:
        for entry in history.entries(kind):
            found += check_entry(entry, born, TODAY, kind)
    return [str(p) for p in found]


# --- Properties ---------------------------------------------------------------------------


@SETTINGS
@given(histories())
def test_generated_histories_are_valid(history: PatientHistory) -> None:
    assert problems(history) == []


def check_status_rules(a: Assessment, pol: Policy) -> None:
    """The §11 Status definitions, item by item."""
    lead = pol.whole("lead_days")
    assert tuple(i.id for i in a.items) == ITEM_ORDER
    for item in a.items:
        status = item.status_beneath_snooze if item.status is Status.SNOOZED else item.status
        assert (item.severity is not None) == (status is Status.ALERT), item
        if status is Status.ALERT:  # D45: an alert has no due date, and the date it began
            assert item.due is None, item
            assert item.since is not None, item
        else:
            assert item.since is None, item
        if status is Status.OVERDUE:
            assert item.due is not None
            assert item.days_overdue == (a.as_of - item.due).days > 0, item
        elif status is Status.DUE_SOON:
            assert item.due is not None
            assert add_days(item.due, -lead) <= a.as_of <= item.due, item
        elif status is Status.OK and item.due is not None:
            assert a.as_of < add_days(item.due, -lead), item
        if item.status is Status.SNOOZED:
            assert item.snoozed_until is not None
            assert item.snoozed_until >= a.as_of, item
        if a.status is not PatientStatus.ACTIVE:
            assert item.status is Status.NOT_APPLICABLE, item


@SETTINGS
@given(histories(), dates, policies)
def test_any_valid_history_assesses_by_the_status_rules(
    history: PatientHistory, as_of: dt.date, pol: Policy
) -> None:
    check_status_rules(assess(history, as_of, pol), pol)


def own_date(entry: Entry) -> dt.date | None:
    """The date an entry happened; a transplant plan has none (it is known when written)."""
    if isinstance(entry, Transplant):
        return None if entry.planned_date else entry.performed_date
    return entry_date(entry)


def known_on(history: PatientHistory, as_of: dt.date) -> PatientHistory:
    """The history without the entries (and the status change) dated after ``as_of``."""
    patient = history.patient
    if patient.status_date is not None and patient.status_date > as_of:
        patient = replace(patient, status=PatientStatus.ACTIVE, status_date=None)
    kept = {
        kind: [e for e in history.entries(kind) if (own_date(e) or as_of) <= as_of]
        for kind in ENTRY_KINDS
    }
    return build_history(patient, kept)


@SETTINGS
@given(histories(), dates, policies)
def test_entries_dated_after_as_of_never_change_the_assessment(
    history: PatientHistory, as_of: dt.date, pol: Policy
) -> None:
    assert assess(history, as_of, pol) == assess(known_on(history, as_of), as_of, pol)


def covered(history: PatientHistory, item_id: str, on: dt.date, max_days: int) -> bool:
    """§11 Status: an acknowledgement of the item covers the day."""
    return any(
        a.item_id == item_id
        and a.acknowledged_on <= on <= min(a.until, add_days(a.acknowledged_on, max_days))
        for a in history.acknowledgements
    )


@st.composite
def snoozed_cases(draw: st.DrawFn) -> tuple[PatientHistory, dt.date]:
    """A history with acknowledgements and a day near the end of one of them."""
    history = draw(histories())
    extra = draw(st.lists(acknowledgements(), min_size=1, max_size=4))
    acks = numbered("ack-extra", extra)
    history = replace(
        history,
        acknowledgements=tuple(
            sorted((*history.acknowledgements, *acks), key=lambda a: (entry_date(a), a.id))
        ),
    )
    chosen = draw(st.sampled_from(acks))
    end = min(chosen.until, add_days(chosen.acknowledged_on, 90))
    return history, add_days(end, draw(st.integers(-2, 3)))


@SETTINGS
@given(snoozed_cases(), policies)
def test_a_snooze_never_hides_an_item_after_its_end(
    case: tuple[PatientHistory, dt.date], pol: Policy
) -> None:
    history, as_of = case
    max_days = pol.whole("snooze.max_days")
    for item in assess(history, as_of, pol).items:
        if item.status is Status.SNOOZED:
            assert covered(history, item.id, as_of, max_days), item
            assert item.snoozed_until is not None
            assert covered(history, item.id, item.snoozed_until, max_days), item


@SETTINGS
@given(snoozed_cases(), policies)
def test_an_acknowledgement_only_ever_snoozes(
    case: tuple[PatientHistory, dt.date], pol: Policy
) -> None:
    """§11 Status: an acknowledgement hides an item as snoozed or leaves it as it was;
    what shows beneath the snooze is the item's own status."""
    history, as_of = case
    bare = {i.id: i for i in assess(replace(history, acknowledgements=()), as_of, pol).items}
    for item in assess(history, as_of, pol).items:
        before = bare[item.id]
        if item.status is Status.SNOOZED:
            assert item.status_beneath_snooze is before.status
            item = replace(
                item, status=before.status, snoozed_until=None, status_beneath_snooze=None
            )
        assert item == before
