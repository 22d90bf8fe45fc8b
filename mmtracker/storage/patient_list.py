"""The patient list: one row per patient for the main window, read in one query.

Also the per-patient revision counters, which other workstations poll to learn
that something changed. Written in plain SQL (mmtracker/storage/sql.py), so that the
window's first screen can read them without SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, Any

from mmtracker.logic.codes import PatientStatus, Phase, Sex
from mmtracker.logic.phase_rule import phase_in_force
from mmtracker.storage.sql import Fetch, day, engine_fetch, required_day

if TYPE_CHECKING:
    from sqlalchemy import Engine


@dataclass(frozen=True, slots=True)
class PatientListRow:
    """What the patient list shows of one patient, as of a given date."""

    patient_id: int
    mrn: str
    name: str
    age: int
    sex: Sex
    phase: Phase | None
    last_visit: dt.date | None
    next_visit: dt.date | None
    """The next visit the last visit booked (none booked: None)."""
    status: PatientStatus
    status_date: dt.date | None


def age_on(born: dt.date, day: dt.date) -> int:
    """Completed years of life on ``day`` (a 29 February birthday counts from 1 March)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@contextmanager
def _readable(engine: Engine) -> Iterator[None]:
    """Report an unreachable, locked or unreadable database as a StorageError."""
    from sqlalchemy.exc import OperationalError

    from mmtracker.storage.engine import StorageError

    try:
        yield
    except OperationalError as exc:
        raise StorageError(
            f"The database {engine.url.render_as_string(hide_password=True)} "
            f"could not be read: {exc.orig}"
        ) from exc


def phase_on(changes: Iterable[tuple[dt.date, str]], day: dt.date) -> Phase | None:
    """The phase in force on ``day`` (§11 Phases, decided by the logic's ``phase_in_force``).

    ``changes`` are one patient's phase-change rows as (date, phase), in date then id
    order as read (entries on the same day keep their id order).
    """
    found = phase_in_force(changes, day)
    return None if found is None else Phase(found)


def patient_list(engine: Engine, as_of: dt.date, search: str = "") -> list[PatientListRow]:
    """Every patient (or those whose MRN or name contains ``search``), ordered by name.

    The rows are :func:`read_patient_list`'s; a database that cannot be read raises
    StorageError.
    """
    with _readable(engine), engine.connect() as conn:
        return read_patient_list(engine_fetch(conn), as_of, search)


LISTED = """
SELECT patient.id, patient.mrn, patient.name, patient.sex, patient.date_of_birth,
    patient.status, patient.status_date,
    (SELECT max(visit.date) FROM visit
        WHERE visit.patient_id = patient.id AND visit.date <= :as_of) AS last_visit,
    change.id, change.date, change.phase,
    (SELECT booked.next_visit FROM visit AS booked
        WHERE booked.patient_id = patient.id AND booked.date <= :as_of
        ORDER BY booked.date DESC, booked.created_at DESC, booked.id DESC LIMIT 1) AS next_visit
FROM patient LEFT OUTER JOIN phase_change AS change ON change.patient_id = patient.id
{where}
ORDER BY patient.name, patient.mrn, patient.id, change.date, change.id
"""
SEARCHED = (  # lower() on both sides: the database's own (ASCII alone on SQLite)
    "WHERE lower(patient.mrn) LIKE lower(:pattern) ESCAPE '/' "
    "OR lower(patient.name) LIKE lower(:pattern) ESCAPE '/'"
)


def read_patient_list(fetch: Fetch, as_of: dt.date, search: str = "") -> list[PatientListRow]:
    """Every patient (or those whose MRN or name contains ``search``), ordered by name.

    The phase is the one in force on ``as_of`` (:func:`phase_on`); the last visit
    is the latest on or before ``as_of``, and the next visit the one it booked. The age is taken on ``as_of``, or on
    the date of death for a patient who died before it. The search ignores case
    and surrounding spaces; ``%`` and ``_`` match themselves. One query: each
    patient comes with its phase changes, one row each.
    """
    text = search.strip()
    params: dict[str, Any] = {"as_of": as_of}
    if text:
        escaped = text.replace("/", "//").replace("%", "/%").replace("_", "/_")
        params["pattern"] = f"%{escaped}%"
    rows = fetch(LISTED.format(where=SEARCHED if text else ""), params)
    return [_row(list(group), as_of) for _, group in groupby(rows, key=lambda r: r[0])]


def _row(rows: Sequence[Sequence[Any]], as_of: dt.date) -> PatientListRow:
    """One patient's list row from its joined rows (one per phase change, or one without)."""
    pid, mrn, name, sex, born, status_code, status_day, last_visit = rows[0][:8]
    status = PatientStatus(status_code)
    status_date = day(status_day)
    when = as_of
    if status is PatientStatus.DECEASED and status_date is not None:
        when = min(as_of, status_date)
    changes = [(required_day(r[9]), r[10]) for r in rows if r[8] is not None]
    return PatientListRow(
        patient_id=int(pid),
        mrn=mrn,
        name=name,
        age=age_on(required_day(born), when),
        sex=Sex(sex),
        phase=phase_on(changes, as_of),
        last_visit=day(last_visit),
        next_visit=day(rows[0][11]),
        status=status,
        status_date=status_date,
    )


REVISIONS = "SELECT id, revision FROM patient"


def revisions(engine: Engine) -> dict[int, int]:
    """Each patient's revision counter, bumped by every write to its record."""
    with _readable(engine), engine.connect() as conn:
        return read_revisions(engine_fetch(conn))


def read_revisions(fetch: Fetch) -> dict[int, int]:
    """Each patient's revision counter (:func:`revisions`)."""
    return {int(pid): int(rev) for pid, rev in fetch(REVISIONS, {})}
