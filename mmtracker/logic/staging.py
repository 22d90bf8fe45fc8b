"""Staging and cytogenetic risk of active MM (clinical-rules.md §3; D3, D5, D15, D17).

Laboratory inputs: the latest value on or before as_of, counted from 60 days before
the start of the current active-MM course (§11 workup.staging accepts staging
inputs from 60 days before the NDMM date); without an active-MM course, the latest
value on or before as_of. Cytogenetics: each abnormality from the latest test that
reports it, whatever its date.

Nothing is guessed: a stage is given only when no value of the missing inputs
could change it, and every missing input of a score is listed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import product
from typing import TypeVar

from mmtracker.logic.codes import Analyte, CopyNumber1q, Del1p32, Phase
from mmtracker.logic.context import Context
from mmtracker.logic.crab import comparable
from mmtracker.logic.dates import add_days
from mmtracker.logic.history import Cytogenetics
from mmtracker.logic.labs import ldh_uln
from mmtracker.logic.messages import Message, Quantity, declare, msg
from mmtracker.logic.renal import CREATININE_UMOL_PER_MG_DL

T = TypeVar("T")
Flag = bool | None  # None: not known
Report = tuple[tuple["InputUsed", ...], tuple[Message, ...], tuple[Message, ...]]

COURSE_LOOKBACK_DAYS = 60  # §11 workup.staging: inputs within 60 days before the NDMM date

B2M_ISS_III = 5.5  # §3a ISS III: β2M ≥5.5 mg/L (D3)
B2M_ISS_I = 3.5  # §3a ISS I: β2M <3.5 mg/L
ALBUMIN_ISS_I = 35.0  # §3a ISS I: albumin ≥35 g/L

# §3c R2-ISS points.
R2_ISS_POINTS = {2: 1.0, 3: 1.5}  # ISS II 1, ISS III 1.5
R2_DEL_17P = 1.0
R2_LDH = 1.0
R2_T_4_14 = 1.0
R2_GAIN_1Q = 0.5
# §3c R2-ISS groups by score: I 0; II 0.5-1; III 1.5-2.5; IV 3-5 (upper bound, group).
R2_ISS_GROUPS = ((0.0, 1), (1.0, 2), (2.5, 3), (5.0, 4))

MAYO_TOP_GROUP = 2  # §3e: groups 0, 1 and ≥2 points

DEL_17P_CLONAL_FRACTION = 20.0  # §3d IMS/IMWG 2025: del(17p) clonal fraction ≥20% (D5)
# §3d IMS/IMWG 2025: normal creatinine <1.2 mg/dL, compared in µmol/L (§9 ×88.4; D15).
NORMAL_CREATININE_BELOW = 1.2 * CREATININE_UMOL_PER_MG_DL

LAB_INPUTS = {
    "b2m": Analyte.B2M,
    "albumin": Analyte.ALBUMIN,
    "ldh": Analyte.LDH,
    "creatinine": Analyte.CREATININE,
}
# Cytogenetic findings (Cytogenetics field names); del(17p)'s clonal fraction is read
# from the test that reports del(17p).
CYTOGENETIC_FINDINGS = (
    "del_17p",
    "tp53_mutation",
    "t_4_14",
    "t_14_16",
    "t_14_20",
    "gain_1q",
    "del_1p32",
    "del_13q",
    "hyperdiploid",
)
CLONAL_FRACTION = "del_17p_clonal_fraction"
STAGING_INPUTS = (
    *LAB_INPUTS,
    *(name for name in CYTOGENETIC_FINDINGS if name != "del_13q"),
    CLONAL_FRACTION,
)

declare({f"staging.missing.{name}": () for name in STAGING_INPUTS})
declare({"staging.ldh.default_uln": ("uln",)})


@dataclass(frozen=True, slots=True)
class InputUsed:
    """One input of a score: its value (SI, or the finding) and date.

    For LDH, ``limit`` is the ULN it was compared with and ``default_limit``
    says the policy default was used (D17).
    """

    name: str
    value: float | bool | str
    date: dt.date
    limit: float | None = None
    default_limit: bool = False


@dataclass(frozen=True, slots=True)
class Stage:
    """ISS or R-ISS stage (1-3); None when the missing inputs could change it."""

    stage: int | None
    inputs: tuple[InputUsed, ...]
    missing: tuple[Message, ...]
    notes: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class PointStage:
    """A points score and its group; either is None when the missing inputs could change it.

    R2-ISS: groups 1-4 (I-IV). Mayo additive: group 0, 1 or 2 (= 2 points or more).
    """

    points: float | None
    group: int | None
    inputs: tuple[InputUsed, ...]
    missing: tuple[Message, ...]
    notes: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class HighRisk:
    """A high-risk definition: ``present`` names what was found; None when undetermined."""

    high_risk: bool | None
    present: tuple[str, ...]
    inputs: tuple[InputUsed, ...]
    missing: tuple[Message, ...]
    notes: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class Staging:
    iss: Stage
    r_iss: Stage
    r2_iss: PointStage
    mayo_additive: PointStage
    ims_2025: HighRisk
    imwg_2016: HighRisk


# --- Inputs --------------------------------------------------------------------------


def course_start(ctx: Context) -> dt.date | None:
    """The start of the current active-MM course (its first phase after SMM), or None."""
    if not ctx.phases.active_mm:
        return None
    return next(c.date for c in ctx.phases.changes if c.phase is not Phase.SMM)


def _cytogenetic_findings(ctx: Context) -> dict[str, Cytogenetics]:
    found: dict[str, Cytogenetics] = {}
    for entry in reversed(ctx.history.cytogenetics):
        for name in CYTOGENETIC_FINDINGS:
            if name not in found and getattr(entry, name) is not None:
                found[name] = entry
    return found


def cytogenetic_findings(ctx: Context) -> Mapping[str, Cytogenetics]:
    """For each abnormality (Cytogenetics field name), the latest test that reports it."""
    return ctx.memo("staging.cytogenetics", _cytogenetic_findings)


def cytogenetic_input(ctx: Context, name: str) -> InputUsed | None:
    """The latest finding of one abnormality as an input (1q and 1p32 as their codes)."""
    entry = cytogenetic_findings(ctx).get(name)
    if entry is None:
        return None
    value: bool | CopyNumber1q | Del1p32 = getattr(entry, name)
    plain = value.value if isinstance(value, CopyNumber1q | Del1p32) else value
    return InputUsed(name, plain, entry.date)


def abnormal(name: str, value: float | bool | str) -> bool:
    """Whether a finding is abnormal: 1q gain or amplification, any del(1p32), or true."""
    if name == "gain_1q":
        return value != CopyNumber1q.NORMAL
    if name == "del_1p32":
        return value != Del1p32.NONE
    return bool(value)


def any_of(*flags: Flag) -> Flag:
    """Three-valued "or": true if any is true, unknown if any is unknown, else false."""
    if any(f is True for f in flags):
        return True
    return None if any(f is None for f in flags) else False


def all_of(*flags: Flag) -> Flag:
    """Three-valued "and": false if any is false, unknown if any is unknown, else true."""
    if any(f is False for f in flags):
        return False
    return None if any(f is None for f in flags) else True


@dataclass(frozen=True, slots=True)
class _Inputs:
    """The staging inputs found, by name."""

    used: dict[str, InputUsed]

    def value(self, name: str) -> float | bool | str | None:
        found = self.used.get(name)
        return None if found is None else found.value

    def si(self, name: str) -> float | None:
        value = self.value(name)
        return value if isinstance(value, float) else None

    def flag(self, name: str) -> Flag:
        """Whether a cytogenetic abnormality was found; None if not tested."""
        value = self.value(name)
        return None if value is None else abnormal(name, value)


def _gather(ctx: Context) -> _Inputs:
    start = course_start(ctx)
    since = add_days(start, -COURSE_LOOKBACK_DAYS) if start else None
    used: dict[str, InputUsed] = {}
    for name, analyte in LAB_INPUTS.items():
        value = ctx.labs.latest(analyte)
        if value is None or (since is not None and value.date < since):
            continue
        uln, default = ldh_uln(value, ctx.policy) if analyte is Analyte.LDH else (None, False)
        used[name] = InputUsed(name, value.si, value.date, uln, default)
    for name in CYTOGENETIC_FINDINGS:
        found = cytogenetic_input(ctx, name)
        if found is not None:
            used[name] = found
    del_17p = cytogenetic_findings(ctx).get("del_17p")
    if del_17p is not None and del_17p.del_17p_clonal_fraction is not None:
        fraction = float(del_17p.del_17p_clonal_fraction)
        used[CLONAL_FRACTION] = InputUsed(CLONAL_FRACTION, fraction, del_17p.date)
    return _Inputs(used)


def _inputs(ctx: Context) -> _Inputs:
    return ctx.memo("staging.inputs", _gather)


def _report(inputs: _Inputs, names: Iterable[str]) -> Report:
    """The inputs used, the missing ones and the notes of a score over ``names``."""
    names = tuple(names)
    ldh = inputs.used.get("ldh") if "ldh" in names else None
    notes = (
        (msg("staging.ldh.default_uln", uln=Quantity(Analyte.LDH, ldh.limit)),)
        if ldh is not None and ldh.default_limit and ldh.limit is not None
        else ()
    )
    return (
        tuple(inputs.used[n] for n in names if n in inputs.used),
        tuple(msg(f"staging.missing.{n}") for n in names if n not in inputs.used),
        notes,
    )


# --- Three-valued facts ----------------------------------------------------------------


def _choices(flag: Flag) -> tuple[bool, ...]:
    return (False, True) if flag is None else (flag,)


def _outcomes(rule: Callable[..., T], *domains: Iterable[object]) -> frozenset[T]:
    """Every result the rule can give over the possible values of its inputs."""
    return frozenset(rule(*values) for values in product(*domains))


def _only(outcomes: frozenset[T]) -> T | None:
    return next(iter(outcomes)) if len(outcomes) == 1 else None


def _at_least(value: float | None, limit: float) -> Flag:
    return None if value is None else comparable(value) >= comparable(limit)


def _ldh_high(inputs: _Inputs) -> Flag:
    """LDH above the lab's ULN, else above the policy default (§3b, D17)."""
    ldh = inputs.si("ldh")
    if ldh is None:
        return None
    uln = inputs.used["ldh"].limit
    assert uln is not None
    return comparable(ldh) > comparable(uln)


