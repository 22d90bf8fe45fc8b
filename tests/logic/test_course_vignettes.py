"""Worked vignettes across the whole course of the disease, assessed with ``assess()``.

Each vignette is one patient's dated history; each check names a date and the
status (and due date) clinical-rules.md gives for some of the care items on that
date. The expected values were worked out by hand from the §11 table, the §11
Status rules (``lead_days`` 14: due_soon from due − 14 d to the due date, both
inclusive; overdue from the day after) and D18 date arithmetic (+ N mo adds
calendar months and clamps to the month's end; + N d adds days), under the
shipped policy unless a vignette says otherwise.

A transplant plan has no date of its own in the history (a plan is known from the
day it is written down), so a vignette lists its plans with the day they were
entered and leaves them out of the history before that day.

``VIGNETTES`` is shared with ``test_item_ids``, which sweeps every vignette day by
day to see which statuses each item reaches.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeAlias

import pytest
from builders import day, flc, immunofixation, lab, new_id, phase, policy

from mmtracker.logic.assessment import Assessment, assess
from mmtracker.logic.care import CareItem, Severity, Status
from mmtracker.logic.codes import (
    Analyte,
    BoneAgent,
    BoneTherapyEventKind,
    CalciumKind,
    CopyNumber1q,
    Del1p32,
    DentalOutcome,
    ImagingModality,
    InvasiveProcedure,
    MrdMethod,
    MrdResult,
    PatientStatus,
    Qualitative,
    ReviewDecision,
    Sex,
    TreatmentIntent,
)
from mmtracker.logic.dates import add_days
from mmtracker.logic.history import (
    ENTRY_KINDS,
    Acknowledgement,
    BoneTherapyDose,
    BoneTherapyEvent,
    Cytogenetics,
    DentalExam,
    Entry,
    Imaging,
    LabResult,
    MrdTest,
    Patient,
    PatientHistory,
    Supplement,
    Transplant,
    TreatmentLine,
    Weight,
    build_history,
)
from mmtracker.logic.items import ITEM_ORDER
from mmtracker.logic.policy import Policy

NA, OK, SOON, LATE, ALERT, SNOOZED = (
    Status.NOT_APPLICABLE,
    Status.OK,
    Status.DUE_SOON,
    Status.OVERDUE,
    Status.ALERT,
    Status.SNOOZED,
)
ZA, DMAB = BoneAgent.ZOLEDRONIC_ACID, BoneAgent.DENOSUMAB
KIND_OF = {entry_type: kind for kind, entry_type in ENTRY_KINDS.items()}

# --- Entries ----------------------------------------------------------------------------


def m_protein(on: str, g_l: float) -> LabResult:
    """A serum M-protein, IgG κ."""
    return lab(on, Analyte.SERUM_MPROTEIN, g_l, "g/L", light_chain="kappa")


def calcium(on: str, mmol_l: float, kind: CalciumKind = CalciumKind.TOTAL) -> LabResult:
    return lab(on, Analyte.CALCIUM, mmol_l, "mmol/L", calcium_kind=kind)


def creatinine(on: str | dt.date, umol_l: float) -> LabResult:
    return lab(on, Analyte.CREATININE, umol_l, "umol/L")


def labs(on: str, **values: float) -> list[LabResult]:
    """Several results of one day by short name: m (g/L), hb (g/L), ca (total, mmol/L),
    alb (g/L), crea (µmol/L), bmpc (%), b2m (mg/L), ldh (U/L), vitd (nmol/L), kappa/lambda (mg/L)."""
    makers = {
        "m": lambda v: m_protein(on, v),
        "hb": lambda v: lab(on, Analyte.HEMOGLOBIN, v, "g/L"),
        "ca": lambda v: calcium(on, v),
        "alb": lambda v: lab(on, Analyte.ALBUMIN, v, "g/L"),
        "crea": lambda v: creatinine(on, v),
        "bmpc": lambda v: lab(on, Analyte.BMPC, v, "%"),
        "b2m": lambda v: lab(on, Analyte.B2M, v, "mg/L"),
        "ldh": lambda v: lab(on, Analyte.LDH, v, "U/L"),
        "vitd": lambda v: lab(on, Analyte.VITAMIN_D, v, "nmol/L"),
    }
    found = [makers[name](value) for name, value in values.items() if name in makers]
    if "kappa" in values:
        found += flc(on, values["kappa"], values["lambda"])
    return found


def ife_negative(on: str) -> LabResult:
    return immunofixation(on, Qualitative.NEGATIVE)


def weight(on: str, kg: float) -> Weight:
    return Weight(id=new_id("wt"), date=day(on), weight_kg=kg)


def scan(on: str, modality: ImagingModality, **findings: Any) -> Imaging:
    return Imaging(id=new_id("img"), date=day(on), modality=modality, **findings)


def fish(on: str, **findings: Any) -> Cytogenetics:
    return Cytogenetics(id=new_id("cyto"), date=day(on), **findings)


def dose(on: str | dt.date, agent: BoneAgent = ZA, mg: float = 4.0) -> BoneTherapyDose:
    return BoneTherapyDose(id=new_id("dose"), date=day(on), agent=agent, dose_mg=mg)


def bone_event(on: str, kind: BoneTherapyEventKind, **fields: Any) -> BoneTherapyEvent:
    return BoneTherapyEvent(id=new_id("bev"), date=day(on), kind=kind, **fields)


def dental(
    on: str,
    procedure: InvasiveProcedure = InvasiveProcedure.NONE,
    procedure_date: str | None = None,
) -> DentalExam:
    return DentalExam(
        id=new_id("dent"),
        date=day(on),
        outcome=DentalOutcome.FIT,
        invasive_procedure=procedure,
        procedure_date=day(procedure_date) if procedure_date else None,
    )


def supplement(start: str) -> Supplement:
    return Supplement(id=new_id("supp"), start_date=day(start), calcium_mg=500, vitamin_d_iu=400)


def mrd_test(on: str, result: MrdResult = MrdResult.NEGATIVE) -> MrdTest:
    return MrdTest(
        id=new_id("mrd"), date=day(on), method=MrdMethod.NGF, sensitivity=1e-5, result=result
    )


def line(
    start: str,
    end: str | None = None,
    number: int = 1,
    intent: TreatmentIntent = TreatmentIntent.INDUCTION,
    regimen: str = "D-VRd",
) -> TreatmentLine:
    return TreatmentLine(
        id=new_id("line"),
        line_number=number,
        regimen=regimen,
        intent=intent,
        start_date=day(start),
        end_date=day(end) if end else None,
    )


def transplant(planned: str, performed: str | None = None) -> Transplant:
    return Transplant(
        id=new_id("asct"),
        planned_date=day(planned),
        performed_date=day(performed) if performed else None,
        melphalan_mg_m2=200 if performed else None,
    )


def ack(item_id: str, on: str | dt.date, until: str | dt.date) -> Acknowledgement:
    return Acknowledgement(
        id=new_id("ack"),
        item_id=item_id,
        acknowledged_on=day(on),
        until=day(until),
        reason="discussed with the patient",
        acknowledged_by="nurse",
    )


def doses_with_creatinine(
    first: str, interval: int, count: int, umol_l: float = 80.0
) -> list[Entry]:
    """``count`` ZA doses ``interval`` days apart, each with a creatinine 3 days before it."""
    found: list[Entry] = []
    for n in range(count):
        on = add_days(day(first), n * interval)
        found += [creatinine(add_days(on, -3), umol_l), dose(on)]
    return found


# --- Vignettes --------------------------------------------------------------------------


@dataclass(frozen=True)
class Vignette:
    """One patient's dated history, the plans with the day each was entered, and a policy."""

    name: str
    patient: Patient
    entries: tuple[Entry, ...]
    start: dt.date  # the sweep of test_item_ids runs from here ...
    end: dt.date  # ... to here
    plans: tuple[tuple[dt.date, Transplant], ...] = ()
    policy: Policy = field(default_factory=policy)

    def history(self, on: dt.date) -> PatientHistory:
        """The record as the clinic held it on ``on``: plans entered later left out."""
        known = [plan for entered, plan in self.plans if entered <= on]
        grouped: dict[str, list[Entry]] = defaultdict(list)
        for entry in (*self.entries, *known):
            grouped[KIND_OF[type(entry)]].append(entry)
        return build_history(self.patient, grouped)

    def assess(self, on: str | dt.date) -> Assessment:
        when = day(on)
        return assess(self.history(when), when, self.policy)

    def items(self, on: str | dt.date) -> dict[str, CareItem]:
        return {item.id: item for item in self.assess(on).items}


