"""Every write to the record goes through here.

Each service function validates, writes, appends an audit row and bumps the
patient's revision in one transaction: all of an entry is saved or none.
A refused entry raises :class:`ValidationError` naming each field and the
accepted range; a stale edit raises :class:`StaleEditError`.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from mmtracker.logic.history import ENTRY_KINDS, Entry, Patient, PhaseChange
from mmtracker.logic.mrn import mrn_key
from mmtracker.logic.parsing import Problem, join_path, parse_as, row_builder, stored_fields
from mmtracker.logic.validation import (
    TEXT_LIMIT,
    check_entry,
    check_patient,
    check_phase_sequence,
)
from mmtracker.storage.anchors import after_write
from mmtracker.storage.audit_chain import chained
from mmtracker.storage.models import ENTRY_TABLES
from mmtracker.storage.outcomes import (
    Change,
    ChangeSeen,
    NotFoundError,
    StaleEditError,
    ValidationError,
)
from mmtracker.storage.tables import (
    AUDIT,
    PATIENT,
    entry_columns,
    patient_columns,
    patient_fields,
    plain,
    table_of,
)
from mmtracker.storage.users import CLINICAL, Role, may_change, require

OnChange = Callable[[Connection, int], None]
"""Called with the connection and the patient id at the end of a write's transaction
(e.g. to re-assess the patient's stored care-item state in the same transaction)."""


@contextmanager
def _transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction; a clash with a unique key (an id or MRN written meanwhile) is refused."""
    try:
        with engine.begin() as conn:
            yield conn
    except IntegrityError as exc:
        raise ValidationError(
            [Problem("", f"the entry clashes with what the database holds: {exc.orig}")]
        ) from None
    after_write(engine)


def utc_now() -> dt.datetime:
    """The current time, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)


def _json(row: Mapping[Any, Any] | None) -> str | None:
    if row is None:
        return None
    return json.dumps(dict(row), default=str, sort_keys=True, ensure_ascii=False)


def audit_row(
    *,
    patient_id: int | None,
    table: str,
    row_id: str,
    action: str,
    actor: str,
    at: dt.datetime,
    before: Mapping[Any, Any] | None,
    after: Mapping[Any, Any] | None,
    revision: int | None = None,
    reason: str | None = None,
) -> dict[str, Any]:
    """One audit row's columns, its chain aside (:func:`audit`)."""
    return {
        "patient_id": patient_id,
        "table_name": table,
        "row_id": row_id,
        "action": action,
        "actor": actor,
        "at": at,
        "before": _json(before),
        "after": _json(after),
        "revision": revision,
        "reason": reason,
    }


def audit(conn: Connection, row: dict[str, Any]) -> None:
    """Append one audit row (made by :func:`audit_row`) in the caller's transaction,
    chained to the last (:mod:`mmtracker.storage.audit_chain`; called after the
    transaction's first write): ``revision``, the patient's revision the write made;
    ``reason``, why."""
    conn.execute(insert(AUDIT).values(chained(conn, [row])[0]))


def required_reason(reason: str, what: str) -> str:
    """The reason of a correction or deletion, trimmed; refused when blank."""
    text = reason.strip()
    if not text:
        raise ValidationError([Problem("reason", f"required: say why it is {what}")])
    if len(text) > TEXT_LIMIT:
        raise ValidationError([Problem("reason", f"at most {TEXT_LIMIT} characters")])
    return text


def _refuse_if_changed(conn: Connection, patient_id: int, expected: int | None, now: int) -> None:
    """Refuse a write to a patient changed since it was read at revision ``expected``
    (None: not checked); the error lists what was written meanwhile."""
    if expected is None or now - 1 == expected:
        return
    rows = conn.execute(
        select(AUDIT.c.table_name, AUDIT.c.action, AUDIT.c.actor, AUDIT.c.at)
        .where(AUDIT.c.patient_id == patient_id, AUDIT.c.revision > expected)
        .order_by(AUDIT.c.id)
    ).all()
    changes = [ChangeSeen(r.table_name, r.action, r.actor, r.at) for r in rows]
    raise StaleEditError(
        "the patient's record was changed since you opened it: "
        + ("; ".join(c.describe() for c in changes) or "by a write not in the audit")
        + "; reload it and try again",
        changes,
    )


