"""Anchors of the audit chain, kept outside the database: after each write, the chain's head
(last row id, its hash, the rows so far) goes to a file of this workstation's data folder
that only its owner reads, one per database (named by the database's own random id).

An anchor moves on only when the rows written since it still chain onto it; a break found
then leaves the anchor where it was (and is said by ``mmtracker audit verify``), so that
a rewritten audit is never anchored. See :mod:`mmtracker.storage.audit_chain`.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import time
import uuid
import weakref
from dataclasses import asdict
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, text
from sqlalchemy.exc import DBAPIError

from mmtracker.files import write_text
from mmtracker.storage.audit_chain import FIELDS, GENESIS, Anchor, digest, verify_chain
from mmtracker.storage.models import DatabaseInfoRow

INFO = DatabaseInfoRow.__table__  # type: ignore[attr-defined]  # SQLModel sets __table__ at class creation
DATABASE_ID = "database_id"
FILE_MODE = 0o600
FOLDER_MODE = 0o700

_kept: weakref.WeakKeyDictionary[Engine, Path] = weakref.WeakKeyDictionary()


class AnchorError(Exception):
    """The rows written since the anchor do not chain onto it: the audit was changed."""


def keep_anchors(engine: Engine, folder: Path) -> None:
    """Keep the anchors of ``engine``'s database in ``folder`` after each of its writes."""
    _kept[engine] = folder


def anchor_folder(engine: Engine) -> Path | None:
    """Where ``engine``'s anchors are kept; None when they are not."""
    return _kept.get(engine)


def database_id(conn: Connection, create: bool = False) -> str | None:
    """The database's own random id (made on first use with ``create``)."""
    found = conn.execute(select(INFO.c.value).where(INFO.c.key == DATABASE_ID)).scalar()
    if found is None and create:
        found = str(uuid.uuid4())
        conn.execute(insert(INFO).values(key=DATABASE_ID, value=found))
    return None if found is None else str(found)


def anchor_path(folder: Path, identity: str) -> Path:
    """The anchor file of the database with id ``identity``."""
    return folder / f"audit-anchor-{identity}.json"


def read_anchor(path: Path) -> Anchor | None:
    """The anchor in ``path``; None when there is none or it cannot be read."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        return Anchor(int(found["last_id"]), str(found["chain"]), int(found["rows"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_private(path: Path, text_: str) -> None:
    """Write ``text_`` to ``path``, its folder made its owner's only (mmtracker.files: whole
    or not at all, 0600, a link replaced, not followed)."""
    path.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    write_text(path, text_, sync=False)


def advance(conn: Connection, anchor: Anchor | None) -> Anchor | None:
    """The chain's head, once the rows after ``anchor`` are found to chain onto it (the
    row it names unchanged); None when the audit is empty. Raises AnchorError otherwise."""
    if anchor is None:
        return _from_start(conn)
    before = conn.execute(
        text("SELECT chain FROM audit WHERE id < :id ORDER BY id DESC LIMIT 1"),
        {"id": anchor.last_id},
    ).scalar()
    previous, rows, last = GENESIS if before is None else str(before), anchor.rows - 1, 0
    for row_id, chain, values in _after(conn, anchor.last_id - 1):
        if last == 0 and (row_id != anchor.last_id or chain != anchor.chain):
            raise AnchorError(
                f"audit row {anchor.last_id}, the last anchored, is missing or was rewritten"
            )
        if digest(previous, values) != chain:
            raise AnchorError(f"audit row {row_id} does not chain onto the row before it")
        previous, rows, last = chain, rows + 1, row_id
    if last == 0:
        raise AnchorError(f"audit row {anchor.last_id}, the last anchored, is missing")
    return Anchor(last, previous, rows)


def _from_start(conn: Connection) -> Anchor | None:
    report = verify_chain(conn)
    if report.broken is not None:
        raise AnchorError(report.broken)
    return report.head


def _after(conn: Connection, after: int) -> list[tuple[int, str, tuple[object, ...]]]:
    """The rows after id ``after`` as the driver gives them (see audit_chain._rows)."""
    rows = conn.exec_driver_sql(
        "SELECT id, chain, " + ", ".join(FIELDS) + " FROM audit WHERE id > "
        f"{int(after)} ORDER BY id"
    ).all()
    return [(int(r[0]), str(r[1]), tuple(r[2:])) for r in rows]


def anchor_now(engine: Engine, folder: Path) -> Anchor | None:
    """Move the anchor of ``engine``'s database in ``folder`` on to the chain's head; the
    anchor as it now stands. Raises AnchorError when the audit was changed since."""
    with engine.begin() as conn:
        identity = database_id(conn, create=True)
        assert identity is not None  # made above
        path = anchor_path(folder, identity)
        held = read_anchor(path)
        head = advance(conn, held)
    if head is not None and head != held:
        write_anchor(folder, identity, head)
    return head


def write_anchor(folder: Path, identity: str, anchor: Anchor) -> None:
    """Make ``anchor`` the anchor of the database with id ``identity`` in ``folder``."""
    path = anchor_path(folder, identity)
    write_private(path, json.dumps({"database_id": identity, **asdict(anchor)}) + "\n")


ANCHOR_EVERY_S = 30.0
"""At most one anchor a while from each process (a save stays quick); one at its end too."""
_anchored: weakref.WeakKeyDictionary[Engine, float] = weakref.WeakKeyDictionary()


def after_write(engine: Engine) -> None:
    """Called after each committed write: move the anchor on where anchors are kept, at
    the first write of a process and then every :data:`ANCHOR_EVERY_S` seconds (and when
    the process ends). A break found is left for ``audit verify`` to say; the write
    itself stands."""
    folder = _kept.get(engine)
    if folder is None:
        return
    now = time.monotonic()
    last = _anchored.get(engine)
    if last is not None and now - last < ANCHOR_EVERY_S:
        return
    _anchored[engine] = now
    _anchor_quietly(engine, folder)


def _anchor_quietly(engine: Engine, folder: Path) -> None:
    with contextlib.suppress(AnchorError, OSError, DBAPIError):
        anchor_now(engine, folder)


@atexit.register
def _anchor_at_exit() -> None:
    """The last writes of the process anchored before it ends."""
    for engine, folder in list(_kept.items()):
        if engine in _anchored:  # it wrote
            _anchor_quietly(engine, folder)
