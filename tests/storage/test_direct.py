"""The direct reads of an SQLite file (mmtracker/storage/direct.py): the same rows as through
SQLAlchemy, and only when the file needs nothing done first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from mmtracker.config import load_policy
from mmtracker.logic.codes import Phase
from mmtracker.logic.policy import Policy
from mmtracker.logic.worklist_order import Show
from mmtracker.storage.direct import direct_reads
from mmtracker.storage.engine import StorageError
from mmtracker.storage.patient_list import patient_list, read_patient_list, read_revisions
from mmtracker.storage.patient_list import revisions as engine_revisions
from mmtracker.storage.sql import plain_sqlite_file
from mmtracker.storage.worklist import stored_worklist, worklist
from mmtracker.workflows import fill_demo, open_engine

AS_OF = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(None)


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory, policy: Policy) -> str:
    """The URL of a demo clinic's SQLite file whose stored state holds on AS_OF."""
    url = f"sqlite:///{tmp_path_factory.mktemp('direct') / 'clinic.sqlite'}"
    engine = open_engine(url)
    fill_demo(engine, 40, 3, AS_OF, "test@mmtracker")
    worklist(engine, AS_OF, policy)  # brings every patient's stored state up to date
    engine.dispose()
    return url


def _engine_rows(url: str, policy: Policy, **wanted: object) -> list[object]:
    engine = open_engine(url)
    try:
        return list(worklist(engine, AS_OF, policy, **wanted))  # type: ignore[arg-type]  # the options as keywords
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "wanted",
    [
        {},
        {"show": list(Show)},
        {"show": [Show.SNOOZED, Show.INFO]},
        {"within": 90},
        {"within": 0},
        {"item_prefix": "bta."},
        {"item_prefix": "dental"},
        {"phases": [Phase.MAINTENANCE, Phase.NDMM]},
    ],
    ids=repr,
)
def test_the_direct_worklist_is_the_engines_row_for_row(
    clinic: str, policy: Policy, wanted: dict[str, object]
) -> None:
    expected = _engine_rows(clinic, policy, **wanted)
    with direct_reads(clinic, AS_OF, policy) as fetch:
        assert fetch is not None
        found = stored_worklist(fetch, AS_OF, policy, **wanted)  # type: ignore[arg-type]  # as above
    assert expected, "the demo clinic has rows of this kind"
    assert [dataclasses.astuple(r) for r in found] == [dataclasses.astuple(r) for r in expected]


@pytest.mark.parametrize("search", ["", "  a ", "D0000", "%", "_"])
def test_the_direct_patient_list_and_revisions_are_the_engines(
    clinic: str, policy: Policy, search: str
) -> None:
    engine = open_engine(clinic)
    try:
        expected, revisions = patient_list(engine, AS_OF, search), engine_revisions(engine)
    finally:
        engine.dispose()
    with direct_reads(clinic, AS_OF, policy) as fetch:
        assert fetch is not None
        assert read_patient_list(fetch, AS_OF, search) == expected
        assert read_revisions(fetch) == revisions
    assert search.strip() in ("%", "_") or expected


def _copy(url: str, tmp_path: Path) -> tuple[str, Engine]:
    path = plain_sqlite_file(url)
    assert path is not None
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(path.read_bytes())
    return f"sqlite:///{copy}", open_engine(f"sqlite:///{copy}")


def test_a_stale_patient_leaves_the_reading_to_the_engine(
    clinic: str, policy: Policy, tmp_path: Path
) -> None:
    url, engine = _copy(clinic, tmp_path)
    with engine.begin() as conn:
        conn.execute(text("UPDATE patient SET revision = revision + 1 WHERE id = 1"))
    engine.dispose()
    with direct_reads(url, AS_OF, policy) as fetch:
        assert fetch is None
    with direct_reads(url, AS_OF + dt.timedelta(days=400), policy) as fetch:
        assert fetch is None  # past the stored states' valid_until


def test_another_policy_leaves_the_reading_to_the_engine(clinic: str, tmp_path: Path) -> None:
    clinic_file = tmp_path / "policy.toml"
    clinic_file.write_text("lead_days = 20\n", encoding="utf-8")
    with direct_reads(clinic, AS_OF, load_policy(clinic_file)) as fetch:
        assert fetch is None


def test_a_schema_not_at_its_head_leaves_the_reading_to_the_engine(
    clinic: str, policy: Policy, tmp_path: Path
) -> None:
    url, engine = _copy(clinic, tmp_path)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    engine.dispose()
    with direct_reads(url, AS_OF, policy) as fetch:
        assert fetch is None


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///{folder}/missing.sqlite",
        "sqlite:///{folder}/empty.sqlite",
        "sqlite:///{folder}/not-a-database.sqlite",
        "sqlite:///{folder}/clinic.sqlite?timeout=5",
        "postgresql://127.0.0.1/mmtracker",
    ],
)
def test_what_cannot_be_read_directly_is_left_to_the_engine(
    url: str, policy: Policy, tmp_path: Path
) -> None:
    open_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}").dispose()  # migrated, no patient
    (tmp_path / "not-a-database.sqlite").write_text("hello", encoding="utf-8")
    with direct_reads(url.format(folder=tmp_path), AS_OF, policy) as fetch:
        assert fetch is None


def _read_a_missing_table(url: str, policy: Policy) -> None:
    with direct_reads(url, AS_OF, policy) as fetch:
        assert fetch is not None
        fetch("SELECT * FROM no_such_table", {})


def test_a_failing_direct_read_is_a_storage_error(clinic: str, policy: Policy) -> None:
    with pytest.raises(StorageError, match="could not be read"):
        _read_a_missing_table(clinic, policy)


def test_the_worklist_command_on_an_up_to_date_file_imports_no_sqlalchemy(clinic: str) -> None:
    """The point of the direct reads: the command's own cost is the read, not the ORM."""
    script = (
        "import sys\n"
        "from mmtracker.cli import main\n"
        f"code = main(['--database', {clinic!r}, 'worklist', '--as-of', '{AS_OF}'])\n"
        "assert code == 0, code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.splitlines()[-1] == "[]"
    assert "urgent" in done.stdout or "overdue" in done.stdout
