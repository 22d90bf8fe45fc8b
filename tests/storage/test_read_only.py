"""A database this account may only read (issue 12, finding 6): the worklist and the reads
of ``export-record`` and ``export-pdf`` work on it and write nothing.

An SQLite file the running account cannot write is opened with SQLite's ``mode=ro``
(``immutable=1`` for a WAL-mode copy whose file and folder nobody can write); stale
patients are assessed in memory; the connection sets nothing that writes. Root writes into
a 0444 file, so the commands run here as an account the permission bits bind: the one
running the tests when it is not root, else root without its capabilities (``setpriv``);
the tests that need it skip where that cannot be done, but never in CI. The rest opens a
file with ``mode=ro`` explicitly, or tells the code what ``os.access`` would say.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from logic.builders import policy
from sqlalchemy import Engine, text

from mmtracker.demo import generate_records
from mmtracker.logic.worklist_order import Show
from mmtracker.storage.bulk import write_records
from mmtracker.storage.engine import (
    StorageError,
    make_engine,
    read_only,
    reading_url,
    sqlite_file,
    sqlite_uri,
)
from mmtracker.storage.schema import upgrade
from mmtracker.storage.sql import engine_fetch
from mmtracker.storage.state_reads import stale_ids
from mmtracker.storage.worklist import worklist
from mmtracker.workflows import open_engine

DAY = dt.date(2024, 6, 3)  # the demo's "today", on which its stored state was computed
LATER = dt.date(2025, 3, 14)  # most of the demo's patients stale
PATIENTS = 60
ACTOR = "nurse@ward-3"
IN_CI = os.environ.get("CI", "").lower() == "true"  # as tests/conftest.py reads it


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def demo_file(path: Path) -> Path:
    """A demo database of PATIENTS patients assessed on DAY, in WAL mode, its -wal folded in."""
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    write_records(engine, generate_records(PATIENTS, 1, DAY), ACTOR, today=DAY, action="demo")
    engine.dispose()  # the last connection checkpoints the WAL and removes -wal and -shm
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, made once per module (and worker); tests read copies of it."""
    return demo_file(tmp_path_factory.mktemp("read-only-demo") / "demo.sqlite")


@pytest.fixture
def locked_away(tmp_path: Path) -> Iterator[Callable[[Path], Path]]:
    """Copies a database into a folder of its own, the file 0444 and the folder 0555."""
    folders: list[Path] = []

    def copy(source: Path) -> Path:
        folder = tmp_path / f"read-only-{len(folders)}"
        folder.mkdir()
        target = folder / source.name
        shutil.copyfile(source, target)
        target.chmod(0o444)
        folder.chmod(0o555)
        folders.append(folder)
        return target

    yield copy
    for folder in folders:  # so that the temporary folder can be removed
        folder.chmod(0o755)


def ro_url(path: Path) -> str:
    return f"sqlite:///file:{path}?mode=ro&uri=true"


# --- the connection -------------------------------------------------------------------------


def test_a_read_only_connection_sets_nothing_that_writes(tmp_path: Path) -> None:
    """``journal_mode=WAL`` writes the file's header: a read-only connection does not ask it."""
    path = tmp_path / "rollback.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("PRAGMA journal_mode=DELETE"))
    engine.dispose()
    before = sha256(path)
    reader = make_engine(ro_url(path))
    assert read_only(reader)
    with reader.connect() as conn:
        mode = conn.execute(text("PRAGMA journal_mode")).scalar()
        query_only = conn.execute(text("PRAGMA query_only")).scalar()
        conn.execute(text("SELECT count(*) FROM patient")).scalar()
    reader.dispose()
    assert (mode, query_only) == ("delete", 1)
    assert sha256(path) == before


def test_a_normal_connection_is_not_read_only(tmp_path: Path) -> None:
    assert not read_only(make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}"))
    assert not read_only(make_engine(f"sqlite:///file:{tmp_path / 'x.sqlite'}?uri=true"))


