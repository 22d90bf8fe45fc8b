"""The audit trail as a hash chain: each row's ``chain`` is the SHA-256 of the previous row's
``chain`` and the row's own content, in the order of the rows' ids.

A row edited, inserted or deleted in the middle breaks the chain at that place, which
:func:`verify_chain` names. Rows cut from the end, or a chain recomputed from a changed
row onwards, are found against an *anchor*: the chain's head (last id, its ``chain``, the
number of rows) kept outside the database (:mod:`mmtracker.storage.anchors`) and in every
backup. What the chain cannot show: someone able to rewrite the database and every anchor
alike. See docs/security.md.

Writers take the chain's head inside their transaction under a lock held until it ends
(SQLite's write lock, PostgreSQL's transaction-scoped advisory lock; :func:`chain_head`),
so two writers never chain onto the same row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

GENESIS = ""
"""The ``chain`` before the first row."""
FIELDS = (
    "patient_id",
    "table_name",
    "row_id",
    "action",
    "actor",
    "at",
    "before",
    "after",
    "reason",
    "revision",
)
"""The columns a row's hash covers, in this order (its id is its place in the chain)."""
ADVISORY_LOCK = 0x6D6D_6175_6469_74  # "mmaudit": serialises the chain's writers (PostgreSQL)
AT_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
"""A time as SQLite stores it (in UTC, the offset left out), and as the hash takes it from
any database."""
BATCH = 20_000


def stored_time(moment: dt.datetime) -> dt.datetime:
    """A write's time as the audit stores it: in UTC (a time without an offset is taken as
    UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _part(value: Any) -> str:
    """One field in the hashed text: its length before it, so that no two rows' fields run
    together alike; None apart from any text."""
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):  # PostgreSQL's; SQLite's is the text it stores
        value = stored_time(value).strftime(AT_FORMAT)
    found = str(value)
    return f"{len(found)}:{found}"


def digest(previous: str, values: Sequence[Any]) -> str:
    """The ``chain`` of a row: ``values`` in :data:`FIELDS` order, after ``previous``."""
    body = "|".join([previous, *(_part(v) for v in values)])
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def row_digest(previous: str, row: Mapping[str, Any]) -> str:
    """The ``chain`` of an audit row given as a mapping of its columns."""
    return digest(previous, [row.get(name) for name in FIELDS])


def chain_head(conn: Connection) -> str:
    """The last row's ``chain`` (the genesis when there is none), read with the chain locked
    for this transaction: PostgreSQL's advisory lock; on SQLite the write lock, which a
    write statement takes even when it changes no row (a transaction that has written holds
    it already)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
    else:
        conn.execute(text("UPDATE audit SET chain = chain WHERE 0"))
    found = conn.execute(text("SELECT chain FROM audit ORDER BY id DESC LIMIT 1")).first()
    return GENESIS if found is None or found[0] is None else str(found[0])


def chained(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` to insert in this order, each with its time stored as UTC and its ``chain``."""
    previous = chain_head(conn)
    done: list[dict[str, Any]] = []
    for row in rows:
        found = {**row, "at": stored_time(row["at"])}
        previous = found["chain"] = row_digest(previous, found)
        done.append(found)
    return done


@dataclass(frozen=True, slots=True)
class Anchor:
    """The chain's head as seen at one moment: the last row's id and ``chain``, and how many
    rows the audit held."""

    last_id: int
    chain: str
    rows: int


@dataclass
class ChainReport:
    """What :func:`verify_chain` found: the rows checked, the head, and the first break."""

    rows: int = 0
    head: Anchor | None = None
    broken: str | None = None
    """Where and how the chain breaks first (None: it holds)."""

    @property
    def ok(self) -> bool:
        """True when the chain holds (and agrees with the anchor it was checked against)."""
        return self.broken is None


_ROWS = "SELECT id, chain, " + ", ".join(FIELDS) + " FROM audit WHERE id > :after ORDER BY id"


def _rows(conn: Connection, after: int) -> Iterator[Sequence[Any]]:
    """The audit rows after id ``after``, in batches, as the driver gives them (no type
    conversion: SQLite's text times are hashed as they are stored)."""
    raw: Any = conn.connection.dbapi_connection
    parameters: Any
    if conn.dialect.name == "postgresql":  # a server-side cursor: the rows come in batches
        cursor = raw.cursor(name="mmtracker_audit_chain")
        sql, parameters = _ROWS.replace(":after", "%(after)s"), {"after": after}
    else:
        cursor = raw.cursor()
        sql, parameters = _ROWS.replace(":after", "?"), (after,)
    try:
        cursor.execute(sql, parameters)
        while batch := cursor.fetchmany(BATCH):
            yield from batch
    finally:
        cursor.close()


def verify_chain(conn: Connection, anchor: Anchor | None = None) -> ChainReport:
    """Recompute the whole chain and name the first row where it breaks; with ``anchor``,
    also check that the row it names still has its ``chain`` and that no row was cut."""
    report = ChainReport()
    previous, last_id, anchored = GENESIS, 0, anchor is None
    for row in _rows(conn, 0):
        row_id, stored, values = row[0], row[1], row[2:]
        report.rows += 1
        expected = digest(previous, values)
        if stored != expected and report.broken is None:
            gap = (
                f" (the row with id {last_id + 1} is missing)"
                if row_id == last_id + 2 and last_id
                else f" (the rows with ids {last_id + 1}–{row_id - 1} are missing)"
                if (row_id != last_id + 1 and last_id)
                else ""
            )
            report.broken = (
                f"audit row {row_id}: its hash does not follow from the row before it: the "
                f"row was changed, or a row before it inserted or deleted{gap}"
            )
        if anchor is not None and row_id == anchor.last_id:
            anchored = True
            if stored != anchor.chain and report.broken is None:
                report.broken = (
                    f"audit row {row_id}: its hash is not the one the anchor recorded: the "
                    "audit up to it was rewritten"
                )
        previous, last_id = str(stored), row_id
    report.head = Anchor(last_id, previous, report.rows) if report.rows else None
    if anchor is not None and report.broken is None:
        if not anchored:
            report.broken = (
                f"audit row {anchor.last_id}, the last the anchor recorded, is missing: rows "
                "were deleted from the end of the audit"
            )
        elif report.rows < anchor.rows:
            report.broken = (
                f"the audit holds {report.rows} rows, fewer than the {anchor.rows} the anchor "
                "recorded: rows were deleted"
            )
    return report