def flatten(*parts: Entry | Iterable[Entry]) -> tuple[Entry, ...]:
    found: list[Entry] = []
    for part in parts:
        found.extend([part] if isinstance(part, Entry) else part)
    return tuple(found)


def person(mrn: str, sex: Sex, born: str, **fields: Any) -> Patient:
    return Patient(mrn=mrn, name=f"Vignette {mrn}", sex=sex, date_of_birth=day(born), **fields)


# SMM → NDMM → ASCT → maintenance → relapse. A woman born 1958-06-15.
# SMM 2021-03-01 at Mayo 2018 high risk (BMPC 22 % > 20, M-protein 24 g/L > 20, FLC
# ratio 24 > 20); evolving biomarkers by 2022-01-20; hypercalcaemia 2022-02-10; NDMM
# 2022-02-20; induction 2022-02-25 to 2022-07-20; ZA every 28 d from 2022-03-15, every
# 84 d after the review of 2023-03-10, stopped 2024-02-20; ASCT planned (entered
# 2022-07-01) and performed 2022-09-20; maintenance 2023-01-05; M-protein back
# 2024-04-15 (PD from a nadir of 0); relapse 2024-06-01, line 2 from 2024-06-05; ZA again
# from 2024-06-20.
COURSE = Vignette(
    name="course",
    patient=person("VIG-COURSE", Sex.FEMALE, "1958-06-15"),
    start=day("2021-02-01"),
    end=day("2024-08-31"),
    plans=((day("2022-07-01"), transplant("2022-09-20", "2022-09-20")),),
    entries=flatten(
        phase("2021-03-01", "SMM"),
        labs(
            "2021-03-01",
            m=24,
            kappa=240,
            bmpc=22,
            hb=128,
            ca=2.35,
            alb=40,
            crea=70,
            **{"lambda": 10},
        ),
        scan("2021-03-10", ImagingModality.WBLDCT, lytic_lesions=0),
        scan("2021-05-20", ImagingModality.WB_MRI, mri_focal_lesions=1),
        labs("2021-06-10", m=25, kappa=250, hb=126, ca=2.40, alb=40, crea=72, **{"lambda": 10}),
        labs("2022-01-20", m=29, kappa=700, hb=108, ca=2.45, alb=40, crea=75, **{"lambda": 10}),
        labs("2022-02-10", ca=2.95, alb=40, kappa=1200, bmpc=45, **{"lambda": 10}),
        labs("2022-02-15", b2m=4.2, alb=38, ldh=210),
        phase("2022-02-20", "NDMM"),
        weight("2022-02-20", 65),
        line("2022-02-25", "2022-07-20"),
        labs("2022-02-28", ca=2.40, alb=39, crea=80),
        dental("2022-03-05"),
        scan("2022-03-25", ImagingModality.PET_CT, lytic_lesions=3, fdg_avid=True),
        fish(
            "2022-03-30",
            del_17p=False,
            t_4_14=True,
            t_14_16=False,
            t_14_20=False,
            gain_1q=CopyNumber1q.GAIN,
            del_1p32=Del1p32.NONE,
            hyperdiploid=False,
        ),
        supplement("2022-03-15"),
        doses_with_creatinine("2022-03-15", 28, 14),  # 2022-03-15 … 2023-03-14
        labs("2022-04-01", vitd=60),
        labs("2022-04-20", m=8),
        labs("2022-06-20", m=1.5),
        labs("2022-07-15", m=0),
        ife_negative("2022-07-15"),
        mrd_test("2022-08-25"),
        dental("2022-09-01"),
        scan("2022-09-10", ImagingModality.PET_CT, fdg_avid=False),
        labs("2022-09-15", m=0),
        phase("2022-09-20", "ASCT"),
        labs("2022-10-20", m=0),
        ife_negative("2022-10-20"),
        labs("2022-12-20", m=0),
        ife_negative("2022-12-20"),
        phase("2023-01-05", "MAINTENANCE"),
        line("2023-01-05", intent=TreatmentIntent.MAINTENANCE, regimen="lenalidomide"),
        mrd_test("2023-01-25"),  # day 127 after the transplant: outside day 80-120
        dental("2023-02-20"),
        bone_event("2023-03-10", BoneTherapyEventKind.REVIEW, decision=ReviewDecision.DE_ESCALATE),
        bone_event("2023-03-10", BoneTherapyEventKind.SCHEDULE, agent=ZA, interval_days=84),
        labs("2023-03-20", m=0),
        ife_negative("2023-03-20"),
        labs("2023-03-25", vitd=40),
        labs("2023-06-01", vitd=80),
        doses_with_creatinine("2023-06-06", 84, 4),  # 2023-06-06 … 2024-02-13
        labs("2023-06-20", m=0),
        ife_negative("2023-06-20"),
        dental("2023-08-15"),
        labs("2023-09-20", m=0),
        ife_negative("2023-09-20"),
        labs("2023-12-20", m=0),
        ife_negative("2023-12-20"),
        bone_event("2024-02-20", BoneTherapyEventKind.STOP),
        dental("2024-03-01"),
        labs("2024-04-15", m=6),
        labs("2024-05-15", m=9),
        phase("2024-06-01", "RELAPSE", line_number=2),
        line("2024-06-05", number=2, intent=TreatmentIntent.SALVAGE, regimen="DKd"),
        creatinine("2024-06-17", 80),
        dose("2024-06-20"),
    ),
)