def _bump_revision(conn: Connection, patient_id: int) -> tuple[int, Patient]:
    """Increment the revision (locking the patient row); return it and the demographics."""
    revision = conn.execute(
        update(PATIENT)
        .where(PATIENT.c.id == patient_id)
        .values(revision=PATIENT.c.revision + 1)
        .returning(PATIENT.c.revision)
    ).scalar()
    if revision is None:
        raise NotFoundError(f"patient {patient_id} does not exist")
    row = conn.execute(select(PATIENT).where(PATIENT.c.id == patient_id)).mappings().one()
    return revision, row_builder(Patient)(row)


def _tracked(actor: str, now: dt.datetime) -> dict[str, Any]:
    return {
        "version": 1,
        "created_at": now,
        "created_by": actor,
        "updated_at": now,
        "updated_by": actor,
    }


def _parse_entry(kind: str, data: Mapping[str, Any]) -> Entry:
    if kind not in ENTRY_KINDS:
        raise ValidationError([Problem("kind", f"must be one of {', '.join(ENTRY_KINDS)}")])
    entry, problems = parse_as(ENTRY_KINDS[kind], data)
    if entry is None:
        raise ValidationError(problems)
    fields = {name: getattr(entry, name) for name in stored_fields(type(entry))}
    problems = longer_than_columns(table_of(kind), fields)
    if problems:
        raise ValidationError(problems)
    return entry


def longer_than_columns(table: Table, values: Mapping[str, object]) -> list[Problem]:
    """Text longer than its column holds, once composed (NFC: U+0958 is two characters),
    named by its field: PostgreSQL would refuse it naming no field, SQLite keep it whole."""
    problems = []
    for column in table.columns:
        length = getattr(column.type, "length", None)
        value = values.get(column.name)
        if length is not None and isinstance(value, str) and len(value) > length:
            problems.append(Problem(column.name, f"is longer than {length} characters"))
    return problems


def _may_record(conn: Connection, actor: str, entry: Entry, before: Entry | None) -> None:
    """Refuse an entry ``actor``'s role may not record: a nurse or physician records; only
    a physician withdraws a transplant plan (docs/security.md, Roles). Checked after the transaction's first
    write (SQLite: a read before it could fail a writer that waits for another)."""
    require(conn, actor, CLINICAL, "recording an entry")
    withdrawn = getattr(entry, "withdrawn_date", None)
    if withdrawn is not None and getattr(before, "withdrawn_date", None) != withdrawn:
        require(conn, actor, Role.PHYSICIAN, "withdrawing a transplant plan")


def _check_in_record(
    conn: Connection, kind: str, patient_id: int, entry: Entry, born: dt.date, today: dt.date
) -> None:
    problems = check_entry(entry, born, today)
    if isinstance(entry, PhaseChange) and not problems:
        table = table_of(kind)
        rows = conn.execute(
            select(table).where(table.c.patient_id == patient_id, table.c.id != entry.id)
        ).mappings()
        others = [row_builder(PhaseChange)(r) for r in rows]
        problems = check_phase_sequence([*others, entry])
    if problems:
        raise ValidationError(problems)


def create_patient(
    engine: Engine,
    data: Mapping[str, Any],
    actor: str,
    today: dt.date | None = None,
    on_change: OnChange | None = None,
) -> Change:
    """Register a patient; refuses a duplicate MRN."""
    today = today or dt.date.today()
    patient, problems = parse_as(Patient, data)
    if patient is None:
        raise ValidationError(problems)
    problems = check_patient(patient, today) or longer_than_columns(
        PATIENT, patient_columns(patient)
    )
    if problems:
        raise ValidationError(problems)
    now = utc_now()
    with _transaction(engine) as conn:
        _refuse_duplicate_mrn(conn, patient.mrn, None)
        row = {**patient_columns(patient), **_tracked(actor, now), "revision": 1}
        patient_id = conn.execute(insert(PATIENT).values(row).returning(PATIENT.c.id)).scalar_one()
        require(conn, actor, CLINICAL, "registering a patient")  # after the first write: see audit
        audit(
            conn,
            audit_row(
                patient_id=patient_id,
                table="patient",
                row_id=str(patient_id),
                action="insert",
                actor=actor,
                at=now,
                before=None,
                after=row,
                revision=1,
            ),
        )
        if on_change is not None:
            on_change(conn, patient_id)
    return Change(patient_id, 1, frozenset({"patient"}), str(patient_id))


