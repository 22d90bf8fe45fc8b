"""Builders for the bone, dental and supplement care-item tests: dated entries, a history, a status."""

from __future__ import annotations

import datetime as dt
import itertools
import tomllib
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from mmtracker.logic import care
from mmtracker.logic.assessment import acknowledged
from mmtracker.logic.bta import BtaState, bta_state
from mmtracker.logic.care import CareItem, ItemRule
from mmtracker.logic.codes import (
    Analyte,
    BoneAgent,
    BoneTherapyEventKind,
    CalciumKind,
    DentalOutcome,
    InvasiveProcedure,
    Phase,
    ReviewDecision,
    Sex,
    TreatmentIntent,
)
from mmtracker.logic.context import Context
from mmtracker.logic.history import (
    ENTRY_KINDS,
    Acknowledgement,
    BoneTherapyDose,
    BoneTherapyEvent,
    DentalExam,
    Entry,
    LabResult,
    Patient,
    PatientHistory,
    PhaseChange,
    Supplement,
    TreatmentLine,
    Weight,
    build_history,
)
from mmtracker.logic.items import bone, bone_calcium, bone_renal, dental, supplements
from mmtracker.logic.policy import Policy, build_policy, read_specs

POLICY_FILE = Path(__file__).resolve().parents[2] / "resources" / "policy" / "default.toml"
ZA = BoneAgent.ZOLEDRONIC_ACID
DMAB = BoneAgent.DENOSUMAB
PAM = BoneAgent.PAMIDRONATE
RULES: dict[str, ItemRule] = {
    rule.id: rule
    for module in (bone, bone_renal, bone_calcium, dental, supplements)
    for rule in module.RULES
}
_KIND_OF = {entry_type: kind for kind, entry_type in ENTRY_KINDS.items()}
_ids = itertools.count(1)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _id(prefix: str) -> str:
    """A fresh id; ids grow in creation order, so same-day entries keep that order."""
    return f"{prefix}-{next(_ids):05d}"


def policy(overrides: Mapping[str, object] | None = None) -> Policy:
    """The shipped policy file (resources/policy/default.toml), with overrides."""
    with POLICY_FILE.open("rb") as handle:
        return build_policy(read_specs(tomllib.load(handle)), overrides)


DEFAULT_POLICY = policy()


def phase(date: str, which: Phase = Phase.NDMM) -> PhaseChange:
    return PhaseChange(id=_id("phase"), date=day(date), phase=which)


def dose(date: str, agent: BoneAgent = ZA, mg: float = 4.0) -> BoneTherapyDose:
    return BoneTherapyDose(id=_id("dose"), date=day(date), agent=agent, dose_mg=mg)


def stop(date: str) -> BoneTherapyEvent:
    return BoneTherapyEvent(id=_id("event"), date=day(date), kind=BoneTherapyEventKind.STOP)


def schedule(date: str, agent: BoneAgent, interval_days: int) -> BoneTherapyEvent:
    return BoneTherapyEvent(
        id=_id("event"),
        date=day(date),
        kind=BoneTherapyEventKind.SCHEDULE,
        agent=agent,
        interval_days=interval_days,
    )


def review(date: str, decision: ReviewDecision = ReviewDecision.CONTINUE) -> BoneTherapyEvent:
    return BoneTherapyEvent(
        id=_id("event"), date=day(date), kind=BoneTherapyEventKind.REVIEW, decision=decision
    )


def hold(date: str, resume: str | None = None) -> BoneTherapyEvent:
    """D33: a hold, with its expected resume date (None: hold + bta.hold_days)."""
    return BoneTherapyEvent(
        id=_id("event"),
        date=day(date),
        kind=BoneTherapyEventKind.HOLD,
        resume_date=day(resume) if resume else None,
    )


def treatment_line(
    start: str, intent: TreatmentIntent = TreatmentIntent.INDUCTION, number: int = 1
) -> TreatmentLine:
    return TreatmentLine(
        id=_id("line"), line_number=number, regimen="D-VRd", intent=intent, start_date=day(start)
    )


