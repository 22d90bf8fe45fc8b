"""Staging at diagnosis and cytogenetic risk of active MM (clinical-rules.md §3; D3, D5, D15,
D17, D22, D29, D31).

**Stage at diagnosis** (D29): ISS, R-ISS, R2-ISS, Mayo additive and IMS 2025
criterion 4 take each input — β2M, albumin, LDH, creatinine and the cytogenetic
findings — from the result closest to the diagnosis date within ±60 days, among
those dated on or before the first line's start; only when there is none, the
closest after it. The diagnosis date is the first NDMM date or, for a patient
with active MM and no NDMM entry (care transferred in, D22), the first episode
start. Results outside the window never enter the stage, so values on treatment
never restage it.

**Cytogenetic risk** (D29) is cumulative: each abnormality counts as its most
adverse finding ever reported (1q amplification over gain, biallelic del(1p32)
over monoallelic, a detection over a later negative test), with the date of the
test that first reported it. IMS 2025 criteria 1-3, IMWG 2016 and the SMM
scores read it.

Nothing is guessed: a stage is given only when no value of the missing inputs
could change it, and every missing input of a score is listed.

Reading where D29 is silent: a result dated on the day the first line starts
counts as drawn before it (pre-treatment blood is drawn before the first dose);
of two results equally close to the diagnosis date the earlier counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import product
from typing import TypeVar

from mmtracker.logic.codes import Analyte, CopyNumber1q, Del1p32, Phase
from mmtracker.logic.context import Context
from mmtracker.logic.crab import comparable
from mmtracker.logic.history import Cytogenetics
from mmtracker.logic.labs import ldh_uln
from mmtracker.logic.messages import Message, Quantity, declare, msg
from mmtracker.logic.renal import CREATININE_UMOL_PER_MG_DL

T = TypeVar("T")
Flag = bool | None  # None: not known
Report = tuple[tuple["InputUsed", ...], tuple[Message, ...], tuple[Message, ...]]

DIAGNOSIS_WINDOW_DAYS = 60  # D29, §11 workup.staging: inputs within ±60 d of the diagnosis

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
# D31: the §3e figures, labelled with their source as D1 labels Mayo 2018's.
MAYO_ADDITIVE_SOURCE = "Abdallah 2022, Blood Cancer J 12:21"
# §3e by group (0, 1, ≥2 points): median PFS with frontline therapy (months), median OS
# from diagnosis (years).
MAYO_ADDITIVE_OUTCOMES = ((63.1, 11.0), (44.0, 7.0), (28.6, 4.5))

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
# D29: the abnormalities of the cytogenetic risk (IMS 2025 criteria 1-3), not β2M and
# not hyperdiploidy.
RISK_FINDINGS = (
    "del_17p",
    "tp53_mutation",
    "t_4_14",
    "t_14_16",
    "t_14_20",
    "gain_1q",
    "del_1p32",
)
HIGH_RISK_TRANSLOCATIONS = ("t_4_14", "t_14_16", "t_14_20")  # §3d criterion 2, §3e

# D29 cumulative risk: how adverse each coded finding is (higher is worse).
_ADVERSE_RANK: dict[str, dict[object, int]] = {
    "gain_1q": {CopyNumber1q.NORMAL: 0, CopyNumber1q.GAIN: 1, CopyNumber1q.AMPLIFICATION: 2},
    "del_1p32": {Del1p32.NONE: 0, Del1p32.MONOALLELIC: 1, Del1p32.BIALLELIC: 2},
    "hyperdiploid": {True: 0, False: 1},  # §3d IMWG 2016: non-hyperdiploidy is adverse
}

declare({f"staging.missing.{name}": () for name in STAGING_INPUTS})
declare({"staging.ldh.default_uln": ("uln",)})
declare(
    {
        **{
            f"staging.mayo_additive.group_{group}": (
                "median_pfs_months",
                "median_os_years",
                "source",
            )
            for group in range(MAYO_TOP_GROUP + 1)
        },
        "staging.mayo_additive.undetermined": (),
    }
)


@dataclass(frozen=True, slots=True)
class InputUsed:
    """One input of a score: its value (SI, or the finding), date and entry.

    For LDH, ``limit`` is the ULN it was compared with and ``default_limit``
    says the policy default was used (D17).
    """

    name: str
    value: float | bool | str
    date: dt.date
    limit: float | None = None
    default_limit: bool = False
    entry_id: str | None = None


@dataclass(frozen=True, slots=True)
class Stage:
    """ISS or R-ISS stage (1-3); None when the missing inputs could change it."""

    stage: int | None
    inputs: tuple[InputUsed, ...]
    missing: tuple[Message, ...]
    notes: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class PointStage:
    """A points score and its group (R2-ISS 1-4); either is None when the missing inputs
    could change it."""

    points: float | None
    group: int | None
    inputs: tuple[InputUsed, ...]
    missing: tuple[Message, ...]
    notes: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class MayoAdditive:
    """Mayo additive staging (§3e): group 0, 1 or 2 (= 2 points or more), and beside it
    the median PFS and OS of the group with their source (D31); None when the missing
    inputs could change the group."""

    points: float | None
    group: int | None
    inputs: tuple[InputUsed, ...]
    missing: tuple[Message, ...]
    notes: tuple[Message, ...]
    median_pfs_months: float | None
    median_os_years: float | None
    message: Message
    source: str = MAYO_ADDITIVE_SOURCE


@dataclass(frozen=True, slots=True)
class HighRisk:
    """A high-risk definition: ``present`` names what was found; None when undetermined.

    ``since``: for the cumulative cytogenetic risk (D29), the date of the test with
    which it became high.
    """

    high_risk: bool | None
    present: tuple[str, ...]
    inputs: tuple[InputUsed, ...]
    missing: tuple[Message, ...]
    notes: tuple[Message, ...] = ()
    since: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Staging:
    """The stage at ``diagnosis`` (D29) and the cumulative cytogenetic risk.

    ``cytogenetic_risk``: IMS 2025 criteria 1-3 over every abnormality ever found
    (D29); ``ims_2025`` adds criterion 4 from the diagnosis window.
    """

    diagnosis: dt.date | None
    iss: Stage
    r_iss: Stage
    r2_iss: PointStage
    mayo_additive: MayoAdditive
    ims_2025: HighRisk
    imwg_2016: HighRisk
    cytogenetic_risk: HighRisk


# --- The diagnosis and its window (D22, D29) -------------------------------------------


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """The date active MM was diagnosed, and the start of its first line (None: none yet).

    ``transferred_in``: no NDMM entry, so the date is the first episode start (D22)
    and ``phase`` the phase that opened it (else the phase in force); NDMM otherwise.
    """

    date: dt.date
    first_line: dt.date | None
    transferred_in: bool
    phase: Phase = Phase.NDMM


def _diagnosis(ctx: Context) -> Diagnosis | None:
    if not ctx.phases.active_mm or not ctx.episodes:
        return None
    ndmm = ctx.phases.first(Phase.NDMM)
    first = ctx.episodes[0]
    day = ndmm.date if ndmm is not None else first.start
    episode = [e for e in ctx.episodes if e.start <= day][-1]
    line = episode.first_line.start_date if episode.first_line is not None else None
    if ndmm is not None:
        return Diagnosis(day, line, transferred_in=False)
    opened = first.phase.phase if first.phase is not None else ctx.phases.phase
    return Diagnosis(day, line, transferred_in=True, phase=opened or Phase.NDMM)


def diagnosis(ctx: Context) -> Diagnosis | None:
    """D22, D29: the diagnosis of active MM (first NDMM date, else the first episode start)."""
    return ctx.memo("staging.diagnosis", _diagnosis)


def in_window(day: dt.date, anchor: dt.date) -> bool:
    """D29, §11 workup.staging: within ±60 days of the diagnosis (both ends inclusive)."""
    return abs((day - anchor).days) <= DIAGNOSIS_WINDOW_DAYS


def closest(items: Sequence[T], day_of: Callable[[T], dt.date], found: Diagnosis) -> T | None:
    """D29: the item closest to the diagnosis date within ±60 d, among those dated on or
    before the first line's start; only when there is none, the closest after it.

    Of two equally close the earlier counts; of one day's, the one recorded last.
    """
    near = [item for item in items if in_window(day_of(item), found.date)]
    before = [item for item in near if found.first_line is None or day_of(item) <= found.first_line]
    best: T | None = None
    best_key: tuple[int, dt.date] | None = None
    for item in before or near:
        key = (abs((day_of(item) - found.date).days), day_of(item))
        if best_key is None or key <= best_key:
            best, best_key = item, key
    return best


# --- Cytogenetic findings ---------------------------------------------------------------


def abnormal(name: str, value: float | bool | str) -> bool:
    """Whether a finding is abnormal: 1q gain or amplification, any del(1p32), or true."""
    if name == "gain_1q":
        return value != CopyNumber1q.NORMAL
    if name == "del_1p32":
        return value != Del1p32.NONE
    return bool(value)


def _rank(name: str, value: object) -> int:
    ranks = _ADVERSE_RANK.get(name)
    return ranks[value] if ranks is not None else int(bool(value))


def _finding(entry: Cytogenetics, name: str) -> InputUsed:
    value: bool | CopyNumber1q | Del1p32 = getattr(entry, name)
    plain = value.value if isinstance(value, CopyNumber1q | Del1p32) else value
    return InputUsed(name, plain, entry.date, entry_id=entry.id)


def _clonal_fraction(entries: Iterable[Cytogenetics]) -> InputUsed | None:
    """The largest del(17p) clonal fraction reported with a del(17p) found."""
    reported = [e for e in entries if e.del_17p and e.del_17p_clonal_fraction is not None]
    if not reported:
        return None
    entry = max(reported, key=lambda e: (e.del_17p_clonal_fraction or 0.0, e.date))
    fraction = float(entry.del_17p_clonal_fraction or 0.0)
    return InputUsed(CLONAL_FRACTION, fraction, entry.date, entry_id=entry.id)


def _cumulative(ctx: Context) -> dict[str, InputUsed]:
    found: dict[str, InputUsed] = {}
    for name in CYTOGENETIC_FINDINGS:
        reporting = [e for e in ctx.history.cytogenetics if getattr(e, name) is not None]
        if not reporting:
            continue
        worst = max(_rank(name, getattr(e, name)) for e in reporting)
        at_worst = [e for e in reporting if _rank(name, getattr(e, name)) == worst]
        # A finding present: the first test that reported it; absent: the latest test.
        entry = at_worst[0] if worst > 0 else at_worst[-1]
        found[name] = _finding(entry, name)
    fraction = _clonal_fraction(ctx.history.cytogenetics)
    if fraction is not None:
        found[CLONAL_FRACTION] = fraction
    return found


def cytogenetic_findings(ctx: Context) -> Mapping[str, InputUsed]:
    """D29: each abnormality as its most adverse finding ever reported, with the test's date."""
    return ctx.memo("staging.cytogenetics", _cumulative)


