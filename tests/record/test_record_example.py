"""docs/examples/record-example.json is a valid record of every kind."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from mmtracker.cli import main
from mmtracker.record import load_record_file, record_history

DOCS = Path(__file__).resolve().parents[2] / "docs"
EXAMPLE = DOCS / "examples" / "record-example.json"
KINDS = (
    "phase_changes", "weights", "lab_results", "cytogenetics", "imaging", "dental_exams",
    "bone_therapy_doses", "bone_therapy_events", "supplements", "mrd_tests",
    "treatment_lines", "transplants", "responses", "clinical_events", "visits",
    "acknowledgements",
)  # fmt: skip


def test_the_example_passes_every_check() -> None:
    record, problems = load_record_file(EXAMPLE)
    assert problems == []
    assert record is not None
    assert all(len(record.entries[kind]) >= 1 for kind in KINDS)


def test_the_example_validates_against_the_shipped_schema() -> None:
    schema = json.loads((DOCS / "record.schema.json").read_text(encoding="utf-8"))
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(document)) == []


def test_the_example_is_a_newly_diagnosed_patient_through_transplant() -> None:
    record, _ = load_record_file(EXAMPLE)
    assert record is not None
    history = record_history(record)
    assert [change.phase.value for change in history.phase_changes] == [
        "NDMM",
        "ASCT",
        "MAINTENANCE",
    ]
    transplant, tandem = history.transplants
    assert transplant.performed_date is not None
    assert transplant.melphalan_mg_m2 == 200.0
    assert tandem.performed_date is None  # a tandem plan given up (D39)
    assert tandem.withdrawn_date is not None


def test_the_example_shows_what_formats_2_and_3_added() -> None:
    """A hold with its resume date (D33), a plasmacytoma event (D27), a withdrawn plan (D39),
    an acknowledgement keeping its finding (D40) and a lab sample's time."""
    record, _ = load_record_file(EXAMPLE)
    assert record is not None
    history = record_history(record)
    assert json.loads(EXAMPLE.read_text(encoding="utf-8"))["format_version"] == 3
    assert any(lab.time is not None for lab in history.lab_results)
    (hold,) = (e for e in history.bone_therapy_events if e.kind.value == "hold")
    assert hold.resume_date is not None
    assert hold.resume_date > hold.date
    assert "plasmacytoma" in {e.kind.value for e in history.clinical_events}
    assert any(t.withdrawn_date is not None for t in history.transplants)
    assert all(a.finding_message_id for a in history.acknowledgements)


def test_the_example_imports(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite'}"
    assert main(["import-record", str(EXAMPLE), "--database", url]) == 0
