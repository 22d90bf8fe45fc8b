"""asct.conditioning_note (clinical-rules.md §11, D7, §7, §3d, §6, §9, D13, D29, D39, D40, D45).

An info alert while a planned ASCT is neither performed nor withdrawn, until the
planned date + 30 d (D39): for 2026-05-01 it closes on 2026-05-31. The seed study
(Mirgh 2026, §7): Mel200 better PFS if pre-ASCT PET-CT positive, MRD-positive or
high-risk cytogenetics; Mel140 not inferior if MRD-negative, PET-CT negative and
standard-risk. Cytogenetic risk (D29): IMS 2025 criteria 1-3 over every abnormality
ever found — not β2M, not hyperdiploidy. Pre-ASCT = within asct.pre_window_days (60)
before the planned date: for 2026-05-01 that is from 2026-03-02. Centre practice
(D7): age > 70, CrCl < 30 mL/min. Counterpoints (§7): EBMT/CALM n = 1,964; CIBMTR
n = 1,492, CrCl 30-59 mL/min 5-year PFS 46% vs 18%.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from builders import context, day, new_id, phase, policy, weight
from items_builders import item_on, rule, snooze, transplant
from smm_builders import b2m, creatinine, fish, mrd_test, pet, smm_history

from mmtracker.logic.care import Severity, Status
from mmtracker.logic.codes import CopyNumber1q, Phase
from mmtracker.logic.history import Acknowledgement, Entry, PatientHistory, Transplant
from mmtracker.logic.items import conditioning
from mmtracker.logic.messages import msg

NOTE = rule(conditioning.RULES, "asct.conditioning_note")
PLANNED = day("2026-05-01")


def test_rule_id_and_source_name_the_row() -> None:
    assert [r.id for r in conditioning.RULES] == ["asct.conditioning_note"]
    assert NOTE.source == "D7"


def planned_asct(*entries: Entry, born: str = "1956-05-10") -> PatientHistory:
    """NDMM 2025-10-01 with β2M 3.0 mg/L (IMS 2025 criterion 4 not met), weight 70 kg and
    creatinine 80 µmol/L on 2026-03-20, ASCT planned 2026-05-01 (performed 05-04)."""
    return smm_history(
        phase("2025-10-01", Phase.NDMM),
        b2m("2025-10-01", 3.0),
        weight("2026-03-20", 70),
        creatinine("2026-03-20", 80),
        transplant(planned="2026-05-01", performed="2026-05-04"),
        *entries,
        born=born,
    )


STANDARD_INPUTS = (
    fish("2025-10-01"),
    mrd_test("2026-03-10", "negative", 1e-5),
    pet("2026-03-15", fdg_avid=False),
)
VIGNETTE = planned_asct(
    *STANDARD_INPUTS, snooze("asct.conditioning_note", "2026-03-25", "2026-04-10")
)


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param(
            "2026-02-01", Status.ALERT, "undetermined", id="D7 no MRD or PET-CT yet: undetermined"
        ),
        pytest.param(
            "2026-03-20", Status.ALERT, "mel140_subgroup", id="D7 MRD-neg, PET-neg, standard risk"
        ),
        pytest.param("2026-03-25", Status.SNOOZED, "mel140_subgroup", id="§11 Status: snoozed"),
        pytest.param(
            "2026-04-10", Status.SNOOZED, "mel140_subgroup", id="§11 Status: until inclusive"
        ),
        pytest.param("2026-04-11", Status.ALERT, "mel140_subgroup", id="§11 Status: snooze over"),
        pytest.param(
            "2026-05-03", Status.ALERT, "mel140_subgroup", id="§11 asct.conditioning_note: delayed"
        ),
        pytest.param(
            "2026-05-04", Status.NOT_APPLICABLE, "performed", id="§11 closes when performed"
        ),
    ],
)
def test_vignette(on: str, expected: Status, message: str) -> None:
    item = item_on(NOTE, VIGNETTE, on)
    assert item.status is expected
    assert item.message.id == f"asct.conditioning_note.{message}"
    if expected is not Status.NOT_APPLICABLE:
        assert item.severity is Severity.INFO


def test_headlines_follow_the_vignette() -> None:
    early = item_on(NOTE, VIGNETTE, "2026-02-01")
    assert early.message.as_dict() == {"planned": PLANNED, "unknown": "mrd, pet_ct"}
    assert item_on(NOTE, VIGNETTE, "2026-03-20").message.as_dict() == {"planned": PLANNED}
    done = item_on(NOTE, VIGNETTE, "2026-05-04")
    assert done.message.as_dict() == {"performed": day("2026-05-04")}


def test_note_lines_for_a_standard_risk_patient() -> None:
    note = conditioning.conditioning_note(context(VIGNETTE, "2026-03-20"))
    assert note is not None
    assert note.subgroup is conditioning.Subgroup.MEL140_NOT_INFERIOR
    assert note.lines == (
        msg(
            "asct.conditioning_note.mrd.negative.in_window",
            date=day("2026-03-10"),
            method="NGS",
            sensitivity=1e-5,
            planned=PLANNED,
            days=60,
        ),
        msg(
            "asct.conditioning_note.pet.not_fdg_avid.in_window",
            date=day("2026-03-15"),
            planned=PLANNED,
            days=60,
        ),
        msg("asct.conditioning_note.cytogenetics.standard", latest=day("2025-10-01")),
        msg("asct.conditioning_note.age.not_above", age=69, limit=70, planned=PLANNED),
        # §9 Cockcroft-Gault: (140 − 69) × 70 / (72 × 80/88.4) × 0.85 = 64.83 mL/min
        msg(
            "asct.conditioning_note.crcl.not_below",
            crcl=64.8,
            limit=30,
            creatinine_date=day("2026-03-20"),
            weight=70,
            weight_date=day("2026-03-20"),
        ),
        msg(
            "asct.conditioning_note.evidence.mirgh_2026",
            patients=176,
            mucositis_mel200_percent=50,
            mucositis_mel140_percent=26,
        ),
        msg("asct.conditioning_note.evidence.ebmt_calm", patients=1964),
        msg(
            "asct.conditioning_note.evidence.cibmtr",
            patients=1492,
            crcl_from=30,
            crcl_to=59,
            pfs_mel200_percent=46,
            pfs_mel140_percent=18,
        ),
    )


@pytest.mark.parametrize(
    ("inputs", "features"),
    [
        pytest.param(
            (fish("2025-10-01"), mrd_test("2026-03-10", "positive"), pet("2026-03-15", False)),
            "mrd_positive",
            id="D7 Mirgh 2026: MRD-positive",
        ),
        pytest.param(
            (fish("2025-10-01"), mrd_test("2026-03-10"), pet("2026-03-15", True)),
            "pet_ct_positive",
            id="D7 Mirgh 2026: PET-CT positive",
        ),
        pytest.param(
            (
                fish("2025-10-01", t_4_14=True, gain_1q=CopyNumber1q.GAIN),
                mrd_test("2026-03-10"),
                pet("2026-03-15", False),
            ),
            "high_risk_cytogenetics",
            id="D7 Mirgh 2026: high-risk cytogenetics (§3d)",
        ),
        pytest.param(
            (
                fish("2025-10-01", del_17p=True, del_17p_clonal_fraction=20),
                mrd_test("2026-03-10"),
                pet("2026-03-15", False),
            ),
            "high_risk_cytogenetics",
            id="D29 IMS 2025 criterion 1: del(17p) in 20% clonal fraction",
        ),
        pytest.param(
            (
                fish("2025-10-01", del_1p32="biallelic"),
                mrd_test("2026-03-10"),
                pet("2026-03-15", False),
            ),
            "high_risk_cytogenetics",
            id="D29 IMS 2025 criterion 3: biallelic del(1p32)",
        ),
        pytest.param(
            (
                fish("2025-10-01", t_4_14=True, gain_1q=CopyNumber1q.GAIN),
                mrd_test("2026-03-10", "positive"),
                pet("2026-03-15", True),
            ),
            "mrd_positive, pet_ct_positive, high_risk_cytogenetics",
            id="D7 Mirgh 2026: all three adverse features",
        ),
    ],
)
def test_mel200_subgroup(inputs: tuple[Entry, ...], features: str) -> None:
    item = item_on(NOTE, planned_asct(*inputs), "2026-03-20")
    assert item.status is Status.ALERT
    assert item.message.id == "asct.conditioning_note.mel200_subgroup"
    assert item.message.as_dict() == {"planned": PLANNED, "features": features}


def test_high_risk_lines_name_the_abnormalities() -> None:
    hist = planned_asct(fish("2025-10-01", t_4_14=True, gain_1q=CopyNumber1q.GAIN))
    note = conditioning.conditioning_note(context(hist, "2026-03-20"))
    assert note is not None
    assert note.lines[2] == msg(
        "asct.conditioning_note.cytogenetics.high",
        present="translocation_1p_1q",
        abnormalities="t_4_14, gain_1q",
        since=day("2025-10-01"),
    )


@pytest.mark.parametrize(
    ("inputs", "unknown", "line"),
    [
        pytest.param(
            (fish("2025-10-01"), mrd_test("2026-03-01"), pet("2026-03-15", False)),
            "mrd",
            "mrd.negative.outside_window",
            id="asct.pre_window_days: MRD 61 d before the planned date is outside",
        ),
        pytest.param(
            (fish("2025-10-01"), mrd_test("2026-03-01", "positive"), pet("2026-03-15", False)),
            "mrd",
            "mrd.positive.outside_window",
            id="asct.pre_window_days: an old positive MRD does not place the patient",
        ),
        pytest.param(
            (
                fish("2025-10-01"),
                mrd_test("2026-03-10", "negative", 1e-4),
                pet("2026-03-15", False),
            ),
            "mrd",
            "mrd.negative_insufficient.in_window",
            id="§6 MRD-negative needs a sensitivity of 1 in 10⁵",
        ),
        pytest.param(
            (fish("2025-10-01"), mrd_test("2026-03-10"), pet("2026-03-15", None)),
            "pet_ct",
            "pet.not_recorded.in_window",
            id="D7 PET-CT without a recorded FDG uptake",
        ),
        pytest.param(
            (fish("2025-10-01"), mrd_test("2026-03-10"), pet("2026-03-01", False)),
            "pet_ct",
            "pet.not_fdg_avid.outside_window",
            id="asct.pre_window_days: PET-CT 61 d before the planned date is outside",
        ),
        pytest.param(
            (mrd_test("2026-03-10"), pet("2026-03-15", False)),
            "cytogenetics",
            "cytogenetics.unknown",
            id="D29 no cytogenetics: cytogenetic risk unknown",
        ),
        pytest.param(
            (
                fish("2025-10-01", tp53_mutation=None),
                mrd_test("2026-03-10"),
                pet("2026-03-15", False),
            ),
            "cytogenetics",
            "cytogenetics.unknown",
            id="D29 IMS 2025 criterion 1 undetermined without TP53",
        ),
        pytest.param(
            (fish("2025-10-01"),),
            "mrd, pet_ct",
            "mrd.none",
            id="D7 no MRD and no PET-CT on record",
        ),
    ],
)
def test_undetermined_subgroup(inputs: tuple[Entry, ...], unknown: str, line: str) -> None:
    hist = planned_asct(*inputs)
    item = item_on(NOTE, hist, "2026-03-20")
    assert item.message.id == "asct.conditioning_note.undetermined"
    assert item.message.as_dict() == {"planned": PLANNED, "unknown": unknown}
    note = conditioning.conditioning_note(context(hist, "2026-03-20"))
    assert note is not None
    assert f"asct.conditioning_note.{line}" in [m.id for m in note.lines]


def test_mrd_exactly_at_the_window_start_is_pre_asct() -> None:
    hist = planned_asct(fish("2025-10-01"), mrd_test("2026-03-02"), pet("2026-03-02", False))
    item = item_on(NOTE, hist, "2026-03-20")
    assert item.message.id == "asct.conditioning_note.mel140_subgroup"


def test_the_latest_test_in_the_window_is_used() -> None:
    hist = planned_asct(
        fish("2025-10-01"),
        mrd_test("2026-03-05", "negative"),
        mrd_test("2026-03-18", "positive"),
        pet("2026-03-15", False),
    )
    item = item_on(NOTE, hist, "2026-03-20")
    assert item.message.as_dict()["features"] == "mrd_positive"


@pytest.mark.parametrize(
    ("born", "line", "age"),
    [
        pytest.param("1956-05-02", "age.not_above", 69, id="D7 age 69 on the planned date"),
        pytest.param("1956-05-01", "age.not_above", 70, id="D7 age exactly 70 is not > 70"),
        pytest.param("1955-05-01", "age.above", 71, id="D7 age 71 > 70"),
    ],
)
def test_age_on_the_planned_date(born: str, line: str, age: int) -> None:
    note = conditioning.conditioning_note(context(planned_asct(born=born), "2026-03-20"))
    assert note is not None
    assert note.lines[3] == msg(
        f"asct.conditioning_note.{line}", age=age, limit=70, planned=PLANNED
    )


def test_age_limit_is_a_policy_value() -> None:
    pol = policy(**{"asct.mel140_age": 65})
    note = conditioning.conditioning_note(context(planned_asct(), "2026-03-20", pol))
    assert note is not None
    assert note.lines[3].id == "asct.conditioning_note.age.above"


def renal_history(*entries: Entry) -> PatientHistory:
    """A man aged 68 on 2026-03-20 with creatinine 88.4 µmol/L (1 mg/dL): CrCl = weight."""
    return smm_history(
        phase("2025-10-01", Phase.NDMM),
        transplant(planned="2026-05-01"),
        *entries,
        born="1958-01-01",
        sex="M",
    )


@pytest.mark.parametrize(
    ("kg", "line", "crcl"),
    [
        pytest.param(30, "crcl.not_below", 30.0, id="D7 CrCl exactly 30 is not < 30"),
        pytest.param(29.9, "crcl.below", 29.9, id="D7 CrCl 29.9 < 30"),
    ],
)
def test_crcl_against_the_centre_limit(kg: float, line: str, crcl: float) -> None:
    hist = renal_history(creatinine("2026-03-20", 88.4), weight("2026-03-20", kg))
    note = conditioning.conditioning_note(context(hist, "2026-03-20"))
    assert note is not None
    assert note.lines[4] == msg(
        f"asct.conditioning_note.{line}",
        crcl=crcl,
        limit=30,
        creatinine_date=day("2026-03-20"),
        weight=kg,
        weight_date=day("2026-03-20"),
    )


def test_crcl_without_a_weight_asks_for_one() -> None:
    note = conditioning.conditioning_note(
        context(renal_history(creatinine("2026-03-20", 88.4)), "2026-03-20")
    )
    assert note is not None
    # D13: CKD-EPI 2021 shown instead; man, 68, 1 mg/dL: 142 × (1/0.9)^−1.2 × 0.9938^68 = 82.0
    assert note.lines[4] == msg(
        "asct.conditioning_note.crcl.no_weight", egfr=82.0, creatinine_date=day("2026-03-20")
    )


def test_crcl_without_a_creatinine() -> None:
    note = conditioning.conditioning_note(context(renal_history(), "2026-03-20"))
    assert note is not None
    assert note.lines[4] == msg("asct.conditioning_note.crcl.no_creatinine")


def test_without_a_plan_it_is_not_applicable() -> None:
    item = item_on(NOTE, smm_history(phase("2025-10-01", Phase.NDMM)), "2026-03-20")
    assert item.status is Status.NOT_APPLICABLE
    assert item.message.id == "asct.conditioning_note.no_plan"


def test_a_tandem_plan_opens_it_again() -> None:
    hist = planned_asct(*STANDARD_INPUTS, transplant(planned="2026-11-01"))
    assert item_on(NOTE, hist, "2026-05-04").status is Status.ALERT
    item = item_on(NOTE, hist, "2026-06-01")
    assert item.status is Status.ALERT
    assert item.message.as_dict()["planned"] == day("2026-11-01")


# --- D29: the note's cytogenetic risk -----------------------------------------------------


def test_d29_the_note_ignores_b2m_and_hyperdiploidy() -> None:
    """D29: β2M 8 mg/L with normal creatinine (IMS 2025 criterion 4) and a non-hyperdiploid
    clone (IMWG 2016) do not make the note's cytogenetic risk high."""
    hist = planned_asct(
        fish("2025-10-01", hyperdiploid=False),
        b2m("2025-10-02", 8.0),
        mrd_test("2026-03-10"),
        pet("2026-03-15", False),
    )
    item = item_on(NOTE, hist, "2026-03-20")
    assert item.message.id == "asct.conditioning_note.mel140_subgroup"


