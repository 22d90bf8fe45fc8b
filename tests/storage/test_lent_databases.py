"""The PostgreSQL databases tests borrow (tests/conftest.py) come back as new.

A lent database is emptied after its test instead of copied anew from the template:
nothing a test wrote, no advanced sequence and no changed schema may reach the next.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import MetaData, func, select, text

from mmtracker.demo import generate_records
from mmtracker.storage.bulk import write_records
from mmtracker.storage.engine import make_engine
from mmtracker.storage.schema import current_revision

pytestmark = pytest.mark.postgres
DAY = dt.date(2026, 1, 15)


def _contents(url: str) -> tuple[dict[str, int], list[int], str | None]:
    """Rows per table, the first patient ids a write gets, and the schema version."""
    engine = make_engine(url)
    try:
        tables = MetaData()
        tables.reflect(engine)
        with engine.connect() as conn:
            rows = {
                name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in tables.tables.items()
                if name != "alembic_version"
            }
        version = current_revision(engine)
        ids = write_records(engine, generate_records(2, 1, DAY), "test", today=DAY)
        return rows, sorted(ids), version
    finally:
        engine.dispose()


def test_a_database_given_back_is_lent_again_empty_with_its_sequences_restarted(
    postgres_cluster: Any,
) -> None:
    url = postgres_cluster.lend()
    rows, first_ids, version = _contents(url)  # writes two patients and their entries
    assert set(rows.values()) == {0}
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM patient")).scalar_one() == 2
    engine.dispose()
    postgres_cluster.give_back(url)

    again = postgres_cluster.lend()
    assert again == url  # reused, not copied
    assert _contents(again) == (rows, first_ids, version)
    postgres_cluster.give_back(again)


def test_a_database_whose_schema_a_test_changed_is_made_anew(postgres_cluster: Any) -> None:
    url = postgres_cluster.lend()
    rows, first_ids, version = _contents(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE weight DROP COLUMN weight_kg"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    # A connection the test left open, inside a transaction, holding a lock.
    leftover = engine.connect()
    leftover.execute(text("LOCK TABLE patient IN ACCESS EXCLUSIVE MODE"))
    postgres_cluster.give_back(url)
    leftover.invalidate()  # its server side is gone: close it without a rollback
    engine.dispose()

    again = postgres_cluster.lend()
    assert _contents(again) == (rows, first_ids, version)
    check = make_engine(again)
    with check.connect() as conn:
        column = text(
            "SELECT count(*) FROM information_schema.columns"
            " WHERE table_name = 'weight' AND column_name = 'weight_kg'"
        )
        assert conn.execute(column).scalar_one() == 1
    check.dispose()
    postgres_cluster.give_back(again)
