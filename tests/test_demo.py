"""The synthetic demo population: deterministic, valid, and as varied as a real clinic.

Expected shares come from the demo's specification (15% SMM, 20% induction,
15% recently transplanted, 30% maintenance, 15% relapsed, a few deceased or
transferred; about a third Chinese names; 20-40% with something overdue) and
intervals from clinical-rules.md §5 and §11, written out here rather than read
from the generator.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import fields
from typing import TypeVar

import pytest
from sqlalchemy import Engine

from mmtracker.demo import generate_records
from mmtracker.logic.codes import (
    Analyte,
    BoneAgent,
    BoneTherapyEventKind,
    CalciumKind,
    CopyNumber1q,
    ImagingModality,
    InvasiveProcedure,
    Isotype,
    LightChain,
    MrdMethod,
    PatientStatus,
    Phase,
    Qualitative,
    Sex,
    TreatmentIntent,
)
from mmtracker.logic.history import (
    ENTRY_KINDS,
    FUTURE_DATE_FIELDS,
    Acknowledgement,
    BoneTherapyDose,
    BoneTherapyEvent,
    Cytogenetics,
    DentalExam,
    Entry,
    Imaging,
    LabResult,
    MrdTest,
    PhaseChange,
    Transplant,
    TreatmentLine,
    Weight,
    entry_date,
)
from mmtracker.logic.units import to_canonical
from mmtracker.storage.bulk import write_records
from mmtracker.storage.loaders import load_histories
from mmtracker.storage.records import NewRecord, check_record

AS_OF = dt.date(2026, 5, 1)
SEED = 20260501
PATIENTS = 500
CJK = re.compile(r"[\u4e00-\u9fff]")
DAY = dt.timedelta(days=1)

# §11 care-item ids an acknowledgement may name.
CARE_ITEMS = {
    "workup.staging", "imaging.baseline", "imaging.smm_mri", "imaging.smm_followup",
    "imaging.pre_asct_pet", "bta.start", "bta.next_dose", "bta.review", "dental.before_bta",
    "dental.periodic", "renal.before_bisphosphonate", "renal.za_dose", "calcium.before_denosumab",
    "alert.hypocalcaemia", "supplement.ca_vitd", "vitd.level", "denosumab.bridge",
    "alert.onj_risk", "labs.monitoring", "smm.risk", "mrd.end_of_induction", "mrd.pre_asct",
    "mrd.day100", "mrd.annual", "alert.hypercalcaemia", "alert.smm_mde",
    "alert.smm_high_risk", "alert.pangea_evolving", "alert.progression",
    "asct.conditioning_note",
}  # fmt: skip
# §5 ZA dose by CrCl band; denosumab 120 mg.
ZA_DOSES = {4.0, 3.5, 3.3, 3.0}
# §11 labs.monitoring intervals by phase (SMM: the longest, low risk after year one).
MONITORING_DAYS = {
    Phase.SMM: 183,
    Phase.NDMM: 30,
    Phase.ASCT: 30,
    Phase.RELAPSE: 30,
    Phase.MAINTENANCE: 90,
}
M_PROTEIN_ANALYTES = {Analyte.SERUM_MPROTEIN, Analyte.URINE_MPROTEIN, Analyte.FLC_KAPPA}


@pytest.fixture(scope="module")
def population() -> list[NewRecord]:
    return generate_records(PATIENTS, SEED, AS_OF)


@pytest.fixture(scope="module")
def active(population: list[NewRecord]) -> list[NewRecord]:
    return [r for r in population if r.patient.status is PatientStatus.ACTIVE]


E = TypeVar("E", bound=Entry)


def of_type(record: NewRecord, entry_type: type[E]) -> list[E]:
    """A record's entries of one type, in the order they were generated."""
    name = next(key for key, cls in ENTRY_KINDS.items() if cls is entry_type)
    return [e for e in record.entries.get(name, ()) if isinstance(e, entry_type)]


def in_population(records: Sequence[NewRecord], entry_type: type[E]) -> list[E]:
    return [e for record in records for e in of_type(record, entry_type)]


def labs(record: NewRecord, analyte: Analyte) -> list[LabResult]:
    found = of_type(record, LabResult)
    return sorted((e for e in found if e.analyte is analyte), key=lambda e: e.date)