def cytogenetic_input(ctx: Context, name: str) -> InputUsed | None:
    """One abnormality's cumulative finding (D29; 1q and 1p32 as their codes), if ever tested."""
    return cytogenetic_findings(ctx).get(name)


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

    used: Mapping[str, InputUsed]

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


def _at_diagnosis(ctx: Context) -> _Inputs:
    """D29: each input from the result closest to the diagnosis in its window."""
    found = diagnosis(ctx)
    used: dict[str, InputUsed] = {}
    if found is None:
        return _Inputs(used)
    for name, analyte in LAB_INPUTS.items():
        value = closest(ctx.labs.series(analyte), lambda v: v.date, found)
        if value is None:
            continue
        uln, default = ldh_uln(value, ctx.policy) if analyte is Analyte.LDH else (None, False)
        used[name] = InputUsed(name, value.si, value.date, uln, default, value.entry.id)
    tests = ctx.history.cytogenetics
    for name in CYTOGENETIC_FINDINGS:
        reporting = [e for e in tests if getattr(e, name) is not None]
        entry = closest(reporting, lambda e: e.date, found)
        if entry is not None:
            used[name] = _finding(entry, name)
    del_17p = used.get("del_17p")
    if del_17p is not None:
        entry = next(e for e in tests if e.id == del_17p.entry_id)
        fraction = _clonal_fraction((entry,))
        if fraction is not None:
            used[CLONAL_FRACTION] = fraction
    return _Inputs(used)


