"""docs/rules.md is what scripts/generate_rules_doc.py makes of the code, and says what it should."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from mmtracker.logic.items import ITEM_ORDER, RULES
from mmtracker.logic.messages import MESSAGE_PARAMS

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "generate_rules_doc.py"
PAGE = ROOT / "docs" / "rules.md"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_rules_doc", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def page(generator: ModuleType) -> str:
    text: str = generator.render()
    return text


def test_docs_rules_md_is_up_to_date(page: str) -> None:
    assert PAGE.read_text(encoding="utf-8") == page, (
        "docs/rules.md is out of date: run python scripts/generate_rules_doc.py"
    )


def test_every_item_has_its_section_with_its_source(page: str) -> None:
    headings = re.findall(r"^### \d+\. `([a-z0-9_.]+)`$", page, flags=re.MULTILINE)
    assert headings == list(ITEM_ORDER)
    for rule in RULES:
        assert f"- Source: {rule.source}\n" in page


def test_every_message_and_policy_value_is_listed(page: str, generator: ModuleType) -> None:
    for message_id in MESSAGE_PARAMS:
        assert f"| `{message_id}` |" in page
    for key in generator.policy_specs():
        assert f"| `{key}` |" in page


@pytest.mark.parametrize(
    ("item_id", "keys"),
    [
        pytest.param("dental.periodic", {"dental.interval_months"}, id="D8 dental interval"),
        pytest.param("bta.review", {"bta.review_months"}, id="§11 bta.review"),
        pytest.param(
            "labs.monitoring",
            {"labs.active_days", "labs.maintenance_days", "labs.smm_high_months"},
            id="§11 labs.monitoring from f-strings",
        ),
        pytest.param(
            "mrd.day100",
            {"mrd.day100_from", "mrd.day100_to", "mrd.min_response"},
            id="§11 mrd.day100",
        ),
        pytest.param(
            "bta.next_dose", {"za.interval_days", "denosumab.interval_days"}, id="§11 BTA intervals"
        ),
    ],
)
def test_the_policy_values_an_item_reads_are_found_in_its_code(
    generator: ModuleType, item_id: str, keys: set[str]
) -> None:
    rule = next(r for r in RULES if r.id == item_id)
    facts = generator.item_facts(rule, generator.policy_specs())
    assert keys <= set(facts.policy)


def test_shared_messages_belong_to_the_items_that_give_them(generator: ModuleType) -> None:
    """bta.off is given by the bone items (through bta.off_bta), not by the SMM items."""
    facts = {r.id: generator.item_facts(r, generator.policy_specs()) for r in RULES}
    assert "bta.off" in facts["bta.next_dose"].messages
    assert "bta.off" not in facts["smm.risk"].messages
    assert all(m.startswith("smm.risk.") for m in facts["smm.risk"].messages)
