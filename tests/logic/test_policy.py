"""The care policy file: every §11 policy value declared with a range and a source; overrides checked."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from mmtracker.logic.policy import PolicyError, build_policy, read_specs

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
    "denosumab.lapse_weeks": 12,
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