def _inputs(ctx: Context) -> _Inputs:
    return ctx.memo("staging.inputs", _at_diagnosis)


def _risk_inputs(ctx: Context) -> _Inputs:
    return _Inputs(cytogenetic_findings(ctx))


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


def mayo_additive(ctx: Context) -> MayoAdditive:
    """Mayo additive staging (§3e): one point each for a high-risk IgH translocation,
    1q+, del(17p), ISS III (β2M ≥5.5 mg/L, D3) and LDH above ULN; groups 0, 1, ≥2;
    with the group's median PFS and OS (D31)."""
    inputs = _inputs(ctx)
    factors = (
        any_of(*(inputs.flag(n) for n in HIGH_RISK_TRANSLOCATIONS)),
        inputs.flag("gain_1q"),
        inputs.flag("del_17p"),
        _at_least(inputs.si("b2m"), B2M_ISS_III),
        _ldh_high(inputs),
    )
    points = _outcomes(lambda *present: sum(present), *map(_choices, factors))
    group = _only(frozenset(min(p, MAYO_TOP_GROUP) for p in points))
    names = (*HIGH_RISK_TRANSLOCATIONS, "gain_1q", "del_17p", "b2m", "ldh")
    found = _only(points)
    report = _report(inputs, names)
    shown = None if found is None else float(found)
    if group is None:
        message = msg("staging.mayo_additive.undetermined")
        return MayoAdditive(shown, None, *report, None, None, message)
    pfs, os_years = MAYO_ADDITIVE_OUTCOMES[group]
    message = msg(
        f"staging.mayo_additive.group_{group}",
        median_pfs_months=pfs,
        median_os_years=os_years,
        source=MAYO_ADDITIVE_SOURCE,
    )
    return MayoAdditive(shown, group, *report, pfs, os_years, message)


