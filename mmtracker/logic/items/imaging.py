"""Whole-body imaging at diagnosis and during SMM (clinical-rules.md §11, §5 Imaging; D22, D42).

``imaging.baseline`` applies at each diagnosis date — SMM, the first NDMM date, or
for a patient with active MM and no NDMM entry the first episode start (D22) — and
closes 12 months after it (D42), keeping "not done at diagnosis".
"""

from __future__ import annotations

import datetime as dt
from itertools import takewhile

from mmtracker.logic.care import EntryRef, Finding, ItemRule
from mmtracker.logic.codes import WHOLE_BODY_MODALITIES, ImagingModality, Phase
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days, add_months
from mmtracker.logic.history import Imaging
from mmtracker.logic.messages import declare, msg
from mmtracker.logic.staging import diagnosis

# §11 imaging.baseline, Satisfied by: imaging from 60 d before the diagnosis onward.
BASELINE_LOOKBACK_DAYS = 60

# §11 imaging.baseline: these satisfy it fully; a skeletal survey only as "suboptimal".
BASELINE_MODALITIES = frozenset(
    {ImagingModality.WBLDCT, ImagingModality.PET_CT, ImagingModality.WB_MRI}
)
# §11 imaging.smm_mri, Satisfied by: whole-body MRI or PET-CT (the other whole-body
# modalities, CT and skeletal survey, are the ones that open the item).
SMM_MRI_MODALITIES = frozenset({ImagingModality.WB_MRI, ImagingModality.PET_CT})

MONTHS_PER_YEAR = 12  # D18: imaging.smm_years counted in calendar months
CLOSES_AFTER_MONTHS = 12  # D42: imaging.baseline closes 12 months after its diagnosis date

declare(
    {
        "imaging.baseline.no_diagnosis": (),
        "imaging.baseline.due": ("phase", "diagnosis", "since", "due"),
        "imaging.baseline.done": ("phase", "diagnosis", "modality", "date"),
        "imaging.baseline.suboptimal": ("phase", "diagnosis", "date"),
        "imaging.baseline.closed": ("phase", "diagnosis", "modality", "date", "closed"),
        "imaging.baseline.not_done_at_diagnosis": ("phase", "diagnosis", "closed"),
        "imaging.smm_mri.not_smm": (),
        "imaging.smm_mri.no_imaging": (),
        "imaging.smm_mri.not_needed": ("modality", "date"),
        "imaging.smm_mri.lytic": ("modality", "date", "lesions"),
        "imaging.smm_mri.due": ("modality", "date", "days", "due"),
        "imaging.smm_mri.done": ("modality", "date"),
        "imaging.smm_followup.not_smm": (),
        "imaging.smm_followup.ended": ("diagnosis", "years"),
        "imaging.smm_followup.no_imaging": (),
        "imaging.smm_followup.due": ("modality", "last", "months", "due"),
    }
)


def _ref(image: Imaging) -> EntryRef:
    return EntryRef("imaging", image.id, image.date)


def _whole_body(ctx: Context) -> list[Imaging]:
    return [i for i in ctx.history.imaging if i.modality in WHOLE_BODY_MODALITIES]


def _latest_diagnosis(ctx: Context) -> tuple[Phase, dt.date] | None:
    """The later of the SMM diagnosis and the diagnosis of active MM (§11 imaging.baseline)."""
    found: list[tuple[Phase, dt.date]] = []
    smm = ctx.phases.first(Phase.SMM)
    if smm is not None:
        found.append((Phase.SMM, smm.date))
    active = diagnosis(ctx)
    if active is not None:
        found.append((active.phase, active.date))
    return max(found, key=lambda f: f[1], default=None)


def _baseline(ctx: Context, since: dt.date) -> Imaging | None:
    """The first WBLDCT, PET-CT or WB-MRI from ``since``, else the first skeletal survey."""
    recent = [i for i in ctx.history.imaging if i.date >= since]
    best = next((i for i in recent if i.modality in BASELINE_MODALITIES), None)
    if best is not None:
        return best
    return next((i for i in recent if i.modality is ImagingModality.SKELETAL_SURVEY), None)


