"""A few crash trials of ``scripts/crash-trials``, fixed so that CI can run them.

Each writer is killed at a fixed point: just before a commit or a writing statement (it
kills itself there: SQLAlchemy's ``commit`` and ``before_cursor_execute`` events), or
from outside at a fixed look that finds a write transaction open. Then the script's own
checks run: the engine's integrity checks, ``mmtracker db check`` (after ``db upgrade``
for a killed migration, which must finish it without a repair), everything reported
committed there and nothing half there, and ``mmtracker worklist`` reads the database
(these commands run in the test's own process: quicker).
``test_atomic_migrations.py`` kills a migration of its own making in the middle; here
the application's own migrations are killed through ``mmtracker db upgrade`` on a
populated clinic, on both backends.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "crash_trials", ROOT / "scripts" / "crash_trials.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_trials"] = module
    spec.loader.exec_module(module)
    return module


ct = _script()


def prepared(backend: Any, folder: Path) -> Any:
    """A small clinic (30 patients), record files of 300 lab results, 12 service writes;
    the user folders of the preparation in ``folder`` too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MMTRACKER_HOME", str(folder / "home"))
        patch.delenv("MMTRACKER_DATABASE_URL", raising=False)
        work = ct.prepare(backend, folder, patients=30, record_labs=300, writes=12)
    work.in_process = True  # the checks' commands run in this process: quicker
    return work


@pytest.fixture(scope="module")
def sqlite_work(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("crash-sqlite")
    work = prepared(ct.SqliteBackend(folder / "databases"), folder)
    yield work
    work.close()


@pytest.fixture(scope="module")
def postgres_work(postgres_cluster: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    backend = ct.PostgresBackend(postgres_cluster.url("postgres"))
    work = prepared(backend, tmp_path_factory.mktemp("crash-postgresql"))
    yield work
    work.close()
    backend.close()


def trial(work: Any, kind: str, kill: Any, **params: Any) -> Any:
    result = ct.run_trial(work, kind, kill, params, keep_failed=False)
    assert result.problems == []
    return result


# Killed just before a statement or a commit: nothing of the write is stored, and each
# write committed before it is (each kind's own checks say so; the notes name the state).
SQLITE_POINTS = [
    ("demo", "statement:4", "no demo patient"),  # the patients written, not their entries
    ("import", "commit:1", "record before"),
    ("replace", "statement:2", "record before"),  # the old patient deleted, nothing else
    ("services", "commit:5", "4 writes reported"),
    ("reassess", "commit:1", "0 of "),
]


@pytest.mark.parametrize(("kind", "point", "note"), SQLITE_POINTS)
def test_a_writer_killed_inside_its_transaction_leaves_what_it_had_committed(
    sqlite_work: Any, kind: str, point: str, note: str
) -> None:
    result = trial(sqlite_work, kind, ct.Kill(point=point))
    assert result.outcome.killed
    assert result.note.startswith(note)


def test_a_migration_killed_among_its_statements_stays_at_the_last_one_committed(
    sqlite_work: Any,
) -> None:
    """From 0005: 0006 committed, 0007 killed among its updates of each patient's MRN key;
    ``db upgrade`` then finishes the upgrade without a repair, every row kept."""
    result = trial(sqlite_work, "migration", ct.Kill(point="statement:12"), revision="0005")
    assert result.outcome.killed
    assert result.note.startswith("0005 → 0006 at the kill")


def test_writers_killed_from_outside_while_writing(sqlite_work: Any) -> None:
    """SIGKILL from outside at the 5th look finding a write transaction open."""
    for kind in ("services", "replace"):
        result = trial(sqlite_work, kind, ct.Kill(in_write=5))
        assert result.outcome.killed
        assert result.outcome.in_write


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("kind", "point", "params", "note"),
    [
        ("replace", "statement:2", {}, "record before"),
        ("services", "commit:5", {}, "4 writes reported"),
        ("migration", "commit:1", {"revision": "0005"}, "0005 → 0005 at the kill"),
    ],
)
def test_a_writer_killed_inside_its_transaction_on_postgresql(
    postgres_work: Any, kind: str, point: str, params: dict[str, Any], note: str
) -> None:
    result = trial(postgres_work, kind, ct.Kill(point=point), **params)
    assert result.outcome.killed
    assert result.note.startswith(note)


def test_the_service_log_tells_a_write_under_way_from_one_reported() -> None:
    log = ct.ServiceLog.parse(
        "try add weights a 1\ndone add weights a 1\ntry update weights a 1\n"
        "done update weights a 2\ntry delete weights a 1\ndone dele"  # cut by the kill
    )
    assert log.state("a") == 2
    assert log.pending == ("delete", "weights", "a", 1)
    assert log.state("a", with_pending=True) is None
    assert log.committed == [(1, "a"), (1, "a")]