def _risk_criteria(inputs: _Inputs) -> dict[str, Flag]:
    """IMS/IMWG 2025 criteria 1-3 (§3d; D5) over cytogenetic findings."""
    del_17p = inputs.flag("del_17p")
    clonal = all_of(del_17p, _at_least(inputs.si(CLONAL_FRACTION), DEL_17P_CLONAL_FRACTION))
    del_1p32 = inputs.value("del_1p32")
    any_1p32 = inputs.flag("del_1p32")
    biallelic = None if del_1p32 is None else del_1p32 == Del1p32.BIALLELIC
    gain = inputs.flag("gain_1q")
    return {
        "del17p_tp53": any_of(clonal, inputs.flag("tp53_mutation")),
        "translocation_1p_1q": all_of(
            any_of(*(inputs.flag(n) for n in HIGH_RISK_TRANSLOCATIONS)),
            any_of(gain, any_1p32),
        ),
        "del_1p32": any_of(biallelic, all_of(any_1p32, gain)),
    }


def _risk_names(inputs: _Inputs) -> list[str]:
    names = list(RISK_FINDINGS)
    if inputs.flag("del_17p"):
        names.insert(1, CLONAL_FRACTION)
    return names


def _high_risk(criteria: Mapping[str, Flag], inputs: _Inputs, names: Iterable[str]) -> HighRisk:
    present = tuple(name for name, met in criteria.items() if met)
    return HighRisk(any_of(*criteria.values()), present, *_report(inputs, names))


def cytogenetic_risk(ctx: Context) -> HighRisk:
    """D29 cytogenetic risk: IMS/IMWG 2025 criteria 1-3 (§3d; D5) over every abnormality
    ever found (del(17p) in ≥20% clonal fraction or TP53 mutation; t(4;14), t(14;16) or
    t(14;20) with 1q+ or del(1p32); biallelic del(1p32), or monoallelic with 1q+)."""
    inputs = _risk_inputs(ctx)
    risk = _high_risk(_risk_criteria(inputs), inputs, _risk_names(inputs))
    if not risk.high_risk:
        return risk
    since = next(
        day
        for day in sorted({i.date for i in inputs.used.values()})
        if any(_risk_criteria(_Inputs(_known_by(inputs, day))).values())
    )
    return replace(risk, since=since)


def _known_by(inputs: _Inputs, day: dt.date) -> dict[str, InputUsed]:
    return {name: used for name, used in inputs.used.items() if used.date <= day}


def ims_2025(ctx: Context) -> HighRisk:
    """IMS/IMWG 2025 high-risk MM (§3d; D5, D29): any of

    - del17p_tp53, translocation_1p_1q, del_1p32: criteria 1-3, the cumulative
      cytogenetic risk (:func:`cytogenetic_risk`);
    - b2m_normal_creatinine: β2M ≥5.5 mg/L with creatinine <1.2 mg/dL (106.08 µmol/L),
      both from the diagnosis window.
    """
    at_diagnosis = _inputs(ctx)
    risk = _risk_inputs(ctx)
    labs = {n: at_diagnosis.used[n] for n in ("b2m", "creatinine") if n in at_diagnosis.used}
    inputs = _Inputs({**risk.used, **labs})
    creatinine = inputs.si("creatinine")
    normal_creatinine = (
        None if creatinine is None else comparable(creatinine) < comparable(NORMAL_CREATININE_BELOW)
    )
    criteria = {
        **_risk_criteria(inputs),
        "b2m_normal_creatinine": all_of(
            _at_least(inputs.si("b2m"), B2M_ISS_III), normal_creatinine
        ),
    }
    return _high_risk(criteria, inputs, [*_risk_names(inputs), "b2m", "creatinine"])


def imwg_2016(ctx: Context) -> HighRisk:
    """IMWG 2016 poor-prognosis abnormalities (§3d) ever found (D29): t(4;14), del(17p),
    t(14;16), t(14;20), non-hyperdiploidy and 1q gain (amplification included)."""
    inputs = _risk_inputs(ctx)
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
    return _high_risk(abnormalities, inputs, names)


def staging(ctx: Context) -> Staging:
    """The stage at diagnosis by every system of §3 (D29), and the cytogenetic risk."""
    found = diagnosis(ctx)
    return Staging(
        diagnosis=None if found is None else found.date,
        iss=iss(ctx),
        r_iss=r_iss(ctx),
        r2_iss=r2_iss(ctx),
        mayo_additive=mayo_additive(ctx),
        ims_2025=ims_2025(ctx),
        imwg_2016=imwg_2016(ctx),
        cytogenetic_risk=cytogenetic_risk(ctx),
    )
