"""Evidence note on melphalan 200 vs 140 mg/m² before a planned transplant (clinical-rules.md D7,
§7; D29, D39, D40, D45).

The app never prescribes. While a planned ASCT is neither performed nor withdrawn,
until the planned date + 30 d (D39), the note shows the seed study's subgroup
result (Mirgh 2026, seed 000) beside this patient's pre-ASCT MRD, PET-CT and
cytogenetic risk, the centre-practice reasons for Mel140 (age, CrCl; D13 without a
weight) and the EBMT/CALM and CIBMTR counterpoints. MRD and PET-CT are taken from
the asct.pre_window_days before the planned date, else the latest at all (said
so); only results in the window place the patient in a subgroup of the study.
The cytogenetic risk is D29's: IMS 2025 criteria 1-3 over every abnormality ever
found, not β2M and not hyperdiploidy.

The note cites (D40) the plan and every entry a line rests on; it began (D45) on
the latest of their dates, or with none dated, at the current episode's start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from mmtracker.logic.care import Finding, ItemRule, Severity
from mmtracker.logic.codes import ImagingModality, MrdResult
from mmtracker.logic.context import Context
from mmtracker.logic.crab import comparable
from mmtracker.logic.dates import add_days, age_on
from mmtracker.logic.history import Imaging, MrdTest, Transplant
from mmtracker.logic.messages import Message, declare, msg
from mmtracker.logic.renal import renal_function_at
from mmtracker.logic.response_imwg2016 import MRD_SENSITIVITY
from mmtracker.logic.staging import RISK_FINDINGS, Flag, abnormal, cytogenetic_risk

ITEM = "asct.conditioning_note"
CLOSES_AFTER_DAYS = 30  # D39: pre-ASCT items close at the planned date + 30 d

# §7 Mirgh 2026 (seed 000): 176 patients; grade 3-4 mucositis 50% with Mel200 vs 26% with Mel140.
MIRGH_PATIENTS = 176
MIRGH_MUCOSITIS_MEL200_PERCENT = 50
MIRGH_MUCOSITIS_MEL140_PERCENT = 26
# §7 EBMT/CALM (Auner 2018): 1,964 patients.
CALM_PATIENTS = 1964
# §7 CIBMTR renal analysis (PMC5859934): 1,492 patients; moderate renal impairment
# (CrCl 30-59 mL/min): 5-year PFS 46% with Mel200 vs 18% with Mel140.
CIBMTR_PATIENTS = 1492
CIBMTR_MODERATE_CRCL_FROM = 30
CIBMTR_MODERATE_CRCL_TO = 59
CIBMTR_PFS_MEL200_PERCENT = 46
CIBMTR_PFS_MEL140_PERCENT = 18

SHOWN_DECIMALS = 1  # CrCl and eGFR as shown; comparisons use the unrounded value


class Subgroup(StrEnum):
    """Where this patient's pre-ASCT inputs fall among the Mirgh 2026 subgroups."""

    MEL200_BETTER = "mel200_subgroup"  # PET-CT positive, MRD-positive or high-risk cytogenetics
    MEL140_NOT_INFERIOR = "mel140_subgroup"  # MRD-negative, PET-CT negative and standard risk
    UNDETERMINED = "undetermined"  # no adverse feature found, but not all three known


# Each seed-study input: its name when unknown, and its adverse feature.
ADVERSE_FEATURES = {
    "mrd": "mrd_positive",
    "pet_ct": "pet_ct_positive",
    "cytogenetics": "high_risk_cytogenetics",
}
MRD_STATES = ("positive", "negative", "negative_insufficient")
PET_STATES = ("fdg_avid", "not_fdg_avid", "not_recorded")
WINDOWS = ("in_window", "outside_window")

