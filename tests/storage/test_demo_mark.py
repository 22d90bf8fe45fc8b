"""The demo mark: a database the demo filled says so (schema 0004), on SQLite and PostgreSQL.

Migration 0004 adds the table ``database_info``; a database the demo filled before it
(its audit trail holds rows of the action ``demo``) is marked by the upgrade itself.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, inspect, text

from mmtracker.demo import generate_records
from mmtracker.storage.bulk import write_records
from mmtracker.storage.marks import demo_note, is_demo, mark_demo
from mmtracker.storage.schema import downgrade as schema_downgrade
from mmtracker.storage.schema import head_revision, schema_state, upgrade
from mmtracker.workflows import NotEmptyError, fill_demo

AS_OF = dt.date(2026, 5, 1)
ACTOR = "nurse@ward"


def downgrade(engine: Engine, revision: str) -> None:
    schema_downgrade(engine, revision)


def audit_actions(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT table_name, action FROM audit WHERE patient_id IS NULL"))
        return [(r[0], r[1]) for r in rows]


def test_a_new_database_is_no_demo(engine: Engine) -> None:
    assert schema_state(engine).current == head_revision()
    assert "database_info" in inspect(engine).get_table_names()
    assert not is_demo(engine)
    assert demo_note(engine) is None


def test_the_demo_marks_the_empty_database_it_fills(engine: Engine) -> None:
    ids = fill_demo(engine, 3, 5, AS_OF, ACTOR)
    assert len(ids) == 3
    assert is_demo(engine)
    assert demo_note(engine) == "3 demo patients, seed 5, as of 2026-05-01"
    assert audit_actions(engine) == [("database_info", "demo")]


def test_the_demo_refuses_a_database_holding_patients_and_leaves_it_unmarked(
    engine: Engine,
) -> None:
    write_records(engine, generate_records(2, 9, AS_OF), ACTOR, today=AS_OF)
    with pytest.raises(NotEmptyError, match="already holds 2 patients"):
        fill_demo(engine, 3, 5, AS_OF, ACTOR)
    assert not is_demo(engine)


def test_the_mark_is_written_once(engine: Engine) -> None:
    mark_demo(engine, "first", ACTOR)
    mark_demo(engine, "second", ACTOR)
    assert demo_note(engine) == "first"
    assert audit_actions(engine) == [("database_info", "demo")]


def test_0004_marks_a_database_the_demo_filled_before_it(engine: Engine) -> None:
    # Written by today's code, then taken back to 0003 with its rows: as the demo left it
    write_records(engine, generate_records(2, 9, AS_OF), ACTOR, today=AS_OF, action="demo")
    downgrade(engine, "0003")
    assert "database_info" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert is_demo(engine)
    assert demo_note(engine) == "demo patients written before schema 0004"
    downgrade(engine, "0003")
    assert "database_info" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert is_demo(engine)


def test_0004_leaves_a_clinic_database_unmarked(engine: Engine) -> None:
    write_records(engine, generate_records(2, 9, AS_OF), ACTOR, today=AS_OF)  # an import
    downgrade(engine, "0003")
    upgrade(engine)
    assert not is_demo(engine)
