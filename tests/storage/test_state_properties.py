"""Stored care-item state equals a full re-assessment (hypothesis, both databases).

For random demo histories, random writes through the services (each re-assessing
its patient in the same transaction, on the day it is made) and random later days:

- after ``refresh_stale`` on a day, every live patient's stored items read for that
  day equal ``evaluate_items`` on that day — ids, statuses, due dates, days overdue,
  last entry, severity, snooze and message — and the items not stored are exactly
  the not-applicable ones;
- on any day from a patient's ``computed_on`` up to the day before its
  ``valid_until`` the patient is not stale, and its stored items read for that day,
  without any refresh, equal the full re-assessment too.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from logic.builders import policy
from sqlalchemy import Connection, Engine, delete, select
from test_state import assert_stored_is_full, live_ids, revisions, state_rows

from mmtracker.demo import generate_records
from mmtracker.logic.codes import (
    Analyte,
    BoneAgent,
    BoneTherapyEventKind,
    CalciumKind,
    ClinicalEventKind,
    DentalOutcome,
    ImagingModality,
    InvasiveProcedure,
    MrdMethod,
    MrdResult,
    PatientStatus,
    Phase,
    Qualitative,
    ResponseCategory,
    ReviewDecision,
    TreatmentIntent,
)
from mmtracker.logic.items import ITEM_ORDER
from mmtracker.logic.policy import Policy
from mmtracker.storage import state
from mmtracker.storage.bulk import write_records
from mmtracker.storage.models import ENTRY_TABLES, metadata
from mmtracker.storage.services import (
    PATIENT,
    NotFoundError,
    StaleEditError,
    ValidationError,
    add_entry,
    delete_entry,
    table_of,
    update_entry,
    update_patient,
)

FIRST_DAY = dt.date(2024, 1, 1)  # the demo's "today" lies up to 700 days later
ACTOR = "nurse@ward-3"
POLICIES = (
    policy(),
    policy(lead_days=30),
    policy(**{"dental.interval_months": 12, "snooze.max_days": 30}),
)

# Lab analytes with (unit, low, high): values drawn across the clinical thresholds.
QUANTITIES: dict[Analyte, tuple[str, float, float]] = {
    Analyte.CALCIUM: ("mmol/L", 1.8, 3.3),
    Analyte.CREATININE: ("umol/L", 50.0, 400.0),
    Analyte.SERUM_MPROTEIN: ("g/L", 0.0, 45.0),
    Analyte.URINE_MPROTEIN: ("mg/24h", 0.0, 1500.0),
    Analyte.FLC_KAPPA: ("mg/L", 3.0, 600.0),
    Analyte.FLC_LAMBDA: ("mg/L", 3.0, 600.0),
    Analyte.BMPC: ("%", 2.0, 70.0),
    Analyte.HEMOGLOBIN: ("g/L", 70.0, 150.0),
    Analyte.ALBUMIN: ("g/L", 25.0, 48.0),
    Analyte.B2M: ("mg/L", 1.0, 9.0),
    Analyte.LDH: ("U/L", 100.0, 500.0),
    Analyte.VITAMIN_D: ("nmol/L", 20.0, 120.0),
}
DOSES = {BoneAgent.ZOLEDRONIC_ACID: 4.0, BoneAgent.DENOSUMAB: 120.0, BoneAgent.PAMIDRONATE: 90.0}


def iso(day: dt.date) -> str:
    return day.isoformat()


def pick(rnd: random.Random, values: Any) -> Any:
    return rnd.choice(list(values))


def lab_data(rnd: random.Random, day: dt.date) -> dict[str, Any]:
    if rnd.random() < 0.1:
        analyte = pick(rnd, [Analyte.SERUM_IFE, Analyte.URINE_IFE])
        return {"date": iso(day), "analyte": analyte.value, "qualitative": pick(rnd, Qualitative)}
    analyte = pick(rnd, QUANTITIES)
    unit, low, high = QUANTITIES[analyte]
    data = {
        "date": iso(day),
        "analyte": analyte.value,
        "value": round(rnd.uniform(low, high), 2),
        "unit": unit,
    }
    if analyte is Analyte.CALCIUM:
        data["calcium_kind"] = pick(rnd, CalciumKind).value
    return data


def entry_data(kind: str, rnd: random.Random, day: dt.date, today: dt.date) -> dict[str, Any]:
    """A valid-looking entry of ``kind`` dated ``day`` (plans may lie after ``today``)."""
    later = today + dt.timedelta(days=rnd.randint(1, 120))
    if kind == "lab_results":
        return lab_data(rnd, day)
    if kind == "bone_therapy_doses":
        agent = pick(rnd, BoneAgent)
        return {"date": iso(day), "agent": agent.value, "dose_mg": DOSES[agent]}
    if kind == "bone_therapy_events":
        event = pick(rnd, BoneTherapyEventKind)
        data: dict[str, Any] = {"date": iso(day), "kind": event.value}
        if event is BoneTherapyEventKind.SCHEDULE:
            data |= {"agent": pick(rnd, BoneAgent).value, "interval_days": rnd.choice([28, 84])}
        if event is BoneTherapyEventKind.REVIEW:
            data["decision"] = pick(rnd, ReviewDecision).value
        return data
    if kind == "dental_exams":
        procedure = pick(rnd, InvasiveProcedure)
        data = {
            "date": iso(day),
            "outcome": pick(rnd, DentalOutcome).value,
            "invasive_procedure": procedure.value,
        }
        if procedure is InvasiveProcedure.DONE:
            data["procedure_date"] = iso(day - dt.timedelta(days=rnd.randint(0, 20)))
        elif procedure is InvasiveProcedure.PLANNED:
            data["procedure_date"] = iso(later)
        return data
    if kind == "supplements":
        data = {"start_date": iso(day), "calcium_mg": 1000.0, "vitamin_d_iu": 800.0}
        if rnd.random() < 0.4:
            data["end_date"] = iso(day + dt.timedelta(days=rnd.randint(0, 200)))
        return data
    if kind == "mrd_tests":
        return {
            "date": iso(day),
            "method": pick(rnd, MrdMethod).value,
            "sensitivity": 1e-5,
            "result": pick(rnd, MrdResult).value,
        }
    if kind == "imaging":
        return {
            "date": iso(day),
            "modality": pick(rnd, ImagingModality).value,
            "lytic_lesions": rnd.randint(0, 3),
        }
    if kind == "responses":
        return {"date": iso(day), "category": pick(rnd, ResponseCategory).value}
    if kind == "acknowledgements":
        return {
            "item_id": pick(rnd, ITEM_ORDER),
            "acknowledged_on": iso(day),
            "until": iso(day + dt.timedelta(days=rnd.randint(0, 150))),
            "reason": "seen in clinic",
            "acknowledged_by": ACTOR,
        }
    if kind == "weights":
        return {"date": iso(day), "weight_kg": round(rnd.uniform(40, 110), 1)}
    if kind == "transplants":
        if rnd.random() < 0.5:
            return {"planned_date": iso(later)}
        return {"planned_date": iso(day - dt.timedelta(days=20)), "performed_date": iso(day)}
    if kind == "treatment_lines":
        data = {
            "line_number": rnd.randint(1, 3),
            "regimen": "VRd",
            "intent": pick(rnd, TreatmentIntent).value,
            "start_date": iso(day),
        }
        if rnd.random() < 0.5:
            data["end_date"] = iso(min(today, day + dt.timedelta(days=rnd.randint(30, 200))))
        return data
    if kind == "phase_changes":
        found = pick(rnd, Phase)
        data = {"date": iso(day), "phase": found.value}
        if found is Phase.RELAPSE:
            data["line_number"] = rnd.randint(2, 4)
        return data
    if kind == "clinical_events":
        return {"date": iso(day), "kind": pick(rnd, ClinicalEventKind).value}
    if kind == "visits":
        return {"date": iso(day), "ecog": rnd.randint(0, 2), "next_visit": iso(later)}
    assert kind == "cytogenetics"
    return {"date": iso(day), "t_4_14": rnd.random() < 0.3, "del_13q": rnd.random() < 0.4}


KINDS = tuple(ENTRY_TABLES)

# Fields a random update moves, by kind: the date that matters to the rules.
MOVED_FIELD = {
    "supplements": "end_date",
    "treatment_lines": "end_date",
    "transplants": "performed_date",
    "acknowledgements": "until",
}


def patient_entries(conn: Connection, pid: int) -> list[tuple[str, str, int]]:
    """(kind, id, version) of every entry of a patient, in a fixed order."""
    found = []
    for kind in KINDS:
        table = table_of(kind)
        query = (
            select(table.c.id, table.c.version)
            .where(table.c.patient_id == pid)
            .order_by(table.c.id)
        )
        found += [(kind, str(eid), int(version)) for eid, version in conn.execute(query)]
    return found


def random_write(engine: Engine, rnd: random.Random, pid: int, today: dt.date, pol: Policy) -> str:
    """One random write to one patient through the services, re-assessing it on ``today``."""
    hook = state.updater(today, pol)
    day = today - dt.timedelta(days=rnd.randint(0, 500))
    action = rnd.choices(["add", "update", "delete", "close"], weights=[6, 2, 2, 0.15])[0]
    with engine.connect() as conn:
        entries = patient_entries(conn, pid)
        version = conn.execute(select(PATIENT.c.version).where(PATIENT.c.id == pid)).scalar_one()
    try:
        if action == "add" or not entries:
            kind = pick(rnd, KINDS)
            add_entry(engine, pid, kind, entry_data(kind, rnd, day, today), ACTOR, today, hook)
            return f"add {kind} {day}"
        kind, entry_id, entry_version = rnd.choice(entries)
        if action == "update":
            name = MOVED_FIELD.get(kind, "date")
            update_entry(
                engine, kind, entry_id, entry_version, {name: iso(day)}, ACTOR, today, hook
            )
            return f"update {kind}.{name} = {day}"
        if action == "delete":
            delete_entry(engine, kind, entry_id, entry_version, ACTOR, hook)
            return f"delete {kind}"
        status = pick(rnd, [PatientStatus.DECEASED, PatientStatus.TRANSFERRED])
        changes = {"status": status.value, "status_date": iso(day)}
        update_patient(engine, pid, version, changes, ACTOR, today, hook)
        return f"{status.value} {day}"
    except (ValidationError, StaleEditError, NotFoundError) as exc:
        return f"{action} refused: {exc}"


def wipe(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in reversed(metadata().sorted_tables):
            conn.execute(delete(table))


def check_unrefreshed_days(
    engine: Engine, rnd: random.Random, pol: Policy, at_least: dt.date
) -> None:
    """On a day within each live patient's stored window, its stored rows read like a full one."""
    with engine.connect() as conn:
        rows = state_rows(conn)
        for pid in live_ids(conn):
            if pid not in rows:  # never assessed: stale on any day
                assert pid in state.stale_patients(conn, at_least, pol)
                continue
            row = rows[pid]
            first = max(row.computed_on, at_least)
            last = (row.valid_until or first + dt.timedelta(days=1500)) - dt.timedelta(days=1)
            if last < first:
                continue
            probe = first + dt.timedelta(days=rnd.randint(0, (last - first).days))
            assert pid not in state.stale_patients(conn, probe, pol), (pid, probe)
            assert_stored_is_full(conn, probe, pol, [pid])


