"""Care items of clinical-rules.md §11, one module per topic, gathered in the §11 table order."""

from __future__ import annotations

from mmtracker.logic.care import ItemRule
from mmtracker.logic.items import (
    bone,
    bone_calcium,
    bone_renal,
    calcium,
    conditioning,
    dental,
    imaging,
    monitoring,
    mrd,
    progression,
    record,
    smm,
    supplements,
    transplant,
    workup,
)

# The Id column of clinical-rules.md §11 "Items", in its order (also the output order).
ITEM_ORDER: tuple[str, ...] = (
    "workup.staging",
    "imaging.baseline",
    "imaging.smm_mri",
    "imaging.smm_followup",
    "imaging.pre_asct_pet",
    "bta.start",
    "bta.next_dose",
    "bta.review",
    "dental.before_bta",
    "dental.periodic",
    "renal.before_bisphosphonate",
    "renal.za_dose",
    "calcium.before_denosumab",
    "alert.hypocalcaemia",
    "supplement.ca_vitd",
    "vitd.level",
    "denosumab.bridge",
    "alert.onj_risk",
    "labs.monitoring",
    "smm.risk",
    "mrd.end_of_induction",
    "mrd.pre_asct",
    "mrd.day100",
    "mrd.annual",
    "alert.hypercalcaemia",
    "alert.smm_mde",
    "alert.smm_high_risk",
    "alert.pangea_evolving",
    "alert.progression",
    "asct.conditioning_note",
    "record.phase",
    "record.treatment_line",
    "bta.resume",
    "renal.pamidronate",
    "alert.mrd_lost",
    "asct.outcome",
)

_MODULES = (
    workup,
    imaging,
    transplant,
    bone,
    dental,
    bone_renal,
    bone_calcium,
    supplements,
    monitoring,
    smm,
    mrd,
    calcium,
    progression,
    conditioning,
    record,
)


def _gather() -> tuple[ItemRule, ...]:
    by_id = {rule.id: rule for module in _MODULES for rule in module.RULES}
    if set(by_id) != set(ITEM_ORDER):
        raise RuntimeError(f"care items differ from §11: {sorted(set(by_id) ^ set(ITEM_ORDER))}")
    return tuple(by_id[item_id] for item_id in ITEM_ORDER)


RULES: tuple[ItemRule, ...] = _gather()
