"""docs/rules.md is what scripts/generate_rules_doc.py makes of the code, and says what it should;
docs/clinical-reference.md gives every "§" section and "D" decision the code cites a home."""

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
REFERENCE = ROOT / "docs" / "clinical-reference.md"
POLICY = ROOT / "resources" / "policy" / "default.toml"
PACKAGE = ROOT / "mmtracker"
LINK = re.compile(r"\[([^\]]*)\]\(clinical-reference\.md#([^)]+)\)")
# clinical-rules.md: §1–§11 (with §10b) and the decisions D1–D46.
SECTIONS = [f"s{n}" for n in range(1, 12)] + ["s10b"]
DECISIONS = [f"d{n}" for n in range(1, 47)]


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
    assert headings == [rule.id for rule in RULES]
    assert set(headings) <= set(ITEM_ORDER)
    sources = re.findall(r"^- Source: (.*)$", page, flags=re.MULTILINE)
    assert [LINK.sub(r"\1", source) for source in sources] == [rule.source for rule in RULES]


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


# --- The clinical reference ------------------------------------------------------------


@pytest.fixture(scope="module")
def anchors() -> set[str]:
    return set(re.findall(r'<a id="([^"]+)"></a>', REFERENCE.read_text(encoding="utf-8")))


def _cited(text: str) -> set[str]:
    """The anchors a text's citations need: §5 → s5, §1a → s1a, D35 → d35."""
    sections = {f"s{n}{letter}" for n, letter in re.findall(r"§(\d+)([a-z]?)", text)}
    decisions = {f"d{int(n)}" for n in re.findall(r"(?<![\w-])D(\d{1,2})(?![\d\w])", text)}
    return sections | decisions


def test_the_reference_has_every_section_and_decision(anchors: set[str]) -> None:
    """§1–§11 and D1–D46 of clinical-rules.md, each with its anchor, each once."""
    text = REFERENCE.read_text(encoding="utf-8")
    assert set(SECTIONS + DECISIONS) <= anchors
    for anchor in SECTIONS + DECISIONS:
        assert text.count(f'<a id="{anchor}"></a>') == 1, anchor


def test_every_item_of_section_11_has_its_anchor(anchors: set[str], generator: ModuleType) -> None:
    """§11 Items: all 36 ids, so that "§11 renal.za_dose" in the code can be followed."""
    assert len(ITEM_ORDER) == 36
    missing = [i for i in ITEM_ORDER if generator.item_anchor(i) not in anchors]
    assert missing == []


def test_every_citation_in_the_code_and_the_policy_file_has_its_anchor(anchors: set[str]) -> None:
    """A maintainer who only has the repository can follow every "D35" and "§11"."""
    missing = {}
    for path in [*sorted(PACKAGE.rglob("*.py")), POLICY]:
        unknown = _cited(path.read_text(encoding="utf-8")) - anchors
        if unknown:
            missing[str(path.relative_to(ROOT))] = sorted(unknown)
    assert missing == {}


def test_every_link_of_the_rules_page_reaches_an_anchor(page: str, anchors: set[str]) -> None:
    links = LINK.findall(page)
    assert len(links) > 100
    assert sorted({anchor for _, anchor in links} - anchors) == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        pytest.param(
            "§5 ZA renal checks; D35",
            "[§5 ZA renal checks](clinical-reference.md#s5-za-renal); [D35](clinical-reference.md#d35)",
            id="§5 part and D35",
        ),
        pytest.param(
            "§11 renal.za_dose: baseline",
            "[§11 renal.za_dose](clinical-reference.md#s11-renal-za_dose): baseline",
            id="§11 item id",
        ),
        pytest.param(
            "§1a C; D44",
            "[§1a](clinical-reference.md#s1a) C; [D44](clinical-reference.md#d44)",
            id="§1a C",
        ),
        pytest.param(
            "seed 000 (Mirgh 2026)",
            "[seed 000](clinical-reference.md#seed-000) (Mirgh 2026)",
            id="seed 000",
        ),
        pytest.param("D-VRd, 3D, D99", "D-VRd, 3D, D99", id="not decisions"),
        pytest.param(
            "`§11` as code, D8", "`§11` as code, [D8](clinical-reference.md#d8)", id="code"
        ),
    ],
)
def test_citations_are_linked_to_the_reference(
    generator: ModuleType, text: str, shown: str
) -> None:
    assert generator.linked(text) == shown


