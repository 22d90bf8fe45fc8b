"""Entry sanity limits (ARCHITECTURE.md) and phase transitions (clinical-rules.md §11 Phases).

The limits and the transitions are written out here from the documents, not read
from the code, so a drifting constant fails a test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from mmtracker.logic.codes import (
    Analyte,
    BoneAgent,
    BoneTherapyEventKind,
    CalciumKind,
    PatientStatus,
    Phase,
    Qualitative,
    ReviewDecision,
    Sex,
)
from mmtracker.logic.history import (
    Acknowledgement,
    BoneTherapyEvent,
    LabResult,
    Patient,
    PhaseChange,
    Transplant,
    Visit,
    Weight,
)
from mmtracker.logic.parsing import Problem
from mmtracker.logic.validation import check_entry, check_patient, check_phase_sequence

TODAY = dt.date(2025, 6, 15)
BORN = dt.date(1950, 3, 1)
JUST = 0.01  # how far outside a limit "just outside" is

PATIENT = Patient(mrn="MRN-1", name="Test Patient", sex=Sex.FEMALE, date_of_birth=BORN)


def lab(analyte: Analyte, value: float, unit: str, **extra: object) -> LabResult:
    if analyte is Analyte.CALCIUM:
        extra.setdefault("calcium_kind", CalciumKind.TOTAL)
    return LabResult(
        id="lab-1",
        date=TODAY,
        analyte=analyte,
        value=value,
        unit=unit,
        **extra,
    )


def only_problem(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


# ARCHITECTURE.md "Entry sanity limits": (name, analyte, low, high, unit code, as printed).
LAB_LIMITS_FROM_DOC = [
    ("calcium", Analyte.CALCIUM, 0.5, 6, "mmol/L", "0.5–6 mmol/L"),
    ("creatinine", Analyte.CREATININE, 10, 3000, "umol/L", "10–3000 µmol/L"),
    ("hemoglobin", Analyte.HEMOGLOBIN, 20, 250, "g/L", "20–250 g/L"),
    ("serum M-protein", Analyte.SERUM_MPROTEIN, 0, 150, "g/L", "0–150 g/L"),
    ("FLC kappa", Analyte.FLC_KAPPA, 0, 100000, "mg/L", "0–100000 mg/L"),
    ("FLC lambda", Analyte.FLC_LAMBDA, 0, 100000, "mg/L", "0–100000 mg/L"),
    ("BMPC", Analyte.BMPC, 0, 100, "%", "0–100 %"),
    ("albumin", Analyte.ALBUMIN, 5, 70, "g/L", "5–70 g/L"),
    ("β2M", Analyte.B2M, 0, 100, "mg/L", "0–100 mg/L"),
    ("LDH", Analyte.LDH, 10, 20000, "U/L", "10–20000 U/L"),
    ("25-OH vitamin D", Analyte.VITAMIN_D, 0, 500, "nmol/L", "0–500 nmol/L"),
]


def _edges(
    rows: list[tuple[str, Analyte, float, float, str, str]],
) -> tuple[list[object], list[object]]:
    accepted: list[object] = []
    refused: list[object] = []
    for name, analyte, low, high, unit, printed in rows:
        label = f"{name} {low:g}-{high:g} {unit}"
        accepted.append(pytest.param(analyte, low, unit, id=f"{label} low edge"))
        accepted.append(pytest.param(analyte, high, unit, id=f"{label} high edge"))
        refused.append(pytest.param(analyte, low - JUST, unit, printed, id=f"{label} below low"))
        refused.append(pytest.param(analyte, high + JUST, unit, printed, id=f"{label} above high"))
    return accepted, refused


LAB_ACCEPTED, LAB_REFUSED = _edges(LAB_LIMITS_FROM_DOC)


@pytest.mark.parametrize(("analyte", "value", "unit"), LAB_ACCEPTED)
def test_lab_value_on_the_limit_is_accepted(analyte: Analyte, value: float, unit: str) -> None:
    assert check_entry(lab(analyte, value, unit), BORN, TODAY) == []


@pytest.mark.parametrize(("analyte", "value", "unit", "printed"), LAB_REFUSED)
def test_lab_value_just_outside_the_limit_is_refused_naming_the_range(
    analyte: Analyte, value: float, unit: str, printed: str
) -> None:
    problem = only_problem(check_entry(lab(analyte, value, unit), BORN, TODAY))
    assert problem.path == "value"
    assert printed in problem.message


@pytest.mark.parametrize("name", ["ref_low", "ref_high"])
def test_lab_reference_limits_obey_the_same_sanity_range(name: str) -> None:
    entry = lab(Analyte.CALCIUM, 2.4, "mmol/L", **{name: 6.5})
    problems = [p for p in check_entry(entry, BORN, TODAY) if p.path == name]
    assert len(problems) == 1
    assert "0.5–6 mmol/L" in problems[0].message


# Conventional units are converted (clinical-rules.md §9) before the SI range is applied.
CONVERTED = [
    # calcium mg/dL × 0.2495: 24.04 mg/dL = 5.998 mmol/L; 24.1 mg/dL = 6.013 mmol/L
    pytest.param(Analyte.CALCIUM, 24.04, "mg/dL", True, id="calcium 24.04 mg/dL = 5.998 mmol/L"),
    pytest.param(Analyte.CALCIUM, 24.1, "mg/dL", False, id="calcium 24.1 mg/dL = 6.013 mmol/L"),
    pytest.param(Analyte.CALCIUM, 2.0, "mg/dL", False, id="calcium 2.0 mg/dL = 0.499 mmol/L"),
    # creatinine mg/dL × 88.4: 33.9 mg/dL = 2996.8 µmol/L; 34 mg/dL = 3005.6 µmol/L
    pytest.param(Analyte.CREATININE, 33.9, "mg/dL", True, id="creatinine 33.9 mg/dL accepted"),
    pytest.param(Analyte.CREATININE, 34.0, "mg/dL", False, id="creatinine 34 mg/dL refused"),
    # hemoglobin g/dL × 10; mmol/L: g/dL × 0.6206 = mmol/L (100 g/L ≈ 6.2 mmol/L)
    pytest.param(Analyte.HEMOGLOBIN, 25.0, "g/dL", True, id="hemoglobin 25 g/dL = 250 g/L"),
    pytest.param(Analyte.HEMOGLOBIN, 25.1, "g/dL", False, id="hemoglobin 25.1 g/dL = 251 g/L"),
    pytest.param(Analyte.HEMOGLOBIN, 6.2, "mmol/L", True, id="hemoglobin 6.2 mmol/L = 100 g/L"),
    pytest.param(Analyte.HEMOGLOBIN, 1.2, "mmol/L", False, id="hemoglobin 1.2 mmol/L = 19 g/L"),
    pytest.param(Analyte.HEMOGLOBIN, 16.0, "mmol/L", False, id="hemoglobin 16 mmol/L = 258 g/L"),
    # albumin g/dL × 10: 3.5 g/dL = 35 g/L is fine although 3.5 < 5; 7.5 g/dL = 75 g/L is not
    pytest.param(Analyte.ALBUMIN, 3.5, "g/dL", True, id="albumin 3.5 g/dL = 35 g/L"),
    pytest.param(Analyte.ALBUMIN, 7.5, "g/dL", False, id="albumin 7.5 g/dL = 75 g/L"),
    # serum M-protein g/dL × 10
    pytest.param(Analyte.SERUM_MPROTEIN, 15.0, "g/dL", True, id="M-protein 15 g/dL = 150 g/L"),
    pytest.param(Analyte.SERUM_MPROTEIN, 15.1, "g/dL", False, id="M-protein 15.1 g/dL = 151 g/L"),
    # FLC mg/dL × 10
    pytest.param(Analyte.FLC_KAPPA, 10000.0, "mg/dL", True, id="FLC 10000 mg/dL = 100000 mg/L"),
    pytest.param(Analyte.FLC_LAMBDA, 10001.0, "mg/dL", False, id="FLC 10001 mg/dL = 100010 mg/L"),
    # 25-OH vitamin D ng/mL × 2.496
    pytest.param(Analyte.VITAMIN_D, 200.0, "ng/mL", True, id="vitamin D 200 ng/mL = 499.2 nmol/L"),
    pytest.param(Analyte.VITAMIN_D, 201.0, "ng/mL", False, id="vitamin D 201 ng/mL = 501.7 nmol/L"),
    # LDH 1 µkat/L = 60 U/L
    pytest.param(Analyte.LDH, 0.2, "ukat/L", True, id="LDH 0.2 µkat/L = 12 U/L"),
    pytest.param(Analyte.LDH, 0.1, "ukat/L", False, id="LDH 0.1 µkat/L = 6 U/L"),
    pytest.param(Analyte.LDH, 334.0, "ukat/L", False, id="LDH 334 µkat/L = 20040 U/L"),
    # β2M mg/L = µg/mL
    pytest.param(Analyte.B2M, 100.0, "ug/mL", True, id="β2M 100 µg/mL = 100 mg/L"),
    pytest.param(Analyte.B2M, 100.5, "ug/mL", False, id="β2M 100.5 µg/mL = 100.5 mg/L"),
]


@pytest.mark.parametrize(("analyte", "value", "unit", "accepted"), CONVERTED)
def test_value_in_another_unit_is_converted_before_the_check(
    analyte: Analyte, value: float, unit: str, accepted: bool
) -> None:
    problems = check_entry(lab(analyte, value, unit), BORN, TODAY)
    if accepted:
        assert problems == []
    else:
        problem = only_problem(problems)
        assert problem.path == "value"
        assert "accepted range" in problem.message


def test_refusal_in_another_unit_shows_the_converted_value() -> None:
    problem = only_problem(check_entry(lab(Analyte.CALCIUM, 24.1, "mg/dL"), BORN, TODAY))
    assert "24.1 mg/dL" in problem.message
    assert "6.013 mmol/L" in problem.message
    assert "0.5–6 mmol/L" in problem.message


@pytest.mark.parametrize(
    ("analyte", "unit", "accepted_units"),
    [
        pytest.param(Analyte.CALCIUM, "mmol/l", ("mmol/L", "mg/dL"), id="calcium unit case"),
        pytest.param(Analyte.CALCIUM, "g/L", ("mmol/L", "mg/dL"), id="calcium in g/L"),
        pytest.param(Analyte.CREATININE, "mmol/L", ("umol/L", "mg/dL"), id="creatinine mmol/L"),
        pytest.param(Analyte.HEMOGLOBIN, "mg/dL", ("g/L", "g/dL"), id="hemoglobin mg/dL"),
    ],
)
def test_unknown_unit_is_refused_listing_the_accepted_units(
    analyte: Analyte, unit: str, accepted_units: tuple[str, ...]
) -> None:
    problem = only_problem(check_entry(lab(analyte, 1.0, unit), BORN, TODAY))
    assert problem.path == "unit"
    for code in accepted_units:
        assert code in problem.message


def test_quantitative_lab_without_a_value_is_refused() -> None:
    entry = replace(lab(Analyte.CREATININE, 80, "umol/L"), value=None)
    assert [p.path for p in check_entry(entry, BORN, TODAY)] == ["value"]


def test_immunofixation_needs_a_qualitative_result_and_no_number() -> None:
    ife = LabResult(id="ife", date=TODAY, analyte=Analyte.SERUM_IFE)
    assert [p.path for p in check_entry(ife, BORN, TODAY)] == ["qualitative"]
    ok = replace(ife, qualitative=Qualitative.NEGATIVE)
    assert check_entry(ok, BORN, TODAY) == []
    with_number = replace(ok, value=1.0, unit="g/L")
    assert {p.path for p in check_entry(with_number, BORN, TODAY)} == {"value", "unit"}


def test_calcium_needs_its_kind_and_other_analytes_refuse_one() -> None:
    calcium = replace(lab(Analyte.CALCIUM, 2.4, "mmol/L"), calcium_kind=None)
    assert [p.path for p in check_entry(calcium, BORN, TODAY)] == ["calcium_kind"]
    albumin = lab(Analyte.ALBUMIN, 40, "g/L", calcium_kind=CalciumKind.TOTAL)
    assert [p.path for p in check_entry(albumin, BORN, TODAY)] == ["calcium_kind"]


# Weight 20–300 kg and height 100–230 cm.
@pytest.mark.parametrize(
    ("weight", "accepted"),
    [
        pytest.param(20.0, True, id="weight 20-300 kg low edge"),
        pytest.param(300.0, True, id="weight 20-300 kg high edge"),
        pytest.param(20.0 - JUST, False, id="weight 20-300 kg below low"),
        pytest.param(300.0 + JUST, False, id="weight 20-300 kg above high"),
    ],
)
def test_weight_limits(weight: float, accepted: bool) -> None:
    problems = check_entry(Weight(id="w", date=TODAY, weight_kg=weight), BORN, TODAY)
    if accepted:
        assert problems == []
    else:
        problem = only_problem(problems)
        assert problem.path == "weight_kg"
        assert "20–300 kg" in problem.message


@pytest.mark.parametrize(
    ("height", "accepted"),
    [
        pytest.param(100.0, True, id="height 100-230 cm low edge"),
        pytest.param(230.0, True, id="height 100-230 cm high edge"),
        pytest.param(100.0 - JUST, False, id="height 100-230 cm below low"),
        pytest.param(230.0 + JUST, False, id="height 100-230 cm above high"),
    ],
)
def test_height_limits(height: float, accepted: bool) -> None:
    problems = check_patient(replace(PATIENT, height_cm=height), TODAY)
    if accepted:
        assert problems == []
    else:
        problem = only_problem(problems)
        assert problem.path == "height_cm"
        assert "100–230 cm" in problem.message


# Dates: not in the future and not before the date of birth.
@pytest.mark.parametrize(
    ("date", "accepted", "words"),
    [
        pytest.param(TODAY, True, "", id="date today accepted"),
        pytest.param(TODAY + dt.timedelta(days=1), False, "future", id="date tomorrow refused"),
        pytest.param(BORN, True, "", id="date of birth accepted"),
        pytest.param(
            BORN - dt.timedelta(days=1), False, "date of birth", id="day before birth refused"
        ),
    ],
)
def test_entry_date_limits(date: dt.date, accepted: bool, words: str) -> None:
    problems = check_entry(Weight(id="w", date=date, weight_kg=70), BORN, TODAY)
    if accepted:
        assert problems == []
    else:
        problem = only_problem(problems)
        assert problem.path == "date"
        assert words in problem.message


def test_a_planned_date_may_lie_in_the_future_but_a_performed_one_may_not() -> None:
    later = TODAY + dt.timedelta(days=40)
    assert check_entry(Transplant(id="t", planned_date=later), BORN, TODAY) == []
    performed = Transplant(id="t", performed_date=later)
    assert [p.path for p in check_entry(performed, BORN, TODAY)] == ["performed_date"]
    visit = Visit(id="v", date=TODAY, next_visit=later)
    assert check_entry(visit, BORN, TODAY) == []


def test_planned_date_before_birth_is_still_refused() -> None:
    early = Transplant(id="t", planned_date=BORN - dt.timedelta(days=1))
    assert [p.path for p in check_entry(early, BORN, TODAY)] == ["planned_date"]


def test_nested_path_is_prefixed() -> None:
    entry = Weight(id="w", date=TODAY, weight_kg=500)
    problem = only_problem(check_entry(entry, BORN, TODAY, "weights[2]"))
    assert problem.path == "weights[2].weight_kg"


def test_patient_born_in_the_future_is_refused() -> None:
    future = replace(PATIENT, date_of_birth=TODAY + dt.timedelta(days=1))
    assert [p.path for p in check_patient(future, TODAY)] == ["date_of_birth"]


@pytest.mark.parametrize(
    ("status", "status_date", "path"),
    [
        pytest.param(PatientStatus.DECEASED, None, "status_date", id="deceased without a date"),
        pytest.param(PatientStatus.ACTIVE, TODAY, "status_date", id="active with a date"),
        pytest.param(
            PatientStatus.TRANSFERRED,
            TODAY + dt.timedelta(days=1),
            "status_date",
            id="transferred tomorrow",
        ),
        pytest.param(
            PatientStatus.DECEASED,
            BORN - dt.timedelta(days=1),
            "status_date",
            id="deceased before birth",
        ),
        pytest.param(PatientStatus.DECEASED, TODAY, None, id="deceased today accepted"),
    ],
)
def test_patient_status_date(
    status: PatientStatus, status_date: dt.date | None, path: str | None
) -> None:
    problems = check_patient(replace(PATIENT, status=status, status_date=status_date), TODAY)
    assert [p.path for p in problems] == ([path] if path else [])


@pytest.mark.parametrize(
    ("mrn", "name"),
    [
        pytest.param("", "A Name", id="empty MRN"),
        pytest.param("   ", "A Name", id="blank MRN"),
        pytest.param("x" * 65, "A Name", id="MRN of 65 characters"),
        pytest.param("MRN", "", id="empty name"),
    ],
)
def test_patient_identity_is_required(mrn: str, name: str) -> None:
    assert check_patient(replace(PATIENT, mrn=mrn, name=name), TODAY) != []


# clinical-rules.md §11 Phases: the main path and the transitions "allowed besides".
P = Phase
ALLOWED_FROM_DOC = [
    (P.SMM, P.NDMM),
    (P.NDMM, P.ASCT),
    (P.ASCT, P.MAINTENANCE),
    (P.MAINTENANCE, P.RELAPSE),
    (P.NDMM, P.MAINTENANCE),
    (P.NDMM, P.RELAPSE),
    (P.ASCT, P.ASCT),
    (P.ASCT, P.RELAPSE),
    (P.RELAPSE, P.ASCT),
    (P.RELAPSE, P.MAINTENANCE),
    (P.RELAPSE, P.RELAPSE),
]
DISALLOWED = [
    (a, b) for a in Phase for b in Phase if (a, b) not in ALLOWED_FROM_DOC and a is not b
] + [(P.SMM, P.SMM), (P.NDMM, P.NDMM), (P.MAINTENANCE, P.MAINTENANCE)]


def change(phase: Phase, date: dt.date, line: int | None = None, cid: str = "") -> PhaseChange:
    if phase is Phase.RELAPSE and line is None:
        line = 2
    return PhaseChange(id=cid or f"{phase.value}-{date}", date=date, phase=phase, line_number=line)


def _pair(before: Phase, after: Phase) -> list[PhaseChange]:
    first = change(before, dt.date(2020, 1, 1), 2 if before is Phase.RELAPSE else None)
    second = change(after, dt.date(2021, 1, 1), 3 if after is Phase.RELAPSE else None)
    return [first, second]


@pytest.mark.parametrize(
    ("before", "after"), [pytest.param(a, b, id=f"{a} → {b}") for a, b in ALLOWED_FROM_DOC]
)
def test_allowed_phase_transition(before: Phase, after: Phase) -> None:
    changes = _pair(before, after)
    assert check_phase_sequence(changes) == []
    for entry in changes:
        assert check_entry(entry, BORN, TODAY) == []


def test_disallowed_table_is_the_rest_of_the_grid() -> None:
    assert len(ALLOWED_FROM_DOC) + len(set(DISALLOWED)) == len(Phase) ** 2


@pytest.mark.parametrize(
    ("before", "after"), [pytest.param(a, b, id=f"{a} → {b}") for a, b in DISALLOWED]
)
def test_disallowed_phase_transition_is_refused_naming_what_may_follow(
    before: Phase, after: Phase
) -> None:
    problem = only_problem(check_phase_sequence(_pair(before, after)))
    assert problem.path == "phase_changes.phase"
    assert f"{before.value} → {after.value}" in problem.message
    may_follow = sorted(b.value for a, b in ALLOWED_FROM_DOC if a is before)
    if may_follow:
        assert ", ".join(may_follow) in problem.message


def test_any_phase_may_come_first() -> None:
    for phase in Phase:
        assert check_phase_sequence([change(phase, dt.date(2020, 1, 1))]) == []


def test_the_whole_course_of_the_disease_is_accepted_in_any_input_order() -> None:
    course = [
        change(P.SMM, dt.date(2018, 1, 1)),
        change(P.NDMM, dt.date(2019, 1, 1)),
        change(P.ASCT, dt.date(2019, 6, 1)),
        change(P.ASCT, dt.date(2019, 12, 1)),
        change(P.MAINTENANCE, dt.date(2020, 2, 1)),
        change(P.RELAPSE, dt.date(2022, 2, 1), 2),
        change(P.RELAPSE, dt.date(2023, 2, 1), 3),
        change(P.ASCT, dt.date(2023, 6, 1)),
        change(P.MAINTENANCE, dt.date(2023, 9, 1)),
    ]
    assert check_phase_sequence(list(reversed(course))) == []


def test_two_phase_changes_on_one_day_are_refused() -> None:
    day = dt.date(2020, 1, 1)
    problems = check_phase_sequence([change(P.SMM, day, cid="a"), change(P.NDMM, day, cid="b")])
    assert [p.path for p in problems] == ["phase_changes.date"]


@pytest.mark.parametrize(
    ("lines", "accepted"),
    [
        pytest.param((2, 3), True, id="RELAPSE line 2 → RELAPSE line 3"),
        pytest.param((3, 3), False, id="RELAPSE line 3 → RELAPSE line 3"),
        pytest.param((4, 3), False, id="RELAPSE line 4 → RELAPSE line 3"),
    ],
)
def test_next_relapse_needs_a_later_line(lines: tuple[int, int], accepted: bool) -> None:
    changes = [
        change(P.RELAPSE, dt.date(2020, 1, 1), lines[0]),
        change(P.RELAPSE, dt.date(2021, 1, 1), lines[1]),
    ]
    problems = check_phase_sequence(changes)
    assert (problems == []) is accepted
    if not accepted:
        assert only_problem(problems).path == "phase_changes.line_number"


@pytest.mark.parametrize(
    ("phase", "line", "accepted"),
    [
        pytest.param(P.RELAPSE, None, False, id="RELAPSE without a line number"),
        pytest.param(P.RELAPSE, 1, False, id="RELAPSE line 1"),
        pytest.param(P.RELAPSE, 2, True, id="RELAPSE line 2"),
        pytest.param(P.RELAPSE, 50, True, id="RELAPSE line 50"),
        pytest.param(P.RELAPSE, 51, False, id="RELAPSE line 51"),
        pytest.param(P.NDMM, 2, False, id="line number on NDMM"),
    ],
)
def test_line_number_belongs_to_relapse(phase: Phase, line: int | None, accepted: bool) -> None:
    entry = PhaseChange(id="p", date=TODAY, phase=phase, line_number=line)
    problems = check_entry(entry, BORN, TODAY)
    if accepted:
        assert problems == []
    else:
        assert only_problem(problems).path == "line_number"


# --- record format 2: plans ahead, holds, withdrawn plans, acknowledged findings ------------

TWO_YEARS_AHEAD = dt.date(2027, 6, 15)  # TODAY + 24 calendar months (D18)
DAY = dt.timedelta(days=1)


def schedule(date: dt.date) -> BoneTherapyEvent:
    return BoneTherapyEvent(
        id="s",
        date=date,
        kind=BoneTherapyEventKind.SCHEDULE,
        agent=BoneAgent.DENOSUMAB,
        interval_days=28,
    )


def hold(resume: dt.date | None, date: dt.date = TODAY) -> BoneTherapyEvent:
    return BoneTherapyEvent(id="h", date=date, kind=BoneTherapyEventKind.HOLD, resume_date=resume)


@pytest.mark.parametrize(
    ("date", "accepted"),
    [
        pytest.param(TODAY, True, id="today"),
        pytest.param(TODAY + DAY, True, id="tomorrow"),
        pytest.param(TWO_YEARS_AHEAD - DAY, True, id="2 years less a day"),
        pytest.param(TWO_YEARS_AHEAD, True, id="exactly 2 years ahead"),
        pytest.param(TWO_YEARS_AHEAD + DAY, False, id="2 years and a day"),
    ],
)
def test_d36_a_schedule_entry_may_be_dated_up_to_2_years_ahead(
    date: dt.date, accepted: bool
) -> None:
    problems = check_entry(schedule(date), BORN, TODAY)
    if accepted:
        assert problems == []
    else:
        problem = only_problem(problems)
        assert problem.path == "date"
        assert "more than 2 years ahead" in problem.message
        assert f"up to {TWO_YEARS_AHEAD}" in problem.message


@pytest.mark.parametrize(
    "kind",
    [k for k in BoneTherapyEventKind if k is not BoneTherapyEventKind.SCHEDULE],
)
def test_d36_every_other_bone_therapy_event_stays_not_in_the_future(
    kind: BoneTherapyEventKind,
) -> None:
    event = BoneTherapyEvent(
        id="e",
        date=TODAY + DAY,
        kind=kind,
        decision=ReviewDecision.CONTINUE if kind is BoneTherapyEventKind.REVIEW else None,
    )
    problem = only_problem(check_entry(event, BORN, TODAY))
    assert problem.path == "date"
    assert "is in the future" in problem.message


@pytest.mark.parametrize(
    ("resume", "accepted", "words"),
    [
        pytest.param(None, True, "", id="no resume date: hold + bta.hold_days"),
        pytest.param(TODAY, False, "must be after the hold date", id="on the hold date"),
        pytest.param(TODAY + DAY, True, "", id="the day after the hold"),
        pytest.param(TWO_YEARS_AHEAD, True, "", id="exactly 2 years ahead"),
        pytest.param(TWO_YEARS_AHEAD + DAY, False, "more than 2 years ahead", id="beyond"),
    ],
)
def test_d33_a_hold_resumes_after_its_date_at_most_2_years_ahead(
    resume: dt.date | None, accepted: bool, words: str
) -> None:
    problems = check_entry(hold(resume), BORN, TODAY)
    if accepted:
        assert problems == []
    else:
        problem = only_problem(problems)
        assert problem.path == "resume_date"
        assert words in problem.message


def test_d33_a_resume_date_belongs_to_a_hold_only() -> None:
    stop = BoneTherapyEvent(
        id="x", date=TODAY, kind=BoneTherapyEventKind.STOP, resume_date=TODAY + DAY
    )
    problem = only_problem(check_entry(stop, BORN, TODAY))
    assert (problem.path, problem.message) == ("resume_date", "is only for a hold")


@pytest.mark.parametrize(
    ("transplant", "path", "words"),
    [
        pytest.param(
            Transplant(id="t", planned_date=TODAY + DAY * 30, withdrawn_date=TODAY),
            None,
            None,
            id="given up ahead of its date",
        ),
        pytest.param(
            Transplant(id="t", planned_date=TODAY - DAY * 30, withdrawn_date=TODAY),
            None,
            None,
            id="given up after its date",
        ),
        pytest.param(
            Transplant(id="t", planned_date=TODAY, withdrawn_date=TODAY + DAY),
            "withdrawn_date",
            "is in the future",
            id="withdrawn tomorrow",
        ),
        pytest.param(
            Transplant(id="t", planned_date=TODAY, performed_date=TODAY, withdrawn_date=TODAY),
            "withdrawn_date",
            "a performed transplant cannot be withdrawn",
            id="performed and withdrawn",
        ),
        pytest.param(
            Transplant(id="t", performed_date=TODAY - DAY, withdrawn_date=TODAY),
            "withdrawn_date",
            "a performed transplant cannot be withdrawn",
            id="performed without a plan, withdrawn",
        ),
    ],
)
def test_d39_a_withdrawn_plan(transplant: Transplant, path: str | None, words: str | None) -> None:
    problems = check_entry(transplant, BORN, TODAY)
    if path is None:
        assert problems == []
        return
    problem = only_problem(problems)
    assert problem.path == path
    assert words is not None
    assert words in problem.message


def ack(**finding: object) -> Acknowledgement:
    return Acknowledgement(
        id="a",
        item_id="alert.hypercalcaemia",
        acknowledged_on=TODAY,
        until=TODAY + DAY * 7,
        reason="repeat booked",
        acknowledged_by="nurse",
        **finding,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("finding", "path", "words"),
    [
        pytest.param({}, None, None, id="no finding (before D40)"),
        pytest.param(
            {
                "finding_message_id": "alert.hypercalcaemia.high",
                "finding_severity": "urgent",
                "finding_cites": ("30000000-0000-4000-8000-000000000001",),
            },
            None,
            None,
            id="urgent alert",
        ),
        pytest.param(
            {"finding_message_id": "labs.monitoring.due", "finding_due": TODAY + DAY * 400},
            None,
            None,
            id="scheduled item due ahead",
        ),
        pytest.param(
            {"finding_message_id": "x", "finding_severity": "high"},
            "finding_severity",
            "must be one of 'urgent', 'info' or empty",
            id="unknown severity",
        ),
        pytest.param(
            {"finding_severity": "urgent"},
            "finding_severity",
            "needs finding_message_id",
            id="severity without a message",
        ),
        pytest.param(
            {"finding_cites": ("a",)},
            "finding_cites",
            "needs finding_message_id",
            id="cites without a message",
        ),
        pytest.param(
            {"finding_message_id": "x", "finding_cites": ("",)},
            "finding_cites[0]",
            "must be an entry id of 1–36 characters",
            id="empty cited id",
        ),
        pytest.param(
            {"finding_message_id": " "},
            "finding_message_id",
            "must not be empty",
            id="blank message id",
        ),
    ],
)
def test_d40_the_acknowledged_finding(
    finding: dict[str, object], path: str | None, words: str | None
) -> None:
    problems = check_entry(ack(**finding), BORN, TODAY)
    if path is None:
        assert problems == []
        return
    problem = only_problem(problems)
    assert problem.path == path
    assert words == problem.message


@pytest.mark.parametrize(
    ("born", "refused"),
    [
        pytest.param(dt.date(1900, 1, 1), False, id="date of birth 1900-01-01: the earliest"),
        pytest.param(dt.date(1899, 12, 31), True, id="date of birth 1899-12-31: refused"),
        pytest.param(dt.date(1850, 4, 2), True, id="date of birth 1850 for 1950"),
    ],
)
def test_a_date_of_birth_before_1900_is_refused(born: dt.date, refused: bool) -> None:
    problems = check_patient(replace(PATIENT, date_of_birth=born), TODAY)
    assert [p.path for p in problems] == (["date_of_birth"] if refused else [])
    if refused:
        assert problems[0].message == f"{born} is before 1900-01-01, the earliest accepted"
