"""SLiM-CRAB myeloma-defining events (clinical-rules.md §1a; D12, D15, D16, D17).

Each criterion is met, not met, or not evaluable (``met`` is None), judged on the
latest value on or before as_of and compared in SI units (D15). Whether a CRAB
feature is due to the plasma-cell clone is a clinician's judgement, so a met
criterion means "possible myeloma-defining event".

The free light-chain helpers here also serve the SMM risk models (§2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from mmtracker.logic.codes import Analyte, LightChain
from mmtracker.logic.context import Context
from mmtracker.logic.history import Imaging, LabResult, PatientHistory
from mmtracker.logic.labs import hemoglobin_lln, latest_calcium
from mmtracker.logic.messages import Message, ParamValue, Quantity, declare, msg
from mmtracker.logic.renal import renal_function_at
from mmtracker.logic.units import to_canonical

# Values are rounded to this many decimals before any threshold comparison, so that
# float artefacts of unit conversion (2.55 + 0.2 = 2.7500000000000004) cannot cross a
# threshold. Arithmetic, not a clinical number.
COMPARE_DECIMALS = 6

BMPC_LIMIT = 60.0  # §1a S: clonal BMPC ≥60%
FLC_RATIO_LIMIT = 100.0  # §1a Li: involved/uninvolved FLC ratio ≥100
FLC_INVOLVED_LIMIT = 100.0  # §1a Li: involved FLC ≥100 mg/L
MRI_FOCAL_LIMIT = 1  # §1a M: >1 focal lesion on MRI
CALCIUM_LIMIT = 2.75  # §1a C: serum calcium >2.75 mmol/L
CALCIUM_ABOVE_ULN = 0.25  # §1a C: or >0.25 mmol/L above ULN
CREATININE_LIMIT = 177.0  # §1a R: serum creatinine >177 µmol/L
CLEARANCE_LIMIT = 40.0  # §1a R: CrCl <40 mL/min
HEMOGLOBIN_LIMIT = 100.0  # §1a A: Hb <100 g/L
HEMOGLOBIN_BELOW_LLN = 20.0  # §1a A: or >20 g/L below LLN
LYTIC_MIN = 1  # §1a B: ≥1 osteolytic lesion
LYTIC_MIN_LOW_MARROW = 2  # §1a B: >1 lesion when BMPC <10%
LOW_MARROW_BMPC = 10.0  # §1a B: BMPC <10%

# Results that record the M-protein's involved light chain.
M_PROTEIN_ANALYTES = frozenset(
    {Analyte.SERUM_MPROTEIN, Analyte.URINE_MPROTEIN, Analyte.SERUM_IFE, Analyte.URINE_IFE}
)
CHAIN_SYMBOL = {LightChain.KAPPA: "κ", LightChain.LAMBDA: "λ"}
CHAIN_ANALYTE = {LightChain.KAPPA: Analyte.FLC_KAPPA, LightChain.LAMBDA: Analyte.FLC_LAMBDA}


class CrabCode(StrEnum):
    """The SLiM-CRAB criteria, in the order of the acronym."""

    S = "S"
    LI = "Li"
    M = "M"
    C = "C"
    R = "R"
    A = "A"
    B = "B"


_MEASURED = ("value", "limit", "date")
_COUNTED = ("count", "limit", "date")
_STATUS_PARAMS: dict[CrabCode, tuple[str, ...]] = {
    CrabCode.S: _MEASURED,
    CrabCode.LI: ("ratio", "involved", "chain", "ratio_limit", "involved_limit", "date"),
    CrabCode.M: _COUNTED,
    CrabCode.C: ("value", "limit", "date", "uln"),
    CrabCode.R: ("creatinine", "creatinine_limit", "clearance", "clearance_limit", "date"),
    CrabCode.A: ("value", "limit", "date", "lln"),
    CrabCode.B: _COUNTED,
}
declare(
    {
        f"crab.{code}.{state}": params
        for code, params in _STATUS_PARAMS.items()
        for state in ("met", "not_met")
    }
)
declare({f"crab.{code}.missing": () for code in CrabCode})
declare(
    {
        "crab.Li.chain_assumed": ("chain",),
        "crab.Li.not_computable": ("date",),
        "crab.C.corrected": ("measured", "albumin", "albumin_date"),
        "crab.C.uncorrected": (),
        "crab.C.adjusted": (),
        "crab.C.default_uln": ("uln",),
        "crab.C.ionised_not_compared": ("value", "date"),
        "crab.R.cockcroft_gault": ("weight", "weight_date"),
        "crab.R.ckd_epi": (),
        "crab.A.default_lln": ("lln",),
        "crab.B.low_marrow": ("bmpc", "bmpc_date"),
    }
)


def comparable(value: float) -> float:
    """A value ready for a threshold comparison (see COMPARE_DECIMALS)."""
    return round(value, COMPARE_DECIMALS)


def _si_value(entry: LabResult) -> float:
    """The canonical SI value of a quantitative result."""
    assert entry.value is not None
    assert entry.unit is not None
    return to_canonical(entry.analyte, entry.value, entry.unit)


# --- Free light chains ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FlcRatio:
    """A κ and λ pair of one day, read as involved over uninvolved (mg/L)."""

    date: dt.date
    chain: LightChain
    chain_recorded: bool  # False: the larger chain was taken as involved
    involved: float
    uninvolved: float

    @property
    def ratio(self) -> float | None:
        """Involved/uninvolved; None when the uninvolved chain is 0."""
        return self.involved / self.uninvolved if self.uninvolved > 0 else None


def recorded_light_chain(ctx: Context) -> LightChain | None:
    """The light chain of the latest M-protein or immunofixation result that names one."""
    return light_chain_of(ctx.history)


def light_chain_of(history: PatientHistory) -> LightChain | None:
    """The light chain of a history's latest M-protein or immunofixation result naming one."""
    for entry in reversed(history.lab_results):
        if entry.analyte in M_PROTEIN_ANALYTES and entry.light_chain is not None:
            return entry.light_chain
    return None


