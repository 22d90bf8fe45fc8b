"""Smouldering myeloma risk (clinical-rules.md §2; D1, D2, D6).

Recomputed from the latest values on or before as_of: BMPC from the latest marrow,
the latest serum M-protein, the latest κ/λ pair read as involved over uninvolved
(``crab.flc_ratios``), and each FISH abnormality as its most adverse finding ever
reported (D29: cytogenetic risk is cumulative).
A risk group is given only when no value of the missing inputs could change it;
missing FISH in the IMWG 2020 score is the exception D2 settles (scored 0, incomplete).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from mmtracker.logic.codes import Analyte
from mmtracker.logic.context import Context
from mmtracker.logic.crab import comparable, flc_ratios, latest_flc_ratio
from mmtracker.logic.dates import add_months
from mmtracker.logic.messages import Message, ParamValue, Quantity, declare, msg
from mmtracker.logic.staging import Flag, InputUsed, abnormal, any_of, cytogenetic_input


class RiskGroup(StrEnum):
    LOW = "low"
    LOW_INTERMEDIATE = "low_intermediate"
    INTERMEDIATE = "intermediate"
    HIGH = "high"


# §2a Mayo 2018 "20/2/20" risk factors, all strict ">".
MAYO_BMPC = 20.0  # BMPC >20%
MAYO_M_PROTEIN = 20.0  # serum M-protein >2 g/dL (>20 g/L)
MAYO_FLC_RATIO = 20.0  # involved/uninvolved FLC ratio >20

# D1: each figure with its own source.
TTP_SOURCE = "Lakshman 2018, Blood Cancer J 8:59"
RISK_SOURCE = "Mateos 2020, Blood Cancer J 10:102"
# §2a table by factors present (0, 1, ≥2): group, median TTP months, 2-year progression %.
MAYO_2018 = (
    (RiskGroup.LOW, 110, 6.0),
    (RiskGroup.INTERMEDIATE, 68, 18.0),
    (RiskGroup.HIGH, 29, 44.0),
)
# §2a Mateos 2020 four groups by factors incl. FISH (0, 1, 2, ≥3): group, 2-year progression %.
MATEOS_2020 = (
    (RiskGroup.LOW, 6.0),
    (RiskGroup.LOW_INTERMEDIATE, 23.0),
    (RiskGroup.INTERMEDIATE, 46.0),
    (RiskGroup.HIGH, 63.0),
)

# §2b IMWG 2020 bands, D2: lower edge exclusive, upper inclusive. (upper, points), then the top.
FLC_RATIO_BANDS = ((10.0, 0), (25.0, 2), (40.0, 3))
FLC_RATIO_TOP = 5  # >40
M_PROTEIN_BANDS = ((15.0, 0), (30.0, 3))  # g/L: 1.5 and 3 g/dL
M_PROTEIN_TOP = 4  # >3 g/dL
BMPC_BANDS = ((15.0, 0), (20.0, 2), (30.0, 3), (40.0, 5))
BMPC_TOP = 6  # >40%
FISH_POINTS = 2
# D2: FISH abnormality = t(4;14), t(14;16), +1q (gain or amplification), del(13q).
FISH_ABNORMALITIES = ("t_4_14", "t_14_16", "gain_1q", "del_13q")
# §2b / D2 score groups: (highest score, group, 2-year progression %), then >12.
IMWG_GROUPS = (
    (4, RiskGroup.LOW, 3.8),
    (8, RiskGroup.LOW_INTERMEDIATE, 26.0),
    (12, RiskGroup.INTERMEDIATE, 51.0),
)
IMWG_TOP = (RiskGroup.HIGH, 73.0)
# §2b 2-year progression % by exact score (a score of 1 cannot occur); above 15: 88.9.
SCORE_RISK = {
    0: 1.3,
    2: 5.4,
    3: 2.6,
    4: 10.3,
    5: 19.2,
    6: 23.4,
    7: 27.6,
    8: 35.0,
    9: 48.6,
    10: 41.9,
    11: 50.0,
    12: 61.9,
    13: 50.0,
    14: 78.6,
    15: 83.3,
}
SCORE_RISK_TOP = 88.9

# D6 PANGEA-SMM evolving biomarkers.
PANGEA_M_PROTEIN_RISE = 2.0  # ≥0.2 g/dL = 2 g/L
PANGEA_FLC_RATIO_RISE = 20.0  # ≥20
PANGEA_CREATININE_RISE_PERCENT = 25.0  # >25%
PANGEA_HB_FALL = 15.0  # ≥1.5 g/dL = 15 g/L

_EVOLVING_PARAMS = ("latest", "latest_date", "baseline", "baseline_date", "change", "limit")
PANGEA_CODES = ("m_protein", "flc_ratio", "creatinine", "hemoglobin")

declare({f"smm.missing.{name}": () for name in ("bmpc", "m_protein", "flc", "fish")})
declare(
    {
        **{
            f"smm.mayo2018.{group}": (
                "factors",
                "median_ttp_months",
                "ttp_source",
                "two_year_percent",
                "risk_source",
            )
            for group, _, _ in MAYO_2018
        },
        "smm.mayo2018.undetermined": ("factors_low", "factors_high"),
        **{f"smm.mateos2020.{group}": ("factors", "two_year_percent") for group, _ in MATEOS_2020},
        "smm.mateos2020.undetermined": ("factors_low", "factors_high"),
        **{
            f"smm.imwg2020.{group}": ("score", "group_percent", "score_percent")
            for group in RiskGroup
        },
        "smm.imwg2020.not_computable": (),
    }
)
declare(
    {
        f"smm.pangea.{code}.{state}": _EVOLVING_PARAMS
        for code in PANGEA_CODES
        for state in ("met", "not_met")
    }
)
declare({f"smm.pangea.{code}.not_evaluable": () for code in PANGEA_CODES})


@dataclass(frozen=True, slots=True)
class Mayo2018:
    """§2a "20/2/20" (D1): ``factors`` names the risk factors present."""

    group: RiskGroup | None
    factors: tuple[str, ...]
    median_ttp_months: int | None
    two_year_percent: float | None
    message: Message
    ttp_source: str = TTP_SOURCE
    risk_source: str = RISK_SOURCE


@dataclass(frozen=True, slots=True)
class Mateos2020:
    """§2a four-group variant: the 20/2/20 factors plus a FISH abnormality."""

    group: RiskGroup | None
    factors: tuple[str, ...]
    two_year_percent: float | None
    message: Message


@dataclass(frozen=True, slots=True)
class Imwg2020:
    """§2b score (D2); ``complete`` is False when FISH was not available (scored 0)."""

    score: int | None
    points: tuple[tuple[str, int], ...]
    group: RiskGroup | None
    group_percent: float | None
    score_percent: float | None
    complete: bool
    message: Message


@dataclass(frozen=True, slots=True)
class EvolvingBiomarker:
    """A PANGEA-SMM evolving biomarker (D6): the latest value against the earliest
    value of the preceding window; ``met`` None when there is no such pair."""

    code: str
    met: bool | None
    limit: float
    message: Message
    latest: float | None = None
    latest_date: dt.date | None = None
    baseline: float | None = None
    baseline_date: dt.date | None = None
    change: float | None = None


@dataclass(frozen=True, slots=True)
class SmmRisk:
    mayo_2018: Mayo2018
    mateos_2020: Mateos2020
    imwg_2020: Imwg2020
    pangea: tuple[EvolvingBiomarker, ...]
    inputs: tuple[InputUsed, ...]
    missing: tuple[Message, ...]


@dataclass(frozen=True, slots=True)
class _Inputs:
    bmpc: float | None
    m_protein: float | None
    flc_ratio: float | None
    fish: Flag
    used: tuple[InputUsed, ...]
    missing: tuple[Message, ...]


def _gather(ctx: Context) -> _Inputs:
    used: list[InputUsed] = []
    missing: list[Message] = []
    values: dict[str, float | None] = {}
    for name, analyte in (("bmpc", Analyte.BMPC), ("m_protein", Analyte.SERUM_MPROTEIN)):
        latest = ctx.labs.latest(analyte)
        values[name] = None if latest is None else latest.si
        if latest is None:
            missing.append(msg(f"smm.missing.{name}"))
        else:
            used.append(InputUsed(name, latest.si, latest.date))
    flc = latest_flc_ratio(ctx)
    ratio = None if flc is None else flc.ratio
    if flc is None or ratio is None:
        missing.append(msg("smm.missing.flc"))
    else:
        used.append(InputUsed("flc_ratio", ratio, flc.date))
    findings = [cytogenetic_input(ctx, name) for name in FISH_ABNORMALITIES]
    used.extend(f for f in findings if f is not None)
    fish = any_of(*(None if f is None else abnormal(f.name, f.value) for f in findings))
    if fish is None:
        missing.append(msg("smm.missing.fish"))
    return _Inputs(values["bmpc"], values["m_protein"], ratio, fish, tuple(used), tuple(missing))


def _inputs(ctx: Context) -> _Inputs:
    return ctx.memo("smm.inputs", _gather)


def _above(value: float | None, limit: float) -> Flag:
    return None if value is None else comparable(value) > limit


def _grouped(factors: dict[str, Flag], groups: int) -> tuple[tuple[str, ...], int | None, int, int]:
    """The factors present; the group index (the last group takes every larger count),
    None when the unknown factors could change it; the fewest and most factors possible."""
    present = tuple(name for name, found in factors.items() if found)
    low = len(present)
    high = low + sum(found is None for found in factors.values())
    top = groups - 1
    index = min(low, top) if min(low, top) == min(high, top) else None
    return present, index, low, high


def _mayo_factors(inputs: _Inputs) -> dict[str, Flag]:
    return {
        "bmpc": _above(inputs.bmpc, MAYO_BMPC),
        "m_protein": _above(inputs.m_protein, MAYO_M_PROTEIN),
        "flc_ratio": _above(inputs.flc_ratio, MAYO_FLC_RATIO),
    }


def mayo_2018(ctx: Context) -> Mayo2018:
    """§2a: factors BMPC >20%, M-protein >20 g/L, FLC ratio >20; 0 low, 1 intermediate, ≥2 high."""
    inputs = _inputs(ctx)
    present, index, low, high = _grouped(_mayo_factors(inputs), len(MAYO_2018))
    if index is None:
        message = msg("smm.mayo2018.undetermined", factors_low=low, factors_high=high)
        return Mayo2018(None, present, None, None, message)
    group, ttp, risk = MAYO_2018[index]
    message = msg(
        f"smm.mayo2018.{group}",
        factors=len(present),
        median_ttp_months=ttp,
        ttp_source=TTP_SOURCE,
        two_year_percent=risk,
        risk_source=RISK_SOURCE,
    )
    return Mayo2018(group, present, ttp, risk, message)


def mateos_2020(ctx: Context) -> Mateos2020:
    """§2a four groups: the 20/2/20 factors and a FISH abnormality; 0, 1, 2, ≥3."""
    inputs = _inputs(ctx)
    factors = {**_mayo_factors(inputs), "fish": inputs.fish}
    present, index, low, high = _grouped(factors, len(MATEOS_2020))
    if index is None:
        message = msg("smm.mateos2020.undetermined", factors_low=low, factors_high=high)
        return Mateos2020(None, present, None, message)
    group, risk = MATEOS_2020[index]
    message = msg(f"smm.mateos2020.{group}", factors=len(present), two_year_percent=risk)
    return Mateos2020(group, present, risk, message)


def _band_points(value: float, bands: Sequence[tuple[float, int]], top: int) -> int:
    settled = comparable(value)
    return next((points for upper, points in bands if settled <= upper), top)


def imwg_2020_group(score: int) -> tuple[RiskGroup, float]:
    """The §2b group of a score and its 2-year progression %."""
    return next(((g, pct) for top, g, pct in IMWG_GROUPS if score <= top), IMWG_TOP)


def imwg_2020_score_risk(score: int) -> float:
    """The §2b 2-year progression % of an exact score."""
    return SCORE_RISK_TOP if score > max(SCORE_RISK) else SCORE_RISK[score]


def imwg_2020(ctx: Context) -> Imwg2020:
    """§2b (D2): FLC ratio, M-protein, BMPC bands and FISH +2; missing FISH scores 0."""
    inputs = _inputs(ctx)
    labs = (
        ("flc_ratio", inputs.flc_ratio, FLC_RATIO_BANDS, FLC_RATIO_TOP),
        ("m_protein", inputs.m_protein, M_PROTEIN_BANDS, M_PROTEIN_TOP),
        ("bmpc", inputs.bmpc, BMPC_BANDS, BMPC_TOP),
    )
    points = [(name, _band_points(v, bands, top)) for name, v, bands, top in labs if v is not None]
    points.append(("fish", FISH_POINTS if inputs.fish else 0))
    complete = inputs.fish is not None
    if any(value is None for _, value, _, _ in labs):
        message = msg("smm.imwg2020.not_computable")
        return Imwg2020(None, tuple(points), None, None, None, complete, message)
    score = sum(p for _, p in points)
    group, group_percent = imwg_2020_group(score)
    score_percent = imwg_2020_score_risk(score)
    message = msg(
        f"smm.imwg2020.{group}",
        score=score,
        group_percent=group_percent,
        score_percent=score_percent,
    )
    return Imwg2020(score, tuple(points), group, group_percent, score_percent, complete, message)


# --- PANGEA-SMM evolving biomarkers (D6) -------------------------------------------------

Series = Sequence[tuple[dt.date, float]]


@dataclass(frozen=True, slots=True)
class _Biomarker:
    code: str
    limit: float
    strict: bool  # ">" rather than "≥"
    change: Callable[[float, float], float]  # (baseline, latest) -> change compared with limit
    analyte: Analyte | None = None  # the unit the values are shown in; None: a plain number
    change_in_unit: bool = True  # the change is a difference in that unit (not a percentage)


BIOMARKERS = (
    _Biomarker(
        "m_protein",
        PANGEA_M_PROTEIN_RISE,
        False,
        lambda base, last: last - base,
        Analyte.SERUM_MPROTEIN,
    ),
    _Biomarker("flc_ratio", PANGEA_FLC_RATIO_RISE, False, lambda base, last: last - base),
    _Biomarker(
        "creatinine",
        PANGEA_CREATININE_RISE_PERCENT,
        True,
        lambda base, last: (last - base) / base * 100,
        Analyte.CREATININE,
        change_in_unit=False,
    ),
    _Biomarker(
        "hemoglobin", PANGEA_HB_FALL, False, lambda base, last: base - last, Analyte.HEMOGLOBIN
    ),
)


def _shown(marker: _Biomarker, value: float, *, is_change: bool = False) -> ParamValue:
    """A value of a biomarker's message: a quantity of its analyte, or a plain number."""
    if marker.analyte is None or (is_change and not marker.change_in_unit):
        return value
    return Quantity(marker.analyte, value)


