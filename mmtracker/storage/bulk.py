"""Whole records in bulk: record import and demo data, through SQLAlchemy Core.

Every record is validated before anything is written; then all of them are
written in one transaction. A new patient gets one audit row (the entries it
brought, by kind); a patient replaced by ``import-record --replace`` keeps its
id, its revision moves on, and the audit keeps every entry the file removed,
changed or added, with its values before and after.

Bookkeeping: ``created_at``/``created_by`` are kept from the file; ``updated_*``,
``version`` and the patient's ``revision`` are the database's own.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError

from mmtracker.logic.history import ENTRY_KINDS, Entry
from mmtracker.logic.mrn import mrn_key
from mmtracker.logic.parsing import Problem, join_path
from mmtracker.storage.anchors import after_write
from mmtracker.storage.audit_chain import chained
from mmtracker.storage.outcomes import NewerInDatabaseError, Replacing, ValidationError
from mmtracker.storage.records import NewRecord, check_record
from mmtracker.storage.services import audit_row, required_reason, utc_now
from mmtracker.storage.tables import AUDIT, PATIENT, entry_columns, patient_columns, table_of
from mmtracker.storage.users import CLINICAL, Role, require

CHUNK = 5000
T = TypeVar("T")


def write_records(
    engine: Engine,
    records: Sequence[NewRecord],
    actor: str,
    *,
    today: dt.date | None = None,
    replace: Replacing | None = None,
    action: str = "import",
    progress: Callable[[int], None] | None = None,
) -> list[int]:
    """Validate then write whole records in one transaction; return the patient ids.

    An MRN already in the database is refused unless ``replace`` is given, in which
    case that patient's record becomes the file's (see the module's docstring); a
    database revision newer than the file's is refused unless forced with a reason.
    An entry id another patient's record holds (in any case of its letters) is refused.
    """
    today = today or dt.date.today()
    problems: list[Problem] = []
    for index, record in enumerate(records):
        problems += check_record(record, today, _prefix(records, index))
    if problems:
        raise ValidationError(problems)
    reason = (
        required_reason(replace.reason or "", "replaced")
        if replace is not None and (replace.force or (replace.reason or "").strip())
        else None
    )
    now = utc_now()
    try:
        with engine.begin() as conn:
            held = _held_patients(conn, records, replace)
            _refuse_ids_of_others(conn, records, held)
            new = [(i, r) for i, r in enumerate(records) if i not in held]
            new_ids = _insert_patients(conn, [r for _, r in new], actor, now)
            ids = dict(zip((i for i, _ in new), new_ids, strict=True))
            _insert_entries(conn, [r for _, r in new], new_ids, actor, now, progress)
            if new:
                conn.execute(
                    insert(AUDIT),
                    chained(
                        conn,
                        [
                            audit_row(
                                patient_id=pid,
                                table="patient",
                                row_id=str(pid),
                                action=action,
                                actor=actor,
                                at=now,
                                before=None,
                                after={k: len(v) for k, v in record.entries.items()},
                                revision=1,
                            )
                            for pid, (_, record) in zip(new_ids, new, strict=True)
                        ],
                    ),
                )
            for index, row in held.items():
                ids[index] = _replace(conn, records[index], row, actor, now, reason)
            if held:  # checked once written (see services._may_record); refused: rolled back
                require(conn, actor, Role.PHYSICIAN, "replacing a patient's record")
            else:
                require(conn, actor, CLINICAL, "importing a record")
    except IntegrityError as exc:
        raise ValidationError(
            [Problem("", f"the record clashes with what the database holds: {exc.orig}")]
        ) from None
    after_write(engine)
    return [ids[i] for i in range(len(records))]


def _prefix(records: Sequence[NewRecord], index: int) -> str:
    return f"[{index}]" if len(records) > 1 else ""


def _held_patients(
    conn: Connection, records: Sequence[NewRecord], replace: Replacing | None
) -> dict[int, RowMapping]:
    """The patient rows the records' MRNs name (by index of the record), locked; refused
    without ``replace``, or when newer than the file without a forcing reason."""
    keys = [mrn_key(r.patient.mrn) for r in records]  # look-alike spellings are one MRN
    if len(set(keys)) != len(keys):
        raise ValidationError([Problem("patient.mrn", "the same MRN appears twice in the import")])
    existing = {
        row["mrn_key"]: row
        for chunk in _chunks(keys)
        for row in conn.execute(
            select(PATIENT).where(PATIENT.c.mrn_key.in_(chunk)).with_for_update()
        ).mappings()
    }
    if existing and replace is None:
        raise ValidationError(
            [
                Problem(
                    "patient.mrn", f"{row['mrn']} exists already; use --replace to overwrite it"
                )
                for row in sorted(existing.values(), key=lambda r: str(r["mrn"]))
            ]
        )
    held = {i: existing[key] for i, key in enumerate(keys) if key in existing}
    for index, row in held.items():
        filed = records[index].patient_meta.get("revision")
        newer = filed is None or row["revision"] > filed
        if newer and (replace is None or not replace.force):
            raise NewerInDatabaseError(str(row["mrn"]), int(row["revision"]), filed)
    return held


def _refuse_ids_of_others(
    conn: Connection, records: Sequence[NewRecord], held: Mapping[int, RowMapping]
) -> None:
    """Refuse entry ids that another patient's record holds, whatever the letters' case."""
    owner: dict[str, tuple[int, str, int]] = {}  # folded id -> (record, kind, index)
    for number, record in enumerate(records):
        for kind, entries in record.entries.items():
            for index, entry in enumerate(entries):
                owner[entry.id.lower()] = (number, kind, index)
    if not owner:
        return
    mine = {row["id"]: i for i, row in held.items()}  # a replaced patient's own ids are no clash
    problems: list[Problem] = []
    for kind in ENTRY_KINDS:
        table = table_of(kind)
        for chunk in _chunks(list(owner)):
            found = conn.execute(
                select(table.c.id, table.c.patient_id, PATIENT.c.mrn)
                .join(PATIENT, PATIENT.c.id == table.c.patient_id)
                .where(func.lower(table.c.id).in_(chunk))
            ).all()
            for entry_id, patient_id, mrn in found:
                number, in_kind, index = owner[str(entry_id).lower()]
                if mine.get(patient_id) == number:
                    continue
                path = join_path(join_path(_prefix(records, number), in_kind), index)
                problems.append(
                    Problem(
                        join_path(path, "id"),
                        f"{entry_id} is already the id of an entry of {kind} of another "
                        f"patient (MRN {mrn}); give this entry a new id",
                    )
                )
    if problems:
        raise ValidationError(sorted(problems, key=lambda p: p.path))


def _created(meta: Mapping[str, Any], actor: str, now: dt.datetime) -> dict[str, Any]:
    """A new row's bookkeeping: its creation kept from the file, the rest the database's."""
    return {
        "version": 1,
        "created_at": meta.get("created_at", now),
        "created_by": meta.get("created_by", actor),
        "updated_at": now,
        "updated_by": actor,
    }


def _insert_patients(
    conn: Connection, records: Sequence[NewRecord], actor: str, now: dt.datetime
) -> list[int]:
    ids: list[int] = []
    for chunk in _chunks(list(records)):
        rows = [
            {
                **patient_columns(r.patient),
                **_created(r.patient_meta, actor, now),
                "revision": 1,
            }
            for r in chunk
        ]
        result = conn.execute(
            insert(PATIENT).returning(PATIENT.c.id, sort_by_parameter_order=True), rows
        )
        ids.extend(int(i) for i in result.scalars())
    return ids


def _insert_entries(
    conn: Connection,
    records: Sequence[NewRecord],
    ids: Sequence[int],
    actor: str,
    now: dt.datetime,
    progress: Callable[[int], None] | None,
) -> None:
    kinds = sorted({kind for r in records for kind in r.entries})
    for kind in kinds:
        rows = [
            {
                **entry_columns(entry),
                "patient_id": pid,
                **_created(record.entry_meta.get(entry.id, {}), actor, now),
            }
            for pid, record in zip(ids, records, strict=True)
            for entry in record.entries.get(kind, ())
        ]
        for chunk in _chunks(rows):
            conn.execute(insert(table_of(kind)), chunk)
            if progress is not None:
                progress(len(chunk))


def _comparable(values: Mapping[str, Any]) -> str:
    return json.dumps(dict(values), default=str, sort_keys=True)


def _replace(
    conn: Connection,
    record: NewRecord,
    row: RowMapping,
    actor: str,
    now: dt.datetime,
    reason: str | None,
) -> int:
    """Make a held patient's record the file's, in place: the patient keeps its id, its
    version and revision move on (a form opened before is refused as stale), and every
    entry removed, changed or added is audited with its values before and after."""
    patient_id = int(row["id"])
    revision = int(row["revision"]) + 1
    patient = {
        **patient_columns(record.patient),
        "created_at": record.patient_meta.get("created_at", row["created_at"]),
        "created_by": record.patient_meta.get("created_by", row["created_by"]),
        "updated_at": now,
        "updated_by": actor,
        "version": int(row["version"]) + 1,
        "revision": revision,
    }
    conn.execute(update(PATIENT).where(PATIENT.c.id == patient_id).values(patient))

    trail: list[dict[str, Any]] = []  # written at once: one row a statement cost seconds

    def audited(table: str, row_id: str, before: Any, after: Any) -> None:
        trail.append(
            audit_row(
                patient_id=patient_id,
                table=table,
                row_id=row_id,
                action="replace",
                actor=actor,
                at=now,
                before=before,
                after=after,
                revision=revision,
                reason=reason,
            )
        )

    audited("patient", str(patient_id), row, {**row, **patient})
    filed = {
        entry.id.lower(): (kind, entry)
        for kind, entries in record.entries.items()
        for entry in entries
    }
    for kind in ENTRY_KINDS:
        table = table_of(kind)
        for old in conn.execute(select(table).where(table.c.patient_id == patient_id)).mappings():
            kept = filed.get(str(old["id"]).lower())
            if kept is not None and kept[0] == kind:
                new = _entry_row(record, kept[1], patient_id, actor, now, old)
                if _comparable(_fields(new)) != _comparable(_fields(old)):
                    conn.execute(update(table).where(table.c.id == old["id"]).values(new))
                    audited(kind, str(new["id"]), old, new)
                del filed[str(old["id"]).lower()]
                continue
            conn.execute(delete(table).where(table.c.id == old["id"]))
            audited(kind, str(old["id"]), old, None)
    for kind, entry in filed.values():
        new = _entry_row(record, entry, patient_id, actor, now, None)
        conn.execute(insert(table_of(kind)).values(new))
        audited(kind, entry.id, None, new)
    conn.execute(insert(AUDIT), chained(conn, trail))
    return patient_id


def _entry_row(
    record: NewRecord,
    entry: Entry,
    patient_id: int,
    actor: str,
    now: dt.datetime,
    old: RowMapping | None,
) -> dict[str, Any]:
    """An entry's row as a replace writes it: a changed row's version moves on."""
    meta = record.entry_meta.get(entry.id, {})
    row = {**entry_columns(entry), "patient_id": patient_id, **_created(meta, actor, now)}
    if old is not None:
        row["id"] = old["id"]  # the stored spelling of the id stays
        row["version"] = int(old["version"]) + 1
        row["created_at"] = meta.get("created_at", old["created_at"])
        row["created_by"] = meta.get("created_by", old["created_by"])
    return row


_BOOKKEEPING = frozenset({"version", "created_at", "created_by", "updated_at", "updated_by"})


def _fields(row: Mapping[Any, Any]) -> dict[str, Any]:
    """A row's own values, its bookkeeping aside."""
    return {k: v for k, v in row.items() if k not in _BOOKKEEPING}


def _chunks(items: Sequence[T]) -> list[Sequence[T]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
