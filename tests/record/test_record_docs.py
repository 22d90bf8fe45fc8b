"""docs/record-format.md names every kind, field and unit code of the format."""

from __future__ import annotations

from pathlib import Path

import pytest

from mmtracker.record import record_schema

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "record-format.md"


def _names() -> list[str]:
    schema = record_schema()
    names = set(schema["properties"])
    for definition in schema["$defs"].values():
        names |= set(definition["properties"])
        for rule in definition.get("allOf", []):
            names |= set(rule["then"]["properties"]["unit"]["enum"])
    return sorted(names)


@pytest.mark.parametrize("name", _names())
def test_the_reference_names_it(name: str) -> None:
    assert f"`{name}`" in REFERENCE.read_text(encoding="utf-8")
