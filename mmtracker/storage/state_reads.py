"""Reading the stored care-item state (mmtracker/storage/state.py) in plain SQL.

Which live patients are stale, and a stored item's status on a day. Run through
either way of :mod:`mmtracker.storage.sql`, so that the worklist is read without
SQLAlchemy when nothing needs re-assessing.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Sequence
from typing import Any

from mmtracker.logic.care import CareItem, EntryRef, Severity, shown
from mmtracker.logic.codes import Analyte, PatientStatus
from mmtracker.logic.messages import Message, Quantity
from mmtracker.storage.sql import Fetch, day, required_day

ACTIVE = PatientStatus.ACTIVE.value
_SEVERITIES = {severity.value: severity for severity in Severity}  # faster than Severity(...)

STALE = """
SELECT patient.id FROM patient
LEFT OUTER JOIN assessment_state AS state ON state.patient_id = patient.id
WHERE patient.status = :active AND (
    state.patient_id IS NULL
    OR state.revision != patient.revision
    OR state.policy_digest != :digest
    OR state.computed_on > :as_of
    OR (state.valid_until IS NOT NULL AND state.valid_until <= :as_of)
)
ORDER BY patient.id
"""

ITEM_NAMES = (
    "patient_id", "item_id", "due", "severity", "snoozed_until", "last_kind", "last_id",
    "last_date", "message_id", "message_params", "source", "since",
)  # fmt: skip
"""The stored item's columns (``care_item_state``) in the order :func:`derive` reads them."""
ITEM_COLUMNS = ", ".join(f"item.{name}" for name in ITEM_NAMES)
"""The same, for a query naming the table ``item``."""


def stale_ids(fetch: Fetch, as_of: dt.date, policy_digest: str) -> list[int]:
    """Live patients whose stored state does not hold on ``as_of`` under that policy.

    Stale: never assessed, written since, assessed under another policy or for a later
    day, or past the state's ``valid_until``.
    """
    params = {"active": ACTIVE, "digest": policy_digest, "as_of": as_of}
    return [int(row[0]) for row in fetch(STALE, params)]


def _tagged(value: dict[str, Any]) -> Any:
    """A tagged JSON object back as the date or quantity it stands for."""
    if "quantity" in value:
        return Quantity(Analyte(value["quantity"]), float(value["si"]))
    if "date" in value:
        return dt.date.fromisoformat(value["date"])
    return value


_DECODER = json.JSONDecoder(object_hook=_tagged)


@functools.lru_cache(maxsize=20_000)  # a clinic's messages repeat: same check, same dates
def decode_message(message_id: str, params: str) -> Message:
    """A stored message (its parameters as JSON, dates and quantities tagged), immutable,
    so shared by equal rows."""
    pairs = _DECODER.decode(params)
    return Message(message_id, tuple((name, value) for name, value in pairs))


def derive(row: Sequence[Any], as_of: dt.date, lead_days: int) -> CareItem:
    """A stored item (its :data:`ITEM_COLUMNS`, in order) with its §11 status on ``as_of``.

    The row keeps what :func:`mmtracker.logic.care.shown` needs (due date, severity,
    snooze end, since-date); the precedence itself is applied there only.
    """
    (_, item_id, due, severity, snoozed_until, last_kind, last_id, last_date) = row[:8]
    message_id, message_params, source, since = row[8:12]
    return shown(
        item_id,
        decode_message(message_id, message_params),
        source,
        due=day(due),
        last=EntryRef(last_kind, last_id, required_day(last_date)) if last_id else None,
        severity=_SEVERITIES[severity] if severity else None,
        snoozed_until=day(snoozed_until),
        since=day(since),
        as_of=as_of,
        lead_days=lead_days,
    )
