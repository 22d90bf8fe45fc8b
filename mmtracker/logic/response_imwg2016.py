"""IMWG 2016 response, progression and MRD criteria (clinical-rules.md §4, §6; D4, D14, D19–D21).

Kumar S et al., *Lancet Oncol* 2016;17:e328–46. Every result names its criteria
set (D21), so a newer set can live beside this module without changing stored
results. Values are compared in SI units (D15). Response and progression are
judged within the current treatment episode (D22, D23): each parameter's
baseline is its last value on or before the episode start, else its first value
after it (D26), and the nadir is the lowest value since the baseline (D20).
Consolidation, maintenance and a transplant never reset them.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from typing import Generic, TypeVar

from mmtracker.logic.codes import (
    WHOLE_BODY_MODALITIES,
    Analyte,
    ClinicalEventKind,
    ImagingModality,
    LightChain,
    MrdResult,
    Qualitative,
    ResponseCategory,
)
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.episodes import Episode
from mmtracker.logic.history import IMWG_2016, Imaging, MrdTest, PatientHistory
from mmtracker.logic.labs import LabIndex, LabValue
from mmtracker.logic.messages import Message, ParamValue, Quantity, declare, msg

CRITERIA = IMWG_2016  # D21: the name every result carries

# §4 Measurable disease (and D20 for urine).
MEASURABLE_SERUM_G_L = 10.0  # §4 measurable: serum M-protein ≥10 g/L
MEASURABLE_URINE_MG = 200.0  # §4 measurable: urine M-protein ≥200 mg/24 h; D20
MEASURABLE_FLC_MG_L = 100.0  # §4 measurable: involved FLC ≥100 mg/L with an abnormal ratio
MEASURABLE_BMPC_PCT = 30.0  # §4 unmeasurable serum, urine and FLC: baseline BMPC ≥30%
FLC_RATIO_LOW = 0.26  # §4 sCR / §1b: normal κ/λ ratio 0.26–1.65, both ends normal
FLC_RATIO_HIGH = 1.65  # §4 sCR / §1b: normal κ/λ ratio 0.26–1.65

# §4 response categories.
CR_BMPC_BELOW = 5.0  # §4 CR: <5% plasma cells in marrow aspirate
VGPR_SERUM_FALL = 0.90  # §4 VGPR: ≥90% fall in serum M-protein
VGPR_URINE_BELOW = 100.0  # §4 VGPR: urine M-protein <100 mg/24 h
PR_SERUM_FALL = 0.50  # §4 PR: ≥50% fall in serum M-protein
PR_URINE_FALL = 0.90  # §4 PR: 24-h urine M-protein fall ≥90%
PR_URINE_BELOW = 200.0  # §4 PR: or urine M-protein <200 mg/24 h
MR_SERUM_FALL = 0.25  # §4 MR: serum M-protein fall ≥25% (and below PR)
MR_URINE_FALL = 0.50  # §4 MR: urine M-protein fall 50–89% (i.e. ≥50%, below PR)
FLC_PR_FALL = 0.50  # §4 unmeasurable serum and urine: PR = dFLC fall ≥50%
FLC_VGPR_FALL = 0.90  # §4 unmeasurable serum and urine: VGPR = dFLC fall >90% (strict)
MARROW_PR_FALL = 0.50  # §4 FLC also unmeasurable: ≥50% fall in BMPC

# §4 progressive disease, D4.
PD_RELATIVE_RISE = 0.25  # §4 PD: ≥25% increase from the lowest value
PD_SERUM_RISE_G_L = 5.0  # §4 PD, D4: absolute serum rise ≥0.5 g/dL (≥5 g/L)
PD_SERUM_HIGH_NADIR_G_L = 50.0  # §4 PD, D4: nadir M-protein ≥5 g/dL (≥50 g/L) ...
PD_SERUM_HIGH_RISE_G_L = 10.0  # ... then a rise ≥1 g/dL (≥10 g/L) is enough
PD_URINE_RISE_MG = 200.0  # §4 PD: urine absolute rise ≥200 mg/24 h
PD_DFLC_RISE_MG_L = 100.0  # §4 PD: dFLC absolute rise >100 mg/L (strict)
PD_BMPC_RISE_PCT = 10.0  # §4 PD: BMPC absolute rise ≥10%
# D27: the baseline imaging is the latest whole-body imaging on or before the episode start + 30 d.
IMAGING_BASELINE_DAYS = 30

# §4 flow / sequencing MRD-negative and §6 threshold: sensitivity at least 1 in 10⁵.
MRD_SENSITIVITY = 1e-5
SUSTAINED_MRD_DAYS = 365  # §6 sustained MRD negativity: ≥1 year apart, as ≥365 days

# Binary floating point can miss a boundary by a hair (4.1 g/dL × 10); not a clinical value.
_EPS = 1e-9

_IFE = frozenset({Analyte.SERUM_IFE, Analyte.URINE_IFE})
_RESPONSE_ANALYTES = (
    Analyte.SERUM_MPROTEIN,
    Analyte.URINE_MPROTEIN,
    Analyte.FLC_KAPPA,
    Analyte.FLC_LAMBDA,
    Analyte.BMPC,
)
_RANK = {category: rank for rank, category in enumerate(ResponseCategory)}  # sCR 0 … PD 6

declare(
    {
        "response.no_episode": (),
        "response.not_measurable": ("criteria", "start"),
        "response.no_assessment": ("criteria", "start"),
        "response.category.confirmed": ("criteria", "category", "date", "previous"),
        "response.category.unconfirmed": ("criteria", "category", "date"),
        "response.missing.serum_immunofixation": (),
        "response.missing.urine_immunofixation": (),
        "response.missing.bm_plasma_cells": (),
        "response.missing.flc_ratio": (),
        "response.missing.urine_m_protein": (),
        "response.missing.imaging": (),
        "response.note.scr_ihc_not_recorded": (),
        "response.note.plasmacytoma_spd_not_recorded": ("category",),
        "response.progression.confirmed": ("criteria", "date", "confirmed_on"),
        "response.progression.unconfirmed": ("criteria", "date"),
        "response.pd.serum_m_protein": ("date", "value", "nadir", "nadir_date", "rise"),
        "response.pd.urine_m_protein": ("date", "value", "nadir", "nadir_date", "rise"),
        "response.pd.dflc": ("date", "value", "nadir", "nadir_date", "rise"),
        "response.pd.bm_plasma_cells": ("date", "value", "nadir", "nadir_date", "rise"),
        "response.pd.lytic_lesions": (
            "date",
            "modality",
            "count",
            "baseline_count",
            "baseline_date",
        ),
        "response.pd.lytic_lesions.other_modality": (
            "date",
            "modality",
            "count",
            "baseline_count",
            "baseline_date",
        ),
        "response.pd.plasmacytoma": ("date", "modality", "baseline_date"),
        "response.pd.plasmacytoma.no_baseline": ("date", "modality"),
        "response.pd.plasmacytoma.event": ("date",),
        "mrd_status.none": (),
        "mrd_status.negative": ("date", "method", "sensitivity"),
        "mrd_status.negative_insufficient": ("date", "method", "sensitivity", "required"),
        "mrd_status.positive": ("date", "method", "sensitivity"),
        "mrd_status.sustained": ("first", "last", "days"),
        "mrd_status.not_sustained": ("first", "last", "due"),
        "mrd_status.sustained_imaging": ("first", "last", "pet_date"),
        "mrd_status.sustained_imaging_missing": ("first", "last"),
        "mrd_status.imaging_plus": ("mrd_date", "pet_date"),
    }
)


class Branch(StrEnum):
    """The measure a response is judged on (§4 measurable disease, D20)."""

    SERUM = "serum"
    URINE = "urine"
    FLC = "flc"
    MARROW = "marrow"


class Parameter(StrEnum):
    """Quantitative response parameters, in SI units: g/L, mg/24 h, mg/L, %."""

    SERUM_M_PROTEIN = "serum_m_protein"
    URINE_M_PROTEIN = "urine_m_protein"
    DFLC = "dflc"
    BMPC = "bm_plasma_cells"


class Missing(StrEnum):
    """Data the next better category needs and the record lacks (D14)."""

    SERUM_IFE = "serum_immunofixation"
    URINE_IFE = "urine_immunofixation"
    MARROW = "bm_plasma_cells"
    FLC_RATIO = "flc_ratio"
    URINE_M_PROTEIN = "urine_m_protein"
    IMAGING = "imaging"


class PdCriterion(StrEnum):
    """Which §4 progression criterion was met."""

    SERUM_M_PROTEIN = "serum_m_protein"
    URINE_M_PROTEIN = "urine_m_protein"
    DFLC = "dflc"
    BMPC = "bm_plasma_cells"
    LYTIC_LESIONS = "lytic_lesions"
    PLASMACYTOMA = "plasmacytoma"


class MrdState(StrEnum):
    NONE = "none"
    NEGATIVE = "negative"
    NEGATIVE_INSUFFICIENT = "negative_insufficient_sensitivity"
    POSITIVE = "positive"


@dataclass(frozen=True, slots=True)
class Measurement:
    """One value of a response parameter in SI units, with its date and entry id."""

    value: float
    date: dt.date
    entry_id: str


@dataclass(frozen=True, slots=True)
class FlcPair:
    """Serum κ and λ free light chains resulted on one date (mg/L)."""

    date: dt.date
    kappa: float
    lambda_: float
    kappa_id: str
    lambda_id: str

    @property
    def ratio(self) -> float | None:
        """κ/λ; None when λ is zero."""
        return self.kappa / self.lambda_ if self.lambda_ > 0 else None

    def involved(self, chain: LightChain) -> float:
        return self.kappa if chain is LightChain.KAPPA else self.lambda_

    def dflc(self, chain: LightChain) -> Measurement:
        """Involved minus uninvolved FLC (§4 dFLC)."""
        if chain is LightChain.KAPPA:
            return Measurement(self.kappa - self.lambda_, self.date, self.kappa_id)
        return Measurement(self.lambda_ - self.kappa, self.date, self.lambda_id)


@dataclass(frozen=True, slots=True)
class Baseline:
    """D22, D26: what the current episode is judged from.

    ``start``: the episode start (with no treatment line, the phase date, D23).
    ``line_number``: the number of the line that opened the episode, None without
    a line (D25). ``values``: each parameter's last value on or before the start,
    else its first value after it (D26).
    """

    start: dt.date
    line_number: int | None
    values: Mapping[Parameter, Measurement]
    flc: FlcPair | None
    involved_chain: LightChain | None
    measurable: frozenset[Parameter]
    branch: Branch | None  # None: no measurable disease, no response can be computed
    plasmacytoma: bool  # baseline imaging showed a plasmacytoma


@dataclass(frozen=True, slots=True)
class ResponsePoint:
    """The category on one assessment date, what it lacked, and what was measured that day."""

    date: dt.date
    category: ResponseCategory
    missing: tuple[Missing, ...]
    measured: frozenset[Analyte]


@dataclass(frozen=True, slots=True)
class PdFinding:
    """One progression criterion met: the value, its reference (nadir or baseline imaging).

    ``entries``: the ids of the entries that meet it (the confirming one too), for
    D40. ``reference_modality``: the baseline imaging's modality for an imaging
    criterion (D27), None when there is no baseline imaging.
    """

    criterion: PdCriterion
    date: dt.date
    value: float
    reference: float
    reference_date: dt.date | None
    confirmed_on: dt.date | None
    modality: ImagingModality | None
    message: Message
    entries: tuple[str, ...] = ()
    reference_modality: ImagingModality | None = None

    @property
    def other_modality(self) -> bool:
        """D27: more lesions than a baseline imaging of another modality (confirm they are new)."""
        return (
            self.criterion is PdCriterion.LYTIC_LESIONS
            and self.reference_modality is not None
            and self.reference_modality is not self.modality
        )


@dataclass(frozen=True, slots=True)
class Progression:
    """§4 PD from the nadir (D4, D20): unconfirmed when met once, confirmed when met twice running."""

    criteria: str
    date: dt.date
    confirmed: bool
    confirmed_on: dt.date | None
    findings: tuple[PdFinding, ...]
    message: Message

    @property
    def entries(self) -> tuple[str, ...]:
        """D40: the ids of every entry a finding rests on, in finding order."""
        return tuple(dict.fromkeys(e for f in self.findings for e in f.entries))


@dataclass(frozen=True, slots=True)
class ResponseResult:
    """The computed response of the current treatment episode as of a date."""

    criteria: str
    baseline: Baseline | None
    nadirs: Mapping[Parameter, Measurement]
    series: tuple[ResponsePoint, ...]
    best: ResponseCategory | None
    best_confirmed: bool
    category: ResponseCategory | None
    date: dt.date | None
    confirmed: bool
    missing: tuple[Missing, ...]
    progression: Progression | None
    messages: tuple[Message, ...]


@dataclass(frozen=True, slots=True)
class MrdStatus:
    """§4/§6 MRD: the latest test, the current negative run, sustained and imaging-plus negativity."""

    criteria: str
    latest: MrdTest | None
    state: MrdState
    first_negative: MrdTest | None
    last_negative: MrdTest | None
    sustained: bool
    sustained_imaging: Imaging | None
    imaging_plus_pet: Imaging | None
    messages: tuple[Message, ...]

    @property
    def imaging_plus(self) -> bool:
        return self.imaging_plus_pet is not None


def _ge(value: float, threshold: float) -> bool:
    return value >= threshold - _EPS


def _gt(value: float, threshold: float) -> bool:
    return value > threshold + _EPS


def _lt(value: float, threshold: float) -> bool:
    return value < threshold - _EPS


def meets(category: ResponseCategory, minimum: ResponseCategory) -> bool:
    """Whether ``category`` is at least ``minimum`` (PD meets only PD)."""
    if minimum is ResponseCategory.PD or category is ResponseCategory.PD:
        return category is minimum
    return _RANK[category] <= _RANK[minimum]


T = TypeVar("T")


class _Track(Generic[T]):
    """Values by date, one per date (the last entry of the day), oldest first."""

    __slots__ = ("dates", "values")

    def __init__(self, items: Iterable[tuple[dt.date, T]]) -> None:
        by_date = dict(items)
        self.dates = sorted(by_date)
        self.values = [by_date[d] for d in self.dates]

    def at(self, day: dt.date) -> T | None:
        """The latest value on or before ``day``."""
        index = bisect.bisect_right(self.dates, day)
        return self.values[index - 1] if index else None

    def after(self, day: dt.date) -> _Track[T]:
        """The values dated after ``day``."""
        index = bisect.bisect_right(self.dates, day)
        return _Track(zip(self.dates[index:], self.values[index:], strict=True))


def _measurements(values: Sequence[LabValue]) -> _Track[Measurement]:
    return _Track((v.date, Measurement(v.si, v.date, v.entry.id)) for v in values)


def _flc_pairs(labs: LabIndex) -> _Track[FlcPair]:
    kappa = {v.date: v for v in labs.series(Analyte.FLC_KAPPA)}
    lambda_ = {v.date: v for v in labs.series(Analyte.FLC_LAMBDA)}
    return _Track(
        (d, FlcPair(d, kappa[d].si, lambda_[d].si, kappa[d].entry.id, lambda_[d].entry.id))
        for d in kappa.keys() & lambda_.keys()
    )


def _qualitative(labs: LabIndex, analyte: Analyte) -> _Track[Qualitative]:
    return _Track(
        (e.date, e.qualitative) for e in labs.qualitative(analyte) if e.qualitative is not None
    )


def _measured(labs: LabIndex) -> dict[dt.date, frozenset[Analyte]]:
    found: dict[dt.date, set[Analyte]] = {}
    for analyte in _RESPONSE_ANALYTES:
        for value in labs.series(analyte):
            found.setdefault(value.date, set()).add(analyte)
    for analyte in _IFE:
        for entry in labs.qualitative(analyte):
            found.setdefault(entry.date, set()).add(analyte)
    return {day: frozenset(analytes) for day, analytes in found.items()}


def _normal_ratio(ratio: float | None) -> bool | None:
    """§4 sCR: κ/λ within 0.26–1.65 inclusive; None when unknown."""
    if ratio is None:
        return None
    return _ge(ratio, FLC_RATIO_LOW) and not _gt(ratio, FLC_RATIO_HIGH)


def _involved_chain(history: PatientHistory, flc: FlcPair | None) -> LightChain | None:
    """The recorded involved light chain, else the side the baseline ratio is abnormal on."""
    recorded = [e.light_chain for e in history.lab_results if e.light_chain is not None]
    if recorded:
        return recorded[-1]
    ratio = flc.ratio if flc else None
    if ratio is None or _normal_ratio(ratio):
        return None
    return LightChain.KAPPA if ratio > 1 else LightChain.LAMBDA


def _flc_measurable(flc: FlcPair | None, chain: LightChain | None) -> bool:
    """§4: involved FLC ≥100 mg/L with the ratio abnormal on the involved side."""
    if flc is None or chain is None or flc.ratio is None:
        return False
    abnormal = (
        _gt(flc.ratio, FLC_RATIO_HIGH)
        if chain is LightChain.KAPPA
        else _lt(flc.ratio, FLC_RATIO_LOW)
    )
    return abnormal and _ge(flc.involved(chain), MEASURABLE_FLC_MG_L)


def _measurable(
    values: Mapping[Parameter, Measurement], flc: FlcPair | None, chain: LightChain | None
) -> frozenset[Parameter]:
    """§4 measurable disease: serum and/or urine; else FLC; else marrow (≥30% BMPC)."""
    found: set[Parameter] = set()
    serum = values.get(Parameter.SERUM_M_PROTEIN)
    urine = values.get(Parameter.URINE_M_PROTEIN)
    if serum is not None and _ge(serum.value, MEASURABLE_SERUM_G_L):
        found.add(Parameter.SERUM_M_PROTEIN)
    if urine is not None and _ge(urine.value, MEASURABLE_URINE_MG):
        found.add(Parameter.URINE_M_PROTEIN)
    if not found and _flc_measurable(flc, chain):
        found.add(Parameter.DFLC)
    bmpc = values.get(Parameter.BMPC)
    if not found and bmpc is not None and _ge(bmpc.value, MEASURABLE_BMPC_PCT):
        found.add(Parameter.BMPC)
    return frozenset(found)


# The parameter each branch is judged on, in the §4 order of preference.
_BRANCH_PARAMETERS = {
    Branch.SERUM: Parameter.SERUM_M_PROTEIN,
    Branch.URINE: Parameter.URINE_M_PROTEIN,
    Branch.FLC: Parameter.DFLC,
    Branch.MARROW: Parameter.BMPC,
}


def _branch(measurable: frozenset[Parameter]) -> Branch | None:
    for branch, parameter in _BRANCH_PARAMETERS.items():
        if parameter in measurable:
            return branch
    return None


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """The latest value of each response parameter since its baseline, on an assessment date."""

    serum: float | None
    urine: float | None
    dflc: float | None
    ratio: float | None
    bmpc: float | None
    serum_ife: Qualitative | None
    urine_ife: Qualitative | None
    plasmacytoma: bool | None

    def primary(self, branch: Branch) -> float | None:
        return {
            Branch.SERUM: self.serum,
            Branch.URINE: self.urine,
            Branch.FLC: self.dflc,
            Branch.MARROW: self.bmpc,
        }[branch]


@dataclass(frozen=True, slots=True)
class _Course:
    """Everything measured since the episode started, and the baseline it is judged by."""

    baseline: Baseline
    tracks: Mapping[Parameter, _Track[Measurement]]
    ratio: _Track[float]
    serum_ife: _Track[Qualitative]
    urine_ife: _Track[Qualitative]
    plasmacytoma: _Track[bool]
    measured: Mapping[dt.date, frozenset[Analyte]]

    def snapshot(self, day: dt.date) -> _Snapshot:
        def value(parameter: Parameter) -> float | None:
            found = self.tracks[parameter].at(day)
            return found.value if found else None

        return _Snapshot(
            serum=value(Parameter.SERUM_M_PROTEIN),
            urine=value(Parameter.URINE_M_PROTEIN),
            dflc=value(Parameter.DFLC),
            ratio=self.ratio.at(day),
            bmpc=value(Parameter.BMPC),
            serum_ife=self.serum_ife.at(day),
            urine_ife=self.urine_ife.at(day),
            plasmacytoma=self.plasmacytoma.at(day),
        )

    @property
    def primary(self) -> frozenset[Analyte]:
        """The analytes whose new value makes a full assessment of the branch's measure."""
        branch = self.baseline.branch
        if branch is Branch.SERUM:
            if Parameter.URINE_M_PROTEIN in self.baseline.measurable:
                return frozenset({Analyte.SERUM_MPROTEIN, Analyte.URINE_MPROTEIN})
            return frozenset({Analyte.SERUM_MPROTEIN})
        if branch is Branch.URINE:
            return frozenset({Analyte.URINE_MPROTEIN})
        if branch is Branch.FLC:
            return frozenset({Analyte.FLC_KAPPA, Analyte.FLC_LAMBDA})
        return frozenset({Analyte.BMPC})


