"""Read a record file: schema, then field types, then the sanity checks, reporting every problem.

Parts the schema refuses are not parsed further, so each mistake is reported
once; the entries that are well formed still go through the sanity checks
(which need the patient's date of birth, so they wait for a readable patient).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from mmtracker.logic.history import (
    ENTRY_KINDS,
    Acknowledgement,
    BoneTherapyEvent,
    Entry,
    Patient,
    PatientHistory,
    build_history,
)
from mmtracker.logic.parsing import (
    Problem,
    bookkeeping_day,
    coerce,
    excerpt,
    join_path,
    parse_as,
)
from mmtracker.logic.validation import EARLIEST_BIRTH, text_problems
from mmtracker.record.conformance import SchemaReport, check_schema
from mmtracker.record.schema import ENTRY_META, META_TYPES, PATIENT_META, record_schema
from mmtracker.record.versions import current_item_id, version_problems
from mmtracker.storage.records import NewRecord, check_record

T = TypeVar("T")
_INDEXED = re.compile(r"^(?P<kind>[a-z_0-9]+)\[(?P<index>[0-9]+)\]")


MAX_FILE_BYTES = 20 * 2**20
"""A record file larger is no one patient's record (the largest demo record is ~0.2 MB)."""
MAX_DEPTH = 32
"""JSON nesting deeper than this is no record file (a record is four levels deep)."""
ACTOR_LIMIT = 200
"""The longest ``created_by`` and ``updated_by`` (``user@workstation``), as the database keeps."""


def load_record_file(path: Path) -> tuple[NewRecord | None, list[Problem]]:
    """Read and check a UTF-8 JSON record file; never raises for a bad file."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Problem(
                    "",
                    f"is {size / 2**20:.0f} MB; a record file is at most "
                    f"{MAX_FILE_BYTES // 2**20} MB",
                )
            ]
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return None, [Problem("", f"cannot be read: {exc.strerror or exc}")]
    except UnicodeDecodeError as exc:
        return None, [Problem("", f"is not UTF-8 text (byte {exc.start} cannot be decoded)")]
    repeated: list[str] = []
    depth = _depth(text)
    if depth > MAX_DEPTH:
        return None, [
            Problem("", f"nests {depth} levels deep; a record file nests at most {MAX_DEPTH}")
        ]
    try:
        document = json.loads(text, object_pairs_hook=lambda pairs: _object(pairs, repeated))
    except json.JSONDecodeError as exc:
        return None, [
            Problem("", f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
        ]
    except (ValueError, RecursionError) as exc:  # an integer of thousands of digits, say
        return None, [Problem("", f"cannot be read as a record: {str(exc)[:80]}")]
    if repeated:
        return None, [
            Problem("", f"the key {excerpt(key)} appears twice in one object") for key in repeated
        ]
    return parse_record(document)


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _depth(text: str) -> int:
    """How deep the JSON text nests its arrays and objects (brackets in strings aside):
    strings are cut out and only the brackets walked, so a large file costs little."""
    deepest = level = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        level += 1 if bracket in "[{" else -1
        deepest = max(deepest, level)
    return deepest


def parse_record(document: object) -> tuple[NewRecord | None, list[Problem]]:
    """Check a decoded JSON document and build the record; None and every problem if wrong.

    Format versions 1 to 3 are read (:mod:`mmtracker.record.versions`). The derived
    ``registered_on`` of the patient and ``recorded_on`` of a bone-therapy event
    (D24, D36) are the days of their ``created_at``, None when the file has none.
    """
    report = check_schema(document)
    if not isinstance(document, dict):
        return None, report.problems
    problems = list(report.problems) + version_problems(document)
    patient: Patient | None = None
    patient_meta: dict[str, Any] = {}
    if "patient" in document and not report.spoils(("patient",)):
        patient, patient_meta, found = _parse_item(
            Patient, document["patient"], "patient", PATIENT_META
        )
        problems += found
    parsed = _parse_entries(document, report)
    problems += parsed.problems + _repeated_ids(document)
    if patient is not None:
        problems += _sanity(patient, parsed)
    if problems or patient is None:
        return None, sorted(problems, key=_position)
    record = NewRecord(
        patient=patient,
        entries={kind: tuple(e for _, e in pairs) for kind, pairs in parsed.entries.items()},
        patient_meta=patient_meta,
        entry_meta=parsed.meta,
    )
    return record, []


def record_history(record: NewRecord) -> PatientHistory:
    """The immutable history of a record, each kind ordered by (date, id)."""
    return build_history(record.patient, record.entries)


def _object(pairs: list[tuple[str, Any]], repeated: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            repeated.append(key)
        found[key] = value
    return found


@dataclass(slots=True)
class _Entries:
    """The entries that parsed, each with its index in the file."""

    entries: dict[str, list[tuple[int, Entry]]] = field(default_factory=dict)
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    complete: set[str] = field(default_factory=set)  # kinds whose every entry parsed


def _parse_entries(document: Mapping[str, Any], report: SchemaReport) -> _Entries:
    parsed = _Entries()
    for kind, cls in ENTRY_KINDS.items():
        parsed.entries[kind] = []
        items = document.get(kind, [])
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if report.spoils((kind, index)):
                continue
            path = join_path(kind, index)
            entry, meta, found = _parse_item(cls, item, path, ENTRY_META)
            parsed.problems += found
            if entry is not None:
                parsed.entries[kind].append((index, entry))
                parsed.meta[entry.id] = meta
        if len(parsed.entries[kind]) == len(items):
            parsed.complete.add(kind)
    return parsed


def _parse_item(
    cls: type[T], item: Mapping[str, Any], path: str, meta_keys: Sequence[str]
) -> tuple[T | None, dict[str, Any], list[Problem]]:
    """One object of the file: its fields, and its bookkeeping keys split off."""
    values = {key: value for key, value in item.items() if key not in meta_keys}
    found, problems = parse_as(cls, values, path)
    if found is not None:
        problems += _longer_than_columns(found, path)
    meta: dict[str, Any] = {}
    for key in meta_keys:
        if key not in item:
            continue
        where = join_path(path, key)
        try:
            value = coerce(META_TYPES[key], item[key])
        except ValueError as exc:
            problems.append(Problem(where, str(exc)))
            continue
        if isinstance(value, dt.datetime):
            value, wrong = _bookkeeping_time(where, value)
            problems += wrong
        elif isinstance(value, str):
            problems += text_problems(where, value, ACTOR_LIMIT, note=False)
        meta[key] = value
    if found is None or problems:
        return None, meta, problems
    return _completed(found, meta.get("created_at")), meta, problems


@functools.cache
def _column_lengths(name: str) -> dict[str, int]:
    """The longest text each field of an entry type holds: its database column's length."""
    properties = record_schema()["$defs"][name]["properties"]
    return {
        key: schema["maxLength"]
        for key, schema in properties.items()
        if "maxLength" in schema and key not in ENTRY_META
    }