def _refuse_duplicate_mrn(conn: Connection, mrn: str, patient_id: int | None) -> None:
    """Refuse an MRN another patient has, also written otherwise ("ex-000123 " for
    "EX-000123": the key of :mod:`mmtracker.logic.mrn`), naming that patient."""
    found = conn.execute(
        select(PATIENT.c.id, PATIENT.c.mrn, PATIENT.c.name).where(PATIENT.c.mrn_key == mrn_key(mrn))
    ).first()
    if found is None or found.id == patient_id:
        return
    if found.mrn == mrn:
        raise ValidationError([Problem("mrn", f"{mrn} is already the MRN of another patient")])
    raise ValidationError(
        [Problem("mrn", f"{mrn} is the MRN {found.mrn} of {found.name}, written otherwise")]
    )


def update_patient(
    engine: Engine,
    patient_id: int,
    expected_version: int,
    changes: Mapping[str, Any],
    actor: str,
    today: dt.date | None = None,
    on_change: OnChange | None = None,
    *,
    reason: str,
    expected_revision: int | None = None,
) -> Change:
    """Correct demographics or status (deceased / transferred out with a date), saying why
    (``reason``, required, kept by the audit); a patient changed since ``expected_version``
    of its row, or since ``expected_revision`` of its record when given, is refused."""
    why = required_reason(reason, "corrected")
    today = today or dt.date.today()
    now = utc_now()
    with _transaction(engine) as conn:
        revision, current = _bump_revision(conn, patient_id)
        _refuse_if_changed(conn, patient_id, expected_revision, revision)
        row = conn.execute(select(PATIENT).where(PATIENT.c.id == patient_id)).mappings().one()
        may_change(conn, actor, row["created_by"], row["created_at"], today, "correcting")
        before = {**row, "revision": revision - 1}  # the row as it was before this write
        merged = {**patient_fields(current), **changes}
        patient, problems = parse_as(Patient, merged)
        if patient is None:
            raise ValidationError(problems)
        problems = check_patient(patient, today) or longer_than_columns(
            PATIENT, patient_columns(patient)
        )
        if problems:
            raise ValidationError(problems)
        _refuse_duplicate_mrn(conn, patient.mrn, patient_id)
        values = {
            **patient_columns(patient),
            "updated_at": now,
            "updated_by": actor,
            "version": expected_version + 1,
        }
        done = conn.execute(
            update(PATIENT)
            .where(PATIENT.c.id == patient_id, PATIENT.c.version == expected_version)
            .values(values)
        ).rowcount
        if done != 1:
            raise StaleEditError(
                f"patient {current.mrn} was changed by {before['updated_by']} at "
                f"{before['updated_at']} since you opened it; reopen it and try again"
            )
        after = {**before, **values, "revision": revision}
        audit(
            conn,
            audit_row(
                patient_id=patient_id,
                table="patient",
                row_id=str(patient_id),
                action="update",
                actor=actor,
                at=now,
                before=before,
                after=after,
                revision=revision,
                reason=why,
            ),
        )
        if on_change is not None:
            on_change(conn, patient_id)
    return Change(patient_id, revision, frozenset({"patient"}), str(patient_id))


def add_entry(
    engine: Engine,
    patient_id: int,
    kind: str,
    data: Mapping[str, Any],
    actor: str,
    today: dt.date | None = None,
    on_change: OnChange | None = None,
    *,
    expected_revision: int | None = None,
) -> Change:
    """Add one entry of ``kind`` (a key of ENTRY_KINDS) to a patient's record.

    ``expected_revision``: the patient's revision when the form was opened; a patient
    changed since is refused (:class:`StaleEditError`, naming the writes made meanwhile).
    """
    return add_entry_from(
        engine,
        patient_id,
        kind,
        lambda conn: data,
        actor,
        today,
        on_change,
        expected_revision=expected_revision,
    )


EntryMaker = Callable[[Connection], Mapping[str, Any]]
"""Given the write's connection, once the patient is locked: the fields of the entry to add."""


