"""A 300-patient demo survives export → JSON text → import, every column of every row."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import Engine

from mmtracker.record import parse_record, record_document
from mmtracker.storage.bulk import write_records
from mmtracker.storage.loaders import RecordRows, load_record_rows
from mmtracker.storage.records import NewRecord

AS_OF = dt.date(2026, 3, 31)  # before any day the test runs, so no demo date is in the future


# The bookkeeping an import sets itself (docs/record-format.md), and the surrogate keys.
NOT_FILED = frozenset({"id", "patient_id", "version", "updated_at", "updated_by", "revision"})


def _by_mrn(rows: dict[int, RecordRows]) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Every column of every row that the file carries, keyed by MRN."""
    return {
        found.patient["mrn"]: (
            {k: v for k, v in found.patient.items() if k not in NOT_FILED},
            {
                kind: [
                    {k: v for k, v in row.items() if k not in NOT_FILED or k == "id"}
                    for row in entries
                ]
                for kind, entries in found.entries.items()
            },
        )
        for found in rows.values()
    }


@pytest.mark.slow
def test_every_demo_patient_survives_export_and_import(
    engine: Engine, other_engine: Engine
) -> None:
    from mmtracker.workflows import fill_demo

    ids = fill_demo(engine, 300, 7, AS_OF, "test")
    assert len(ids) == 300
    original = load_record_rows(engine, ids)

    records: list[NewRecord] = []
    for patient_id in ids:
        document = json.loads(json.dumps(record_document(original[patient_id])))
        record, problems = parse_record(document)
        assert problems == [], original[patient_id].patient["mrn"]
        assert record is not None
        records.append(record)
    new_ids = write_records(other_engine, records, "importer")

    copied = load_record_rows(other_engine, new_ids)
    expected = _by_mrn(original)
    assert len(expected) == 300
    assert sum(len(e) for _, entries in expected.values() for e in entries.values()) > 300
    assert _by_mrn(copied) == expected
