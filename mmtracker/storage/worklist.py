"""The clinic worklist from stored care-item state, in §11 "Worklist order".

Deceased and transferred patients never appear. The same query serves the
command line and the window, through SQLAlchemy (:func:`worklist`) or, on an SQLite
file that needs nothing re-assessed, straight through ``sqlite3``
(:func:`mmtracker.storage.direct.direct_reads`). On a database opened read-only, stale
patients are assessed in memory for the list asked for, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, Any

from mmtracker.logic.care import CareItem, Severity
from mmtracker.logic.codes import Phase
from mmtracker.logic.policy import Policy
from mmtracker.logic.worklist_order import DEFAULT_SHOW, Show, order_key, shown_as
from mmtracker.storage.patient_list import phase_on
from mmtracker.storage.sql import Fetch, required_day
from mmtracker.storage.state_reads import ACTIVE, ITEM_COLUMNS, ITEM_NAMES, derive, stale_ids

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine


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

    ``within`` (days) widens "due soon" beyond the policy's ``lead_days``. On a database
    opened read-only (:func:`mmtracker.storage.engine.read_only`) the stale patients are
    assessed in memory instead, their stored state left as it is.
    """
    from mmtracker.storage.engine import read_only
    from mmtracker.storage.sql import engine_fetch

    writing = not read_only(engine)
    if writing:
        refresh_stale(engine, as_of, policy, progress)
    with engine.connect() as conn:
        fetch = engine_fetch(conn)
        return stored_worklist(
            fetch,
            as_of,
            policy,
            within=within,
            item_prefix=item_prefix,
            phases=phases,
            show=show,
            assessed=None if writing else assessed_now(conn, fetch, as_of, policy),
        )


@dataclass(frozen=True, slots=True)
class Assessed:
    """Patients assessed in memory (stale, on a database opened read-only): their items
    stand in for the stored ones."""

    patient_ids: frozenset[int]
    rows: list[tuple[Any, ...]]
    """Each item as the worklist query reads one: its :data:`ITEM_NAMES`, MRN and name."""


def assessed_now(conn: Connection, fetch: Fetch, as_of: dt.date, policy: Policy) -> Assessed:
    """The stale patients assessed on ``as_of`` in memory, nothing written
    (:func:`mmtracker.storage.state.assessed_in_memory`)."""
    from mmtracker.storage import state

    stale = stale_ids(fetch, as_of, policy.digest)
    rows = [
        (*(item[name] for name in ITEM_NAMES), patient.mrn, patient.name)
        for patient, items in state.assessed_in_memory(conn, stale, as_of, policy)
        for item in items
    ]
    return Assessed(frozenset(stale), rows)


def refresh_stale(
    engine: Engine,
    as_of: dt.date,
    policy: Policy,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """:func:`mmtracker.storage.state.refresh_stale`, its module (and the rules) imported
    only when a worklist is read through SQLAlchemy."""
    from mmtracker.storage import state

    return state.refresh_stale(engine, as_of, policy, progress)


def _escaped(prefix: str) -> str:
    """A LIKE pattern matching text that starts with ``prefix`` (escape character ``/``)."""
    return prefix.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def stored_worklist(
    fetch: Fetch,
    as_of: dt.date,
    policy: Policy,
    *,
    within: int | None = None,
    item_prefix: str = "",
    phases: Collection[Phase] = (),
    show: Collection[Show] = DEFAULT_SHOW,
    assessed: Assessed | None = None,
) -> list[WorklistRow]:
    """The worklist on ``as_of`` as stored (the caller has brought the stored state up to date,
    or gives the stale patients ``assessed`` in memory).

    The other arguments are :func:`worklist`'s.
    """
    lead_days = policy.whole("lead_days") if within is None else within
    wanted = set(show)
    params: dict[str, Any] = {"active": ACTIVE, "as_of": as_of}
    where = ["patient.status = :active"]
    if item_prefix:
        where.append("item.item_id LIKE :prefix ESCAPE '/'")
        params["prefix"] = _escaped(item_prefix)
    if not wanted & {Show.OK, Show.SNOOZED}:
        where.append("(item.severity IS NOT NULL OR item.due <= :horizon)")
        params["horizon"] = as_of + dt.timedelta(days=lead_days)
    # Narrowed in the query too, so that rows never shown are not derived.
    snoozed = "item.snoozed_until >= :as_of"
    if Show.SNOOZED not in wanted:
        where.append(f"(item.snoozed_until IS NULL OR NOT {snoozed})")
    if Show.INFO not in wanted:
        params["info"] = Severity.INFO.value
        where.append(f"(item.severity IS NULL OR item.severity != :info OR {snoozed})")
    query = (
        f"SELECT {ITEM_COLUMNS}, patient.mrn, patient.name FROM care_item_state AS item "
        "JOIN patient ON patient.id = item.patient_id WHERE " + " AND ".join(where)
    )
    read = fetch(query, params)
    if assessed is not None:  # the query's other conditions only narrow what shown_as keeps
        read = [row for row in read if row[0] not in assessed.patient_ids] + [
            row for row in assessed.rows if row[1].startswith(item_prefix)
        ]
    found = [(row[0], row[12], row[13], derive(row, as_of, lead_days)) for row in read]
    kept = [entry for entry in found if shown_as(entry[3]) in wanted]
    current = _phases(fetch, {pid for pid, *_ in kept}, as_of)
    rows = [
        WorklistRow(pid, mrn, name, current.get(pid), item)
        for pid, mrn, name, item in kept
        if not phases or current.get(pid) in phases
    ]
    return sorted(rows, key=lambda r: order_key(r.item, r.name, r.mrn))


PHASES = """
SELECT change.patient_id, change.date, change.phase FROM phase_change AS change
JOIN patient ON patient.id = change.patient_id
WHERE patient.status = :active
ORDER BY change.patient_id, change.date, change.id
"""


def _phases(fetch: Fetch, patient_ids: set[int], as_of: dt.date) -> dict[int, Phase]:
    """The phase in force on ``as_of`` for each patient (one query; the logic decides)."""
    if not patient_ids:
        return {}
    found: dict[int, Phase] = {}
    for pid, rows in groupby(fetch(PHASES, {"active": ACTIVE}), key=lambda r: r[0]):
        if pid in patient_ids:
            current = phase_on(((required_day(r[1]), r[2]) for r in rows), as_of)
            if current is not None:
                found[pid] = current
    return found