def _decision(page: str, number: int) -> str:
    return page.split(f'<a id="d{number}"></a>\n')[1].split("\n\n<a id=")[0]


def test_a_section_per_decision_lists_what_cites_it(page: str) -> None:
    """D1–D46 each have a section; an item whose §11 source names a decision is listed in it,
    and so is a policy value whose source names it."""
    headings = re.findall(r"^### D(\d+) — ", page, flags=re.MULTILINE)
    assert [int(n) for n in headings] == list(range(1, 47))
    for rule in RULES:
        for number in re.findall(r"(?<![\w-])D(\d{1,2})(?![\d\w])", rule.source):
            assert f"`{rule.id}`" in _decision(page, int(number)).split("\n")[3], rule.id
    assert "`dental.interval_months`" in _decision(page, 8)
    assert "`pangea.window_months`" in _decision(page, 6)


def _reference_part(anchor: str) -> str:
    """The text of the reference from an anchor to the next heading anchor."""
    text = REFERENCE.read_text(encoding="utf-8")
    return " ".join(text.split(f'<a id="{anchor}"></a>')[1].split("\n<a id=")[0].split())


@pytest.mark.parametrize(
    ("anchor", "restated"),
    [
        pytest.param("s1a", ["**≥10%**", ">2.75 mmol/L", "≥60%", "ratio ≥100"], id="§1a"),
        pytest.param(
            "s3a", ["**<3.5 mg/L**", "**≥3.5 g/dL (≥35 g/L)**", "**≥5.5 mg/L**"], id="§3a"
        ),
        pytest.param("d3", ["**≥5.5 mg/L**"], id="D3"),
        pytest.param("d4", ["**≥0.5 g/dL (≥5 g/L)**", "**≥1 g/dL**", "**≥5 g/dL**"], id="D4"),
        pytest.param("d5", ["**≥20%**"], id="D5"),
        pytest.param(
            "d9", ["**50 nmol/L (20 ng/mL)**", "**50–75 nmol/L**", "**≥75 nmol/L"], id="D9"
        ),
        pytest.param(
            "d35", ["either is below 30", "within 90 days", "no baseline creatinine"], id="D35"
        ),
        pytest.param("d37", ["(28)", "next due date + 29 days", "weeks × 7 days"], id="D37"),
        pytest.param("d44", ["1.32 mmol/L", "[U]", "`info`"], id="D44"),
        pytest.param(
            "s11-renal-za_dose",
            ["≥44 µmol/L", "<124 µmol/L", "≥88 µmol/L", "<30"],
            id="§11 renal.za_dose",
        ),
    ],
)
def test_the_reference_restates_the_numbers_exactly(anchor: str, restated: list[str]) -> None:
    """Thresholds and boundaries as in clinical-rules.md (≥ vs >, evidence tags)."""
    part = _reference_part(anchor)
    assert [text for text in restated if text not in part] == []


def test_a_reading_where_a_rule_is_silent_is_gathered(
    generator: ModuleType, tmp_path: Path
) -> None:
    """Issue 7: where a decision is silent the code errs toward showing and says so; the
    page carries the docstring sentence that begins "Reading where"."""
    source = tmp_path / "silent_rule.py"
    source.write_text(
        '"""A rule.\n\nIt applies. Reading where D33 is silent, erring toward showing: a hold\n'
        'without a resume date lasts 90 days. Something else."""\n\n\n'
        "def evaluate() -> None:\n"
        '    """No reading here."""\n',
        encoding="utf-8",
    )
    spec = importlib.util.spec_from_file_location("silent_rule", source)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert generator.readings([module]) == [
        (
            "silent_rule",
            "Reading where D33 is silent, erring toward showing: a hold without a resume "
            "date lasts 90 days.",
        )
    ]


def test_each_reading_is_listed_under_its_decision(page: str, generator: ModuleType) -> None:
    for where, text in generator.readings(generator.logic_modules()):
        assert f"- `{where}` — " in page
        cited = re.match(r"Reading where D(\d+) ", text)
        if cited:
            assert f"in `{where}`:" in _decision(page, int(cited[1]))