# Zoledronic acid held for a creatinine rise and resumed after recovery (§5 ZA renal
# checks and deterioration; §11 renal.za_dose, bta.next_dose, renal.before_bisphosphonate). A man
# born 1960-01-01, 80 kg; baseline creatinine 90 µmol/L (< 124: a rise ≥ 44 holds, back
# within 10 % = ≤ 99 resumes). An extraction is planned for 2024-02-20.
ZA_HOLD = Vignette(
    name="za_renal_hold",
    patient=person("VIG-ZAHOLD", Sex.MALE, "1960-01-01"),
    start=day("2024-01-01"),
    end=day("2024-06-30"),
    entries=flatten(
        phase("2024-01-10", "NDMM"),
        weight("2024-01-10", 80),
        line("2024-01-12"),
        dental("2024-01-15"),
        creatinine("2024-01-20", 90),
        dose("2024-01-25"),
        dental("2024-02-01", InvasiveProcedure.PLANNED, "2024-02-20"),
        dose("2024-02-22"),
        creatinine("2024-03-15", 134),  # +44: the hold starts
        creatinine("2024-04-10", 100),  # 100 > 99: still held
        creatinine("2024-04-24", 99),  # ≤ 99: within 10 % of baseline, ZA resumes
        dose("2024-04-26"),
    ),
)

# Denosumab planned, given monthly, then no dose after 2024-06-06 (lapsed from the next due
# date 2024-07-04 + 29 d, §11 BTA state, D37; the D10 bridge from then). A woman born 1950-05-05.
DMAB_LAPSED = Vignette(
    name="denosumab_lapsed",
    patient=person("VIG-DMAB-L", Sex.FEMALE, "1950-05-05"),
    start=day("2024-01-15"),
    end=day("2024-12-31"),
    entries=flatten(
        phase("2024-02-01", "NDMM"),
        bone_event("2024-02-01", BoneTherapyEventKind.SCHEDULE, agent=DMAB, interval_days=28),
        calcium("2024-02-05", 2.05, CalciumKind.ADJUSTED),  # < LLN 2.10 (D17 default)
        calcium("2024-02-12", 2.25, CalciumKind.ADJUSTED),
        [dose(d, DMAB, 120) for d in ("2024-02-15", "2024-03-14", "2024-04-11", "2024-05-09")],
        calcium("2024-06-03", 2.30, CalciumKind.ADJUSTED),
        dose("2024-06-06", DMAB, 120),
    ),
)

# Denosumab stopped 2024-04-01, zoledronic acid as the bridge on 2024-08-15 (D10).
DMAB_STOPPED = Vignette(
    name="denosumab_stopped",
    patient=person("VIG-DMAB-S", Sex.FEMALE, "1952-09-09"),
    start=day("2024-01-01"),
    end=day("2024-10-31"),
    entries=flatten(
        phase("2024-01-10", "NDMM"),
        weight("2024-01-10", 60),
        [dose(d, DMAB, 120) for d in ("2024-01-20", "2024-02-17", "2024-03-16")],
        bone_event("2024-04-01", BoneTherapyEventKind.STOP),
        creatinine("2024-08-10", 70),
        dose("2024-08-15"),
    ),
)

# A man on zoledronic acid who misses doses, with a transplant planned (entered
# 2024-02-01) for 2024-04-15 that is never performed; he dies on 2024-05-10.
DECEASED = Vignette(
    name="deceased",
    patient=person(
        "VIG-DECEASED",
        Sex.MALE,
        "1948-02-02",
        status=PatientStatus.DECEASED,
        status_date=day("2024-05-10"),
    ),
    start=day("2023-09-01"),
    end=day("2024-07-31"),
    plans=((day("2024-02-01"), transplant("2024-04-15")),),
    entries=flatten(
        phase("2023-10-01", "NDMM"),
        weight("2023-10-01", 70),
        line("2023-10-05"),
        creatinine("2023-10-15", 85),
        dental("2023-10-16"),
        [dose(d) for d in ("2023-10-20", "2023-11-17", "2023-12-15")],
        labs("2024-04-01", m=12, ca=2.30),
    ),
)

# Snoozes that end (§11 Status, snoozed): bone therapy not started and snoozed, then
# declined; monitoring labs snoozed for longer than snooze.max_days allows; an urgent
# hypercalcaemia snoozed until a newer high calcium. A woman born 1962-07-07.
SNOOZES = Vignette(
    name="snoozes",
    patient=person("VIG-SNOOZE", Sex.FEMALE, "1962-07-07"),
    start=day("2024-01-01"),
    end=day("2024-08-31"),
    entries=flatten(
        phase("2024-01-15", "NDMM"),
        line("2024-01-20"),
        labs("2024-01-15", m=30),
        ack("bta.start", "2024-02-20", "2024-03-10"),
        labs("2024-03-01", m=20),
        bone_event("2024-03-20", BoneTherapyEventKind.DECLINED),
        ack("labs.monitoring", "2024-04-05", "2024-12-31"),  # capped at 2024-07-04
        calcium("2024-04-28", 2.90, CalciumKind.ADJUSTED),
        ack("alert.hypercalcaemia", "2024-05-01", "2024-05-31"),
        calcium("2024-05-10", 3.00, CalciumKind.ADJUSTED),
    ),
)

