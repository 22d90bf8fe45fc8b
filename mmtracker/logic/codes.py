"""Fixed code lists shared by the record, the database and the rules.

Every code is a plain string so that it is stored, exported and compared
as written here; the enums only give the lists a name.
"""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    FEMALE = "F"
    MALE = "M"


class PatientStatus(StrEnum):
    ACTIVE = "active"
    DECEASED = "deceased"
    TRANSFERRED = "transferred"


class Phase(StrEnum):
    """Disease phases of clinical-rules.md §11 Phases."""

    SMM = "SMM"
    NDMM = "NDMM"
    ASCT = "ASCT"
    MAINTENANCE = "MAINTENANCE"
    RELAPSE = "RELAPSE"


class Analyte(StrEnum):
    SERUM_MPROTEIN = "serum_m_protein"
    URINE_MPROTEIN = "urine_m_protein"
    SERUM_IFE = "serum_immunofixation"
    URINE_IFE = "urine_immunofixation"
    FLC_KAPPA = "flc_kappa"
    FLC_LAMBDA = "flc_lambda"
    BMPC = "bm_plasma_cells"
    HEMOGLOBIN = "hemoglobin"
    CALCIUM = "calcium"
    ALBUMIN = "albumin"
    CREATININE = "creatinine"
    B2M = "beta2_microglobulin"
    LDH = "ldh"
    VITAMIN_D = "vitamin_d_25oh"


QUALITATIVE_ANALYTES = frozenset({Analyte.SERUM_IFE, Analyte.URINE_IFE})
LAB_REPORT_ORDER: tuple[Analyte, ...] = (
    Analyte.SERUM_MPROTEIN,
    Analyte.URINE_MPROTEIN,
    Analyte.FLC_KAPPA,
    Analyte.FLC_LAMBDA,
    Analyte.SERUM_IFE,
    Analyte.URINE_IFE,
    Analyte.HEMOGLOBIN,
    Analyte.CALCIUM,
    Analyte.ALBUMIN,
    Analyte.CREATININE,
    Analyte.B2M,
    Analyte.LDH,
    Analyte.VITAMIN_D,
    Analyte.BMPC,
)
"""The analytes in the order a lab report lists them (the lab panel's, a summary's)."""


class Qualitative(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"


class CalciumKind(StrEnum):
    """D16: only ``total`` is albumin-corrected; ``ionised`` is never compared."""

    TOTAL = "total"
    ADJUSTED = "adjusted"
    IONISED = "ionised"


class Isotype(StrEnum):
    IGG = "IgG"
    IGA = "IgA"
    IGM = "IgM"
    IGD = "IgD"
    IGE = "IgE"
    LIGHT_CHAIN_ONLY = "light_chain_only"
    NON_SECRETORY = "non_secretory"


class LightChain(StrEnum):
    KAPPA = "kappa"
    LAMBDA = "lambda"


class CopyNumber1q(StrEnum):
    """1q status: gain = 3 copies, amplification = ≥4 copies (clinical-rules.md §3c)."""

    NORMAL = "normal"
    GAIN = "gain"
    AMPLIFICATION = "amplification"


class Del1p32(StrEnum):
    NONE = "none"
    MONOALLELIC = "monoallelic"
    BIALLELIC = "biallelic"


class CytogeneticMethod(StrEnum):
    FISH = "FISH"
    KARYOTYPE = "karyotype"
    NGS = "NGS"


class ImagingModality(StrEnum):
    WBLDCT = "WBLDCT"
    PET_CT = "PET_CT"
    WB_MRI = "WB_MRI"
    SKELETAL_SURVEY = "skeletal_survey"
    OTHER = "other"


WHOLE_BODY_MODALITIES = frozenset(
    {
        ImagingModality.WBLDCT,
        ImagingModality.PET_CT,
        ImagingModality.WB_MRI,
        ImagingModality.SKELETAL_SURVEY,
    }
)


class DentalOutcome(StrEnum):
    FIT = "fit_for_bone_therapy"
    TREATMENT_NEEDED = "treatment_needed"
    TREATED = "treated"


class InvasiveProcedure(StrEnum):
    NONE = "none"
    PLANNED = "planned"
    DONE = "done"


class BoneAgent(StrEnum):
    ZOLEDRONIC_ACID = "zoledronic_acid"
    PAMIDRONATE = "pamidronate"
    DENOSUMAB = "denosumab"


BISPHOSPHONATES = frozenset({BoneAgent.ZOLEDRONIC_ACID, BoneAgent.PAMIDRONATE})


class BoneTherapyEventKind(StrEnum):
    SCHEDULE = "schedule"
    REVIEW = "review"
    STOP = "stop"
    DECLINED = "declined"
    CONTRAINDICATED = "contraindicated"
    HOLD = "hold"  # D33: paused, with an expected resume date


class ReviewDecision(StrEnum):
    CONTINUE = "continue"
    DE_ESCALATE = "de_escalate"
    STOP = "stop"


class MrdMethod(StrEnum):
    NGF = "NGF"
    NGS = "NGS"


class MrdResult(StrEnum):
    NEGATIVE = "negative"
    POSITIVE = "positive"


class TreatmentIntent(StrEnum):
    INDUCTION = "induction"
    CONSOLIDATION = "consolidation"
    MAINTENANCE = "maintenance"
    SALVAGE = "salvage"


class MucositisScale(StrEnum):
    WHO = "WHO"
    CTCAE = "CTCAE_v5"


class ResponseCategory(StrEnum):
    """IMWG 2016 categories (clinical-rules.md §4), best first."""

    SCR = "sCR"
    CR = "CR"
    VGPR = "VGPR"
    PR = "PR"
    MR = "MR"
    SD = "SD"
    PD = "PD"


class ClinicalEventKind(StrEnum):
    """D11: the four SRE kinds, hypercalcaemia recorded on its own, and a new plasmacytoma (D27)."""

    PATHOLOGICAL_FRACTURE = "pathological_fracture"
    RADIATION_TO_BONE = "radiation_to_bone"
    SURGERY_TO_BONE = "surgery_to_bone"
    SPINAL_CORD_COMPRESSION = "spinal_cord_compression"
    HYPERCALCAEMIA = "hypercalcaemia"
    PLASMACYTOMA = "plasmacytoma"  # D27: a new plasmacytoma meets PD


SKELETAL_RELATED_EVENTS = frozenset(
    {
        ClinicalEventKind.PATHOLOGICAL_FRACTURE,
        ClinicalEventKind.RADIATION_TO_BONE,
        ClinicalEventKind.SURGERY_TO_BONE,
        ClinicalEventKind.SPINAL_CORD_COMPRESSION,
    }
)
