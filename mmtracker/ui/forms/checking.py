"""A form's problems while a required choice is still blank.

The record's parser stops at a blank required choice (a phase, a sex, a dental outcome),
so the checks that come after it (a date in the future, a height of 1000 cm) would wait
for the choice. Here they are run once for every value the blank choices could take, and
a problem found whatever is chosen is shown at once; one that depends on the choice waits
for it.
"""

from __future__ import annotations

import itertools
import math
import types
import typing
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

from mmtracker.logic.parsing import Problem, parse_as

T = TypeVar("T")
_MOST_TRIED = 256  # combinations of blank choices tried at most (two choices of 16 each)
REQUIRED_STYLE = "color: #5f6368;"  # a field still to fill: said, not alarming
"""The style of a field's "is required" (the red of a problem is for a value typed wrong)."""


def _choices(hint: Any) -> list[str] | None:
    """The codes a field of type ``hint`` may take, when it is a choice."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        return None  # an optional choice: never a blank required one
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return [member.value for member in hint]
    return None


def problems_whatever_chosen(
    cls: type[T], data: Mapping[str, Any], check: Callable[[T], list[Problem]]
) -> list[Problem]:
    """The parser's problems of ``data`` as a ``cls``, or the checks' problems when it parses;
    with blank required choices, also the checks' problems that hold for every choice."""
    found, problems = parse_as(cls, data)
    if found is not None:
        return check(found)
    hints = typing.get_type_hints(cls)
    blank = [p.path for p in problems if p.message.startswith("is required: one of")]
    if len(blank) != len(problems):
        return problems  # something typed cannot be read: that first
    options = [_choices(hints.get(name)) for name in blank]
    if any(o is None for o in options) or math.prod(len(o or ()) for o in options) > _MOST_TRIED:
        return problems
    common: set[Problem] | None = None
    for combination in itertools.product(*(o or () for o in options)):
        chosen, _ = parse_as(cls, {**data, **dict(zip(blank, combination, strict=True))})
        if chosen is None:
            return problems
        seen = {p for p in check(chosen) if p.path.split(".")[0] not in blank}
        common = seen if common is None else common & seen
    return problems + sorted(common or (), key=lambda p: (p.path, p.message))


def is_required(message: str) -> bool:
    """Whether a problem only says that a field is still to be filled."""
    return message.startswith("is required")
