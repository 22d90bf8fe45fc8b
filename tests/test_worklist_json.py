"""The worklist's JSON: the document the assessment's care items make, one row to a line,
for a demo clinic's rows in English and Chinese."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from mmtracker import i18n
from mmtracker.config import load_policy
from mmtracker.item_json import care_item_document
from mmtracker.logic.families import ITEM_FAMILY
from mmtracker.logic.units import UnitSystem
from mmtracker.storage.worklist import WorklistRow, worklist
from mmtracker.workflows import fill_demo, open_engine
from mmtracker.worklist_output import as_json

AS_OF = dt.date(2026, 3, 2)


def reference(rows: list[WorklistRow], lang: str) -> list[dict[str, Any]]:
    """The document, each item made as the assessment document makes it."""
    language = i18n.language(lang)
    return [
        {
            "patient_id": row.patient_id,
            "mrn": row.mrn,
            "name": row.name,
            "phase": row.phase.value if row.phase else None,
            "family": ITEM_FAMILY[row.item.id].value,
            "item": care_item_document(row.item, UnitSystem.SI, language),
        }
        for row in rows
    ]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_demo_clinics_worklist_is_each_rows_document_on_a_line_of_its_own(
    tmp_path: Path, lang: str
) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    fill_demo(engine, 40, 2, AS_OF, "test@mmtracker")
    found = worklist(engine, AS_OF, load_policy(None))
    engine.dispose()
    assert len(found) > 40
    rows = [*found, *found[:10]]  # a message shared by rows is written once, and reused
    written = as_json(rows, lang)
    assert json.loads(written) == reference(rows, lang)
    lines = written.splitlines()
    assert (lines[0], lines[-1], len(lines)) == ("[", "]", len(rows) + 2)
    found = [json.loads(line.removesuffix(",")) for line in lines[1:-1]]
    expected = reference(rows, lang)
    assert found == expected
    # in the same order of keys, the item's and its message's too
    assert [(list(f), list(f["item"]), list(f["item"]["message"])) for f in found] == [
        (list(e), list(e["item"]), list(e["item"]["message"])) for e in expected
    ]
    if lang == "zh_CN":
        assert "\\u" not in written
        assert any(ord(ch) > 0x2E80 for ch in written)


def test_no_rows_is_an_empty_list() -> None:
    assert as_json([], "en") == "[]\n"