# Month ends and the leap day (D18). SMM at low risk from 2023-11-30 with the first-year
# interval set to 3 months: 2023-11-30 + 3 mo = 2024-02-29.
LEAP_SMM = Vignette(
    name="leap_smm",
    patient=person("VIG-LEAP-SMM", Sex.FEMALE, "1970-01-31"),
    start=day("2023-11-01"),
    end=day("2025-03-31"),
    policy=policy(**{"labs.smm_low_first_year_months": 3}),
    entries=flatten(
        phase("2023-11-30", "SMM"),
        labs("2023-11-30", m=15, kappa=50, bmpc=15, **{"lambda": 10}),
        scan("2023-12-05", ImagingModality.WBLDCT, lytic_lesions=0),
        scan("2024-01-10", ImagingModality.WB_MRI, mri_focal_lesions=0),
        labs("2024-03-04", m=15, kappa=50, **{"lambda": 10}),
    ),
)

# NDMM 2024-02-01 (+ 30 d = 2024-03-02 across the leap day); last dental exam 2023-08-31
# (+ 6 mo = 2024-02-29); first zoledronic acid 2024-02-29 (+ 28 d = 2024-03-28; review
# + 12 mo = 2025-02-28). The dental look-back is set to 200 d so that the exam of
# 2023-08-31 (182 d before the first dose) counts.
LEAP_BTA = Vignette(
    name="leap_bta",
    patient=person("VIG-LEAP-BTA", Sex.MALE, "1955-03-31"),
    start=day("2024-01-15"),
    end=day("2025-03-15"),
    policy=policy(**{"dental.pre_bta_lookback_days": 200}),
    entries=flatten(
        dental("2023-08-31"),
        phase("2024-02-01", "NDMM"),
        weight("2024-02-01", 75),
        supplement("2024-02-29"),
        creatinine("2024-02-26", 80),
        dose("2024-02-29"),
        dental("2024-03-05"),
    ),
)

# SMM with an unknown Mayo 2018 group (no marrow) and the unknown-risk interval set to
# 1 month: Jan 31 + 1 mo = Feb 28 in 2023, Feb 29 in 2024 (D18).
MONTH_END = Vignette(
    name="month_end",
    patient=person("VIG-MONTH-END", Sex.MALE, "1965-05-31"),
    start=day("2023-01-15"),
    end=day("2024-03-31"),
    policy=policy(**{"labs.smm_unknown_months": 1}),
    entries=flatten(
        phase("2023-01-31", "SMM"),
        labs("2023-01-31", m=15, kappa=50, **{"lambda": 10}),
        labs("2023-03-03", m=15, kappa=50, **{"lambda": 10}),
        labs("2024-01-31", m=15, kappa=50, **{"lambda": 10}),
    ),
)

VIGNETTES: dict[str, Vignette] = {
    v.name: v
    for v in (
        COURSE,
        ZA_HOLD,
        DMAB_LAPSED,
        DMAB_STOPPED,
        DECEASED,
        SNOOZES,
        LEAP_SMM,
        LEAP_BTA,
        MONTH_END,
    )
}

# --- Checks -----------------------------------------------------------------------------

Expected: TypeAlias = Status | tuple[Status, str | None] | tuple[Status, str | None, int | None]


@dataclass(frozen=True)
class Check:
    """The statuses clinical-rules.md gives on one date: item → status, or (status, due),
    or (status, due, days overdue); ``row`` names the rule checked."""

    vignette: Vignette
    on: str
    row: str
    expected: Mapping[str, Expected]

    @property
    def id(self) -> str:
        return f"{self.vignette.name} {self.on}: {self.row}"


def checks(
    vignette: Vignette, rows: Iterable[tuple[str, str, Mapping[str, Expected]]]
) -> list[Check]:
    return [Check(vignette, on, row, expected) for on, row, expected in rows]