def _b2m_bands(inputs: _Inputs) -> tuple[str, ...]:
    """Where β2M lies against the ISS limits: below 3.5, between, or at least 5.5 mg/L."""
    b2m = inputs.si("b2m")
    if b2m is None:
        return ("low", "middle", "high")
    if comparable(b2m) >= B2M_ISS_III:
        return ("high",)
    return ("low",) if comparable(b2m) < B2M_ISS_I else ("middle",)


def _iss_stages(inputs: _Inputs) -> frozenset[int]:
    """The ISS stages still possible (§3a, D3)."""

    def stage(b2m_band: str, albumin_ok: bool) -> int:
        if b2m_band == "high":
            return 3
        return 1 if b2m_band == "low" and albumin_ok else 2

    albumin_ok = _at_least(inputs.si("albumin"), ALBUMIN_ISS_I)
    return _outcomes(stage, _b2m_bands(inputs), _choices(albumin_ok))


# --- Scores ----------------------------------------------------------------------------


def iss(ctx: Context) -> Stage:
    """ISS (§3a; D3): III if β2M ≥5.5 mg/L; I if β2M <3.5 mg/L and albumin ≥35 g/L; else II."""
    inputs = _inputs(ctx)
    return Stage(_only(_iss_stages(inputs)), *_report(inputs, ("b2m", "albumin")))