def _baseline_value(track: _Track[T], start: dt.date) -> T | None:
    """D26: the last value on or before the episode start, else the first after it."""
    found = track.at(start)
    if found is None and track.values:
        return track.values[0]
    return found


def _course(ctx: Context, episode: Episode) -> _Course:
    """The baseline (D22, D26) and the values since the episode start."""
    start = episode.start
    labs = ctx.labs
    pairs = _flc_pairs(labs)
    flc = _baseline_value(pairs, start)
    chain = _involved_chain(ctx.history, flc)
    dflc = (
        _Track((p.date, p.dflc(chain)) for p in pairs.values) if chain else _Track[Measurement](())
    )
    full = {
        Parameter.SERUM_M_PROTEIN: _measurements(labs.series(Analyte.SERUM_MPROTEIN)),
        Parameter.URINE_M_PROTEIN: _measurements(labs.series(Analyte.URINE_MPROTEIN)),
        Parameter.DFLC: dflc,
        Parameter.BMPC: _measurements(labs.series(Analyte.BMPC)),
    }
    values = {p: m for p, track in full.items() if (m := _baseline_value(track, start)) is not None}
    measurable = _measurable(values, flc, chain)
    plasmacytoma = _Track(
        (i.date, i.plasmacytoma) for i in ctx.history.imaging if i.plasmacytoma is not None
    )
    baseline = Baseline(
        start=start,
        line_number=episode.first_line.line_number if episode.first_line else None,
        values=values,
        flc=flc,
        involved_chain=chain,
        measurable=measurable,
        branch=_branch(measurable),
        plasmacytoma=plasmacytoma.at(start) is True,
    )
    ratios = _Track((p.date, r) for p in pairs.values if (r := p.ratio) is not None)
    return _Course(
        baseline=baseline,
        tracks={p: track.after(start) for p, track in full.items()},
        ratio=ratios.after(start),
        serum_ife=_qualitative(labs, Analyte.SERUM_IFE).after(start),
        urine_ife=_qualitative(labs, Analyte.URINE_IFE).after(start),
        plasmacytoma=plasmacytoma.after(start),
        measured={d: a for d, a in _measured(labs).items() if d > start},
    )