def _series(ctx: Context, code: str) -> Series:
    if code == "flc_ratio":
        return [(r.date, r.ratio) for r in flc_ratios(ctx) if r.ratio is not None]
    analyte = {
        "m_protein": Analyte.SERUM_MPROTEIN,
        "creatinine": Analyte.CREATININE,
        "hemoglobin": Analyte.HEMOGLOBIN,
    }[code]
    return [(v.date, v.si) for v in ctx.labs.series(analyte)]


def _evolving(marker: _Biomarker, series: Series, window_months: int) -> EvolvingBiomarker:
    not_evaluable = msg(f"smm.pangea.{marker.code}.not_evaluable")
    if not series:
        return EvolvingBiomarker(marker.code, None, marker.limit, not_evaluable)
    latest_date, latest = series[-1]
    start = add_months(latest_date, -window_months)
    earlier = [(d, v) for d, v in series if start <= d < latest_date]
    if not earlier:
        return EvolvingBiomarker(
            marker.code, None, marker.limit, not_evaluable, latest, latest_date
        )
    baseline_date, baseline = earlier[0]
    change = marker.change(baseline, latest)
    settled = comparable(change)
    met = settled > marker.limit if marker.strict else settled >= marker.limit
    message = msg(
        f"smm.pangea.{marker.code}.{'met' if met else 'not_met'}",
        latest=_shown(marker, latest),
        latest_date=latest_date,
        baseline=_shown(marker, baseline),
        baseline_date=baseline_date,
        change=_shown(marker, change, is_change=True),
        limit=_shown(marker, marker.limit, is_change=True),
    )
    return EvolvingBiomarker(
        marker.code,
        met,
        marker.limit,
        message,
        latest,
        latest_date,
        baseline,
        baseline_date,
        change,
    )


def pangea_evolving(ctx: Context) -> tuple[EvolvingBiomarker, ...]:
    """D6: each biomarker's latest value against the earliest value in the preceding
    ``pangea.window_months`` (boundary day included)."""
    window = ctx.policy.whole("pangea.window_months")
    return tuple(_evolving(m, _series(ctx, m.code), window) for m in BIOMARKERS)


def _smm_risk(ctx: Context) -> SmmRisk:
    inputs = _inputs(ctx)
    return SmmRisk(
        mayo_2018=mayo_2018(ctx),
        mateos_2020=mateos_2020(ctx),
        imwg_2020=imwg_2020(ctx),
        pangea=pangea_evolving(ctx),
        inputs=inputs.used,
        missing=inputs.missing,
    )


def smm_risk(ctx: Context) -> SmmRisk:
    """The SMM risk models and PANGEA-SMM flags from the latest values on or before as_of."""
    return ctx.memo("smm_risk", _smm_risk)
