"""The patient list and the revision counters, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from logic.builders import policy
from sqlalchemy import Engine, event

from mmtracker.demo import generate_records
from mmtracker.logic.codes import PatientStatus, Phase, Sex
from mmtracker.logic.context import Context
from mmtracker.storage.bulk import write_records
from mmtracker.storage.engine import StorageError, make_engine
from mmtracker.storage.loaders import load_histories
from mmtracker.storage.patient_list import PatientListRow, patient_list, revisions
from mmtracker.storage.services import add_entry, create_patient, update_patient

TODAY = dt.date(2026, 3, 1)
ACTOR = "nurse@test"


def new_patient(engine: Engine, mrn: str, name: str, born: str, sex: str = "F") -> int:
    data = {"mrn": mrn, "name": name, "sex": sex, "date_of_birth": born}
    return create_patient(engine, data, ACTOR, TODAY).patient_id


def add(engine: Engine, patient_id: int, kind: str, **data: Any) -> None:
    add_entry(engine, patient_id, kind, data, ACTOR, TODAY)


@contextmanager
def counted(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements sent to the database inside the block."""
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def only(engine: Engine, as_of: dt.date) -> PatientListRow:
    (row,) = patient_list(engine, as_of)
    return row


@pytest.mark.parametrize(
    ("born", "as_of", "age"),
    [
        ("1960-03-15", dt.date(2026, 3, 14), 65),  # the day before the birthday
        ("1960-03-15", dt.date(2026, 3, 15), 66),  # on the birthday
        ("1960-03-15", dt.date(2026, 12, 31), 66),
        ("1964-02-29", dt.date(2025, 2, 28), 60),  # born on 29 February ...
        ("1964-02-29", dt.date(2025, 3, 1), 61),  # ... one year older from 1 March
        ("1964-02-29", dt.date(2024, 2, 29), 60),
    ],
)
def test_age_on_the_given_date(engine: Engine, born: str, as_of: dt.date, age: int) -> None:
    new_patient(engine, "MM-1", "Li Na", born)
    assert only(engine, as_of).age == age


def test_age_of_a_deceased_patient_stops_at_death(engine: Engine) -> None:
    pid = new_patient(engine, "MM-1", "Li Na", "1950-06-01")
    update_patient(
        engine,
        pid,
        1,
        {"status": "deceased", "status_date": "2025-05-31"},
        ACTOR,
        TODAY,
        reason="died",
    )
    row = only(engine, TODAY)
    assert row.age == 74
    assert row.status is PatientStatus.DECEASED
    assert row.status_date == dt.date(2025, 5, 31)
    assert only(engine, dt.date(2025, 1, 1)).age == 74


@pytest.mark.parametrize(
    ("as_of", "phase"),
    [
        (dt.date(2020, 1, 9), None),  # before the first phase change
        (dt.date(2020, 1, 10), Phase.SMM),  # on the day of a change
        (dt.date(2022, 4, 30), Phase.SMM),
        (dt.date(2022, 5, 1), Phase.NDMM),
        (dt.date(2022, 9, 30), Phase.NDMM),
        (dt.date(2026, 3, 1), Phase.ASCT),
    ],
)
def test_phase_is_the_latest_change_on_or_before_the_date(
    engine: Engine, as_of: dt.date, phase: Phase | None
) -> None:
    pid = new_patient(engine, "MM-1", "Li Na", "1955-01-01")
    add(engine, pid, "phase_changes", date="2022-05-01", phase="NDMM")  # not entered in order
    add(engine, pid, "phase_changes", date="2020-01-10", phase="SMM")
    add(engine, pid, "phase_changes", date="2022-10-01", phase="ASCT")
    assert only(engine, as_of).phase is phase


def test_the_next_visit_is_the_one_the_last_visit_booked(engine: Engine) -> None:
    pid = new_patient(engine, "MM-1", "Li Na", "1955-01-01")
    add(engine, pid, "visits", date="2024-01-05", next_visit="2024-04-05")
    add(engine, pid, "visits", date="2024-06-01")  # booked nothing
    assert only(engine, dt.date(2024, 3, 1)).next_visit == dt.date(2024, 4, 5)
    assert only(engine, TODAY).next_visit is None
    add(
        engine, pid, "visits", date="2024-06-01", next_visit="2024-09-01"
    )  # same day, recorded later
    assert only(engine, TODAY).next_visit == dt.date(2024, 9, 1)


def test_last_visit_on_or_before_the_date(engine: Engine) -> None:
    pid = new_patient(engine, "MM-1", "Li Na", "1955-01-01")
    assert only(engine, TODAY).last_visit is None
    add(engine, pid, "visits", date="2024-06-01")
    add(engine, pid, "visits", date="2024-01-05")
    assert only(engine, TODAY).last_visit == dt.date(2024, 6, 1)
    assert only(engine, dt.date(2024, 3, 1)).last_visit == dt.date(2024, 1, 5)
    assert only(engine, dt.date(2024, 1, 4)).last_visit is None


