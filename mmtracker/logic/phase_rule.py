"""Which phase is in force on a day (clinical-rules.md §11 Phases).

The one place this is decided, shared by the phase timeline (mmtracker/logic/phases.py),
the patient list and the worklist, which read plain rows without the history's classes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

P = TypeVar("P")  # a phase, as a code or as stored text


def phase_in_force(changes: Iterable[tuple[dt.date, P]], day: dt.date) -> P | None:
    """§11 Phases: the phase of the latest change dated on or before ``day``, or None.

    ``changes`` are (date, phase) in date order; entries of one day keep their order,
    so the last of them is in force. The one place this is decided: the timeline,
    the patient list and the worklist (which pass plain rows) all ask it.
    """
    found = None
    for date, phase in changes:
        if date > day:
            break
        found = phase
    return found
