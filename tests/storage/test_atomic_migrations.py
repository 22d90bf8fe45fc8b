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
