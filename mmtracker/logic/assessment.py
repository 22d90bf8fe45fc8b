"""One patient's assessment on one date: phase, scores, response, renal function and care items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from mmtracker.logic.bisphosphonate_renal import renal_facts
from mmtracker.logic.care import CareItem, Finding, ItemRule, resolve
from mmtracker.logic.codes import BoneAgent, PatientStatus, Phase
from mmtracker.logic.context import Context
from mmtracker.logic.crab import SlimCrab, slim_crab
from mmtracker.logic.history import Acknowledgement, PatientHistory
from mmtracker.logic.items import RULES
from mmtracker.logic.items.conditioning import ConditioningNote, conditioning_note
from mmtracker.logic.messages import declare, msg
from mmtracker.logic.phases import closed_since
from mmtracker.logic.policy import Policy, PolicyValue
from mmtracker.logic.renal import RenalFunction, renal_function_at, za_dose_mg
from mmtracker.logic.response import (
    CurrentResponse,
    MrdStatus,
    ResponseResult,
    current_response,
    mrd_status,
    response,
)
from mmtracker.logic.smm_risk import SmmRisk, smm_risk
from mmtracker.logic.staging import Staging, staging

declare({"patient.closed": ("status", "since")})


@dataclass(frozen=True, slots=True)
class PhaseStep:
    """One step of the phase timeline."""

    date: dt.date
    phase: Phase
    line_number: int | None


@dataclass(frozen=True, slots=True)
class RenalSummary:
    """Renal function now, and the zoledronic acid dose for the baseline CrCl (§5 table, D13, D35).

    The ZA baseline's CrCl uses the weight closest to it within 90 d, else the latest (D35).
    """

    current: RenalFunction | None
    za_baseline: RenalFunction | None
    za_dose_mg: float | None  # None: not recommended (CrCl < 30) or not computable

    @property
    def za_dose_computable(self) -> bool:
        return self.za_baseline is not None and self.za_baseline.crcl is not None


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the rules say about one patient as of one date (clinical-rules.md §1-§11)."""

    as_of: dt.date
    mrn: str
    status: PatientStatus
    status_date: dt.date | None
    age: int
    phase: Phase | None
    timeline: tuple[PhaseStep, ...]
    slim_crab: SlimCrab
    staging: Staging | None
    smm_risk: SmmRisk | None
    renal: RenalSummary
    response: ResponseResult | None
    current_response: CurrentResponse | None
    mrd: MrdStatus
    conditioning: ConditioningNote | None  # D7 evidence note before a planned ASCT
    items: tuple[CareItem, ...]
    policy: Mapping[str, PolicyValue]
    policy_digest: str


def _renal(ctx: Context) -> RenalSummary:
    current = renal_function_at(ctx)
    za = renal_facts(ctx, BoneAgent.ZOLEDRONIC_ACID)
    baseline = za.baseline_function if za else None
    dose = za_dose_mg(baseline.crcl) if baseline and baseline.crcl is not None else None
    return RenalSummary(current, baseline, dose)


def item_findings(
    ctx: Context, rules: tuple[ItemRule, ...] = RULES
) -> tuple[tuple[ItemRule, Finding], ...]:
    """What each rule finds on ``ctx.as_of``; none applies once the patient left care (§11 Phases)."""
    closed = closed_since(ctx.history)
    if closed is not None and closed <= ctx.as_of:
        status = ctx.history.patient.status.value
        finding = Finding(False, msg("patient.closed", status=status, since=closed))
        return tuple((rule, finding) for rule in rules)
    return tuple((rule, rule.evaluate(ctx)) for rule in rules)


def state_valid_until(ctx: Context, findings: Iterable[Finding]) -> dt.date | None:
    """The first date after ``ctx.as_of`` on which the findings could differ, or None.

    The earliest of each finding's ``changes_on`` and the date the record reveals an
    entry or fact the context does not know yet. Before it every finding stays the
    same; only the statuses derived from due dates and snoozes move with the date.
    """
    return min(
        (d for d in (ctx.next_known, *(f.changes_on for f in findings)) if d is not None),
        default=None,
    )


_RULES_BY_ID = {rule.id: rule for rule in RULES}


def _with_finding(ctx: Context, ack: Acknowledgement) -> Acknowledgement:
    rule = _RULES_BY_ID.get(ack.item_id)
    if ack.finding_message_id is not None or rule is None:
        return ack
    then = Context(ctx.history, ack.acknowledged_on, ctx.policy)
    ((_, finding),) = item_findings(then, (rule,))
    return replace(
        ack,
        finding_message_id=finding.message.id,
        finding_severity=finding.alert.value if finding.alert is not None else None,
        finding_cites=finding.cites,
        finding_due=None if finding.alert is not None else finding.due,
    )


def acknowledged(ctx: Context) -> tuple[Acknowledgement, ...]:
    """D40: the acknowledgements known on ``ctx.as_of``, each with the finding it acknowledged.

    One stored without its finding (made before D40, or written by hand) acknowledged
    what its item found on the day it was made: that finding is computed from the
    record as known that day, so a changed finding since ends its snooze.
    """
    return ctx.memo(
        "acknowledged", lambda c: tuple(_with_finding(c, ack) for ack in c.history.acknowledgements)
    )


def evaluate_items(ctx: Context, rules: tuple[ItemRule, ...] = RULES) -> tuple[CareItem, ...]:
    """Every care item on ``ctx.as_of``; all not applicable once the patient left care (§11 Phases)."""
    snooze_days = ctx.policy.whole("snooze.max_days")
    return tuple(
        resolve(
            rule.id,
            rule.source,
            finding,
            ctx.as_of,
            ctx.lead_days,
            snooze_days,
            acknowledged(ctx),
        )
        for rule, finding in item_findings(ctx, rules)
    )


def assess(history: PatientHistory, as_of: dt.date, policy: Policy) -> Assessment:
    """Assess a patient's history as of a date under a policy; never reads the clock."""
    ctx = Context(history, as_of, policy)
    phases = ctx.phases
    active = phases.active_mm
    return Assessment(
        as_of=as_of,
        mrn=ctx.history.patient.mrn,
        status=ctx.history.patient.status,
        status_date=ctx.history.patient.status_date,
        age=ctx.age,
        phase=phases.phase,
        timeline=tuple(PhaseStep(c.date, c.phase, c.line_number) for c in phases.changes),
        slim_crab=slim_crab(ctx),
        staging=staging(ctx) if active else None,
        smm_risk=smm_risk(ctx) if phases.phase is Phase.SMM else None,
        renal=_renal(ctx),
        response=response(ctx) if active else None,
        current_response=current_response(ctx) if active else None,
        mrd=mrd_status(ctx),
        conditioning=conditioning_note(ctx),
        items=evaluate_items(ctx),
        policy=dict(policy.values),
        policy_digest=policy.digest,
    )
