"""§5 "ZA dose" (4 mg, lower by CrCl, never higher) and "Denosumab dose" (120 mg): a dose
typed off the label is questioned; the rules give no pamidronate dose."""

from __future__ import annotations

import pytest

from mmtracker.logic.codes import BoneAgent
from mmtracker.logic.label_dose import label_dose_questioned

ZA, DENOSUMAB, PAMIDRONATE = (
    BoneAgent.ZOLEDRONIC_ACID,
    BoneAgent.DENOSUMAB,
    BoneAgent.PAMIDRONATE,
)


@pytest.mark.parametrize(
    ("agent", "dose", "questioned"),
    [
        pytest.param(ZA, 4.0, None, id="§5 ZA dose: 4 mg exactly"),
        pytest.param(ZA, 3.0, None, id="§5 ZA dose: CrCl 30-39 reduced dose 3.0 mg"),
        pytest.param(ZA, 4.01, 4.0, id="§5 ZA dose: above 4 mg"),
        pytest.param(ZA, 40.0, 4.0, id="§5 ZA dose: 40 typed for 4.0"),
        pytest.param(DENOSUMAB, 120.0, None, id="§5 Denosumab dose: 120 mg exactly"),
        pytest.param(DENOSUMAB, 60.0, 120.0, id="§5 Denosumab dose: 60 mg"),
        pytest.param(DENOSUMAB, 1200.0, 120.0, id="§5 Denosumab dose: 1200 mg"),
        pytest.param(PAMIDRONATE, 90.0, None, id="§5 no pamidronate dose in the rules"),
    ],
)
def test_a_dose_off_the_label_is_questioned(
    agent: BoneAgent, dose: float, questioned: float | None
) -> None:
    assert label_dose_questioned(agent, dose) == questioned