def add_entry_from(
    engine: Engine,
    patient_id: int,
    kind: str,
    make: EntryMaker,
    actor: str,
    today: dt.date | None = None,
    on_change: OnChange | None = None,
    *,
    expected_revision: int | None = None,
) -> Change:
    """Add an entry made from what the database holds, in the same transaction.

    The patient is locked (its revision bumped) before ``make`` reads, so nothing
    is written meanwhile; ``make`` may refuse by raising :class:`ValidationError`,
    and then nothing is written.
    """
    today = today or dt.date.today()
    now = utc_now()
    with _transaction(engine) as conn:
        revision, patient = _bump_revision(conn, patient_id)
        _refuse_if_changed(conn, patient_id, expected_revision, revision)
        entry = _parse_entry(kind, {"id": str(uuid.uuid4()), **make(conn)})
        _may_record(conn, actor, entry, None)
        _check_in_record(conn, kind, patient_id, entry, patient.date_of_birth, today)
        _insert_entry(conn, kind, patient_id, entry, actor, now, revision)
        if on_change is not None:
            on_change(conn, patient_id)
    return Change(patient_id, revision, frozenset({kind}), entry.id)


def entry_version(engine: Engine, kind: str, entry_id: str) -> int:
    """The version an entry is at now (a correction names the version it changes)."""
    table = table_of(kind)
    with engine.connect() as conn:
        found = conn.execute(select(table.c.version).where(table.c.id == entry_id)).scalar()
    if found is None:
        raise NotFoundError(f"{kind} entry {entry_id} does not exist; it may have been deleted")
    return int(found)


def patient_revision(engine: Engine, patient_id: int) -> int:
    """The patient's revision now: a form opened at it refuses a save after another write."""
    with engine.connect() as conn:
        found = conn.execute(select(PATIENT.c.revision).where(PATIENT.c.id == patient_id)).scalar()
    if found is None:
        raise NotFoundError(f"patient {patient_id} does not exist")
    return int(found)


def patient_version(engine: Engine, patient_id: int) -> int:
    """The version of the patient's row now (its details' optimistic lock)."""
    with engine.connect() as conn:
        found = conn.execute(select(PATIENT.c.version).where(PATIENT.c.id == patient_id)).scalar()
    if found is None:
        raise NotFoundError(f"patient {patient_id} does not exist")
    return int(found)


def _insert_entry(
    conn: Connection,
    kind: str,
    patient_id: int,
    entry: Entry,
    actor: str,
    now: dt.datetime,
    revision: int,
) -> None:
    """Insert one checked entry and its audit row (the write's ``revision``)."""
    row = {**entry_columns(entry), "patient_id": patient_id, **_tracked(actor, now)}
    table = table_of(kind)
    conn.execute(insert(table).values(row))
    audit(
        conn,
        audit_row(
            patient_id=patient_id,
            table=table.name,
            row_id=entry.id,
            action="insert",
            actor=actor,
            at=now,
            before=None,
            after=row,
            revision=revision,
        ),
    )


def add_entries(
    engine: Engine,
    patient_id: int,
    kind: str,
    items: Sequence[Mapping[str, Any]],
    actor: str,
    today: dt.date | None = None,
    on_change: OnChange | None = None,
    *,
    expected_revision: int | None = None,
) -> Change:
    """Add several entries of ``kind`` at once (a lab panel): all of them or none.

    Every problem of every entry is reported at once, each path led by the entry's index
    (``[2].value``); nothing is written then. One revision, one re-assessment; each entry
    audited. The change names the first entry added.
    """
    if not items:
        raise ValidationError([Problem("", "nothing to add")])
    today = today or dt.date.today()
    now = utc_now()
    with _transaction(engine) as conn:
        revision, patient = _bump_revision(conn, patient_id)
        _refuse_if_changed(conn, patient_id, expected_revision, revision)
        entries: list[Entry] = []
        problems: list[Problem] = []
        for index, data in enumerate(items):
            try:
                entry = _parse_entry(kind, {"id": str(uuid.uuid4()), **data})
                _check_in_record(conn, kind, patient_id, entry, patient.date_of_birth, today)
                entries.append(entry)
            except ValidationError as exc:
                problems += [
                    Problem(join_path(f"[{index}]", p.path), p.message) for p in exc.problems
                ]
        if problems:
            raise ValidationError(problems)
        for entry in entries:
            _may_record(conn, actor, entry, None)
            _insert_entry(conn, kind, patient_id, entry, actor, now, revision)
        if on_change is not None:
            on_change(conn, patient_id)
    return Change(patient_id, revision, frozenset({kind}), entries[0].id)


def _locked_row(conn: Connection, kind: str, entry_id: str) -> dict[str, Any]:
    table = table_of(kind)
    row = conn.execute(select(table).where(table.c.id == entry_id)).mappings().one_or_none()
    if row is None:
        raise NotFoundError(f"{kind} entry {entry_id} does not exist; it may have been deleted")
    return dict(row)