def test_rows_carry_the_patient_and_are_ordered_by_name(engine: Engine) -> None:
    zhang = new_patient(engine, "MM-001", "Zhang Wei", "1958-04-02", sex="M")
    wang = new_patient(engine, "MM-002", "王小明", "1965-11-30", sex="M")
    alice = new_patient(engine, "MM-010", "Alice Martin", "1970-03-01")
    rows = patient_list(engine, TODAY)
    assert [r.patient_id for r in rows] == [alice, zhang, wang]
    assert rows[1] == PatientListRow(
        patient_id=zhang,
        mrn="MM-001",
        name="Zhang Wei",
        age=67,
        sex=Sex.MALE,
        phase=None,
        last_visit=None,
        next_visit=None,
        status=PatientStatus.ACTIVE,
        status_date=None,
    )


@pytest.mark.parametrize(
    ("search", "names"),
    [
        ("", ["Alice Martin", "Zhang Wei", "王小明"]),
        ("MM-010", ["Alice Martin"]),  # whole MRN
        ("mm-00", ["Zhang Wei", "王小明"]),  # part of the MRN, any case
        ("wei", ["Zhang Wei"]),  # part of a name, any case
        ("ZHANG", ["Zhang Wei"]),
        ("小明", ["王小明"]),  # Chinese
        ("王小明", ["王小明"]),
        ("  alice  ", ["Alice Martin"]),  # surrounding spaces
        ("%", []),  # SQL wildcards match only themselves
        ("M_-", []),
        ("nobody", []),
    ],
)
def test_search_by_mrn_or_name(engine: Engine, search: str, names: list[str]) -> None:
    new_patient(engine, "MM-001", "Zhang Wei", "1958-04-02", sex="M")
    new_patient(engine, "MM-002", "王小明", "1965-11-30", sex="M")
    new_patient(engine, "MM-010", "Alice Martin", "1970-03-01")
    assert [r.name for r in patient_list(engine, TODAY, search)] == names


def test_the_list_is_one_query_whatever_the_number_of_patients(engine: Engine) -> None:
    for i in range(5):
        pid = new_patient(engine, f"MM-{i}", f"Patient {i}", "1960-01-01")
        add(engine, pid, "phase_changes", date="2024-01-01", phase="NDMM")
        add(engine, pid, "visits", date="2025-01-01")
    with counted(engine) as statements:
        assert len(patient_list(engine, TODAY)) == 5
        patient_list(engine, TODAY, "patient 3")
    assert len(statements) == 2


def test_revisions_change_with_every_write(engine: Engine) -> None:
    assert revisions(engine) == {}
    first = new_patient(engine, "MM-1", "Li Na", "1955-01-01")
    second = new_patient(engine, "MM-2", "Wang Fang", "1956-01-01")
    before = revisions(engine)
    assert set(before) == {first, second}
    add(engine, first, "visits", date="2025-01-01")
    after = revisions(engine)
    assert after[first] > before[first]
    assert after[second] == before[second]
    with counted(engine) as statements:
        revisions(engine)
    assert len(statements) == 1


def test_an_unreadable_database_is_a_storage_error(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'missing-folder' / 'db.sqlite'}")
    with pytest.raises(StorageError, match="could not be read"):
        patient_list(engine, TODAY)
    with pytest.raises(StorageError, match="could not be read"):
        revisions(engine)


@pytest.mark.parametrize(
    "as_of",
    [dt.date(2024, 6, 1), dt.date(2025, 3, 1), dt.date(2026, 1, 15), dt.date(2027, 6, 1)],
    ids=str,
)
def test_the_phase_is_the_one_the_assessment_uses(engine: Engine, as_of: dt.date) -> None:
    """Issue 7 (How): the phase in force on a day is decided by the logic alone (§11 Phases)."""
    write_records(engine, generate_records(40, 3, dt.date(2026, 1, 15)), ACTOR)
    listed = {row.patient_id: row.phase for row in patient_list(engine, as_of)}
    with engine.connect() as conn:
        histories = load_histories(conn, list(listed))
    expected = {pid: Context(h, as_of, policy()).phases.phase for pid, h in histories.items()}
    assert listed == expected
    assert len(set(listed.values())) > 2, "the demo spans several phases"


def test_search_finds_a_name_typed_as_written_with_capitals_beyond_ascii(engine: Engine) -> None:
    """The database lowers both sides alike (on SQLite, ASCII letters alone)."""
    new_patient(engine, "MM-020", "Ülkü Demir", "1961-02-03")
    assert [r.name for r in patient_list(engine, TODAY, "Ülkü")] == ["Ülkü Demir"]
    assert [r.name for r in patient_list(engine, TODAY, "DEMIR")] == ["Ülkü Demir"]
