"""Renal safety of the bisphosphonates: creatinine before each dose, dose and hold.

clinical-rules.md §5 (ZA renal checks, deterioration, dose table), §11
``renal.before_bisphosphonate``, ``renal.za_dose``, ``renal.pamidronate``; D13,
D34, D35, D40, D45.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from mmtracker.logic.bisphosphonate_renal import (
    BASELINE_WINDOW_DAYS,
    RenalFacts,
    renal_facts,
    renal_hold,
    rise_threshold,
)
from mmtracker.logic.bta import bta_state, entry_ref, held_finding, not_this_agent, off_bta, rounded
from mmtracker.logic.care import Finding, ItemRule, Severity
from mmtracker.logic.codes import BISPHOSPHONATES, Analyte, BoneAgent
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.labs import LabValue
from mmtracker.logic.messages import ParamValue, Quantity, declare, msg
from mmtracker.logic.renal import za_dose_mg

# Digits shown for creatinine (µmol/L), CrCl (mL/min) and eGFR in rationales.
SHOWN_DIGITS = 1

# The message ids of each agent's renal item (§11 renal.za_dose, renal.pamidronate).
PREFIX = {BoneAgent.ZOLEDRONIC_ACID: "renal.za_dose", BoneAgent.PAMIDRONATE: "renal.pamidronate"}

declare(
    {
        "renal.before_bisphosphonate.not_yet": ("agent", "due", "days"),
        "renal.before_bisphosphonate.due": ("agent", "due", "days"),
        "renal.before_bisphosphonate.done": ("date", "value", "due"),
    }
)
for _prefix in PREFIX.values():
    declare(
        {
            f"{_prefix}.no_baseline": ("days",),
            f"{_prefix}.provisional_baseline": ("days", "creatinine", "date", "crcl"),
            f"{_prefix}.hold": ("baseline", "latest", "rise", "threshold", "since"),
            f"{_prefix}.hold_provisional": ("baseline", "latest", "rise", "threshold", "since"),
            f"{_prefix}.no_weight": ("egfr", "date"),
            f"{_prefix}.no_data": (),
            f"{_prefix}.not_recommended": ("crcl", "date"),
        }
    )
declare(
    {
        "renal.za_dose.ok": ("dose", "crcl", "creatinine", "date", "weight"),
        "renal.pamidronate.ok": ("crcl", "creatinine", "date", "weight"),
    }
)


def _shown(value: float) -> float:
    return round(value, SHOWN_DIGITS)


def _creatinine(umol_l: float) -> Quantity:
    """A creatinine value as shown in a rationale."""
    return Quantity(Analyte.CREATININE, _shown(umol_l))


def counts_until(drawn: dt.date, window_days: int) -> dt.date:
    """D34: the last day a pre-dose result drawn on ``drawn`` counts once the dose is overdue."""
    return add_days(drawn, window_days)


def pre_dose_counts(drawn: dt.date, due: dt.date, as_of: dt.date, window_days: int) -> bool:
    """D34: within the window before the due date; once overdue, within it before as_of."""
    return drawn >= add_days(max(due, as_of), -window_days)


def evaluate_before_bisphosphonate(ctx: Context) -> Finding:
    """§11 renal.before_bisphosphonate: a creatinine within 7 d before the next ZA or
    pamidronate dose; once overdue, within 7 d before as_of (D34)."""
    state = bta_state(ctx)
    due = state.next_due
    if not state.on_bta or due is None or state.agent is None:
        return off_bta(state)
    if state.agent not in BISPHOSPHONATES:
        return not_this_agent(state)
    if state.held:
        return held_finding(state)
    held = renal_hold(ctx)
    if held is not None:
        return held
    agent = state.agent.value
    opens = add_days(due, -ctx.lead_days)
    if ctx.as_of < opens:
        message = msg(
            "renal.before_bisphosphonate.not_yet", agent=agent, due=due, days=ctx.lead_days
        )
        return Finding(False, message, changes_on=opens)
    window = ctx.policy.whole("za.creatinine_window_days")
    latest = ctx.labs.latest(Analyte.CREATININE)
    if latest is not None and pre_dose_counts(latest.date, due, ctx.as_of, window):
        message = msg(
            "renal.before_bisphosphonate.done",
            date=latest.date,
            value=_creatinine(latest.si),
            due=due,
        )
        changes_on = add_days(counts_until(latest.date, window), 1)
        return Finding(True, message, last=entry_ref(latest.entry), changes_on=changes_on)
    last = entry_ref(latest.entry) if latest else None
    message = msg("renal.before_bisphosphonate.due", agent=agent, due=due, days=window)
    return Finding(True, message, due=due, last=last)


def _alert(
    message_id: str, facts: RenalFacts, began: dt.date, last: LabValue | None, **params: ParamValue
) -> Finding:
    """An urgent alert of an agent's renal item, citing the entries it rests on (D40, D45)."""
    return Finding(
        True,
        msg(message_id, **params),
        last=entry_ref(last.entry) if last is not None else None,
        alert=Severity.URGENT,
        trigger_date=began,
        cites=facts.cites(),
    )


