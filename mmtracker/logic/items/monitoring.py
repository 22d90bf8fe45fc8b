"""Monitoring labs at the interval of the current phase (clinical-rules.md §11 labs.monitoring, §8).

A serum M-protein, urine M-protein or serum free light-chain result satisfies the
item; the next one is due the phase's interval after the latest (or after the start
of the current phase when there is none). In SMM the interval follows the Mayo 2018
group (§2a); for low risk it is the first-year interval when the latest result lies
in the first year after the SMM diagnosis, else the later one.

D24: a live patient with no phase entry is followed as SMM of unknown risk
(``labs.smm_unknown_months``), from the latest result or, with none, from the
registration date (``record.registration``).
"""

from __future__ import annotations

import datetime as dt

from mmtracker.logic.care import EntryRef, Finding, ItemRule
from mmtracker.logic.codes import Analyte, PatientStatus, Phase
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days, add_months
from mmtracker.logic.history import LabResult, PhaseChange
from mmtracker.logic.items.record import REGISTRATION_BASES, registration
from mmtracker.logic.messages import ParamValue, declare, msg
from mmtracker.logic.smm_risk import RiskGroup, smm_risk

ITEM = "labs.monitoring"

# §11 labs.monitoring, Satisfied by: a serum M-protein, urine M-protein or serum FLC result.
MONITORING_ANALYTES = frozenset(
    {Analyte.SERUM_MPROTEIN, Analyte.URINE_MPROTEIN, Analyte.FLC_KAPPA, Analyte.FLC_LAMBDA}
)
MONTHS_PER_YEAR = 12  # D18: "the first year after SMM diagnosis" counted in calendar months

# SMM interval by Mayo 2018 group; each basis names its policy key ``labs.<basis>_months``.
SMM_BASIS = {RiskGroup.HIGH: "smm_high", RiskGroup.INTERMEDIATE: "smm_intermediate"}
SMM_UNKNOWN = "smm_unknown"
SMM_LOW_FIRST_YEAR = "smm_low_first_year"
SMM_LOW = "smm_low"
ACTIVE = "active"  # NDMM, ASCT, RELAPSE: policy labs.active_days
MAINTENANCE = "maintenance"  # policy labs.maintenance_days

# The interval parameters of each basis's messages.
_INTERVAL_PARAMS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys((*SMM_BASIS.values(), SMM_UNKNOWN), ("months",)),
    **dict.fromkeys((SMM_LOW_FIRST_YEAR, SMM_LOW), ("months", "diagnosis")),
    **dict.fromkeys((ACTIVE, MAINTENANCE), ("days",)),
}

NO_PHASE = "no_phase"  # D24: no phase entry, followed as SMM of unknown risk

declare(
    {
        f"{ITEM}.not_in_care": ("since",),
        f"{ITEM}.{NO_PHASE}.last_result": ("last", "analyte", "months", "due"),
        **{
            f"{ITEM}.{NO_PHASE}.{basis}": ("start", "months", "due") for basis in REGISTRATION_BASES
        },
    }
)
declare(
    {
        **{
            f"{ITEM}.{basis}.last_result": ("phase", "last", "analyte", *names, "due")
            for basis, names in _INTERVAL_PARAMS.items()
        },
        # Without any M-protein or FLC result the Mayo 2018 group cannot be known (two of
        # its three factors are unknown), so an SMM patient counts from the phase start
        # only on the "risk unknown" interval.
        **{
            f"{ITEM}.{basis}.phase_start": ("phase", "start", *_INTERVAL_PARAMS[basis], "due")
            for basis in (SMM_UNKNOWN, ACTIVE, MAINTENANCE)
        },
    }
)


def _latest_result(ctx: Context) -> LabResult | None:
    """The latest quantitative M-protein or FLC result on or before as_of."""
    return next(
        (
            e
            for e in reversed(ctx.history.lab_results)
            if e.analyte in MONITORING_ANALYTES and e.value is not None
        ),
        None,
    )


def _treated_beyond_the_phase(ctx: Context, current: PhaseChange) -> bool:
    """D22: the current episode was opened by a line after the phase in force (a salvage
    line with no RELAPSE entry yet): the patient is on active therapy whatever the phase
    says, and ``record.phase`` asks for the entry.

    Reading where D22 is silent, erring toward showing: the active-therapy interval applies.
    """
    episode = ctx.episode
    return episode is not None and episode.phase is None and episode.start > current.date


def _interval(
    ctx: Context, current: PhaseChange, anchor: dt.date
) -> tuple[str, dict[str, ParamValue], dt.date]:
    """The basis of the interval after ``anchor``, its message parameters and the due date."""
    policy = ctx.policy
    phase = current.phase
    treated = _treated_beyond_the_phase(ctx, current)
    if phase is not Phase.SMM or treated:
        basis = MAINTENANCE if phase is Phase.MAINTENANCE and not treated else ACTIVE
        days = policy.whole(f"labs.{basis}_days")
        return basis, {"days": days}, add_days(anchor, days)
    group = smm_risk(ctx).mayo_2018.group
    diagnosis = ctx.phases.first(Phase.SMM)
    params: dict[str, ParamValue] = {}
    if group is RiskGroup.LOW and diagnosis is not None:
        first_year = anchor < add_months(diagnosis.date, MONTHS_PER_YEAR)
        basis = SMM_LOW_FIRST_YEAR if first_year else SMM_LOW
        params["diagnosis"] = diagnosis.date
    else:
        basis = SMM_BASIS.get(group, SMM_UNKNOWN) if group is not None else SMM_UNKNOWN
    months = policy.whole(f"labs.{basis}_months")
    return basis, {"months": months, **params}, add_months(anchor, months)


def evaluate(ctx: Context) -> Finding:
    """§11 labs.monitoring: the next M-protein or FLC result at the current phase's interval."""
    patient = ctx.history.patient
    if patient.status is not PatientStatus.ACTIVE:
        return Finding(False, msg(f"{ITEM}.not_in_care", since=patient.status_date))
    current = ctx.phases.current
    last = _latest_result(ctx)
    if current is None:
        return _without_phase(ctx, last)
    anchor = last.date if last is not None else current.date
    basis, interval, due = _interval(ctx, current, anchor)
    phase = current.phase.value
    if last is None:
        message = msg(
            f"{ITEM}.{basis}.phase_start", phase=phase, start=current.date, due=due, **interval
        )
        return Finding(True, message, due=due)
    message = msg(
        f"{ITEM}.{basis}.last_result",
        phase=phase,
        last=last.date,
        analyte=last.analyte.value,
        due=due,
        **interval,
    )
    return Finding(True, message, due=due, last=EntryRef("lab_results", last.id, last.date))


def _without_phase(ctx: Context, last: LabResult | None) -> Finding:
    """D24: no phase entry: SMM of unknown risk, from the latest result or the registration."""
    months = ctx.policy.whole(f"labs.{SMM_UNKNOWN}_months")
    if last is not None:
        due = add_months(last.date, months)
        message = msg(
            f"{ITEM}.{NO_PHASE}.last_result",
            last=last.date,
            analyte=last.analyte.value,
            months=months,
            due=due,
        )
        return Finding(True, message, due=due, last=EntryRef("lab_results", last.id, last.date))
    registered = registration(ctx)
    due = add_months(registered.date, months)
    message = msg(
        f"{ITEM}.{NO_PHASE}.{registered.basis}", start=registered.date, months=months, due=due
    )
    return Finding(True, message, due=due, changes_on=registered.changes_on(ctx.as_of))


RULES: tuple[ItemRule, ...] = (ItemRule(ITEM, "§8 (policy, [U])", evaluate),)
