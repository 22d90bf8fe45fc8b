"""Loaders: histories in a fixed number of queries, in (date, id) order, exactly as written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields, replace
from typing import Any

import pytest
from sqlalchemy import Engine, event

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
)
from mmtracker.storage.bulk import write_records
from mmtracker.storage.loaders import (
    load_histories,
    load_history,
    load_record_rows,
    patient_id_for_mrn,
)
from mmtracker.storage.outcomes import NotFoundError
from mmtracker.storage.records import NewRecord

ACTOR = "importer@ward"
TODAY = dt.date(2025, 6, 15)
D = dt.date
# The bookkeeping creation time the records below are written with (23:30 UTC: the day is
# the UTC day, whatever the machine's zone).
CREATED = dt.datetime(2021, 1, 4, 23, 30, tzinfo=dt.UTC)


def uid(n: int, prefix: int = 0) -> str:
    """A UUID-shaped id whose text order is the order of ``n``."""
    return f"{prefix:08x}-0000-4000-8000-{n:012x}"


def patient(n: int) -> Patient:
    return Patient(
        mrn=f"L-{n:05d}",
        name=f"Patient {n}",
        sex=Sex.FEMALE if n % 2 else Sex.MALE,
        date_of_birth=D(1940 + n % 40, 1 + n % 12, 1 + n % 28),
        height_cm=150.0 + n % 50,
    )


def loaded(person: Patient) -> Patient:
    """A patient as loaded: registered on the day it was created (D24)."""
    return replace(person, registered_on=CREATED.date())


def small_record(n: int) -> NewRecord:
    """A few entries of several kinds."""
    return NewRecord(
        patient_meta={"created_at": CREATED},
        patient=patient(n),
        entries={
            "phase_changes": [PhaseChange(id=uid(1, n), date=D(2022, 3, 1), phase=Phase.NDMM)],
            "weights": [Weight(id=uid(2, n), date=D(2022, 3, 1), weight_kg=60.0 + n % 40)],
            "lab_results": [
                LabResult(
                    id=uid(3, n),
                    date=D(2022, 3, 1),
                    analyte=Analyte.CREATININE,
                    value=70.0 + n % 100,
                    unit="umol/L",
                ),
                LabResult(
                    id=uid(4, n),
                    date=D(2022, 3, 2),
                    analyte=Analyte.CALCIUM,
                    value=2.3,
                    unit="mmol/L",
                    calcium_kind=CalciumKind.TOTAL,
                ),
            ],
            "treatment_lines": [
                TreatmentLine(
                    id=uid(5, n),
                    line_number=1,
                    regimen="VRd",
                    intent=TreatmentIntent.INDUCTION,
                    start_date=D(2022, 3, 5),
                    drugs=("bortezomib", "lenalidomide", "dexamethasone"),
                )
            ],
        },
    )


@contextmanager
def counted_queries(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])  # (conn, cursor, statement, parameters, context, many)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_histories_load_in_one_query_per_table_whatever_the_number(engine: Engine) -> None:
    ids = write_records(engine, [small_record(n) for n in range(1000)], ACTOR, today=TODAY)
    assert len(ids) == 1000
    expected_queries = 1 + len(ENTRY_KINDS)  # the patients, then one per entry kind

    with counted_queries(engine) as ten:
        few = load_histories(engine, ids[:10])
    with counted_queries(engine) as thousand:
        many = load_histories(engine, ids)
    with counted_queries(engine) as everyone:
        every = load_histories(engine)

    assert len(ten) == len(thousand) == len(everyone) == expected_queries
    assert set(few) == set(ids[:10])
    assert set(many) == set(every) == set(ids)
    for pid, n in zip(ids, range(1000), strict=True):
        history = many[pid]
        assert history.patient.mrn == f"L-{n:05d}"
        assert [e.id for e in history.lab_results] == [uid(3, n), uid(4, n)]
        assert len(history.phase_changes) == len(history.weights) == 1
        assert history.visits == ()
    assert many == every

    with counted_queries(engine) as rows:
        records = load_record_rows(engine, ids)
    assert len(rows) == expected_queries
    assert len(records) == 1000


def test_a_history_on_a_connection_uses_the_same_queries(engine: Engine) -> None:
    ids = write_records(engine, [small_record(n) for n in range(3)], ACTOR, today=TODAY)
    with engine.connect() as conn, counted_queries(engine) as statements:
        found = load_histories(conn, ids)
    assert len(statements) == 1 + len(ENTRY_KINDS)
    assert set(found) == set(ids)


def every_kind() -> tuple[Patient, dict[str, list[Entry]]]:
    """One patient with entries of every kind, optional fields filled, text beyond ASCII."""
    person = Patient(
        mrn="ALL-1",
        name="王 Ünal",
        sex=Sex.MALE,
        date_of_birth=D(1955, 4, 12),
        height_cm=178.5,
        status=PatientStatus.TRANSFERRED,
        status_date=D(2025, 5, 1),
    )
    entries: dict[str, list[Entry]] = {
        "phase_changes": [
            PhaseChange(id=uid(10), date=D(2021, 1, 5), phase=Phase.SMM, note="Mayo 20/2/20"),
            PhaseChange(id=uid(11), date=D(2022, 2, 1), phase=Phase.NDMM),
            PhaseChange(id=uid(12), date=D(2022, 8, 1), phase=Phase.ASCT),
            PhaseChange(id=uid(13), date=D(2024, 3, 1), phase=Phase.RELAPSE, line_number=2),
        ],
        "weights": [Weight(id=uid(20), date=D(2022, 2, 1), weight_kg=81.25)],
        "lab_results": [
            LabResult(
                id=uid(30),
                date=D(2022, 2, 1),
                analyte=Analyte.CALCIUM,
                value=10.2,
                unit="mg/dL",
                ref_low=8.5,
                ref_high=10.5,
                calcium_kind=CalciumKind.ADJUSTED,
            ),
            LabResult(
                id=uid(31),
                date=D(2022, 2, 1),
                analyte=Analyte.SERUM_MPROTEIN,
                value=3.1,
                unit="g/dL",
                isotype=Isotype.IGG,
                light_chain=LightChain.KAPPA,
            ),
            LabResult(
                id=uid(32),
                date=D(2022, 2, 1),
                analyte=Analyte.URINE_IFE,
                qualitative=Qualitative.POSITIVE,
                isotype=Isotype.LIGHT_CHAIN_ONLY,
                light_chain=LightChain.LAMBDA,
            ),
        ],
        "cytogenetics": [
            Cytogenetics(
                id=uid(40),
                date=D(2022, 2, 10),
                method=CytogeneticMethod.FISH,
                del_17p=True,
                del_17p_clonal_fraction=35.0,
                tp53_mutation=None,
                t_4_14=False,
                t_14_16=False,
                t_14_20=None,
                gain_1q=CopyNumber1q.AMPLIFICATION,
                del_1p32=Del1p32.MONOALLELIC,
                del_13q=True,
                hyperdiploid=False,
            )
        ],
        "imaging": [
            Imaging(
                id=uid(50),
                date=D(2022, 2, 3),
                modality=ImagingModality.PET_CT,
                lytic_lesions=4,
                mri_focal_lesions=None,
                fdg_avid=True,
                plasmacytoma=False,
                note="L3 lesion",
            )
        ],
        "dental_exams": [
            DentalExam(
                id=uid(60),
                date=D(2022, 2, 20),
                outcome=DentalOutcome.TREATED,
                invasive_procedure=InvasiveProcedure.DONE,
                procedure_date=D(2022, 2, 15),
            )
        ],
        "bone_therapy_doses": [
            BoneTherapyDose(id=uid(70), date=D(2022, 3, 1), agent=BoneAgent.ZOLEDRONIC_ACID,
                            dose_mg=3.5),
        ],
        "bone_therapy_events": [
            BoneTherapyEvent(id=uid(80), date=D(2023, 3, 1), kind=BoneTherapyEventKind.REVIEW,
                             decision=ReviewDecision.DE_ESCALATE),
            BoneTherapyEvent(id=uid(81), date=D(2023, 3, 1), kind=BoneTherapyEventKind.SCHEDULE,
                             agent=BoneAgent.ZOLEDRONIC_ACID, interval_days=84),
            BoneTherapyEvent(id=uid(82), date=D(2024, 1, 10), kind=BoneTherapyEventKind.HOLD,
                             agent=BoneAgent.ZOLEDRONIC_ACID, resume_date=D(2024, 3, 1),
                             note="extraction 36"),
            BoneTherapyEvent(id=uid(83), date=D(2025, 8, 1), kind=BoneTherapyEventKind.SCHEDULE,
                             agent=BoneAgent.DENOSUMAB, interval_days=28),
        ],
        "supplements": [
            Supplement(id=uid(90), start_date=D(2022, 3, 1), end_date=D(2023, 3, 1),
                       calcium_mg=1000.0, vitamin_d_iu=800.0),
        ],
        "mrd_tests": [
            MrdTest(id=uid(100), date=D(2022, 11, 10), method=MrdMethod.NGS, sensitivity=1e-5,
                    result=MrdResult.NEGATIVE),
        ],
        "treatment_lines": [
            TreatmentLine(id=uid(110), line_number=1, regimen="D-VRd",
                          intent=TreatmentIntent.INDUCTION, start_date=D(2022, 2, 5),
                          end_date=D(2022, 7, 1),
                          drugs=("daratumumab", "bortezomib", "lenalidomide", "dexamethasone")),
            TreatmentLine(id=uid(111), line_number=2, regimen="KPd",
                          intent=TreatmentIntent.SALVAGE, start_date=D(2024, 3, 10)),
        ],
        "transplants": [
            Transplant(id=uid(120), planned_date=D(2022, 8, 1), performed_date=D(2022, 8, 3),
                       melphalan_mg_m2=200.0, mucositis_grade=2,
                       mucositis_scale=MucositisScale.WHO),
            Transplant(id=uid(121), planned_date=D(2024, 6, 1), withdrawn_date=D(2024, 5, 2)),
        ],
        "responses": [
            ResponseAssessment(id=uid(130), date=D(2022, 11, 10), category=ResponseCategory.VGPR,
                               note="unconfirmed"),
        ],
        "clinical_events": [
            ClinicalEvent(id=uid(140), date=D(2023, 1, 9),
                          kind=ClinicalEventKind.PATHOLOGICAL_FRACTURE, note="rib"),
            ClinicalEvent(id=uid(141), date=D(2024, 2, 20), kind=ClinicalEventKind.PLASMACYTOMA,
                          note="chest wall"),
        ],
        "visits": [
            Visit(id=uid(150), date=D(2025, 6, 1), ecog=1, pain=3, note="随访",
                  next_visit=D(2025, 9, 1)),
        ],
        "acknowledgements": [
            Acknowledgement(id=uid(160), item_id="dental.periodic",
                            acknowledged_on=D(2025, 6, 1), until=D(2025, 7, 1),
                            reason="appointment booked", acknowledged_by="nurse@ward",
                            finding_message_id="dental.periodic.due_soon",
                            finding_due=D(2025, 6, 20)),
            Acknowledgement(id=uid(161), item_id="alert.progression",
                            acknowledged_on=D(2025, 6, 2), until=D(2025, 6, 30),
                            reason="repeat booked", acknowledged_by="dr@ward",
                            finding_message_id="alert.progression.unconfirmed",
                            finding_severity="urgent", finding_cites=(uid(31), uid(30))),
        ],
    }  # fmt: skip
    return person, entries


def created(person: Patient, entries: dict[str, list[Entry]]) -> NewRecord:
    """The record written with every row created at CREATED."""
    meta = {"created_at": CREATED}
    every = {e.id: meta for kind in entries.values() for e in kind}
    return NewRecord(person, entries, patient_meta=meta, entry_meta=every)


def as_loaded(entries: dict[str, list[Entry]]) -> dict[str, list[Entry]]:
    """The entries as loaded: a bone-therapy event known from the day it was created (D36)."""
    events: list[Entry] = [
        replace(e, recorded_on=CREATED.date())
        for e in entries["bone_therapy_events"]
        if isinstance(e, BoneTherapyEvent)
    ]
    return {**entries, "bone_therapy_events": events}


def test_a_loaded_history_equals_what_was_written(engine: Engine) -> None:
    """Every field comes back, the record-format-2 ones (D33 hold, D39 withdrawal, D40
    acknowledged finding, D27 plasmacytoma event) included, and the derived D24/D36 days."""
    person, entries = every_kind()
    assert set(entries) == set(ENTRY_KINDS)  # the test covers every kind
    (pid,) = write_records(engine, [created(person, entries)], ACTOR, today=TODAY)
    history = load_history(engine, pid)

    assert history.patient == loaded(person)
    assert history.patient.registered_on == D(2021, 1, 4)
    expected = as_loaded(entries)
    for kind, written in expected.items():
        got = sorted(history.entries(kind), key=lambda e: e.id)
        assert got == sorted(written, key=lambda e: e.id), kind
    assert history == build_history(loaded(person), expected)
    assert {e.recorded_on for e in history.bone_therapy_events} == {D(2021, 1, 4)}


def _code_fields(entry: Entry | Patient) -> list[tuple[str, Any]]:
    return [(f.name, getattr(entry, f.name)) for f in fields(entry)]


def test_codes_come_back_as_enum_members_and_drugs_as_a_tuple(engine: Engine) -> None:
    person, entries = every_kind()
    (pid,) = write_records(engine, [created(person, entries)], ACTOR, today=TODAY)
    history = load_history(engine, pid)
    originals = {e.id: e for kind in as_loaded(entries).values() for e in kind}
    for kind in ENTRY_KINDS:
        for loaded in history.entries(kind):
            for (name, value), (_, written) in zip(
                _code_fields(loaded), _code_fields(originals[loaded.id]), strict=True
            ):
                assert type(value) is type(written), (kind, name, value)
    assert type(history.patient.sex) is Sex
    assert type(history.patient.status) is PatientStatus
    (first_line, second_line) = history.treatment_lines
    assert first_line.drugs == ("daratumumab", "bortezomib", "lenalidomide", "dexamethasone")
    assert type(first_line.drugs) is tuple
    assert second_line.drugs == ()
    assert type(second_line.drugs) is tuple
    assert type(history.lab_results[0].analyte) is Analyte
    assert type(history.phase_changes[0].phase) is Phase


def test_entries_come_back_ordered_by_date_then_id(engine: Engine) -> None:
    person = patient(7)
    day1, day2, day3 = D(2023, 1, 1), D(2023, 2, 1), D(2023, 3, 1)
    weights = [  # written in an order that is neither the date nor the id order
        Weight(id=uid(9), date=day2, weight_kg=71.0),
        Weight(id=uid(3), date=day3, weight_kg=72.0),
        Weight(id=uid(5), date=day1, weight_kg=70.0),
        Weight(id=uid(1), date=day2, weight_kg=70.5),
        Weight(id=uid(7), date=day2, weight_kg=70.8),
    ]
    lines = [
        TreatmentLine(id=uid(20), line_number=2, regimen="KPd",
                      intent=TreatmentIntent.SALVAGE, start_date=day3),
        TreatmentLine(id=uid(21), line_number=1, regimen="VRd",
                      intent=TreatmentIntent.INDUCTION, start_date=day1),
    ]  # fmt: skip
    transplants = [
        Transplant(id=uid(30), planned_date=D(2023, 5, 1)),
        Transplant(id=uid(31), planned_date=D(2023, 3, 1), performed_date=D(2023, 6, 1)),
    ]
    record = NewRecord(
        person, {"weights": weights, "treatment_lines": lines, "transplants": transplants}
    )
    (pid,) = write_records(engine, [record], ACTOR, today=TODAY)
    history = load_history(engine, pid)
    assert [w.id for w in history.weights] == [uid(5), uid(1), uid(7), uid(9), uid(3)]
    assert [t.id for t in history.treatment_lines] == [uid(21), uid(20)]
    # A transplant is dated by when it was performed, else by its plan.
    assert [t.id for t in history.transplants] == [uid(30), uid(31)]


def test_each_history_holds_only_its_own_patients_entries(engine: Engine) -> None:
    ids = write_records(engine, [small_record(n) for n in range(5)], ACTOR, today=TODAY)
    histories = load_histories(engine, [ids[1], ids[3]])
    assert set(histories) == {ids[1], ids[3]}
    for pid, n in ((ids[1], 1), (ids[3], 3)):
        history = histories[pid]
        assert isinstance(history, PatientHistory)
        assert history.patient == loaded(patient(n))
        assert {e.id for kind in ENTRY_KINDS for e in history.entries(kind)} == {
            uid(i, n) for i in range(1, 6)
        }


def test_patient_without_entries_has_an_empty_history(engine: Engine) -> None:
    record = NewRecord(patient(1), {}, patient_meta={"created_at": CREATED})
    (pid,) = write_records(engine, [record], ACTOR, today=TODAY)
    history = load_history(engine, pid)
    assert history == PatientHistory(patient=loaded(patient(1)))


def test_missing_patients(engine: Engine) -> None:
    (pid,) = write_records(engine, [small_record(1)], ACTOR, today=TODAY)
    assert load_histories(engine, []) == {}
    assert load_histories(engine, [pid + 1]) == {}
    with pytest.raises(NotFoundError):
        load_history(engine, pid + 1)
    assert patient_id_for_mrn(engine, "L-00001") == pid
    with pytest.raises(NotFoundError):
        patient_id_for_mrn(engine, "L-99999")


def test_record_rows_keep_every_column_ordered_by_id(engine: Engine) -> None:
    (pid,) = write_records(engine, [small_record(4)], ACTOR, today=TODAY)
    rows = load_record_rows(engine, [pid])[pid]
    assert rows.patient["mrn"] == "L-00004"
    assert rows.patient["revision"] == 1
    labs = rows.entries["lab_results"]
    assert [r["id"] for r in labs] == [uid(3, 4), uid(4, 4)]
    assert all(r["created_by"] == ACTOR and r["version"] == 1 for r in labs)
    assert labs[0]["canonical_value"] == labs[0]["value"]  # already in µmol/L
    assert rows.entries["treatment_lines"][0]["drugs"] == [
        "bortezomib",
        "lenalidomide",
        "dexamethasone",
    ]
    assert set(rows.entries) == set(ENTRY_KINDS)
