"""Every care item has exactly one family, and the family table names no other id."""

from __future__ import annotations

from collections import Counter

import pytest

from mmtracker.logic.families import (
    FAMILY_NAMES,
    ITEM_FAMILY,
    Family,
    family_of,
    find_family,
    items_of,
)
from mmtracker.logic.items import ITEM_ORDER, RULES

# The families of issue 8, in their order, by their stable ids.
FAMILY_IDS = (
    "imaging",
    "dental",
    "bone_therapy",
    "renal",
    "calcium_vitamin_d",
    "mrd",
    "labs",
    "staging",
    "transplant",
    "record",
    "alerts",
)


def test_every_implemented_item_has_a_family_and_the_table_no_unknown_id() -> None:
    implemented = [rule.id for rule in RULES]
    assert sorted(ITEM_FAMILY) == sorted(implemented)
    assert sorted(ITEM_FAMILY) == sorted(ITEM_ORDER)


def test_each_item_is_in_exactly_one_family() -> None:
    placed = Counter(item_id for family in Family for item_id in items_of(family))
    assert placed == Counter(ITEM_ORDER)


def test_families_are_ordered_with_stable_ids_and_each_is_used() -> None:
    assert tuple(f.value for f in Family) == FAMILY_IDS
    assert set(ITEM_FAMILY.values()) == set(Family)
    assert set(FAMILY_NAMES) == set(Family)


@pytest.mark.parametrize(
    ("item_id", "family"),
    [
        ("renal.before_bisphosphonate", Family.RENAL),
        ("renal.za_dose", Family.RENAL),
        ("bta.resume", Family.BONE_THERAPY),
        ("denosumab.bridge", Family.BONE_THERAPY),
        ("alert.hypocalcaemia", Family.ALERTS),
        ("calcium.before_denosumab", Family.CALCIUM_VITAMIN_D),
        ("vitd.level", Family.CALCIUM_VITAMIN_D),
        ("smm.risk", Family.STAGING),
        ("asct.conditioning_note", Family.TRANSPLANT),
        ("imaging.pre_asct_pet", Family.IMAGING),
    ],
)
def test_family_follows_the_meaning_of_the_item(item_id: str, family: Family) -> None:
    assert family_of(item_id) is family


def test_prefixes_that_name_one_kind_of_care_stay_in_one_family() -> None:
    by_prefix = {
        "bta.": Family.BONE_THERAPY,
        "dental.": Family.DENTAL,
        "mrd.": Family.MRD,
        "alert.": Family.ALERTS,
        "record.": Family.RECORD,
        "imaging.": Family.IMAGING,
    }
    for prefix, family in by_prefix.items():
        ids = [i for i in ITEM_ORDER if i.startswith(prefix)]
        assert ids
        assert {family_of(i) for i in ids} == {family}, prefix


def test_a_family_is_found_by_id_or_english_name_in_any_case() -> None:
    assert find_family("dental") is Family.DENTAL
    assert find_family("bone_therapy") is Family.BONE_THERAPY
    assert find_family("Bone therapy") is Family.BONE_THERAPY
    assert find_family("CALCIUM/VITAMIN D") is Family.CALCIUM_VITAMIN_D
    assert find_family("mrd") is Family.MRD
    assert find_family("bta.") is None
    assert find_family("alert") is None  # the family is "alerts"; "alert" is an id prefix


def test_an_unknown_id_has_no_family() -> None:
    with pytest.raises(KeyError):
        family_of("renal.before_za")  # the id of D35's item before it was renamed
