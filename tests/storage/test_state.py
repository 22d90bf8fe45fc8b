"""Stored care-item state: when a patient is re-assessed, and what is stored.

ARCHITECTURE.md "Stored assessments": a patient is re-assessed when its revision or
the policy changed or ``valid_until`` has come (and when a day before the one it was
computed on is asked for); a write through the services re-assesses the written
patient in the same transaction. Whatever is stored must read, for any day it holds
for, exactly like a full re-assessment of that day. Every test runs on SQLite and on
PostgreSQL (the ``engine`` fixture), on synthetic demo patients.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from logic.builders import policy
from sqlalchemy import Connection, Engine, select

from mmtracker.demo import generate_records
from mmtracker.logic import policy as policy_module
from mmtracker.logic.assessment import evaluate_items
from mmtracker.logic.care import CareItem, Status
from mmtracker.logic.codes import Analyte, PatientStatus
from mmtracker.logic.context import Context
from mmtracker.logic.items import ITEM_ORDER
from mmtracker.logic.messages import Message, Quantity
from mmtracker.logic.policy import Policy
from mmtracker.logic.worklist_order import Show
from mmtracker.storage import state, state_reads
from mmtracker.storage.bulk import write_records
from mmtracker.storage.loaders import load_histories
from mmtracker.storage.outcomes import ValidationError
from mmtracker.storage.services import (
    add_entry,
    create_patient,
    delete_entry,
    update_entry,
    update_patient,
)
from mmtracker.storage.state_reads import decode_message
from mmtracker.storage.tables import PATIENT, table_of
from mmtracker.storage.worklist import worklist

DEMO_DATE = dt.date(2026, 1, 15)
SEED = 2  # 16 patients, 14 of them live
PATIENTS = 16
ACTOR = "nurse@ward-3"

# --- helpers shared with the property and concurrency tests --------------------------------


def live_ids(conn: Connection) -> list[int]:
    query = select(PATIENT.c.id).where(PATIENT.c.status == PatientStatus.ACTIVE.value)
    return sorted(int(pid) for pid in conn.execute(query).scalars())


def stored_by_patient(
    conn: Connection, as_of: dt.date, pol: Policy, ids: Sequence[int] | None = None
) -> dict[int, dict[str, CareItem]]:
    """The stored items of live patients derived for ``as_of``, by patient and item id."""
    found: dict[int, dict[str, CareItem]] = {}
    for stored in state.stored_items(conn, as_of, pol.whole("lead_days"), ids):
        assert stored.item.id not in found.get(stored.patient_id, {}), "an item stored twice"
        found.setdefault(stored.patient_id, {})[stored.item.id] = stored.item
    return found


def full_by_patient(
    conn: Connection, as_of: dt.date, pol: Policy, ids: Sequence[int]
) -> dict[int, dict[str, CareItem]]:
    """A full re-assessment on ``as_of``: every applicable item, by patient and item id."""
    found: dict[int, dict[str, CareItem]] = {}
    for pid, history in load_histories(conn, ids).items():
        items = evaluate_items(Context(history, as_of, pol))
        assert [item.id for item in items] == list(ITEM_ORDER)
        applicable = {i.id: i for i in items if i.status is not Status.NOT_APPLICABLE}
        if applicable:
            found[pid] = applicable
    return found


def differences(
    stored: dict[int, dict[str, CareItem]], full: dict[int, dict[str, CareItem]]
) -> list[tuple[int, str, CareItem | None, CareItem | None]]:
    """(patient, item, stored, full) wherever the two disagree; None where one lacks it."""
    found = []
    for pid in sorted(set(stored) | set(full)):
        mine, theirs = stored.get(pid, {}), full.get(pid, {})
        for item_id in ITEM_ORDER:
            if mine.get(item_id) != theirs.get(item_id):
                found.append((pid, item_id, mine.get(item_id), theirs.get(item_id)))
    return found


def assert_stored_is_full(
    conn: Connection, as_of: dt.date, pol: Policy, ids: Sequence[int] | None = None
) -> None:
    """Stored state read for ``as_of`` equals a full re-assessment of the live patients."""
    ids = live_ids(conn) if ids is None else ids
    stored = stored_by_patient(conn, as_of, pol, ids)
    full = full_by_patient(conn, as_of, pol, ids)
    assert differences(stored, full) == [], f"stored state differs on {as_of}"


def state_rows(conn: Connection) -> dict[int, Any]:
    return {row.patient_id: row for row in conn.execute(select(state.STATE))}


def item_rows(conn: Connection, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    query = (
        select(state.ITEMS)
        .where(state.ITEMS.c.patient_id.in_(ids))
        .order_by(state.ITEMS.c.patient_id, state.ITEMS.c.item_id)
    )
    return [tuple(row) for row in conn.execute(query)]


def revisions(conn: Connection) -> dict[int, int]:
    return {
        int(pid): int(rev) for pid, rev in conn.execute(select(PATIENT.c.id, PATIENT.c.revision))
    }


# --- fixtures ---------------------------------------------------------------------------


@pytest.fixture
def demo(engine: Engine) -> Engine:
    """16 demo patients (2 of them deceased or transferred), nothing assessed yet."""
    write_records(engine, generate_records(PATIENTS, SEED, DEMO_DATE), ACTOR, today=DEMO_DATE)
    return engine


@pytest.fixture
def assessed(demo: Engine) -> Engine:
    """The demo patients, every live one assessed on DEMO_DATE under the shipped policy."""
    state.refresh_stale(demo, DEMO_DATE, policy())
    return demo


# --- first assessment -------------------------------------------------------------------


def test_first_refresh_assesses_every_live_patient(demo: Engine) -> None:
    pol = policy()
    with demo.connect() as conn:
        live = live_ids(conn)
        assert 0 < len(live) < PATIENTS, "the demo holds live and closed patients"
        assert state.stale_patients(conn, DEMO_DATE, pol) == live
    assert state.refresh_stale(demo, DEMO_DATE, pol) == len(live)
    with demo.connect() as conn:
        rows = state_rows(conn)
        assert sorted(rows) == live
        current = revisions(conn)
        for pid, row in rows.items():
            assert row.revision == current[pid]
            assert row.policy_digest == pol.digest
            assert row.computed_on == DEMO_DATE
            assert row.valid_until is None or row.valid_until > DEMO_DATE
        assert state.stale_patients(conn, DEMO_DATE, pol) == []
        assert_stored_is_full(conn, DEMO_DATE, pol)
    assert state.refresh_stale(demo, DEMO_DATE, pol) == 0


def test_items_not_stored_are_exactly_the_not_applicable_ones(assessed: Engine) -> None:
    pol = policy()
    with assessed.connect() as conn:
        ids = live_ids(conn)
        stored = stored_by_patient(conn, DEMO_DATE, pol)
        for pid, history in load_histories(conn, ids).items():
            items = evaluate_items(Context(history, DEMO_DATE, pol))
            absent = {i.id for i in items} - set(stored.get(pid, {}))
            assert absent == {i.id for i in items if i.status is Status.NOT_APPLICABLE}


def test_closed_patients_get_no_stored_items(assessed: Engine) -> None:
    with assessed.connect() as conn:
        closed = [
            int(pid)
            for pid in conn.execute(
                select(PATIENT.c.id).where(PATIENT.c.status != PatientStatus.ACTIVE.value)
            ).scalars()
        ]
        assert closed
        assert item_rows(conn, closed) == []
        assert not set(closed) & set(state_rows(conn))


# --- what makes a patient stale ---------------------------------------------------------


def test_a_policy_change_makes_every_live_patient_stale(assessed: Engine) -> None:
    before, after = policy(), policy(**{"dental.interval_months": 12})
    assert before.digest != after.digest
    with assessed.connect() as conn:
        live = live_ids(conn)
        assert state.stale_patients(conn, DEMO_DATE, before) == []
        assert state.stale_patients(conn, DEMO_DATE, after) == live
    assert state.refresh_stale(assessed, DEMO_DATE, after) == len(live)
    with assessed.connect() as conn:
        assert {row.policy_digest for row in state_rows(conn).values()} == {after.digest}
        assert state.stale_patients(conn, DEMO_DATE, after) == []
        assert_stored_is_full(conn, DEMO_DATE, after)
        # Back to the shipped policy: stale again, every one of them.
        assert state.stale_patients(conn, DEMO_DATE, before) == live


def test_a_policy_change_reaches_the_stored_due_dates(engine: Engine) -> None:
    """D8: the dental interval moves `dental.periodic` due dates; the stored rows follow."""
    records = generate_records(60, 7, DEMO_DATE)
    write_records(engine, records, ACTOR, today=DEMO_DATE)
    six, twelve = policy(), policy(**{"dental.interval_months": 12})
    state.refresh_stale(engine, DEMO_DATE, six)
    with engine.connect() as conn:
        due_six = {
            s.patient_id: s.item.due
            for s in state.stored_items(conn, DEMO_DATE, 14)
            if s.item.id == "dental.periodic"
        }
    assert due_six, "some demo patient has a periodic dental check"
    state.refresh_stale(engine, DEMO_DATE, twelve)
    with engine.connect() as conn:
        due_twelve = {
            s.patient_id: s.item.due
            for s in state.stored_items(conn, DEMO_DATE, 14)
            if s.item.id == "dental.periodic"
        }
        assert_stored_is_full(conn, DEMO_DATE, twelve)
    moved = [pid for pid in due_six if due_six[pid] != due_twelve.get(pid)]
    assert moved


def test_a_change_of_rules_code_alone_makes_every_live_patient_stale(
    assessed: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 7 (How): the rules version is part of the policy digest, so new rules code
    re-assesses everyone even when no policy value changed."""
    before = policy()
    monkeypatch.setattr(policy_module, "RULES_VERSION", policy_module.RULES_VERSION + "-next")
    after = policy()
    assert after.values == before.values
    assert after.digest != before.digest
    with assessed.connect() as conn:
        live = live_ids(conn)
        assert state.stale_patients(conn, DEMO_DATE, after) == live
    assert state.refresh_stale(assessed, DEMO_DATE, after) == len(live)
    with assessed.connect() as conn:
        assert {row.policy_digest for row in state_rows(conn).values()} == {after.digest}
        assert state.stale_patients(conn, DEMO_DATE, after) == []