declare(
    {
        f"{ITEM}.no_plan": (),
        f"{ITEM}.performed": ("performed",),
        f"{ITEM}.withdrawn": ("planned", "withdrawn"),
        f"{ITEM}.closed": ("planned", "closed"),
        f"{ITEM}.{Subgroup.MEL200_BETTER}": ("planned", "features"),
        f"{ITEM}.{Subgroup.MEL140_NOT_INFERIOR}": ("planned",),
        f"{ITEM}.{Subgroup.UNDETERMINED}": ("planned", "unknown"),
        f"{ITEM}.mrd.none": (),
        f"{ITEM}.pet.none": (),
        **{
            f"{ITEM}.mrd.{state}.{window}": ("date", "method", "sensitivity", "planned", "days")
            for state in MRD_STATES
            for window in WINDOWS
        },
        **{
            f"{ITEM}.pet.{state}.{window}": ("date", "planned", "days")
            for state in PET_STATES
            for window in WINDOWS
        },
        f"{ITEM}.cytogenetics.high": ("present", "abnormalities", "since"),
        f"{ITEM}.cytogenetics.standard": ("latest",),
        f"{ITEM}.cytogenetics.unknown": ("missing",),
        f"{ITEM}.age.above": ("age", "limit", "planned"),
        f"{ITEM}.age.not_above": ("age", "limit", "planned"),
        **{
            f"{ITEM}.crcl.{side}": ("crcl", "limit", "creatinine_date", "weight", "weight_date")
            for side in ("below", "not_below")
        },
        f"{ITEM}.crcl.no_weight": ("egfr", "creatinine_date"),
        f"{ITEM}.crcl.no_creatinine": (),
        f"{ITEM}.evidence.mirgh_2026": (
            "patients",
            "mucositis_mel200_percent",
            "mucositis_mel140_percent",
        ),
        f"{ITEM}.evidence.ebmt_calm": ("patients",),
        f"{ITEM}.evidence.cibmtr": (
            "patients",
            "crcl_from",
            "crcl_to",
            "pfs_mel200_percent",
            "pfs_mel140_percent",
        ),
    }
)

_Test = TypeVar("_Test", Imaging, MrdTest)
_Cited = tuple[str, dt.date]  # an entry a line rests on: its id and date


@dataclass(frozen=True, slots=True)
class ConditioningNote:
    """The D7 note for one planned transplant: the headline and its lines, in reading order."""

    planned: dt.date
    subgroup: Subgroup
    adverse: tuple[str, ...]  # ADVERSE_FEATURES values found
    unknown: tuple[str, ...]  # ADVERSE_FEATURES keys not known in the window
    headline: Message
    lines: tuple[Message, ...]
    cites: tuple[str, ...]  # D40: the plan and the entries the lines rest on
    began: dt.date  # D45: the latest date among them (else the episode or phase start, the plan)


def closes_on(planned: dt.date) -> dt.date:
    """D39: the day a plan's pre-ASCT items close (planned date + 30 d)."""
    return add_days(planned, CLOSES_AFTER_DAYS)


def _pending(ctx: Context) -> Transplant | None:
    """D39: the earliest plan neither performed nor withdrawn, before its closure date."""
    plans = [
        t
        for t in ctx.history.transplants
        if t.planned_date
        and t.performed_date is None
        and t.withdrawn_date is None
        and ctx.as_of < closes_on(t.planned_date)
    ]
    return min(plans, key=lambda t: (t.planned_date, t.id), default=None)


def _pre_asct(tests: Sequence[_Test], planned: dt.date, days: int) -> tuple[_Test | None, bool]:
    """The latest test within ``days`` before the planned date (both ends inclusive), else the
    latest at all; and whether it lies in that window."""
    start = add_days(planned, -days)
    in_window = [t for t in tests if start <= t.date <= planned]
    if in_window:
        return in_window[-1], True
    return (tests[-1] if tests else None), False


def _window(in_window: bool) -> str:
    return WINDOWS[0] if in_window else WINDOWS[1]


Line = tuple[Message, Flag, tuple[_Cited, ...]]


def _mrd(ctx: Context, planned: dt.date, days: int) -> Line:
    """The MRD line; adverse True when positive, False when negative at ≥10⁻⁵ (§6), in the window."""
    test, in_window = _pre_asct(ctx.history.mrd_tests, planned, days)
    if test is None:
        return msg(f"{ITEM}.mrd.none"), None, ()
    if test.result is MrdResult.POSITIVE:
        state = "positive"
    else:
        state = "negative" if test.sensitivity <= MRD_SENSITIVITY else "negative_insufficient"
    message = msg(
        f"{ITEM}.mrd.{state}.{_window(in_window)}",
        date=test.date,
        method=test.method.value,
        sensitivity=test.sensitivity,
        planned=planned,
        days=days,
    )
    cited = ((test.id, test.date),)
    if not in_window or state == "negative_insufficient":
        return message, None, cited
    return message, state == "positive", cited