def si(lab: LabResult) -> float:
    assert lab.value is not None
    assert lab.unit is not None
    return to_canonical(lab.analyte, lab.value, lab.unit)


def phases(record: NewRecord) -> list[PhaseChange]:
    return sorted(of_type(record, PhaseChange), key=lambda e: e.date)


def current_phase(record: NewRecord) -> Phase:
    return phases(record)[-1].phase


def lines(record: NewRecord) -> list[TreatmentLine]:
    return sorted(of_type(record, TreatmentLine), key=lambda e: e.start_date)


def doses(record: NewRecord) -> list[BoneTherapyDose]:
    return sorted(of_type(record, BoneTherapyDose), key=lambda e: e.date)


def bone_events(record: NewRecord) -> list[BoneTherapyEvent]:
    return sorted(of_type(record, BoneTherapyEvent), key=lambda e: e.date)


def dental_days(record: NewRecord) -> list[dt.date]:
    return sorted(e.date for e in of_type(record, DentalExam))


def finding_dates(entry: Entry) -> Iterator[dt.date]:
    """The dates of an entry that record what happened (not plans)."""
    for f in fields(entry):
        value = getattr(entry, f.name)
        if isinstance(value, dt.date) and f.name not in FUTURE_DATE_FIELDS:
            yield value


def all_entries(records: Sequence[NewRecord]) -> Iterator[Entry]:
    for record in records:
        for entries in record.entries.values():
            yield from entries


def share(count: int, total: int) -> float:
    return count / total if total else 0.0


# Determinism


def test_same_seed_and_day_give_identical_records() -> None:
    assert generate_records(40, 3, AS_OF) == generate_records(40, 3, AS_OF)


def test_a_different_seed_gives_different_records() -> None:
    first, second = generate_records(40, 3, AS_OF), generate_records(40, 4, AS_OF)
    assert [r.patient for r in first] != [r.patient for r in second]
    assert {e.id for e in all_entries(first)}.isdisjoint(e.id for e in all_entries(second))


def test_entry_ids_are_unique_version_4_uuids(population: list[NewRecord]) -> None:
    ids = [e.id for e in all_entries(population)]
    assert len(ids) == len(set(ids))
    for text in ids[:2000]:
        parsed = uuid.UUID(text)
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
        assert str(parsed) == text


def test_mrns_are_numbered_from_one(population: list[NewRecord]) -> None:
    assert [r.patient.mrn for r in population[:3]] == ["D000001", "D000002", "D000003"]
    assert len({r.patient.mrn for r in population}) == PATIENTS


# Validity


def test_every_record_passes_the_sanity_checks(population: list[NewRecord]) -> None:
    problems = {r.patient.mrn: check_record(r, AS_OF) for r in population}
    assert {mrn: found for mrn, found in problems.items() if found} == {}


def test_only_plan_dates_lie_after_the_demo_day(population: list[NewRecord]) -> None:
    later: Counter[str] = Counter()
    for entry in all_entries(population):
        for f in fields(entry):
            value = getattr(entry, f.name)
            if isinstance(value, dt.date) and value > AS_OF:
                planned_start = (  # D36: a schedule entry's date is its planned start
                    isinstance(entry, BoneTherapyEvent)
                    and entry.kind is BoneTherapyEventKind.SCHEDULE
                    and f.name == "date"
                )
                assert f.name in FUTURE_DATE_FIELDS or planned_start, (
                    type(entry).__name__,
                    f.name,
                    value,
                )
                later["planned_start" if planned_start else f.name] += 1
    assert later["next_visit"] > 0
    assert later["planned_date"] > 0
    for record in population:
        born = record.patient.date_of_birth
        assert all(
            getattr(e, f.name) >= born
            for e in all_entries([record])
            for f in fields(e)
            if isinstance(getattr(e, f.name), dt.date)
        )


def test_gone_patients_have_nothing_after_their_status_date(population: list[NewRecord]) -> None:
    gone = [r for r in population if r.patient.status is not PatientStatus.ACTIVE]
    assert {r.patient.status for r in gone} == {PatientStatus.DECEASED, PatientStatus.TRANSFERRED}
    assert 0.02 <= share(len(gone), PATIENTS) <= 0.1
    for record in gone:
        until = record.patient.status_date
        assert until is not None
        assert until < AS_OF
        assert all(day <= until for e in all_entries([record]) for day in finding_dates(e))


# The mix