def _fall(baseline: Baseline, parameter: Parameter, current: float) -> float:
    base = baseline.values[parameter].value
    return (base - current) / base


def _serum_level(b: Baseline, s: _Snapshot) -> tuple[ResponseCategory, tuple[Missing, ...]]:
    """§4 VGPR/PR/MR on serum, with the urine criteria only when urine was measurable (D20)."""
    assert s.serum is not None
    fall = _fall(b, Parameter.SERUM_M_PROTEIN, s.serum)
    vgpr_urine = pr_urine = mr_urine = True
    if Parameter.URINE_M_PROTEIN in b.measurable:
        if s.urine is None:
            return ResponseCategory.SD, (Missing.URINE_M_PROTEIN,)
        urine_fall = _fall(b, Parameter.URINE_M_PROTEIN, s.urine)
        vgpr_urine = _lt(s.urine, VGPR_URINE_BELOW)
        pr_urine = _ge(urine_fall, PR_URINE_FALL) or _lt(s.urine, PR_URINE_BELOW)
        mr_urine = _ge(urine_fall, MR_URINE_FALL)
    if _ge(fall, VGPR_SERUM_FALL) and vgpr_urine:
        return ResponseCategory.VGPR, ()
    if _ge(fall, PR_SERUM_FALL) and pr_urine:
        return ResponseCategory.PR, ()
    if _ge(fall, MR_SERUM_FALL) and mr_urine:
        return ResponseCategory.MR, ()
    return ResponseCategory.SD, ()


