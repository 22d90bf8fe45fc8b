"""The patient list: one row per patient for the main window, read in one query.

Also the per-patient revision counters, which other workstations poll to learn
that something changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError

from mmtracker.logic.codes import PatientStatus, Phase, Sex
from mmtracker.logic.phases import phase_in_force
from mmtracker.storage.engine import StorageError
from mmtracker.storage.tables import PATIENT, table_of

PHASE_CHANGE = table_of("phase_changes")
VISIT = table_of("visits")


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
    status: PatientStatus
    status_date: dt.date | None


def age_on(born: dt.date, day: dt.date) -> int:
    """Completed years of life on ``day`` (a 29 February birthday counts from 1 March)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@contextmanager
def _readable(engine: Engine) -> Iterator[None]:
    """Report an unreachable, locked or unreadable database as a StorageError."""
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

    The phase is the one in force on ``as_of`` (:func:`phase_on`); the last visit
    is the latest on or before ``as_of``. The age is taken on ``as_of``, or on
    the date of death for a patient who died before it. The search ignores case
    and surrounding spaces; ``%`` and ``_`` match themselves. One query: each
    patient comes with its phase changes, one row each.
    """
    last_visit = (
        select(func.max(VISIT.c.date))
        .where(VISIT.c.patient_id == PATIENT.c.id, VISIT.c.date <= as_of)
        .scalar_subquery()
    )
    query = (
        select(
            PATIENT.c.id,
            PATIENT.c.mrn,
            PATIENT.c.name,
            PATIENT.c.sex,
            PATIENT.c.date_of_birth,
            PATIENT.c.status,
            PATIENT.c.status_date,
            last_visit.label("last_visit"),
            PHASE_CHANGE.c.id.label("change_id"),
            PHASE_CHANGE.c.date.label("change_date"),
            PHASE_CHANGE.c.phase.label("change_phase"),
        )
        .select_from(PATIENT.outerjoin(PHASE_CHANGE, PHASE_CHANGE.c.patient_id == PATIENT.c.id))
        .order_by(
            PATIENT.c.name, PATIENT.c.mrn, PATIENT.c.id, PHASE_CHANGE.c.date, PHASE_CHANGE.c.id
        )
    )
    text = search.strip()
    if text:
        query = query.where(
            PATIENT.c.mrn.icontains(text, autoescape=True)
            | PATIENT.c.name.icontains(text, autoescape=True)
        )
    with _readable(engine), engine.connect() as conn:
        rows = conn.execute(query).all()
    return [_row(list(group), as_of) for _, group in groupby(rows, key=lambda r: r.id)]


def _row(rows: Sequence[Any], as_of: dt.date) -> PatientListRow:
    """One patient's list row from its joined rows (one per phase change, or one without)."""
    r = rows[0]
    status = PatientStatus(r.status)
    status_date: dt.date | None = r.status_date
    day = as_of
    if status is PatientStatus.DECEASED and status_date is not None:
        day = min(as_of, status_date)
    changes = [(c.change_date, c.change_phase) for c in rows if c.change_id is not None]
    return PatientListRow(
        patient_id=int(r.id),
        mrn=r.mrn,
        name=r.name,
        age=age_on(r.date_of_birth, day),
        sex=Sex(r.sex),
        phase=phase_on(changes, as_of),
        last_visit=r.last_visit,
        status=status,
        status_date=status_date,
    )


def revisions(engine: Engine) -> dict[int, int]:
    """Each patient's revision counter, bumped by every write to its record."""
    with _readable(engine), engine.connect() as conn:
        return {
            int(pid): int(rev)
            for pid, rev in conn.execute(select(PATIENT.c.id, PATIENT.c.revision))
        }
