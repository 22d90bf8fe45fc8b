"""Progressive disease within the current treatment episode (clinical-rules.md §11 alert.progression, §4 PD, D4, D22, D26, D27, D46)."""

from __future__ import annotations

from mmtracker.logic.care import Finding, ItemRule, Severity
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.messages import declare, msg
from mmtracker.logic.response import Parameter, Progression, response
from mmtracker.logic.response_imwg2016 import IMAGING_BASELINE_DAYS, imaging_baseline

ITEM_ID = "alert.progression"

declare(
    {
        "alert.progression.not_active_mm": (),
        "alert.progression.no_baseline": ("start",),
        "alert.progression.none": ("criteria", "start"),
        "alert.progression.none.no_baseline_imaging": ("criteria", "start", "until"),
        "alert.progression.unconfirmed": ("criteria", "criterion", "date"),
        "alert.progression.unconfirmed.other_modality": ("criteria", "criterion", "date"),
        "alert.progression.confirmed": ("criteria", "criterion", "date", "confirmed_on"),
        "alert.progression.confirmed.other_modality": (
            "criteria",
            "criterion",
            "date",
            "confirmed_on",
        ),
    }
)

# D26: the item applies once the episode has a baseline value of one of these.
_BASELINE_PARAMETERS = (Parameter.SERUM_M_PROTEIN, Parameter.URINE_M_PROTEIN)


def _alert(found: Progression) -> Finding:
    """The urgent finding of a PD: dated by its first PD value (D45), citing its entries (D40)."""
    first = found.findings[0]
    suffix = ".other_modality" if first.other_modality else ""
    params = {"criteria": found.criteria, "criterion": first.criterion.value, "date": found.date}
    if found.confirmed:
        message = msg(
            f"alert.progression.confirmed{suffix}", **params, confirmed_on=found.confirmed_on
        )
    else:
        message = msg(f"alert.progression.unconfirmed{suffix}", **params)
    return Finding(
        True,
        message,
        alert=Severity.URGENT,
        trigger_date=found.date,
        cites=found.entries,
    )


def evaluate(ctx: Context) -> Finding:
    """§11 alert.progression: urgent once the §4 PD criteria are met within the episode.

    It applies to active MM once the current episode (D22) has a baseline value
    of serum or urine M-protein or FLC, measurable or not (D26). Reading where
    the row is silent, erring toward showing: a patient treated with no phase
    recorded (an episode opened by a line alone) is watched too, and a PD met by
    imaging, a plasmacytoma or the marrow raises the alert even without such a
    baseline value. A new episode closes the alert of the one before (D46): its
    baseline and nadir start afresh. Met once, the alert says "unconfirmed —
    repeat to confirm"; more bone lesions on another modality than the baseline
    imaging's say "confirm the lesions are new" (D27).
    """
    episode = ctx.episode
    if episode is None or (ctx.phases.current is not None and not ctx.phases.active_mm):
        return Finding(False, msg("alert.progression.not_active_mm"))
    result = response(ctx)
    baseline = result.baseline
    assert baseline is not None
    if result.progression is not None:
        return _alert(result.progression)
    has_baseline = baseline.flc is not None or any(
        p in baseline.values for p in _BASELINE_PARAMETERS
    )
    if not has_baseline:
        return Finding(False, msg("alert.progression.no_baseline", start=episode.start))
    if imaging_baseline(ctx.history, episode.start) is None:
        message = msg(
            "alert.progression.none.no_baseline_imaging",
            criteria=result.criteria,
            start=episode.start,
            until=add_days(episode.start, IMAGING_BASELINE_DAYS),
        )
    else:
        message = msg("alert.progression.none", criteria=result.criteria, start=episode.start)
    return Finding(True, message)


RULES: tuple[ItemRule, ...] = (ItemRule(ITEM_ID, "§4 PD; D26, D27", evaluate),)
