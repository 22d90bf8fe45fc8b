"""Import → store → export → import again keeps every column of every row (both backends)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import Engine

from mmtracker.record import parse_record, record_document, record_history
from mmtracker.storage.bulk import write_records
from mmtracker.storage.loaders import RecordRows, load_record_rows

KINDS = (
    "phase_changes", "weights", "lab_results", "cytogenetics", "imaging", "dental_exams",
    "bone_therapy_doses", "bone_therapy_events", "supplements", "mrd_tests",
    "treatment_lines", "transplants", "responses", "clinical_events", "visits",
    "acknowledgements",
)  # fmt: skip


def _import(engine: Engine, document: dict[str, Any], actor: str = "importer") -> RecordRows:
    record, problems = parse_record(document)
    assert problems == []
    assert record is not None
    [patient_id] = write_records(engine, [record], actor)
    return load_record_rows(engine, [patient_id])[patient_id]


DATABASE_OWN = frozenset({"version", "updated_at", "updated_by", "revision"})
"""Bookkeeping the database sets on import, whatever the file says (docs/record-format.md)."""


def _as_json(value: Any) -> Any:
    """A stored value as the file writes it (checked independently of the exporter)."""
    if isinstance(value, dt.datetime):
        assert value.tzinfo is not None, "bookkeeping times are timezone-aware"
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        assert (value.second, value.microsecond) == (0, 0), "a sample time is kept to the minute"
        return f"{value.hour:02d}:{value.minute:02d}"
    return value


def _filed(row: dict[str, Any]) -> dict[str, Any]:
    """What of a row is kept from the file: all but the database's own bookkeeping."""
    return {k: v for k, v in row.items() if k not in DATABASE_OWN}


def _set_by_database(row: dict[str, Any], actor: str, since: dt.datetime) -> None:
    """The database's own bookkeeping of a row just imported by ``actor``."""
    assert row["version"] == 1
    assert row.get("revision", 1) == 1
    assert row["updated_by"] == actor
    assert since <= row["updated_at"] <= dt.datetime.now(dt.UTC)


def _without_surrogates(rows: RecordRows) -> tuple[dict[str, Any], dict[str, Any]]:
    patient = {k: v for k, v in rows.patient.items() if k not in {"id", *DATABASE_OWN}}
    entries = {
        kind: [
            {k: v for k, v in row.items() if k not in {"patient_id", *DATABASE_OWN}}
            for row in found
        ]
        for kind, found in rows.entries.items()
    }
    return patient, entries


def test_every_column_survives_import_export_import(
    engine: Engine, other_engine: Engine, full_document: dict[str, Any]
) -> None:
    since = dt.datetime.now(dt.UTC)
    first = _import(engine, full_document)

    # What the database holds is exactly what the file says, column by column, but for
    # the bookkeeping the database sets itself.
    assert set(first.patient) == {*full_document["patient"], "id", "mrn_key"}
    assert first.patient["mrn_key"] == "mrn-0042"  # its MRN as compared: case-folded
    stored = {k: _as_json(v) for k, v in first.patient.items() if k not in {"id", "mrn_key"}}
    assert _filed(stored) == _filed(full_document["patient"])
    assert full_document["patient"]["revision"] != 1, "the file must say otherwise to tell"
    _set_by_database(first.patient, "importer", since)
    for kind in KINDS:
        written = {entry["id"]: entry for entry in full_document[kind]}
        assert {row["id"] for row in first.entries[kind]} == set(written), kind
        for row in first.entries[kind]:
            derived = {"canonical_value"} if kind == "lab_results" else set()
            assert set(row) == {*written[row["id"]], "patient_id", *derived}, kind
            stored = {k: _as_json(v) for k, v in row.items() if k not in {"patient_id", *derived}}
            assert _filed(stored) == _filed(written[row["id"]]), kind
            _set_by_database(row, "importer", since)

    # The export is the file we started from, after a trip through JSON text, but for the
    # database's bookkeeping.
    exported = json.loads(json.dumps(record_document(first)))
    assert exported.keys() == full_document.keys()
    assert _filed(exported["patient"]) == _filed(full_document["patient"])
    for kind in KINDS:
        assert [_filed(e) for e in exported[kind]] == [_filed(e) for e in full_document[kind]]

    second = _import(other_engine, exported, actor="someone else")
    assert _without_surrogates(second) == _without_surrogates(first)
    assert second.patient["updated_by"] == "someone else"


def test_canonical_value_is_derived_on_import(
    engine: Engine, full_document: dict[str, Any]
) -> None:
    rows = _import(engine, full_document)
    canonical = {row["analyte"]: row["canonical_value"] for row in rows.entries["lab_results"]}
    # clinical-rules.md §9: calcium mg/dL × 0.2495, creatinine mg/dL × 88.4, g/dL × 10.
    assert canonical["calcium"] == pytest.approx(2.495)
    assert canonical["creatinine"] == pytest.approx(97.24)
    assert canonical["serum_m_protein"] == pytest.approx(32.0)
    assert canonical["serum_immunofixation"] is None
    assert "canonical_value" not in record_document(rows)["lab_results"][0]


def test_lab_results_of_one_day_are_ordered_by_sample_time(
    engine: Engine, full_document: dict[str, Any]
) -> None:
    """Of two samples on one day the later is the latest, whatever their ids."""
    first, second = full_document["lab_results"][2:4]
    first["time"], second["time"] = "16:20", "07:05"
    record, problems = parse_record(full_document)
    assert problems == []
    assert record is not None
    assert [e.id[-1] for e in record_history(record).lab_results] == ["1", "2", "4", "3"]
    exported = record_document(_import(engine, full_document))
    assert [(e["id"][-1], e["time"]) for e in exported["lab_results"]] == [
        ("1", None),
        ("2", "08:30"),
        ("4", "07:05"),
        ("3", "16:20"),
    ]


