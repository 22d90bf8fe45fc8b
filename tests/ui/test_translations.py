"""The Qt Linguist catalogues are complete, and mmtracker.i18n uses them."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mmtracker import i18n

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "mmtracker"
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))
ZH_CN = ROOT / "resources" / "translations" / "mmtracker_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# Contexts whose sources are keys (message ids, care-item ids, codes) rather than English
# text: their placeholders are checked against the English texts (mmtracker/english.py)
# and the declared parameters in test_message_catalogues.py.
KEYED_CONTEXTS = frozenset({i18n.MESSAGES_CONTEXT, i18n.ITEMS_CONTEXT, i18n.CODES_CONTEXT})


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{ts.name}: {name}: a message has no translation"
            found.append((name, message.findtext("source", ""), translation))
    return found


def translated_texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def marked_texts() -> set[tuple[str, str]]:
    """(context, text) of every tr(), translate() and QT_TRANSLATE_NOOP() with literal text."""
    found: set[tuple[str, str]] = set()
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef))]:
            for call in ast.walk(cls):
                if not isinstance(call, ast.Call):
                    continue
                func = call.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                texts = [a.value for a in call.args if isinstance(a, ast.Constant)]
                if not all(isinstance(t, str) for t in texts):
                    continue
                if name == "tr" and isinstance(cls, ast.ClassDef) and len(texts) == 1:
                    found.add((cls.name, texts[0]))
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(texts) == 2:
                    found.add((texts[0], texts[1]))
    return found


def test_there_is_a_chinese_catalogue() -> None:
    assert ZH_CN in TS_FILES
    assert ET.parse(ZH_CN).getroot().get("language") == "zh_CN"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_finished(ts: Path) -> None:
    problems = []
    for context, source, translation in messages(ts):
        kind = translation.get("type")
        if kind is not None:
            problems.append(f"{context}: {source!r} is {kind}")
        elif not all(text.strip() for text in translated_texts(translation)):
            problems.append(f"{context}: {source!r} has an empty translation")
    assert problems == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_placeholders_and_shortcuts(ts: Path) -> None:
    problems = []
    for context, source, translation in messages(ts):
        expected = None if context in KEYED_CONTEXTS else sorted(PLACEHOLDER.findall(source))
        for text in translated_texts(translation):
            if expected is not None and sorted(PLACEHOLDER.findall(text)) != expected:
                problems.append(f"{context}: {text!r} changes the placeholders of {source!r}")
            if text.replace("&&", "").count("&") != source.replace("&&", "").count("&"):
                problems.append(f"{context}: {text!r} loses the shortcut of {source!r}")
    assert problems == []


def test_every_text_marked_in_the_sources_is_in_the_chinese_catalogue() -> None:
    marked = marked_texts()
    assert ("PatientsScreen", "Search by MRN or name") in marked  # the scan finds self.tr()
    assert ("app", "Open the demo database?") in marked  # ... and translate()
    in_catalogue = {(context, source) for context, source, _ in messages(ZH_CN)}
    assert sorted(marked - in_catalogue) == []


def test_the_build_script_compiles_every_catalogue(translations_built: Path) -> None:
    for ts in TS_FILES:
        assert (translations_built / ts.with_suffix(".qm").name).stat().st_size > 0


def test_translate_uses_the_installed_language(translations_built: Path) -> None:
    assert i18n.install(None, "zh_CN")
    assert i18n.translate("PatientTableModel", "MRN") == "病历号"
    assert i18n.translate("PatientTableModel", "not in any catalogue") == "not in any catalogue"
    assert i18n.install(None, "en")
    assert i18n.translate("PatientTableModel", "MRN") == "MRN"


def test_widgets_follow_the_installed_language(
    qapp: QApplication, translations_built: Path
) -> None:
    i18n.install(qapp, "zh_CN")
    assert qapp.translate("PatientTableModel", "Phase") == "病程阶段"
    i18n.install(qapp, "en")
    assert qapp.translate("PatientTableModel", "Phase") == "Phase"


def test_missing_catalogues_leave_the_english_text(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "CATALOGUES", tmp_path)
    assert not i18n.install(None, "zh_CN")
    assert i18n.translate("PatientTableModel", "MRN") == "MRN"
    assert i18n.code_label("MAINTENANCE") == "maintenance"  # the English label, not the code
    i18n.install(None, "en")


def test_the_catalogues_are_package_data() -> None:
    """The program finds them through importlib.resources (mmtracker.resources), the
    checkout's resources/ folder in an editable install."""
    found = i18n.CATALOGUES
    assert found == files("mmtracker.resources") / "translations"
    assert found.resolve() == (ROOT / "resources" / "translations").resolve()


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.install(None, "fr")