def _longer_than_columns(found: object, path: str) -> list[Problem]:
    """Text longer, once composed (NFC: U+0958 is two characters), than its column holds:
    the schema counted the characters as the file wrote them. The patient's MRN and name are
    the patient checks'."""
    if isinstance(found, Patient):
        return []
    problems: list[Problem] = []
    for key, length in _column_lengths(type(found).__name__).items():
        value = getattr(found, key)
        if isinstance(value, str) and len(value) > length:
            problems.append(Problem(join_path(path, key), f"is longer than {length} characters"))
    return problems


def _bookkeeping_time(where: str, value: dt.datetime) -> tuple[dt.datetime, list[Problem]]:
    """A bookkeeping date-time in UTC, if it lies from 1900 to tomorrow (a clock ahead by
    some hours, or a time zone east of the reader's): a row cannot have been written later,
    and a day out of that range would become a patient's registration day (D24) or the day
    a bone-therapy plan was recorded (D36)."""
    latest = dt.date.today() + dt.timedelta(days=1)
    try:
        utc = value.astimezone(dt.UTC) if value.utcoffset() is not None else value
    except OverflowError:  # 0001-01-01T00:00+01:00 is in the year 0 in UTC
        utc = None
    if utc is None or not EARLIEST_BIRTH <= utc.date() <= latest:
        message = (
            f"{value.isoformat()} is outside the accepted range {EARLIEST_BIRTH} to {latest} (UTC)"
        )
        return value, [Problem(where, message)]
    return utc, []


def _completed(found: T, created_at: dt.datetime | None) -> T:
    """An item as the rules read it: derived days filled in, a renamed care item's new id."""
    day = bookkeeping_day(created_at)
    if isinstance(found, Patient):
        return replace(found, registered_on=day)
    if isinstance(found, BoneTherapyEvent):
        return replace(found, recorded_on=day)
    if isinstance(found, Acknowledgement):
        return replace(found, item_id=current_item_id(found.item_id))
    return found


def _repeated_ids(document: Mapping[str, Any]) -> list[Problem]:
    """Entry ids are unique in the whole record, whatever the kind and the letters' case."""
    first: dict[str, str] = {}
    problems: list[Problem] = []
    for kind in ENTRY_KINDS:
        items = document.get(kind)
        for index, item in enumerate(items if isinstance(items, list) else []):
            entry_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(entry_id, str):
                continue
            path = join_path(join_path(kind, index), "id")
            key = entry_id.casefold()  # a UUID is the same in either case
            if key in first:
                problems.append(Problem(path, f"{entry_id} is already the id of {first[key]}"))
            else:
                first[key] = join_path(kind, index)
    return problems


def _sanity(patient: Patient, parsed: _Entries) -> list[Problem]:
    """The sanity checks of whatever parsed, with paths pointing into the file.

    Phase transitions are only judged when every phase change parsed, lest a
    missing one make a valid sequence look wrong.
    """
    checked = {
        kind: pairs
        for kind, pairs in parsed.entries.items()
        if kind != "phase_changes" or kind in parsed.complete
    }
    partial = NewRecord(patient, {kind: [e for _, e in pairs] for kind, pairs in checked.items()})
    found = check_record(partial, dt.date.today())
    return [_renumbered(problem, checked) for problem in found]


# A derived field the file does not hold, and the key of the file it is the day of (D36).
_DERIVED_FROM = {".recorded_on": ".created_at"}


def _renumbered(problem: Problem, checked: Mapping[str, Sequence[tuple[int, Entry]]]) -> Problem:
    """Point a problem of the checked entries back at the entry's index in the file (and a
    derived day at the key it comes from)."""
    match = _INDEXED.match(problem.path)
    if match is None:
        return problem
    index = checked[match["kind"]][int(match["index"])][0]
    rest = problem.path[match.end() :]
    rest = _DERIVED_FROM.get(rest, rest)
    return Problem(f"{join_path(match['kind'], index)}{rest}", problem.message)


_ORDER = {key: rank for rank, key in enumerate(("", "format_version", "patient", *ENTRY_KINDS))}


def _position(problem: Problem) -> tuple[int, int]:
    """Problems in the order of the file: top-level key as exported, then entry index."""
    match = _INDEXED.match(problem.path)
    if match is not None:
        return _ORDER.get(match["kind"], len(_ORDER)), int(match["index"])
    return _ORDER.get(problem.path.split(".")[0], len(_ORDER)), -1