def _pet(ctx: Context, planned: dt.date, days: int) -> Line:
    """The PET-CT line; adverse True when FDG-avid, False when not, in the window."""
    pets = [i for i in ctx.history.imaging if i.modality is ImagingModality.PET_CT]
    pet, in_window = _pre_asct(pets, planned, days)
    if pet is None:
        return msg(f"{ITEM}.pet.none"), None, ()
    state = {True: "fdg_avid", False: "not_fdg_avid", None: "not_recorded"}[pet.fdg_avid]
    message = msg(
        f"{ITEM}.pet.{state}.{_window(in_window)}", date=pet.date, planned=planned, days=days
    )
    return message, pet.fdg_avid if in_window else None, ((pet.id, pet.date),)


def _cytogenetics(ctx: Context) -> Line:
    """D29 cytogenetic risk (IMS 2025 criteria 1-3, cumulative): adverse when high, standard
    when every criterion is known not met, else unknown with what is missing."""
    risk = cytogenetic_risk(ctx)
    cited = tuple((i.entry_id, i.date) for i in risk.inputs if i.entry_id is not None)
    if risk.high_risk:
        found = [i for i in risk.inputs if i.name in RISK_FINDINGS and abnormal(i.name, i.value)]
        message = msg(
            f"{ITEM}.cytogenetics.high",
            present=", ".join(risk.present),
            abnormalities=", ".join(i.name for i in found),
            since=risk.since,
        )
    elif risk.high_risk is False:
        message = msg(f"{ITEM}.cytogenetics.standard", latest=max(i.date for i in risk.inputs))
    else:
        missing = ", ".join(m.id.removeprefix("staging.missing.") for m in risk.missing)
        message = msg(f"{ITEM}.cytogenetics.unknown", missing=missing)
    return message, risk.high_risk, cited


def _age(ctx: Context, planned: dt.date) -> Message:
    """D7: age on the planned date above asct.mel140_age."""
    age = age_on(ctx.history.patient.date_of_birth, planned)
    limit = ctx.policy.whole("asct.mel140_age")
    key = "above" if age > limit else "not_above"
    return msg(f"{ITEM}.age.{key}", age=age, limit=limit, planned=planned)


def _crcl(ctx: Context) -> tuple[Message, tuple[_Cited, ...]]:
    """D7: CrCl below asct.mel140_crcl; D13: without a weight, record one (eGFR shown)."""
    renal = renal_function_at(ctx)
    if renal is None:
        return msg(f"{ITEM}.crcl.no_creatinine"), ()
    creatinine = ((renal.creatinine.id, renal.date),)
    if renal.crcl is None or renal.weight is None:
        message = msg(
            f"{ITEM}.crcl.no_weight",
            egfr=round(renal.egfr, SHOWN_DECIMALS),
            creatinine_date=renal.date,
        )
        return message, creatinine
    limit = ctx.policy.whole("asct.mel140_crcl")
    key = "below" if comparable(renal.crcl) < limit else "not_below"
    cited = (*creatinine, (renal.weight.id, renal.weight.date))
    message = msg(
        f"{ITEM}.crcl.{key}",
        crcl=round(renal.crcl, SHOWN_DECIMALS),
        limit=limit,
        creatinine_date=renal.date,
        weight=renal.weight.weight_kg,
        weight_date=renal.weight.date,
    )
    return message, cited


EVIDENCE = (
    msg(
        f"{ITEM}.evidence.mirgh_2026",
        patients=MIRGH_PATIENTS,
        mucositis_mel200_percent=MIRGH_MUCOSITIS_MEL200_PERCENT,
        mucositis_mel140_percent=MIRGH_MUCOSITIS_MEL140_PERCENT,
    ),
    msg(f"{ITEM}.evidence.ebmt_calm", patients=CALM_PATIENTS),
    msg(
        f"{ITEM}.evidence.cibmtr",
        patients=CIBMTR_PATIENTS,
        crcl_from=CIBMTR_MODERATE_CRCL_FROM,
        crcl_to=CIBMTR_MODERATE_CRCL_TO,
        pfs_mel200_percent=CIBMTR_PFS_MEL200_PERCENT,
        pfs_mel140_percent=CIBMTR_PFS_MEL140_PERCENT,
    ),
)


