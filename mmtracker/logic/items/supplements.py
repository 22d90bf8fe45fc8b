"""Calcium and vitamin D supplement and the 25-OH vitamin D level on bone-targeted therapy (clinical-rules.md §5, §11, D9, D43)."""

from __future__ import annotations

from mmtracker.logic.bta import bta_state, entry_ref, off_bta, rounded
from mmtracker.logic.care import Finding, ItemRule, Severity
from mmtracker.logic.codes import Analyte
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days, add_months
from mmtracker.logic.labs import latest_calcium
from mmtracker.logic.messages import Quantity, declare, msg

# §11 vitd.level, Due: first dose + 30 d.
VITD_FIRST_DAYS = 30
# D9: deficient < 50 nmol/L (20 ng/mL) → alert; insufficient 50-75 nmol/L; sufficient ≥ 75 nmol/L.
VITD_DEFICIENT_BELOW = 50.0
VITD_SUFFICIENT_FROM = 75.0
# Digits shown for calcium (mmol/L) and vitamin D (nmol/L) in rationales.
CALCIUM_DIGITS = 2
VITD_DIGITS = 1

declare(
    {
        "supplement.ca_vitd.hypercalcaemic": ("value", "uln", "date"),
        "supplement.ca_vitd.taking": ("since",),
        "supplement.ca_vitd.ended": ("ended", "first"),
        "supplement.ca_vitd.missing": ("first",),
        "vitd.level.first": ("first", "days"),
        "vitd.level.deficient": ("value", "date", "threshold"),
        "vitd.level.insufficient": ("value", "date", "months"),
        "vitd.level.sufficient": ("value", "date", "months"),
    }
)


def evaluate_ca_vitd(ctx: Context) -> Finding:
    """§11 supplement.ca_vitd: a calcium + vitamin D supplement covering as_of, unless calcium > ULN.

    Due at the first dose of the course or, once the supplement has ended, the day
    after it ended (D43), so days overdue count from the gap. Reading where D43 is
    silent: a supplement that ended before the course began leaves it due at the first
    dose.
    """
    state = bta_state(ctx)
    first = state.first_dose
    if not state.on_bta or first is None:
        return off_bta(state)
    calcium = latest_calcium(ctx.labs, ctx.policy)
    if calcium is not None and rounded(calcium.value) > rounded(calcium.uln):
        message = msg(
            "supplement.ca_vitd.hypercalcaemic",
            value=Quantity(Analyte.CALCIUM, round(calcium.value, CALCIUM_DIGITS)),
            uln=Quantity(Analyte.CALCIUM, round(calcium.uln, CALCIUM_DIGITS)),
            date=calcium.date,
        )
        return Finding(False, message, last=entry_ref(calcium.entry))
    supplements = ctx.history.supplements
    covering = [s for s in supplements if s.end_date is None or s.end_date >= ctx.as_of]
    if covering:
        taking = covering[-1]
        message = msg("supplement.ca_vitd.taking", since=taking.start_date)
        # End dates after as_of are not known yet, so a covering supplement's known end
        # date is as_of itself: it stops covering tomorrow.
        tomorrow = [s for s in covering if s.end_date is None]
        changes_on = None if tomorrow and tomorrow[-1] is taking else add_days(ctx.as_of, 1)
        return Finding(True, message, last=entry_ref(taking), changes_on=changes_on)
    ended = [s for s in supplements if s.end_date is not None]
    if ended:
        # D43: due the day after the last supplement ended (not before the course began).
        latest = max(ended, key=lambda s: (s.end_date or s.start_date, s.start_date))
        assert latest.end_date is not None
        due = max(add_days(latest.end_date, 1), first.date)
        message = msg("supplement.ca_vitd.ended", ended=latest.end_date, first=first.date)
        return Finding(True, message, due=due, last=entry_ref(latest))
    return Finding(True, msg("supplement.ca_vitd.missing", first=first.date), due=first.date)


def evaluate_vitd_level(ctx: Context) -> Finding:
    """D9: 25-OH vitamin D 30 d after the first dose, then every 12 months; < 50 nmol/L alerts."""
    state = bta_state(ctx)
    first = state.first_dose
    if not state.on_bta or first is None:
        return off_bta(state)
    first_due = add_days(first.date, VITD_FIRST_DAYS)
    latest = ctx.labs.latest(Analyte.VITAMIN_D)
    if latest is None:
        return Finding(
            True, msg("vitd.level.first", first=first.date, days=VITD_FIRST_DAYS), due=first_due
        )
    months = ctx.policy.whole("vitd.interval_months")
    due = max(add_months(latest.date, months), first_due)
    value = Quantity(Analyte.VITAMIN_D, round(latest.si, VITD_DIGITS))
    last = entry_ref(latest.entry)
    if rounded(latest.si) < VITD_DEFICIENT_BELOW:
        message = msg(
            "vitd.level.deficient",
            value=value,
            date=latest.date,
            threshold=Quantity(Analyte.VITAMIN_D, VITD_DEFICIENT_BELOW),
        )
        return Finding(
            True,
            message,
            due=due,
            last=last,
            alert=Severity.URGENT,
            trigger_date=latest.date,
            cites=(latest.entry.id,),
        )
    key = (
        "vitd.level.sufficient"
        if rounded(latest.si) >= VITD_SUFFICIENT_FROM
        else "vitd.level.insufficient"
    )
    return Finding(True, msg(key, value=value, date=latest.date, months=months), due=due, last=last)


RULES: tuple[ItemRule, ...] = (
    ItemRule("supplement.ca_vitd", "§5 Ca/vitamin D", evaluate_ca_vitd),
    ItemRule("vitd.level", "D9", evaluate_vitd_level),
)
