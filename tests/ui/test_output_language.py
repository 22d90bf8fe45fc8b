"""Documents render in the language asked for and leave the window's language alone."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mmtracker import i18n
from mmtracker.assessment_json import assessment_document
from mmtracker.config import load_policy
from mmtracker.logic.assessment import Assessment, assess
from mmtracker.logic.codes import Phase
from mmtracker.logic.units import UnitSystem
from mmtracker.record import load_record_file, record_history
from mmtracker.storage.worklist import WorklistRow
from mmtracker.worklist_output import FORMATS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "record-example.json"
CJK = re.compile(r"[\u4e00-\u9fff]")
# A text of the window (tr() of a widget model) and its Chinese.
WINDOW_TEXT = ("PatientTableModel", "MRN")
WINDOW_CHINESE = "病历号"


def example_assessment() -> Assessment:
    record, problems = load_record_file(EXAMPLE)
    assert record is not None, problems
    return assess(record_history(record), dt.date(2026, 3, 1), load_policy())


def rows(assessment: Assessment) -> list[WorklistRow]:
    return [WorklistRow(1, "MM-001", "Zhang Wei", Phase.NDMM, item) for item in assessment.items]


def outputs(lang: str) -> list[str]:
    """An assessment document and the worklist in every format, all in ``lang``."""
    assessment = example_assessment()
    document = json.dumps(assessment_document(assessment, UnitSystem.SI, lang), ensure_ascii=False)
    return [document, *(output(rows(assessment), lang, ids=True) for output in FORMATS.values())]


@pytest.mark.parametrize(("window", "document"), [("zh_CN", "en"), ("en", "zh_CN")])
def test_a_document_in_another_language_leaves_the_window_language(
    qapp: QApplication, translations_built: Path, window: str, document: str
) -> None:
    window_text = WINDOW_CHINESE if window == "zh_CN" else WINDOW_TEXT[1]
    assert i18n.install(qapp, window)
    try:
        assert qapp.translate(*WINDOW_TEXT) == window_text
        written = outputs(document)
        assert qapp.translate(*WINDOW_TEXT) == window_text  # tr() of the widgets
        assert i18n.translate(*WINDOW_TEXT) == window_text  # the module functions
        assert i18n.installed_language() == window
    finally:
        i18n.install(qapp, "en")
    for text in written:
        assert bool(CJK.search(text)) == (document == "zh_CN"), text[:200]
    if document == "en":
        assert "Days overdue" in written[1]  # the table's header


def test_a_language_renders_like_the_installed_one(translations_built: Path) -> None:
    message = example_assessment().items[0].message
    assert i18n.install(None, "zh_CN")
    try:
        installed = (i18n.render(message), i18n.item_title("dental.periodic"))
        installed_code = (i18n.code_label("M", i18n.SEX_CODE), i18n.format_value("C, A"))
    finally:
        i18n.install(None, "en")
    chinese = i18n.language("zh_CN")
    assert (chinese.render(message), chinese.item_title("dental.periodic")) == installed
    assert (chinese.code_label("M", i18n.SEX_CODE), chinese.format_value("C, A")) == installed_code
    assert CJK.search(installed[1])
    assert i18n.item_title("dental.periodic") == i18n.language("en").item_title("dental.periodic")
    assert not CJK.search(i18n.item_title("dental.periodic"))


def test_a_language_is_loaded_once(translations_built: Path) -> None:
    assert i18n.language("zh_CN") is i18n.language("zh_CN")
    assert i18n.language("en") is i18n.ENGLISH


def test_a_language_without_catalogues_is_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(i18n, "CATALOGUES", tmp_path)
    chinese = i18n.language("zh_CN")
    assert not chinese.available
    assert chinese.code_label("MAINTENANCE") == "maintenance"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.language("fr")