def r_iss(ctx: Context) -> Stage:
    """R-ISS (§3b): high-risk CA = del(17p), t(4;14) or t(14;16); high LDH = above ULN."""
    inputs = _inputs(ctx)
    high_risk_ca = any_of(*(inputs.flag(n) for n in ("del_17p", "t_4_14", "t_14_16")))

    def stage(iss_stage: int, ca: bool, ldh_high: bool) -> int:
        if iss_stage == 1 and not ca and not ldh_high:
            return 1
        return 3 if iss_stage == 3 and (ca or ldh_high) else 2

    stages = _outcomes(
        stage, _iss_stages(inputs), _choices(high_risk_ca), _choices(_ldh_high(inputs))
    )
    names = ("b2m", "albumin", "del_17p", "t_4_14", "t_14_16", "ldh")
    return Stage(_only(stages), *_report(inputs, names))


def r2_iss_group(score: float) -> int:
    """The R2-ISS group (1-4) of a score (§3c)."""
    return next(group for upper, group in R2_ISS_GROUPS if score <= upper)


def r2_iss(ctx: Context) -> PointStage:
    """R2-ISS (§3c): ISS II 1, ISS III 1.5, del(17p) 1, LDH > ULN 1, t(4;14) 1, 1q+ 0.5."""
    inputs = _inputs(ctx)

    def score(iss_stage: int, del_17p: bool, ldh_high: bool, t_4_14: bool, gain: bool) -> float:
        return (
            R2_ISS_POINTS.get(iss_stage, 0.0)
            + R2_DEL_17P * del_17p
            + R2_LDH * ldh_high
            + R2_T_4_14 * t_4_14
            + R2_GAIN_1Q * gain
        )

    scores = _outcomes(
        score,
        _iss_stages(inputs),
        _choices(inputs.flag("del_17p")),
        _choices(_ldh_high(inputs)),
        _choices(inputs.flag("t_4_14")),
        _choices(inputs.flag("gain_1q")),
    )
    group = _only(frozenset(map(r2_iss_group, scores)))
    names = ("b2m", "albumin", "del_17p", "ldh", "t_4_14", "gain_1q")
    return PointStage(_only(scores), group, *_report(inputs, names))


