"""Rationale messages: an id with parameters, never a finished sentence.

``mmtracker.i18n`` renders them in English or Chinese. Every id a rule may
emit is declared in ``MESSAGE_PARAMS`` with its parameter names, so the
translation check can prove each one has a finished text in every language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from mmtracker.logic.codes import Analyte


@dataclass(frozen=True, slots=True)
class Quantity:
    """A laboratory value in its canonical SI unit; shown in the unit system asked for."""

    analyte: Analyte
    si: float


ParamValue = str | int | float | dt.date | Quantity | None


@dataclass(frozen=True, slots=True)
class Message:
    """A message id and its parameters, in a fixed order."""

    id: str
    params: tuple[tuple[str, ParamValue], ...] = ()

    def as_dict(self) -> dict[str, ParamValue]:
        """The parameters by name."""
        return dict(self.params)


# Message id -> the names of its parameters. Rules register their messages here.
MESSAGE_PARAMS: dict[str, tuple[str, ...]] = {}


def declare(messages: Mapping[str, tuple[str, ...]]) -> None:
    """Declare message ids and their parameter names (called by each rule module)."""
    for key, names in messages.items():
        if MESSAGE_PARAMS.get(key, names) != names:
            raise ValueError(f"message {key} declared twice with different parameters")
        MESSAGE_PARAMS[key] = names


def msg(message_id: str, **params: ParamValue) -> Message:
    """A message; its id and parameter names must have been declared."""
    expected = MESSAGE_PARAMS.get(message_id)
    if expected is None:
        raise KeyError(f"undeclared message id {message_id}")
    if set(params) != set(expected):
        raise KeyError(f"message {message_id} takes {expected}, got {sorted(params)}")
    return Message(message_id, tuple((name, params[name]) for name in expected))
