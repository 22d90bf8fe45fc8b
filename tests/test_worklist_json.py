"""The worklist's JSON writer writes exactly what ``json.dumps(document, ensure_ascii=False,
indent=2)`` writes, for a demo clinic's rows in English and Chinese and for every kind of value."""

from __future__ import annotations

import datetime as dt
import json
import math
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import Any

import pytest

from mmtracker import i18n
from mmtracker.assessment_json import care_item_document
from mmtracker.config import load_policy
from mmtracker.logic.families import ITEM_FAMILY
from mmtracker.logic.units import UnitSystem
from mmtracker.storage.worklist import WorklistRow, worklist
from mmtracker.workflows import fill_demo, open_engine
from mmtracker.worklist_output import _indented, as_json

AS_OF = dt.date(2026, 3, 2)


def reference(rows: list[WorklistRow], lang: str) -> str:
    """The document as the json module writes it, each item made by the assessment document."""
    language = i18n.language(lang)
    document = [
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
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_demo_clinics_worklist_is_written_as_the_json_module_writes_it(
    tmp_path: Path, lang: str
) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    fill_demo(engine, 40, 2, AS_OF, "test@mmtracker")
    found = worklist(engine, AS_OF, load_policy(None))
    engine.dispose()
    assert len(found) > 40
    rows = [*found, *found[:10]]  # a message shared by rows is written once, and reused
    written = as_json(rows, lang)
    assert written == reference(rows, lang)
    if lang == "zh_CN":
        assert "\\u" not in written
        assert any(ord(ch) > 0x2E80 for ch in written)


def test_no_rows_is_an_empty_list() -> None:
    assert as_json([], "en") == json.dumps([], indent=2) + "\n"


class _Code(StrEnum):
    A = "a"


class _Number(IntEnum):
    ONE = 1


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"empty": {}, "none": [], "nested": [{"a": [1, 2.5, None]}, []]},
        [True, False, None, 0, -3, 1e-7, 1e22, 0.1, math.nan, math.inf, -math.inf],
        {"text": 'quote " backslash \\ tab \t newline \n nul \x00 中文 é'},
        ("a", "tuple"),
        [_Code.A, _Number.ONE],
    ],
)
def test_every_kind_of_value_is_written_as_the_json_module_writes_it(value: Any) -> None:
    assert _indented(value, "") == json.dumps(value, ensure_ascii=False, indent=2)
    inner = _indented(value, "    ")  # deeper: each line after the first indented 4 more
    assert inner == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def test_a_value_json_cannot_write_is_refused() -> None:
    with pytest.raises(TypeError, match="set"):
        _indented({"x": {1}}, "")
