"""Each quantitative lab result against its limits (clinical-rules.md D15-D17).

The lab's own limits, else the policy's defaults where it has them: haemoglobin by sex,
calcium albumin-corrected as D12 says, LDH. A result with neither is not judged (never
read as normal by default); ionised calcium is never compared (D16). The flowsheet and
the printed summary mark values with this.
"""

from __future__ import annotations

from dataclasses import dataclass

from mmtracker.logic.codes import Analyte, Sex
from mmtracker.logic.labs import LabIndex, calcium_reading, hemoglobin_lln, ldh_uln
from mmtracker.logic.policy import Policy


@dataclass(frozen=True, slots=True)
class Judged:
    """A quantitative result against its limits, in SI (D15)."""

    value: float
    """The value compared: corrected calcium where D12 corrects it."""
    low: float | None
    high: float | None
    defaulted: bool
    """A limit is the policy's default, the lab having given none."""

    @property
    def mark(self) -> str:
        """↑ above the upper limit, ↓ below the lower one, else nothing."""
        if self.high is not None and self.value > self.high:
            return "↑"
        if self.low is not None and self.value < self.low:
            return "↓"
        return ""


def judge(labs: LabIndex, sex: Sex, policy: Policy) -> dict[int, Judged]:
    """Every quantitative result of ``labs`` against its limits, by ``id()`` of its entry."""
    judged: dict[int, Judged] = {}
    for analyte in Analyte:
        for value in labs.series(analyte):
            low, high, defaulted, compared = value.low_si, value.high_si, False, value.si
            if analyte is Analyte.HEMOGLOBIN:
                low, defaulted = hemoglobin_lln(value, sex, policy)
            elif analyte is Analyte.LDH:
                high, defaulted = ldh_uln(value, policy)
            elif analyte is Analyte.CALCIUM:
                reading = calcium_reading(labs, policy, value)
                if reading is None:  # D16: ionised calcium is never compared
                    continue
                compared, low, high = reading.value, reading.lln, reading.uln
                defaulted = reading.default_limits
            judged[id(value.entry)] = Judged(compared, low, high, defaulted)
    return judged