def _urine_level(b: Baseline, s: _Snapshot) -> tuple[ResponseCategory, tuple[Missing, ...]]:
    """§4 on urine alone (serum not measurable at baseline)."""
    assert s.urine is not None
    fall = _fall(b, Parameter.URINE_M_PROTEIN, s.urine)
    if _lt(s.urine, VGPR_URINE_BELOW):
        return ResponseCategory.VGPR, ()
    if _ge(fall, PR_URINE_FALL) or _lt(s.urine, PR_URINE_BELOW):
        return ResponseCategory.PR, ()
    if _ge(fall, MR_URINE_FALL):
        return ResponseCategory.MR, ()
    return ResponseCategory.SD, ()


def _flc_level(b: Baseline, s: _Snapshot) -> tuple[ResponseCategory, tuple[Missing, ...]]:
    """§4 serum and urine unmeasurable: VGPR dFLC fall >90%, PR ≥50% (no MR defined)."""
    assert s.dflc is not None
    fall = _fall(b, Parameter.DFLC, s.dflc)
    if _gt(fall, FLC_VGPR_FALL):
        return ResponseCategory.VGPR, ()
    if _ge(fall, FLC_PR_FALL):
        return ResponseCategory.PR, ()
    return ResponseCategory.SD, ()


def _marrow_level(b: Baseline, s: _Snapshot) -> tuple[ResponseCategory, tuple[Missing, ...]]:
    """§4 FLC also unmeasurable: PR = ≥50% fall in BMPC from a baseline of ≥30%."""
    assert s.bmpc is not None
    if _ge(_fall(b, Parameter.BMPC, s.bmpc), MARROW_PR_FALL):
        return ResponseCategory.PR, ()
    return ResponseCategory.SD, ()