COURSE_CHECKS = checks(
    COURSE,
    [
        (
            "2021-04-01",
            "§11 SMM items; §2a Mayo 2018 high (3 factors); §8 SMM high 3 mo",
            {
                "imaging.baseline": OK,
                "imaging.smm_mri": (OK, "2021-05-09"),
                "imaging.smm_followup": (OK, "2022-03-10"),
                "labs.monitoring": (OK, "2021-06-01"),
                "smm.risk": (OK, "2022-03-01"),
                "alert.smm_high_risk": ALERT,
                "alert.smm_mde": OK,
                "alert.pangea_evolving": OK,
                "alert.hypercalcaemia": OK,
                "workup.staging": NA,
                "bta.start": NA,
                "alert.progression": NA,
                "imaging.pre_asct_pet": NA,
                "asct.conditioning_note": NA,
                "mrd.annual": NA,
            },
        ),
        ("2021-04-24", "§11 Status ok: due − 15 d", {"imaging.smm_mri": (OK, "2021-05-09")}),
        (
            "2021-04-25",
            "§11 Status due_soon: due − 14 d",
            {"imaging.smm_mri": (SOON, "2021-05-09")},
        ),
        ("2021-05-09", "§11 Status due_soon: due day", {"imaging.smm_mri": (SOON, "2021-05-09")}),
        (
            "2021-05-10",
            "§11 Status overdue: due + 1 d",
            {"imaging.smm_mri": (LATE, "2021-05-09", 1)},
        ),
        (
            "2021-05-20",
            "§11 imaging.smm_mri satisfied by MRI; imaging.smm_followup last + 12 mo",
            {
                "imaging.smm_mri": (OK, None),
                "imaging.smm_followup": (OK, "2022-05-20"),
                "labs.monitoring": (SOON, "2021-06-01"),
            },
        ),
        ("2021-06-02", "§8 SMM high 3 mo, overdue", {"labs.monitoring": (LATE, "2021-06-01", 1)}),
        (
            "2021-06-10",
            "§11 labs.monitoring, smm.risk re-scored (last computable date + 12 mo)",
            {
                "labs.monitoring": (OK, "2021-09-10"),
                "smm.risk": (OK, "2022-06-10"),
                "alert.pangea_evolving": OK,
            },
        ),
        (
            "2022-01-25",
            "D6 PANGEA: M-protein +5 g/L, FLC ratio +46, Hb −20 g/L against 2021-03-01",
            {
                "alert.pangea_evolving": ALERT,
                "alert.smm_mde": OK,
                "labs.monitoring": (OK, "2022-04-20"),
            },
        ),
        (
            "2022-02-12",
            "§1a C 2.95 > 2.75 and Li ratio 120 ≥ 100: urgent alerts; smm.risk from 2022-02-10",
            {
                "alert.hypercalcaemia": ALERT,
                "alert.smm_mde": ALERT,
                "smm.risk": (OK, "2023-02-10"),
            },
        ),
        (
            "2022-02-22",
            "§11 NDMM: work-up, imaging and BTA due NDMM + 30 d; SMM items close; "
            "D23 D26 alert.progression from the NDMM date, baseline M-protein of 2022-01-20",
            {
                "workup.staging": (OK, "2022-03-22"),
                "imaging.baseline": (OK, "2022-03-22"),
                "bta.start": (OK, "2022-03-22"),
                "dental.before_bta": (OK, "2022-03-22"),
                "smm.risk": NA,
                "alert.smm_mde": NA,
                "alert.smm_high_risk": NA,
                "alert.pangea_evolving": NA,
                "imaging.smm_mri": NA,
                "imaging.smm_followup": NA,
                "alert.progression": OK,
                "alert.hypercalcaemia": ALERT,
                "labs.monitoring": (OK, "2022-03-12"),
            },
        ),
        (
            "2022-02-25",
            "§11 renal.za_dose: ZA planned, no creatinine within 30 d; alert.progression with line 1",
            {"renal.za_dose": ALERT, "alert.progression": OK, "bta.next_dose": NA},
        ),
        (
            "2022-03-01",
            "§11 renal.za_dose baseline 80 µmol/L, CrCl > 60; calcium back to 2.42",
            {"renal.za_dose": OK, "alert.hypercalcaemia": OK},
        ),
        (
            "2022-03-08",
            "§11 Status due_soon from NDMM + 30 d − 14 d",
            {
                "workup.staging": (SOON, "2022-03-22"),
                "imaging.baseline": (SOON, "2022-03-22"),
                "bta.start": (SOON, "2022-03-22"),
                "dental.before_bta": (OK, None),
                "labs.monitoring": (SOON, "2022-03-12"),
            },
        ),
        (
            "2022-03-15",
            "§11 first ZA dose: next dose, review, dental, supplement, vitamin D",
            {
                "bta.start": NA,
                "bta.next_dose": (OK, "2022-04-12"),
                "bta.review": (OK, "2023-03-15"),
                "dental.before_bta": OK,
                "dental.periodic": (OK, "2022-09-05"),
                "supplement.ca_vitd": OK,
                "vitd.level": (OK, "2022-04-14"),
                "renal.before_bisphosphonate": NA,
                "renal.za_dose": OK,
                "calcium.before_denosumab": NA,
                "alert.hypocalcaemia": NA,
                "denosumab.bridge": NA,
            },
        ),
        (
            "2022-03-23",
            "§11 workup.staging (FISH missing) and imaging.baseline overdue",
            {
                "workup.staging": (LATE, "2022-03-22", 1),
                "imaging.baseline": (LATE, "2022-03-22", 1),
            },
        ),
        (
            "2022-03-25",
            "§11 imaging.baseline satisfied by PET-CT",
            {"imaging.baseline": OK, "workup.staging": (LATE, "2022-03-22", 3)},
        ),
        (
            "2022-04-01",
            "§11 renal.before_bisphosphonate in the lead window before 2022-04-12; FISH 03-30 completes the work-up",
            {
                "workup.staging": OK,
                "renal.before_bisphosphonate": (SOON, "2022-04-12"),
                "vitd.level": OK,
            },
        ),
        (
            "2022-04-09",
            "§11 renal.before_bisphosphonate: creatinine 3 d before the dose",
            {"renal.before_bisphosphonate": OK},
        ),
        (
            "2022-07-19",
            "§11 mrd.end_of_induction: induction end not yet known",
            {"mrd.end_of_induction": NA, "imaging.pre_asct_pet": (OK, "2022-09-20")},
        ),
        (
            "2022-07-25",
            "§11 mrd.end_of_induction: end + 30 d; D19 CR by negative serum IFE",
            {"mrd.end_of_induction": (OK, "2022-08-19")},
        ),
        (
            "2022-08-10",
            "§11 mrd.end_of_induction due_soon; plan entered 2022-07-01",
            {
                "mrd.end_of_induction": (SOON, "2022-08-19"),
                "mrd.pre_asct": (OK, "2022-09-20"),
                "imaging.pre_asct_pet": (OK, "2022-09-20"),
                "asct.conditioning_note": ALERT,
            },
        ),
        (
            "2022-08-22",
            "§11 mrd.end_of_induction overdue",
            {"mrd.end_of_induction": (LATE, "2022-08-19", 3)},
        ),
        (
            "2022-08-25",
            "§11 MRD within end − 30 … end + 60 and within 60 d before the planned ASCT",
            {
                "mrd.end_of_induction": OK,
                "mrd.pre_asct": OK,
                "dental.periodic": (SOON, "2022-09-05"),
            },
        ),
        (
            "2022-09-08",
            "§11 imaging.pre_asct_pet due_soon",
            {"imaging.pre_asct_pet": (SOON, "2022-09-20")},
        ),
        (
            "2022-09-10",
            "§11 imaging.pre_asct_pet satisfied by PET-CT",
            {"imaging.pre_asct_pet": OK, "dental.periodic": (OK, "2023-03-01")},
        ),
        (
            "2022-09-20",
            "§11 transplant performed: pre-ASCT items close, mrd.day100 opens",
            {
                "imaging.pre_asct_pet": NA,
                "mrd.pre_asct": NA,
                "asct.conditioning_note": NA,
                "mrd.end_of_induction": NA,
                "mrd.day100": (OK, "2023-01-18"),
                "labs.monitoring": (OK, "2022-10-15"),
            },
        ),
        (
            "2023-01-04",
            "§11 mrd.day100 due_soon (transplant + 120 d − 14 d)",
            {"mrd.day100": (SOON, "2023-01-18")},
        ),
        (
            "2023-01-10",
            "§11 mrd.annual in MAINTENANCE: last MRD 2022-08-25 + 12 mo",
            {"mrd.annual": (OK, "2023-08-25"), "mrd.day100": (SOON, "2023-01-18")},
        ),
        ("2023-01-20", "§11 mrd.day100 overdue", {"mrd.day100": (LATE, "2023-01-18", 2)}),
        (
            "2023-02-01",
            "§11 MRD on day 127 is outside day 80-120; mrd.annual from it",
            {"mrd.day100": (LATE, "2023-01-18", 14), "mrd.annual": (OK, "2024-01-25")},
        ),
        (
            "2023-03-01",
            "§11 bta.review due_soon: first dose + 12 mo",
            {"bta.review": (SOON, "2023-03-15"), "dental.periodic": (OK, "2023-08-20")},
        ),
        (
            "2023-03-18",
            "§11 mrd.day100 overdue until it closes",
            {"mrd.day100": (LATE, "2023-01-18", 59)},
        ),
        (
            "2023-03-19",
            "§11 mrd.day100 closes at transplant + 180 d; ZA every 84 d after the review",
            {
                "mrd.day100": NA,
                "bta.review": (OK, "2024-03-10"),
                "bta.next_dose": (OK, "2023-06-06"),
            },
        ),
        ("2023-03-26", "D9 vitamin D 40 nmol/L < 50: urgent", {"vitd.level": ALERT}),
        ("2023-06-02", "D9 vitamin D 80 nmol/L: ok, + 12 mo", {"vitd.level": (OK, "2024-06-01")}),
        ("2024-01-11", "§11 mrd.annual due_soon", {"mrd.annual": (SOON, "2024-01-25")}),
        ("2024-01-26", "§11 mrd.annual overdue", {"mrd.annual": (LATE, "2024-01-25", 1)}),
        (
            "2024-02-20",
            "§11 BTA stopped: the BTA items close",
            {
                "bta.next_dose": NA,
                "bta.review": NA,
                "dental.periodic": NA,
                "renal.before_bisphosphonate": NA,
                "renal.za_dose": NA,
                "supplement.ca_vitd": NA,
                "vitd.level": NA,
                "bta.start": NA,
            },
        ),
        (
            "2024-04-20",
            "§4 PD: 6 g/L from a nadir of 0 (≥ 5 g/L), unconfirmed; MRD items need ≥ CR",
            {"alert.progression": ALERT, "mrd.annual": NA},
        ),
        ("2024-05-20", "§4 PD confirmed by 9 g/L", {"alert.progression": ALERT}),
        (
            "2024-06-03",
            "§11 RELAPSE: bta.start again (stopped before the relapse); D46 the new episode "
            "closes the PD alert and is judged from its baseline of 9 g/L",
            {
                "alert.progression": OK,
                "bta.start": (OK, "2024-07-01"),
                "dental.before_bta": OK,
                "labs.monitoring": (SOON, "2024-06-14"),
            },
        ),
        (
            "2024-06-10",
            "D22 line 2 joins the RELAPSE episode: baseline and nadir unchanged",
            {"alert.progression": OK},
        ),
        ("2024-06-18", "§11 bta.start due_soon", {"bta.start": (SOON, "2024-07-01")}),
        (
            "2024-06-20",
            "§11 ZA restarted: a new course",
            {
                "bta.start": NA,
                "bta.next_dose": (OK, "2024-07-18"),
                "bta.review": (OK, "2025-06-20"),
                "dental.before_bta": OK,
                "renal.za_dose": OK,
            },
        ),
    ],
)

