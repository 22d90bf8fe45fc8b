"""Smouldering myeloma: risk re-scoring and the SMM alerts (clinical-rules.md §11, §1a, §2, D6).

Every item here applies only while the current phase is SMM, so each closes when
the patient leaves SMM (active MM diagnosed). D24: ``alert.smm_mde`` also applies
to a live patient with no phase entry, so that a SLiM-CRAB finding is never silent.

D45, D40: each alert cites the entries it rests on.

Reading where D45 is silent, erring toward showing: an alert met by several values
dates from the newest of them, so that a new criterion met after a snooze made
before D40 (which stored no cited entries) still ends that snooze.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from mmtracker.logic.care import EntryRef, Finding, ItemRule, Severity
from mmtracker.logic.codes import Analyte, Phase
from mmtracker.logic.context import Context
from mmtracker.logic.crab import FlcRatio, flc_ratios, latest_flc_ratio, slim_crab
from mmtracker.logic.dates import add_days, add_months
from mmtracker.logic.history import LabResult
from mmtracker.logic.labs import LabValue
from mmtracker.logic.messages import declare, msg
from mmtracker.logic.smm_risk import (
    FISH_ABNORMALITIES,
    EvolvingBiomarker,
    RiskGroup,
    smm_risk,
)

SMM_RISK = "smm.risk"
SMM_MDE = "alert.smm_mde"
SMM_HIGH_RISK = "alert.smm_high_risk"
PANGEA_EVOLVING = "alert.pangea_evolving"

# §11 smm.risk, Satisfied by: M-protein and FLC ratio resulted within 12 months.
INPUT_WINDOW_MONTHS = 12
# §11 alert.smm_high_risk: IMWG 2020 score > 12 (the §2b High group).
IMWG_HIGH_ABOVE = 12

declare(
    {f"{item}.not_smm": ("phase",) for item in (SMM_RISK, SMM_MDE, SMM_HIGH_RISK, PANGEA_EVOLVING)}
)
declare(
    {
        "smm.risk.scored": (
            "date",
            "m_protein_date",
            "flc_date",
            "bmpc_date",
            "window_months",
            "months",
            "due",
        ),
        "smm.risk.never_scored": ("diagnosis", "days", "due", "missing", "window_months"),
        "alert.smm_mde.met": ("criteria", "date"),
        "alert.smm_mde.none_met": (),
        "alert.smm_mde.none_met_incomplete": ("not_evaluable",),
        "alert.smm_high_risk.mayo_2018": ("factors", "median_ttp_months", "two_year_percent"),
        "alert.smm_high_risk.imwg_2020": ("score", "limit", "group_percent"),
        "alert.smm_high_risk.both": ("factors", "score", "limit"),
        "alert.smm_high_risk.not_met": ("limit",),
        "alert.smm_high_risk.undetermined": ("limit",),
        "alert.pangea_evolving.met": ("biomarkers", "date", "window_months"),
        "alert.pangea_evolving.none_met": ("window_months",),
        "alert.pangea_evolving.none_met_incomplete": ("not_evaluable", "window_months"),
    }
)

_Dated = TypeVar("_Dated", LabValue, FlcRatio)


def _outside_smm(ctx: Context, item: str, *, unphased: bool = False) -> Finding | None:
    """Not applicable when the current phase is not SMM (``unphased``: nor absent, D24)."""
    if ctx.phases.phase is not Phase.SMM and not (unphased and ctx.phases.phase is None):
        phase = ctx.phases.phase
        return Finding(False, msg(f"{item}.not_smm", phase=phase.value if phase else None))
    return None


# --- smm.risk ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Scoring:
    """A complete Mayo 2018 input set on ``date``: the inputs and the newest input entry."""

    date: dt.date
    m_protein: LabValue
    flc: FlcRatio
    bmpc: LabValue
    newest: LabResult


def _latest_on(series: Sequence[_Dated], day: dt.date) -> _Dated | None:
    return next((v for v in reversed(series) if v.date <= day), None)


def _recent(result_date: dt.date, day: dt.date) -> bool:
    """Resulted within the input window before ``day`` (D18 months, boundary day included)."""
    return day <= add_months(result_date, INPUT_WINDOW_MONTHS)


def _flc_entries(ctx: Context, flc: FlcRatio) -> list[LabResult]:
    pair = (ctx.labs.latest(a, flc.date) for a in (Analyte.FLC_KAPPA, Analyte.FLC_LAMBDA))
    return [v.entry for v in pair if v is not None]


def _last_scoring(ctx: Context) -> _Scoring | None:
    """The latest input date on which Mayo 2018 was computable (§11 smm.risk, Satisfied by)."""
    m_proteins = ctx.labs.series(Analyte.SERUM_MPROTEIN)
    ratios = [r for r in flc_ratios(ctx) if r.ratio is not None]
    marrows = ctx.labs.series(Analyte.BMPC)
    days = {v.date for v in m_proteins} | {r.date for r in ratios} | {v.date for v in marrows}
    for day in sorted(days, reverse=True):
        m_protein = _latest_on(m_proteins, day)
        flc = _latest_on(ratios, day)
        bmpc = _latest_on(marrows, day)
        if m_protein is None or flc is None or bmpc is None:
            continue
        if _recent(m_protein.date, day) and _recent(flc.date, day):
            entries = [m_protein.entry, bmpc.entry, *_flc_entries(ctx, flc)]
            newest = max(entries, key=lambda e: (e.date, e.id))
            return _Scoring(day, m_protein, flc, bmpc, newest)
    return None


def _missing_now(ctx: Context) -> tuple[str, dt.date | None]:
    """The Mayo 2018 inputs absent on as_of (M-protein and FLC ratio: none within the window),
    and the first later day on which another one falls out of its window."""
    m_protein = ctx.labs.latest(Analyte.SERUM_MPROTEIN)
    ratios = [r for r in flc_ratios(ctx) if r.ratio is not None]
    dated = {
        "m_protein": m_protein.date if m_protein else None,
        "flc_ratio": ratios[-1].date if ratios else None,
    }
    absent = {name: day is None or not _recent(day, ctx.as_of) for name, day in dated.items()}
    absent["bmpc"] = ctx.labs.latest(Analyte.BMPC) is None
    leaves = [
        add_days(add_months(day, INPUT_WINDOW_MONTHS), 1)
        for name, day in dated.items()
        if day is not None and not absent[name]
    ]
    missing = ", ".join(name for name, gone in absent.items() if gone)
    return missing, min(leaves, default=None)


def evaluate_risk(ctx: Context) -> Finding:
    """§11 smm.risk: Mayo 2018 computable, re-scored every smm.rescore_months."""
    outside = _outside_smm(ctx, SMM_RISK)
    if outside is not None:
        return outside
    scoring = _last_scoring(ctx)
    if scoring is None:
        diagnosis = ctx.phases.first(Phase.SMM)
        assert diagnosis is not None  # the current phase is SMM
        days = ctx.policy.whole("smm.first_score_days")
        due = add_days(diagnosis.date, days)
        missing, changes_on = _missing_now(ctx)
        message = msg(
            "smm.risk.never_scored",
            diagnosis=diagnosis.date,
            days=days,
            due=due,
            missing=missing,
            window_months=INPUT_WINDOW_MONTHS,
        )
        return Finding(True, message, due=due, changes_on=changes_on)
    months = ctx.policy.whole("smm.rescore_months")
    due = add_months(scoring.date, months)
    message = msg(
        "smm.risk.scored",
        date=scoring.date,
        m_protein_date=scoring.m_protein.date,
        flc_date=scoring.flc.date,
        bmpc_date=scoring.bmpc.date,
        window_months=INPUT_WINDOW_MONTHS,
        months=months,
        due=due,
    )
    newest = scoring.newest
    return Finding(True, message, due=due, last=EntryRef("lab_results", newest.id, newest.date))


# --- Alerts -----------------------------------------------------------------------------


def evaluate_mde(ctx: Context) -> Finding:
    """§11 alert.smm_mde: urgent when the latest values meet any SLiM-CRAB criterion (§1a)."""
    outside = _outside_smm(ctx, SMM_MDE, unphased=True)
    if outside is not None:
        return outside
    criteria = slim_crab(ctx).criteria
    met = [c for c in criteria if c.met]
    if not met:
        not_evaluable = ", ".join(c.code.value for c in criteria if c.met is None)
        if not_evaluable:
            return Finding(
                True, msg("alert.smm_mde.none_met_incomplete", not_evaluable=not_evaluable)
            )
        return Finding(True, msg("alert.smm_mde.none_met"))
    trigger = max((c.date for c in met if c.date is not None), default=None)
    message = msg("alert.smm_mde.met", criteria=", ".join(c.code.value for c in met), date=trigger)
    cites = tuple(sorted({entry for c in met for entry in c.entries}))
    return Finding(True, message, alert=Severity.URGENT, trigger_date=trigger, cites=cites)


def evaluate_high_risk(ctx: Context) -> Finding:
    """§11 alert.smm_high_risk: info when Mayo 2018 is high or the IMWG 2020 score is > 12."""
    outside = _outside_smm(ctx, SMM_HIGH_RISK)
    if outside is not None:
        return outside
    risk = smm_risk(ctx)
    mayo, imwg = risk.mayo_2018, risk.imwg_2020
    mayo_high = mayo.group is RiskGroup.HIGH
    imwg_high = imwg.score is not None and imwg.score > IMWG_HIGH_ABOVE
    if not mayo_high and not imwg_high:
        reason = "undetermined" if mayo.group is None else "not_met"
        return Finding(True, msg(f"alert.smm_high_risk.{reason}", limit=IMWG_HIGH_ABOVE))
    if mayo_high and imwg_high:
        message = msg(
            "alert.smm_high_risk.both",
            factors=len(mayo.factors),
            score=imwg.score,
            limit=IMWG_HIGH_ABOVE,
        )
    elif mayo_high:
        message = msg(
            "alert.smm_high_risk.mayo_2018",
            factors=len(mayo.factors),
            median_ttp_months=mayo.median_ttp_months,
            two_year_percent=mayo.two_year_percent,
        )
    else:
        message = msg(
            "alert.smm_high_risk.imwg_2020",
            score=imwg.score,
            limit=IMWG_HIGH_ABOVE,
            group_percent=imwg.group_percent,
        )
    trigger = max((i.date for i in risk.inputs), default=None)
    cites = _risk_input_entries(ctx)
    return Finding(True, message, alert=Severity.INFO, trigger_date=trigger, cites=cites)


def evaluate_pangea(ctx: Context) -> Finding:
    """§11 alert.pangea_evolving: info listing each PANGEA-SMM evolving biomarker met (D6)."""
    outside = _outside_smm(ctx, PANGEA_EVOLVING)
    if outside is not None:
        return outside
    window = ctx.policy.whole("pangea.window_months")
    markers = smm_risk(ctx).pangea
    met = [m for m in markers if m.met]
    if not met:
        not_evaluable = ", ".join(m.code for m in markers if m.met is None)
        if not_evaluable:
            message = msg(
                "alert.pangea_evolving.none_met_incomplete",
                not_evaluable=not_evaluable,
                window_months=window,
            )
            return Finding(True, message)
        return Finding(True, msg("alert.pangea_evolving.none_met", window_months=window))
    trigger = max((m.latest_date for m in met if m.latest_date is not None), default=None)
    message = msg(
        "alert.pangea_evolving.met",
        biomarkers=", ".join(m.code for m in met),
        date=trigger,
        window_months=window,
    )
    cites = tuple(sorted({e for m in met for e in _pangea_entries(ctx, m)}))
    return Finding(True, message, alert=Severity.INFO, trigger_date=trigger, cites=cites)


# --- What the alerts cite (D40) --------------------------------------------------------

# The analytes of each PANGEA-SMM biomarker (D6).
_PANGEA_ANALYTES = {
    "m_protein": (Analyte.SERUM_MPROTEIN,),
    "flc_ratio": (Analyte.FLC_KAPPA, Analyte.FLC_LAMBDA),
    "creatinine": (Analyte.CREATININE,),
    "hemoglobin": (Analyte.HEMOGLOBIN,),
}


def _results_on(ctx: Context, analytes: Sequence[Analyte], day: dt.date | None) -> list[str]:
    """The ids of the quantitative results of these analytes dated ``day``."""
    return [v.entry.id for analyte in analytes for v in ctx.labs.series(analyte) if v.date == day]


def _pangea_entries(ctx: Context, marker: EvolvingBiomarker) -> list[str]:
    """A biomarker met rests on its latest value and the earlier value it was compared with."""
    analytes = _PANGEA_ANALYTES[marker.code]
    return [
        *_results_on(ctx, analytes, marker.latest_date),
        *_results_on(ctx, analytes, marker.baseline_date),
    ]


def _risk_input_entries(ctx: Context) -> tuple[str, ...]:
    """The entries of the risk models' inputs: the latest BMPC, M-protein and FLC pair, and
    the cytogenetic tests their FISH findings come from (§2a, §2b)."""
    found = [
        latest.entry.id
        for latest in (ctx.labs.latest(Analyte.BMPC), ctx.labs.latest(Analyte.SERUM_MPROTEIN))
        if latest is not None
    ]
    flc = latest_flc_ratio(ctx)
    if flc is not None:
        found += [e.id for e in _flc_entries(ctx, flc)]
    fish_dates = {i.date for i in smm_risk(ctx).inputs if i.name in FISH_ABNORMALITIES}
    found += [c.id for c in ctx.history.cytogenetics if c.date in fish_dates]
    return tuple(sorted(set(found)))


RULES: tuple[ItemRule, ...] = (
    ItemRule(SMM_RISK, "§2; §8 re-score annually", evaluate_risk),
    ItemRule(SMM_MDE, "§1a", evaluate_mde),
    ItemRule(SMM_HIGH_RISK, "§2; seed 000", evaluate_high_risk),
    ItemRule(PANGEA_EVOLVING, "D6", evaluate_pangea),
)