def _hold(prefix: str, facts: RenalFacts) -> Finding | None:
    """§5 renal deterioration: the urgent hold alert while the hold lasts (D35)."""
    if facts.baseline is None or facts.hold_since is None or facts.latest is None:
        return None
    baseline, latest = facts.baseline.si, facts.latest.si
    return _alert(
        f"{prefix}.hold_provisional" if facts.provisional else f"{prefix}.hold",
        facts,
        facts.hold_since.date,
        facts.latest,
        baseline=_creatinine(baseline),
        latest=_creatinine(latest),
        rise=_creatinine(rounded(latest - baseline)),
        threshold=Quantity(Analyte.CREATININE, rise_threshold(baseline)),
        since=facts.hold_since.date,
    )


def _missing(prefix: str, facts: RenalFacts) -> Finding | None:
    """D13, D35: no weight to compute CrCl, or no baseline creatinine (info while only planned)."""
    latest = facts.latest_function
    if not facts.weighed:
        if latest is None:
            return _alert(f"{prefix}.no_data", facts, facts.needed_since, None)
        return _alert(
            f"{prefix}.no_weight",
            facts,
            facts.needed_since,
            facts.latest,
            egfr=_shown(latest.egfr),
            date=latest.date,
        )
    if facts.baseline is not None and not facts.provisional:
        return None
    base = facts.baseline_function
    if base is None or base.crcl is None:
        message = msg(f"{prefix}.no_baseline", days=BASELINE_WINDOW_DAYS)
    else:
        message = msg(
            f"{prefix}.provisional_baseline",
            days=BASELINE_WINDOW_DAYS,
            creatinine=_creatinine(base.creatinine_umol_l),
            date=base.date,
            crcl=_shown(base.crcl),
        )
    return Finding(
        True,
        message,
        last=entry_ref(base.creatinine) if base is not None else None,
        alert=Severity.INFO if facts.planned else Severity.URGENT,
        trigger_date=facts.needed_since,
        cites=facts.cites(),
    )


def _ok(facts: RenalFacts) -> Finding:
    """The ok finding: ZA shows its dose for the baseline CrCl (§5 table)."""
    base = facts.baseline_function
    assert base is not None
    assert base.crcl is not None
    assert base.weight is not None
    common: dict[str, ParamValue] = {
        "crcl": _shown(base.crcl),
        "creatinine": _creatinine(base.creatinine_umol_l),
        "date": base.date,
        "weight": base.weight.weight_kg,
    }
    if facts.agent is BoneAgent.ZOLEDRONIC_ACID:
        message = msg("renal.za_dose.ok", dose=za_dose_mg(base.crcl), **common)
    else:
        message = msg("renal.pamidronate.ok", **common)
    return Finding(True, message, last=entry_ref(base.creatinine), cites=facts.cites())


def evaluate_renal(ctx: Context, agent: BoneAgent) -> Finding:
    """§11 renal.za_dose / renal.pamidronate (D35): the first of not recommended, hold,
    record a weight, no baseline creatinine, else ok (for ZA the dose).

    While ZA is planned its baseline leaves the 30-d window with time alone; when
    the finding on that day is the same (e.g. "not recommended" on the latest CrCl,
    the same creatinine), it changes only when that later finding does.
    """
    finding = _evaluate_renal(ctx, agent)
    if finding.changes_on is None:
        return finding
    later = evaluate_renal(Context(ctx.history, finding.changes_on, ctx.policy), agent)
    if replace(later, changes_on=None) == replace(finding, changes_on=None):
        return later
    return finding


def _evaluate_renal(ctx: Context, agent: BoneAgent) -> Finding:
    facts = renal_facts(ctx, agent)
    if facts is None:
        return not_this_agent(bta_state(ctx))
    prefix = PREFIX[agent]
    low = facts.not_recommended
    if low is not None and low.crcl is not None and facts.low_since is not None:
        finding = _alert(
            f"{prefix}.not_recommended",
            facts,
            facts.low_since,
            facts.latest,
            crcl=_shown(low.crcl),
            date=low.date,
        )
    else:
        finding = _hold(prefix, facts) or _missing(prefix, facts) or _ok(facts)
    return replace(finding, changes_on=facts.changes_on)


def evaluate_za_dose(ctx: Context) -> Finding:
    """§11 renal.za_dose: on ZA, or ZA planned (D35)."""
    return evaluate_renal(ctx, BoneAgent.ZOLEDRONIC_ACID)


def evaluate_pamidronate(ctx: Context) -> Finding:
    """§11 renal.pamidronate: on pamidronate (D35)."""
    return evaluate_renal(ctx, BoneAgent.PAMIDRONATE)


RULES: tuple[ItemRule, ...] = (
    ItemRule(
        "renal.before_bisphosphonate",
        "§5 ZA renal checks; D34, D35",
        evaluate_before_bisphosphonate,
    ),
    ItemRule("renal.za_dose", "§5 table, renal deterioration; D13, D35", evaluate_za_dose),
    ItemRule("renal.pamidronate", "D35 (pamidronate label)", evaluate_pamidronate),
)