ZA_HOLD_CHECKS = checks(
    ZA_HOLD,
    [
        (
            "2024-01-25",
            "§11 supplement.ca_vitd due on the first dose day",
            {"supplement.ca_vitd": (SOON, "2024-01-25"), "renal.za_dose": OK},
        ),
        (
            "2024-01-26",
            "§11 supplement.ca_vitd overdue; alert.onj_risk not yet",
            {"supplement.ca_vitd": (LATE, "2024-01-25", 1), "alert.onj_risk": NA},
        ),
        ("2024-02-01", "§11 alert.onj_risk: extraction planned", {"alert.onj_risk": ALERT}),
        (
            "2024-02-10",
            "§11 bta.next_dose due_soon; vitd.level first dose + 30 d",
            {"bta.next_dose": (SOON, "2024-02-22"), "vitd.level": (SOON, "2024-02-24")},
        ),
        ("2024-02-25", "D9 vitd.level overdue", {"vitd.level": (LATE, "2024-02-24", 1)}),
        (
            "2024-03-10",
            "§11 renal.before_bisphosphonate: no creatinine within 7 d before 2024-03-21",
            {
                "bta.next_dose": (SOON, "2024-03-21"),
                "renal.before_bisphosphonate": (SOON, "2024-03-21"),
                "renal.za_dose": OK,
            },
        ),
        (
            "2024-03-15",
            "§5 creatinine +44 from 90: hold ZA (urgent); dose and creatinine check wait",
            {"renal.za_dose": ALERT, "bta.next_dose": NA, "renal.before_bisphosphonate": NA},
        ),
        (
            "2024-04-10",
            "§5 100 µmol/L is not within 10 % of 90: still held",
            {"renal.za_dose": ALERT, "bta.next_dose": NA},
        ),
        (
            "2024-04-24",
            "§5 99 µmol/L within 10 %: ZA resumes; the missed dose is overdue",
            {
                "renal.za_dose": OK,
                "bta.next_dose": (LATE, "2024-03-21", 34),
                "renal.before_bisphosphonate": OK,
            },
        ),
        (
            "2024-04-27",
            "§11 bta.next_dose after the resumed dose",
            {"bta.next_dose": (OK, "2024-05-24")},
        ),
        ("2024-05-19", "§11 alert.onj_risk until procedure + 90 d", {"alert.onj_risk": ALERT}),
        (
            "2024-05-20",
            "§11 Status: alert.onj_risk closes on procedure + 90 d, inclusive",
            {"alert.onj_risk": NA},
        ),
    ],
)

DMAB_LAPSED_CHECKS = checks(
    DMAB_LAPSED,
    [
        (
            "2024-02-06",
            "§11 alert.hypocalcaemia: denosumab planned, 2.05 < LLN 2.10 (D17 default)",
            {"alert.hypocalcaemia": ALERT, "renal.za_dose": NA, "bta.start": (OK, "2024-03-02")},
        ),
        ("2024-02-12", "§11 alert.hypocalcaemia: 2.25 not below LLN", {"alert.hypocalcaemia": OK}),
        (
            "2024-05-20",
            "§11 calcium.before_denosumab: next dose not within lead_days",
            {"calcium.before_denosumab": NA},
        ),
        (
            "2024-05-25",
            "§11 calcium.before_denosumab due_soon before 2024-06-06",
            {"calcium.before_denosumab": (SOON, "2024-06-06")},
        ),
        ("2024-06-03", "§11 calcium within 7 d before the dose", {"calcium.before_denosumab": OK}),
        (
            "2024-07-05",
            "§11 next dose and its calcium overdue",
            {
                "bta.next_dose": (LATE, "2024-07-04", 1),
                "calcium.before_denosumab": (LATE, "2024-07-04", 1),
                "denosumab.bridge": NA,
            },
        ),
        ("2024-08-01", "D37: next due 2024-07-04 + 28 d, not lapsed", {"denosumab.bridge": NA}),
        (
            "2024-08-02",
            "D37 lapsed from next due + 29 d: bisphosphonate due last dose + 6 mo (the later)",
            {"denosumab.bridge": (OK, "2024-12-06"), "bta.next_dose": (LATE, "2024-07-04", 29)},
        ),
        ("2024-11-22", "D10 denosumab.bridge due_soon", {"denosumab.bridge": (SOON, "2024-12-06")}),
        (
            "2024-12-07",
            "D10 denosumab.bridge overdue",
            {"denosumab.bridge": (LATE, "2024-12-06", 1)},
        ),
    ],
)

