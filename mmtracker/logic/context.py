"""What every rule reads: the history as known on a date, the policy, and shared derived facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar

from mmtracker.logic.dates import age_on
from mmtracker.logic.episodes import Episode, episodes
from mmtracker.logic.history import PatientHistory
from mmtracker.logic.labs import LabIndex
from mmtracker.logic.phases import PhaseTimeline, as_known_on, next_known_date, timeline
from mmtracker.logic.policy import Policy

T = TypeVar("T")


class Context:
    """One patient on one date under one policy; derived facts are computed once, on demand."""

    def __init__(self, history: PatientHistory, as_of: dt.date, policy: Policy) -> None:
        self.history = as_known_on(history, as_of)
        self.as_of = as_of
        self.policy = policy
        self._memo: dict[str, Any] = {}
        self._recorded = history

    @cached_property
    def next_known(self) -> dt.date | None:
        """The first date after as_of on which the record reveals more than ``history`` holds.

        Not for rules: they read ``history`` only. It bounds how long what they
        found can be reused.
        """
        return next_known_date(self._recorded, self.as_of)

    @cached_property
    def labs(self) -> LabIndex:
        return LabIndex(self.history)

    @cached_property
    def phases(self) -> PhaseTimeline:
        return timeline(self.history)

    @cached_property
    def episodes(self) -> tuple[Episode, ...]:
        """The treatment episodes up to as_of (D22)."""
        return episodes(self.history)

    @property
    def episode(self) -> Episode | None:
        """The current treatment episode (D22), None before any."""
        return self.episodes[-1] if self.episodes else None

    @property
    def age(self) -> int:
        """The patient's age in whole years on ``as_of``."""
        return age_on(self.history.patient.date_of_birth, self.as_of)

    @property
    def lead_days(self) -> int:
        return self.policy.whole("lead_days")

    def memo(self, key: str, compute: Callable[[Context], T]) -> T:
        """A derived fact shared by several rules, computed once per context."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        found: T = self._memo[key]
        return found
