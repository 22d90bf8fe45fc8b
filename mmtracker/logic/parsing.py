"""Turn plain mappings (JSON objects, form fields, database rows) into history entries.

Types are read from the dataclass annotations, so one description of each entry
serves the record file, the services and the loaders. Every problem names the
field by its path and what is accepted.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import types
import typing
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, dataclass, fields
from enum import StrEnum
from typing import Any, TypeVar

from mmtracker.logic.history import DERIVED_FIELDS

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: where (a JSON path or field name) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


_NAME = r"[A-Za-z_][A-Za-z0-9_]{0,39}"
_PLAIN_PATH = re.compile(rf"{_NAME}(?:\[[0-9]{{1,9}}\]|\.{_NAME})*")


def join_path(base: str, key: str | int) -> str:
    """Extend a JSON-style path: ``lab_results[3].value`` (``key`` a name, an index, or a
    path of names and indices).

    A key that is no plain name (a file's unknown key: empty, long, with spaces, line
    breaks or a terminal's escapes) is quoted and cut to an excerpt, ``patient['a\\nb']``,
    so that a problem stays one short line that shows what the file holds.
    """
    if isinstance(key, int):
        return f"{base}[{key}]"
    if len(key) > 120 or not _PLAIN_PATH.fullmatch(key):
        return f"{base}[{excerpt(key)}]"
    return f"{base}.{key}" if base else key


_HINTS: dict[type, dict[str, Any]] = {}
_STORED: dict[type, tuple[str, ...]] = {}


def stored_fields(cls: type) -> tuple[str, ...]:
    """The fields of an entry type (or Patient) that are written: all but the derived ones."""
    found = _STORED.get(cls)
    if found is None:
        names = (f.name for f in fields(cls))
        found = _STORED[cls] = tuple(n for n in names if n not in DERIVED_FIELDS)
    return found


def bookkeeping_day(created_at: dt.datetime | None) -> dt.date | None:
    """The day of a bookkeeping ``created_at`` (in UTC when it carries a zone), for the
    derived ``registered_on`` and ``recorded_on`` (D24, D36)."""
    if created_at is None:
        return None
    if created_at.utcoffset() is not None:
        created_at = created_at.astimezone(dt.UTC)
    return created_at.date()


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _describe(tp: Any) -> str:
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return "one of " + ", ".join(repr(m.value) for m in tp)
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        dt.date: "a date YYYY-MM-DD",
        dt.datetime: "a date-time YYYY-MM-DDTHH:MM:SS",
        dt.time: "a time of day HH:MM",
    }
    return names.get(tp, "a list of text")


WHOLE_NUMBER_MAX = 2**31 - 1  # the database's integer columns
EXCERPT_CHARS = 40


def excerpt(value: Any) -> str:
    """A value as a message quotes it: its repr, cut to a short excerpt (a 5 MB value is
    not printed back whole)."""
    shown = repr(value)
    return shown if len(shown) <= EXCERPT_CHARS else shown[: EXCERPT_CHARS - 1] + "…"


def coerce(tp: Any, value: Any) -> Any:
    """Convert ``value`` to type ``tp``; raise ``ValueError`` naming what is accepted."""
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return coerce(args[0], value)
    if value is None:
        raise ValueError(f"is required: {_describe(tp)}")
    if origin is tuple:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ValueError("must be a list of text")
        return tuple(unicodedata.normalize("NFC", v) for v in value)
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        try:
            return tp(value)
        except ValueError:
            raise ValueError(f"must be {_describe(tp)}, not {excerpt(value)}") from None
    if tp is bool:
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, not {excerpt(value)}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be a whole number, not {excerpt(value)}")
        if not -WHOLE_NUMBER_MAX <= value <= WHOLE_NUMBER_MAX:
            raise ValueError(f"must be a whole number of at most {WHOLE_NUMBER_MAX}")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"must be a number, not {excerpt(value)}")
        try:
            number = float(value)
        except OverflowError:  # an integer of hundreds of digits
            raise ValueError("must be a finite number") from None
        if not math.isfinite(number):
            raise ValueError("must be a finite number")
        return number
    if tp is str:
        if not isinstance(value, str):
            raise ValueError(f"must be text, not {excerpt(value)}")
        return unicodedata.normalize("NFC", value)  # one spelling of "é", composed
    if tp is dt.datetime:
        return _as_datetime(value)
    if tp is dt.date:
        return _as_date(value)
    if tp is dt.time:
        return _as_time(value)
    raise TypeError(f"unsupported field type {tp!r}")  # a programming error, not bad input


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueError("must be a date without a time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            # fromisoformat also takes week dates ("2024-W01-1"), which the format refuses
            if _ISO_DATE.fullmatch(value):
                return dt.date.fromisoformat(value)
        except ValueError:
            pass
        raise ValueError(f"must be a date YYYY-MM-DD, not {excerpt(value)}")
    raise ValueError(f"must be a date YYYY-MM-DD, not {excerpt(value)}")


_TIME_OF_DAY = re.compile(r"[0-9]{2}:[0-9]{2}")


def _as_time(value: Any) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str) and _TIME_OF_DAY.fullmatch(value):
        try:
            return dt.time.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"must be a time of day HH:MM (00:00 to 23:59), not {excerpt(value)}")


def _as_datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"must be a date-time YYYY-MM-DDTHH:MM:SS, not {excerpt(value)}")


def parse_as(
    cls: type[T], data: Mapping[str, Any], path: str = ""
) -> tuple[T | None, list[Problem]]:
    """Build a dataclass ``cls`` from ``data``; return it, or None and every problem found.

    Derived fields (``DERIVED_FIELDS``) are not input: giving one is a problem.
    """
    hints = _hints(cls)
    problems: list[Problem] = []
    known = set(stored_fields(cls))
    problems.extend(
        Problem(join_path(path, key), "is not a known field") for key in sorted(set(data) - known)
    )
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]  # cls is a dataclass type
        if f.name not in known:
            continue
        if f.name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                problems.append(
                    Problem(join_path(path, f.name), f"is required: {_describe(hints[f.name])}")
                )
            continue
        try:
            values[f.name] = coerce(hints[f.name], data[f.name])
        except ValueError as exc:
            problems.append(Problem(join_path(path, f.name), str(exc)))
    if problems:
        return None, problems
    return cls(**values), []


def _converter(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        inner = _converter(next(a for a in typing.get_args(tp) if a is not type(None)))
        if inner is None:
            return None
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        return tuple
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return _member_of(tp)
    return None


def _member_of(enum: type[StrEnum]) -> Any:
    """``enum(value)`` as a lookup of the members by value first (the enum call is slow)."""
    members = {member.value: member for member in enum}

    def member(value: Any) -> Any:
        found = members.get(value) if isinstance(value, str) else None
        return enum(value) if found is None else found

    return member


def row_builder(cls: type[T]) -> typing.Callable[[Mapping[Any, Any]], T]:
    """A fast constructor of ``cls`` from rows already validated when they were written.

    Converts code strings to their enums and lists to tuples; unknown keys are ignored.
    """
    hints = _hints(cls)
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]  # cls is a dataclass type
    plan = [(name, _converter(hints[name])) for name in names]

    def build(row: Mapping[Any, Any]) -> T:
        return cls(
            **{name: (conv(row[name]) if conv else row[name]) for name, conv in plan if name in row}
        )

    return build


def values_builder(cls: type[T], names: Sequence[str]) -> typing.Callable[[Sequence[Any]], T]:
    """Like :func:`row_builder`, from values given in the order of ``names`` (fields of ``cls``).

    The faster one for many rows: no lookup by key, only the fields that need it converted.
    """
    hints = _hints(cls)
    order = tuple(names)
    plan = [(name, conv) for name in order if (conv := _converter(hints[name])) is not None]

    def build(values: Sequence[Any]) -> T:
        given = dict(zip(order, values, strict=True))
        for name, conv in plan:
            given[name] = conv(given[name])
        return cls(**given)

    return build
