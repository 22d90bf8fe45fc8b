"""A whole patient record to write, and its checks before anything is written.

Made by the record file reader and the demo generator, written by
:func:`mmtracker.storage.bulk.write_records`; holds no database access.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mmtracker.logic.history import Entry, Patient, build_history
from mmtracker.logic.parsing import Problem, join_path
from mmtracker.logic.validation import check_entry, check_history, check_patient


@dataclass(frozen=True, slots=True)
class NewRecord:
    """A whole patient record to write; ``meta`` holds bookkeeping columns kept from a file."""

    patient: Patient
    entries: Mapping[str, Sequence[Entry]]
    patient_meta: Mapping[str, Any] = field(default_factory=dict)
    entry_meta: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


def check_record(record: NewRecord, today: dt.date, path: str = "") -> list[Problem]:
    """Every sanity and consistency problem of one record, with JSON paths."""
    problems = check_patient(record.patient, today, join_path(path, "patient"))
    born = record.patient.date_of_birth
    for kind, entries in record.entries.items():
        for index, entry in enumerate(entries):
            problems += check_entry(entry, born, today, join_path(join_path(path, kind), index))
    for problem in check_history(build_history(record.patient, record.entries)):
        problems.append(Problem(join_path(path, problem.path), problem.message))
    return problems
