"""Evidence note on melphalan 200 vs 140 mg/m² before a planned transplant (clinical-rules.md D7, §7).

The app never prescribes. While a planned ASCT is not yet performed, the note
shows the seed study's subgroup result (Mirgh 2026, seed 000) beside this
patient's pre-ASCT MRD, PET-CT and cytogenetic status, the centre-practice
reasons for Mel140 (age, CrCl; D13 without a weight) and the EBMT/CALM and
CIBMTR counterpoints. MRD and PET-CT are taken from the asct.pre_window_days
before the planned date, else the latest at all (said so); only results in the
window place the patient in a subgroup of the study.
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
from mmtracker.logic.staging import Flag, any_of, staging

ITEM = "asct.conditioning_note"

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
RISK_DEFINITIONS = ("ims_2025", "imwg_2016")

declare(
    {
        f"{ITEM}.no_plan": (),
        f"{ITEM}.performed": ("performed",),
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
        **{f"{ITEM}.cytogenetics.{name}.high": ("present",) for name in RISK_DEFINITIONS},
        **{f"{ITEM}.cytogenetics.{name}.not_high": () for name in RISK_DEFINITIONS},
        **{f"{ITEM}.cytogenetics.{name}.unknown": () for name in RISK_DEFINITIONS},
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


@dataclass(frozen=True, slots=True)
class ConditioningNote:
    """The D7 note for one planned transplant: the headline and its lines, in reading order."""

    planned: dt.date
    subgroup: Subgroup
    adverse: tuple[str, ...]  # ADVERSE_FEATURES values found
    unknown: tuple[str, ...]  # ADVERSE_FEATURES keys not known in the window
    headline: Message
    lines: tuple[Message, ...]


def _pending(ctx: Context) -> Transplant | None:
    """The earliest planned transplant not yet performed."""
    plans = [t for t in ctx.history.transplants if t.planned_date and t.performed_date is None]
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


def _mrd(ctx: Context, planned: dt.date, days: int) -> tuple[Message, Flag]:
    """The MRD line; adverse True when positive, False when negative at ≥10⁻⁵ (§6), in the window."""
    test, in_window = _pre_asct(ctx.history.mrd_tests, planned, days)
    if test is None:
        return msg(f"{ITEM}.mrd.none"), None
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
    if not in_window or state == "negative_insufficient":
        return message, None
    return message, state == "positive"


def _pet(ctx: Context, planned: dt.date, days: int) -> tuple[Message, Flag]:
    """The PET-CT line; adverse True when FDG-avid, False when not, in the window."""
    pets = [i for i in ctx.history.imaging if i.modality is ImagingModality.PET_CT]
    pet, in_window = _pre_asct(pets, planned, days)
    if pet is None:
        return msg(f"{ITEM}.pet.none"), None
    state = {True: "fdg_avid", False: "not_fdg_avid", None: "not_recorded"}[pet.fdg_avid]
    message = msg(
        f"{ITEM}.pet.{state}.{_window(in_window)}", date=pet.date, planned=planned, days=days
    )
    return message, pet.fdg_avid if in_window else None


def _cytogenetics(ctx: Context) -> tuple[tuple[Message, ...], Flag]:
    """IMS 2025 and IMWG 2016 high risk (§3d); adverse when either finds it, standard when
    neither does and both are known."""
    found = staging(ctx)
    lines = []
    for name, risk in zip(RISK_DEFINITIONS, (found.ims_2025, found.imwg_2016), strict=True):
        if risk.high_risk:
            lines.append(msg(f"{ITEM}.cytogenetics.{name}.high", present=", ".join(risk.present)))
        else:
            state = "unknown" if risk.high_risk is None else "not_high"
            lines.append(msg(f"{ITEM}.cytogenetics.{name}.{state}"))
    return tuple(lines), any_of(found.ims_2025.high_risk, found.imwg_2016.high_risk)


def _age(ctx: Context, planned: dt.date) -> Message:
    """D7: age on the planned date above asct.mel140_age."""
    age = age_on(ctx.history.patient.date_of_birth, planned)
    limit = ctx.policy.whole("asct.mel140_age")
    key = "above" if age > limit else "not_above"
    return msg(f"{ITEM}.age.{key}", age=age, limit=limit, planned=planned)


def _crcl(ctx: Context) -> Message:
    """D7: CrCl below asct.mel140_crcl; D13: without a weight, record one (eGFR shown)."""
    renal = renal_function_at(ctx)
    if renal is None:
        return msg(f"{ITEM}.crcl.no_creatinine")
    if renal.crcl is None or renal.weight is None:
        return msg(
            f"{ITEM}.crcl.no_weight",
            egfr=round(renal.egfr, SHOWN_DECIMALS),
            creatinine_date=renal.date,
        )
    limit = ctx.policy.whole("asct.mel140_crcl")
    key = "below" if comparable(renal.crcl) < limit else "not_below"
    return msg(
        f"{ITEM}.crcl.{key}",
        crcl=round(renal.crcl, SHOWN_DECIMALS),
        limit=limit,
        creatinine_date=renal.date,
        weight=renal.weight.weight_kg,
        weight_date=renal.weight.date,
    )


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
    mrd_line, mrd = _mrd(ctx, planned, days)
    pet_line, pet = _pet(ctx, planned, days)
    cyto_lines, cyto = _cytogenetics(ctx)
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
    lines = (mrd_line, pet_line, *cyto_lines, _age(ctx, planned), _crcl(ctx), *EVIDENCE)
    return ConditioningNote(planned, subgroup, adverse, unknown, headline, lines)


def conditioning_note(ctx: Context) -> ConditioningNote | None:
    """The D7 note for the earliest planned transplant not yet performed, or None."""
    return ctx.memo(ITEM, _note)


def evaluate(ctx: Context) -> Finding:
    """§11 asct.conditioning_note: info alert with the D7 note until the transplant is performed."""
    note = conditioning_note(ctx)
    if note is not None:
        return Finding(True, note.headline, alert=Severity.INFO)
    performed = [t.performed_date for t in ctx.history.transplants if t.performed_date]
    if performed:
        return Finding(False, msg(f"{ITEM}.performed", performed=max(performed)))
    return Finding(False, msg(f"{ITEM}.no_plan"))


RULES: tuple[ItemRule, ...] = (ItemRule(ITEM, "D7", evaluate),)
