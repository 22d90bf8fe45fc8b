"""The care policy file: every §11 policy value declared with a range and a source; overrides
checked; the D37 alias of the old lapse key; the rules version in the digest."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from mmtracker.logic import policy as policy_module
from mmtracker.logic.policy import RULES_VERSION, PolicyError, build_policy, read_specs

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "policy" / "default.toml"

# Policy values named in clinical-rules.md §10 and §11 with their stated defaults.
RULES_DEFAULTS = {
    "lead_days": 14,
    "snooze.max_days": 90,
    "workup.staging_days": 30,
    "imaging.baseline_days": 30,
    "imaging.smm_mri_days": 60,
    "imaging.smm_years": 5,
    "imaging.smm_interval_months": 12,
    "asct.pre_window_days": 60,
    "bta.start_days": 30,
    "bta.review_months": 12,
    "za.interval_days": 28,
    "denosumab.interval_days": 28,
    "pamidronate.interval_days": 28,
    "dental.pre_bta_lookback_days": 180,
    "dental.interval_months": 6,
    "za.creatinine_window_days": 7,
    "denosumab.calcium_window_days": 7,
    "vitd.interval_months": 12,
    "denosumab.bridge_months": 6,
    "bta.lapse_days": 28,  # D37 (replaces denosumab.lapse_weeks)
    "bta.hold_days": 90,  # D33
    "denosumab.first_dose_calcium_days": 14,  # D36
    "dental.treatment_followup_months": 2,  # D38
    "onj.lookback_months": 24,  # D33
    "record.phase_days": 14,  # D24
    "record.line_days": 30,  # D25
    "limits.ionised_calcium_uln": 1.32,  # D44
    "smm.rescore_months": 12,
    "smm.first_score_days": 30,
    "mrd.min_response": "CR",
    "mrd.day100_from": 80,
    "mrd.day100_to": 120,
    "mrd.annual_months": 12,
    "pangea.window_months": 12,
    "asct.mel140_age": 70,
    "asct.mel140_crcl": 30,
    "limits.calcium_uln": 2.60,
    "limits.calcium_lln": 2.10,
    "limits.hb_lln_female": 120,
    "limits.hb_lln_male": 130,
    "limits.ldh_uln": 250,
    # §11 labs.monitoring: SMM high 3 mo; intermediate 4 mo; low 4 mo in the first
    # year, then 6 mo; unknown 3 mo; NDMM / RELAPSE / ASCT 30 d; MAINTENANCE 90 d.
    "labs.smm_high_months": 3,
    "labs.smm_intermediate_months": 4,
    "labs.smm_low_first_year_months": 4,
    "labs.smm_low_months": 6,
    "labs.smm_unknown_months": 3,
    "labs.active_days": 30,
    "labs.maintenance_days": 90,
}


def specs() -> dict[str, object]:
    return tomllib.loads(SHIPPED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("key", "expected"), sorted(RULES_DEFAULTS.items()), ids=str)
def test_shipped_default_is_the_rules_value(key: str, expected: object) -> None:
    policy = build_policy(read_specs(specs()))
    assert policy.values[key] == expected


def test_every_shipped_value_has_a_source_citing_the_rules_and_nothing_extra() -> None:
    declared = read_specs(specs())
    assert set(declared) == set(RULES_DEFAULTS)
    for spec in declared.values():
        assert re.search(r"clinical-rules\.md (§\d+|D\d+)", spec.source), spec.key


def test_dental_interval_range_is_d8() -> None:
    spec = read_specs(specs())["dental.interval_months"]
    assert (spec.low, spec.high) == (6, 12)  # D8: range 6-12


def test_override_within_range_is_taken_and_changes_the_digest() -> None:
    declared = read_specs(specs())
    default = build_policy(declared)
    clinic = build_policy(declared, {"dental.interval_months": 12, "mrd.min_response": "VGPR"})
    assert clinic.whole("dental.interval_months") == 12
    assert clinic.choice("mrd.min_response") == "VGPR"
    assert clinic.digest != default.digest
    assert build_policy(declared, {"dental.interval_months": 6}).digest == default.digest


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        pytest.param({"dental.interval_month": 6}, "unknown policy key", id="unknown key"),
        pytest.param(
            {"dental.interval_months": 13}, "outside the accepted range 6–12", id="D8 above 12"
        ),
        pytest.param(
            {"dental.interval_months": 5}, "outside the accepted range 6–12", id="D8 below 6"
        ),
        pytest.param({"dental.interval_months": 6.5}, "whole number", id="fraction for months"),
        pytest.param({"mrd.min_response": "PR"}, "not one of CR, VGPR", id="min response choice"),
        pytest.param({"lead_days": "14"}, "must be a number", id="text for a number"),
        pytest.param({"lead_days": True}, "must be a number", id="bool for a number"),
    ],
)
def test_bad_override_is_refused_naming_the_key(overrides: dict[str, object], words: str) -> None:
    with pytest.raises(PolicyError) as refused:
        build_policy(read_specs(specs()), overrides)
    assert words in str(refused.value)
    assert next(iter(overrides)) in str(refused.value)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(PolicyError) as refused:
        build_policy(read_specs(specs()), {"nope": 1, "lead_days": 999})
    assert len(refused.value.problems) == 2


def test_a_declaration_without_range_is_refused() -> None:
    with pytest.raises(PolicyError, match="needs min and max"):
        read_specs({"lead_days": {"value": 14, "source": "x"}})
    with pytest.raises(PolicyError, match="outside"):
        read_specs({"lead_days": {"value": 99, "min": 0, "max": 60, "source": "x"}})


# --- D37: the old key denosumab.lapse_weeks is read as bta.lapse_days = weeks × 7 -----------


def test_d37_the_old_lapse_key_is_gone_from_the_shipped_file() -> None:
    assert "denosumab.lapse_weeks" not in read_specs(specs())
    assert "bta.lapse_days" in read_specs(specs())


@pytest.mark.parametrize(
    ("weeks", "days"),
    [
        pytest.param(1, 7, id="D37 1 week = 7 days, the lowest accepted"),
        pytest.param(4, 28, id="D37 4 weeks = 28 days, the new default"),
        pytest.param(12, 84, id="D37 12 weeks, the old default"),
    ],
)
def test_d37_old_lapse_key_is_read_as_days_with_a_warning(weeks: int, days: int) -> None:
    declared = read_specs(specs())
    read = build_policy(declared, {"denosumab.lapse_weeks": weeks})
    assert read.whole("bta.lapse_days") == days
    assert "denosumab.lapse_weeks" not in read.values
    (warning,) = read.warnings
    assert "denosumab.lapse_weeks" in warning
    assert f"bta.lapse_days = {days}" in warning
    # The same values as a file that says it with the new key: the same digest.
    same = build_policy(declared, {"bta.lapse_days": days})
    assert (same.values, same.digest, same.warnings) == (read.values, read.digest, ())


@pytest.mark.parametrize(
    ("weeks", "words"),
    [
        pytest.param(0, "outside the accepted range 7–90", id="D37 0 weeks = 0 days, below 7"),
        pytest.param(13, "outside the accepted range 7–90", id="D37 13 weeks = 91 days, above 90"),
        pytest.param(1.5, "whole number of weeks", id="D37 a fraction of weeks"),
        pytest.param(True, "whole number of weeks", id="D37 a bool"),
        pytest.param("12", "whole number of weeks", id="D37 text"),
    ],
)
def test_d37_an_old_lapse_value_out_of_range_is_refused_naming_the_old_key(
    weeks: object, words: str
) -> None:
    with pytest.raises(PolicyError) as refused:
        build_policy(read_specs(specs()), {"denosumab.lapse_weeks": weeks})
    (problem,) = refused.value.problems
    assert "denosumab.lapse_weeks" in problem
    assert words in problem


def test_d37_both_keys_saying_the_same_is_taken_with_a_warning() -> None:
    read = build_policy(read_specs(specs()), {"denosumab.lapse_weeks": 4, "bta.lapse_days": 28})
    assert read.whole("bta.lapse_days") == 28
    (warning,) = read.warnings
    assert "remove the old key denosumab.lapse_weeks" in warning


@pytest.mark.parametrize(
    "days", [pytest.param(27, id="D37 a day less"), pytest.param(29, id="D37 a day more")]
)
def test_d37_both_keys_disagreeing_is_refused_naming_both(days: int) -> None:
    """Which lapse the clinic meant is unknown: refused at load, not guessed."""
    with pytest.raises(PolicyError) as refused:
        build_policy(read_specs(specs()), {"denosumab.lapse_weeks": 4, "bta.lapse_days": days})
    (problem,) = refused.value.problems
    assert "denosumab.lapse_weeks = 4 (= 28 days)" in problem
    assert f"bta.lapse_days = {days}" in problem


def test_no_warning_without_the_old_key() -> None:
    assert build_policy(read_specs(specs()), {"lead_days": 21}).warnings == ()


# --- the rules version ------------------------------------------------------------------------


def test_the_digest_changes_with_the_rules_version_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A change of rules code alone makes stored assessments stale (issue 7, How)."""
    declared = read_specs(specs())
    before = build_policy(declared)
    monkeypatch.setattr(policy_module, "RULES_VERSION", RULES_VERSION + "-next")
    after = build_policy(declared)
    assert after.values == before.values
    assert after.digest != before.digest
