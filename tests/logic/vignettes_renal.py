"""Renal-safety vignettes of the first clinical review (clinical-rules.md D35), swept by test_item_ids.

``PAMIDRONATE_RENAL_HOLD`` takes ``renal.pamidronate`` through every status it can
have: not applicable before the first pamidronate dose and from the stop entry, ok
while creatinine stays near its baseline, alert (urgent "hold pamidronate") from a
rise of at least 44 µmol/L above a baseline below 124 µmol/L until a creatinine back
within 10% of baseline.
"""

from __future__ import annotations

from builders import day, phase
from test_course_vignettes import (
    Vignette,
    bone_event,
    creatinine,
    dental,
    dose,
    flatten,
    line,
    person,
    weight,
)

from mmtracker.logic.codes import BoneAgent, BoneTherapyEventKind, Sex

PAM = BoneAgent.PAMIDRONATE

# A man born 1957-04-04, 78 kg: NDMM 2025-01-06; pamidronate 90 mg from 2025-01-20 after a
# baseline creatinine of 82 µmol/L (2025-01-17). 140 µmol/L on 2025-03-10 is a rise of 58
# (≥ 44 above a baseline < 124: hold); 88 on 2025-04-07 is within 10% of 82 (≤ 90.2: the
# hold ends); the next dose 2025-04-10; stopped 2025-05-20.
PAMIDRONATE_RENAL_HOLD = Vignette(
    name="pamidronate_renal_hold",
    patient=person("VIG-PAM-RENAL", Sex.MALE, "1957-04-04"),
    start=day("2025-01-01"),
    end=day("2025-06-30"),
    entries=flatten(
        phase("2025-01-06", "NDMM"),
        weight("2025-01-06", 78),
        line("2025-01-08"),
        dental("2025-01-10"),
        creatinine("2025-01-17", 82),
        dose("2025-01-20", PAM, 90),
        creatinine("2025-02-14", 80),
        dose("2025-02-17", PAM, 90),
        creatinine("2025-03-10", 140),
        creatinine("2025-04-07", 88),
        dose("2025-04-10", PAM, 90),
        bone_event("2025-05-20", BoneTherapyEventKind.STOP),
    ),
)

VIGNETTES: dict[str, Vignette] = {v.name: v for v in (PAMIDRONATE_RENAL_HOLD,)}