def _flc_ratios(ctx: Context) -> tuple[FlcRatio, ...]:
    kappa = {v.date: v.si for v in ctx.labs.series(Analyte.FLC_KAPPA)}
    lam = {v.date: v.si for v in ctx.labs.series(Analyte.FLC_LAMBDA)}
    days = sorted(kappa.keys() & lam.keys())
    if not days:
        return ()
    recorded = recorded_light_chain(ctx)
    latest = days[-1]
    chain = recorded or (LightChain.KAPPA if kappa[latest] >= lam[latest] else LightChain.LAMBDA)

    def pair(day: dt.date) -> FlcRatio:
        k, la = kappa[day], lam[day]
        involved, uninvolved = (k, la) if chain is LightChain.KAPPA else (la, k)
        return FlcRatio(day, chain, recorded is not None, involved, uninvolved)

    return tuple(pair(day) for day in days)


def flc_ratios(ctx: Context) -> tuple[FlcRatio, ...]:
    """Every day with both κ and λ, oldest first, read with one involved chain.

    The involved chain is the one recorded on the M-protein or immunofixation
    results (§1a Li), else the larger chain of the latest pair (§2b: larger over
    smaller).
    """
    return ctx.memo("flc.ratios", _flc_ratios)


def latest_flc_ratio(ctx: Context) -> FlcRatio | None:
    """The latest κ and λ pair, or None."""
    ratios = flc_ratios(ctx)
    return ratios[-1] if ratios else None


# --- Criteria --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CrabCriterion:
    """One criterion: ``met`` None means not evaluable (``message`` says what is missing).

    ``measure`` names what ``value`` and ``limit`` are (bmpc %, flc_ratio,
    mri_focal_lesions, calcium mmol/L, creatinine µmol/L, crcl or egfr mL/min,
    hemoglobin g/L, lytic_lesions). Comparisons: S and Li ≥ limit; M and C >
    limit; A < limit; B count ≥ limit; R creatinine > 177 or clearance < 40.
    ``default_limit_used``: the lab gave no limit and the policy default was used (D17).
    ``entries``: the ids of the entries judged (D40: what an alert raised on it cites).
    """

    code: CrabCode
    met: bool | None
    measure: str
    value: float | None
    limit: float | None
    date: dt.date | None
    default_limit_used: bool
    message: Message
    notes: tuple[Message, ...] = ()
    entries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SlimCrab:
    criteria: tuple[CrabCriterion, ...]

    @property
    def any_met(self) -> bool:
        return any(c.met for c in self.criteria)

    def get(self, code: CrabCode) -> CrabCriterion:
        return next(c for c in self.criteria if c.code is code)


def _missing(code: CrabCode, measure: str, notes: tuple[Message, ...] = ()) -> CrabCriterion:
    return CrabCriterion(
        code, None, measure, None, None, None, False, msg(f"crab.{code}.missing"), notes
    )


def _status(code: CrabCode, met: bool, **params: ParamValue) -> Message:
    return msg(f"crab.{code}.{'met' if met else 'not_met'}", **params)


