"""The care policy: adjustable values with their allowed ranges and sources.

The shipped file (resources/policy/default.toml) declares every value; a clinic
file may override values by key. ``mmtracker.config`` reads the files; this
module checks them and records which values an assessment used.

The digest of a policy also carries :data:`RULES_VERSION`, so that stored
assessments made by other rules code are recomputed even when no value changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PolicyValue = int | float | str

RULES_VERSION = "2026-12-first-clinical-review"
"""The version of the rules code, part of every policy digest.

Change it whenever a rule's code changes (a new item, a changed threshold, finding,
message, due date or ``changes_on``): every patient's stored care-item state then
becomes stale and is re-assessed, as after a policy change.
"""

LAPSE_WEEKS_ALIAS = "denosumab.lapse_weeks"
"""D37: the old key a clinic file may still set; read as ``bta.lapse_days`` = weeks × 7."""
LAPSE_DAYS = "bta.lapse_days"


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
            if isinstance(value, Mapping | list):
                return (
                    f"{self.key}: must be given one of {', '.join(self.choices)} "
                    f'(e.g. "{self.key}" = "{self.choices[0]}"), not {_kind(value)}'
                )
            if value not in self.choices:
                return f"{self.key}: {value!r} is not one of {', '.join(self.choices)}"
            return None
        low, high = self.low or 0.0, self.high or 0.0
        if isinstance(value, Mapping | list):
            return (
                f"{self.key}: must be given a number from {low:g} to {high:g} "
                f'(e.g. "{self.key}" = {self.default}), not {_kind(value)}'
            )
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{self.key}: {value!r} must be a number from {low:g} to {high:g}"
        if isinstance(self.default, int) and not isinstance(value, int):
            return f"{self.key}: {value!r} must be a whole number from {low:g} to {high:g}"
        if not low <= value <= high:
            return f"{self.key}: {value:g} is outside the accepted range {low:g}–{high:g}"
        return None


def _kind(value: Mapping[str, Any] | list[Any]) -> str:
    """What a TOML table or array is called in a message (its Python form means nothing there)."""
    return "a table" if isinstance(value, Mapping) else "a list"


def _dotted(key: str, value: object) -> list[tuple[str, object]]:
    """The keys a TOML table stands for, dotted (``bta`` holding ``lapse_days`` → ``bta.lapse_days``)."""
    if not isinstance(value, Mapping):
        return [(key, value)]
    return [(f"{key}.{sub}", v) for inner, val in value.items() for sub, v in _dotted(inner, val)]


def _unknown(key: str, value: object, specs: Mapping[str, PolicySpec]) -> list[str]:
    """Why ``key`` is refused; for a TOML table made by unquoted dotted keys, the quoted form.

    ``bta.lapse_days = 35`` without quotes is the key ``lapse_days`` of a table ``bta``.
    """
    if not isinstance(value, Mapping):
        return [f"{key}: unknown policy key"]
    return [
        f"{key}: unknown policy key: without quotes TOML reads {dotted} as the key "
        f"{dotted.removeprefix(key + '.')!r} of a table {key!r}; write "
        f'"{dotted}" = {_toml(inner)}'
        if dotted in specs
        else f"{dotted}: unknown policy key"
        for dotted, inner in _dotted(key, value)
    ]


def _toml(value: object) -> str:
    """A value as it is written in TOML (text in double quotes)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


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
    """The values in force, with the digest that identifies them and the rules version.

    ``digest`` is stored with every assessment; ``warnings`` say what a clinic file
    set that was read with a caution (the D37 alias).
    """

    values: Mapping[str, PolicyValue]
    digest: str
    warnings: tuple[str, ...] = ()

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


def _read_alias(
    specs: Mapping[str, PolicySpec], overrides: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str], list[str]]:
    """D37: the overrides with ``denosumab.lapse_weeks`` read as ``bta.lapse_days``.

    Returns the overrides, the warnings and the problems. The old key alone is read
    as weeks × 7 days with a warning; set together with the new key it is accepted
    only when both say the same number of days (else which was meant is unknown).
    """
    read = dict(overrides)
    if LAPSE_WEEKS_ALIAS not in read or LAPSE_DAYS not in specs:
        return read, [], []
    weeks = read.pop(LAPSE_WEEKS_ALIAS)
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        return read, [], [f"{LAPSE_WEEKS_ALIAS}: {weeks!r} must be a whole number of weeks"]
    days = weeks * 7
    if LAPSE_DAYS in read:
        if read[LAPSE_DAYS] != days:
            return (
                read,
                [],
                [
                    f"{LAPSE_WEEKS_ALIAS} = {weeks} (= {days} days) and {LAPSE_DAYS} = "
                    f"{read[LAPSE_DAYS]!r} disagree: keep {LAPSE_DAYS} only"
                ],
            )
        warning = (
            f"{LAPSE_WEEKS_ALIAS} = {weeks} repeats {LAPSE_DAYS} = {days}: "
            f"remove the old key {LAPSE_WEEKS_ALIAS}"
        )
        return read, [warning], []
    problem = specs[LAPSE_DAYS].check(days)
    if problem:
        return read, [], [f"{LAPSE_WEEKS_ALIAS} = {weeks} is read as {problem}"]
    read[LAPSE_DAYS] = days
    warning = (
        f"{LAPSE_WEEKS_ALIAS} = {weeks} is read as {LAPSE_DAYS} = {days} "
        f"(weeks × 7, clinical-rules.md D37): rename it to {LAPSE_DAYS}"
    )
    return read, [warning], []


def build_policy(
    specs: Mapping[str, PolicySpec], overrides: Mapping[str, Any] | None = None
) -> Policy:
    """The defaults with a clinic's overrides; unknown keys and bad values are refused.

    The old key ``denosumab.lapse_weeks`` is read as ``bta.lapse_days`` (D37), with
    a warning carried on the policy.
    """
    read, warnings, problems = _read_alias(specs, overrides or {})
    for key in sorted(set(read) - set(specs)):
        problems += _unknown(key, read[key], specs)
    for key in sorted(set(read) & set(specs)):
        problem = specs[key].check(read[key])
        if problem:
            problems.append(problem)
    if problems:
        raise PolicyError(problems)
    values: dict[str, PolicyValue] = {
        key: read.get(key, spec.default) for key, spec in specs.items()
    }
    canonical = json.dumps(
        {"rules": RULES_VERSION, "values": values}, sort_keys=True, separators=(",", ":")
    )
    digest = hashlib.sha256(canonical.encode()).hexdigest()[:16]
    return Policy(values, digest, tuple(warnings))