def _note(ctx: Context) -> ConditioningNote | None:
    plan = _pending(ctx)
    if plan is None or plan.planned_date is None:
        return None
    planned = plan.planned_date
    days = ctx.policy.whole("asct.pre_window_days")
    mrd_line, mrd, mrd_cited = _mrd(ctx, planned, days)
    pet_line, pet, pet_cited = _pet(ctx, planned, days)
    cyto_line, cyto, cyto_cited = _cytogenetics(ctx)
    crcl_line, crcl_cited = _crcl(ctx)
    flags = {"mrd": mrd, "pet_ct": pet, "cytogenetics": cyto}
    adverse = tuple(ADVERSE_FEATURES[name] for name, flag in flags.items() if flag)
    unknown = tuple(name for name, flag in flags.items() if flag is None)
    if adverse:
        subgroup = Subgroup.MEL200_BETTER
        headline = msg(f"{ITEM}.{subgroup}", planned=planned, features=", ".join(adverse))
    elif unknown:
        subgroup = Subgroup.UNDETERMINED
        headline = msg(f"{ITEM}.{subgroup}", planned=planned, unknown=", ".join(unknown))
    else:
        subgroup = Subgroup.MEL140_NOT_INFERIOR
        headline = msg(f"{ITEM}.{subgroup}", planned=planned)
    lines = (mrd_line, pet_line, cyto_line, _age(ctx, planned), crcl_line, *EVIDENCE)
    cited = (*mrd_cited, *pet_cited, *cyto_cited, *crcl_cited)
    began = max((d for _, d in cited), default=_began_without_entries(ctx, planned))
    cites = (plan.id, *sorted({entry_id for entry_id, _ in cited}))
    return ConditioningNote(planned, subgroup, adverse, unknown, headline, lines, cites, began)


def _began_without_entries(ctx: Context, planned: dt.date) -> dt.date:
    """D45 when the note cites no entry: the episode start, else the phase start, else the plan's date."""
    if ctx.episode is not None:
        return ctx.episode.start
    current = ctx.phases.current
    return current.date if current is not None else planned


def conditioning_note(ctx: Context) -> ConditioningNote | None:
    """The D7 note for the earliest pending planned transplant (D39), or None."""
    return ctx.memo(ITEM, _note)


def _closed(ctx: Context) -> Finding:
    """Why no note applies: the latest plan's outcome (performed, withdrawn, closed, D39)."""
    outcomes: list[tuple[dt.date, Message]] = []
    for plan in ctx.history.transplants:
        if plan.performed_date is not None:
            outcomes.append(
                (plan.performed_date, msg(f"{ITEM}.performed", performed=plan.performed_date))
            )
        elif plan.planned_date is not None and plan.withdrawn_date is not None:
            outcomes.append(
                (
                    plan.withdrawn_date,
                    msg(
                        f"{ITEM}.withdrawn",
                        planned=plan.planned_date,
                        withdrawn=plan.withdrawn_date,
                    ),
                )
            )
        elif plan.planned_date is not None:
            closed = closes_on(plan.planned_date)
            outcomes.append(
                (closed, msg(f"{ITEM}.closed", planned=plan.planned_date, closed=closed))
            )
    if not outcomes:
        return Finding(False, msg(f"{ITEM}.no_plan"))
    return Finding(False, max(outcomes, key=lambda o: o[0])[1])


def evaluate(ctx: Context) -> Finding:
    """§11 asct.conditioning_note: info alert with the D7 note while a plan is pending (D39)."""
    note = conditioning_note(ctx)
    if note is None:
        return _closed(ctx)
    return Finding(
        True,
        note.headline,
        alert=Severity.INFO,
        trigger_date=note.began,
        changes_on=closes_on(note.planned),
        cites=note.cites,
    )


RULES: tuple[ItemRule, ...] = (ItemRule(ITEM, "D7", evaluate),)