_LEVELS: dict[
    Branch, Callable[[Baseline, _Snapshot], tuple[ResponseCategory, tuple[Missing, ...]]]
] = {
    Branch.SERUM: _serum_level,
    Branch.URINE: _urine_level,
    Branch.FLC: _flc_level,
    Branch.MARROW: _marrow_level,
}
# The best category each branch can reach without immunofixation and marrow (D14).
_TOP_LEVEL = {
    Branch.SERUM: ResponseCategory.VGPR,
    Branch.URINE: ResponseCategory.VGPR,
    Branch.FLC: ResponseCategory.VGPR,
    Branch.MARROW: ResponseCategory.PR,
}


def _negative(result: Qualitative | None) -> bool | None:
    return None if result is None else result is Qualitative.NEGATIVE


def _complete_response(b: Baseline, s: _Snapshot) -> tuple[bool, tuple[Missing, ...]]:
    """§4 CR: negative serum and urine IFE, <5% BMPC, plasmacytoma gone; FLC branch: normal ratio.

    Returns whether CR is met and, when nothing fails but data are lacking, what is missing.
    """
    checks: list[tuple[bool | None, Missing]] = [
        (_negative(s.serum_ife), Missing.SERUM_IFE),
        (_negative(s.urine_ife), Missing.URINE_IFE),
        (None if s.bmpc is None else _lt(s.bmpc, CR_BMPC_BELOW), Missing.MARROW),
    ]
    if b.plasmacytoma:
        checks.append((None if s.plasmacytoma is None else not s.plasmacytoma, Missing.IMAGING))
    if b.branch is Branch.FLC:
        checks.append((_normal_ratio(s.ratio), Missing.FLC_RATIO))
    if any(ok is False for ok, _ in checks):
        return False, ()
    missing = tuple(item for ok, item in checks if ok is None)
    return not missing, missing


def _category(b: Baseline, s: _Snapshot) -> tuple[ResponseCategory, tuple[Missing, ...]]:
    """The §4 category on one date, and what is missing for a better one (D14)."""
    assert b.branch is not None
    level, missing = _LEVELS[b.branch](b, s)
    complete, cr_missing = _complete_response(b, s)
    if complete:
        normal = _normal_ratio(s.ratio)
        if normal:
            return ResponseCategory.SCR, ()
        return ResponseCategory.CR, () if normal is False else (Missing.FLC_RATIO,)
    if level is _TOP_LEVEL[b.branch]:
        return level, missing + cr_missing
    return level, missing


@dataclass(frozen=True, slots=True)
class _Check:
    """One value compared with its reference for progression.

    ``entry_id``: the entry of the value. For imaging, ``modality`` is that of the
    value and ``reference_modality`` that of the baseline imaging; a plasmacytoma
    recorded as a clinical event has no modality. ``reference_date`` is None when
    there is no baseline imaging to compare with (D27).
    """

    date: dt.date
    value: float
    reference: float
    reference_date: dt.date | None
    met: bool
    entry_id: str
    modality: ImagingModality | None = None
    reference_modality: ImagingModality | None = None


def _lab_pd_met(criterion: PdCriterion, value: float, nadir: float) -> bool:
    """§4 PD, D4: ≥25% above the nadir with the parameter's absolute rise.

    From a nadir of 0 any rise is ≥25%, so the absolute rise decides (D26).
    """
    rise = value - nadir
    relative = _ge(rise, PD_RELATIVE_RISE * abs(nadir))
    if criterion is PdCriterion.SERUM_M_PROTEIN:
        if _ge(nadir, PD_SERUM_HIGH_NADIR_G_L) and _ge(rise, PD_SERUM_HIGH_RISE_G_L):
            return True
        return relative and _ge(rise, PD_SERUM_RISE_G_L)
    if criterion is PdCriterion.URINE_M_PROTEIN:
        return relative and _ge(rise, PD_URINE_RISE_MG)
    if criterion is PdCriterion.DFLC:
        return relative and _gt(rise, PD_DFLC_RISE_MG_L)
    return relative and _ge(rise, PD_BMPC_RISE_PCT)


def _lab_checks(
    criterion: PdCriterion, baseline: Measurement | None, track: _Track[Measurement]
) -> list[_Check]:
    """Each value after the baseline against the nadir before it (baseline included, D20)."""
    if baseline is None:
        return []
    lowest = baseline
    checks: list[_Check] = []
    for m in track.after(baseline.date).values:
        met = _lab_pd_met(criterion, m.value, lowest.value)
        checks.append(_Check(m.date, m.value, lowest.value, lowest.date, met, m.entry_id))
        if m.value < lowest.value:
            lowest = m
    return checks


def _applicable_lab_criteria(b: Baseline) -> tuple[Parameter, ...]:
    """D26: serum and urine whenever measured, measurable at baseline or not; dFLC only
    without measurable serum or urine (D20); BMPC only without measurable serum, urine or FLC."""
    found = [Parameter.SERUM_M_PROTEIN, Parameter.URINE_M_PROTEIN]
    m = b.measurable
    if not m & {Parameter.SERUM_M_PROTEIN, Parameter.URINE_M_PROTEIN}:
        found.append(Parameter.DFLC)
        if Parameter.DFLC not in m:
            found.append(Parameter.BMPC)
    return tuple(found)