@pytest.mark.parametrize(
    ("phase", "expected"),
    [
        (Phase.SMM, 0.15),
        (Phase.NDMM, 0.20),
        (Phase.ASCT, 0.15),
        (Phase.MAINTENANCE, 0.30),
        (Phase.RELAPSE, 0.15),
    ],
)
def test_phase_mix(active: list[NewRecord], phase: Phase, expected: float) -> None:
    found = sum(1 for r in active if current_phase(r) is phase)
    assert share(found, len(active)) == pytest.approx(expected, abs=0.05)


def test_phase_paths_start_at_diagnosis(population: list[NewRecord]) -> None:
    paths = Counter(tuple(p.phase for p in phases(r)) for r in population)
    assert all(path[0] in (Phase.SMM, Phase.NDMM) for path in paths)
    assert (Phase.SMM, Phase.NDMM) in {path[:2] for path in paths}
    transitions = {pair for path in paths for pair in itertools.pairwise(path)}
    assert {
        (Phase.NDMM, Phase.ASCT),
        (Phase.NDMM, Phase.MAINTENANCE),
        (Phase.ASCT, Phase.MAINTENANCE),
        (Phase.MAINTENANCE, Phase.RELAPSE),
        (Phase.RELAPSE, Phase.RELAPSE),
    } <= transitions


def test_smm_has_high_and_low_mayo_risk(active: list[NewRecord]) -> None:
    """Mayo 2018 20/2/20 (§2a): BMPC > 20%, M-protein > 20 g/L, FLC ratio > 20."""
    groups: Counter[str] = Counter()
    for record in (r for r in active if current_phase(r) is Phase.SMM):
        first = phases(record)[0].date
        bmpc = si(labs(record, Analyte.BMPC)[0])
        m_protein = si(labs(record, Analyte.SERUM_MPROTEIN)[0])
        kappa = si(labs(record, Analyte.FLC_KAPPA)[0])
        lam = si(labs(record, Analyte.FLC_LAMBDA)[0])
        assert labs(record, Analyte.BMPC)[0].date == first
        assert 10 <= bmpc < 60  # §1b SMM
        factors = (bmpc > 20) + (m_protein > 20) + (max(kappa, lam) / min(kappa, lam) > 20)
        groups["high" if factors >= 2 else "low"] += 1
        assert not doses(record)  # no bone therapy in SMM (§5 Who)
    assert groups["high"] >= 0.2 * groups.total()
    assert groups["low"] >= 0.2 * groups.total()


def test_about_half_of_induction_is_daratumumab_based(active: list[NewRecord]) -> None:
    induction = [lines(r)[0] for r in active if current_phase(r) is Phase.NDMM]
    assert all(line.intent is TreatmentIntent.INDUCTION for line in induction)
    dara = [line for line in induction if "daratumumab" in line.drugs]
    assert 0.35 <= share(len(dara), len(induction)) <= 0.65
    assert {"D-VRd", "Dara-VRd", "VRd", "KRd"} <= {line.regimen for line in induction}


def test_transplants_use_melphalan_200_or_140_with_mucositis(
    population: list[NewRecord],
) -> None:
    done = [t for t in in_population(population, Transplant) if t.performed_date is not None]
    assert {t.melphalan_mg_m2 for t in done} == {200.0, 140.0}
    assert all(t.mucositis_scale is not None for t in done)
    grades = Counter(t.mucositis_grade for t in done)
    assert grades[3] + grades[4] > 0
    assert grades[1] + grades[2] > 0


def test_maintenance_is_lenalidomide(active: list[NewRecord]) -> None:
    for record in (r for r in active if current_phase(r) is Phase.MAINTENANCE):
        last = lines(record)[-1]
        assert last.intent is TreatmentIntent.MAINTENANCE
        assert last.drugs == ("lenalidomide",)
        assert last.end_date is None


def test_relapses_count_lines_2_to_4_with_salvage_regimens(active: list[NewRecord]) -> None:
    relapsed = [r for r in active if current_phase(r) is Phase.RELAPSE]
    numbers = Counter(phases(r)[-1].line_number for r in relapsed)
    assert set(numbers) == {2, 3, 4}
    regimens = {lines(r)[-1].regimen for r in relapsed}
    assert {"DKd", "Isa-Pd", "Teclistamab"} <= regimens | {
        line.regimen for r in relapsed for line in lines(r)
    }
    assert all(lines(r)[-1].intent is TreatmentIntent.SALVAGE for r in relapsed)