def _stale(kind: str, row: Mapping[str, Any]) -> StaleEditError:
    return StaleEditError(
        f"this {kind} entry was changed by {row['updated_by']} at {row['updated_at']} "
        "since you opened it; reopen it and try again"
    )


def update_entry(
    engine: Engine,
    kind: str,
    entry_id: str,
    expected_version: int,
    changes: Mapping[str, Any],
    actor: str,
    today: dt.date | None = None,
    on_change: OnChange | None = None,
    *,
    reason: str,
    expected_revision: int | None = None,
) -> Change:
    """Change fields of an entry read at ``expected_version``, saying why (``reason``,
    required, kept by the audit); a stale edit is refused, and so is any write to the
    patient since ``expected_revision`` when given."""
    why = required_reason(reason, "corrected")
    today = today or dt.date.today()
    now = utc_now()
    table = table_of(kind) if kind in ENTRY_TABLES else None
    if table is None or "id" in changes:
        raise ValidationError(
            [Problem("kind" if table is None else "id", "cannot be changed here")]
        )
    with _transaction(engine) as conn:
        before = _locked_row(conn, kind, entry_id)
        revision, patient = _bump_revision(conn, before["patient_id"])
        _refuse_if_changed(conn, before["patient_id"], expected_revision, revision)
        if before["version"] != expected_version:
            raise _stale(kind, before)
        may_change(conn, actor, before["created_by"], before["created_at"], today, "correcting")
        current = row_builder(ENTRY_KINDS[kind])(before)
        merged = {name: plain(getattr(current, name)) for name in stored_fields(type(current))}
        merged |= dict(changes)
        entry = _parse_entry(kind, merged)
        _may_record(conn, actor, entry, current)
        _check_in_record(conn, kind, before["patient_id"], entry, patient.date_of_birth, today)
        values = {
            **entry_columns(entry),
            "version": expected_version + 1,
            "updated_at": now,
            "updated_by": actor,
        }
        done = conn.execute(
            update(table)
            .where(table.c.id == entry_id, table.c.version == expected_version)
            .values(values)
        ).rowcount
        if done != 1:
            raise _stale(kind, before)
        audit(
            conn,
            audit_row(
                patient_id=before["patient_id"],
                table=table.name,
                row_id=entry_id,
                action="update",
                actor=actor,
                at=now,
                before=before,
                after={**before, **values},
                revision=revision,
                reason=why,
            ),
        )
        if on_change is not None:
            on_change(conn, before["patient_id"])
    return Change(before["patient_id"], revision, frozenset({kind}), entry_id)


def delete_entry(
    engine: Engine,
    kind: str,
    entry_id: str,
    expected_version: int,
    actor: str,
    on_change: OnChange | None = None,
    *,
    reason: str,
    expected_revision: int | None = None,
) -> Change:
    """Delete an entry read at ``expected_version``, saying why (``reason``, required);
    the audit keeps what it was and why. A patient changed since ``expected_revision``
    (when given) is refused."""
    why = required_reason(reason, "deleted")
    if kind not in ENTRY_TABLES:
        raise ValidationError([Problem("kind", f"must be one of {', '.join(ENTRY_KINDS)}")])
    table = table_of(kind)
    now = utc_now()
    with _transaction(engine) as conn:
        before = _locked_row(conn, kind, entry_id)
        revision, _ = _bump_revision(conn, before["patient_id"])
        _refuse_if_changed(conn, before["patient_id"], expected_revision, revision)
        may_change(
            conn, actor, before["created_by"], before["created_at"], dt.date.today(), "deleting"
        )
        done = conn.execute(
            delete(table).where(table.c.id == entry_id, table.c.version == expected_version)
        ).rowcount
        if done != 1:
            raise _stale(kind, before)
        if kind == "phase_changes":
            rows = conn.execute(
                select(table).where(table.c.patient_id == before["patient_id"])
            ).mappings()
            problems = check_phase_sequence([row_builder(PhaseChange)(r) for r in rows])
            if problems:
                raise ValidationError(problems)
        audit(
            conn,
            audit_row(
                patient_id=before["patient_id"],
                table=table.name,
                row_id=entry_id,
                action="delete",
                actor=actor,
                at=now,
                before=before,
                after=None,
                revision=revision,
                reason=why,
            ),
        )
        if on_change is not None:
            on_change(conn, before["patient_id"])
    return Change(before["patient_id"], revision, frozenset({kind}), entry_id)