def lesion_count(image: Imaging) -> int | None:
    """D27: the bone lesions an imaging entry reports: focal lesions on MRI, else lytic lesions."""
    if image.modality is ImagingModality.WB_MRI:
        return image.mri_focal_lesions
    return image.lytic_lesions


def imaging_baseline(history: PatientHistory, start: dt.date) -> Imaging | None:
    """D27: the latest whole-body imaging reporting a lesion count, on or before start + 30 d.

    Reading where D27 is silent, erring toward showing: an imaging entry with no
    count cannot be compared, so the latest one that reports a count is the baseline.
    """
    until = add_days(start, IMAGING_BASELINE_DAYS)
    found = [
        i
        for i in history.imaging
        if i.modality in WHOLE_BODY_MODALITIES and i.date <= until and lesion_count(i) is not None
    ]
    return found[-1] if found else None


def _lesion_checks(history: PatientHistory, start: dt.date) -> list[_Check]:
    """D27: each later whole-body imaging of any modality against the baseline imaging's count."""
    base = imaging_baseline(history, start)
    if base is None:
        return []
    base_count = lesion_count(base)
    assert base_count is not None
    until = add_days(start, IMAGING_BASELINE_DAYS)
    return [
        _Check(
            i.date,
            count,
            base_count,
            base.date,
            count > base_count,
            i.id,
            i.modality,
            base.modality,
        )
        for i in history.imaging
        if i.modality in WHOLE_BODY_MODALITIES
        and i.date > until
        and (count := lesion_count(i)) is not None
    ]


def _plasmacytoma_checks(history: PatientHistory, start: dt.date) -> list[_Check]:
    """D27: a new plasmacytoma after the baseline window, on imaging or as a clinical event.

    An imaging report is new unless the baseline imaging (the latest report of
    plasmacytoma status on or before start + 30 d) showed one; a later report of
    none counts against it. A ``plasmacytoma`` clinical event after the window is new.
    Reading where D27 is silent: events within the window belong to the episode's
    baseline, as imaging does.
    """
    until = add_days(start, IMAGING_BASELINE_DAYS)
    reported = [i for i in history.imaging if i.plasmacytoma is not None]
    before = [i for i in reported if i.date <= until]
    base = before[-1] if before else None
    if base is not None and base.plasmacytoma:
        return []
    base_date = base.date if base else None
    base_modality = base.modality if base else None
    checks = [
        _Check(
            i.date,
            float(bool(i.plasmacytoma)),
            0.0,
            base_date,
            bool(i.plasmacytoma),
            i.id,
            i.modality,
            base_modality,
        )
        for i in reported
        if i.date > until
    ]
    checks += [
        _Check(e.date, 1.0, 0.0, base_date, True, e.id)
        for e in history.clinical_events
        if e.kind is ClinicalEventKind.PLASMACYTOMA and e.date > until
    ]
    return sorted(checks, key=lambda c: c.date)


def _first_progression(
    checks: Sequence[_Check],
) -> tuple[_Check, _Check | None] | None:
    """The first PD met twice running (confirmed, with the confirming check), else the
    latest check if it meets PD."""
    for check, following in pairwise(checks):
        if check.met and following.met:
            return check, following
    if checks and checks[-1].met:
        return checks[-1], None
    return None


def _shown(value: float) -> float:
    """A value rounded for a message (display only)."""
    return round(value, 2)


# The analyte whose unit a laboratory PD criterion's values are shown in; dFLC in that of
# the involved chain. BMPC is a percentage and stays a plain number.
_PD_ANALYTES = {
    PdCriterion.SERUM_M_PROTEIN: Analyte.SERUM_MPROTEIN,
    PdCriterion.URINE_M_PROTEIN: Analyte.URINE_MPROTEIN,
}
_CHAIN_ANALYTES = {LightChain.KAPPA: Analyte.FLC_KAPPA, LightChain.LAMBDA: Analyte.FLC_LAMBDA}


def _pd_analyte(criterion: PdCriterion, chain: LightChain | None) -> Analyte | None:
    if criterion is PdCriterion.DFLC:
        return _CHAIN_ANALYTES[chain] if chain is not None else None
    return _PD_ANALYTES.get(criterion)


def _finding_message(
    criterion: PdCriterion,
    check: _Check,
    chain: LightChain | None = None,
) -> Message:
    if criterion is PdCriterion.LYTIC_LESIONS:
        key = "response.pd.lytic_lesions"
        if check.reference_modality is not check.modality:
            key += ".other_modality"  # D27: confirm the lesions are new
        return msg(
            key,
            date=check.date,
            modality=str(check.modality),
            count=int(check.value),
            baseline_count=int(check.reference),
            baseline_date=check.reference_date,
        )
    if criterion is PdCriterion.PLASMACYTOMA:
        if check.modality is None:
            return msg("response.pd.plasmacytoma.event", date=check.date)
        if check.reference_date is None:
            return msg(
                "response.pd.plasmacytoma.no_baseline",
                date=check.date,
                modality=str(check.modality),
            )
        return msg(
            "response.pd.plasmacytoma",
            date=check.date,
            modality=str(check.modality),
            baseline_date=check.reference_date,
        )
    analyte = _pd_analyte(criterion, chain)

    def shown(value: float) -> ParamValue:
        rounded = _shown(value)
        return rounded if analyte is None else Quantity(analyte, rounded)

    return msg(
        f"response.pd.{criterion.value}",
        date=check.date,
        value=shown(check.value),
        nadir=shown(check.reference),
        nadir_date=check.reference_date,
        rise=shown(check.value - check.reference),
    )


def _finding(
    criterion: PdCriterion, checks: Sequence[_Check], chain: LightChain | None = None
) -> PdFinding | None:
    found = _first_progression(checks)
    if found is None:
        return None
    check, confirming = found
    entries = (check.entry_id,) if confirming is None else (check.entry_id, confirming.entry_id)
    return PdFinding(
        criterion=criterion,
        date=check.date,
        value=check.value,
        reference=check.reference,
        reference_date=check.reference_date,
        confirmed_on=confirming.date if confirming else None,
        modality=check.modality,
        message=_finding_message(criterion, check, chain),
        entries=entries,
        reference_modality=check.reference_modality,
    )