def test_d29_high_risk_acquired_later_counts_and_stays() -> None:
    """D29 cumulative: standard FISH at diagnosis, t(4;14) with 1q gain on 2026-01-10, a
    negative test on 2026-03-01: the note keeps the high risk, since 2026-01-10."""
    hist = planned_asct(
        fish("2025-10-01"),
        fish("2026-01-10", t_4_14=True, gain_1q=CopyNumber1q.GAIN),
        fish("2026-03-01"),
        mrd_test("2026-03-10"),
        pet("2026-03-15", False),
    )
    ctx = context(hist, "2026-03-20")
    note = conditioning.conditioning_note(ctx)
    assert note is not None
    assert note.adverse == ("high_risk_cytogenetics",)
    assert note.lines[2].as_dict()["since"] == day("2026-01-10")


# --- D39: pending plans only ------------------------------------------------------------


def withdrawn_plan(planned: str, withdrawn: str) -> Transplant:
    return Transplant(id=new_id("asct"), planned_date=day(planned), withdrawn_date=day(withdrawn))


def unperformed(*entries: Entry) -> PatientHistory:
    """NDMM 2025-10-01, ASCT planned 2026-05-01 and never performed (closes 2026-05-31)."""
    return smm_history(phase("2025-10-01", Phase.NDMM), transplant(planned="2026-05-01"), *entries)


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param("2026-05-30", Status.ALERT, "undetermined", id="D39 planned + 29 d: shown"),
        pytest.param(
            "2026-05-31", Status.NOT_APPLICABLE, "closed", id="D39 closes at planned + 30 d"
        ),
        pytest.param("2027-01-01", Status.NOT_APPLICABLE, "closed", id="D39 stays closed"),
    ],
)
def test_d39_a_plan_never_performed_closes_30_days_after_the_planned_date(
    on: str, expected: Status, message: str
) -> None:
    item = item_on(NOTE, unperformed(), on)
    assert (item.status, item.message.id) == (expected, f"asct.conditioning_note.{message}")