DMAB_STOPPED_CHECKS = checks(
    DMAB_STOPPED,
    [
        (
            "2024-03-31",
            "D10: denosumab going on",
            {"denosumab.bridge": NA, "bta.next_dose": (SOON, "2024-04-13")},
        ),
        (
            "2024-04-01",
            "D10: stopped, bisphosphonate due last dose + 6 mo; the BTA items close",
            {
                "denosumab.bridge": (OK, "2024-09-16"),
                "bta.next_dose": NA,
                "calcium.before_denosumab": NA,
                "bta.start": NA,
            },
        ),
        (
            "2024-08-15",
            "D10 satisfied by zoledronic acid; a new ZA course",
            {"denosumab.bridge": OK, "bta.next_dose": (OK, "2024-09-12"), "renal.za_dose": OK},
        ),
    ],
)

DECEASED_CHECKS = checks(
    DECEASED,
    [
        (
            "2024-05-09",
            "§11 the day before death: items as their rules say",
            {
                "bta.next_dose": (LATE, "2024-01-12", 118),
                "renal.before_bisphosphonate": (LATE, "2024-01-12", 118),
                "imaging.pre_asct_pet": (LATE, "2024-04-15", 24),
                "mrd.pre_asct": (LATE, "2024-04-15", 24),
                "asct.conditioning_note": ALERT,
                "supplement.ca_vitd": (LATE, "2023-10-20", 202),
                "labs.monitoring": (LATE, "2024-05-01", 8),
                "alert.hypercalcaemia": OK,
            },
        ),
    ],
)

SNOOZE_CHECKS = checks(
    SNOOZES,
    [
        (
            "2024-02-19",
            "§11 bta.start overdue before the snooze",
            {"bta.start": (LATE, "2024-02-14", 5)},
        ),
        ("2024-02-20", "§11 Status snoozed from the acknowledgement", {"bta.start": SNOOZED}),
        ("2024-03-10", "§11 Status snoozed until `until`, inclusive", {"bta.start": SNOOZED}),
        (
            "2024-03-11",
            "§11 Status: the real status shows the day after `until`",
            {"bta.start": (LATE, "2024-02-14", 26), "dental.before_bta": (LATE, "2024-02-14", 26)},
        ),
        ("2024-03-20", "§11 bta.start: declined", {"bta.start": NA, "dental.before_bta": NA}),
        ("2024-04-04", "§11 labs.monitoring overdue", {"labs.monitoring": (LATE, "2024-03-31", 4)}),
        ("2024-04-05", "§11 Status snoozed", {"labs.monitoring": SNOOZED}),
        ("2024-04-29", "§1a C 2.90 > 2.75: urgent", {"alert.hypercalcaemia": ALERT}),
        ("2024-05-01", "§11 an urgent alert snoozed", {"alert.hypercalcaemia": SNOOZED}),
        (
            "2024-05-10",
            "§11 Status: an urgent alert triggered after the acknowledgement is not snoozed",
            {"alert.hypercalcaemia": ALERT},
        ),
        (
            "2024-07-04",
            "§11 snooze.max_days 90: snoozed to acknowledgement + 90 d",
            {"labs.monitoring": SNOOZED},
        ),
        (
            "2024-07-05",
            "§11 snooze.max_days 90: over",
            {"labs.monitoring": (LATE, "2024-03-31", 96)},
        ),
    ],
)

LEAP_CHECKS = (
    checks(
        LEAP_SMM,
        [
            (
                "2024-02-15",
                "D18 2023-11-30 + 3 mo = 2024-02-29 (due − 14 d)",
                {"labs.monitoring": (SOON, "2024-02-29")},
            ),
            ("2024-02-29", "D18 due on the leap day", {"labs.monitoring": (SOON, "2024-02-29")}),
            (
                "2024-03-01",
                "D18 overdue the day after the leap day",
                {"labs.monitoring": (LATE, "2024-02-29", 1), "alert.smm_high_risk": OK},
            ),
            (
                "2024-03-04",
                "§11 smm.risk last computable date + 12 mo; labs + 3 mo",
                {"smm.risk": (OK, "2025-03-04"), "labs.monitoring": (OK, "2024-06-04")},
            ),
            (
                "2024-12-27",
                "§11 imaging.smm_followup MRI + 12 mo, due_soon",
                {"imaging.smm_followup": (SOON, "2025-01-10")},
            ),
            (
                "2025-01-11",
                "§11 imaging.smm_followup overdue",
                {"imaging.smm_followup": (LATE, "2025-01-10", 1)},
            ),
            ("2025-03-05", "§11 smm.risk overdue", {"smm.risk": (LATE, "2025-03-04", 1)}),
        ],
    )
    + checks(
        LEAP_BTA,
        [
            (
                "2024-02-17",
                "D18 NDMM 2024-02-01 + 30 d = 2024-03-02",
                {"bta.start": (SOON, "2024-03-02")},
            ),
            (
                "2024-02-29",
                "D18 dental 2023-08-31 + 6 mo = 2024-02-29; ZA + 28 d = 2024-03-28",
                {
                    "dental.periodic": (SOON, "2024-02-29"),
                    "bta.next_dose": (OK, "2024-03-28"),
                    "bta.review": (OK, "2025-02-28"),
                    "vitd.level": (OK, "2024-03-30"),
                },
            ),
            (
                "2024-03-01",
                "D18 dental overdue the day after the leap day",
                {"dental.periodic": (LATE, "2024-02-29", 1)},
            ),
            (
                "2025-02-28",
                "D18 2024-02-29 + 12 mo = 2025-02-28",
                {"bta.review": (SOON, "2025-02-28")},
            ),
            ("2025-03-01", "D18 review overdue", {"bta.review": (LATE, "2025-02-28", 1)}),
        ],
    )
    + checks(
        MONTH_END,
        [
            (
                "2023-02-28",
                "D18 2023-01-31 + 1 mo = 2023-02-28",
                {"labs.monitoring": (SOON, "2023-02-28")},
            ),
            ("2023-03-01", "D18 overdue on 1 March", {"labs.monitoring": (LATE, "2023-02-28", 1)}),
            (
                "2024-02-29",
                "D18 2024-01-31 + 1 mo = 2024-02-29",
                {"labs.monitoring": (SOON, "2024-02-29")},
            ),
            (
                "2024-03-01",
                "D18 overdue on 1 March of a leap year",
                {"labs.monitoring": (LATE, "2024-02-29", 1)},
            ),
        ],
    )
)