def _progression(findings: Sequence[PdFinding]) -> Progression | None:
    """D20: the earliest confirmed PD; else the earliest PD still unconfirmed.

    ``findings`` holds every criterion met (confirmed ones only, once any is), earliest first.
    """
    confirmed = [f for f in findings if f.confirmed_on is not None]
    chosen = sorted(confirmed or findings, key=lambda f: f.date)
    if not chosen:
        return None
    first = chosen[0]
    if first.confirmed_on is not None:
        message = msg(
            "response.progression.confirmed",
            criteria=CRITERIA,
            date=first.date,
            confirmed_on=first.confirmed_on,
        )
    else:
        message = msg("response.progression.unconfirmed", criteria=CRITERIA, date=first.date)
    return Progression(
        criteria=CRITERIA,
        date=first.date,
        confirmed=first.confirmed_on is not None,
        confirmed_on=first.confirmed_on,
        findings=tuple(chosen),
        message=message,
    )


def _series(course: _Course, pd_dates: frozenset[dt.date]) -> tuple[ResponsePoint, ...]:
    """The category on each date with a new value of the branch's measure since its baseline."""
    branch = course.baseline.branch
    if branch is None:
        return ()
    baseline_date = course.baseline.values[_BRANCH_PARAMETERS[branch]].date
    points: list[ResponsePoint] = []
    for day in sorted(d for d in course.measured if d > baseline_date):
        snapshot = course.snapshot(day)
        if snapshot.primary(branch) is None:
            continue
        category, missing = (
            (ResponseCategory.PD, ()) if day in pd_dates else _category(course.baseline, snapshot)
        )
        points.append(ResponsePoint(day, category, missing, course.measured[day]))
    return tuple(points)


def _decisive(category: ResponseCategory, primary: frozenset[Analyte]) -> frozenset[Analyte]:
    """What a repeat assessment must newly measure to confirm a category (D14)."""
    if category in (ResponseCategory.SCR, ResponseCategory.CR):
        return _IFE
    return primary


def _confirming_pair(
    points: Sequence[ResponsePoint], category: ResponseCategory, primary: frozenset[Analyte]
) -> tuple[ResponsePoint, ResponsePoint] | None:
    """D14: the last two assessments that newly measured the deciding values, if both meet it."""
    decisive = _decisive(category, primary)
    relevant = [p for p in points if p.measured & decisive]
    if len(relevant) < 2:
        return None
    earlier, later = relevant[-2:]
    if meets(earlier.category, category) and meets(later.category, category):
        return earlier, later
    return None


def _best(
    points: Sequence[ResponsePoint], primary: frozenset[Analyte]
) -> tuple[ResponseCategory | None, bool]:
    """The best category met by two consecutive assessments; else the best single one."""
    for category in ResponseCategory:
        if category is ResponseCategory.PD:
            continue
        decisive = _decisive(category, primary)
        relevant = [p for p in points if p.measured & decisive]
        if any(
            meets(a.category, category) and meets(b.category, category)
            for a, b in pairwise(relevant)
        ):
            return category, True
    reached = [p.category for p in points if p.category is not ResponseCategory.PD]
    return (min(reached, key=_RANK.__getitem__), False) if reached else (None, False)


def _nadirs(course: _Course) -> dict[Parameter, Measurement]:
    """D20: the lowest value of each applicable parameter since its baseline, baseline included."""
    found: dict[Parameter, Measurement] = {}
    for parameter in _applicable_lab_criteria(course.baseline):
        base = course.baseline.values.get(parameter)
        if base is not None:
            later = course.tracks[parameter].after(base.date).values
            found[parameter] = min([base, *later], key=lambda m: m.value)
    return found


_MISSING_MESSAGES = {item: f"response.missing.{item.value}" for item in Missing}


def _category_messages(
    course: _Course,
    points: Sequence[ResponsePoint],
    confirming: tuple[ResponsePoint, ResponsePoint] | None,
) -> list[Message]:
    latest = points[-1]
    messages = [
        msg(
            "response.category.confirmed",
            criteria=CRITERIA,
            category=latest.category.value,
            date=latest.date,
            previous=confirming[0].date,
        )
        if confirming
        else msg(
            "response.category.unconfirmed",
            criteria=CRITERIA,
            category=latest.category.value,
            date=latest.date,
        )
    ]
    messages += [msg(_MISSING_MESSAGES[item]) for item in latest.missing]
    if latest.category is ResponseCategory.SCR:
        messages.append(msg("response.note.scr_ihc_not_recorded"))
    if course.baseline.plasmacytoma and latest.category in (
        ResponseCategory.PR,
        ResponseCategory.MR,
    ):
        messages.append(
            msg("response.note.plasmacytoma_spd_not_recorded", category=latest.category.value)
        )
    return messages


def _without_series(
    course: _Course | None, message: Message, progression: Progression | None
) -> ResponseResult:
    """A result with no assessment to categorise; progression may still have been found."""
    messages = [message]
    if progression is not None:
        messages += [progression.message, *(f.message for f in progression.findings)]
    return ResponseResult(
        criteria=CRITERIA,
        baseline=course.baseline if course else None,
        nadirs=_nadirs(course) if course else {},
        series=(),
        best=None,
        best_confirmed=False,
        category=ResponseCategory.PD if progression else None,
        date=_latest_evidence(progression) if progression else None,
        confirmed=progression.confirmed if progression else False,
        missing=(),
        progression=progression,
        messages=tuple(messages),
    )


def _latest_evidence(progression: Progression) -> dt.date:
    return max(f.confirmed_on or f.date for f in progression.findings)


def _course_progression(
    course: _Course, history: PatientHistory
) -> tuple[Progression | None, frozenset[dt.date]]:
    """PD from every applicable criterion, and the dates a lab criterion was met."""
    findings: list[PdFinding] = []
    pd_dates: set[dt.date] = set()
    for parameter in _applicable_lab_criteria(course.baseline):
        criterion = PdCriterion(parameter.value)
        checks = _lab_checks(
            criterion, course.baseline.values.get(parameter), course.tracks[parameter]
        )
        pd_dates.update(c.date for c in checks if c.met)
        found = _finding(criterion, checks, chain=course.baseline.involved_chain)
        if found is not None:
            findings.append(found)
    start = course.baseline.start
    for criterion, checks in (
        (PdCriterion.LYTIC_LESIONS, _lesion_checks(history, start)),
        (PdCriterion.PLASMACYTOMA, _plasmacytoma_checks(history, start)),
    ):
        if (found := _finding(criterion, checks)) is not None:
            findings.append(found)
    return _progression(findings), frozenset(pd_dates)