def _latest_imaging(ctx: Context, counted: Callable[[Imaging], int | None]) -> Imaging | None:
    return next((e for e in reversed(ctx.history.imaging) if counted(e) is not None), None)


def _marrow(ctx: Context) -> CrabCriterion:
    bmpc = ctx.labs.latest(Analyte.BMPC)
    if bmpc is None:
        return _missing(CrabCode.S, "bmpc")
    met = comparable(bmpc.si) >= BMPC_LIMIT
    message = _status(CrabCode.S, met, value=bmpc.si, limit=BMPC_LIMIT, date=bmpc.date)
    return CrabCriterion(
        CrabCode.S,
        met,
        "bmpc",
        bmpc.si,
        BMPC_LIMIT,
        bmpc.date,
        False,
        message,
        entries=(bmpc.entry.id,),
    )


def _light_chains(ctx: Context) -> CrabCriterion:
    flc = latest_flc_ratio(ctx)
    if flc is None:
        return _missing(CrabCode.LI, "flc_ratio")
    chain = CHAIN_SYMBOL[flc.chain]
    analyte = CHAIN_ANALYTE[flc.chain]
    notes = () if flc.chain_recorded else (msg("crab.Li.chain_assumed", chain=chain),)
    ratio = flc.ratio
    if ratio is None:
        message = msg("crab.Li.not_computable", date=flc.date)
        return CrabCriterion(
            CrabCode.LI, None, "flc_ratio", None, None, flc.date, False, message, notes
        )
    met = comparable(ratio) >= FLC_RATIO_LIMIT and comparable(flc.involved) >= FLC_INVOLVED_LIMIT
    message = _status(
        CrabCode.LI,
        met,
        ratio=ratio,
        involved=Quantity(analyte, flc.involved),
        chain=chain,
        ratio_limit=FLC_RATIO_LIMIT,
        involved_limit=Quantity(analyte, FLC_INVOLVED_LIMIT),
        date=flc.date,
    )
    pair = (ctx.labs.latest(a, flc.date) for a in (Analyte.FLC_KAPPA, Analyte.FLC_LAMBDA))
    entries = tuple(v.entry.id for v in pair if v is not None)
    return CrabCriterion(
        CrabCode.LI,
        met,
        "flc_ratio",
        ratio,
        FLC_RATIO_LIMIT,
        flc.date,
        False,
        message,
        notes,
        entries,
    )


def _mri(ctx: Context) -> CrabCriterion:
    scan = _latest_imaging(ctx, lambda e: e.mri_focal_lesions)
    if scan is None or scan.mri_focal_lesions is None:
        return _missing(CrabCode.M, "mri_focal_lesions")
    count = scan.mri_focal_lesions
    met = count > MRI_FOCAL_LIMIT
    message = _status(CrabCode.M, met, count=count, limit=MRI_FOCAL_LIMIT, date=scan.date)
    return CrabCriterion(
        CrabCode.M,
        met,
        "mri_focal_lesions",
        count,
        MRI_FOCAL_LIMIT,
        scan.date,
        False,
        message,
        entries=(scan.id,),
    )


def _calcium(ctx: Context) -> CrabCriterion:
    newest = ctx.labs.latest(Analyte.CALCIUM)
    reading = latest_calcium(ctx.labs, ctx.policy)
    notes: list[Message] = []
    if newest is not None and (reading is None or newest.entry is not reading.entry):
        notes.append(
            msg(
                "crab.C.ionised_not_compared",
                value=Quantity(Analyte.CALCIUM, newest.si),
                date=newest.date,
            )
        )
    if reading is None:
        return _missing(CrabCode.C, "calcium", tuple(notes))
    if reading.albumin is not None:
        notes.append(
            msg(
                "crab.C.corrected",
                measured=Quantity(Analyte.CALCIUM, _si_value(reading.entry)),
                albumin=Quantity(Analyte.ALBUMIN, _si_value(reading.albumin)),
                albumin_date=reading.albumin.date,
            )
        )
    else:
        notes.append(
            msg("crab.C.adjusted" if reading.basis == "adjusted" else "crab.C.uncorrected")
        )
    default = reading.entry.ref_high is None
    if default:
        notes.append(msg("crab.C.default_uln", uln=Quantity(Analyte.CALCIUM, reading.uln)))
    limit = min(CALCIUM_LIMIT, reading.uln + CALCIUM_ABOVE_ULN)
    met = comparable(reading.value) > comparable(limit)
    message = _status(
        CrabCode.C,
        met,
        value=Quantity(Analyte.CALCIUM, reading.value),
        limit=Quantity(Analyte.CALCIUM, limit),
        date=reading.date,
        uln=Quantity(Analyte.CALCIUM, reading.uln),
    )
    return CrabCriterion(
        CrabCode.C,
        met,
        "calcium",
        reading.value,
        limit,
        reading.date,
        default,
        message,
        tuple(notes),
        tuple(e.id for e in (reading.entry, reading.albumin) if e is not None),
    )


