"""The family of each care item of clinical-rules.md §11: what kind of care it asks for.

One table, :data:`ITEM_FAMILY`, gives every care item exactly one family; the
worklist shows the family beside the item and ``--item`` filters by it. A family
is chosen by what the team has to do or look at, not by the item's id prefix,
where the two differ (an alert on hypocalcaemia is first an alert; a calcium
level taken before each denosumab dose belongs with calcium and vitamin D).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class Family(StrEnum):
    """The families, in the order they are listed; the values are stable ids."""

    IMAGING = "imaging"
    DENTAL = "dental"
    BONE_THERAPY = "bone_therapy"
    RENAL = "renal"
    CALCIUM_VITAMIN_D = "calcium_vitamin_d"
    MRD = "mrd"
    LABS = "labs"
    STAGING = "staging"
    TRANSPLANT = "transplant"
    RECORD = "record"
    ALERTS = "alerts"


# English names of the families, as a user types them after ``--item`` (the labels the
# screens show come from the codes catalogues, context "codes", comment FAMILY_CODE).
FAMILY_NAMES: Mapping[Family, str] = MappingProxyType(
    {
        Family.IMAGING: "Imaging",
        Family.DENTAL: "Dental",
        Family.BONE_THERAPY: "Bone therapy",
        Family.RENAL: "Renal",
        Family.CALCIUM_VITAMIN_D: "Calcium/vitamin D",
        Family.MRD: "MRD",
        Family.LABS: "Labs",
        Family.STAGING: "Staging",
        Family.TRANSPLANT: "Transplant",
        Family.RECORD: "Record",
        Family.ALERTS: "Alerts",
    }
)
# The catalogue comment of a family's label: the family "imaging" is not the code "imaging"
# (a response read from imaging) nor "mrd".
FAMILY_CODE = "family"

ITEM_FAMILY: Mapping[str, Family] = MappingProxyType(
    {
        "workup.staging": Family.STAGING,
        "imaging.baseline": Family.IMAGING,
        "imaging.smm_mri": Family.IMAGING,
        "imaging.smm_followup": Family.IMAGING,
        "imaging.pre_asct_pet": Family.IMAGING,  # a PET-CT to book
        "bta.start": Family.BONE_THERAPY,
        "bta.next_dose": Family.BONE_THERAPY,
        "bta.review": Family.BONE_THERAPY,
        "dental.before_bta": Family.DENTAL,
        "dental.periodic": Family.DENTAL,
        "renal.before_bisphosphonate": Family.RENAL,  # a creatinine before a dose
        "renal.za_dose": Family.RENAL,  # alerts on kidney function
        "calcium.before_denosumab": Family.CALCIUM_VITAMIN_D,  # a calcium before a dose
        "alert.hypocalcaemia": Family.ALERTS,
        "supplement.ca_vitd": Family.CALCIUM_VITAMIN_D,
        "vitd.level": Family.CALCIUM_VITAMIN_D,
        "denosumab.bridge": Family.BONE_THERAPY,  # a bisphosphonate after it (D10)
        "alert.onj_risk": Family.ALERTS,
        "labs.monitoring": Family.LABS,
        "smm.risk": Family.STAGING,  # risk score: SMM's staging
        "mrd.end_of_induction": Family.MRD,
        "mrd.pre_asct": Family.MRD,
        "mrd.day100": Family.MRD,
        "mrd.annual": Family.MRD,
        "alert.hypercalcaemia": Family.ALERTS,
        "alert.smm_mde": Family.ALERTS,
        "alert.smm_high_risk": Family.ALERTS,
        "alert.pangea_evolving": Family.ALERTS,
        "alert.progression": Family.ALERTS,
        "asct.conditioning_note": Family.TRANSPLANT,  # melphalan dose note (D7)
        "record.phase": Family.RECORD,
        "record.treatment_line": Family.RECORD,
        "bta.resume": Family.BONE_THERAPY,
        "renal.pamidronate": Family.RENAL,  # alerts on kidney function
        "alert.mrd_lost": Family.ALERTS,
        "asct.outcome": Family.TRANSPLANT,
    }
)


def family_of(item_id: str) -> Family:
    """The family of a care item; KeyError for an id that is no care item."""
    return ITEM_FAMILY[item_id]


def name_words(text: str) -> list[str]:
    """The words of a name as compared: any case; brackets, ``/``, ``_`` and ``-`` as spaces."""
    for separator in "()/_-":
        text = text.replace(separator, " ")
    return text.casefold().split()


def find_family(name: str) -> Family | None:
    """The family named ``name``: its id or its English name, in any case; else None.

    Separators do not matter: ``calcium vitamin d``, ``Calcium/vitamin D`` and
    ``calcium_vitamin_d`` name the same family.
    """
    wanted = name_words(name)
    for family in Family:
        if wanted in (name_words(family.value), name_words(FAMILY_NAMES[family])):
            return family
    return None


def items_of(family: Family) -> tuple[str, ...]:
    """The ids of the care items of ``family``, in the order of the table."""
    return tuple(item_id for item_id, of in ITEM_FAMILY.items() if of is family)
