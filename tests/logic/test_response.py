"""IMWG 2016 response and progression (clinical-rules.md §4, D4, D14, D15, D19, D20, D21).

Every expected value is read from clinical-rules.md, not from the code: each
row's id names the row it checks. The first line starts on day 0; the baseline
is measured on day 0 and assessments follow on days 28, 56 and 84.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from response_builders import (
    Labs,
    bmpc,
    flc,
    ife,
    line,
    on,
    phase,
    plasmacytoma,
    recorded,
    response_context,
    scan,
    serum,
    urine,
)

from mmtracker.logic.codes import Analyte, ImagingModality, ResponseCategory
from mmtracker.logic.history import Imaging, LabResult, ResponseAssessment, TreatmentLine
from mmtracker.logic.messages import MESSAGE_PARAMS, Quantity
from mmtracker.logic.response import (
    Branch,
    Missing,
    Parameter,
    PdCriterion,
    ResponseSource,
    current_response,
    meets_min_response,
    response,
)

SCR, CR, VGPR, PR, MR, SD, PD = (
    ResponseCategory.SCR,
    ResponseCategory.CR,
    ResponseCategory.VGPR,
    ResponseCategory.PR,
    ResponseCategory.MR,
    ResponseCategory.SD,
    ResponseCategory.PD,
)
CR_DATA = (Missing.SERUM_IFE, Missing.URINE_IFE, Missing.MARROW)


@dataclass(frozen=True)
class Case:
    """A timeline of response labs (and imaging) and the category expected on the last date."""

    labs: Labs
    expected: ResponseCategory | None
    missing: tuple[Missing, ...] | None = None
    imaging: list[Imaging] = field(default_factory=list)


def _serum(base: float, now: float, expected: ResponseCategory | None, unit: str = "g/L") -> Case:
    return Case([serum(0, base, unit), serum(28, now, unit)], expected)


def _with_urine(
    urine_base: float, urine_now: float, serum_now: float, expected: ResponseCategory
) -> Case:
    return Case(
        [serum(0, 40), urine(0, urine_base), serum(28, serum_now), urine(28, urine_now)], expected
    )


def _urine_only(
    base: float, now: float, expected: ResponseCategory | None, unit: str = "mg/24h"
) -> Case:
    # Serum M-protein 5 g/L: present but below the measurable 10 g/L.
    return Case([serum(0, 5), urine(0, base, unit), urine(28, now, unit)], expected)


def _flc_only(
    before: tuple[float, float],
    after: tuple[float, float],
    expected: ResponseCategory | None,
    unit: str = "mg/L",
) -> Case:
    # Serum 5 g/L and urine 100 mg/24 h: neither measurable, so FLC criteria apply.
    return Case(
        [serum(0, 5), urine(0, 100), flc(0, *before, unit), flc(28, *after, unit)], expected
    )


def _marrow_only(base: float, now: float, expected: ResponseCategory | None) -> Case:
    # Serum, urine and FLC unmeasurable (FLC ratio 1.0).
    return Case([serum(0, 5), flc(0, 15, 15), bmpc(0, base), bmpc(28, now)], expected)


def _complete(*extra: LabResult | list[LabResult], expected: ResponseCategory) -> Case:
    """Serum 40 → 0 g/L (not detectable) with the extra CR evidence of day 28."""
    return Case([serum(0, 40), serum(28, 0), *extra], expected)


CATEGORY_CASES = [
    # §4 measurable disease
    pytest.param(_serum(10, 5, PR), id="§4 measurable serum 10 g/L at boundary"),
    pytest.param(_serum(9.9, 0, None), id="§4 measurable serum 9.9 g/L is not measurable"),
    pytest.param(_urine_only(200, 199, PR), id="§4 measurable urine 200 mg/24 h at boundary"),
    pytest.param(_urine_only(199, 0, None), id="§4 measurable urine 199 mg/24 h is not measurable"),
    pytest.param(
        _flc_only((100, 10), (55, 10), PR), id="§4 measurable involved FLC 100 mg/L at boundary"
    ),
    pytest.param(
        _flc_only((99.9, 10), (10, 10), None), id="§4 measurable involved FLC 99.9 mg/L is not"
    ),
    pytest.param(
        _flc_only((100, 61), (10, 10), None),
        id="§4 measurable FLC needs an abnormal ratio (100/61 = 1.64 normal)",
    ),
    pytest.param(
        Case([serum(0, 10), flc(0, 500, 10), serum(28, 5), flc(28, 500, 10)], PR),
        id="§4 measurable FLC criteria only when serum and urine are not measurable",
    ),
    pytest.param(_marrow_only(30, 15, PR), id="§4 marrow-only baseline BMPC 30% at boundary"),
    pytest.param(_marrow_only(29.9, 10, None), id="§4 marrow-only baseline BMPC 29.9% is not"),
    # §4 serum-measurable
    pytest.param(_serum(40, 20, PR), id="§4 PR serum fall 50% at boundary"),
    pytest.param(_serum(40, 20.1, MR), id="§4 PR serum fall 49.75% is MR"),
    pytest.param(_serum(40, 30, MR), id="§4 MR serum fall 25% at boundary"),
    pytest.param(_serum(40, 30.1, SD), id="§4 MR serum fall 24.75% is SD"),
    pytest.param(_serum(40, 4, VGPR), id="§4 VGPR serum fall 90% at boundary"),
    pytest.param(_serum(40, 4.1, PR), id="§4 VGPR serum fall 89.75% is PR"),
    pytest.param(_serum(40, 0, VGPR), id="§4 VGPR serum not detectable by electrophoresis"),
    pytest.param(_serum(40, 49, SD), id="§4 SD serum rise of 22.5% is short of PD"),
    # D15: conventional units are converted first and give the same category.
    pytest.param(_serum(4, 2, PR, "g/dL"), id="D15 §4 PR serum 4 → 2 g/dL"),
    pytest.param(_serum(4, 0.4, VGPR, "g/dL"), id="D15 §4 VGPR serum 4 → 0.4 g/dL"),
    pytest.param(_serum(4, 0.41, PR, "g/dL"), id="D15 §4 VGPR serum 4 → 0.41 g/dL is PR"),
    pytest.param(_serum(4, 3, MR, "g/dL"), id="D15 §4 MR serum 4 → 3 g/dL"),
    pytest.param(_serum(1.0, 0.5, PR, "g/dL"), id="D15 §4 measurable serum 1 g/dL"),
    pytest.param(_serum(0.99, 0, None, "g/dL"), id="D15 §4 measurable serum 0.99 g/dL is not"),
    # §4 serum and urine measurable
    pytest.param(_with_urine(4000, 400, 20, PR), id="§4 PR urine fall 90% at boundary"),
    pytest.param(_with_urine(4000, 401, 20, MR), id="§4 PR urine fall 89.98% (≥200 mg) is MR"),
    pytest.param(_with_urine(1000, 199, 20, PR), id="§4 PR urine below 200 mg/24 h"),
    pytest.param(_with_urine(1000, 200, 20, MR), id="§4 PR urine 200 mg/24 h at boundary is MR"),
    pytest.param(_with_urine(1000, 99, 4, VGPR), id="§4 VGPR urine below 100 mg/24 h"),
    pytest.param(_with_urine(1000, 100, 4, PR), id="§4 VGPR urine 100 mg/24 h at boundary is PR"),
    pytest.param(_with_urine(4000, 2000, 30, MR), id="§4 MR urine fall 50% at boundary"),
    pytest.param(_with_urine(4000, 2001, 30, SD), id="§4 MR urine fall 49.98% is SD"),
    pytest.param(
        Case([serum(0, 40), urine(0, 199), serum(28, 4), urine(28, 199)], VGPR, CR_DATA),
        id="D20 urine 199 mg/24 h at baseline: urine criteria do not apply",
    ),
    pytest.param(
        Case([serum(0, 40), urine(0, 1000), serum(28, 4)], SD, (Missing.URINE_M_PROTEIN,)),
        id="D20 urine measurable at baseline: no urine since the start, not assessable",
    ),
    # §4 urine-only
    pytest.param(_urine_only(1000, 199, PR), id="§4 urine-only PR below 200 mg/24 h"),
    pytest.param(_urine_only(1000, 200, MR), id="§4 urine-only 200 mg/24 h (fall 80%) is MR"),
    pytest.param(_urine_only(4000, 400, PR), id="§4 urine-only PR fall 90% at boundary"),
    pytest.param(_urine_only(1000, 99, VGPR), id="§4 urine-only VGPR below 100 mg/24 h"),
    pytest.param(_urine_only(1000, 100, PR), id="§4 urine-only VGPR 100 mg/24 h is PR"),
    pytest.param(_urine_only(1000, 500, MR), id="§4 urine-only MR fall 50% at boundary"),
    pytest.param(_urine_only(1000, 501, SD), id="§4 urine-only MR fall 49.9% is SD"),
    pytest.param(
        _urine_only(1, 0.099, VGPR, "g/24h"), id="D15 §4 urine-only VGPR 1 → 0.099 g/24 h"
    ),
    # §4 FLC-only (dFLC = involved − uninvolved)
    pytest.param(_flc_only((500, 10), (255, 10), PR), id="§4 FLC PR dFLC fall 50% at boundary"),
    pytest.param(_flc_only((500, 10), (255.1, 10), SD), id="§4 FLC dFLC fall 49.98% is SD (no MR)"),
    pytest.param(
        _flc_only((500, 10), (58.9, 10), VGPR), id="§4 FLC VGPR dFLC fall above 90% (90.02%)"
    ),
    pytest.param(
        _flc_only((500, 10), (59, 10), PR), id="§4 FLC VGPR dFLC fall exactly 90% is PR (strict)"
    ),
    pytest.param(_flc_only((10, 500), (10, 255), PR), id="§4 FLC λ-type PR dFLC fall 50%"),
    pytest.param(
        _flc_only((50, 1), (25.5, 1), PR, "mg/dL"), id="D15 §4 FLC PR in mg/dL (50 → 25.5 mg/dL)"
    ),
    pytest.param(
        _flc_only((10, 1), (5.5, 1), PR, "mg/dL"), id="D15 §4 measurable involved FLC 10 mg/dL"
    ),
    # §4 marrow-only
    pytest.param(_marrow_only(40, 20, PR), id="§4 marrow PR BMPC fall 50% at boundary"),
    pytest.param(_marrow_only(40, 20.1, SD), id="§4 marrow BMPC fall 49.75% is SD"),
    # §4 CR and sCR, D14
    pytest.param(_complete(expected=VGPR), id="D14 no IFE or marrow: best is VGPR"),
    pytest.param(
        _complete(ife(28), bmpc(28, 4.9), expected=CR), id="§4 CR IFE negative and BMPC 4.9%"
    ),
    pytest.param(
        _complete(ife(28), bmpc(28, 5), expected=VGPR), id="§4 CR BMPC 5% at boundary is VGPR"
    ),
    pytest.param(
        _complete(ife(28, urine="positive"), bmpc(28, 2), expected=VGPR),
        id="§4 CR needs a negative urine IFE",
    ),
    pytest.param(
        _complete(ife(28, serum="positive"), bmpc(28, 2), expected=VGPR),
        id="§4 CR needs a negative serum IFE",
    ),
    pytest.param(
        _complete(ife(28), bmpc(28, 2), flc(28, 26, 100), expected=SCR),
        id="§4 sCR FLC ratio 0.26 at boundary",
    ),
    pytest.param(
        _complete(ife(28), bmpc(28, 2), flc(28, 165, 100), expected=SCR),
        id="§4 sCR FLC ratio 1.65 at boundary",
    ),
    pytest.param(
        _complete(ife(28), bmpc(28, 2), flc(28, 25, 100), expected=CR),
        id="§4 sCR FLC ratio 0.25 is CR",
    ),
    pytest.param(
        _complete(ife(28), bmpc(28, 2), flc(28, 166, 100), expected=CR),
        id="§4 sCR FLC ratio 1.66 is CR",
    ),
    pytest.param(
        Case(
            [serum(0, 5), urine(0, 100), flc(0, 500, 10), flc(28, 15, 10), ife(28), bmpc(28, 2)],
            SCR,
        ),
        id="§4 FLC CR needs a normal ratio (1.5): met, with sCR's ratio",
    ),
    pytest.param(
        Case(
            [serum(0, 5), urine(0, 100), flc(0, 500, 10), flc(28, 20, 10), ife(28), bmpc(28, 2)],
            VGPR,
            (),
        ),
        id="§4 FLC CR needs a normal ratio: 2.0 is not CR",
    ),
    pytest.param(
        Case([*_marrow_only(40, 4, CR).labs, ife(28), flc(28, 15, 15)], SCR),
        id="§4 marrow-only CR with normal FLC ratio is sCR",
    ),
    pytest.param(
        Case(_marrow_only(40, 4, PR).labs, PR, (Missing.SERUM_IFE, Missing.URINE_IFE)),
        id="D14 marrow-only without IFE: best is PR",
    ),
    pytest.param(
        Case(
            _complete(ife(28), bmpc(28, 2), expected=CR).labs,
            VGPR,
            (Missing.IMAGING,),
            [scan(-5, plasmacytoma=True)],
        ),
        id="§4 CR needs the baseline plasmacytoma gone: no imaging since",
    ),
    pytest.param(
        Case(
            _complete(ife(28), bmpc(28, 2), expected=CR).labs,
            CR,
            (Missing.FLC_RATIO,),
            [scan(-5, plasmacytoma=True), scan(20, plasmacytoma=False)],
        ),
        id="§4 CR baseline plasmacytoma disappeared",
    ),
]


@pytest.mark.parametrize("case", CATEGORY_CASES)
def test_category_follows_the_imwg_table(case: Case) -> None:
    result = response(response_context(case.labs, as_of=60, imaging=case.imaging))
    assert result.criteria == "IMWG 2016"
    assert result.category is case.expected
    if case.missing is not None:
        assert result.missing == case.missing


@pytest.mark.parametrize(
    ("extra", "missing"),
    [
        pytest.param([], CR_DATA, id="D14 VGPR without IFE or marrow says all three are missing"),
        pytest.param(
            [ife(28)], (Missing.MARROW,), id="D14 VGPR with negative IFE says marrow is missing"
        ),
        pytest.param(
            [ife(28, urine=None), bmpc(28, 2)],
            (Missing.URINE_IFE,),
            id="D14 VGPR says urine IFE is missing",
        ),
        pytest.param([ife(28, serum="positive")], (), id="D14 positive IFE: nothing missing"),
    ],
)
def test_d14_says_what_cr_is_missing(
    extra: list[list[LabResult]], missing: tuple[Missing, ...]
) -> None:
    result = response(response_context([serum(0, 40), serum(28, 0), *extra], as_of=60))
    assert result.category is VGPR
    assert result.missing == missing
    ids = [m.id for m in result.messages]
    assert ids == [
        "response.category.unconfirmed",
        *(f"response.missing.{item.value}" for item in missing),
    ]


def test_scr_says_the_marrow_immunohistochemistry_is_not_recorded() -> None:
    result = response(
        response_context([serum(0, 40), serum(28, 0), ife(28), bmpc(28, 2), flc(28, 15, 10)])
    )
    assert result.category is SCR
    assert "response.note.scr_ihc_not_recorded" in [m.id for m in result.messages]


def test_baseline_plasmacytoma_notes_the_unrecorded_spd_for_pr() -> None:
    ctx = response_context([serum(0, 40), serum(28, 20)], imaging=[scan(-5, plasmacytoma=True)])
    notes = [m for m in response(ctx).messages if m.id.startswith("response.note.")]
    assert [(m.id, m.as_dict()) for m in notes] == [
        ("response.note.plasmacytoma_spd_not_recorded", {"category": "PR"})
    ]


@pytest.mark.parametrize(
    ("labs", "branch", "measurable"),
    [
        pytest.param(
            [serum(0, 40), urine(0, 400)],
            Branch.SERUM,
            {Parameter.SERUM_M_PROTEIN, Parameter.URINE_M_PROTEIN},
            id="§4 serum and urine measurable",
        ),
        pytest.param(
            [serum(0, 5), urine(0, 400)], Branch.URINE, {Parameter.URINE_M_PROTEIN}, id="§4 urine"
        ),
        pytest.param(
            [serum(0, 5), flc(0, 500, 10)], Branch.FLC, {Parameter.DFLC}, id="§4 FLC measurable"
        ),
        pytest.param(
            [serum(0, 5), bmpc(0, 30)], Branch.MARROW, {Parameter.BMPC}, id="§4 marrow BMPC 30%"
        ),
        pytest.param([serum(0, 5), bmpc(0, 29)], None, set(), id="§4 nothing measurable"),
    ],
)
def test_measurable_disease_picks_the_branch(
    labs: Labs, branch: Branch | None, measurable: set[Parameter]
) -> None:
    baseline = response(response_context(labs)).baseline
    assert baseline is not None
    assert baseline.branch is branch
    assert baseline.measurable == measurable


def test_not_measurable_says_so() -> None:
    result = response(response_context([serum(0, 9), serum(28, 2)]))
    assert result.category is None
    assert [m.id for m in result.messages] == ["response.not_measurable"]


def test_no_episode_means_no_baseline() -> None:
    result = response(response_context([serum(0, 40), serum(28, 20)], lines=[]))
    assert (result.baseline, result.category, result.progression) == (None, None, None)
    assert [m.id for m in result.messages] == ["response.no_episode"]


def test_d23_without_a_line_the_phase_date_is_the_baseline_date() -> None:
    ctx = response_context(
        [serum(-5, 40), serum(28, 20)], lines=[], phases=[phase(0, "NDMM")], as_of=60
    )
    result = response(ctx)
    assert result.baseline is not None
    assert (result.baseline.start, result.baseline.line_number) == (on(0), None)
    assert result.baseline.values[Parameter.SERUM_M_PROTEIN].date == on(-5)
    assert result.category is PR


def test_d26_without_a_value_before_the_start_the_first_after_it_is_the_baseline() -> None:
    result = response(response_context([serum(3, 40), serum(28, 20), serum(56, 19)]))
    assert result.baseline is not None
    base = result.baseline.values[Parameter.SERUM_M_PROTEIN]
    assert (base.value, base.date) == (40, on(3))
    assert [p.date for p in result.series] == [on(28), on(56)]
    assert (result.category, result.confirmed) == (PR, True)


def test_no_assessment_since_the_line_start() -> None:
    result = response(response_context([serum(-10, 40), serum(0, 38)]))
    assert result.category is None
    assert result.baseline is not None
    assert result.baseline.values[Parameter.SERUM_M_PROTEIN].value == 38
    assert [m.id for m in result.messages] == ["response.no_assessment"]


# --- progression (§4 PD, D4, D20) -------------------------------------------------------------


@dataclass(frozen=True)
class PdCase:
    labs: Labs
    criterion: PdCriterion | None
    imaging: list[Imaging] = field(default_factory=list)


def _serum_pd(base: float, nadir: float, now: float, unit: str = "g/L") -> list[LabResult]:
    return [serum(0, base, unit), serum(28, nadir, unit), serum(56, now, unit)]


def _dflc_pd(base: float, nadir: float, now: float) -> Labs:
    # κ-type with λ 10 mg/L: dFLC = κ − 10; serum 5 g/L and no urine, so FLC applies.
    return [serum(0, 5), flc(0, base + 10, 10), flc(28, nadir + 10, 10), flc(56, now + 10, 10)]


def _bmpc_pd(base: float, nadir: float, now: float) -> Labs:
    return [serum(0, 5), flc(0, 15, 15), bmpc(0, base), bmpc(28, nadir), bmpc(56, now)]


def _urine_pd(base: float, nadir: float, now: float) -> list[LabResult]:
    return [serum(0, 40), urine(0, base), serum(28, 40), urine(28, nadir), urine(56, now)]


S_PD, U_PD, F_PD, B_PD = (
    PdCriterion.SERUM_M_PROTEIN,
    PdCriterion.URINE_M_PROTEIN,
    PdCriterion.DFLC,
    PdCriterion.BMPC,
)

PD_CASES = [
    pytest.param(PdCase(_serum_pd(40, 20, 25), S_PD), id="D4 PD serum +25% and +5 g/L at boundary"),
    pytest.param(PdCase(_serum_pd(40, 20, 24.9), None), id="D4 PD serum +24.5% from 20 g/L is not"),
    pytest.param(
        PdCase(_serum_pd(40, 4, 9), S_PD), id="D4 PD serum absolute rise 5 g/L at boundary"
    ),
    pytest.param(
        PdCase(_serum_pd(40, 4, 8.9), None), id="D4 PD serum absolute rise 4.9 g/L is not"
    ),
    pytest.param(
        PdCase(_serum_pd(40, 30, 37.5), S_PD), id="§4 PD serum 25% from 30 g/L at boundary"
    ),
    pytest.param(PdCase(_serum_pd(40, 30, 37.4), None), id="§4 PD serum 24.7% from 30 g/L is not"),
    pytest.param(PdCase(_serum_pd(80, 50, 60), S_PD), id="D4 PD nadir 50 g/L needs +10 g/L"),
    pytest.param(PdCase(_serum_pd(80, 50, 59.9), None), id="D4 PD nadir 50 g/L +9.9 g/L is not"),
    pytest.param(
        PdCase(_serum_pd(80, 49.9, 59.9), None), id="D4 PD nadir 49.9 g/L: +10 g/L (20%) is not"
    ),
    pytest.param(
        PdCase(_serum_pd(80, 49.9, 62.4), S_PD), id="D4 PD nadir 49.9 g/L needs +25% (62.4 g/L)"
    ),
    pytest.param(PdCase(_serum_pd(40, 0, 5), S_PD), id="D4 PD serum reappears at 5 g/L from 0"),
    pytest.param(PdCase(_serum_pd(4, 2, 2.5, "g/dL"), S_PD), id="D15 D4 PD serum 2 → 2.5 g/dL"),
    pytest.param(PdCase(_serum_pd(4, 2, 2.49, "g/dL"), None), id="D15 D4 PD serum 2 → 2.49 g/dL"),
    pytest.param(
        PdCase([serum(0, 40), serum(28, 50)], S_PD),
        id="D20 PD nadir is the baseline when nothing fell (40 → 50 g/L)",
    ),
    pytest.param(
        PdCase(_urine_pd(1000, 400, 600), U_PD), id="§4 PD urine +200 mg/24 h at boundary"
    ),
    pytest.param(PdCase(_urine_pd(1000, 400, 599), None), id="§4 PD urine +199 mg/24 h is not"),
    pytest.param(PdCase(_urine_pd(2000, 1000, 1250), U_PD), id="§4 PD urine +25% at boundary"),
    pytest.param(PdCase(_urine_pd(2000, 1000, 1249), None), id="§4 PD urine +24.9% is not"),
    pytest.param(
        PdCase([serum(0, 40), urine(0, 150), serum(28, 40), urine(28, 0), urine(56, 400)], U_PD),
        id="D26 PD urine criterion applies although urine was not measurable at baseline",
    ),
    pytest.param(
        PdCase([serum(0, 40), urine(0, 150), serum(28, 40), urine(28, 0), urine(56, 200)], U_PD),
        id="D26 PD urine from a nadir of 0: +200 mg/24 h at boundary",
    ),
    pytest.param(
        PdCase([serum(0, 40), urine(0, 150), serum(28, 40), urine(28, 0), urine(56, 199)], None),
        id="D26 PD urine from a nadir of 0: +199 mg/24 h is not",
    ),
    pytest.param(
        PdCase([serum(0, 40), serum(28, 0), serum(56, 5)], S_PD),
        id="D26 PD serum from a nadir of 0: +5 g/L at boundary",
    ),
    pytest.param(
        PdCase([serum(0, 40), serum(28, 0), serum(56, 4.9)], None),
        id="D26 PD serum from a nadir of 0: +4.9 g/L is not",
    ),
    pytest.param(PdCase(_dflc_pd(490, 100, 200.1), F_PD), id="§4 PD dFLC rise above 100 mg/L"),
    pytest.param(
        PdCase(_dflc_pd(490, 100, 200), None), id="§4 PD dFLC rise 100 mg/L is not (strict)"
    ),
    pytest.param(PdCase(_dflc_pd(1000, 500, 625), F_PD), id="§4 PD dFLC +25% at boundary"),
    pytest.param(PdCase(_dflc_pd(1000, 500, 624.9), None), id="§4 PD dFLC +24.98% is not"),
    pytest.param(
        PdCase([serum(0, 40), flc(0, 500, 10), serum(28, 40), flc(28, 2000, 10)], None),
        id="D20 PD dFLC only when serum and urine are not measurable",
    ),
    pytest.param(PdCase(_bmpc_pd(40, 10, 20), B_PD), id="§4 PD BMPC +10% absolute at boundary"),
    pytest.param(PdCase(_bmpc_pd(40, 10, 19.9), None), id="§4 PD BMPC +9.9% absolute is not"),
    pytest.param(PdCase(_bmpc_pd(60, 40, 50), B_PD), id="§4 PD BMPC +25% (40 → 50%) at boundary"),
    pytest.param(PdCase(_bmpc_pd(60, 48, 58), None), id="§4 PD BMPC +10 points but 20.8% is not"),
    pytest.param(
        PdCase([serum(0, 40), bmpc(0, 10), serum(28, 40), bmpc(28, 40)], None),
        id="§4 PD BMPC only when nothing else is measurable",
    ),
    pytest.param(
        PdCase(
            [serum(0, 40), serum(28, 30)],
            PdCriterion.LYTIC_LESIONS,
            [scan(-5, lytic_lesions=2), scan(40, lytic_lesions=3)],
        ),
        id="§4 PD new lytic lesion on the same modality",
    ),
    pytest.param(
        PdCase(
            [serum(0, 40), serum(28, 30)],
            None,
            [scan(-5, lytic_lesions=2), scan(40, lytic_lesions=2)],
        ),
        id="§4 PD same lesion count is not",
    ),
    pytest.param(
        PdCase(
            [serum(0, 40), serum(28, 30)],
            PdCriterion.LYTIC_LESIONS,
            [scan(-5, lytic_lesions=2), scan(40, "PET_CT", lytic_lesions=5)],
        ),
        id="D27 PD lesion counts compared across modalities",
    ),
    pytest.param(
        PdCase(
            [serum(0, 40), serum(28, 30)],
            PdCriterion.PLASMACYTOMA,
            [scan(-5, plasmacytoma=False), scan(40, plasmacytoma=True)],
        ),
        id="§4 PD new plasmacytoma",
    ),
]


@pytest.mark.parametrize("case", PD_CASES)
def test_progression_follows_the_imwg_pd_criteria(case: PdCase) -> None:
    result = response(response_context(case.labs, as_of=80, imaging=case.imaging))
    if case.criterion is None:
        assert result.progression is None
        assert result.category is not PD
        return
    assert result.progression is not None
    assert [f.criterion for f in result.progression.findings] == [case.criterion]
    assert result.category is PD
    assert not result.progression.confirmed  # met once (D20)


def test_progression_reports_value_nadir_and_its_date() -> None:
    ctx = response_context([serum(0, 40), serum(28, 20), serum(56, 22), serum(84, 25)], as_of=90)
    progression = response(ctx).progression
    assert progression is not None
    (finding,) = progression.findings
    assert (finding.value, finding.reference, finding.reference_date) == (25, 20, on(28))
    assert finding.date == on(84)
    assert finding.message.id == "response.pd.serum_m_protein"
    assert finding.message.as_dict() == {
        "date": on(84),
        "value": Quantity(Analyte.SERUM_MPROTEIN, 25),
        "nadir": Quantity(Analyte.SERUM_MPROTEIN, 20),
        "nadir_date": on(28),
        "rise": Quantity(Analyte.SERUM_MPROTEIN, 5),
    }
    assert progression.message.id == "response.progression.unconfirmed"


def test_d20_pd_met_twice_running_is_confirmed() -> None:
    ctx = response_context([serum(0, 40), serum(28, 20), serum(56, 26), serum(84, 27)], as_of=90)
    result = response(ctx)
    assert result.progression is not None
    assert result.progression.confirmed
    assert (result.progression.date, result.progression.confirmed_on) == (on(56), on(84))
    assert result.progression.message.id == "response.progression.confirmed"
    assert (result.category, result.confirmed) == (PD, True)


def test_d20_pd_not_met_on_the_repeat_is_withdrawn() -> None:
    ctx = response_context([serum(0, 40), serum(28, 20), serum(56, 26), serum(84, 20)], as_of=90)
    result = response(ctx)
    assert result.progression is None
    assert [p.category for p in result.series] == [PR, PD, PR]
    assert result.category is PR


def test_d20_confirmed_pd_stays_when_values_fall_again() -> None:
    labs = [serum(0, 40), serum(28, 20), serum(56, 26), serum(84, 27), serum(112, 20)]
    result = response(response_context(labs, as_of=120))
    assert result.progression is not None
    assert result.progression.confirmed
    assert result.category is PD
    assert result.date == on(112)


def test_d20_imaging_pd_confirmed_by_the_next_scan() -> None:
    scans = [scan(-5, lytic_lesions=1), scan(40, lytic_lesions=2), scan(80, lytic_lesions=2)]
    result = response(response_context([serum(0, 40), serum(28, 30)], as_of=90, imaging=scans))
    assert result.progression is not None
    assert result.progression.confirmed
    (finding,) = result.progression.findings
    assert finding.modality is ImagingModality.WBLDCT
    assert finding.message.as_dict() == {
        "date": on(40),
        "modality": "WBLDCT",
        "count": 2,
        "baseline_count": 1,
        "baseline_date": on(-5),
    }


def test_pd_is_judged_even_without_measurable_disease() -> None:
    result = response(response_context([serum(0, 8), serum(28, 2), serum(56, 7)], as_of=60))
    assert result.progression is not None
    assert result.category is PD
    assert result.progression.findings[0].criterion is PdCriterion.SERUM_M_PROTEIN


# --- confirmation (D14) ------------------------------------------------------------------------


def test_d14_category_met_once_is_unconfirmed() -> None:
    result = response(response_context([serum(0, 40), serum(28, 20)]))
    assert (result.category, result.confirmed) == (PR, False)
    assert (result.best, result.best_confirmed) == (PR, False)
    assert result.messages[0].id == "response.category.unconfirmed"


def test_d14_two_consecutive_assessments_confirm() -> None:
    result = response(response_context([serum(0, 40), serum(28, 20), serum(56, 19)]))
    assert (result.category, result.confirmed) == (PR, True)
    assert result.messages[0].id == "response.category.confirmed"
    assert result.messages[0].as_dict()["previous"] == on(28)


def test_d14_better_category_once_is_unconfirmed_but_best_stays_confirmed() -> None:
    labs = [serum(0, 40), serum(28, 20), serum(56, 18), serum(84, 4)]
    result = response(response_context(labs))
    assert (result.category, result.confirmed) == (VGPR, False)
    assert (result.best, result.best_confirmed) == (PR, True)
    assert [p.category for p in result.series] == [PR, PR, VGPR]


def test_d14_a_date_without_a_new_serum_value_does_not_confirm() -> None:
    result = response(response_context([serum(0, 40), serum(28, 20), flc(56, 15, 10)]))
    assert [p.category for p in result.series] == [PR, PR]
    assert (result.category, result.confirmed) == (PR, False)


def test_d14_cr_needs_a_repeat_immunofixation() -> None:
    once: Labs = [serum(0, 40), serum(28, 0), ife(28), bmpc(28, 2), serum(56, 0)]
    result = response(response_context(once))
    assert (result.category, result.confirmed) == (CR, False)
    result = response(response_context([*once, ife(84)]))
    assert (result.category, result.confirmed) == (CR, True)


def test_d14_d22_a_new_episode_starts_confirmation_afresh() -> None:
    labs = [serum(0, 40), serum(28, 20), serum(100, 20), serum(128, 10)]
    lines = [line(0), line(100, number=2, intent="salvage")]
    result = response(response_context(labs, lines=lines))
    assert [p.date for p in result.series] == [on(128)]
    assert (result.category, result.confirmed) == (PR, False)


# --- baseline and nadir (D20) ------------------------------------------------------------------


def test_d22_new_episode_resets_baseline_and_nadir() -> None:
    """D22: a salvage line with no RELAPSE phase within 30 d starts an episode by itself."""
    labs = [serum(0, 40), serum(28, 10), serum(100, 30), serum(128, 20)]
    lines = [line(0), line(100, number=2, intent="salvage")]
    result = response(response_context(labs, lines=lines))
    assert result.baseline is not None
    assert (result.baseline.line_number, result.baseline.start) == (2, on(100))
    assert result.baseline.values[Parameter.SERUM_M_PROTEIN].value == 30
    assert result.category is MR  # 30 → 20 g/L is a 33% fall (from 40 it would be PR)
    assert result.progression is None  # 20 g/L is +100% from line 1's nadir of 10, not PD now
    nadir = result.nadirs[Parameter.SERUM_M_PROTEIN]
    assert (nadir.value, nadir.date) == (20, on(128))


@pytest.mark.parametrize(
    "second",
    [
        pytest.param(line(100, number=2, intent="maintenance"), id="D22 maintenance as line 2"),
        pytest.param(line(100, number=2, intent="consolidation"), id="D22 consolidation"),
        pytest.param(line(100, number=2), id="D22 a second induction regimen in the episode"),
    ],
)
def test_d22_later_lines_of_the_episode_keep_baseline_and_nadir(second: TreatmentLine) -> None:
    labs = [serum(0, 40), serum(28, 10), serum(100, 12), serum(128, 16)]
    result = response(response_context(labs, lines=[line(0), second], as_of=130))
    assert result.baseline is not None
    assert (result.baseline.start, result.baseline.line_number) == (on(0), 1)
    nadir = result.nadirs[Parameter.SERUM_M_PROTEIN]
    assert (nadir.value, nadir.date) == (10, on(28))
    assert result.progression is not None  # 10 → 16 g/L: +60% and +6 g/L from the nadir


def test_d20_maintenance_under_the_same_line_number_keeps_the_baseline() -> None:
    labs = [serum(0, 40), serum(100, 20), serum(128, 20)]
    lines = [line(0), line(100, number=1, intent="maintenance")]
    result = response(response_context(labs, lines=lines))
    assert result.baseline is not None
    assert result.baseline.start == on(0)
    assert result.category is PR


def test_d20_baseline_is_the_last_value_on_or_before_the_start() -> None:
    labs = [serum(-30, 50), serum(0, 40), serum(1, 36), serum(28, 20)]
    result = response(response_context(labs))
    assert result.baseline is not None
    base = result.baseline.values[Parameter.SERUM_M_PROTEIN]
    assert (base.value, base.date) == (40, on(0))
    assert result.category is PR


def test_d20_nadir_is_the_lowest_value_since_the_start() -> None:
    labs = [serum(0, 40), serum(28, 12), serum(56, 10), serum(84, 11)]
    nadir = response(response_context(labs)).nadirs[Parameter.SERUM_M_PROTEIN]
    assert (nadir.value, nadir.date) == (10, on(56))


def test_as_of_hides_later_values() -> None:
    labs = [serum(0, 40), serum(28, 20), serum(56, 4)]
    assert response(response_context(labs, as_of=40)).category is PR


# --- current response (D19) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("responses", "category", "source"),
    [
        pytest.param(
            [recorded(40, "VGPR")], VGPR, ResponseSource.RECORDED, id="D19 recorded later wins"
        ),
        pytest.param(
            [recorded(20, "VGPR")], PR, ResponseSource.COMPUTED, id="D19 computed later wins"
        ),
        pytest.param(
            [recorded(28, "MR")], MR, ResponseSource.RECORDED, id="D19 same date: recorded wins"
        ),
        pytest.param(
            [recorded(-10, "CR")],
            PR,
            ResponseSource.COMPUTED,
            id="D23 recorded before the episode start does not count",
        ),
    ],
)
def test_d19_current_response_is_the_later_of_recorded_and_computed(
    responses: list[ResponseAssessment], category: ResponseCategory, source: ResponseSource
) -> None:
    ctx = response_context([serum(0, 40), serum(28, 20)], as_of=60, responses=responses)
    current = current_response(ctx)
    assert current is not None
    assert (current.category, current.source) == (category, source)


def test_d19_recorded_response_confirmed_by_the_previous_record() -> None:
    ctx = response_context(responses=[recorded(28, "VGPR"), recorded(56, "PR")])
    current = current_response(ctx)
    assert current is not None
    assert (current.category, current.confirmed) == (PR, True)
    assert current.message.id == "response.current.recorded.confirmed"
    assert current.message.as_dict() == {"category": "PR", "criteria": "IMWG 2016", "date": on(56)}


def test_d19_computed_response_carries_its_confirmation() -> None:
    current = current_response(response_context([serum(0, 40), serum(28, 20)]))
    assert current is not None
    assert (current.category, current.confirmed, current.criteria) == (PR, False, "IMWG 2016")
    assert current.message.id == "response.current.computed.unconfirmed"


def test_no_response_at_all() -> None:
    assert current_response(response_context()) is None


@pytest.mark.parametrize(
    ("labs", "minimum", "met"),
    [
        pytest.param(
            [serum(0, 40), serum(28, 0), ife(28), bmpc(28, 2)],
            CR,
            True,
            id="D19 computed CR meets CR",
        ),
        pytest.param([serum(0, 40), serum(28, 4)], CR, False, id="D19 VGPR does not meet CR"),
        pytest.param([serum(0, 40), serum(28, 4)], VGPR, True, id="D19 VGPR meets VGPR"),
        pytest.param([serum(0, 40), serum(28, 20)], VGPR, False, id="D19 PR does not meet VGPR"),
        pytest.param(
            [serum(0, 40), serum(28, 0), ife(28, urine=None)],
            CR,
            True,
            id="D19 CR counts once serum IFE is negative (urine not measurable)",
        ),
        pytest.param(
            [serum(0, 40), urine(0, 300), serum(28, 0), urine(28, 0), ife(28, urine=None)],
            CR,
            False,
            id="D19 urine measurable: urine IFE must be negative too",
        ),
        pytest.param(
            [serum(0, 40), urine(0, 300), serum(28, 0), urine(28, 0), ife(28)],
            CR,
            True,
            id="D19 urine measurable: serum and urine IFE negative meet CR",
        ),
        pytest.param(
            [serum(0, 40), serum(28, 0), ife(-5, urine=None)],
            CR,
            False,
            id="D23 an IFE before the episode start does not count",
        ),
        pytest.param(
            [serum(0, 40), serum(28, 20), serum(56, 26)], VGPR, False, id="D19 PD never meets"
        ),
    ],
)
def test_d19_meets_min_response(labs: Labs, minimum: ResponseCategory, met: bool) -> None:
    assert meets_min_response(response_context(labs, as_of=60), minimum) is met


def test_d19_recorded_progression_overrides_a_negative_ife() -> None:
    ctx = response_context(
        [serum(0, 40), serum(28, 0), ife(28, urine=None)], responses=[recorded(50, "PD")]
    )
    assert not meets_min_response(ctx, CR)


def test_d21_every_result_names_the_criteria_set() -> None:
    result = response(response_context([serum(0, 40), serum(28, 20), serum(56, 26)], as_of=60))
    assert result.criteria == "IMWG 2016"
    assert result.progression is not None
    assert result.progression.criteria == "IMWG 2016"


def test_every_message_is_declared_with_its_parameters() -> None:
    ctx = response_context(
        [serum(0, 40), urine(0, 400), serum(28, 0), urine(28, 0), ife(28), bmpc(28, 2)],
        imaging=[scan(-5, plasmacytoma=True)],
    )
    for message in response(ctx).messages:
        assert tuple(dict(message.params)) == MESSAGE_PARAMS[message.id]


def test_response_is_computed_once_per_context() -> None:
    ctx = response_context([serum(0, 40), serum(28, 20)])
    assert response(ctx) is response(ctx)


@given(
    base=st.decimals(min_value="1.00", max_value="9.00", places=2),
    now=st.decimals(min_value="0.00", max_value="12.00", places=2),
)
def test_d15_g_dl_and_g_l_give_the_same_category(base: Decimal, now: Decimal) -> None:
    in_g_dl = response(
        response_context([serum(0, float(base), "g/dL"), serum(28, float(now), "g/dL")])
    )
    in_g_l = response(response_context([serum(0, float(base * 10)), serum(28, float(now * 10))]))
    assert in_g_dl.category is in_g_l.category


# --- imaging and plasmacytoma (D27) -------------------------------------------------------------


def _imaging_pd(*scans: Imaging, as_of: int = 200) -> list[PdCriterion]:
    ctx = response_context([serum(0, 40), serum(28, 30)], as_of=as_of, imaging=scans)
    progression = response(ctx).progression
    return [] if progression is None else [f.criterion for f in progression.findings]


@pytest.mark.parametrize(
    ("baseline_day", "expected"),
    [
        pytest.param(29, [PdCriterion.LYTIC_LESIONS], id="D27 baseline scan at start + 29 d"),
        pytest.param(30, [PdCriterion.LYTIC_LESIONS], id="D27 baseline scan at start + 30 d"),
        pytest.param(31, [], id="D27 a scan at start + 31 d is no baseline"),
    ],
)
def test_d27_baseline_imaging_is_the_latest_on_or_before_start_plus_30_days(
    baseline_day: int, expected: list[PdCriterion]
) -> None:
    assert _imaging_pd(scan(baseline_day, lytic_lesions=1), scan(150, lytic_lesions=2)) == expected


def test_d27_a_scan_within_the_window_is_the_baseline_not_a_progression() -> None:
    assert _imaging_pd(scan(-5, lytic_lesions=1), scan(20, lytic_lesions=4)) == []
    assert _imaging_pd(scan(-5, lytic_lesions=1), scan(31, lytic_lesions=2)) == [
        PdCriterion.LYTIC_LESIONS
    ]


def test_d27_mri_counts_focal_lesions() -> None:
    scans = (scan(-5, "WB_MRI", mri_focal_lesions=2), scan(150, "WB_MRI", mri_focal_lesions=3))
    assert _imaging_pd(*scans) == [PdCriterion.LYTIC_LESIONS]


def test_d27_a_missing_count_is_not_compared() -> None:
    assert _imaging_pd(scan(-5, lytic_lesions=3), scan(150, "PET_CT", fdg_avid=True)) == []
    assert _imaging_pd(scan(-5, "PET_CT", fdg_avid=True), scan(150, lytic_lesions=3)) == []


def test_d27_different_modality_says_confirm_the_lesions_are_new() -> None:
    scans = (scan(3, lytic_lesions=2), scan(150, "PET_CT", lytic_lesions=4))
    ctx = response_context([serum(0, 40), serum(28, 30)], as_of=200, imaging=scans)
    progression = response(ctx).progression
    assert progression is not None
    (finding,) = progression.findings
    assert finding.other_modality
    assert finding.message.id == "response.pd.lytic_lesions.other_modality"
    assert finding.entries == (scans[1].id,)


@pytest.mark.parametrize(
    ("event_day", "expected"),
    [
        pytest.param(30, [], id="D27 plasmacytoma event within the baseline window"),
        pytest.param(31, [PdCriterion.PLASMACYTOMA], id="D27 new plasmacytoma event"),
    ],
)
def test_d27_a_new_plasmacytoma_event_meets_pd(event_day: int, expected: list[PdCriterion]) -> None:
    ctx = response_context(
        [serum(0, 40), serum(28, 30)], as_of=200, events=[plasmacytoma(event_day)]
    )
    progression = response(ctx).progression
    assert ([] if progression is None else [f.criterion for f in progression.findings]) == expected
    if progression is not None:
        assert progression.findings[0].message.id == "response.pd.plasmacytoma.event"


def test_d27_plasmacytoma_on_imaging_without_a_baseline_report_meets_pd() -> None:
    assert _imaging_pd(scan(150, "PET_CT", plasmacytoma=True)) == [PdCriterion.PLASMACYTOMA]
    assert _imaging_pd(scan(-5, plasmacytoma=True), scan(150, plasmacytoma=True)) == []


def test_d40_a_confirmed_pd_cites_the_confirming_entry_too() -> None:
    labs = [serum(0, 40), serum(28, 20), serum(56, 26), serum(84, 27)]
    unconfirmed = response(response_context(labs[:3], as_of=90)).progression
    confirmed = response(response_context(labs, as_of=90)).progression
    assert unconfirmed is not None
    assert confirmed is not None
    assert unconfirmed.entries == (labs[2].id,)
    assert confirmed.entries == (labs[2].id, labs[3].id)
