"""Myeloma regimens by setting, with how often each is chosen.

Induction for transplant-eligible and -ineligible patients (about half
daratumumab-based), consolidation, lenalidomide maintenance and salvage by line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Regimen:
    """A named regimen and its drugs (INN, lower case)."""

    name: str
    drugs: tuple[str, ...]

    @property
    def daratumumab(self) -> bool:
        """Daratumumab-based (deeper responses, more CR)."""
        return "daratumumab" in self.drugs


# (regimen, weight) choices for one setting.
Options = tuple[tuple[Regimen, float], ...]
_VRD = ("bortezomib", "lenalidomide", "dexamethasone")
INDUCTION_ELIGIBLE: Options = (
    (Regimen("D-VRd", ("daratumumab", *_VRD)), 0.35),
    (Regimen("Dara-VRd", ("daratumumab", *_VRD)), 0.15),
    (Regimen("VRd", _VRD), 0.3),
    (Regimen("KRd", ("carfilzomib", "lenalidomide", "dexamethasone")), 0.2),
)
INDUCTION_INELIGIBLE: Options = (
    (Regimen("D-Rd", ("daratumumab", "lenalidomide", "dexamethasone")), 0.5),
    (Regimen("VRd-lite", _VRD), 0.35),
    (Regimen("Rd", ("lenalidomide", "dexamethasone")), 0.15),
)
CONSOLIDATION: Options = (
    (Regimen("D-VRd", ("daratumumab", *_VRD)), 0.5),
    (Regimen("VRd", _VRD), 0.5),
)
LENALIDOMIDE = Regimen("Lenalidomide", ("lenalidomide",))
SALVAGE: dict[int, Options] = {
    2: (
        (Regimen("DKd", ("daratumumab", "carfilzomib", "dexamethasone")), 0.35),
        (Regimen("DPd", ("daratumumab", "pomalidomide", "dexamethasone")), 0.2),
        (Regimen("Isa-Kd", ("isatuximab", "carfilzomib", "dexamethasone")), 0.2),
        (Regimen("PVd", ("pomalidomide", "bortezomib", "dexamethasone")), 0.15),
        (Regimen("KRd", ("carfilzomib", "lenalidomide", "dexamethasone")), 0.1),
    ),
    3: (
        (Regimen("Isa-Pd", ("isatuximab", "pomalidomide", "dexamethasone")), 0.4),
        (Regimen("EPd", ("elotuzumab", "pomalidomide", "dexamethasone")), 0.2),
        (Regimen("SVd", ("selinexor", "bortezomib", "dexamethasone")), 0.2),
        (Regimen("Kd", ("carfilzomib", "dexamethasone")), 0.2),
    ),
    4: (
        (Regimen("Teclistamab", ("teclistamab",)), 0.4),
        (Regimen("Elranatamab", ("elranatamab",)), 0.25),
        (Regimen("Talquetamab", ("talquetamab",)), 0.2),
        (Regimen("Cilta-cel", ("ciltacabtagene autoleucel",)), 0.15),
    ),
}
ANTI_CD38 = frozenset({"daratumumab", "isatuximab"})


def pick(rng: random.Random, options: Options) -> Regimen:
    """One regimen drawn by its weight."""
    regimens = [r for r, _ in options]
    return rng.choices(regimens, weights=[w for _, w in options])[0]


def salvage_options(number: int, previous: Regimen | None) -> Options:
    """Salvage choices for a line, avoiding an anti-CD38 antibody the disease progressed on."""
    options = SALVAGE[min(number, 4)]
    if previous is None or not set(previous.drugs) & ANTI_CD38:
        return options
    fresh = tuple((r, w) for r, w in options if not set(r.drugs) & ANTI_CD38)
    return fresh or options
