"""Service functions: validate, write, audit and bump the revision in one transaction.

Every test runs on SQLite and on PostgreSQL (the ``engine`` fixture). A refused
or stale write must leave every row of every table exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, Table, func, select

from mmtracker.logic.codes import Analyte, CalciumKind, PatientStatus, Phase
from mmtracker.logic.history import LabResult, Weight
from mmtracker.storage.engine import make_engine
from mmtracker.storage.loaders import load_history, load_record_rows
from mmtracker.storage.models import metadata
from mmtracker.storage.outcomes import Change, NotFoundError, StaleEditError, ValidationError
from mmtracker.storage.schema import upgrade
from mmtracker.storage.services import (
    add_entries,
    add_entry,
    create_patient,
    delete_entry,
    update_entry,
    update_patient,
)
from mmtracker.storage.tables import AUDIT, PATIENT

ACTOR = "nurse@ward-3"
OTHER = "doctor@clinic-2"
TODAY = dt.date(2025, 6, 15)
BORN = dt.date(1950, 3, 1)
SMM_DATE = dt.date(2020, 1, 10)

PATIENT_DATA = {
    "mrn": "MRN-0001",
    "name": "Test Patient",
    "sex": "F",
    "date_of_birth": BORN.isoformat(),
    "height_cm": 165.0,
}


Snapshot = dict[str, list[tuple[Any, ...]]]


def snapshot(engine: Engine) -> Snapshot:
    """Every row of every table, in primary-key order."""
    tables: list[Table] = list(metadata().sorted_tables)
    with engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in tables
        }


def audit_rows(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(AUDIT).order_by(AUDIT.c.id)).mappings()]


def revision(engine: Engine, patient_id: int) -> int:
    with engine.connect() as conn:
        found = conn.execute(select(PATIENT.c.revision).where(PATIENT.c.id == patient_id))
        return int(found.scalar_one())


def patient_version(engine: Engine, patient_id: int) -> int:
    with engine.connect() as conn:
        found = conn.execute(select(PATIENT.c.version).where(PATIENT.c.id == patient_id))
        return int(found.scalar_one())


def smm_patient(engine: Engine) -> int:
    """A patient in SMM since SMM_DATE."""
    change = create_patient(engine, PATIENT_DATA, ACTOR, today=TODAY)
    add_entry(
        engine,
        change.patient_id,
        "phase_changes",
        {"date": SMM_DATE.isoformat(), "phase": "SMM"},
        ACTOR,
        today=TODAY,
    )
    return change.patient_id


@pytest.fixture
def patient_id(engine: Engine) -> int:
    return smm_patient(engine)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def refusing(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Engine, int]]:
    """One database per backend shared by the tests of refused writes.

    Sharing is safe because each of those tests checks that nothing changed.
    """
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('refusing') / 'refusing.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_cluster").create_database()
    shared = make_engine(url)
    upgrade(shared)
    yield shared, smm_patient(shared)
    shared.dispose()


def weight(date: dt.date = TODAY, kg: float = 72.5) -> dict[str, Any]:
    return {"date": date.isoformat(), "weight_kg": kg}


def calcium(value: float = 2.4, unit: str = "mmol/L") -> dict[str, Any]:
    return {
        "date": TODAY.isoformat(),
        "analyte": "calcium",
        "value": value,
        "unit": unit,
        "calcium_kind": "total",
    }


# --- refused entries change nothing -------------------------------------------------------

REFUSED = [
    pytest.param("lab_results", calcium(7.0), "value", ["0.5–6 mmol/L"], id="calcium above 6"),
    pytest.param("lab_results", calcium(2.0, "mg/dL"), "value", ["0.5–6 mmol/L"],
                 id="calcium 2 mg/dL below 0.5 mmol/L"),
    pytest.param("lab_results", calcium(2.4, "mg/L"), "unit", ["mmol/L", "mg/dL"],
                 id="calcium in an unknown unit"),
    pytest.param("lab_results", {**calcium(), "analyte": "potassium"}, "analyte",
                 ["calcium", "creatinine"], id="unknown analyte"),
    pytest.param("weights", weight(kg=350), "weight_kg", ["20–300 kg"], id="weight 350 kg"),
    pytest.param("weights", weight(TODAY + dt.timedelta(days=1)), "date", ["future"],
                 id="date in the future"),
    pytest.param("weights", weight(BORN - dt.timedelta(days=1)), "date", ["date of birth"],
                 id="date before birth"),
    pytest.param("weights", {**weight(), "colour": "red"}, "colour", ["not a known field"],
                 id="unknown field"),
    pytest.param("weights", {"date": TODAY.isoformat()}, "weight_kg", ["required", "number"],
                 id="missing field"),
    pytest.param("weights", {**weight(), "weight_kg": "heavy"}, "weight_kg", ["number"],
                 id="wrong type"),
    pytest.param("weights", {**weight(), "date": "15/06/2025"}, "date", ["YYYY-MM-DD"],
                 id="date not ISO"),
    pytest.param("phase_changes", {"date": "2021-01-01", "phase": "MAINTENANCE"},
                 "phase_changes.phase", ["SMM → MAINTENANCE", "NDMM"],
                 id="SMM → MAINTENANCE"),
    pytest.param("phase_changes", {"date": "2021-01-01", "phase": "RELAPSE"}, "line_number",
                 ["RELAPSE", "line 2"], id="RELAPSE without a line number"),
    pytest.param("phase_changes", {"date": SMM_DATE.isoformat(), "phase": "NDMM"},
                 "phase_changes.date", ["one per day"], id="two phase changes on one day"),
    pytest.param("visits", {"date": TODAY.isoformat(), "ecog": 5}, "ecog", ["0–4"],
                 id="ECOG 5"),
    pytest.param("labs", weight(), "kind", ["lab_results"], id="unknown entry kind"),
    # 150 characters as typed, 300 once composed (NFC): U+0958 decomposes; the column holds 200
    pytest.param("treatment_lines", {"line_number": 1, "regimen": "\u0958" * 150,
                                     "intent": "induction", "start_date": "2022-03-05"},
                 "regimen", ["longer than 200 characters"], id="regimen longer than its column"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "data", "path", "words"), REFUSED)
def test_refused_entry_names_the_field_and_changes_nothing(
    refusing: tuple[Engine, int], kind: str, data: dict[str, Any], path: str, words: list[str]
) -> None:
    engine, patient_id = refusing
    before = snapshot(engine)
    with pytest.raises(ValidationError) as caught:
        add_entry(engine, patient_id, kind, data, OTHER, today=TODAY)
    problems = {p.path: p.message for p in caught.value.problems}
    assert path in problems, caught.value.problems
    for word in words:
        assert word in problems[path]
    assert snapshot(engine) == before


def test_refused_update_changes_nothing(engine: Engine, patient_id: int) -> None:
    added = add_entry(engine, patient_id, "weights", weight(), ACTOR, today=TODAY)
    before = snapshot(engine)
    with pytest.raises(ValidationError) as caught:
        update_entry(
            engine,
            "weights",
            added.row_id,
            1,
            {"weight_kg": 5},
            OTHER,
            today=TODAY,
            reason="test: corrected",
        )
    assert [p.path for p in caught.value.problems] == ["weight_kg"]
    assert "20–300 kg" in caught.value.problems[0].message
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"id": str(uuid.uuid4())}, id="the id"),
        pytest.param({"patient_id": 999}, id="the patient"),
        pytest.param({"version": 7}, id="the version"),
    ],
)
def test_bookkeeping_cannot_be_changed_through_an_update(
    engine: Engine, patient_id: int, changes: dict[str, Any]
) -> None:
    added = add_entry(engine, patient_id, "weights", weight(), ACTOR, today=TODAY)
    before = snapshot(engine)
    with pytest.raises(ValidationError):
        update_entry(
            engine,
            "weights",
            added.row_id,
            1,
            changes,
            OTHER,
            today=TODAY,
            reason="test: corrected",
        )
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        pytest.param({"status": "deceased"}, "status_date", id="deceased without a date"),
        pytest.param({"status": "dead", "status_date": "2025-01-01"}, "status",
                     id="unknown status"),
        pytest.param({"height_cm": 250}, "height_cm", id="height 250 cm"),
        pytest.param({"date_of_birth": "2030-01-01"}, "date_of_birth", id="born in the future"),
        pytest.param({"revision": 9}, "revision", id="the revision"),
    ],
)  # fmt: skip
def test_refused_patient_change_changes_nothing(
    refusing: tuple[Engine, int], changes: dict[str, Any], path: str
) -> None:
    engine, patient_id = refusing
    before = snapshot(engine)
    with pytest.raises(ValidationError) as caught:
        update_patient(engine, patient_id, 1, changes, OTHER, today=TODAY, reason="test")
    assert path in [p.path for p in caught.value.problems]
    assert snapshot(engine) == before


def test_duplicate_mrn_is_refused(engine: Engine, patient_id: int) -> None:
    before = snapshot(engine)
    with pytest.raises(ValidationError) as caught:
        create_patient(engine, {**PATIENT_DATA, "name": "Someone Else"}, OTHER, today=TODAY)
    assert [p.path for p in caught.value.problems] == ["mrn"]
    assert PATIENT_DATA["mrn"] in caught.value.problems[0].message
    assert snapshot(engine) == before


def test_changing_the_mrn_to_another_patients_is_refused(engine: Engine, patient_id: int) -> None:
    other = create_patient(engine, {**PATIENT_DATA, "mrn": "MRN-0002"}, ACTOR, today=TODAY)
    before = snapshot(engine)
    with pytest.raises(ValidationError) as caught:
        update_patient(
            engine, other.patient_id, 1, {"mrn": "MRN-0001"}, OTHER, today=TODAY, reason="test"
        )
    assert [p.path for p in caught.value.problems] == ["mrn"]
    assert snapshot(engine) == before


def test_a_name_longer_than_its_column_once_composed_is_refused_naming_it(
    engine: Engine, patient_id: int
) -> None:
    before = snapshot(engine)
    long_name = {"mrn": "NFC-1", "name": "\u0958" * 150, "sex": "F", "date_of_birth": "1950-01-02"}
    with pytest.raises(ValidationError) as caught:
        create_patient(engine, long_name, ACTOR, today=TODAY)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("name", "must be 1–200 characters")
    ]
    assert snapshot(engine) == before


def test_new_patient_is_checked_before_it_is_written(engine: Engine) -> None:
    before = snapshot(engine)
    with pytest.raises(ValidationError) as caught:
        create_patient(engine, {**PATIENT_DATA, "height_cm": 99}, ACTOR, today=TODAY)
    assert [p.path for p in caught.value.problems] == ["height_cm"]
    assert "100–230 cm" in caught.value.problems[0].message
    with pytest.raises(ValidationError) as caught:
        create_patient(engine, {**PATIENT_DATA, "sex": "X", "nickname": "x"}, ACTOR, today=TODAY)
    assert {p.path for p in caught.value.problems} == {"sex", "nickname"}
    assert snapshot(engine) == before


# --- stale edits --------------------------------------------------------------------------


def test_stale_entry_update_is_refused(engine: Engine, patient_id: int) -> None:
    added = add_entry(engine, patient_id, "weights", weight(), ACTOR, today=TODAY)
    update_entry(
        engine,
        "weights",
        added.row_id,
        1,
        {"weight_kg": 71},
        ACTOR,
        today=TODAY,
        reason="test: corrected",
    )
    before = snapshot(engine)
    with pytest.raises(StaleEditError, match=ACTOR):
        update_entry(
            engine,
            "weights",
            added.row_id,
            1,
            {"weight_kg": 70},
            OTHER,
            today=TODAY,
            reason="test: corrected",
        )
    assert snapshot(engine) == before
    assert load_history(engine, patient_id).weights[0].weight_kg == 71


def test_stale_entry_delete_is_refused(engine: Engine, patient_id: int) -> None:
    added = add_entry(engine, patient_id, "weights", weight(), ACTOR, today=TODAY)
    update_entry(
        engine,
        "weights",
        added.row_id,
        1,
        {"weight_kg": 71},
        ACTOR,
        today=TODAY,
        reason="test: corrected",
    )
    before = snapshot(engine)
    with pytest.raises(StaleEditError):
        delete_entry(engine, "weights", added.row_id, 1, OTHER, reason="test: deleted")
    assert snapshot(engine) == before


def test_stale_patient_update_is_refused(engine: Engine, patient_id: int) -> None:
    update_patient(engine, patient_id, 1, {"name": "Renamed"}, ACTOR, today=TODAY, reason="typo")
    before = snapshot(engine)
    with pytest.raises(StaleEditError):
        update_patient(
            engine, patient_id, 1, {"height_cm": 170.0}, OTHER, today=TODAY, reason="test"
        )
    assert snapshot(engine) == before


# --- successful writes: one audit row each, revision + 1 -----------------------------------


def _one_new_audit(engine: Engine, seen: int) -> dict[str, Any]:
    rows = audit_rows(engine)
    assert len(rows) == seen + 1
    return rows[-1]


def _parsed(text: str | None) -> dict[str, Any] | None:
    return None if text is None else json.loads(text)


def _check_audit(
    row: dict[str, Any], *, patient_id: int, table: str, row_id: str, action: str, actor: str
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    assert row["patient_id"] == patient_id
    assert row["table_name"] == table
    assert row["row_id"] == row_id
    assert row["action"] == action
    assert row["actor"] == actor
    assert row["at"].utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.UTC) - row["at"]) < dt.timedelta(minutes=5)
    return _parsed(row["before"]), _parsed(row["after"])


def test_create_patient_is_audited_at_revision_one(engine: Engine) -> None:
    change = create_patient(engine, PATIENT_DATA, ACTOR, today=TODAY)
    assert change.revision == 1
    assert revision(engine, change.patient_id) == 1
    (row,) = audit_rows(engine)
    before, after = _check_audit(
        row,
        patient_id=change.patient_id,
        table="patient",
        row_id=str(change.patient_id),
        action="insert",
        actor=ACTOR,
    )
    assert before is None
    assert after is not None
    assert after["mrn"] == "MRN-0001"
    assert after["date_of_birth"] == "1950-03-01"
    assert after["created_by"] == ACTOR


def test_add_entry_is_audited_and_bumps_the_revision(engine: Engine, patient_id: int) -> None:
    seen, rev = len(audit_rows(engine)), revision(engine, patient_id)
    change = add_entry(
        engine, patient_id, "lab_results", calcium(10.0, "mg/dL"), OTHER, today=TODAY
    )
    assert change == Change(patient_id, rev + 1, frozenset({"lab_results"}), change.row_id)
    assert revision(engine, patient_id) == rev + 1
    uuid.UUID(change.row_id)
    before, after = _check_audit(
        _one_new_audit(engine, seen),
        patient_id=patient_id,
        table="lab_result",
        row_id=change.row_id,
        action="insert",
        actor=OTHER,
    )
    assert before is None
    assert after is not None
    assert after["id"] == change.row_id
    assert after["patient_id"] == patient_id
    assert after["value"] == 10.0
    assert after["unit"] == "mg/dL"
    assert after["canonical_value"] == pytest.approx(2.495)  # §9: mg/dL × 0.2495
    assert after["created_by"] == OTHER
    assert after["version"] == 1
    (lab,) = load_history(engine, patient_id).lab_results
    assert lab == LabResult(
        id=change.row_id,
        date=TODAY,
        analyte=Analyte.CALCIUM,
        value=10.0,
        unit="mg/dL",
        calcium_kind=CalciumKind.TOTAL,
    )


def test_update_entry_is_audited_and_bumps_the_revision(engine: Engine, patient_id: int) -> None:
    added = add_entry(engine, patient_id, "lab_results", calcium(2.4), ACTOR, today=TODAY)
    seen, rev = len(audit_rows(engine)), revision(engine, patient_id)
    change = update_entry(
        engine,
        "lab_results",
        added.row_id,
        1,
        {"value": 11.0, "unit": "mg/dL"},
        OTHER,
        today=TODAY,
        reason="test: corrected",
    )
    assert change.revision == rev + 1
    assert revision(engine, patient_id) == rev + 1
    before, after = _check_audit(
        _one_new_audit(engine, seen),
        patient_id=patient_id,
        table="lab_result",
        row_id=added.row_id,
        action="update",
        actor=OTHER,
    )
    assert before is not None
    assert after is not None
    assert (before["value"], before["unit"], before["version"]) == (2.4, "mmol/L", 1)
    assert (after["value"], after["unit"], after["version"]) == (11.0, "mg/dL", 2)
    assert after["canonical_value"] == pytest.approx(11.0 * 0.2495)
    assert (before["updated_by"], after["updated_by"]) == (ACTOR, OTHER)
    assert after["created_by"] == ACTOR
    stored = load_record_rows(engine, [patient_id])[patient_id].entries["lab_results"][0]
    assert stored["canonical_value"] == pytest.approx(2.74450)
    assert stored["version"] == 2


def test_delete_entry_is_audited_and_bumps_the_revision(engine: Engine, patient_id: int) -> None:
    added = add_entry(engine, patient_id, "weights", weight(), ACTOR, today=TODAY)
    seen, rev = len(audit_rows(engine)), revision(engine, patient_id)
    change = delete_entry(engine, "weights", added.row_id, 1, OTHER, reason="test: deleted")
    assert change.revision == rev + 1
    assert revision(engine, patient_id) == rev + 1
    before, after = _check_audit(
        _one_new_audit(engine, seen),
        patient_id=patient_id,
        table="weight",
        row_id=added.row_id,
        action="delete",
        actor=OTHER,
    )
    assert after is None
    assert before is not None
    assert before["weight_kg"] == 72.5
    assert before["date"] == TODAY.isoformat()
    assert load_history(engine, patient_id).weights == ()


def test_patient_death_is_audited_and_bumps_the_revision(engine: Engine, patient_id: int) -> None:
    seen, rev = len(audit_rows(engine)), revision(engine, patient_id)
    died = dt.date(2025, 5, 2)
    change = update_patient(
        engine,
        patient_id,
        1,
        {"status": "deceased", "status_date": died.isoformat()},
        OTHER,
        today=TODAY,
        reason="died on the ward",
    )
    assert change.revision == rev + 1
    assert revision(engine, patient_id) == rev + 1
    assert patient_version(engine, patient_id) == 2
    before, after = _check_audit(
        _one_new_audit(engine, seen),
        patient_id=patient_id,
        table="patient",
        row_id=str(patient_id),
        action="update",
        actor=OTHER,
    )
    assert before is not None
    assert after is not None
    assert (before["status"], before["status_date"]) == ("active", None)
    assert (after["status"], after["status_date"]) == ("deceased", died.isoformat())
    assert (before["revision"], after["revision"]) == (rev, rev + 1)
    assert (before["version"], after["version"]) == (1, 2)
    assert after["updated_by"] == OTHER
    patient = load_history(engine, patient_id).patient
    assert patient.status is PatientStatus.DECEASED
    assert patient.status_date == died


def test_a_sequence_of_writes_counts_one_revision_and_one_audit_row_each(
    engine: Engine,
) -> None:
    pid = create_patient(engine, PATIENT_DATA, ACTOR, today=TODAY).patient_id

    def add(kind: str, data: dict[str, Any]) -> Callable[[], Change]:
        return lambda: add_entry(engine, pid, kind, data, ACTOR, today=TODAY)

    writes = [
        add("phase_changes", {"date": "2021-02-01", "phase": "NDMM"}),
        add("weights", weight()),
        add("visits", {"date": TODAY.isoformat(), "ecog": 1}),
        lambda: update_patient(
            engine, pid, 1, {"height_cm": 166.0}, ACTOR, today=TODAY, reason="measured"
        ),
    ]
    for n, write in enumerate(writes, start=2):
        assert write().revision == n
        assert revision(engine, pid) == n
        assert len(audit_rows(engine)) == n


# --- phase changes in the record ----------------------------------------------------------


def _course(engine: Engine, patient_id: int) -> dict[str, str]:
    """SMM (fixture) → NDMM → ASCT; the ids by phase."""
    ids = {}
    for date, phase in (("2021-03-01", "NDMM"), ("2021-09-01", "ASCT")):
        data = {"date": date, "phase": phase}
        ids[phase] = add_entry(engine, patient_id, "phase_changes", data, ACTOR, today=TODAY).row_id
    return ids


def test_deleting_a_phase_change_that_breaks_the_sequence_is_refused(
    engine: Engine, patient_id: int
) -> None:
    ids = _course(engine, patient_id)
    before = snapshot(engine)
    with pytest.raises(ValidationError) as caught:
        delete_entry(
            engine, "phase_changes", ids["NDMM"], 1, OTHER, reason="test: deleted"
        )  # leaves SMM → ASCT
    assert "SMM → ASCT" in str(caught.value)
    assert snapshot(engine) == before
    delete_entry(
        engine, "phase_changes", ids["ASCT"], 1, OTHER, reason="test: deleted"
    )  # SMM → NDMM is fine
    phases = [c.phase for c in load_history(engine, patient_id).phase_changes]
    assert phases == [Phase.SMM, Phase.NDMM]


def test_updating_a_phase_change_into_a_bad_sequence_is_refused(
    engine: Engine, patient_id: int
) -> None:
    ids = _course(engine, patient_id)
    before = snapshot(engine)
    with pytest.raises(ValidationError):
        update_entry(
            engine,
            "phase_changes",
            ids["NDMM"],
            1,
            {"phase": "MAINTENANCE"},
            OTHER,
            today=TODAY,
            reason="test: corrected",
        )
    assert snapshot(engine) == before
    # Moving a phase change to another date re-checks the order with itself left out.
    update_entry(
        engine,
        "phase_changes",
        ids["NDMM"],
        1,
        {"date": "2021-04-01"},
        OTHER,
        today=TODAY,
        reason="test: corrected",
    )
    with pytest.raises(ValidationError):
        update_entry(
            engine,
            "phase_changes",
            ids["NDMM"],
            2,
            {"date": "2022-01-01"},
            OTHER,
            today=TODAY,
            reason="test: corrected",
        )


def test_relapse_lines_follow_each_other(engine: Engine, patient_id: int) -> None:
    _course(engine, patient_id)

    def relapse(date: str, line: int) -> Change:
        data = {"date": date, "phase": "RELAPSE", "line_number": line}
        return add_entry(engine, patient_id, "phase_changes", data, ACTOR, today=TODAY)

    relapse("2023-01-01", 2)
    before = snapshot(engine)
    with pytest.raises(ValidationError) as caught:
        relapse("2024-01-01", 2)
    assert [p.path for p in caught.value.problems] == ["phase_changes.line_number"]
    assert snapshot(engine) == before
    relapse("2024-01-01", 3)


# --- missing rows -------------------------------------------------------------------------


def test_missing_entry_or_patient_raises_not_found(engine: Engine, patient_id: int) -> None:
    missing = str(uuid.uuid4())
    before = snapshot(engine)
    with pytest.raises(NotFoundError):
        update_entry(
            engine,
            "weights",
            missing,
            1,
            {"weight_kg": 70},
            ACTOR,
            today=TODAY,
            reason="test: corrected",
        )
    with pytest.raises(NotFoundError):
        delete_entry(engine, "weights", missing, 1, ACTOR, reason="test: deleted")
    with pytest.raises(NotFoundError):
        add_entry(engine, patient_id + 1000, "weights", weight(), ACTOR, today=TODAY)
    with pytest.raises(NotFoundError):
        update_patient(engine, patient_id + 1000, 1, {"name": "X"}, ACTOR, today=TODAY, reason="x")
    assert snapshot(engine) == before


def test_entry_deleted_by_someone_else_is_not_found(engine: Engine, patient_id: int) -> None:
    added = add_entry(engine, patient_id, "weights", weight(), ACTOR, today=TODAY)
    delete_entry(engine, "weights", added.row_id, 1, OTHER, reason="test: deleted")
    with pytest.raises(NotFoundError):
        update_entry(
            engine,
            "weights",
            added.row_id,
            1,
            {"weight_kg": 70},
            ACTOR,
            today=TODAY,
            reason="test: corrected",
        )


def test_an_entry_of_one_kind_is_not_found_as_another(engine: Engine, patient_id: int) -> None:
    added = add_entry(engine, patient_id, "weights", weight(), ACTOR, today=TODAY)
    with pytest.raises(NotFoundError):
        delete_entry(engine, "visits", added.row_id, 1, ACTOR, reason="test: deleted")


# --- two workstations at once -------------------------------------------------------------

THREADS = 2
WRITES_PER_THREAD = 12


def test_concurrent_writers_lose_no_entry_and_count_every_revision(
    engine: Engine, patient_id: int
) -> None:
    start_revision = revision(engine, patient_id)
    url = engine.url.render_as_string(hide_password=False)
    engines = [make_engine(url) for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    changes: list[Change] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(index: int) -> None:
        mine = engines[index]
        try:
            barrier.wait(timeout=30)
            for n in range(WRITES_PER_THREAD):
                kg = 50.0 + index * 100 + n  # a unique weight per write
                change = add_entry(mine, patient_id, "weights", weight(kg=kg), ACTOR, today=TODAY)
                with lock:
                    changes.append(change)
        except BaseException as exc:  # reported below, on the test's thread
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not any(t.is_alive() for t in threads)
    finally:
        for e in engines:
            e.dispose()
    assert errors == []

    total = THREADS * WRITES_PER_THREAD
    assert revision(engine, patient_id) == start_revision + total
    # Each write saw its own revision: none was computed from a stale count.
    assert sorted(c.revision for c in changes) == list(
        range(start_revision + 1, start_revision + total + 1)
    )
    weights = load_history(engine, patient_id).weights
    assert {w.id for w in weights} == {c.row_id for c in changes}
    expected_kg = {50.0 + i * 100 + n for i in range(THREADS) for n in range(WRITES_PER_THREAD)}
    assert {w.weight_kg for w in weights} == expected_kg
    assert all(isinstance(w, Weight) for w in weights)
    with engine.connect() as conn:
        audited = conn.execute(
            select(func.count()).select_from(AUDIT).where(AUDIT.c.table_name == "weight")
        ).scalar_one()
    assert audited == total


def test_an_entry_id_already_in_the_database_is_refused(engine: Engine, patient_id: int) -> None:
    entry_id = str(uuid.uuid4())
    add_entry(engine, patient_id, "weights", {**weight(), "id": entry_id}, ACTOR, today=TODAY)
    before = snapshot(engine)
    with pytest.raises(ValidationError, match="clashes"):
        add_entry(
            engine, patient_id, "weights", {**weight(kg=80.0), "id": entry_id}, ACTOR, today=TODAY
        )
    assert snapshot(engine) == before


# --- why an entry was corrected or deleted, and writes made since a form was opened -------


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_a_correction_or_deletion_without_a_reason_is_refused_and_nothing_written(
    engine: Engine, patient_id: int, reason: str
) -> None:
    added = add_entry(engine, patient_id, "weights", weight(), ACTOR, today=TODAY)
    before = snapshot(engine)
    with pytest.raises(ValidationError) as refused:
        update_entry(
            engine, "weights", added.row_id, 1, {"weight_kg": 70}, ACTOR, today=TODAY, reason=reason
        )
    assert [p.path for p in refused.value.problems] == ["reason"]
    with pytest.raises(ValidationError, match="reason"):
        delete_entry(engine, "weights", added.row_id, 1, ACTOR, reason=reason)
    assert snapshot(engine) == before


def test_the_audit_keeps_why_and_the_revision_each_write_made(
    engine: Engine, patient_id: int
) -> None:
    seen = len(audit_rows(engine))
    added = add_entry(engine, patient_id, "weights", weight(), ACTOR, today=TODAY)
    update_entry(
        engine,
        "weights",
        added.row_id,
        1,
        {"weight_kg": 70},
        OTHER,
        today=TODAY,
        reason="  typed 72.5 for 70  ",
    )
    deleted = delete_entry(engine, "weights", added.row_id, 2, ACTOR, reason="wrong patient")
    rows = audit_rows(engine)[seen:]
    assert [(r["action"], r["reason"], r["revision"]) for r in rows] == [
        ("insert", None, deleted.revision - 2),
        ("update", "typed 72.5 for 70", deleted.revision - 1),
        ("delete", "wrong patient", deleted.revision),
    ]
    assert revision(engine, patient_id) == deleted.revision


def test_a_write_since_the_form_was_opened_is_named_and_the_save_refused(
    engine: Engine, patient_id: int
) -> None:
    opened = revision(engine, patient_id)  # a form opens on the patient
    other = add_entry(engine, patient_id, "weights", weight(kg=80), OTHER, today=TODAY)
    before = snapshot(engine)
    with pytest.raises(StaleEditError) as refused:
        add_entry(
            engine, patient_id, "weights", weight(), ACTOR, today=TODAY, expected_revision=opened
        )
    assert [(c.table, c.action, c.actor) for c in refused.value.changes] == [
        ("weight", "insert", OTHER)
    ]
    assert "weight insert by doctor@clinic-2" in str(refused.value)
    with pytest.raises(StaleEditError):
        delete_entry(
            engine, "weights", other.row_id, 1, ACTOR, reason="dup", expected_revision=opened
        )
    with pytest.raises(StaleEditError):
        update_entry(
            engine,
            "weights",
            other.row_id,
            1,
            {"weight_kg": 79},
            ACTOR,
            today=TODAY,
            reason="typo",
            expected_revision=opened,
        )
    assert snapshot(engine) == before
    # read again, the form saves
    again = add_entry(
        engine,
        patient_id,
        "weights",
        weight(),
        ACTOR,
        today=TODAY,
        expected_revision=other.revision,
    )
    assert again.revision == other.revision + 1


def test_a_lab_panel_is_added_whole_in_one_write(engine: Engine, patient_id: int) -> None:
    seen, rev = len(audit_rows(engine)), revision(engine, patient_id)
    panel = [
        calcium(2.4),
        {"date": TODAY.isoformat(), "analyte": "albumin", "value": 38.0, "unit": "g/L"},
        {"date": TODAY.isoformat(), "analyte": "creatinine", "value": 90.0, "unit": "umol/L"},
    ]
    change = add_entries(engine, patient_id, "lab_results", panel, ACTOR, today=TODAY)
    assert change.revision == rev + 1 == revision(engine, patient_id)  # one write
    labs = load_history(engine, patient_id).lab_results
    assert sorted(lab.analyte.value for lab in labs) == ["albumin", "calcium", "creatinine"]
    assert [r["action"] for r in audit_rows(engine)[seen:]] == ["insert"] * 3


def test_a_lab_panel_with_one_bad_value_writes_nothing_and_names_it(
    engine: Engine, patient_id: int
) -> None:
    """A calcium of 25 mmol/L is outside its sanity limits: nothing of the panel is saved."""
    before = snapshot(engine)
    panel = [
        {"date": TODAY.isoformat(), "analyte": "albumin", "value": 38.0, "unit": "g/L"},
        calcium(25.0),
    ]
    with pytest.raises(ValidationError) as refused:
        add_entries(engine, patient_id, "lab_results", panel, ACTOR, today=TODAY)
    assert [p.path for p in refused.value.problems] == ["[1].value"]
    assert snapshot(engine) == before


def test_a_patient_correction_needs_a_reason_and_the_audit_keeps_it(
    engine: Engine, patient_id: int
) -> None:
    before = snapshot(engine)
    with pytest.raises(ValidationError) as caught:
        update_patient(engine, patient_id, 1, {"name": "Renamed"}, OTHER, today=TODAY, reason=" ")
    assert [p.path for p in caught.value.problems] == ["reason"]
    assert snapshot(engine) == before
    update_patient(
        engine, patient_id, 1, {"name": "Renamed"}, OTHER, today=TODAY, reason="misspelt"
    )
    (last,) = audit_rows(engine)[-1:]
    assert (last["table_name"], last["action"], last["reason"]) == ("patient", "update", "misspelt")


def test_a_patient_correction_from_a_stale_view_is_refused(engine: Engine, patient_id: int) -> None:
    seen = revision(engine, patient_id)
    add_entry(engine, patient_id, "weights", {"date": "2025-01-02", "weight_kg": 60}, OTHER, TODAY)
    before = snapshot(engine)
    with pytest.raises(StaleEditError) as caught:
        update_patient(
            engine,
            patient_id,
            1,
            {"name": "Renamed"},
            ACTOR,
            today=TODAY,
            reason="misspelt",
            expected_revision=seen,
        )
    assert [(c.table, c.action) for c in caught.value.changes] == [("weight", "insert")]
    assert snapshot(engine) == before
