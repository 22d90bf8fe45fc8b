"""What a storage call ends with: the change a write made, or the error a read or write
raises (a refused entry, a stale edit, a patient or entry not found).

Holds no database access, so that code reporting these needs no storage services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from mmtracker.logic.parsing import Problem


class ValidationError(Exception):
    """An entry was refused; ``problems`` name each field and what is accepted."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ChangeSeen:
    """A write to a patient made since a form read it: its table, action, who and when."""

    table: str
    action: str
    actor: str
    at: dt.datetime

    def describe(self) -> str:
        """In English, for a message that is not translated (the window writes its own)."""
        return f"{self.table} {self.action} by {self.actor} at {self.at:%Y-%m-%d %H:%M}"


class StaleEditError(Exception):
    """The row or patient changed since it was read; the edit is refused. ``changes``: the
    writes made meanwhile, where they are known."""

    def __init__(self, message: str, changes: Sequence[ChangeSeen] = ()) -> None:
        super().__init__(message)
        self.changes = tuple(changes)


class NotFoundError(Exception):
    """The patient or entry does not exist (or no longer exists)."""


@dataclass(frozen=True, slots=True)
class Change:
    """What a write changed: the patient, its new revision, the kinds and the row."""

    patient_id: int
    revision: int
    kinds: frozenset[str]
    row_id: str


class NewerInDatabaseError(ValidationError):
    """``--replace`` of a patient whose record changed after the file was exported."""

    def __init__(self, mrn: str, held: int, filed: int | None) -> None:
        said = "no revision" if filed is None else f"revision {filed}"
        super().__init__(
            [
                Problem(
                    "patient.revision",
                    f"the database holds revision {held} of {mrn}'s record, newer than this "
                    f"file's ({said}): replacing it would undo the changes made since; "
                    "export the record again, or give --force --reason TEXT",
                )
            ]
        )
        self.mrn, self.held, self.filed = mrn, held, filed


@dataclass(frozen=True, slots=True)
class Replacing:
    """A replace asked for: ``reason``, why (kept by the audit); ``force``, replace a record
    that changed after the file was exported too (a reason is then required)."""

    reason: str | None = None
    force: bool = False