def test_a_version_2_file_exports_as_format_3_untimed(
    engine: Engine, version_2_document: dict[str, Any]
) -> None:
    exported = json.loads(json.dumps(record_document(_import(engine, version_2_document))))
    assert exported["format_version"] == 3
    for old, new in zip(version_2_document["lab_results"], exported["lab_results"], strict=True):
        assert _filed(new) == _filed({**old, "time": None})


def test_export_orders_entries_by_date_then_id(
    engine: Engine, full_document: dict[str, Any]
) -> None:
    shuffled = {k: v[::-1] if isinstance(v, list) else v for k, v in full_document.items()}
    exported = record_document(_import(engine, shuffled))
    assert [e["id"] for e in exported["lab_results"]] == [
        "30000000-0000-4000-8000-000000000001",  # 2025-01-08, untimed
        "30000000-0000-4000-8000-000000000002",  # 2025-01-08, 08:30
        "30000000-0000-4000-8000-000000000003",  # 2025-01-09
        "30000000-0000-4000-8000-000000000004",  # 2025-01-09, the same time, later id
    ]
    assert [e["phase"] for e in exported["phase_changes"]] == [
        "NDMM",
        "ASCT",
        "MAINTENANCE",
        "RELAPSE",
    ]


def test_hand_written_record_needs_no_bookkeeping(engine: Engine) -> None:
    before = dt.datetime.now(dt.UTC)
    document = {
        "format_version": 1,
        "patient": {"mrn": "H-1", "name": "Li Wei", "sex": "M", "date_of_birth": "1958-11-30"},
        "weights": [
            {"id": "0b6f3c1e-3c1e-4d8e-9b7a-2f4e6d8c1a03", "date": "2025-02-01", "weight_kg": 71}
        ],
    }
    rows = _import(engine, document, actor="nurse.lee@ws-02")

    assert rows.patient["revision"] == 1
    assert rows.patient["status"] == "active"
    [weight] = rows.entries["weights"]
    assert weight["weight_kg"] == 71.0
    for row in (rows.patient, weight):
        assert row["version"] == 1
        assert row["created_by"] == row["updated_by"] == "nurse.lee@ws-02"
        assert row["created_at"] >= before
        assert row["created_at"].utcoffset() == dt.timedelta(0)

    exported = record_document(rows)
    assert set(exported) == {"format_version", "patient", *KINDS}
    assert exported["cytogenetics"] == []
    assert exported["patient"]["height_cm"] is None


def test_bookkeeping_times_are_stored_in_utc(engine: Engine, full_document: dict[str, Any]) -> None:
    full_document["patient"]["created_at"] = "2025-01-10T09:15:00+01:00"
    full_document["weights"][0]["created_at"] = "2025-06-02T10:40:30.25-04:00"
    rows = _import(engine, full_document)

    assert rows.patient["created_at"] == dt.datetime(2025, 1, 10, 8, 15, tzinfo=dt.UTC)
    assert rows.entries["weights"][0]["created_at"] == dt.datetime(
        2025, 6, 2, 14, 40, 30, 250000, tzinfo=dt.UTC
    )
    exported = record_document(rows)
    assert exported["patient"]["created_at"] == "2025-01-10T08:15:00+00:00"
    assert exported["weights"][0]["created_at"] == "2025-06-02T14:40:30.250000+00:00"


def test_record_history_orders_each_kind(full_document: dict[str, Any]) -> None:
    shuffled = {k: v[::-1] if isinstance(v, list) else v for k, v in full_document.items()}
    record, problems = parse_record(shuffled)
    assert problems == []
    assert record is not None
    history = record_history(record)

    assert history.patient.mrn == "MRN-0042"
    assert [e.id[:8] for e in history.lab_results] == ["30000000"] * 4
    assert [e.id[-1] for e in history.lab_results] == ["1", "2", "3", "4"]
    assert [e.date for e in history.phase_changes] == [
        dt.date(2025, 1, 10),
        dt.date(2025, 5, 20),
        dt.date(2025, 8, 1),
        dt.date(2026, 2, 1),
    ]
    assert history.treatment_lines[0].drugs == ("bortezomib", "lenalidomide", "dexamethasone")
    assert record.entry_meta["20000000-0000-4000-8000-000000000001"]["created_at"] == dt.datetime(
        2025, 1, 10, 8, 15, tzinfo=dt.UTC
    )
    assert record.patient_meta["revision"] == 7


def test_a_version_1_file_exports_as_format_3_with_nothing_lost(
    engine: Engine, version_1_document: dict[str, Any]
) -> None:
    """A version-1 export still imports; exported again it is format 3, every value kept and
    the keys formats 2 and 3 added at their defaults (D33, D39, D40, a sample time: none)."""
    exported = json.loads(json.dumps(record_document(_import(engine, version_1_document))))
    assert exported["format_version"] == 3
    defaults: dict[str, Any] = {
        "time": None,
        "resume_date": None,
        "withdrawn_date": None,
        "finding_message_id": None,
        "finding_severity": None,
        "finding_cites": [],
        "finding_due": None,
    }
    for kind in KINDS:
        for old, new in zip(version_1_document[kind], exported[kind], strict=True):
            expected = {**old, **{k: v for k, v in defaults.items() if k in new}}
            assert _filed(new) == _filed(expected), kind
