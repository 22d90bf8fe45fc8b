"""Vignettes of the response items of issue 7 (clinical-rules.md D28), swept by test_item_ids.

``alert.mrd_lost`` reaches not_applicable (no MRD-negative result in the episode, and
again once a new episode starts), ok (MRD negative) and alert (the latest MRD test
positive after it).
"""

from __future__ import annotations

from builders import day, phase
from test_course_vignettes import Vignette, flatten, line, m_protein, mrd_test, person

from mmtracker.logic.codes import MrdResult, Sex, TreatmentIntent

# NDMM 2024-01-10 on D-Rd; serum M-protein 30 → 0 g/L; MRD negative 2024-09-02 (ok from
# then); MRD positive 2024-11-04 (alert urgent from then, D28); RELAPSE with a salvage
# line on 2024-12-02: a new episode, so not applicable again.
MRD_LOST = Vignette(
    name="mrd_lost",
    patient=person("VIG-MRDLOST", Sex.MALE, "1962-04-01"),
    start=day("2024-08-20"),
    end=day("2024-12-10"),
    entries=flatten(
        phase("2024-01-10", "NDMM"),
        line("2024-01-10", regimen="D-Rd"),
        m_protein("2024-01-10", 30),
        m_protein("2024-06-03", 0),
        mrd_test("2024-09-02"),
        mrd_test("2024-11-04", MrdResult.POSITIVE),
        phase("2024-12-02", "RELAPSE", line_number=2),
        line("2024-12-02", number=2, intent=TreatmentIntent.SALVAGE, regimen="DKd"),
    ),
)

VIGNETTES: dict[str, Vignette] = {MRD_LOST.name: MRD_LOST}