def declined(
    date: str, kind: BoneTherapyEventKind = BoneTherapyEventKind.DECLINED
) -> BoneTherapyEvent:
    return BoneTherapyEvent(id=_id("event"), date=day(date), kind=kind)


def dental_exam(
    date: str,
    procedure: InvasiveProcedure = InvasiveProcedure.NONE,
    procedure_date: str | None = None,
    outcome: DentalOutcome = DentalOutcome.FIT,
) -> DentalExam:
    return DentalExam(
        id=_id("dental"),
        date=day(date),
        outcome=outcome,
        invasive_procedure=procedure,
        procedure_date=day(procedure_date) if procedure_date else None,
    )


def creatinine(date: str, umol_l: float) -> LabResult:
    return LabResult(
        id=_id("lab"), date=day(date), analyte=Analyte.CREATININE, value=umol_l, unit="umol/L"
    )


def calcium(
    date: str,
    mmol_l: float,
    kind: CalciumKind = CalciumKind.ADJUSTED,
    low: float | None = None,
    high: float | None = None,
) -> LabResult:
    return LabResult(
        id=_id("lab"),
        date=day(date),
        analyte=Analyte.CALCIUM,
        value=mmol_l,
        unit="mmol/L",
        calcium_kind=kind,
        ref_low=low,
        ref_high=high,
    )


def albumin(date: str, g_l: float) -> LabResult:
    return LabResult(id=_id("lab"), date=day(date), analyte=Analyte.ALBUMIN, value=g_l, unit="g/L")


def vitamin_d(date: str, value: float, unit: str = "nmol/L") -> LabResult:
    return LabResult(
        id=_id("lab"), date=day(date), analyte=Analyte.VITAMIN_D, value=value, unit=unit
    )


def weight(date: str, kg: float) -> Weight:
    return Weight(id=_id("weight"), date=day(date), weight_kg=kg)


def supplement(start: str, end: str | None = None) -> Supplement:
    return Supplement(
        id=_id("supplement"),
        start_date=day(start),
        end_date=day(end) if end else None,
        calcium_mg=500,
        vitamin_d_iu=400,
    )


def ack(
    item_id: str, on: str, until: str, finding: CareItem | None = None, cites: tuple[str, ...] = ()
) -> Acknowledgement:
    """An acknowledgement; with ``finding``, of that finding (D40: message, severity, cites, due)."""
    return Acknowledgement(
        id=_id("ack"),
        item_id=item_id,
        acknowledged_on=day(on),
        until=day(until),
        reason="discussed with the patient",
        acknowledged_by="nurse",
        finding_message_id=finding.message.id if finding else None,
        finding_severity=finding.severity.value if finding and finding.severity else None,
        finding_cites=cites,
        finding_due=finding.due if finding else None,
    )


def history(*entries: Entry, born: str = "1966-01-01", sex: Sex = Sex.MALE) -> PatientHistory:
    """One patient (by default a man born 1966-01-01) with these entries."""
    patient = Patient(mrn="MRN-BONE", name="Bone Patient", sex=sex, date_of_birth=day(born))
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        grouped[_KIND_OF[type(entry)]].append(entry)
    return build_history(patient, grouped)


def context(record: PatientHistory, as_of: str, used: Policy = DEFAULT_POLICY) -> Context:
    return Context(record, day(as_of), used)


def state(record: PatientHistory, as_of: str, used: Policy = DEFAULT_POLICY) -> BtaState:
    return bta_state(context(record, as_of, used))


def item(
    item_id: str, record: PatientHistory, as_of: str, used: Policy = DEFAULT_POLICY
) -> CareItem:
    """The item's §11 status on ``as_of``, as the assessment resolves it."""
    rule = RULES[item_id]
    ctx = context(record, as_of, used)
    return care.resolve(
        rule.id,
        rule.source,
        rule.evaluate(ctx),
        ctx.as_of,
        ctx.lead_days,
        used.whole("snooze.max_days"),
        acknowledged(ctx),
    )


def statuses(item_id: str, record: PatientHistory, *dates: str) -> dict[str, str]:
    """The item's status on each date."""
    return {date: item(item_id, record, date).status.value for date in dates}