def test_d39_closed_message_names_the_plan() -> None:
    item = item_on(NOTE, unperformed(), "2026-05-31")
    assert item.message.as_dict() == {"planned": PLANNED, "closed": day("2026-05-31")}


def test_d39_changes_on_the_closure_date() -> None:
    finding = NOTE.evaluate(context(unperformed(), "2026-03-20"))
    assert finding.changes_on == day("2026-05-31")


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2026-03-31", Status.ALERT, id="D39 the day before the withdrawal"),
        pytest.param("2026-04-01", Status.NOT_APPLICABLE, id="D39 withdrawn: closes that day"),
    ],
)
def test_d39_a_withdrawn_plan_closes_the_note(on: str, expected: Status) -> None:
    hist = smm_history(phase("2025-10-01", Phase.NDMM), withdrawn_plan("2026-05-01", "2026-04-01"))
    item = item_on(NOTE, hist, on)
    assert item.status is expected
    if expected is Status.NOT_APPLICABLE:
        assert item.message.id == "asct.conditioning_note.withdrawn"
        assert item.message.as_dict() == {"planned": PLANNED, "withdrawn": day("2026-04-01")}


def test_d39_a_new_plan_after_one_that_closed_opens_it_again() -> None:
    hist = unperformed(transplant(planned="2026-09-01"))
    item = item_on(NOTE, hist, "2026-06-01")
    assert item.status is Status.ALERT
    assert item.message.as_dict()["planned"] == day("2026-09-01")