def check_fresh(engine: Engine, pol: Policy) -> None:
    with engine.connect() as conn:
        rows, current = state_rows(conn), revisions(conn)
        for pid in live_ids(conn):
            assert rows[pid].revision == current[pid]
            assert rows[pid].policy_digest == pol.digest


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, 2**32 - 1),
    patients=st.integers(1, 3),
    start=st.integers(0, 700).map(lambda n: FIRST_DAY + dt.timedelta(days=n)),
    assess_first=st.booleans(),
    writes=st.integers(0, 8),
    look_back=st.sampled_from([0, 0, 1, 30, 200]),
    pol=st.sampled_from(POLICIES),
    rnd=st.randoms(use_true_random=False),
)
def test_stored_state_equals_a_full_reassessment(
    engine: Engine,
    seed: int,
    patients: int,
    start: dt.date,
    assess_first: bool,
    writes: int,
    look_back: int,
    pol: Policy,
    rnd: random.Random,
) -> None:
    wipe(engine)
    ids = write_records(engine, generate_records(patients, seed, start), ACTOR, today=start)
    if assess_first:
        state.refresh_stale(engine, start, pol)
    today = start
    for _ in range(writes):
        today += dt.timedelta(days=rnd.choice([0, 0, 1, 7, 30, 90]))
        pid = rnd.choice(ids)
        done = random_write(engine, rnd, pid, today, pol)
        event("write refused" if "refused" in done else f"write: {done.split()[0]}")
        note(f"{today} patient {pid}: {done}")
    # Whatever the first assessment and the writes left is read, unrefreshed, in its window.
    check_unrefreshed_days(engine, rnd, pol, today)
    if look_back:
        # A day before the writes: re-assessed on it, with entries the day does not know yet.
        past = today - dt.timedelta(days=look_back)
        state.refresh_stale(engine, past, pol)
        with engine.connect() as conn:
            assert_stored_is_full(conn, past, pol)
        check_unrefreshed_days(engine, rnd, pol, past)
    day = today
    for gap in sorted(rnd.choice([0, 1, 13, 14, 15, 60, 200, 800]) for _ in range(3)):
        day = today + dt.timedelta(days=gap)
        state.refresh_stale(engine, day, pol)
        note(f"refreshed on {day}")
        with engine.connect() as conn:
            assert state.stale_patients(conn, day, pol) == []
            assert_stored_is_full(conn, day, pol)
        check_fresh(engine, pol)
    check_unrefreshed_days(engine, rnd, pol, day)