def evaluate(ctx: Context) -> ResponseResult:
    """The IMWG 2016 response of the current treatment episode (D22) as of ``ctx.as_of``."""
    episode = ctx.episode
    if episode is None:
        return _without_series(None, msg("response.no_episode"), None)
    course = _course(ctx, episode)
    baseline = course.baseline
    progression, pd_dates = _course_progression(course, ctx.history)
    points = _series(course, pd_dates)
    if points:
        return _result(course, points, progression)
    key = "response.no_assessment" if baseline.branch else "response.not_measurable"
    message = msg(key, criteria=CRITERIA, start=baseline.start)
    return _without_series(course, message, progression)


def _result(
    course: _Course, points: tuple[ResponsePoint, ...], progression: Progression | None
) -> ResponseResult:
    """The category and its messages: PD when confirmed, or unconfirmed and not followed
    by a later assessment; otherwise the latest assessment's category.

    Reading where D19 and D27 are silent: an unconfirmed PD by imaging or a
    plasmacytoma is not repeated by the laboratory assessments after it, so those
    set the current response while ``progression`` (and ``alert.progression``)
    keeps showing it until a repeat confirms or withdraws it.
    """
    latest = points[-1]
    before_pd = [
        p
        for p in points
        if progression is None or not progression.confirmed or p.date < progression.date
    ]
    best, best_confirmed = _best(before_pd, course.primary)
    if progression is not None and (progression.confirmed or progression.date >= latest.date):
        category = ResponseCategory.PD
        date = max(latest.date, _latest_evidence(progression))
        confirmed = progression.confirmed
        missing: tuple[Missing, ...] = ()
        messages = [progression.message, *(f.message for f in progression.findings)]
    else:
        confirming = _confirming_pair(points, latest.category, course.primary)
        category, date, confirmed, missing = (
            latest.category,
            latest.date,
            confirming is not None,
            latest.missing,
        )
        messages = _category_messages(course, points, confirming)
    return ResponseResult(
        criteria=CRITERIA,
        baseline=course.baseline,
        nadirs=_nadirs(course),
        series=points,
        best=best,
        best_confirmed=best_confirmed,
        category=category,
        date=date,
        confirmed=confirmed,
        missing=missing,
        progression=progression,
        messages=tuple(messages),
    )


def _mrd_state(test: MrdTest) -> MrdState:
    """§4/§6: a negative counts only at a sensitivity of at least 1 in 10⁵."""
    if test.result is MrdResult.POSITIVE:
        return MrdState.POSITIVE
    if test.sensitivity <= MRD_SENSITIVITY:
        return MrdState.NEGATIVE
    return MrdState.NEGATIVE_INSUFFICIENT


def _mrd_test_message(test: MrdTest, state: MrdState) -> Message:
    common = {"date": test.date, "method": test.method.value, "sensitivity": test.sensitivity}
    if state is MrdState.NEGATIVE_INSUFFICIENT:
        return msg("mrd_status.negative_insufficient", required=MRD_SENSITIVITY, **common)
    return msg(f"mrd_status.{state.value}", **common)


def _negative_run(tests: Sequence[MrdTest]) -> tuple[MrdTest, MrdTest] | None:
    """The first and last countable negatives since the last positive result."""
    first: MrdTest | None = None
    last: MrdTest | None = None
    for test in tests:
        state = _mrd_state(test)
        if state is MrdState.POSITIVE:
            first = last = None
        elif state is MrdState.NEGATIVE:
            first = first or test
            last = test
    return (first, last) if first and last else None


def _run_messages(
    first: MrdTest, last: MrdTest, sustained: bool, pet: Imaging | None
) -> list[Message]:
    if not sustained:
        due = add_days(first.date, SUSTAINED_MRD_DAYS)
        return [msg("mrd_status.not_sustained", first=first.date, last=last.date, due=due)]
    days = (last.date - first.date).days
    found = [msg("mrd_status.sustained", first=first.date, last=last.date, days=days)]
    if pet is None:
        found.append(msg("mrd_status.sustained_imaging_missing", first=first.date, last=last.date))
    else:
        found.append(
            msg("mrd_status.sustained_imaging", first=first.date, last=last.date, pet_date=pet.date)
        )
    return found


def mrd_status(ctx: Context) -> MrdStatus:
    """§4, §6: the latest MRD result, and sustained and imaging-plus negativity this episode.

    The negative run counts the tests dated after the current episode started
    (D22); without an episode every test counts.
    """
    tests = ctx.history.mrd_tests
    if not tests:
        return MrdStatus(
            CRITERIA, None, MrdState.NONE, None, None, False, None, None, (msg("mrd_status.none"),)
        )
    latest = tests[-1]
    state = _mrd_state(latest)
    start = ctx.episode.start if ctx.episode else dt.date.min
    run = _negative_run([t for t in tests if t.date > start])
    messages = [_mrd_test_message(latest, state)]
    if run is None:
        return MrdStatus(CRITERIA, latest, state, None, None, False, None, None, tuple(messages))
    first, last = run
    pets = [
        i
        for i in ctx.history.imaging
        if i.modality is ImagingModality.PET_CT and i.fdg_avid is not None and i.date > start
    ]
    sustained = (last.date - first.date).days >= SUSTAINED_MRD_DAYS
    clear_between = [p for p in pets if not p.fdg_avid and first.date <= p.date <= last.date]
    sustained_pet = clear_between[-1] if clear_between else None
    plus_pet = pets[-1] if pets and not pets[-1].fdg_avid and pets[-1].date >= first.date else None
    messages += _run_messages(first, last, sustained, sustained_pet)
    if plus_pet is not None:
        messages.append(msg("mrd_status.imaging_plus", mrd_date=first.date, pet_date=plus_pet.date))
    return MrdStatus(
        criteria=CRITERIA,
        latest=latest,
        state=state,
        first_negative=first,
        last_negative=last,
        sustained=sustained,
        sustained_imaging=sustained_pet if sustained else None,
        imaging_plus_pet=plus_pet,
        messages=tuple(messages),
    )
