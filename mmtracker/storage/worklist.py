"""The clinic worklist from stored care-item state, in §11 "Worklist order".

Deceased and transferred patients never appear. The same query serves the
command line and the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import Connection, Engine, or_, select

from mmtracker.logic.care import CareItem, Severity
from mmtracker.logic.codes import PatientStatus, Phase
from mmtracker.logic.policy import Policy
from mmtracker.logic.worklist_order import DEFAULT_SHOW, Show, order_key, shown_as
from mmtracker.storage.patient_list import phase_on
from mmtracker.storage.state import ITEMS, derive, refresh_stale
from mmtracker.storage.tables import PATIENT, table_of


@dataclass(frozen=True, slots=True)
class WorklistRow:
    """One care item of one patient on the worklist."""

    patient_id: int
    mrn: str
    name: str
    phase: Phase | None
    item: CareItem


def worklist(
    engine: Engine,
    as_of: dt.date,
    policy: Policy,
    *,
    within: int | None = None,
    item_prefix: str = "",
    phases: Collection[Phase] = (),
    show: Collection[Show] = DEFAULT_SHOW,
    progress: Callable[[int, int], None] | None = None,
) -> list[WorklistRow]:
    """The worklist on ``as_of``: stale patients are re-assessed first, then stored rows read.

    ``within`` (days) widens "due soon" beyond the policy's ``lead_days``.
    """
    refresh_stale(engine, as_of, policy, progress)
    lead_days = policy.whole("lead_days") if within is None else within
    wanted = set(show)
    query = (
        select(ITEMS, PATIENT.c.mrn, PATIENT.c.name)
        .join(PATIENT, PATIENT.c.id == ITEMS.c.patient_id)
        .where(PATIENT.c.status == PatientStatus.ACTIVE.value)
    )
    if item_prefix:
        query = query.where(ITEMS.c.item_id.startswith(item_prefix, autoescape=True))
    if not wanted & {Show.OK, Show.SNOOZED}:
        horizon = as_of + dt.timedelta(days=lead_days)
        query = query.where(or_(ITEMS.c.severity.is_not(None), ITEMS.c.due <= horizon))
    # Narrowed in the query too, so that rows never shown are not derived.
    snoozed = ITEMS.c.snoozed_until >= as_of
    if Show.SNOOZED not in wanted:
        query = query.where(or_(ITEMS.c.snoozed_until.is_(None), ~snoozed))
    if Show.INFO not in wanted:
        info = ITEMS.c.severity == Severity.INFO.value
        query = query.where(or_(ITEMS.c.severity.is_(None), ~info, snoozed))
    with engine.connect() as conn:
        found = [
            (row.patient_id, row.mrn, row.name, derive(row, as_of, lead_days))
            for row in conn.execute(query).all()  # one fetch, not one call per row
        ]
        kept = [entry for entry in found if shown_as(entry[3]) in wanted]
        current = _phases(conn, {pid for pid, *_ in kept}, as_of)
    rows = [
        WorklistRow(pid, mrn, name, current.get(pid), item)
        for pid, mrn, name, item in kept
        if not phases or current.get(pid) in phases
    ]
    return sorted(rows, key=lambda r: order_key(r.item, r.name, r.mrn))


_LISTED_IDS = 1000  # above this many patients their phases are read without a list of ids


def _phases(conn: Connection, patient_ids: set[int], as_of: dt.date) -> dict[int, Phase]:
    """The phase in force on ``as_of`` for each patient (one query; the logic decides)."""
    if not patient_ids:
        return {}
    table = table_of("phase_changes")
    query = select(table.c.patient_id, table.c.date, table.c.phase).order_by(
        table.c.patient_id, table.c.date, table.c.id
    )
    if len(patient_ids) <= _LISTED_IDS:
        query = query.where(table.c.patient_id.in_(patient_ids))
    else:  # a long list of ids costs more to send and parse than every live patient's changes
        query = query.join(PATIENT, PATIENT.c.id == table.c.patient_id).where(
            PATIENT.c.status == PatientStatus.ACTIVE.value
        )
    found: dict[int, Phase] = {}
    for pid, rows in groupby(conn.execute(query).all(), key=lambda r: r.patient_id):
        current = phase_on(((r.date, r.phase) for r in rows), as_of)
        if pid in patient_ids and current is not None:
            found[pid] = current
    return found
