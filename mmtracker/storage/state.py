"""Stored care-item state: each patient's assessment kept, so the worklist reads rows.

ARCHITECTURE.md "Stored assessments": per patient and applicable item the due
date (scheduled items) or since-date (alerts, D45), last satisfying entry, alert
severity, snooze end and message; per patient
the revision and policy digest it was computed from and ``valid_until``, the
first date on which anything but the date-to-status mapping could change. The
status on a day is derived from the stored due date and ``lead_days``. A patient
is re-assessed when its revision or the policy changed, when ``valid_until``
has come, or when a date before ``computed_on`` is asked for.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select

from mmtracker.logic.care import CareItem, Status, resolve
from mmtracker.logic.codes import PatientStatus
from mmtracker.logic.context import Context
from mmtracker.logic.history import Patient, PatientHistory
from mmtracker.logic.messages import Message, ParamValue, Quantity
from mmtracker.logic.policy import Policy
from mmtracker.storage.loaders import load_histories
from mmtracker.storage.models import AssessmentStateRow, CareItemStateRow
from mmtracker.storage.sql import engine_fetch
from mmtracker.storage.state_reads import ITEM_NAMES, derive, stale_ids
from mmtracker.storage.tables import PATIENT

STATE = AssessmentStateRow.__table__  # type: ignore[attr-defined]  # SQLModel sets __table__ at class creation
ITEMS = CareItemStateRow.__table__  # type: ignore[attr-defined]  # as above
CHUNK = 500


# --- message parameters as JSON ----------------------------------------------------------


def _tag(value: ParamValue) -> Any:
    """A date or quantity as a tagged JSON object (called by the encoder for them only)."""
    if isinstance(value, Quantity):
        return {"quantity": value.analyte.value, "si": value.si}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_tag)


def encode_params(message: Message) -> str:
    """Message parameters as JSON text (dates and quantities tagged)."""
    return _ENCODER.encode([[name, value] for name, value in message.params])


# --- computing and writing ----------------------------------------------------------------


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused, e.g. while a chunk of patients is assessed.

    Histories and findings hold no reference cycles; collecting again and again while
    hundreds of thousands of them are built took about a third of the time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _item_rows(patient_id: int, items: Sequence[CareItem]) -> list[dict[str, Any]]:
    return [
        {
            "patient_id": patient_id,
            "item_id": item.id,
            "due": item.due,
            "since": item.since,
            "severity": item.severity.value if item.severity else None,
            "snoozed_until": item.snoozed_until,
            "last_kind": item.last.kind if item.last else None,
            "last_id": item.last.id if item.last else None,
            "last_date": item.last.date if item.last else None,
            "message_id": item.message.id,
            "message_params": encode_params(item.message),
            "source": item.source,
        }
        for item in items
        if item.status is not Status.NOT_APPLICABLE
    ]


def _assess(
    patient_id: int, revision: int, history: PatientHistory, as_of: dt.date, policy: Policy
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    # Imported here: reading stored state (the worklist) never needs the rules.
    from mmtracker.logic.assessment import acknowledged, item_findings, state_valid_until

    ctx = Context(history, as_of, policy)
    findings = item_findings(ctx)
    snooze_days = policy.whole("snooze.max_days")
    items = [
        resolve(
            rule.id,
            rule.source,
            finding,
            as_of,
            ctx.lead_days,
            snooze_days,
            acknowledged(ctx),
        )
        for rule, finding in findings
    ]
    state = {
        "patient_id": patient_id,
        "revision": revision,
        "policy_digest": policy.digest,
        "computed_on": as_of,
        "valid_until": state_valid_until(ctx, [finding for _, finding in findings]),
    }
    return state, _item_rows(patient_id, items)


def _reassess_chunk(conn: Connection, chunk: list[int], as_of: dt.date, policy: Policy) -> int:
    """Replace the stored state of up to CHUNK patients, their rows locked meanwhile.

    The patient rows are locked first (PostgreSQL), as a write through the services
    does, and the old state is deleted before anything is read (SQLite takes its
    write lock there), so no concurrent write can slip between reading a history
    and storing what was computed from it.
    """
    conn.execute(
        select(PATIENT.c.id).where(PATIENT.c.id.in_(chunk)).order_by(PATIENT.c.id).with_for_update()
    )
    conn.execute(delete(ITEMS).where(ITEMS.c.patient_id.in_(chunk)))
    conn.execute(delete(STATE).where(STATE.c.patient_id.in_(chunk)))
    states: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    for _, state, rows in _assessed(conn, chunk, as_of, policy):
        states.append(state)
        items.extend(rows)
    if states:
        conn.execute(insert(STATE), states)
    if items:
        conn.execute(insert(ITEMS), items)
    return len(states)


def _assessed(
    conn: Connection, chunk: list[int], as_of: dt.date, policy: Policy
) -> list[tuple[Patient, dict[str, Any], list[dict[str, Any]]]]:
    """Each of these patients (up to CHUNK) with its assessment on ``as_of`` as the rows
    of :data:`STATE` and :data:`ITEMS` it would store."""
    with collector_paused():
        histories = load_histories(conn, chunk)
        revisions: dict[int, int] = dict(
            conn.execute(
                select(PATIENT.c.id, PATIENT.c.revision).where(PATIENT.c.id.in_(chunk))
            ).all()
        )
        return [
            (history.patient, *_assess(pid, revisions[pid], history, as_of, policy))
            for pid, history in histories.items()
        ]


def assessed_in_memory(
    conn: Connection, patient_ids: Sequence[int], as_of: dt.date, policy: Policy
) -> Iterator[tuple[Patient, list[dict[str, Any]]]]:
    """Each of these patients with the :data:`ITEMS` rows an assessment on ``as_of`` gives,
    computed and not stored: how a database opened read-only answers for stale patients."""
    for start in range(0, len(patient_ids), CHUNK):
        for patient, _, rows in _assessed(
            conn, list(patient_ids[start : start + CHUNK]), as_of, policy
        ):
            yield patient, rows


def reassess(conn: Connection, patient_ids: Sequence[int], as_of: dt.date, policy: Policy) -> int:
    """Re-assess these patients on ``as_of`` within the caller's transaction; return how many."""
    return sum(
        _reassess_chunk(conn, list(patient_ids[start : start + CHUNK]), as_of, policy)
        for start in range(0, len(patient_ids), CHUNK)
    )


