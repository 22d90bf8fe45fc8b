"""A migration on SQLite is all or nothing (issue 12, finding 1): killed or failing between
its first ``CREATE TABLE`` and its version stamp, it leaves the old schema; a table it
rebuilds does not cascade away its children; rows it orphans roll it back.

Each test migrates with a copy of the application's migrations plus one of its own
(revision 9001), written into ``tmp_path``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from mmtracker.demo import generate_records
from mmtracker.storage import schema
from mmtracker.storage.bulk import write_records
from mmtracker.storage.engine import make_engine

AS_OF = dt.date(2026, 5, 1)
HEAD = schema.head_revision()


def migrations_with(tmp_path: Path, body: str) -> Path:
    """The application's migrations and a revision 9001 after them doing ``body``."""
    folder = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9001_trial.py").write_text(
        textwrap.dedent(
            f'''\
            """trial"""
            import os
            import signal

            import sqlalchemy as sa
            from alembic import op

            revision = '9001'
            down_revision = '{HEAD}'
            branch_labels = None
            depends_on = None


            def upgrade() -> None:
            '''
        )
        + textwrap.indent(textwrap.dedent(body), "    ")
        + "\n\ndef downgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def populated(tmp_path: Path) -> Engine:
    """An SQLite file at the head revision holding three patients and their entries."""
    engine = make_engine(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    schema.upgrade(engine)
    write_records(engine, generate_records(3, 4, AS_OF), "nurse@ward", today=AS_OF)
    return engine


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
            for name in ("patient", "lab_result", "phase_change", "audit")
        }


def version(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def test_a_migration_that_fails_after_its_first_table_leaves_the_old_schema(
    populated: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        schema,
        "MIGRATIONS",
        migrations_with(
            tmp_path,
            """
            op.create_table('half_done', sa.Column('id', sa.Integer, primary_key=True))
            op.add_column('patient', sa.Column('half_column', sa.Text()))
            raise RuntimeError('the migration fails here')
            """,
        ),
    )
    before = counts(populated)
    with pytest.raises(RuntimeError, match="fails here"):
        schema.upgrade(populated)
    assert "half_done" not in inspect(populated).get_table_names()
    assert "half_column" not in {c["name"] for c in inspect(populated).get_columns("patient")}
    assert version(populated) == HEAD
    assert counts(populated) == before


def test_a_migration_killed_after_its_first_table_leaves_the_old_schema(
    populated: Engine, tmp_path: Path
) -> None:
    """SIGKILL between the first ``CREATE TABLE`` and the version stamp: on the next start
    the file is at the old revision, whole, and migrates again."""
    folder = migrations_with(
        tmp_path,
        """
        op.create_table('half_done', sa.Column('id', sa.Integer, primary_key=True))
        os.kill(os.getpid(), signal.SIGKILL)
        """,
    )
    url = populated.url.render_as_string(hide_password=False)
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from mmtracker.storage import schema
        from mmtracker.storage.engine import make_engine
        schema.MIGRATIONS = Path({str(folder)!r})
        schema.upgrade(make_engine({url!r}))
        """
    )
    before = counts(populated)
    populated.dispose()
    done = subprocess.run([sys.executable, "-c", script], check=False, env=dict(os.environ))
    assert done.returncode == -signal.SIGKILL
    engine = make_engine(url)
    assert "half_done" not in inspect(engine).get_table_names()
    assert version(engine) == HEAD
    assert counts(engine) == before
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert schema.upgrade(engine).up_to_date  # nothing is left between two versions
    engine.dispose()


def test_a_rebuilt_parent_table_keeps_its_children(
    populated: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild of ``patient`` (SQLite's way of altering a table): with foreign keys on, its
    DROP would cascade away every entry; they are off for the migration, checked after."""
    monkeypatch.setattr(
        schema,
        "MIGRATIONS",
        migrations_with(
            tmp_path,
            """
            with op.batch_alter_table('patient', recreate='always') as batch:
                batch.add_column(sa.Column('rebuilt', sa.Integer(), nullable=True))
            """,
        ),
    )
    before = counts(populated)
    schema.upgrade(populated)
    assert version(populated) == "9001"
    assert counts(populated) == before
    with populated.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1  # on again, elsewhere


def test_a_migration_that_orphans_rows_is_rolled_back(
    populated: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        schema,
        "MIGRATIONS",
        migrations_with(tmp_path, "op.execute('DELETE FROM patient')"),
    )
    before = counts(populated)
    with pytest.raises(RuntimeError, match=r"migration 9001 left \d+ rows without their parent"):
        schema.upgrade(populated)
    assert version(populated) == HEAD
    assert counts(populated) == before


# --- a file an older mmtracker left between two versions ----------------------------------


def downgrade_to(engine: Engine, revision: str) -> None:
    schema.downgrade(engine, revision)


def left_between(engine: Engine) -> None:
    """What a kill inside the old, non-atomic 0006 left: its column there, the stamp 0005."""
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE lab_result ADD COLUMN time TIME"))


@pytest.fixture
def at_0005(populated: Engine) -> Engine:
    downgrade_to(populated, "0005")
    return populated


def test_a_file_left_between_versions_is_restored_from_the_backup_before_it(
    at_0005: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    before = counts(at_0005)
    good = schema.backup_sqlite(at_0005, folder)  # the old program's, before its migration
    left_between(at_0005)
    broken = schema.backup_sqlite(at_0005, folder)  # a later start's copy of the broken file
    assert good is not None
    assert broken is not None
    migrated = schema.migrate(at_0005, folder)
    assert migrated.state.up_to_date
    assert migrated.repaired is not None
    assert f"restored from {good}" in migrated.repaired
    assert counts(at_0005) == before
    assert "time" in {c["name"] for c in inspect(at_0005).get_columns("lab_result")}


def test_a_file_left_between_versions_holding_no_patient_is_made_anew(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    schema.upgrade(engine)
    downgrade_to(engine, "0005")
    left_between(engine)
    migrated = schema.migrate(engine, tmp_path / "backups")
    assert migrated.state.up_to_date
    assert migrated.repaired is not None
    assert "held no patients and was made anew" in migrated.repaired
    engine.dispose()


def test_a_file_left_between_versions_without_a_backup_is_refused_unchanged(
    at_0005: Engine, tmp_path: Path
) -> None:
    from mmtracker.storage.engine import StorageError

    left_between(at_0005)
    before = counts(at_0005)
    folder = tmp_path / "backups"
    with pytest.raises(StorageError, match=f"It holds 3 patients: nothing was changed.*{folder}"):
        schema.migrate(at_0005, folder)
    assert version(at_0005) == "0005"
    assert counts(at_0005) == before