# --- D40, D45: what the note cites, and since when -----------------------------------------


def test_d40_the_note_cites_the_plan_and_every_entry_it_rests_on() -> None:
    ctx = context(VIGNETTE, "2026-03-20")
    finding = NOTE.evaluate(ctx)
    plan = ctx.history.transplants[0]
    cyto = ctx.history.cytogenetics[0]
    mrd = ctx.history.mrd_tests[0]
    scan = next(i for i in ctx.history.imaging)
    creat = next(r for r in ctx.history.lab_results if r.date == day("2026-03-20"))
    kg = ctx.history.weights[0]
    assert set(finding.cites) == {plan.id, cyto.id, mrd.id, scan.id, creat.id, kg.id}
    assert finding.cites[0] == plan.id


def test_d45_the_note_began_on_its_latest_input() -> None:
    """D45: the latest of the entries it rests on (creatinine and weight of 2026-03-20)."""
    finding = NOTE.evaluate(context(VIGNETTE, "2026-03-25"))
    assert finding.trigger_date == day("2026-03-20")
    item = item_on(NOTE, planned_asct(*STANDARD_INPUTS), "2026-03-25")
    assert (item.since, item.due) == (day("2026-03-20"), None)


def test_d45_without_any_input_the_note_began_at_the_episode_start() -> None:
    finding = NOTE.evaluate(context(unperformed(), "2026-03-20"))
    assert finding.trigger_date == day("2025-10-01")


def test_d40_a_new_mrd_result_ends_the_snooze_of_the_note() -> None:
    """D40: acknowledged on 2026-03-20 with its finding; an MRD test on 2026-03-22 changes
    what the note cites, so the note shows again."""
    hist = planned_asct(*STANDARD_INPUTS)
    before = NOTE.evaluate(context(hist, "2026-03-20"))
    ack = Acknowledgement(
        id=new_id("ack"),
        item_id=NOTE.id,
        acknowledged_on=day("2026-03-20"),
        until=day("2026-04-30"),
        reason="discussed at MDT",
        acknowledged_by="doctor",
        finding_message_id=before.message.id,
        finding_severity="info",
        finding_cites=before.cites,
    )
    quiet = replace(hist, acknowledgements=(ack,))
    assert item_on(NOTE, quiet, "2026-03-25").status is Status.SNOOZED
    changed = replace(quiet, mrd_tests=(*hist.mrd_tests, mrd_test("2026-03-22", "negative")))
    assert item_on(NOTE, changed, "2026-03-25").status is Status.ALERT
