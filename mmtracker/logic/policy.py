"""The care policy: adjustable values with their allowed ranges and sources.

The shipped file (resources/policy/default.toml) declares every value; a clinic
file may override values by key. ``mmtracker.config`` reads the files; this
module checks them and records which values an assessment used.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PolicyValue = int | float | str


class PolicyError(ValueError):
    """A policy file was refused; ``problems`` says each key and what is accepted."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class PolicySpec:
    """One declared value: default, accepted range or choices, and source."""

    key: str
    default: PolicyValue
    source: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()

    def check(self, value: object) -> str | None:
        """Why ``value`` is refused, or None if it is accepted."""
        if self.choices:
            if value not in self.choices:
                return f"{self.key}: {value!r} is not one of {', '.join(self.choices)}"
            return None
        low, high = self.low or 0.0, self.high or 0.0
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{self.key}: {value!r} must be a number from {low:g} to {high:g}"
        if isinstance(self.default, int) and not isinstance(value, int):
            return f"{self.key}: {value!r} must be a whole number from {low:g} to {high:g}"
        if not low <= value <= high:
            return f"{self.key}: {value:g} is outside the accepted range {low:g}–{high:g}"
        return None


def read_specs(declared: Mapping[str, Any]) -> dict[str, PolicySpec]:
    """The specs of the shipped policy file (already parsed from TOML)."""
    specs: dict[str, PolicySpec] = {}
    problems: list[str] = []
    for key, entry in declared.items():
        if not isinstance(entry, Mapping) or "value" not in entry or "source" not in entry:
            problems.append(f"{key}: needs value and source")
            continue
        choices = tuple(entry.get("choices", ()))
        spec = PolicySpec(
            key=key,
            default=entry["value"],
            source=str(entry["source"]),
            low=None if choices else entry.get("min"),
            high=None if choices else entry.get("max"),
            choices=choices,
        )
        if not choices and (spec.low is None or spec.high is None):
            problems.append(f"{key}: a number needs min and max")
            continue
        problem = spec.check(spec.default)
        if problem:
            problems.append(f"default {problem}")
        specs[key] = spec
    if problems:
        raise PolicyError(problems)
    return specs


@dataclass(frozen=True, slots=True)
class Policy:
    """The values in force; ``digest`` identifies them (stored with every assessment)."""

    values: Mapping[str, PolicyValue]
    digest: str

    def whole(self, key: str) -> int:
        """A whole-number value (days, months, weeks, years)."""
        value = self.values[key]
        assert isinstance(value, int)
        return value

    def number(self, key: str) -> float:
        """A numeric value."""
        value = self.values[key]
        assert isinstance(value, int | float)
        return float(value)

    def choice(self, key: str) -> str:
        """A choice value."""
        return str(self.values[key])


def build_policy(
    specs: Mapping[str, PolicySpec], overrides: Mapping[str, Any] | None = None
) -> Policy:
    """The defaults with a clinic's overrides; unknown keys and bad values are refused."""
    overrides = overrides or {}
    problems = [f"{key}: unknown policy key" for key in sorted(set(overrides) - set(specs))]
    for key in sorted(set(overrides) & set(specs)):
        problem = specs[key].check(overrides[key])
        if problem:
            problems.append(problem)
    if problems:
        raise PolicyError(problems)
    values: dict[str, PolicyValue] = {
        key: overrides.get(key, spec.default) for key, spec in specs.items()
    }
    canonical = json.dumps(values, sort_keys=True, separators=(",", ":"))
    return Policy(values, hashlib.sha256(canonical.encode()).hexdigest()[:16])
