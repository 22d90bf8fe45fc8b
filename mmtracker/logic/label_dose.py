"""The labelled dose of a bone-targeted agent, to question a dose typed far from it.

clinical-rules.md §5: zoledronic acid 4 mg IV (the full dose; lower for CrCl ≤ 60 mL/min,
never higher: "ZA dose" and its CrCl table), denosumab 120 mg SC ("Denosumab dose", no
renal adjustment). The rules give no pamidronate dose, so none is questioned. A dose
questioned is not refused: the form asks before saving it (a typed 40 for 4.0).
"""

from __future__ import annotations

from mmtracker.logic.codes import BoneAgent
from mmtracker.logic.renal import ZA_FULL_DOSE_MG

DENOSUMAB_DOSE_MG = 120.0
"""§5 "Denosumab dose": 120 mg SC every 4 weeks, no renal dose adjustment [V] label."""


def label_dose_questioned(agent: BoneAgent, dose_mg: float) -> float | None:
    """The labelled dose when ``dose_mg`` is off it, else None.

    Zoledronic acid: above 4 mg (a reduced dose is the CrCl table's, §5). Denosumab: any
    dose but 120 mg.
    """
    if agent is BoneAgent.ZOLEDRONIC_ACID and dose_mg > ZA_FULL_DOSE_MG:
        return ZA_FULL_DOSE_MG
    if agent is BoneAgent.DENOSUMAB and dose_mg != DENOSUMAB_DOSE_MG:
        return DENOSUMAB_DOSE_MG
    return None
