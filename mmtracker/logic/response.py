"""The patient's response for the rules: computed, recorded, and MRD status (clinical-rules.md §4, §6, D19, D23).

The criteria live in a module per criteria set (D21); today that is
:mod:`mmtracker.logic.response_imwg2016`. Each function computes once per
context (``ctx.memo``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from mmtracker.logic import response_imwg2016 as imwg2016
from mmtracker.logic.codes import Analyte, Qualitative, ResponseCategory
from mmtracker.logic.context import Context
from mmtracker.logic.history import LabResult, ResponseAssessment
from mmtracker.logic.messages import Message, declare, msg
from mmtracker.logic.response_imwg2016 import (
    Baseline,
    Branch,
    Measurement,
    Missing,
    MrdState,
    MrdStatus,
    Parameter,
    PdCriterion,
    PdFinding,
    Progression,
    ResponsePoint,
    ResponseResult,
    meets,
)

__all__ = [
    "Baseline",
    "Branch",
    "CurrentResponse",
    "Measurement",
    "Missing",
    "MrdState",
    "MrdStatus",
    "Parameter",
    "PdCriterion",
    "PdFinding",
    "Progression",
    "ResponsePoint",
    "ResponseResult",
    "ResponseSource",
    "current_response",
    "meets",
    "meets_min_response",
    "mrd_status",
    "response",
]

declare(
    {
        f"response.current.{source}.{state}": ("category", "criteria", "date")
        for source in ("recorded", "computed")
        for state in ("confirmed", "unconfirmed")
    }
)


class ResponseSource(StrEnum):
    RECORDED = "recorded"
    COMPUTED = "computed"


@dataclass(frozen=True, slots=True)
class CurrentResponse:
    """D19, D23: the response the rules use, whichever of recorded and computed is dated later."""

    category: ResponseCategory
    date: dt.date
    source: ResponseSource
    confirmed: bool
    criteria: str
    message: Message


def response(ctx: Context) -> ResponseResult:
    """The computed response of the current treatment episode (IMWG 2016, D22)."""
    return ctx.memo("response.imwg2016", imwg2016.evaluate)


def mrd_status(ctx: Context) -> MrdStatus:
    """The latest MRD result and sustained / imaging-plus negativity (IMWG 2016)."""
    return ctx.memo("mrd_status.imwg2016", imwg2016.mrd_status)


def _current(
    category: ResponseCategory, day: dt.date, source: ResponseSource, confirmed: bool, criteria: str
) -> CurrentResponse:
    state = "confirmed" if confirmed else "unconfirmed"
    message = msg(
        f"response.current.{source.value}.{state}",
        category=category.value,
        criteria=criteria,
        date=day,
    )
    return CurrentResponse(category, day, source, confirmed, criteria, message)


def _recorded(ctx: Context, since: dt.date | None) -> CurrentResponse | None:
    """The latest recorded assessment of the current episode; confirmed when the one before meets it."""
    found = [r for r in ctx.history.responses if since is None or r.date >= since]
    if not found:
        return None
    latest: ResponseAssessment = found[-1]
    confirmed = len(found) > 1 and meets(found[-2].category, latest.category)
    return _current(
        latest.category, latest.date, ResponseSource.RECORDED, confirmed, latest.criteria
    )


def _episode_start(ctx: Context) -> dt.date | None:
    return ctx.episode.start if ctx.episode else None


def _computed(ctx: Context) -> CurrentResponse | None:
    result = response(ctx)
    if result.category is None or result.date is None:
        return None
    return _current(
        result.category, result.date, ResponseSource.COMPUTED, result.confirmed, result.criteria
    )


def _current_response(ctx: Context) -> CurrentResponse | None:
    recorded = _recorded(ctx, _episode_start(ctx))
    computed = _computed(ctx)
    if recorded is None or computed is None:
        return recorded or computed
    return computed if computed.date > recorded.date else recorded


def current_response(ctx: Context) -> CurrentResponse | None:
    """D19, D23: the later of the latest recorded assessment and the computed one.

    Both count only when dated since the current episode started (D22): a
    recorded response older than the episode start never counts, while one
    recorded before a maintenance line of the same episode does. On the same
    date the recorded assessment wins.
    """
    return ctx.memo("response.current", _current_response)


def _latest_since(results: tuple[LabResult, ...], since: dt.date | None) -> LabResult | None:
    found = [r for r in results if since is None or r.date > since]
    return found[-1] if found else None


def _immunofixation_negative(ctx: Context) -> bool:
    """D19: serum IFE negative, and urine IFE too where urine was measurable at baseline.

    Only results since the current episode started count (D23). Without an
    episode there is no baseline to tell whether urine was measurable, so a urine
    IFE on record must be negative too.
    """
    since = _episode_start(ctx)
    serum = _latest_since(ctx.labs.qualitative(Analyte.SERUM_IFE), since)
    if serum is None or serum.qualitative is not Qualitative.NEGATIVE:
        return False
    baseline = response(ctx).baseline
    if baseline is not None and Parameter.URINE_M_PROTEIN not in baseline.measurable:
        return True
    urine = _latest_since(ctx.labs.qualitative(Analyte.URINE_IFE), since)
    if urine is None:
        return baseline is None
    return urine.qualitative is Qualitative.NEGATIVE


def meets_min_response(ctx: Context, minimum: ResponseCategory) -> bool:
    """Whether the current response is at least ``minimum``, for MRD triggers (D19).

    Confirmation is not required. CR counts as met once immunofixation is
    negative (serum, and urine where measurable), since the MRD marrow aspirate
    also confirms CR. Current progression never meets a minimum.
    """
    current = current_response(ctx)
    if current is not None:
        if meets(current.category, minimum):
            return True
        if current.category is ResponseCategory.PD:
            return False
    return meets(ResponseCategory.CR, minimum) and _immunofixation_negative(ctx)