def mayo_additive(ctx: Context) -> PointStage:
    """Mayo additive staging (§3e): one point each for a high-risk IgH translocation,
    1q+, del(17p), ISS III (β2M ≥5.5 mg/L, D3) and LDH above ULN; groups 0, 1, ≥2."""
    inputs = _inputs(ctx)
    factors = (
        any_of(*(inputs.flag(n) for n in ("t_4_14", "t_14_16", "t_14_20"))),
        inputs.flag("gain_1q"),
        inputs.flag("del_17p"),
        _at_least(inputs.si("b2m"), B2M_ISS_III),
        _ldh_high(inputs),
    )
    points = _outcomes(lambda *present: sum(present), *map(_choices, factors))
    group = _only(frozenset(min(p, MAYO_TOP_GROUP) for p in points))
    names = ("t_4_14", "t_14_16", "t_14_20", "gain_1q", "del_17p", "b2m", "ldh")
    found = _only(points)
    return PointStage(None if found is None else float(found), group, *_report(inputs, names))


def ims_2025(ctx: Context) -> HighRisk:
    """IMS/IMWG 2025 high-risk MM (§3d; D5): any of

    - del17p_tp53: del(17p) in ≥20% clonal fraction, or a TP53 mutation;
    - translocation_1p_1q: t(4;14), t(14;16) or t(14;20) with 1q+ or del(1p32);
    - del_1p32: biallelic del(1p32), or monoallelic del(1p32) with 1q+;
    - b2m_normal_creatinine: β2M ≥5.5 mg/L with creatinine <1.2 mg/dL (106.08 µmol/L).
    """
    inputs = _inputs(ctx)
    del_17p = inputs.flag("del_17p")
    clonal = all_of(del_17p, _at_least(inputs.si(CLONAL_FRACTION), DEL_17P_CLONAL_FRACTION))
    del_1p32 = inputs.value("del_1p32")
    any_1p32 = inputs.flag("del_1p32")
    biallelic = None if del_1p32 is None else del_1p32 == Del1p32.BIALLELIC
    gain = inputs.flag("gain_1q")
    creatinine = inputs.si("creatinine")
    normal_creatinine = (
        None if creatinine is None else comparable(creatinine) < comparable(NORMAL_CREATININE_BELOW)
    )
    criteria = {
        "del17p_tp53": any_of(clonal, inputs.flag("tp53_mutation")),
        "translocation_1p_1q": all_of(
            any_of(*(inputs.flag(n) for n in ("t_4_14", "t_14_16", "t_14_20"))),
            any_of(gain, any_1p32),
        ),
        "del_1p32": any_of(biallelic, all_of(any_1p32, gain)),
        "b2m_normal_creatinine": all_of(
            _at_least(inputs.si("b2m"), B2M_ISS_III), normal_creatinine
        ),
    }
    names = [
        "del_17p",
        "tp53_mutation",
        "t_4_14",
        "t_14_16",
        "t_14_20",
        "gain_1q",
        "del_1p32",
        "b2m",
        "creatinine",
    ]
    if del_17p:
        names.insert(1, CLONAL_FRACTION)
    present = tuple(name for name, met in criteria.items() if met)
    return HighRisk(any_of(*criteria.values()), present, *_report(inputs, names))


def imwg_2016(ctx: Context) -> HighRisk:
    """IMWG 2016 poor-prognosis abnormalities (§3d): t(4;14), del(17p), t(14;16),
    t(14;20), non-hyperdiploidy and 1q gain (amplification included)."""
    inputs = _inputs(ctx)
    hyperdiploid = inputs.flag("hyperdiploid")
    abnormalities = {
        "t_4_14": inputs.flag("t_4_14"),
        "del_17p": inputs.flag("del_17p"),
        "t_14_16": inputs.flag("t_14_16"),
        "t_14_20": inputs.flag("t_14_20"),
        "non_hyperdiploid": None if hyperdiploid is None else not hyperdiploid,
        "gain_1q": inputs.flag("gain_1q"),
    }
    names = ("t_4_14", "del_17p", "t_14_16", "t_14_20", "hyperdiploid", "gain_1q")
    present = tuple(name for name, found in abnormalities.items() if found)
    return HighRisk(any_of(*abnormalities.values()), present, *_report(inputs, names))


def staging(ctx: Context) -> Staging:
    """Every staging system and cytogenetic risk definition of §3."""
    return Staging(
        iss=iss(ctx),
        r_iss=r_iss(ctx),
        r2_iss=r2_iss(ctx),
        mayo_additive=mayo_additive(ctx),
        ims_2025=ims_2025(ctx),
        imwg_2016=imwg_2016(ctx),
    )
