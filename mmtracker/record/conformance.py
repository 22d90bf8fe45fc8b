"""Check a document against the record schema; name every error by its JSON path."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator

from mmtracker.logic.history import LabResult
from mmtracker.logic.parsing import Problem, join_path
from mmtracker.logic.units import ANALYTE_UNITS
from mmtracker.record.schema import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    TIME_PATTERN,
    UUID_PATTERN,
    record_schema,
)

Location = tuple[str | int, ...]

_TYPE_NAMES = {
    "object": "an object",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}
_PATTERN_NAMES = {
    DATE_PATTERN: "a date YYYY-MM-DD",
    TIME_PATTERN: "a time of day HH:MM (00:00 to 23:59)",
    DATETIME_PATTERN: "a date-time with its UTC offset, e.g. 2025-03-01T09:30:00+00:00",
    UUID_PATTERN: "a UUID, e.g. 5f0c9a52-3c1e-4d8e-9b7a-2f4e6d8c1a03",
}


def _at_the_end(pattern: str) -> str:
    """A schema pattern as Python must read it: ``$`` of JSON Schema (ECMA 262) ends the
    text, where Python's ``$`` also matches before a final line break ("…-2f4e6d8c1a03\\n"
    would pass as a UUID)."""
    return pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern


_PATTERN_NAMES |= {_at_the_end(pattern): name for pattern, name in _PATTERN_NAMES.items()}


@dataclass(frozen=True, slots=True)
class SchemaReport:
    """The schema's problems, and where they lie (to leave those parts unparsed)."""

    problems: list[Problem]
    locations: frozenset[Location]

    def spoils(self, location: Location) -> bool:
        """True when a problem lies at ``location`` or inside it."""
        return any(found[: len(location)] == location for found in self.locations)


@functools.cache
def _validator() -> Any:
    """The record schema less its unit rules, which :func:`_unit_errors` checks instead,
    its patterns anchored at the very end of the text.

    The published schema states each analyte's unit codes as one ``if``/``then`` per
    analyte, which a validator tries on every lab result: half the time of a check.
    """
    schema = record_schema()
    del schema["$defs"][LabResult.__name__]["allOf"]
    for definition in schema["$defs"].values():
        for prop in definition["properties"].values():
            if "pattern" in prop:
                prop["pattern"] = _at_the_end(prop["pattern"])
    return Draft202012Validator(schema)


_UNITS = {analyte.value: list(units.factors) for analyte, units in ANALYTE_UNITS.items()}


def _unit_errors(document: object) -> Iterator[tuple[Location, list[str], object]]:
    """The schema's unit rules: a lab result of a quantitative analyte that has a unit
    gives one of that analyte's unit codes (location, accepted codes, value given)."""
    results = document.get("lab_results") if isinstance(document, dict) else None
    if not isinstance(results, list):
        return
    for index, result in enumerate(results):
        if not isinstance(result, dict) or "unit" not in result:
            continue
        analyte = result.get("analyte")
        accepted = _UNITS.get(analyte) if isinstance(analyte, str) else None
        if accepted is not None and result["unit"] not in accepted:
            yield ("lab_results", index, "unit"), accepted, result["unit"]


def check_schema(document: object) -> SchemaReport:
    """Every schema error of ``document``, each as a problem with its JSON path."""
    problems: dict[Problem, None] = {}
    locations: set[Location] = set()
    for error in _validator().iter_errors(document):
        location: Location = tuple(error.absolute_path)
        locations.add(location)
        for problem in _problems(error, location):
            problems[problem] = None
    for location, accepted, value in _unit_errors(document):
        locations.add(location)
        problems[Problem(path_of(location), _message("enum", accepted, value))] = None
    return SchemaReport(list(problems), frozenset(locations))


def path_of(location: Sequence[str | int]) -> str:
    """The JSON path of a location: ``lab_results[3].value``."""
    path = ""
    for key in location:
        path = join_path(path, key)
    return path


def _problems(error: Any, location: Location) -> Iterator[Problem]:
    """Missing and unknown keys are named by their own path; the rest by the value's."""
    instance = error.instance
    if error.validator == "required":
        for key in error.validator_value:
            if key not in instance:
                yield Problem(path_of((*location, key)), "is required")
    elif error.validator == "additionalProperties":
        for key in instance:
            if key not in error.schema.get("properties", {}):
                yield Problem(path_of((*location, key)), "is not a known field")
    else:
        yield Problem(path_of(location), _message(error.validator, error.validator_value, instance))


def _shown(value: object) -> str:
    """A value as JSON, cut to an excerpt; a character that does not print (a control, an
    invisible or direction-turning one, a lone surrogate) escaped, so that an echoed value
    neither breaks the line nor drives the terminal."""
    text = "".join(
        char if char.isprintable() else json.dumps(char)[1:-1]
        for char in json.dumps(value, ensure_ascii=False)
    )
    return text if len(text) <= 60 else text[:57] + "..."


def _message(keyword: str, expected: Any, value: object) -> str:
    if keyword == "type":
        wanted = expected if isinstance(expected, list) else [expected]
        return f"must be {' or '.join(_TYPE_NAMES[t] for t in wanted)}, not {_shown(value)}"
    if keyword == "enum":
        return f"must be one of {', '.join(_shown(v) for v in expected)}; not {_shown(value)}"
    if keyword == "const":
        return f"must be {_shown(expected)}, not {_shown(value)}"
    if keyword == "pattern":
        return f"must be {_PATTERN_NAMES[expected]}, not {_shown(value)}"
    if keyword == "maxLength":
        return f"must be at most {expected} characters long"
    if keyword == "minimum":
        return f"must be at least {expected}, not {_shown(value)}"
    if keyword == "maximum":
        return f"must be at most {expected}, not {_shown(value)}"
    return f"does not match the record schema ({keyword})"
