"""Progressive disease from the nadir of the current treatment line (clinical-rules.md §11 alert.progression, §4 PD, D4, D20)."""

from __future__ import annotations

from mmtracker.logic.care import Finding, ItemRule, Severity
from mmtracker.logic.context import Context
from mmtracker.logic.messages import declare, msg
from mmtracker.logic.response import response

ITEM_ID = "alert.progression"

declare(
    {
        "alert.progression.not_active_mm": (),
        "alert.progression.no_line": (),
        "alert.progression.none": ("criteria", "line_start"),
        "alert.progression.unconfirmed": ("criteria", "criterion", "date"),
        "alert.progression.confirmed": ("criteria", "criterion", "date", "confirmed_on"),
    }
)


def evaluate(ctx: Context) -> Finding:
    """§11 alert.progression: urgent once the §4 PD criteria are met from the nadir.

    It applies to active MM with a response baseline, i.e. a current treatment line
    (D20). A new line resets the baseline and nadir, which closes an alert raised
    on the line before. Met once, the alert says "unconfirmed — repeat to confirm".
    """
    if not ctx.phases.active_mm:
        return Finding(False, msg("alert.progression.not_active_mm"))
    result = response(ctx)
    baseline = result.baseline
    if baseline is None:
        return Finding(False, msg("alert.progression.no_line"))
    found = result.progression
    if found is None:
        message = msg(
            "alert.progression.none", criteria=result.criteria, line_start=baseline.line_start
        )
        return Finding(True, message)
    criterion = found.findings[0].criterion.value
    if found.confirmed:
        message = msg(
            "alert.progression.confirmed",
            criteria=found.criteria,
            criterion=criterion,
            date=found.date,
            confirmed_on=found.confirmed_on,
        )
    else:
        message = msg(
            "alert.progression.unconfirmed",
            criteria=found.criteria,
            criterion=criterion,
            date=found.date,
        )
    return Finding(True, message, alert=Severity.URGENT, trigger_date=found.date)


RULES: tuple[ItemRule, ...] = (ItemRule(ITEM_ID, "§4 PD", evaluate),)
