"""Disease markers of one synthetic patient: lab panels, marrow, MRD, FISH and imaging.

Every value follows the course's burden curve: M-protein and the involved
light chain fall on therapy and rise before relapse; haemoglobin, calcium,
creatinine and albumin drift between their values at diagnosis and normal.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from mmtracker.demo.chart import Chart, jitter
from mmtracker.demo.course import Archetype, Course
from mmtracker.logic.codes import (
    Analyte,
    CopyNumber1q,
    Del1p32,
    ImagingModality,
    Isotype,
    LightChain,
    MrdMethod,
    MrdResult,
    Sex,
)
from mmtracker.logic.history import Cytogenetics, Imaging, MrdTest

# Below this serum M-protein (g/L) electrophoresis cannot quantify it; immunofixation is done.
QUANTIFIABLE_M_PROTEIN = 1.0
IFE_BELOW_M_PROTEIN = 5.0
MEASURABLE_M_PROTEIN = 10.0  # g/L (§4 measurable disease)
HYPERCALCAEMIA = 2.75  # mmol/L, myeloma-defining (§1a C)
HYPOCALCAEMIA_DROP = 0.3  # mmol/L
# SMM marrow: clonal plasma cells 10-60% (§1b), kept clear of the 60% MDE (§1a S).
SMM_MIN_BMPC = 10.0
SMM_MAX_BMPC = 55.0
# Normal involved and uninvolved serum FLC (mg/L), mid reference range (§9).
NORMAL_FLC = {LightChain.KAPPA: 12.0, LightChain.LAMBDA: 15.0}
MRD_SENSITIVITY = {MrdMethod.NGF: (1e-5,), MrdMethod.NGS: (1e-6, 1e-6, 1e-5)}


@dataclass(slots=True)
class Markers:
    """Values at diagnosis (burden 1.0) and when the disease is controlled."""

    isotype: Isotype
    light_chain: LightChain
    m_protein: float
    urine: float
    involved: float
    uninvolved: float
    bmpc: float
    hb_normal: float
    hb: float
    creatinine_normal: float
    creatinine: float
    calcium_normal: float
    calcium: float
    albumin_normal: float
    albumin: float
    b2m: float
    ldh: float
    vitamin_d: float
    lesions: int
    # Calcium falls by HYPOCALCAEMIA_DROP from this day (denosumab; §5).
    low_calcium_from: dt.date | None = None

    @property
    def heavy_chain(self) -> bool:
        return self.isotype is not Isotype.LIGHT_CHAIN_ONLY

    @property
    def measurable(self) -> bool:
        """Serum M-protein measurable at diagnosis (§4): FLC is then checked less often."""
        return self.m_protein >= MEASURABLE_M_PROTEIN

    @property
    def uninvolved_chain(self) -> LightChain:
        return LightChain.LAMBDA if self.light_chain is LightChain.KAPPA else LightChain.KAPPA


def noisy(rng: random.Random, value: float, spread: float) -> float:
    """A value with relative noise of the given standard deviation."""
    return value * (1.0 + jitter(rng, spread))


def draw_markers(rng: random.Random, course: Course, sex: Sex) -> Markers:
    """Baseline values fitting the course: SMM without myeloma-defining events, MM with them."""
    smm_only = course.archetype is Archetype.SMM
    light_chain = LightChain.KAPPA if rng.random() < 0.65 else LightChain.LAMBDA
    x = rng.random()
    if smm_only:
        isotype = Isotype.IGG if x < 0.75 else Isotype.IGA
    elif x < 0.55:
        isotype = Isotype.IGG
    elif x < 0.76:
        isotype = Isotype.IGA
    elif x < 0.78:
        isotype = Isotype.IGD
    else:
        isotype = Isotype.LIGHT_CHAIN_ONLY
    other_chain = LightChain.LAMBDA if light_chain is LightChain.KAPPA else LightChain.KAPPA
    hb_normal = rng.uniform(135, 150) if sex is Sex.MALE else rng.uniform(122, 138)
    creatinine_normal = rng.uniform(65, 100) if sex is Sex.MALE else rng.uniform(50, 85)
    calcium_normal = rng.uniform(2.2, 2.45)
    albumin_normal = rng.uniform(38, 46)
    if smm_only:
        high = course.smm_high_risk
        uninvolved = rng.uniform(6, 14)
        return Markers(
            isotype=isotype,
            light_chain=light_chain,
            m_protein=rng.uniform(21, 34) if high else rng.uniform(8, 19),
            urine=0.0,
            involved=uninvolved * (rng.uniform(22, 50) if high else rng.uniform(2, 12)),
            uninvolved=uninvolved,
            bmpc=rng.uniform(22, 45) if high else rng.uniform(10, 19),
            hb_normal=hb_normal,
            hb=hb_normal - rng.uniform(0, 8),
            creatinine_normal=creatinine_normal,
            creatinine=creatinine_normal,
            calcium_normal=calcium_normal,
            calcium=calcium_normal,
            albumin_normal=albumin_normal,
            albumin=albumin_normal - rng.uniform(0, 4),
            b2m=rng.uniform(1.5, 3.2),
            ldh=rng.uniform(130, 230),
            vitamin_d=rng.uniform(30, 110),
            lesions=0,
        )
    anaemic = rng.random() < 0.45
    renal = rng.random() < 0.15
    hypercalcaemic = rng.random() < 0.12
    lesions = rng.choices((0, 1, 3, 6, 15), weights=(0.25, 0.2, 0.2, 0.2, 0.15))[0]
    if lesions > 1:
        lesions = rng.randint(lesions - 1, lesions + 5)
    if not (anaemic or renal or hypercalcaemic or lesions):
        lesions = rng.randint(1, 4)
    iss = rng.random()
    b2m = (
        rng.uniform(1.5, 3.4)
        if iss < 0.35
        else rng.uniform(3.5, 5.4)
        if iss < 0.7
        else rng.uniform(5.5, 14)
    )
    heavy = isotype is not Isotype.LIGHT_CHAIN_ONLY
    m_protein = {Isotype.IGG: (20, 70), Isotype.IGA: (15, 50), Isotype.IGD: (5, 20)}
    return Markers(
        isotype=isotype,
        light_chain=light_chain,
        m_protein=rng.uniform(*m_protein[isotype]) if heavy else 0.0,
        urine=rng.uniform(50, 800) if heavy else rng.uniform(400, 3000),
        involved=rng.uniform(60, 1500) if heavy else rng.uniform(400, 6000),
        uninvolved=rng.uniform(2, 0.6 * NORMAL_FLC[other_chain]),
        bmpc=rng.uniform(15, 85),
        hb_normal=hb_normal,
        hb=rng.uniform(72, 99) if anaemic else rng.uniform(100, hb_normal),
        creatinine_normal=creatinine_normal * (rng.uniform(1.1, 1.6) if renal else 1.0),
        creatinine=rng.uniform(180, 450) if renal else creatinine_normal * rng.uniform(1.0, 1.3),
        calcium_normal=calcium_normal,
        calcium=rng.uniform(2.8, 3.4) if hypercalcaemic else calcium_normal + rng.uniform(0, 0.1),
        albumin_normal=albumin_normal,
        albumin=rng.uniform(27, 42),
        b2m=b2m * (1.5 if renal else 1.0),
        ldh=rng.uniform(260, 600) if rng.random() < 0.2 else rng.uniform(130, 240),
        vitamin_d=rng.uniform(35, 120),
        lesions=lesions,
    )


class DiseaseRecorder:
    """Writes the disease entries of one patient into the chart."""

    def __init__(self, chart: Chart, course: Course, markers: Markers) -> None:
        self.chart = chart
        self.rng = chart.rng
        self.course = course
        self.m = markers

    def _between(self, level: float, at_dx: float, normal: float) -> float:
        return normal + (at_dx - normal) * min(level, 1.2)

    def creatinine(self, day: dt.date, level: float | None = None) -> float:
        """Record a serum creatinine; return the stored value in µmol/L."""
        m = self.m
        if level is None:
            level = self.course.burden.at(day)
        value = noisy(self.rng, self._between(level, m.creatinine, m.creatinine_normal), 0.06)
        return self.chart.lab(day, Analyte.CREATININE, value)

    def calcium(self, day: dt.date, level: float | None = None) -> None:
        """Record a calcium and the same day's albumin."""
        m, rng = self.m, self.rng
        if level is None:
            level = self.course.burden.at(day)
        calcium = self._between(level, m.calcium, m.calcium_normal) + jitter(rng, 0.04)
        if m.low_calcium_from is not None and day >= m.low_calcium_from:
            calcium -= HYPOCALCAEMIA_DROP
        albumin = self._between(level, m.albumin, m.albumin_normal) + jitter(rng, 1.5)
        self.chart.lab(day, Analyte.CALCIUM, calcium)
        self.chart.lab(day, Analyte.ALBUMIN, albumin)

    def panel(self, day: dt.date, *, full: bool, chemistry: bool) -> float:
        """M-protein (immunofixation when small), haemoglobin; FLC, creatinine, calcium at times.

        Returns the burden on that day.
        """
        m, rng, chart = self.m, self.rng, self.chart
        level = self.course.burden.at(day)
        serum_ife = level <= 0
        if m.heavy_chain:
            value = noisy(rng, m.m_protein * level, 0.05)
            value = value if value >= QUANTIFIABLE_M_PROTEIN else 0.0
            chart.lab(
                day,
                Analyte.SERUM_MPROTEIN,
                value,
                isotype=m.isotype,
                light_chain=m.light_chain,
            )
            serum_ife = value < IFE_BELOW_M_PROTEIN
        elif full:
            urine = noisy(rng, m.urine * level, 0.1)
            chart.lab(
                day,
                Analyte.URINE_MPROTEIN,
                urine,
                isotype=m.isotype,
                light_chain=m.light_chain,
            )
        if serum_ife and chemistry:
            chart.immunofixation(day, Analyte.SERUM_IFE, level > 0, m.isotype, m.light_chain)
            if level <= 0 and full:
                chart.immunofixation(day, Analyte.URINE_IFE, False, m.isotype, m.light_chain)
        if chemistry or not m.measurable:
            self._flc(day, level)
        hb = self._between(level, m.hb, m.hb_normal) + jitter(rng, 4)
        chart.lab(day, Analyte.HEMOGLOBIN, hb)
        if full:
            self.creatinine(day, level)
        if chemistry:
            self.calcium(day, level)
        return level

    def _flc(self, day: dt.date, level: float) -> None:
        m, rng = self.m, self.rng
        normal_involved = NORMAL_FLC[m.light_chain]
        normal_uninvolved = NORMAL_FLC[m.uninvolved_chain]
        involved = noisy(rng, normal_involved + (m.involved - normal_involved) * level, 0.06)
        uninvolved = noisy(
            rng, normal_uninvolved - (normal_uninvolved - m.uninvolved) * min(level, 1.0), 0.06
        )
        kappa, lam = (
            (involved, uninvolved) if m.light_chain is LightChain.KAPPA else (uninvolved, involved)
        )
        self.chart.lab(day, Analyte.FLC_KAPPA, kappa)
        self.chart.lab(day, Analyte.FLC_LAMBDA, lam)

    def staging(self, day: dt.date) -> None:
        """The extra results at a diagnosis: β2M, LDH, immunofixation, 24-h urine."""
        m, chart, rng = self.m, self.chart, self.rng
        chart.lab(day, Analyte.B2M, noisy(rng, m.b2m, 0.03))
        chart.lab(day, Analyte.LDH, noisy(rng, m.ldh, 0.03))
        chart.immunofixation(day, Analyte.SERUM_IFE, True, m.isotype, m.light_chain)
        if m.heavy_chain and m.urine and rng.random() < 0.5:
            chart.lab(
                day, Analyte.URINE_MPROTEIN, m.urine, isotype=m.isotype, light_chain=m.light_chain
            )

    def marrow(self, day: dt.date) -> float:
        """Record the marrow plasma-cell percentage on a day; return the burden then."""
        level = self.course.burden.at(day)
        if level <= 0:
            value = self.rng.uniform(0, 3)
        else:
            value = self.m.bmpc * level * self.rng.uniform(0.8, 1.2)
            if self.course.dx is None or day < self.course.dx:
                value = max(SMM_MIN_BMPC, min(SMM_MAX_BMPC, value))
            value = max(1.0, min(95.0, value))
        self.chart.lab(day, Analyte.BMPC, value)
        return level

    def mrd(self, day: dt.date) -> None:
        """A marrow aspirate with an MRD test (NGF or NGS)."""
        rng = self.rng
        level = self.marrow(day)
        method = MrdMethod.NGF if rng.random() < 0.6 else MrdMethod.NGS
        negative = level <= 0 and rng.random() < 0.75
        self.chart.add(
            "mrd_tests",
            MrdTest(
                id=self.chart.new_id(),
                date=day,
                method=method,
                sensitivity=rng.choice(MRD_SENSITIVITY[method]),
                result=MrdResult.NEGATIVE if negative else MrdResult.POSITIVE,
            ),
        )

    def fish(self, day: dt.date, high_risk_bias: float) -> None:
        """FISH on the marrow sample: IgH translocations, del(17p), 1q, 1p32, 13q."""
        rng = self.rng
        del_17p = rng.random() < 0.1 + high_risk_bias
        igh = rng.choices(
            ("t_4_14", "t_14_16", "t_14_20", None),
            weights=(0.12 + high_risk_bias, 0.03, 0.01, 0.84),
        )[0]
        gain = rng.random()
        gain_1q = (
            CopyNumber1q.AMPLIFICATION
            if gain < 0.08
            else CopyNumber1q.GAIN
            if gain < 0.36 + high_risk_bias
            else CopyNumber1q.NORMAL
        )
        loss = rng.random()
        self.chart.add(
            "cytogenetics",
            Cytogenetics(
                id=self.chart.new_id(),
                date=day,
                del_17p=del_17p,
                del_17p_clonal_fraction=round(rng.uniform(10, 90)) if del_17p else None,
                tp53_mutation=(del_17p and rng.random() < 0.4) if rng.random() < 0.3 else None,
                t_4_14=igh == "t_4_14",
                t_14_16=igh == "t_14_16",
                t_14_20=igh == "t_14_20",
                gain_1q=gain_1q,
                del_1p32=Del1p32.BIALLELIC
                if loss < 0.01
                else Del1p32.MONOALLELIC
                if loss < 0.09
                else Del1p32.NONE,
                del_13q=rng.random() < (0.7 if igh == "t_4_14" else 0.4),
                hyperdiploid=igh is None and rng.random() < 0.55,
            ),
        )

    def imaging(
        self,
        day: dt.date,
        modality: ImagingModality,
        lesions: int,
        *,
        avid: bool | None = None,
        note: str = "",
    ) -> None:
        """A whole-body imaging study with the findings each modality reports."""
        rng = self.rng
        self.chart.add(
            "imaging",
            Imaging(
                id=self.chart.new_id(),
                date=day,
                modality=modality,
                lytic_lesions=lesions if modality is not ImagingModality.WB_MRI else None,
                mri_focal_lesions=lesions if modality is ImagingModality.WB_MRI else None,
                fdg_avid=(lesions > 0 if avid is None else avid)
                if modality is ImagingModality.PET_CT
                else None,
                plasmacytoma=lesions > 0 and rng.random() < 0.08,
                note=note,
            ),
        )
