"""Issue 7, class 12: the Chinese catalogues speak the clinical glossary (glossary-zh_CN).

Every zh_CN catalogue (messages, care-item titles, codes and the window) is read
beside its English (mmtracker/english.py, or the window's source text): a concept the English names is named in Chinese by the
glossary's one term, the terms the glossary forbids never appear, and the
care-item statuses carry the glossary's labels (``ok`` is 无待办, never 正常, which
reads as a normal laboratory value).
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from mmtracker import english, i18n
from mmtracker.logic.care import Status
from mmtracker.logic.codes import Phase

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
BUILD = ROOT / "scripts" / "build_translations.py"
# Catalogues whose source is an id, with the English text in mmtracker/english.py.
ID_CATALOGUES = {
    "messages": english.MESSAGES,
    "items": english.ITEMS,
    "codes": english.CODES,
}
# The window's catalogue: the source is the English text itself.
WINDOW_CATALOGUE = "mmtracker"

# Glossary: 1q gain (3 copies) / amplification (≥4 copies), together 1q+.
GAIN_1Q = "1q21 获得/扩增（1q+）"
# Glossary: PANGEA evolving biomarkers, one term everywhere.
EVOLVING = "动态演变生物标志物"
# Glossary: care-item status ok / due soon / overdue / alert / snoozed / not applicable.
STATUS_LABELS = {
    Status.OK: "无待办",
    Status.DUE_SOON: "即将到期",
    Status.OVERDUE: "逾期",
    Status.ALERT: "警示",
    Status.SNOOZED: "暂缓提醒",
    Status.NOT_APPLICABLE: "不适用",
}
# Glossary, phase names: written out wherever a phase is named in a sentence.
PHASE_NAMES = {
    Phase.SMM: "冒烟型骨髓瘤（SMM）",
    Phase.NDMM: "新诊断多发性骨髓瘤（NDMM）",
    Phase.ASCT: "自体造血干细胞移植（ASCT）",
    Phase.MAINTENANCE: "维持治疗",
    Phase.RELAPSE: "复发",
}
# An English name (a pattern, any case) → the Chinese term a translation naming it must use.
NAMED = {
    "smou?ldering myeloma": "冒烟型骨髓瘤",
    "newly diagnosed": "新诊断多发性骨髓瘤",
    "stem-cell transplant": "自体造血干细胞移植",
    "minimal residual disease": "微小残留病（MRD）",
    "MRD": "MRD",
    "maintenance": "维持治疗",
    "relapse": "复发",
    "induction": "诱导治疗",
    "consolidation": "巩固治疗",
    "transplant": "移植",
    "osteonecrosis of the jaw": "颌骨坏死",
    "ONJ": "颌骨坏死（ONJ）",
    "evolving biomarker": EVOLVING,
    "1q gain": GAIN_1Q,
    "FISH 1q": GAIN_1Q,
    "(?:osteo)?lytic[ -]lesion": "溶骨性骨质破坏",
}
# Terms the glossary rules out, each with why.
FORBIDDEN = {
    "下颌骨坏死": "ONJ affects the maxilla too: 颌骨坏死",
    "1q21 扩增": "1q gain and amplification together: 1q21 获得/扩增（1q+）",
    "溶骨性病变": "lytic bone lesion: 溶骨性骨质破坏",
}


def _texts(path: Path) -> dict[tuple[str, str, str | None], str]:
    """(context, source, disambiguation) → finished translation of a .ts file."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "vanished":
                continue
            key = (name, message.findtext("source", ""), message.findtext("comment"))
            found[key] = translation.text or ""
    return found


def pairs() -> list[tuple[str, str, str]]:
    """(where, English, Chinese) of every entry of every zh_CN catalogue."""
    out = []
    for catalogue, texts in ID_CATALOGUES.items():
        for key, chinese in _texts(TRANSLATIONS / f"{catalogue}_zh_CN.ts").items():
            _, source, kind = key
            en = texts.get(source) if kind is None else english.CODES_OF_KIND[kind].get(source)
            assert en is not None, f"{catalogue}: {key} has no English text"
            out.append((f"{catalogue}: {source}", en, chinese))
    for key, chinese in _texts(TRANSLATIONS / f"{WINDOW_CATALOGUE}_zh_CN.ts").items():
        out.append((f"{key[0]}: {key[1]}", key[1], chinese))
    return out


def _code(code: str) -> str:
    return _texts(TRANSLATIONS / "codes_zh_CN.ts")[("codes", code, None)]


def _naming(english_name: str) -> list[tuple[str, str, str]]:
    """The entries whose English names ``english_name`` (a pattern starting a word, any case)."""
    pattern = re.compile(rf"(?<![\w-]){english_name}", re.IGNORECASE)
    return [(where, en, zh) for where, en, zh in pairs() if pattern.search(en)]


