"""Fixtures of the record tests: a record with every field filled, a second database,
record files on disk, and a snapshot of every table to prove that nothing was written."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, select

# Bookkeeping as an export carries it (UTC, with the offset written out).
ENTRY_META = {
    "version": 2,
    "created_at": "2025-01-10T08:15:00+00:00",
    "created_by": "nurse.silva@ws-03",
    "updated_at": "2025-06-02T14:40:30.250000+00:00",
    "updated_by": "dr.costa@ws-01",
}

# Every kind, every field filled somewhere, every value passing the sanity checks;
# entries already in (date, id) order, as an export writes them.
# fmt: off
_FULL: dict[str, Any] = {
    "format_version": 3,
    "patient": {
        "mrn": "MRN-0042",
        "name": "Ana Pereira",
        "sex": "F",
        "date_of_birth": "1961-04-09",
        "height_cm": 162.5,
        "status": "transferred",
        "status_date": "2026-03-02",
        "revision": 7,
        **ENTRY_META,
        "version": 3,
    },
    "phase_changes": [
        {"id": "10000000-0000-4000-8000-000000000001", "date": "2025-01-10", "phase": "NDMM",
         "line_number": None, "note": "IgG kappa, ISS II"},
        {"id": "10000000-0000-4000-8000-000000000002", "date": "2025-05-20", "phase": "ASCT",
         "line_number": None, "note": "Mel200"},
        {"id": "10000000-0000-4000-8000-000000000003", "date": "2025-08-01",
         "phase": "MAINTENANCE", "line_number": None, "note": "lenalidomide 10 mg"},
        {"id": "10000000-0000-4000-8000-000000000004", "date": "2026-02-01", "phase": "RELAPSE",
         "line_number": 2, "note": "biochemical relapse"},
    ],
    "weights": [
        {"id": "20000000-0000-4000-8000-000000000001", "date": "2025-01-10", "weight_kg": 64.3},
    ],
    "lab_results": [
        # Two results on one day: an untimed one first, then by time.
        {"id": "30000000-0000-4000-8000-000000000001", "date": "2025-01-08", "time": None,
         "analyte": "calcium", "value": 10.0, "unit": "mg/dL", "qualitative": None,
         "ref_low": 8.5, "ref_high": 10.5, "calcium_kind": "total", "isotype": None,
         "light_chain": None},
        {"id": "30000000-0000-4000-8000-000000000002", "date": "2025-01-08", "time": "08:30",
         "analyte": "serum_m_protein", "value": 3.2, "unit": "g/dL", "qualitative": None,
         "ref_low": None, "ref_high": None, "calcium_kind": None, "isotype": "IgG",
         "light_chain": "kappa"},
        {"id": "30000000-0000-4000-8000-000000000003", "date": "2025-01-09", "time": "07:45",
         "analyte": "serum_immunofixation", "value": None, "unit": None,
         "qualitative": "positive", "ref_low": None, "ref_high": None, "calcium_kind": None,
         "isotype": "IgG", "light_chain": "kappa"},
        {"id": "30000000-0000-4000-8000-000000000004", "date": "2025-01-09", "time": "07:45",
         "analyte": "creatinine", "value": 1.1, "unit": "mg/dL", "qualitative": None,
         "ref_low": 0.6, "ref_high": 1.2, "calcium_kind": None, "isotype": None,
         "light_chain": None},
    ],
    "cytogenetics": [
        {"id": "40000000-0000-4000-8000-000000000001", "date": "2025-01-15", "method": "FISH",
         "del_17p": True, "del_17p_clonal_fraction": 35.0, "tp53_mutation": False,
         "t_4_14": True, "t_14_16": False, "t_14_20": False, "gain_1q": "gain",
         "del_1p32": "monoallelic", "del_13q": True, "hyperdiploid": False},
    ],
    "imaging": [
        {"id": "50000000-0000-4000-8000-000000000001", "date": "2025-01-12",
         "modality": "PET_CT", "lytic_lesions": 4, "mri_focal_lesions": 2, "fdg_avid": True,
         "plasmacytoma": False, "note": "L2 lesion"},
    ],
    "dental_exams": [
        {"id": "60000000-0000-4000-8000-000000000001", "date": "2025-01-20",
         "outcome": "treated", "invasive_procedure": "done", "procedure_date": "2025-01-17",
         "note": "extraction 36"},
    ],
    "bone_therapy_doses": [
        {"id": "70000000-0000-4000-8000-000000000001", "date": "2025-02-03",
         "agent": "zoledronic_acid", "dose_mg": 3.5, "note": "CrCl 55"},
    ],
    "bone_therapy_events": [
        {"id": "80000000-0000-4000-8000-000000000001", "date": "2026-02-03", "kind": "review",
         "agent": "zoledronic_acid", "interval_days": 84, "decision": "de_escalate",
         "resume_date": None, "note": "VGPR after a year"},
        {"id": "80000000-0000-4000-8000-000000000002", "date": "2026-02-10", "kind": "hold",
         "agent": "zoledronic_acid", "interval_days": None, "decision": None,
         "resume_date": "2026-05-11", "note": "extraction 47 planned"},
    ],
    "supplements": [
        {"id": "90000000-0000-4000-8000-000000000001", "start_date": "2025-02-03",
         "end_date": "2025-12-31", "calcium_mg": 1000.0, "vitamin_d_iu": 800.0},
    ],
    "mrd_tests": [
        {"id": "a0000000-0000-4000-8000-000000000001", "date": "2025-09-01", "method": "NGS",
         "sensitivity": 1e-05, "result": "negative"},
    ],
    "treatment_lines": [
        {"id": "b0000000-0000-4000-8000-000000000001", "line_number": 1, "regimen": "VRd",
         "intent": "induction", "start_date": "2025-01-22", "end_date": "2025-04-30",
         "drugs": ["bortezomib", "lenalidomide", "dexamethasone"]},
    ],
    "transplants": [
        {"id": "c0000000-0000-4000-8000-000000000001", "planned_date": "2025-05-18",
         "performed_date": "2025-05-20", "withdrawn_date": None, "melphalan_mg_m2": 200.0,
         "mucositis_grade": 2, "mucositis_scale": "WHO"},
        {"id": "c0000000-0000-4000-8000-000000000002", "planned_date": "2026-04-15",
         "performed_date": None, "withdrawn_date": "2026-02-20", "melphalan_mg_m2": None,
         "mucositis_grade": None, "mucositis_scale": None},
    ],
    "responses": [
        {"id": "d0000000-0000-4000-8000-000000000001", "date": "2025-09-01", "category": "VGPR",
         "criteria": "IMWG 2016", "note": "day 100"},
    ],
    "clinical_events": [
        {"id": "e0000000-0000-4000-8000-000000000001", "date": "2025-01-05",
         "kind": "pathological_fracture", "note": "L2"},
        {"id": "e0000000-0000-4000-8000-000000000002", "date": "2026-02-01",
         "kind": "plasmacytoma", "note": "chest wall"},
    ],
    "visits": [
        {"id": "f0000000-0000-4000-8000-000000000001", "date": "2025-09-03", "ecog": 1,
         "pain": 3, "note": "well", "next_visit": "2025-10-01"},
    ],
    "acknowledgements": [
        {"id": "f1000000-0000-4000-8000-000000000001", "item_id": "dental.periodic",
         "acknowledged_on": "2025-09-03", "until": "2025-10-15",
         "reason": "dentist booked for October", "acknowledged_by": "nurse.silva@ws-03",
         "finding_message_id": "dental.periodic.due", "finding_severity": None,
         "finding_cites": [], "finding_due": "2025-09-20"},
        {"id": "f1000000-0000-4000-8000-000000000002", "item_id": "alert.hypercalcaemia",
         "acknowledged_on": "2025-09-03", "until": "2025-09-10",
         "reason": "repeat calcium tomorrow", "acknowledged_by": "dr.costa@ws-01",
         "finding_message_id": "alert.hypercalcaemia.high", "finding_severity": "urgent",
         "finding_cites": ["30000000-0000-4000-8000-000000000001"], "finding_due": None},
    ],
}
# fmt: on


@pytest.fixture
def full_document() -> dict[str, Any]:
    """A record of every kind with every field filled and bookkeeping on every entry."""
    document = copy.deepcopy(_FULL)
    for key, value in document.items():
        if isinstance(value, list):
            document[key] = [{**entry, **ENTRY_META} for entry in value]
    return document


# What format 2 added (D27, D33, D39, D40): a version-1 file holds none of it.
FORMAT_2_KEYS = {
    "bone_therapy_events": ("resume_date",),
    "transplants": ("withdrawn_date",),
    "acknowledgements": ("finding_message_id", "finding_severity", "finding_cites", "finding_due"),
}
FORMAT_2_ENTRIES = {
    "80000000-0000-4000-8000-000000000002",  # the hold
    "c0000000-0000-4000-8000-000000000002",  # the withdrawn plan
    "e0000000-0000-4000-8000-000000000002",  # the plasmacytoma
}


# What format 3 added: a lab sample's time.
FORMAT_3_KEYS = {"lab_results": ("time",)}


def as_version_2(document: dict[str, Any]) -> dict[str, Any]:
    """The document as format 2 could say it: no format-3 keys."""
    old = copy.deepcopy(document)
    old["format_version"] = 2
    for kind, entries in old.items():
        if isinstance(entries, list):
            old[kind] = [
                {k: v for k, v in e.items() if k not in FORMAT_3_KEYS.get(kind, ())}
                for e in entries
            ]
    return old


def as_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """The document as format 1 could say it: no format-2 or format-3 entries or keys."""
    old = as_version_2(document)
    old["format_version"] = 1
    for kind, entries in old.items():
        if isinstance(entries, list):
            old[kind] = [
                {k: v for k, v in e.items() if k not in FORMAT_2_KEYS.get(kind, ())}
                for e in entries
                if e["id"] not in FORMAT_2_ENTRIES
            ]
    return old


@pytest.fixture
def version_1_document(full_document: dict[str, Any]) -> dict[str, Any]:
    """The full record as a version-1 export wrote it."""
    return as_version_1(full_document)


@pytest.fixture
def version_2_document(full_document: dict[str, Any]) -> dict[str, Any]:
    """The full record as a version-2 export wrote it."""
    return as_version_2(full_document)


@pytest.fixture
def clinic_url(tmp_path: Path) -> str:
    """The URL of an SQLite file the command line creates on first use."""
    return f"sqlite:///{tmp_path / 'clinic.sqlite'}"


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[Any, str], Path]:
    """Write a document (or raw text) as a record file; return its path."""

    def write(content: Any, name: str = "record.json") -> Path:
        path = tmp_path / name
        text = content if isinstance(content, str) else json.dumps(content, indent=2)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def _snapshot(url: str) -> dict[str, list[dict[str, Any]]]:
    from mmtracker.storage.engine import make_engine

    engine = make_engine(url)
    tables = MetaData()
    tables.reflect(engine)
    try:
        with engine.connect() as conn:
            return {
                name: sorted(
                    (dict(row) for row in conn.execute(select(table)).mappings()), key=repr
                )
                for name, table in tables.tables.items()
            }
    finally:
        engine.dispose()


@pytest.fixture
def snapshot() -> Callable[[str], dict[str, list[dict[str, Any]]]]:
    """Every row of every table (the audit included), to compare before and after."""
    return _snapshot