def evaluate_baseline(ctx: Context) -> Finding:
    """§11 imaging.baseline: whole-body imaging for the latest diagnosis, until it closes (D42)."""
    found = _latest_diagnosis(ctx)
    if found is None:
        return Finding(False, msg("imaging.baseline.no_diagnosis"))
    phase, day = found
    since = add_days(day, -BASELINE_LOOKBACK_DAYS)
    closes = add_months(day, CLOSES_AFTER_MONTHS)
    about = {"phase": phase.value, "diagnosis": day}
    image = _baseline(ctx, since)
    if ctx.as_of >= closes:
        if image is None:
            message = msg("imaging.baseline.not_done_at_diagnosis", closed=closes, **about)
            return Finding(False, message)
        message = msg(
            "imaging.baseline.closed",
            modality=image.modality.value,
            date=image.date,
            closed=closes,
            **about,
        )
        return Finding(False, message, last=_ref(image))
    if image is None:
        due = add_days(day, ctx.policy.whole("imaging.baseline_days"))
        message = msg("imaging.baseline.due", since=since, due=due, **about)
        return Finding(True, message, due=due, changes_on=closes)
    if image.modality is ImagingModality.SKELETAL_SURVEY:
        message = msg("imaging.baseline.suboptimal", date=image.date, **about)
    else:
        message = msg(
            "imaging.baseline.done", modality=image.modality.value, date=image.date, **about
        )
    return Finding(True, message, last=_ref(image), changes_on=closes)


def evaluate_smm_mri(ctx: Context) -> Finding:
    """§11 imaging.smm_mri: MRI or PET-CT after a CT or skeletal survey without lytic lesions."""
    if ctx.phases.phase is not Phase.SMM:
        return Finding(False, msg("imaging.smm_mri.not_smm"))
    whole_body = _whole_body(ctx)
    first_look = list(takewhile(lambda i: i.modality not in SMM_MRI_MODALITIES, whole_body))
    completing = whole_body[len(first_look)] if len(first_look) < len(whole_body) else None
    if not first_look:
        if completing is None:
            return Finding(False, msg("imaging.smm_mri.no_imaging"))
        message = msg(
            "imaging.smm_mri.not_needed", modality=completing.modality.value, date=completing.date
        )
        return Finding(False, message, last=_ref(completing))
    lytic = next((i for i in first_look if (i.lytic_lesions or 0) > 0), None)
    if lytic is not None:
        message = msg(
            "imaging.smm_mri.lytic",
            modality=lytic.modality.value,
            date=lytic.date,
            lesions=lytic.lytic_lesions,
        )
        return Finding(False, message)
    if completing is not None:
        message = msg(
            "imaging.smm_mri.done", modality=completing.modality.value, date=completing.date
        )
        return Finding(True, message, last=_ref(completing))
    anchor = first_look[0]
    days = ctx.policy.whole("imaging.smm_mri_days")
    due = add_days(anchor.date, days)
    message = msg(
        "imaging.smm_mri.due", modality=anchor.modality.value, date=anchor.date, days=days, due=due
    )
    return Finding(True, message, due=due)


def evaluate_smm_followup(ctx: Context) -> Finding:
    """§11 imaging.smm_followup: whole-body imaging repeated yearly for the first years of SMM."""
    diagnosis = ctx.phases.first(Phase.SMM)
    if ctx.phases.phase is not Phase.SMM or diagnosis is None:
        return Finding(False, msg("imaging.smm_followup.not_smm"))
    years = ctx.policy.whole("imaging.smm_years")
    ends = add_days(add_months(diagnosis.date, years * MONTHS_PER_YEAR), 1)
    if ctx.as_of >= ends:
        return Finding(
            False, msg("imaging.smm_followup.ended", diagnosis=diagnosis.date, years=years)
        )
    whole_body = _whole_body(ctx)
    if not whole_body:
        return Finding(False, msg("imaging.smm_followup.no_imaging"), changes_on=ends)
    last = whole_body[-1]
    months = ctx.policy.whole("imaging.smm_interval_months")
    due = add_months(last.date, months)
    message = msg(
        "imaging.smm_followup.due",
        modality=last.modality.value,
        last=last.date,
        months=months,
        due=due,
    )
    return Finding(True, message, due=due, last=_ref(last), changes_on=ends)


RULES: tuple[ItemRule, ...] = (
    ItemRule("imaging.baseline", "§5 Imaging", evaluate_baseline),
    ItemRule("imaging.smm_mri", "§5 Imaging (SMM at diagnosis)", evaluate_smm_mri),
    ItemRule("imaging.smm_followup", "§5 Imaging", evaluate_smm_followup),
)