def test_the_catalogues_are_read() -> None:
    """The checks below see every catalogue (a misread file would make them vacuous)."""
    where = {entry[0].split(":")[0] for entry in pairs()}
    assert {"messages", "items", "codes", "PatientTableModel", "worklist"} <= where
    assert len(_naming("osteonecrosis of the jaw")) >= 2


@pytest.mark.parametrize(("term", "why"), FORBIDDEN.items(), ids=list(FORBIDDEN))
def test_class_12_forbidden_terms_are_absent(term: str, why: str) -> None:
    """Glossary: 下颌骨坏死 names only the mandible; 1q21 扩增 leaves out gain (3 copies)."""
    assert [where for where, _, zh in pairs() if term in zh] == [], why


def test_class_12_jaw_osteonecrosis_is_颌骨坏死() -> None:
    """Glossary: osteonecrosis of the jaw (ONJ) is 颌骨坏死（ONJ）, the maxilla included."""
    wrong = [
        (where, zh)
        for name in ("osteonecrosis of the jaw", "ONJ")
        for where, _, zh in _naming(name)
        if NAMED[name] not in zh
    ]
    assert wrong == []
    assert _texts(TRANSLATIONS / "items_zh_CN.ts")[("items", "alert.onj_risk", None)].startswith(
        "颌骨坏死（ONJ）"
    )


def test_class_12_1q_gain_and_amplification_are_named_together() -> None:
    """Glossary: 1q21 获得（3 拷贝）/ 扩增（≥4 拷贝），合称 1q+ — a label of the abnormality
    names both, so a gain is not read as absent."""
    assert _code("gain_1q") == GAIN_1Q
    assert _code("gain") == "获得（3 拷贝）"
    assert _code("amplification") == "扩增（≥4 拷贝）"
    wrong = [
        (where, zh)
        for name in ("1q gain", "FISH 1q")
        for where, _, zh in _naming(name)
        if GAIN_1Q not in zh
    ]
    assert wrong == []


def test_class_12_pangea_evolving_biomarkers_have_one_term() -> None:
    """Glossary: PANGEA evolving biomarkers are 动态演变生物标志物, one term everywhere."""
    named = _naming("evolving biomarker")
    assert len(named) >= 4
    assert [(where, zh) for where, _, zh in named if EVOLVING not in zh] == []
    other = re.compile(r"生物标志物")
    assert [
        (where, zh) for where, _, zh in pairs() if len(other.findall(zh)) != zh.count(EVOLVING)
    ] == []


def test_class_12_status_ok_is_无待办_and_every_status_has_its_glossary_label() -> None:
    """Glossary: ok / due soon / overdue / alert / snoozed / not applicable are
    无待办 / 即将到期 / 逾期 / 警示 / 暂缓提醒 / 不适用; 正常 reads as a normal lab value."""
    assert {status: _code(status.value) for status in Status} == STATUS_LABELS
    assert "正常" not in STATUS_LABELS.values()


def test_class_12_phases_are_named_in_full_in_both_languages() -> None:
    """Glossary, phase names: 冒烟型骨髓瘤（SMM）, 新诊断多发性骨髓瘤（NDMM）,
    自体造血干细胞移植（ASCT）, 维持治疗, 复发 — the English label spells the name out too,
    so that the two languages show the same level of detail."""
    assert {phase: _code(phase.value) for phase in Phase} == PHASE_NAMES
    for phase in (Phase.SMM, Phase.NDMM, Phase.ASCT):
        label = english.CODES[phase.value]
        assert label.endswith(f"({phase.value})")
        assert len(label) > len(phase.value) + 2


@pytest.mark.parametrize("name", list(NAMED), ids=[re.sub(r"[^\w ]", "", n) for n in NAMED])
def test_class_12_a_name_the_english_gives_is_given_in_chinese(name: str) -> None:
    """Wherever the English names a phase, MRD or another glossary concept, the Chinese
    names it with the glossary's term."""
    wrong = [(where, en, zh) for where, en, zh in _naming(name) if NAMED[name] not in zh]
    assert wrong == []


@pytest.fixture
def chinese() -> Iterator[None]:
    """The built catalogues, Chinese installed; English afterwards."""
    spec = importlib.util.spec_from_file_location("build_translations", BUILD)
    assert spec is not None
    assert spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.release(sorted(TRANSLATIONS.glob("*.ts")))
    assert i18n.install(None, "zh_CN")
    yield
    i18n.install(None, "en")


def test_class_12_shown_labels_use_the_glossary_terms(chinese: None) -> None:
    """What the screens and rationales show: the phase in full, ok as 无待办."""
    assert i18n.format_value(Phase.SMM.value) == "冒烟型骨髓瘤（SMM）"
    assert i18n.format_value("SMM, NDMM") == "冒烟型骨髓瘤（SMM）、新诊断多发性骨髓瘤（NDMM）"
    assert i18n.code_label(Status.OK.value) == "无待办"
    assert i18n.item_title("alert.pangea_evolving").startswith(EVOLVING)