def test_ages_sexes_and_sizes_are_plausible(population: list[NewRecord]) -> None:
    ages = [(AS_OF - r.patient.date_of_birth).days / 365.25 for r in population]
    assert min(ages) >= 44
    assert max(ages) <= 86
    assert {r.patient.sex for r in population} == {Sex.FEMALE, Sex.MALE}
    heights = [r.patient.height_cm for r in population if r.patient.height_cm is not None]
    assert min(heights) >= 140
    assert max(heights) <= 205
    weights = [e.weight_kg for e in in_population(population, Weight)]
    assert min(weights) >= 35
    assert max(weights) <= 150


def test_about_a_third_have_chinese_names(population: list[NewRecord]) -> None:
    chinese = [r for r in population if CJK.search(r.patient.name)]
    assert 0.25 <= share(len(chinese), PATIENTS) <= 0.42
    assert all(" " in r.patient.name for r in population if not CJK.search(r.patient.name))


def test_every_entry_kind_appears(population: list[NewRecord]) -> None:
    present = {name for r in population for name, items in r.entries.items() if items}
    assert present == set(ENTRY_KINDS)


# Labs


def test_units_are_mixed_so_conversion_is_exercised(population: list[NewRecord]) -> None:
    units: dict[Analyte, set[str]] = {}
    for record in population:
        for analyte in (Analyte.SERUM_MPROTEIN, Analyte.CALCIUM, Analyte.CREATININE):
            units.setdefault(analyte, set()).update(lab.unit or "" for lab in labs(record, analyte))
    assert units[Analyte.SERUM_MPROTEIN] == {"g/L", "g/dL"}
    assert units[Analyte.CALCIUM] == {"mmol/L", "mg/dL"}
    assert units[Analyte.CREATININE] == {"umol/L", "mg/dL"}


def test_calcium_has_a_kind_and_albumin_the_same_day(population: list[NewRecord]) -> None:
    kinds: Counter[CalciumKind | None] = Counter()
    for record in population:
        albumin_days = {lab.date for lab in labs(record, Analyte.ALBUMIN)}
        for lab in labs(record, Analyte.CALCIUM):
            kinds[lab.calcium_kind] += 1
            assert lab.date in albumin_days
    assert kinds[CalciumKind.TOTAL] > 0.8 * kinds.total()


def test_m_protein_carries_isotype_and_light_chain(population: list[NewRecord]) -> None:
    isotypes = set()
    for record in population:
        for lab in labs(record, Analyte.SERUM_MPROTEIN):
            assert lab.isotype is not None
            assert lab.light_chain in (
                LightChain.KAPPA,
                LightChain.LAMBDA,
            )
            isotypes.add(lab.isotype)
    assert {Isotype.IGG, Isotype.IGA} <= isotypes


def test_m_protein_falls_on_therapy_and_rises_before_relapse(active: list[NewRecord]) -> None:
    """Baseline before line 1 (D20); PD from the nadir: ≥25% and ≥5 g/L (D4) at relapse."""
    checked = 0
    for record in (r for r in active if current_phase(r) is Phase.RELAPSE):
        path = [p.phase for p in phases(record)]
        if Phase.MAINTENANCE not in path[: path.index(Phase.RELAPSE)]:
            continue  # progression on induction: no response to fall from
        values = labs(record, Analyte.SERUM_MPROTEIN)
        relapse = next(p.date for p in phases(record) if p.phase is Phase.RELAPSE)
        first_line = lines(record)[0].start_date
        baseline = [si(v) for v in values if v.date <= first_line]
        before = [si(v) for v in values if first_line < v.date < relapse]
        at_relapse = [si(v) for v in values if v.date == relapse]
        if not baseline or baseline[-1] < 10 or not before or not at_relapse:
            continue
        checked += 1
        nadir = min(before)
        assert nadir < baseline[-1]
        assert at_relapse[0] >= max(1.25 * nadir, nadir + 5)
    assert checked >= 10


def test_immunofixation_turns_negative_for_some(population: list[NewRecord]) -> None:
    results = Counter(lab.qualitative for r in population for lab in labs(r, Analyte.SERUM_IFE))
    assert results[Qualitative.POSITIVE] > 0
    assert results[Qualitative.NEGATIVE] > 0
    assert any(labs(r, Analyte.URINE_IFE) for r in population)