ALL_CHECKS = (
    COURSE_CHECKS
    + ZA_HOLD_CHECKS
    + DMAB_LAPSED_CHECKS
    + DMAB_STOPPED_CHECKS
    + DECEASED_CHECKS
    + SNOOZE_CHECKS
    + LEAP_CHECKS
)


def _actual(item: CareItem, expected: Expected) -> Expected:
    """The item in the shape of the expectation."""
    if isinstance(expected, Status):
        return item.status
    due = item.due.isoformat() if item.due else None
    if len(expected) == 2:
        return item.status, due
    return item.status, due, item.days_overdue


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda c: c.id)
def test_vignette(check: Check) -> None:
    items = check.vignette.items(check.on)
    actual = {item_id: _actual(items[item_id], want) for item_id, want in check.expected.items()}
    assert actual == dict(check.expected)


def test_every_check_names_known_items() -> None:
    assert {i for c in ALL_CHECKS for i in c.expected} <= set(ITEM_ORDER)


# --- Details the tables cannot show -----------------------------------------------------


def test_alert_severities_follow_section_11() -> None:
    """§11: hypercalcaemia and ZA hold urgent; high-risk SMM, PANGEA, ONJ and the D7 note info."""
    severities = {
        ("course", "2022-02-12", "alert.hypercalcaemia"): Severity.URGENT,
        ("course", "2022-02-12", "alert.smm_mde"): Severity.URGENT,
        ("course", "2021-04-01", "alert.smm_high_risk"): Severity.INFO,
        ("course", "2022-01-25", "alert.pangea_evolving"): Severity.INFO,
        ("course", "2022-08-10", "asct.conditioning_note"): Severity.INFO,
        ("course", "2024-04-20", "alert.progression"): Severity.URGENT,
        ("course", "2023-03-26", "vitd.level"): Severity.URGENT,
        ("za_renal_hold", "2024-03-15", "renal.za_dose"): Severity.URGENT,
        ("za_renal_hold", "2024-02-01", "alert.onj_risk"): Severity.INFO,
        ("denosumab_lapsed", "2024-02-06", "alert.hypocalcaemia"): Severity.URGENT,
    }
    found = {key: VIGNETTES[key[0]].items(key[1])[key[2]].severity for key in severities}
    assert found == severities


def test_pangea_alert_lists_the_biomarkers_met() -> None:
    """D6: M-protein, FLC ratio and hemoglobin evolved; creatinine (+7 %) did not."""
    item = COURSE.items("2022-01-25")["alert.pangea_evolving"]
    assert item.message.as_dict()["biomarkers"] == "m_protein, flc_ratio, hemoglobin"


def test_smm_mde_names_the_criteria_met() -> None:
    """§1a: calcium (C) and the light-chain ratio (Li) met on 2022-02-10."""
    criteria = COURSE.items("2022-02-12")["alert.smm_mde"].message.as_dict()["criteria"]
    assert isinstance(criteria, str)
    assert set(criteria.split(", ")) == {"C", "Li"}


def test_progression_is_unconfirmed_then_confirmed() -> None:
    """D20: met once it is marked unconfirmed; met again, confirmed.

    D27: the PET-CT of 2022-03-25 (3 lytic lesions) is after the episode start + 30 d
    (2022-03-22), so it is compared with the baseline imaging, the whole-body MRI of
    2021-05-20 (1 focal lesion): PD by another modality, unconfirmed until the
    M-protein confirms PD on 2024-05-20.
    """
    first = COURSE.items("2024-04-20")["alert.progression"].message.id
    second = COURSE.items("2024-05-20")["alert.progression"].message.id
    assert (first, second) == (
        "alert.progression.unconfirmed.other_modality",
        "alert.progression.confirmed",
    )
    assert COURSE.items("2022-03-25")["alert.progression"].since == day("2022-03-25")


def test_lapsed_denosumab_says_so() -> None:
    """D37: lapsed from the next due date + 29 d (2024-07-04 + 29 d = 2024-08-02)."""
    before = DMAB_LAPSED.items("2024-08-01")["bta.next_dose"].message.id
    after = DMAB_LAPSED.items("2024-08-02")["bta.next_dose"].message.id
    assert (before, after) == ("bta.next_dose.due", "bta.next_dose.lapsed")


def test_za_dose_shows_the_dose_for_the_baseline_crcl() -> None:
    """§5 table: CrCl 77 mL/min (woman, 63 y, 65 kg, 80 µmol/L; §9 Cockcroft-Gault) > 60 → 4 mg."""
    renal = COURSE.assess("2022-03-15").renal
    assert renal.za_dose_mg == 4.0
    assert renal.za_baseline is not None
    assert renal.za_baseline.crcl == pytest.approx((140 - 63) * 65 / (72 * 80 / 88.4) * 0.85)


def test_snooze_reports_its_end_and_the_status_beneath() -> None:
    """§11 Status: the snooze lasts to min(until, acknowledged + 90 d)."""
    item = SNOOZES.items("2024-04-05")["labs.monitoring"]
    assert (item.snoozed_until, item.status_beneath_snooze) == (day("2024-07-04"), LATE)


def test_leaving_care_closes_every_item_from_that_date() -> None:
    """§11 Phases: deceased → every item not_applicable from the date, saying so."""
    for on in ("2024-05-10", "2024-06-01", "2024-07-31"):
        items = DECEASED.assess(on).items
        assert {i.status for i in items} == {NA}, on
        assert {i.message.id for i in items} == {"patient.closed"}, on


def test_leaving_care_changes_nothing_before_that_date() -> None:
    """§11 Phases: before the date the assessment is that of a patient in care."""
    alive = replace(
        DECEASED, patient=replace(DECEASED.patient, status=PatientStatus.ACTIVE, status_date=None)
    )
    for on in ("2023-10-01", "2024-01-20", "2024-04-16", "2024-05-09"):
        assert DECEASED.assess(on) == alive.assess(on), on
    assert any(i.status is not NA for i in DECEASED.assess("2024-05-09").items)
