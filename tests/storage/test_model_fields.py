"""The tables and the history dataclasses describe the same record, field for field."""

from __future__ import annotations

from dataclasses import fields

import pytest
from sqlalchemy import Table

from mmtracker.logic.history import DERIVED_FIELDS, ENTRY_KINDS, Patient, PatientHistory
from mmtracker.storage.models import (
    DERIVED_COLUMNS,
    ENTRY_TABLES,
    TRACKED_COLUMNS,
    PatientRow,
    metadata,
)


def columns(model: type) -> set[str]:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return {c.name for c in table.columns}


def test_every_entry_kind_has_a_table_and_a_history_attribute() -> None:
    assert set(ENTRY_TABLES) == set(ENTRY_KINDS)
    history_kinds = {f.name for f in fields(PatientHistory)} - {"patient"}
    assert history_kinds == set(ENTRY_KINDS)
    assert set(DERIVED_COLUMNS) <= set(ENTRY_KINDS)


@pytest.mark.parametrize("kind", sorted(ENTRY_KINDS))
def test_entry_table_columns_are_the_dataclass_fields_plus_bookkeeping(kind: str) -> None:
    """Derived fields (D24 ``registered_on``, D36 ``recorded_on``) come from ``created_at``."""
    expected = (
        {f.name for f in fields(ENTRY_KINDS[kind])} - DERIVED_FIELDS
        | {"patient_id"}
        | set(TRACKED_COLUMNS)
        | set(DERIVED_COLUMNS.get(kind, ()))
    )
    assert columns(ENTRY_TABLES[kind]) == expected


def test_patient_table_is_the_patient_fields_plus_id_revision_and_bookkeeping() -> None:
    """… and the key its MRN is compared by (mmtracker.logic.mrn)."""
    expected = (
        {f.name for f in fields(Patient)} - DERIVED_FIELDS
        | {"id", "revision", "mrn_key"}
        | set(TRACKED_COLUMNS)
    )
    assert columns(PatientRow) == expected


@pytest.mark.parametrize("kind", sorted(ENTRY_KINDS))
def test_entry_rows_belong_to_a_patient_and_go_with_it(kind: str) -> None:
    table: Table = ENTRY_TABLES[kind].__table__  # type: ignore[attr-defined]
    (fk,) = table.c.patient_id.foreign_keys
    assert fk.column.table.name == "patient"
    assert fk.ondelete == "CASCADE"
    assert table.c.patient_id.index
    assert not table.c.patient_id.nullable
    assert [c.name for c in table.primary_key.columns] == ["id"]


def test_lab_result_keeps_the_derived_canonical_value() -> None:
    assert DERIVED_COLUMNS == {"lab_results": ("canonical_value",)}


def test_metadata_holds_every_record_table_under_its_own_name() -> None:
    entry_tables = {ENTRY_TABLES[k].__tablename__ for k in ENTRY_KINDS}
    assert len(entry_tables) == len(ENTRY_KINDS)
    assert entry_tables | {"patient", "audit"} <= set(metadata().tables)


def test_the_d24_and_d36_derived_fields_are_no_columns() -> None:
    """``registered_on`` and ``recorded_on`` are read from ``created_at``, never stored."""
    assert {"registered_on", "recorded_on"} == DERIVED_FIELDS
    models: list[type] = [PatientRow, *ENTRY_TABLES.values()]
    every_column = {c for model in models for c in columns(model)}
    assert not DERIVED_FIELDS & every_column


def test_the_new_columns_of_the_first_clinical_review() -> None:
    """D33 resume date, D39 withdrawn plan, D40 acknowledged finding are columns."""
    assert "resume_date" in columns(ENTRY_TABLES["bone_therapy_events"])
    assert "withdrawn_date" in columns(ENTRY_TABLES["transplants"])
    assert {"finding_message_id", "finding_severity", "finding_cites", "finding_due"} <= columns(
        ENTRY_TABLES["acknowledgements"]
    )