def test_diagnosis_work_up(active: list[NewRecord]) -> None:
    """β2M, LDH, albumin and FISH around the first NDMM date (§11 workup.staging)."""
    high_risk: Counter[str] = Counter()
    for record in active:
        ndmm = [p.date for p in phases(record) if p.phase is Phase.NDMM]
        if not ndmm:
            continue
        near = (ndmm[0] - 60 * DAY, ndmm[0] + 60 * DAY)
        for analyte in (Analyte.B2M, Analyte.LDH, Analyte.ALBUMIN, Analyte.BMPC):
            assert any(near[0] <= lab.date <= near[1] for lab in labs(record, analyte))
        fish = [c for c in of_type(record, Cytogenetics) if near[0] <= c.date <= near[1]]
        assert fish
        for c in fish:
            high_risk["del17p"] += bool(c.del_17p)
            high_risk["t414"] += bool(c.t_4_14)
            high_risk["1q"] += c.gain_1q in (CopyNumber1q.GAIN, CopyNumber1q.AMPLIFICATION)
        modalities = {i.modality for i in of_type(record, Imaging)}
        assert modalities & {ImagingModality.WBLDCT, ImagingModality.PET_CT, ImagingModality.WB_MRI}
    assert min(high_risk.values()) > 0
    assert len(high_risk) == 3


# Bone therapy, dental, MRD


def test_bone_therapy_follows_the_label(active: list[NewRecord]) -> None:
    """§5: ZA 4 / 3.5 / 3.3 / 3.0 mg; denosumab 120 mg; 28 days, 84 after de-escalation."""
    kinds: Counter[object] = Counter()
    for record in active:
        for dose in doses(record):
            expected = ZA_DOSES if dose.agent is BoneAgent.ZOLEDRONIC_ACID else {120.0}
            assert dose.dose_mg in expected
            kinds[dose.agent] += 1
            kinds[dose.dose_mg] += 1
        for event in bone_events(record):
            kinds[event.kind] += 1
            if event.kind is BoneTherapyEventKind.SCHEDULE:
                kinds[event.interval_days] += 1
    assert kinds[BoneAgent.ZOLEDRONIC_ACID] > kinds[BoneAgent.DENOSUMAB] > 0
    assert kinds[3.5] + kinds[3.3] + kinds[3.0] > 0
    for needed in (
        BoneTherapyEventKind.SCHEDULE,
        BoneTherapyEventKind.REVIEW,
        BoneTherapyEventKind.STOP,
        BoneTherapyEventKind.DECLINED,
        BoneTherapyEventKind.CONTRAINDICATED,
    ):
        assert kinds[needed] > 0, needed
    assert kinds[84] > 0


def test_dental_checks_come_before_bone_therapy_for_most(active: list[NewRecord]) -> None:
    on_therapy = [r for r in active if doses(r)]
    before = 0
    for record in on_therapy:
        first = doses(record)[0].date
        before += any(first - 180 * DAY <= day <= first for day in dental_days(record))
    assert 0.8 <= share(before, len(on_therapy)) < 1.0
    procedures = Counter(e.invasive_procedure for e in in_population(active, DentalExam))
    assert procedures[InvasiveProcedure.PLANNED] > 0
    assert procedures[InvasiveProcedure.DONE] > 0


def test_mrd_tests_use_ngf_or_ngs_at_1e5_or_1e6(population: list[NewRecord]) -> None:
    tests = in_population(population, MrdTest)
    assert {t.method for t in tests} == {MrdMethod.NGF, MrdMethod.NGS}
    assert {t.sensitivity for t in tests} == {1e-5, 1e-6}


def test_acknowledgements_name_care_items_for_at_most_90_days(
    population: list[NewRecord],
) -> None:
    found = in_population(population, Acknowledgement)
    assert found
    for ack in found:
        assert ack.item_id in CARE_ITEMS
        assert ack.acknowledged_on <= ack.until <= ack.acknowledged_on + 90 * DAY
        assert ack.reason.strip()


