"""Stored care-item state equals a full re-assessment (hypothesis, both databases).

For random demo histories, random writes through the services (each re-assessing
its patient in the same transaction, on the day it is made) and random later days:
the writes include the entry fields of the first clinical review — holds with and
without a resume date (D33), plasmacytoma events (D27), withdrawn transplant plans
(D39), bone-therapy schedules dated ahead (D36) and acknowledgements carrying the
finding they acknowledged, the item's own or one that differs (D40) — and the
stored items carry the alerts' since-dates (D45):

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

import pytest
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from logic.builders import policy
from sqlalchemy import Connection, Engine, delete, select
from test_state import assert_stored_is_full, live_ids, revisions, state_rows

from mmtracker.demo import generate_records
from mmtracker.logic.assessment import item_findings
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
from mmtracker.logic.context import Context
from mmtracker.logic.items import ITEM_ORDER
from mmtracker.logic.policy import Policy
from mmtracker.storage import state
from mmtracker.storage.bulk import write_records
from mmtracker.storage.loaders import load_history
from mmtracker.storage.models import ENTRY_TABLES, metadata
from mmtracker.storage.outcomes import NotFoundError, StaleEditError, ValidationError
from mmtracker.storage.services import add_entry, delete_entry, update_entry, update_patient
from mmtracker.storage.tables import PATIENT, table_of

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
        chosen = pick(rnd, BoneTherapyEventKind)
        data: dict[str, Any] = {"date": iso(day), "kind": chosen.value}
        if chosen is BoneTherapyEventKind.SCHEDULE:
            data |= {"agent": pick(rnd, BoneAgent).value, "interval_days": rnd.choice([28, 84])}
            if rnd.random() < 0.4:  # D36: a planned start, known from the day it is recorded
                data["date"] = iso(later)
                event("schedule dated ahead")
        if chosen is BoneTherapyEventKind.REVIEW:
            data["decision"] = pick(rnd, ReviewDecision).value
        if chosen is BoneTherapyEventKind.HOLD and rnd.random() < 0.7:  # D33, else hold + 90 d
            data["resume_date"] = iso(day + dt.timedelta(days=rnd.randint(1, 150)))
            event("hold with a resume date")
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
        chance = rnd.random()
        if chance < 0.4:
            return {"planned_date": iso(later)}
        if chance < 0.6:  # D39: a plan given up on ``day``
            event("withdrawn plan")
            planned = day + dt.timedelta(days=rnd.randint(-40, 60))
            return {"planned_date": iso(planned), "withdrawn_date": iso(day)}
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
        chosen_event = pick(rnd, ClinicalEventKind)
        if chosen_event is ClinicalEventKind.PLASMACYTOMA:
            event("plasmacytoma")
        return {"date": iso(day), "kind": chosen_event.value}
    if kind == "visits":
        return {"date": iso(day), "ecog": rnd.randint(0, 2), "next_visit": iso(later)}
    assert kind == "cytogenetics"
    return {"date": iso(day), "t_4_14": rnd.random() < 0.3, "del_13q": rnd.random() < 0.4}


KINDS = tuple(ENTRY_TABLES)
# The kinds whose fields the first clinical review added (D27, D33, D36, D39, D40) come more often.
KIND_WEIGHTS = tuple(
    {"acknowledgements": 4, "bone_therapy_events": 3, "transplants": 2, "clinical_events": 2}.get(
        kind, 1
    )
    for kind in KINDS
)

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


def acknowledged_finding(
    engine: Engine, rnd: random.Random, pid: int, day: dt.date, pol: Policy
) -> dict[str, Any]:
    """D40: an acknowledgement of an item applying on ``day``, carrying that item's finding;
    now and then a finding that differs from it (another message id, another cited entry)."""
    with engine.connect() as conn:
        history = load_history(conn, pid)
    found = [(r.id, f) for r, f in item_findings(Context(history, day, pol)) if f.applies]
    alerting = [(item_id, f) for item_id, f in found if f.alert is not None]
    if not found:
        return {}
    item_id, finding = rnd.choice(alerting if alerting and rnd.random() < 0.6 else found)
    data: dict[str, Any] = {
        "item_id": item_id,
        "finding_message_id": finding.message.id,
        "finding_severity": finding.alert.value if finding.alert else None,
        "finding_cites": list(finding.cites),
        "finding_due": iso(finding.due) if finding.due else None,
    }
    differ = rnd.random()
    if differ < 0.15:
        data["finding_message_id"] += ".before"
    elif differ < 0.3:
        data["finding_cites"] = [*finding.cites, "an-entry-since-replaced"]
    event("acknowledged finding: " + ("alert" if finding.alert else "scheduled"))
    return data


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
            kind = rnd.choices(KINDS, weights=KIND_WEIGHTS)[0]
            if kind == "acknowledgements" and rnd.random() < 0.5:
                # A snooze shows only on the days it covers: half are made in the last 60 days.
                day = today - dt.timedelta(days=rnd.randint(0, 60))
            data = entry_data(kind, rnd, day, today)
            if kind == "acknowledgements" and rnd.random() < 0.7:
                data |= acknowledged_finding(engine, rnd, pid, day, pol)
            add_entry(engine, pid, kind, data, ACTOR, today, hook)
            return f"add {kind} {day}"
        kind, entry_id, entry_version = rnd.choice(entries)
        if action == "update":
            name = MOVED_FIELD.get(kind, "date")
            update_entry(
                engine,
                kind,
                entry_id,
                entry_version,
                {name: iso(day)},
                ACTOR,
                today,
                hook,
                reason="test: corrected",
            )
            return f"update {kind}.{name} = {day}"
        if action == "delete":
            delete_entry(engine, kind, entry_id, entry_version, ACTOR, hook, reason="test: deleted")
            return f"delete {kind}"
        status = pick(rnd, [PatientStatus.DECEASED, PatientStatus.TRANSFERRED])
        changes = {"status": status.value, "status_date": iso(day)}
        update_patient(engine, pid, version, changes, ACTOR, today, hook, reason="status")
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


# 30 examples (about 0.3 s each on SQLite, 0.9 s on PostgreSQL): the CI profile's
# derandomized examples catch, within the first 14, a stored state that drops the snooze
# end, the since-date or the last entry's date, a valid_until a day late or blind to
# entries revealed later, and a staleness test that ignores look-backs.
@pytest.mark.slow
@settings(
    max_examples=30,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, 2**32 - 1),
    patients=st.integers(1, 3),
    start=st.integers(0, 700).map(lambda n: FIRST_DAY + dt.timedelta(days=n)),
    assess_first=st.booleans(),
    writes=st.integers(0, 12),
    look_back=st.sampled_from([0, 0, 1, 30, 200]),
    pol=st.sampled_from(POLICIES),
    # A seeded generator, not st.randoms(): many writes draw many numbers, and drawing them
    # from Hypothesis's buffer overran it and discarded the examples with the most writes.
    choices=st.integers(0, 2**32 - 1),
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
    choices: int,
) -> None:
    rnd = random.Random(choices)
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