def valid_until_day(conn: Connection) -> tuple[dt.date, set[int]]:
    """A day that some live patients' valid_until has reached and others' has not."""
    rows = state_rows(conn)
    ends = sorted(row.valid_until for row in rows.values() if row.valid_until is not None)
    assert len(set(ends)) >= 2, "the demo patients' states end on different days"
    day = ends[len(ends) // 2]
    if day == ends[-1]:
        day = ends[0]
    reached = {pid for pid, row in rows.items() if row.valid_until and row.valid_until <= day}
    assert 0 < len(reached) < len(rows)
    return day, reached


def test_passing_valid_until_reassesses_just_those_patients(assessed: Engine) -> None:
    pol = policy()
    with assessed.connect() as conn:
        day, reached = valid_until_day(conn)
        others = sorted(set(live_ids(conn)) - reached)
        kept_states = {pid: row for pid, row in state_rows(conn).items() if pid in others}
        kept_items = item_rows(conn, others)
        assert state.stale_patients(conn, day, pol) == sorted(reached)
    assert state.refresh_stale(assessed, day, pol) == len(reached)
    with assessed.connect() as conn:
        rows = state_rows(conn)
        for pid in reached:
            assert rows[pid].computed_on == day
            assert rows[pid].valid_until is None or rows[pid].valid_until > day
        assert {pid: rows[pid] for pid in others} == kept_states
        assert item_rows(conn, others) == kept_items
        assert state.stale_patients(conn, day, pol) == []
        assert_stored_is_full(conn, day, pol)


def test_the_valid_until_day_itself_is_stale(assessed: Engine) -> None:
    pol = policy()
    with assessed.connect() as conn:
        rows = state_rows(conn)
        pid, end = min(
            ((p, r.valid_until) for p, r in rows.items() if r.valid_until), key=lambda x: x[1]
        )
        assert pid not in state.stale_patients(conn, end - dt.timedelta(days=1), pol)
        assert pid in state.stale_patients(conn, end, pol)
        # The day before, stored rows still read like a full re-assessment, unrefreshed.
        assert_stored_is_full(conn, end - dt.timedelta(days=1), pol, [pid])


def test_a_day_before_the_computation_reassesses(assessed: Engine) -> None:
    pol = policy()
    earlier = DEMO_DATE - dt.timedelta(days=45)
    with assessed.connect() as conn:
        live = live_ids(conn)
        assert state.stale_patients(conn, earlier, pol) == live
    assert state.refresh_stale(assessed, earlier, pol) == len(live)
    with assessed.connect() as conn:
        assert {row.computed_on for row in state_rows(conn).values()} == {earlier}
        assert_stored_is_full(conn, earlier, pol)


def test_reassess_all_redoes_fresh_patients_too(assessed: Engine) -> None:
    pol = policy()
    later = DEMO_DATE + dt.timedelta(days=1)
    seen: list[tuple[int, int]] = []
    with assessed.connect() as conn:
        live = live_ids(conn)
    assert state.reassess_all(assessed, later, pol, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(live), len(live))
    with assessed.connect() as conn:
        assert {row.computed_on for row in state_rows(conn).values()} == {later}
        assert sorted(state_rows(conn)) == live
        assert_stored_is_full(conn, later, pol)


def test_refresh_reports_progress(demo: Engine) -> None:
    seen: list[tuple[int, int]] = []
    count = state.refresh_stale(demo, DEMO_DATE, policy(), lambda d, t: seen.append((d, t)))
    assert seen
    assert seen[-1] == (count, count)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert state.refresh_stale(demo, DEMO_DATE, policy(), lambda d, t: seen.append((d, t))) == 0


# --- writes through the services ----------------------------------------------------------


def calcium(date: dt.date, value: float) -> dict[str, Any]:
    return {
        "date": date.isoformat(),
        "analyte": Analyte.CALCIUM.value,
        "value": value,
        "unit": "mmol/L",
        "calcium_kind": "total",
    }


def first_live(conn: Connection) -> int:
    return live_ids(conn)[0]


Write = Callable[[Engine, int, Any], None]


def _add(engine: Engine, pid: int, hook: Any) -> None:
    add_entry(engine, pid, "lab_results", calcium(DEMO_DATE, 3.1), ACTOR, DEMO_DATE, hook)


def _update(engine: Engine, pid: int, hook: Any) -> None:
    table = table_of("lab_results")
    with engine.connect() as conn:
        row = conn.execute(
            select(table.c.id, table.c.version).where(table.c.patient_id == pid).limit(1)
        ).one()
    update_entry(
        engine,
        "lab_results",
        row.id,
        row.version,
        {"date": "2025-12-01"},
        ACTOR,
        DEMO_DATE,
        hook,
        reason="test: corrected",
    )


def _delete(engine: Engine, pid: int, hook: Any) -> None:
    table = table_of("lab_results")
    with engine.connect() as conn:
        row = conn.execute(
            select(table.c.id, table.c.version)
            .where(table.c.patient_id == pid)
            .order_by(table.c.date.desc())
            .limit(1)
        ).one()
    delete_entry(engine, "lab_results", row.id, row.version, ACTOR, hook, reason="test: deleted")


def _rename(engine: Engine, pid: int, hook: Any) -> None:
    with engine.connect() as conn:
        version = conn.execute(select(PATIENT.c.version).where(PATIENT.c.id == pid)).scalar_one()
    update_patient(
        engine, pid, version, {"name": "Renamed Patient"}, ACTOR, DEMO_DATE, hook, reason="typo"
    )


WRITES = {"add": _add, "update": _update, "delete": _delete, "update_patient": _rename}


@pytest.mark.parametrize("write", WRITES)
def test_a_write_with_on_change_leaves_the_patient_fresh(assessed: Engine, write: str) -> None:
    pol = policy()
    with assessed.connect() as conn:
        pid = first_live(conn)
        others_before = {p: r for p, r in state_rows(conn).items() if p != pid}
    WRITES[write](assessed, pid, state.updater(DEMO_DATE, pol))
    with assessed.connect() as conn:
        row = state_rows(conn)[pid]
        assert row.revision == revisions(conn)[pid]
        assert row.computed_on == DEMO_DATE
        assert state.stale_patients(conn, DEMO_DATE, pol) == []
        assert {p: r for p, r in state_rows(conn).items() if p != pid} == others_before
        assert_stored_is_full(conn, DEMO_DATE, pol)


@pytest.mark.parametrize("write", WRITES)
def test_a_write_without_on_change_leaves_the_patient_stale(assessed: Engine, write: str) -> None:
    pol = policy()
    with assessed.connect() as conn:
        pid = first_live(conn)
    WRITES[write](assessed, pid, None)
    with assessed.connect() as conn:
        assert state_rows(conn)[pid].revision == revisions(conn)[pid] - 1
        assert state.stale_patients(conn, DEMO_DATE, pol) == [pid]
    assert state.refresh_stale(assessed, DEMO_DATE, pol) == 1
    with assessed.connect() as conn:
        assert state_rows(conn)[pid].revision == revisions(conn)[pid]
        assert_stored_is_full(conn, DEMO_DATE, pol)


def test_a_new_patient_is_assessed_by_its_on_change(assessed: Engine) -> None:
    pol = policy()
    data = {"mrn": "NEW-1", "name": "New Patient", "sex": "M", "date_of_birth": "1961-02-03"}
    change = create_patient(assessed, data, ACTOR, DEMO_DATE, state.updater(DEMO_DATE, pol))
    with assessed.connect() as conn:
        row = state_rows(conn)[change.patient_id]
        assert row.revision == change.revision == 1
        assert state.stale_patients(conn, DEMO_DATE, pol) == []
        # §11 alert.hypercalcaemia applies to any live patient, even one with no entry yet.
        items = stored_by_patient(conn, DEMO_DATE, pol, [change.patient_id])
        assert items[change.patient_id]["alert.hypercalcaemia"].status is Status.OK
        assert_stored_is_full(conn, DEMO_DATE, pol, [change.patient_id])


def test_the_reassessment_is_part_of_the_write_transaction(assessed: Engine) -> None:
    """A hook that fails after re-assessing undoes the write and the re-assessment alike."""
    pol = policy()
    update = state.updater(DEMO_DATE, pol)

    def failing(conn: Connection, patient_id: int) -> None:
        update(conn, patient_id)
        raise RuntimeError("the hook fails")

    with assessed.connect() as conn:
        pid = first_live(conn)
        before = state_rows(conn), item_rows(conn, [pid]), revisions(conn)
    with pytest.raises(RuntimeError):
        _add(assessed, pid, failing)
    with assessed.connect() as conn:
        assert (state_rows(conn), item_rows(conn, [pid]), revisions(conn)) == before


def test_a_refused_write_leaves_the_stored_state(assessed: Engine) -> None:
    pol = policy()
    with assessed.connect() as conn:
        pid = first_live(conn)
        before = state_rows(conn), item_rows(conn, [pid])
    with pytest.raises(ValidationError):
        add_entry(
            assessed,
            pid,
            "lab_results",
            calcium(DEMO_DATE, 60.0),  # outside the entry sanity limits
            ACTOR,
            DEMO_DATE,
            state.updater(DEMO_DATE, pol),
        )
    with assessed.connect() as conn:
        assert (state_rows(conn), item_rows(conn, [pid])) == before


def test_an_urgent_value_written_reaches_the_worklist_at_once(assessed: Engine) -> None:
    """§1a C: calcium > 2.75 mmol/L is an urgent `alert.hypercalcaemia` for any live patient."""
    pol = policy()
    with assessed.connect() as conn:
        pid = first_live(conn)
    _add(assessed, pid, state.updater(DEMO_DATE, pol))
    with assessed.connect() as conn:
        item = stored_by_patient(conn, DEMO_DATE, pol, [pid])[pid]["alert.hypercalcaemia"]
    assert item.status is Status.ALERT
    assert item.severity is not None
    assert item.severity.value == "urgent"
    rows = worklist(assessed, DEMO_DATE, pol, item_prefix="alert.hypercalcaemia")
    assert pid in {r.patient_id for r in rows}


# --- deceased and transferred patients ----------------------------------------------------


@pytest.mark.parametrize("status", [PatientStatus.DECEASED, PatientStatus.TRANSFERRED])
@pytest.mark.parametrize("hooked", [True, False], ids=["on_change", "no_hook"])
def test_closed_patients_leave_the_worklist(
    assessed: Engine, status: PatientStatus, hooked: bool
) -> None:
    pol = policy()
    everything = frozenset(Show)
    with assessed.connect() as conn:
        ranked: dict[int, int] = {}
        for stored in state.stored_items(conn, DEMO_DATE, 14):
            if stored.item.status in (Status.OVERDUE, Status.ALERT, Status.DUE_SOON):
                ranked[stored.patient_id] = ranked.get(stored.patient_id, 0) + 1
        pid = max(ranked, key=lambda p: ranked[p])
        version = conn.execute(select(PATIENT.c.version).where(PATIENT.c.id == pid)).scalar_one()
    assert pid in {r.patient_id for r in worklist(assessed, DEMO_DATE, pol)}
    hook = state.updater(DEMO_DATE, pol) if hooked else None
    changes = {"status": status.value, "status_date": DEMO_DATE.isoformat()}
    update_patient(assessed, pid, version, changes, ACTOR, DEMO_DATE, hook, reason="status")
    for day in (DEMO_DATE, DEMO_DATE + dt.timedelta(days=400)):
        for show in (frozenset({Show.URGENT, Show.OVERDUE, Show.DUE_SOON}), everything):
            assert pid not in {r.patient_id for r in worklist(assessed, day, pol, show=show)}
        with assessed.connect() as conn:
            assert pid not in state.stale_patients(conn, day, pol)
            assert pid not in stored_by_patient(conn, day, pol)


# --- one source of truth: the §11 status precedence lives in the logic ---------------------------


def test_derive_takes_every_status_from_logic_care_shown(
    assessed: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 7 (How): stored items get their §11 status from ``care.shown`` only."""
    seen: list[str] = []
    real = state_reads.shown

    def spy(item_id: str, *args: Any, **kwargs: Any) -> CareItem:
        seen.append(item_id)
        return real(item_id, *args, **kwargs)

    monkeypatch.setattr(state_reads, "shown", spy)
    with assessed.connect() as conn:
        stored = [s.item.id for s in state.stored_items(conn, DEMO_DATE, 14)]
    assert stored
    assert seen == stored


def test_d45_stored_alerts_carry_a_since_date_and_no_due_date(assessed: Engine) -> None:
    """D45: an alert has no due date but the date it began; a scheduled item no since-date."""
    later = DEMO_DATE + dt.timedelta(days=30)
    with assessed.connect() as conn:
        rows = conn.execute(select(state.ITEMS)).all()
        derived = [s.item for s in state.stored_items(conn, later, 14)]
    alerts = [r for r in rows if r.severity is not None]
    scheduled = [r for r in rows if r.severity is None]
    assert alerts, "some demo patient has an alert"
    assert [(r.item_id, r.due) for r in alerts if r.due is not None] == []
    assert [r.item_id for r in alerts if r.since is None] == []
    assert all(r.since <= DEMO_DATE for r in alerts)
    assert [r.item_id for r in scheduled if r.since is not None] == []
    # Read for a later day, an alert still began on the same day.
    since = {(r.patient_id, r.item_id): r.since for r in alerts}
    assert all(i.since is None or i.severity is not None for i in derived)
    assert {i.since for i in derived if i.severity is not None} <= set(since.values())


# --- messages as stored ----------------------------------------------------------------------


def test_message_parameters_survive_storage() -> None:
    message = Message(
        "vitd.level.deficient",
        (
            ("value", Quantity(Analyte.VITAMIN_D, 31.5)),
            ("date", dt.date(2025, 6, 1)),
            ("threshold", Quantity(Analyte.VITAMIN_D, 50.0)),
            ("months", 12),
            ("ratio", 1.25),
            ("note", "平安"),
            ("missing", None),
        ),
    )
    assert decode_message(message.id, state.encode_params(message)) == message
