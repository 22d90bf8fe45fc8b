"""What a storage call ends with: the change a write made, or the error a read or write
raises (a refused entry, a stale edit, a patient or entry not found).

Holds no database access, so that code reporting these needs no storage services.
"""

from __future__ import annotations

from dataclasses import dataclass

from mmtracker.logic.parsing import Problem


class ValidationError(Exception):
    """An entry was refused; ``problems`` name each field and what is accepted."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class StaleEditError(Exception):
    """The row changed since it was read; the edit is refused."""


class NotFoundError(Exception):
    """The patient or entry does not exist (or no longer exists)."""


@dataclass(frozen=True, slots=True)
class Change:
    """What a write changed: the patient, its new revision, the kinds and the row."""

    patient_id: int
    revision: int
    kinds: frozenset[str]
    row_id: str