def _overdue(record: NewRecord) -> set[str]:
    """A few §11 checks, simplified: what a nurse would see as overdue today."""
    found: set[str] = set()
    phase = current_phase(record)
    markers = [lab.date for a in M_PROTEIN_ANALYTES for lab in labs(record, a)]
    if max(markers) + MONITORING_DAYS[phase] * DAY < AS_OF:
        found.add("labs.monitoring")
    if phase is Phase.SMM:
        imaging = [i.date for i in of_type(record, Imaging)]
        if max(imaging) + 365 * DAY < AS_OF:
            found.add("imaging.smm_followup")
        return found
    given, events = doses(record), bone_events(record)
    stops = [e.date for e in events if e.kind is BoneTherapyEventKind.STOP]
    if not given:
        if not events and phases(record)[-1].date + 30 * DAY < AS_OF:
            found.add("bta.start")
        return found
    if stops and stops[-1] >= given[-1].date:
        return found
    schedules = [e for e in events if e.kind is BoneTherapyEventKind.SCHEDULE]
    interval = schedules[-1].interval_days if schedules else 28
    if given[-1].date + (interval or 28) * DAY < AS_OF:
        found.add("bta.next_dose")
    exams = dental_days(record)
    if not exams or exams[-1] + 183 * DAY < AS_OF:
        found.add("dental.periodic")
    vitamin_d = labs(record, Analyte.VITAMIN_D)
    if (vitamin_d[-1].date + 365 * DAY if vitamin_d else given[0].date + 30 * DAY) < AS_OF:
        found.add("vitd.level")
    return found


def test_a_realistic_share_has_something_overdue(active: list[NewRecord]) -> None:
    lapses = [_overdue(r) for r in active]
    assert 0.2 <= share(sum(1 for found in lapses if found), len(active)) <= 0.4
    seen = Counter(item for found in lapses for item in found)
    assert {"dental.periodic", "bta.next_dose", "imaging.smm_followup", "vitd.level"} <= set(seen)


# Round trip through the database


def test_a_small_demo_loads_back_whole(engine: Engine) -> None:
    records = generate_records(25, SEED, AS_OF)
    ids = write_records(engine, records, "demo test", today=AS_OF, action="demo")
    histories = load_histories(engine)
    assert sorted(histories) == sorted(ids)
    written: Counter[str] = Counter()
    loaded: Counter[str] = Counter()
    for record in records:
        for name, items in record.entries.items():
            written[name] += len(items)
    for history in histories.values():
        for name in ENTRY_KINDS:
            loaded[name] += len(history.entries(name))
    assert loaded == written
    by_mrn = {h.patient.mrn: h for h in histories.values()}
    for record in records:
        history = by_mrn[record.patient.mrn]
        assert history.patient == record.patient
        assert {e.id for e in history.lab_results} == {e.id for e in of_type(record, LabResult)}


# Record format 2 in the demo (D24, D33, D36, D39)


def test_a_few_demo_patients_have_a_hold_a_withdrawn_plan_and_a_planned_switch(
    active: list[NewRecord],
) -> None:
    """D33 a hold around an extraction, no dose after it, resuming after the hold; D39 a
    transplant plan given up, never performed; D36 a denosumab start planned ahead, known
    from the day it was recorded."""
    holds = withdrawn = switches = 0
    for record in active:
        doses = of_type(record, BoneTherapyDose)
        for event in of_type(record, BoneTherapyEvent):
            if event.kind is BoneTherapyEventKind.HOLD:
                holds += 1
                assert event.resume_date is not None
                assert event.resume_date > event.date
                assert all(d.date <= event.date for d in doses)
            if event.kind is BoneTherapyEventKind.SCHEDULE and event.date > AS_OF:
                switches += 1
                assert event.agent is BoneAgent.DENOSUMAB
                assert event.recorded_on is not None
                assert event.recorded_on <= AS_OF
        for transplant in of_type(record, Transplant):
            if transplant.withdrawn_date is not None:
                withdrawn += 1
                assert transplant.performed_date is None
                assert transplant.withdrawn_date <= AS_OF
    assert holds > 0
    assert withdrawn > 0
    assert switches > 0


def test_every_demo_patient_was_registered_on_its_first_entry(
    population: list[NewRecord],
) -> None:
    """D24: the registration day the rules read is the patient's creation day."""
    for record in population:
        first = min(entry_date(e) for entries in record.entries.values() for e in entries)
        assert record.patient.registered_on == first
        assert record.patient_meta["created_at"].date() == first
        for event in of_type(record, BoneTherapyEvent):
            assert record.entry_meta[event.id]["created_at"].date() == event.recorded_on
