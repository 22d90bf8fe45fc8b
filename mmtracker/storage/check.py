"""``mmtracker db check``: integrity of the database and where its schema stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import DatabaseError

from mmtracker.logic.history import ENTRY_KINDS
from mmtracker.logic.items import ITEM_ORDER
from mmtracker.storage.anchors import anchor_path, database_id, read_anchor
from mmtracker.storage.audit_chain import verify_chain
from mmtracker.storage.engine import StorageError, is_sqlite
from mmtracker.storage.marks import demo_note
from mmtracker.storage.schema import schema_state
from mmtracker.storage.tables import AUDIT, PATIENT, table_of


@dataclass
class CheckReport:
    """Lines to show, and whether every check passed."""

    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        self.ok = False
        self.lines.append(f"FAIL {line}")


def check_database(engine: Engine, anchors: Path | None = None) -> CheckReport:
    """Check the schema version, the file's integrity, the record's references and the audit
    chain (against this workstation's anchor, kept in ``anchors``, when there is one)."""
    report = CheckReport()
    report.lines.append(f"database: {engine.url.render_as_string(hide_password=True)}")
    try:
        if _check(engine, report):
            check_chain(engine, anchors, report)
    except DatabaseError as exc:  # a corrupt file or an unreachable server: report, not crash
        report.fail(f"the database cannot be read: {exc.orig}")
    report.lines.append("result: ok" if report.ok else "result: problems found")
    return report


def _check(engine: Engine, report: CheckReport) -> bool:
    """The checks but the chain's; False when the schema is not this application's."""
    try:
        state = schema_state(engine)
    except StorageError as exc:
        report.fail(str(exc))
        return False
    report.lines.append(f"schema: {state.current or 'empty'} (this application: {state.head})")
    if not state.up_to_date:
        report.fail("the schema is not current: run `mmtracker db upgrade`")
        return False
    note = demo_note(engine)
    report.lines.append("demo database: no" if note is None else f"demo database: yes ({note})")
    with engine.connect() as conn:
        if is_sqlite(engine):
            result = [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]
            if result != ["ok"]:
                report.fail("SQLite integrity check: " + "; ".join(result[:10]))
            else:
                report.lines.append("SQLite integrity check: ok")
        patients = conn.execute(select(func.count()).select_from(PATIENT)).scalar_one()
        report.lines.append(f"patients: {patients}")
        bad_revision = conn.execute(
            select(func.count()).select_from(PATIENT).where(PATIENT.c.revision < 1)
        ).scalar_one()
        if bad_revision:
            report.fail(f"{bad_revision} patients have a revision below 1")
        for kind in ENTRY_KINDS:
            table = table_of(kind)
            rows = conn.execute(select(func.count()).select_from(table)).scalar_one()
            orphans = conn.execute(
                select(func.count())
                .select_from(table)
                .where(~table.c.patient_id.in_(select(PATIENT.c.id)))
            ).scalar_one()
            report.lines.append(f"{kind}: {rows} rows")
            if orphans:
                report.fail(f"{kind}: {orphans} rows refer to a patient that does not exist")
        acks = table_of("acknowledgements")
        unknown = conn.execute(
            select(acks.c.item_id, func.count())
            .where(acks.c.item_id.not_in(ITEM_ORDER))
            .group_by(acks.c.item_id)
            .order_by(acks.c.item_id)
        ).all()
        for item_id, count in unknown:
            report.fail(f"acknowledgements: {count} acknowledge {item_id!r}, which is no care item")
        audits = conn.execute(select(func.count()).select_from(AUDIT)).scalar_one()
        report.lines.append(f"audit rows: {audits}")
        _check_revisions(conn, report)
    return True


def check_chain(engine: Engine, anchors: Path | None, report: CheckReport) -> None:
    """Recompute the audit chain (:mod:`mmtracker.storage.audit_chain`) and name its first
    broken row; against the anchor in ``anchors`` when this workstation keeps one."""
    with engine.connect() as conn:
        identity = database_id(conn)
        path = anchor_path(anchors, identity) if anchors and identity else None
        anchor = read_anchor(path) if path is not None else None
        found = verify_chain(conn, anchor)
    against = (
        f"against the anchor in {path} (row {anchor.last_id})"
        if anchor is not None and path is not None
        else "no anchor on this workstation to check its end against"
    )
    if found.broken is not None:
        report.fail(f"audit chain: {found.broken}")
    else:
        report.lines.append(f"audit chain: {found.rows} rows intact, {against}")


SHOWN = 10
"""Patients named by a failed check, at most."""


def _check_revisions(conn: Connection, report: CheckReport) -> None:
    """Each patient's revision is the highest its audit rows record (``revision``, the
    revision a write made): an audit row lost or a revision set by hand shows here. A
    patient whose every audit row predates schema 0005 has none recorded, and is counted."""
    rows = conn.execute(
        select(
            PATIENT.c.mrn,
            PATIENT.c.revision,
            func.max(AUDIT.c.revision),
            func.count(AUDIT.c.id),
        )
        .select_from(PATIENT.outerjoin(AUDIT, AUDIT.c.patient_id == PATIENT.c.id))
        .group_by(PATIENT.c.id, PATIENT.c.mrn, PATIENT.c.revision)
        .order_by(PATIENT.c.mrn)
    ).all()
    unaudited = [mrn for mrn, _, _, count in rows if count == 0]
    if unaudited:
        report.fail(
            f"{len(unaudited)} patients have no audit row at all (the audit was emptied or "
            f"rows deleted): {_named(unaudited)}"
        )
    wrong = [
        f"{mrn} (revision {revision}, audited {audited})"
        for mrn, revision, audited, count in rows
        if count and audited is not None and audited != revision
    ]
    if wrong:
        report.fail(
            f"{len(wrong)} patients' revision differs from the last their audit records "
            f"(audit rows lost or a revision changed by hand): {_named(wrong)}"
        )
    older = sum(1 for _, _, audited, count in rows if count and audited is None)
    checked = len(rows) - len(unaudited) - older
    report.lines.append(f"revisions matching the audit: {checked - len(wrong)} of {checked}")
    if older:
        report.lines.append(f"patients audited before revisions were recorded: {older}")


def _named(items: list[str]) -> str:
    shown = ", ".join(items[:SHOWN])
    return shown if len(items) <= SHOWN else f"{shown} and {len(items) - SHOWN} more"