def _reassess_in_chunks(
    engine: Engine,
    patient_ids: Sequence[int],
    as_of: dt.date,
    policy: Policy,
    progress: Callable[[int, int], None] | None,
) -> int:
    """Re-assess in chunks, each in a transaction of its own so that writes wait briefly."""
    done = 0
    for start in range(0, len(patient_ids), CHUNK):
        with engine.begin() as conn:
            done += _reassess_chunk(conn, list(patient_ids[start : start + CHUNK]), as_of, policy)
        if progress is not None:
            progress(done, len(patient_ids))
    return done


def stale_patients(conn: Connection, as_of: dt.date, policy: Policy) -> list[int]:
    """Live patients whose stored state does not hold on ``as_of`` under ``policy``."""
    return stale_ids(engine_fetch(conn), as_of, policy.digest)


def refresh_stale(
    engine: Engine,
    as_of: dt.date,
    policy: Policy,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Re-assess every live patient whose stored state is stale; return how many were."""
    with engine.connect() as conn:
        stale = stale_patients(conn, as_of, policy)
    return _reassess_in_chunks(engine, stale, as_of, policy, progress)


def reassess_all(
    engine: Engine,
    as_of: dt.date,
    policy: Policy,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Re-assess every live patient (after a policy change or a new application version)."""
    with engine.connect() as conn:
        ids = [
            int(pid)
            for pid in conn.execute(
                select(PATIENT.c.id).where(PATIENT.c.status == PatientStatus.ACTIVE.value)
            ).scalars()
        ]
    return _reassess_in_chunks(engine, ids, as_of, policy, progress)


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredItem:
    """One stored care item with its status derived for a day."""

    patient_id: int
    item: CareItem


def stored_items(
    conn: Connection, as_of: dt.date, lead_days: int, patient_ids: Sequence[int] | None = None
) -> Iterator[StoredItem]:
    """Every stored applicable item of live patients (or of the given ones) as of a day."""
    query = (
        select(*(ITEMS.c[name] for name in ITEM_NAMES))
        .join(PATIENT, PATIENT.c.id == ITEMS.c.patient_id)
        .where(PATIENT.c.status == PatientStatus.ACTIVE.value)
    )
    if patient_ids is not None:
        query = query.where(ITEMS.c.patient_id.in_(patient_ids))
    for row in conn.execute(query):
        yield StoredItem(row.patient_id, derive(row, as_of, lead_days))


def updater(as_of: dt.date, policy: Policy) -> Callable[[Connection, int], None]:
    """A services ``on_change`` hook that re-assesses the written patient in the same transaction."""

    def update(conn: Connection, patient_id: int) -> None:
        reassess(conn, [patient_id], as_of, policy)

    return update