def _renal(ctx: Context) -> CrabCriterion:
    renal = renal_function_at(ctx)
    if renal is None:
        return _missing(CrabCode.R, "creatinine")
    if renal.crcl is not None and renal.weight is not None:
        clearance, measure = renal.crcl, "crcl"
        note = msg(
            "crab.R.cockcroft_gault", weight=renal.weight.weight_kg, weight_date=renal.weight.date
        )
    else:
        clearance, measure, note = renal.egfr, "egfr", msg("crab.R.ckd_epi")
    by_creatinine = comparable(renal.creatinine_umol_l) > CREATININE_LIMIT
    by_clearance = comparable(clearance) < CLEARANCE_LIMIT
    met = by_creatinine or by_clearance
    message = _status(
        CrabCode.R,
        met,
        creatinine=Quantity(Analyte.CREATININE, renal.creatinine_umol_l),
        creatinine_limit=Quantity(Analyte.CREATININE, CREATININE_LIMIT),
        clearance=clearance,
        clearance_limit=CLEARANCE_LIMIT,
        date=renal.date,
    )
    if by_clearance and not by_creatinine:
        value, limit = clearance, CLEARANCE_LIMIT
    else:
        value, limit, measure = renal.creatinine_umol_l, CREATININE_LIMIT, "creatinine"
    used = (renal.creatinine, renal.weight if measure == "crcl" else None)
    entries = tuple(e.id for e in used if e is not None)
    return CrabCriterion(
        CrabCode.R, met, measure, value, limit, renal.date, False, message, (note,), entries
    )


def _anaemia(ctx: Context) -> CrabCriterion:
    hb = ctx.labs.latest(Analyte.HEMOGLOBIN)
    if hb is None:
        return _missing(CrabCode.A, "hemoglobin")
    lln, default = hemoglobin_lln(hb, ctx.history.patient.sex, ctx.policy)
    notes = (msg("crab.A.default_lln", lln=Quantity(Analyte.HEMOGLOBIN, lln)),) if default else ()
    limit = max(HEMOGLOBIN_LIMIT, lln - HEMOGLOBIN_BELOW_LLN)
    met = comparable(hb.si) < comparable(limit)
    message = _status(
        CrabCode.A,
        met,
        value=Quantity(Analyte.HEMOGLOBIN, hb.si),
        limit=Quantity(Analyte.HEMOGLOBIN, limit),
        date=hb.date,
        lln=Quantity(Analyte.HEMOGLOBIN, lln),
    )
    return CrabCriterion(
        CrabCode.A,
        met,
        "hemoglobin",
        hb.si,
        limit,
        hb.date,
        default,
        message,
        notes,
        (hb.entry.id,),
    )


def _bone(ctx: Context) -> CrabCriterion:
    scan = _latest_imaging(ctx, lambda e: e.lytic_lesions)
    if scan is None or scan.lytic_lesions is None:
        return _missing(CrabCode.B, "lytic_lesions")
    bmpc = ctx.labs.latest(Analyte.BMPC)
    low_marrow = bmpc is not None and comparable(bmpc.si) < LOW_MARROW_BMPC
    limit = LYTIC_MIN_LOW_MARROW if low_marrow else LYTIC_MIN
    notes = (
        (msg("crab.B.low_marrow", bmpc=bmpc.si, bmpc_date=bmpc.date),)
        if bmpc is not None and low_marrow
        else ()
    )
    count = scan.lytic_lesions
    met = count >= limit
    message = _status(CrabCode.B, met, count=count, limit=limit, date=scan.date)
    marrow = (bmpc.entry.id,) if bmpc is not None and low_marrow else ()
    return CrabCriterion(
        CrabCode.B,
        met,
        "lytic_lesions",
        count,
        limit,
        scan.date,
        False,
        message,
        notes,
        (scan.id, *marrow),
    )


def _slim_crab(ctx: Context) -> SlimCrab:
    rules = (_marrow, _light_chains, _mri, _calcium, _renal, _anaemia, _bone)
    return SlimCrab(tuple(rule(ctx) for rule in rules))


def slim_crab(ctx: Context) -> SlimCrab:
    """Every SLiM-CRAB criterion on the latest values on or before as_of (§1a)."""
    return ctx.memo("crab.slim_crab", _slim_crab)