# --- the worklist -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shown", "prefix", "within"),
    [
        ({Show.URGENT, Show.OVERDUE, Show.DUE_SOON}, "", None),
        (set(Show), "", None),
        ({Show.OK, Show.SNOOZED, Show.INFO}, "", 60),
        (set(Show), "bta.", None),
        ({Show.OVERDUE}, "labs.", 0),
    ],
    ids=["default", "everything", "the-rest", "prefix", "overdue-labs"],
)
def test_stale_patients_are_assessed_in_memory_as_a_write_would_store_them(
    demo: Path, tmp_path: Path, shown: set[Show], prefix: str, within: int | None
) -> None:
    read = tmp_path / "read.sqlite"
    written = tmp_path / "written.sqlite"
    shutil.copyfile(demo, read)
    shutil.copyfile(demo, written)
    before = sha256(read)
    rules = policy()
    reader, writer = make_engine(ro_url(read)), make_engine(f"sqlite:///{written}")
    with reader.connect() as conn:
        assert len(stale_ids(engine_fetch(conn), LATER, rules.digest)) > PATIENTS // 2

    def rows(engine: Engine) -> list[object]:
        return list(worklist(engine, LATER, rules, show=shown, item_prefix=prefix, within=within))

    found = rows(reader)
    assert found == rows(writer)
    assert found or prefix  # the cases above show something, but a prefix may empty the list
    with reader.connect() as conn:  # still stale: nothing was written
        assert len(stale_ids(engine_fetch(conn), LATER, rules.digest)) > PATIENTS // 2
    reader.dispose()
    writer.dispose()
    assert sha256(read) == before


