"""Acknowledge (snooze) a care item, storing the finding acknowledged (clinical-rules.md D40).

The item is assessed on the acknowledgement day from the record as the
database holds it, in the write's own transaction, so the stored finding is the
one the user saw: its message id, alert severity, cited entry ids and due date.
The snooze then covers the item only while the rules find that same finding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Engine

from mmtracker.logic.assessment import item_findings
from mmtracker.logic.care import Finding
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.items import RULES
from mmtracker.logic.parsing import Problem
from mmtracker.logic.policy import Policy
from mmtracker.storage.loaders import load_history
from mmtracker.storage.outcomes import Change, ValidationError
from mmtracker.storage.services import OnChange, add_entry_from

_RULES = {rule.id: rule for rule in RULES}


def acknowledge(
    engine: Engine,
    patient_id: int,
    item_id: str,
    on: dt.date,
    until: dt.date,
    reason: str,
    actor: str,
    policy: Policy,
    today: dt.date | None = None,
    on_change: OnChange | None = None,
) -> Change:
    """Acknowledge one care item of one patient on ``on``, snoozing it to ``until`` (inclusive).

    Refused (:class:`ValidationError`, nothing written) when the item is unknown,
    does not apply to the patient that day, or ``until`` lies outside ``on`` …
    ``on`` + ``snooze.max_days`` (§11 Status), or ``on`` is after ``today``
    (default: the clock's). One transaction: the
    acknowledgement, its audit row, and ``on_change`` (the caller's
    re-assessment of the stored state), as every write.
    """
    rule = _RULES.get(item_id)
    if rule is None:
        raise ValidationError(
            [Problem("item_id", f"{item_id!r} is not a care item; one of {', '.join(_RULES)}")]
        )
    max_days = policy.whole("snooze.max_days")
    latest = add_days(on, max_days)
    if not on <= until <= latest:
        raise ValidationError(
            [
                Problem(
                    "until",
                    f"{until} is outside the accepted range {on}–{latest} "
                    f"(at most snooze.max_days {max_days} days after the acknowledgement)",
                )
            ]
        )

    def make(conn: Connection) -> Mapping[str, Any]:
        history = load_history(conn, patient_id)
        ((_, finding),) = item_findings(Context(history, on, policy), (rule,))
        if not finding.applies:
            raise ValidationError(
                [Problem("item_id", f"{item_id} does not apply to this patient on {on}")]
            )
        return {
            "item_id": item_id,
            "acknowledged_on": on,
            "until": until,
            "reason": reason,
            "acknowledged_by": actor,
            **acknowledged_finding(finding),
        }

    return add_entry_from(engine, patient_id, "acknowledgements", make, actor, today, on_change)


def acknowledged_finding(finding: Finding) -> dict[str, Any]:
    """D40: the acknowledgement fields that keep a finding (message, severity, cites, due)."""
    return {
        "finding_message_id": finding.message.id,
        "finding_severity": finding.alert.value if finding.alert is not None else None,
        "finding_cites": list(finding.cites),
        "finding_due": finding.due,
    }
