"""Who snoozed the care items of a worklist: their patients' acknowledgements, read in plain
SQL (mmtracker/storage/sql.py) so that the worklist's either way of reading can ask."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from mmtracker.storage.sql import Fetch, required_day

if TYPE_CHECKING:
    from mmtracker.logic.history import Acknowledgement

ACKNOWLEDGEMENTS = """
SELECT id, patient_id, item_id, acknowledged_on, until, reason, acknowledged_by
FROM acknowledgement ORDER BY patient_id, acknowledged_on, id
"""


def read_acknowledgements(
    fetch: Fetch, patient_ids: Iterable[int]
) -> dict[int, list[Acknowledgement]]:
    """These patients' acknowledgements (who, when, until when and why), by patient."""
    from mmtracker.logic.history import Acknowledgement

    wanted = set(patient_ids)
    found: dict[int, list[Acknowledgement]] = {}
    if not wanted:
        return found
    for ack_id, pid, item_id, on, until, reason, who in fetch(ACKNOWLEDGEMENTS, {}):
        if pid in wanted:
            found.setdefault(pid, []).append(
                Acknowledgement(
                    id=ack_id,
                    item_id=item_id,
                    acknowledged_on=required_day(on),
                    until=required_day(until),
                    reason=reason,
                    acknowledged_by=who,
                )
            )
    return found