def test_a_read_only_database_behind_the_schema_is_refused_not_migrated(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    with pytest.raises(StorageError, match=r"has schema nothing; .*cannot be migrated"):
        open_engine(ro_url(path))
    assert path.read_bytes() == b""


# --- how a file is opened -------------------------------------------------------------------


@pytest.fixture
def unwritable(monkeypatch: pytest.MonkeyPatch) -> set[Path]:
    """Paths ``os.access`` says this account cannot write (root could write them all)."""
    refused: set[Path] = set()
    access = os.access

    def fake(path: str | Path, mode: int) -> bool:
        return not (mode & os.W_OK and Path(path).resolve() in refused) and access(path, mode)

    monkeypatch.setattr(os, "access", fake)
    return refused


def test_a_writable_file_is_opened_as_it_is(demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    shutil.copyfile(demo, path)
    url = f"sqlite:///{path}"
    assert reading_url(url) == url
    assert sqlite_uri(path) == f"{path.as_uri()}?mode=rw"
    assert reading_url(ro_url(path)) == ro_url(path)  # options given are kept


def test_a_file_that_cannot_be_written_is_opened_read_only(
    demo: Path, tmp_path: Path, unwritable: set[Path]
) -> None:
    path = tmp_path / "clinic.sqlite"
    shutil.copyfile(demo, path)
    unwritable.add(path)  # the folder can be written: SQLite makes -shm there
    assert sqlite_uri(path) == f"{path.as_uri()}?mode=ro"
    url = reading_url(f"sqlite:///{path}")
    assert sqlite_file(url) == path
    reader = make_engine(url)
    assert read_only(reader)
    with reader.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM patient")).scalar() == PATIENTS
    reader.dispose()


def test_a_wal_copy_nobody_can_write_is_read_as_immutable(
    demo: Path, locked_away: Callable[[Path], Path], unwritable: set[Path]
) -> None:
    path = locked_away(demo)
    unwritable.update({path, path.parent})
    assert sqlite_uri(path) == f"{path.as_uri()}?mode=ro&immutable=1"
    reader = make_engine(reading_url(f"sqlite:///{path}"))
    with reader.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM patient")).scalar() == PATIENTS
    reader.dispose()


def test_with_its_shm_file_there_a_wal_file_is_read_with_mode_ro(
    demo: Path, tmp_path: Path, unwritable: set[Path]
) -> None:
    path = tmp_path / "clinic.sqlite"
    shutil.copyfile(demo, path)
    Path(f"{path}-shm").touch()
    unwritable.update({path, path.parent})
    assert sqlite_uri(path) == f"{path.as_uri()}?mode=ro"


def test_a_wal_file_others_may_write_is_refused_naming_the_way_out(
    demo: Path, tmp_path: Path, unwritable: set[Path]
) -> None:
    path = tmp_path / "clinic.sqlite"
    shutil.copyfile(demo, path)  # 0644 in a writable folder: its owner may write to it
    unwritable.update({path, path.parent})
    with pytest.raises(StorageError) as refused:
        reading_url(f"sqlite:///{path}")
    assert str(refused.value) == (
        f"The database {path} is read-only for this account and SQLite cannot read it "
        f"safely: it is in WAL mode, clinic.sqlite-shm is missing and cannot be made in "
        f"{tmp_path}, and others may write to it while it is read. Give this account write "
        f"access to {tmp_path}, or read a copy whose file and folder nobody can write."
    )


def test_writes_left_in_a_wal_file_are_never_skipped(
    demo: Path, tmp_path: Path, unwritable: set[Path]
) -> None:
    """``immutable=1`` ignores the -wal file: its committed writes would be missing."""
    path = tmp_path / "clinic.sqlite"
    shutil.copyfile(demo, path)
    Path(f"{path}-wal").write_bytes(b"\0" * 32)
    unwritable.update({path, path.parent})
    with pytest.raises(StorageError, match=r"its clinic\.sqlite-wal file holds writes"):
        sqlite_uri(path)


# --- the commands, as an account the permission bits bind ----------------------------------------


def _unprivileged() -> list[str]:
    """The prefix that runs a command as an account the permission bits bind.

    Not root: the account itself. Root: root without its capabilities (``setpriv``), which
    keeps the interpreter reachable wherever it lies (``runuser -u nobody`` cannot run one
    under /root, whose folder only root may enter).
    """
    if os.geteuid() != 0:
        return []
    drop = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"]
    try:
        subprocess.run([*drop, "true"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        if IN_CI:
            pytest.fail(f"root cannot give up its capabilities here: {exc}")
        pytest.skip(f"root cannot give up its capabilities here: {exc}")  # allowed only off CI
    return drop


def mmtracker(*argv: str, unprivileged: bool = False) -> subprocess.CompletedProcess[bytes]:
    prefix = _unprivileged() if unprivileged else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "mmtracker", *argv], capture_output=True, timeout=120
    )


@pytest.mark.parametrize("as_of", [DAY, LATER], ids=["up-to-date", "stale"])
@pytest.mark.parametrize(
    "command",
    [
        ["worklist"],
        ["worklist", "--format", "json", "--status", "ok", "--status", "info"],
        ["export-record", "--mrn", "D000007"],
    ],
    ids=["worklist", "worklist-json", "export-record"],
)
def test_a_read_only_database_reads_as_a_writable_one_and_is_left_as_it_was(
    demo: Path,
    tmp_path: Path,
    locked_away: Callable[[Path], Path],
    command: list[str],
    as_of: dt.date,
) -> None:
    written = tmp_path / "written.sqlite"
    shutil.copyfile(demo, written)
    read = locked_away(demo)
    before, listing = sha256(read), sorted(read.parent.iterdir())
    dated = [] if command[0] == "export-record" else ["--as-of", as_of.isoformat()]
    expected = mmtracker(*command, *dated, "--database", f"sqlite:///{written}")
    assert expected.returncode == 0, expected.stderr
    found = mmtracker(*command, *dated, "--database", f"sqlite:///{read}", unprivileged=True)
    assert (found.returncode, found.stderr) == (0, b"")
    assert found.stdout == expected.stdout
    assert expected.stdout.strip()
    assert (sha256(read), sorted(read.parent.iterdir())) == (before, listing)


def test_the_worklist_printed_from_a_read_only_database(
    demo: Path, tmp_path: Path, locked_away: Callable[[Path], Path]
) -> None:
    read = locked_away(demo)
    before = sha256(read)
    out = tmp_path / "worklist.pdf"
    found = mmtracker(
        "export-pdf", "--worklist", "--as-of", LATER.isoformat(), "--out", str(out),
        "--database", f"sqlite:///{read}", unprivileged=True,
    )  # fmt: skip
    assert (found.returncode, found.stderr) == (0, b""), found.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert sha256(read) == before


def test_a_write_to_a_read_only_database_is_refused_in_one_line(
    demo: Path, locked_away: Callable[[Path], Path]
) -> None:
    read = locked_away(demo)
    before = sha256(read)
    found = mmtracker(
        "db", "reassess", "--as-of", LATER.isoformat(), "--database", f"sqlite:///{read}",
        unprivileged=True,
    )  # fmt: skip
    assert found.returncode == 1
    assert found.stderr.decode().startswith("error: the database cannot be used: ")
    assert len(found.stderr.splitlines()) == 1
    assert sha256(read) == before
