"""The English texts and the Chinese catalogues are complete, and messages render in both.

Every message id the rules declare has an English sentence (mmtracker/english.py)
and a finished Chinese one using exactly its parameters; every care item has a
title and every code a label in both; English renders without any catalogue;
quantities are shown in the unit system asked for, converted by clinical-rules.md §9.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import inspect
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from types import ModuleType

import pytest

import mmtracker.logic.assessment  # noqa: F401  # declares every message id
from mmtracker import english, i18n
from mmtracker.config import load_policy
from mmtracker.logic import codes
from mmtracker.logic.care import Severity, Status
from mmtracker.logic.codes import Analyte
from mmtracker.logic.context import Context
from mmtracker.logic.history import LabResult, Patient, PhaseChange, build_history
from mmtracker.logic.items import monitoring
from mmtracker.logic.messages import MESSAGE_PARAMS, Message, ParamValue, Quantity, msg
from mmtracker.logic.smm_risk import RISK_SOURCE, TTP_SOURCE
from mmtracker.logic.units import UnitSystem

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en", "zh_CN")
CATALOGUE_LANGUAGES = ("zh_CN",)  # English is the source: mmtracker/english.py
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
CJK = re.compile(r"[\u4e00-\u9fff]")
DAY = dt.date(2026, 3, 2)


def _script(name: str) -> ModuleType:
    """A module of scripts/ (not a package), loaded by path."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def catalogue(context: str, lang: str) -> dict[tuple[str, str | None], ET.Element]:
    """(source, disambiguation) → translation element of a one-context .ts file."""
    root = ET.parse(TRANSLATIONS / f"{context}_{lang}.ts").getroot()
    found = {}
    for element in root.iter("context"):
        assert element.findtext("name") == context
        for message in element.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            key = (message.findtext("source", ""), message.findtext("comment"))
            assert key not in found, f"{context}_{lang}.ts: {key} twice"
            found[key] = translation
    return found


def english_texts(context: str) -> dict[tuple[str, str | None], str]:
    """(id or code, kind) → English text of a context, from mmtracker/english.py."""
    if context == i18n.MESSAGES_CONTEXT:
        return {(key, None): text for key, text in english.MESSAGES.items()}
    if context == i18n.ITEMS_CONTEXT:
        return {(key, None): text for key, text in english.ITEMS.items()}
    texts = {(code, None): text for code, text in english.CODES.items()}
    for kind, labels in english.CODES_OF_KIND.items():
        texts |= {(code, kind): text for code, text in labels.items()}
    return texts


def finished_texts(context: str, lang: str) -> dict[tuple[str, str | None], str]:
    """(id or code, kind) → the finished, non-empty text of a context in ``lang``."""
    if lang == "en":
        found = english_texts(context)
    else:
        found = {
            key: translation.text or ""
            for key, translation in catalogue(context, lang).items()
            if translation.get("type") is None
        }
    return {key: text for key, text in found.items() if text.strip()}


@pytest.fixture(scope="module")
def built() -> Iterator[None]:
    """The .qm catalogues, built by the build script; English installed afterwards."""
    build = _script("build_translations")
    build.release(sorted(TRANSLATIONS.glob("*.ts")))
    yield
    i18n.install(None, "en")


# --- Message catalogues ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_declared_message_has_a_finished_translation(lang: str) -> None:
    texts = finished_texts(i18n.MESSAGES_CONTEXT, lang)
    assert [key for key in MESSAGE_PARAMS if (key, None) not in texts] == []


def test_no_english_text_is_for_an_unknown_message() -> None:
    assert sorted(key for key in english.MESSAGES if key not in MESSAGE_PARAMS) == []


@pytest.mark.parametrize("lang", CATALOGUE_LANGUAGES)
def test_no_catalogue_entry_is_for_an_unknown_message(lang: str) -> None:
    entries = catalogue(i18n.MESSAGES_CONTEXT, lang)
    assert sorted(source for source, _ in entries if source not in MESSAGE_PARAMS) == []
    assert [key for key, t in entries.items() if t.get("type") == "vanished"] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_template_uses_exactly_the_declared_parameters(lang: str) -> None:
    texts = finished_texts(i18n.MESSAGES_CONTEXT, lang)
    wrong = {}
    for key, params in MESSAGE_PARAMS.items():
        text = texts.get((key, None), "")
        if sorted(PLACEHOLDER.findall(text)) != sorted(params):
            wrong[key] = (params, text)
    assert wrong == {}


def test_there_is_no_english_catalogue() -> None:
    """English is rendered from mmtracker/english.py: a stale English catalogue would
    shadow it in a checkout."""
    assert sorted(TRANSLATIONS.glob("*_en.ts")) == []


def test_the_unreachable_smm_phase_start_messages_are_not_declared() -> None:
    """Without any M-protein or FLC result the Mayo 2018 group is unknown, so only the
    "risk unknown" interval can count from the phase start."""
    phase_start = {k for k in MESSAGE_PARAMS if k.endswith(".phase_start")}
    assert phase_start == {
        "labs.monitoring.smm_unknown.phase_start",
        "labs.monitoring.active.phase_start",
        "labs.monitoring.maintenance.phase_start",
    }


@pytest.mark.parametrize("bmpc", [None, 12.0, 45.0], ids=["no marrow", "BMPC 12%", "BMPC 45%"])
def test_smm_without_m_protein_or_flc_counts_from_the_phase_start_at_unknown_risk(
    bmpc: float | None,
) -> None:
    """Whatever the marrow shows, Mayo 2018 needs the M-protein or FLC ratio to be known."""
    labs = (
        [LabResult(id="bm", date=dt.date(2025, 2, 1), analyte=Analyte.BMPC, value=bmpc, unit="%")]
        if bmpc is not None
        else []
    )
    history = build_history(
        Patient(mrn="T-1", name="Test", sex=codes.Sex.FEMALE, date_of_birth=dt.date(1960, 1, 1)),
        {
            "phase_changes": [
                PhaseChange(id="ph", date=dt.date(2025, 1, 10), phase=codes.Phase.SMM)
            ],
            "lab_results": labs,
        },
    )
    finding = monitoring.evaluate(Context(history, dt.date(2025, 3, 1), load_policy()))
    assert finding.message.id == "labs.monitoring.smm_unknown.phase_start"


# --- Rendering every message -----------------------------------------------------------

_DATES = {
    "date", "last", "first", "due", "since", "until", "start", "end", "diagnosis", "planned",
    "performed", "started", "closed", "stopped", "relapse", "bridge", "ndmm", "completed",
    "confirmed_on", "previous", "nadir_date", "baseline_date", "latest_date", "weight_date",
    "albumin_date", "bmpc_date", "creatinine_date", "m_protein_date", "flc_date", "pet_date",
    "mrd_date", "ife_date", "response_date", "line_start", "ended", "withdrawn",
}  # fmt: skip
# Sample values by parameter name; the types the rules emit.
_SAMPLES: dict[str, ParamValue] = {
    "days": 30, "months": 12, "weeks": 12, "interval": 28, "years": 5, "count": 2,
    "baseline_count": 1, "lesions": 2, "limit": 12, "age": 66, "factors": 2, "factors_low": 1,
    "factors_high": 3, "score": 13, "patients": 176, "window_days": 60, "window_months": 12,
    "from_day": 80, "to_day": 120, "day": 95, "crcl_from": 30, "crcl_to": 59,
    "median_ttp_months": 29, "two_year_percent": 44.0, "group_percent": 73.0,
    "score_percent": 78.6, "mucositis_mel200_percent": 50, "mucositis_mel140_percent": 26,
    "pfs_mel200_percent": 46, "pfs_mel140_percent": 18, "ratio": 123.4, "ratio_limit": 100.0,
    "crcl": 52.3, "egfr": 61.2, "clearance": 38.5, "clearance_limit": 40.0, "dose": 3.5,
    "weight": 68.2, "sensitivity": 1e-5, "required": 1e-5, "bmpc": 8.0, "value": 22.0,
    "nadir": 8.0, "rise": 14.0, "latest": 41.5, "baseline": 18.2, "change": 23.3,
    "agent": "zoledronic_acid", "phase": "MAINTENANCE", "modality": "WBLDCT",
    "analyte": "serum_m_protein", "method": "NGS", "category": "VGPR", "minimum": "CR",
    "criteria": "IMWG 2016", "kind": "declined", "decision": "de_escalate",
    "basis": "corrected", "limits": "default", "status": "deceased",
    "criterion": "serum_m_protein", "features": "mrd_positive, high_risk_cytogenetics",
    "unknown": "mrd, pet_ct", "present": "del17p_tp53, b2m_normal_creatinine",
    "missing": "m_protein, flc_ratio", "biomarkers": "m_protein, creatinine",
    "not_evaluable": "flc_ratio, hemoglobin", "chain": "κ", "ttp_source": TTP_SOURCE,
    "risk_source": RISK_SOURCE, "median_pfs_months": 28.6, "median_os_years": 4.5,
    "source": "Abdallah 2022, Blood Cancer J 12:21", "abnormalities": "del_17p, gain_1q",
}  # fmt: skip
# Laboratory values (Quantity) by message id prefix: parameter names → analyte.
_CALCIUM = dict.fromkeys(("value", "limit", "uln", "lln", "measured"), Analyte.CALCIUM)
_QUANTITIES: dict[str, dict[str, Analyte]] = {
    "crab.Li.": dict.fromkeys(("involved", "involved_limit"), Analyte.FLC_KAPPA),
    "crab.C.": {**_CALCIUM, "albumin": Analyte.ALBUMIN},
    "crab.R.": dict.fromkeys(("creatinine", "creatinine_limit"), Analyte.CREATININE),
    "crab.A.": dict.fromkeys(("value", "limit", "lln"), Analyte.HEMOGLOBIN),
    "calcium.before_denosumab.": _CALCIUM,
    "alert.hypocalcaemia.": _CALCIUM,
    "alert.hypercalcaemia.": _CALCIUM,
    "supplement.ca_vitd.": _CALCIUM,
    "renal.": dict.fromkeys(
        ("value", "baseline", "latest", "rise", "threshold", "creatinine"), Analyte.CREATININE
    ),
    "vitd.level.": dict.fromkeys(("value", "threshold"), Analyte.VITAMIN_D),
    "staging.ldh.": {"uln": Analyte.LDH},
    "response.pd.serum_m_protein": dict.fromkeys(
        ("value", "nadir", "rise"), Analyte.SERUM_MPROTEIN
    ),
    "response.pd.urine_m_protein": dict.fromkeys(
        ("value", "nadir", "rise"), Analyte.URINE_MPROTEIN
    ),
    "response.pd.dflc": dict.fromkeys(("value", "nadir", "rise"), Analyte.FLC_LAMBDA),
    "smm.pangea.m_protein.": dict.fromkeys(
        ("latest", "baseline", "change", "limit"), Analyte.SERUM_MPROTEIN
    ),
    "smm.pangea.creatinine.": dict.fromkeys(("latest", "baseline"), Analyte.CREATININE),
    "smm.pangea.hemoglobin.": dict.fromkeys(
        ("latest", "baseline", "change", "limit"), Analyte.HEMOGLOBIN
    ),
}
# Values whose meaning differs between messages sharing a parameter name.
_BY_MESSAGE: dict[str, dict[str, ParamValue]] = {
    "alert.smm_mde.met": {"criteria": "C, A"},
    "alert.smm_mde.none_met_incomplete": {"not_evaluable": "M, B"},
    "workup.staging.missing": {"missing": "β2M, LDH, FISH del(17p), FISH 1q"},
}
_SI_SAMPLE = {
    Analyte.CALCIUM: 2.8,
    Analyte.ALBUMIN: 35.0,
    Analyte.CREATININE: 180.0,
    Analyte.HEMOGLOBIN: 95.0,
    Analyte.FLC_KAPPA: 412.0,
    Analyte.FLC_LAMBDA: 250.0,
    Analyte.VITAMIN_D: 45.0,
    Analyte.LDH: 250.0,
    Analyte.SERUM_MPROTEIN: 25.0,
    Analyte.URINE_MPROTEIN: 450.0,
}


def sample(message_id: str) -> Message:
    """The message with sample parameters of the types its rule emits."""
    quantities = next((q for p, q in _QUANTITIES.items() if message_id.startswith(p)), {})
    params: dict[str, ParamValue] = {}
    for name in MESSAGE_PARAMS[message_id]:
        if name in _BY_MESSAGE.get(message_id, {}):
            params[name] = _BY_MESSAGE[message_id][name]
        elif name in quantities:
            params[name] = Quantity(quantities[name], _SI_SAMPLE[quantities[name]])
        elif name in _DATES:
            params[name] = DAY
        else:
            params[name] = _SAMPLES[name]
    return msg(message_id, **params)


@pytest.mark.parametrize("units", list(UnitSystem))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_renders(built: None, lang: str, units: UnitSystem) -> None:
    assert i18n.install(None, lang)
    problems = []
    for key in MESSAGE_PARAMS:
        text = i18n.render(sample(key), units)
        if key in text or "{" in text or "}" in text or "_" in text:
            problems.append(text)
        if lang == "zh_CN" and not CJK.search(text):
            problems.append(text)
        if lang == "en" and CJK.search(text):
            problems.append(text)
    assert problems == []


def test_a_rendered_message_reads_as_written(built: None) -> None:
    message = msg(
        "dental.periodic.due", last=dt.date(2026, 3, 2), months=6, agent="zoledronic_acid"
    )
    i18n.install(None, "en")
    assert i18n.render(message) == (
        "Last dental check 2026-03-02; every 6 months while on zoledronic acid."
    )
    i18n.install(None, "zh_CN")
    assert i18n.render(message) == "末次口腔检查 2026-03-02；使用唑来膦酸期间每 6 个月一次。"


# --- Quantities (clinical-rules.md §9) -------------------------------------------------


@pytest.mark.parametrize(
    ("analyte", "si", "shown_si", "shown_conventional"),
    [
        pytest.param(Analyte.CALCIUM, 2.75, "2.75 mmol/L", "11.02 mg/dL", id="§9 calcium"),
        pytest.param(
            Analyte.CREATININE, 176.8, "176.8 µmol/L", "2 mg/dL", id="§9 creatinine 2 mg/dL"
        ),
        pytest.param(Analyte.HEMOGLOBIN, 100.0, "100 g/L", "10 g/dL", id="§9 haemoglobin"),
        pytest.param(Analyte.SERUM_MPROTEIN, 30.0, "30 g/L", "3 g/dL", id="§9 M-protein"),
        pytest.param(Analyte.ALBUMIN, 35.0, "35 g/L", "3.5 g/dL", id="§9 albumin"),
        pytest.param(Analyte.FLC_KAPPA, 100.0, "100 mg/L", "10 mg/dL", id="§9 FLC"),
        pytest.param(Analyte.VITAMIN_D, 74.88, "74.88 nmol/L", "30 ng/mL", id="§9 vitamin D"),
        pytest.param(Analyte.B2M, 5.5, "5.5 mg/L", "5.5 mg/L", id="§9 β2-microglobulin"),
        pytest.param(Analyte.URINE_MPROTEIN, 12345.0, "12345 mg/24 h", "12345 mg/24 h", id="urine"),
    ],
)
def test_a_quantity_is_shown_in_the_unit_system_asked_for(
    analyte: Analyte, si: float, shown_si: str, shown_conventional: str
) -> None:
    value = Quantity(analyte, si)
    assert i18n.format_value(value, UnitSystem.SI) == shown_si
    assert i18n.format_value(value, UnitSystem.CONVENTIONAL) == shown_conventional


def test_a_message_with_quantities_renders_converted(built: None) -> None:
    calcium = Quantity(Analyte.CALCIUM, 2.75)
    message = msg(
        "alert.hypercalcaemia.above",
        value=Quantity(Analyte.CALCIUM, 2.8),
        date=DAY,
        basis="total",
        uln=Quantity(Analyte.CALCIUM, 2.6),
        limit=calcium,
    )
    i18n.install(None, "en")
    conventional = i18n.render(message, UnitSystem.CONVENTIONAL)
    assert "above 11.02 mg/dL" in conventional
    assert "mmol/L" not in conventional
    assert "above 2.75 mmol/L" in i18n.render(message, UnitSystem.SI)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (2.0, "2"),
        (176.8, "176.8"),
        (73.8123, "73.81"),
        (12345.6, "12346"),
        (0.0123, "0.0123"),
        (1e-5, "10⁻⁵"),
        (2e-6, "2×10⁻⁶"),
        (-1.5, "-1.5"),
        (9.99951e-4, "10⁻³"),  # the mantissa rounded up to the next power
        (5e-324, "4.941×10⁻³²⁴"),  # the least float: 10**-324 is 0.0, no divisor
    ],
)
def test_numbers_keep_four_significant_digits_without_exponents(value: float, shown: str) -> None:
    assert i18n.format_number(value) == shown


# --- Codes -----------------------------------------------------------------------------


def _code_lists() -> list[tuple[str, type[StrEnum]]]:
    enums = [
        (name, enum)
        for name, enum in inspect.getmembers(codes, inspect.isclass)
        if issubclass(enum, StrEnum) and enum.__module__ == codes.__name__
    ]
    return [*enums, ("Status", Status), ("Severity", Severity)]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("name", "enum"), _code_lists(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_code_has_a_label(lang: str, name: str, enum: type[StrEnum]) -> None:
    labels = finished_texts(i18n.CODES_CONTEXT, lang)
    kind = i18n.SEX_CODE if enum is codes.Sex else None
    assert [member.value for member in enum if (member.value, kind) not in labels] == []


def test_the_catalogue_check_finds_nothing_missing() -> None:
    """Every message id, care item and code the rules may show, and the list separator,
    have an English text and a finished Chinese one with the same placeholders."""
    assert _script("messages_catalogue").all_problems() == []


def test_the_catalogue_check_finds_what_is_missing_or_wrong(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check above can fail: an English text missing or with other placeholders, an
    English label not needed, each reported."""
    check = _script("messages_catalogue")
    messages = dict(english.MESSAGES)
    del messages["bta.off"]
    messages["bta.stopped"] = "Bone-targeted therapy stopped on {day}."
    monkeypatch.setattr(english, "MESSAGES", messages)
    monkeypatch.setattr(english, "CODES", {**english.CODES, "no_such_code": "nothing"})
    assert check.all_problems() == [
        "mmtracker/english.py: messages: no English text: 'bta.off'",
        "mmtracker/english.py: messages: placeholders differ from ['date']: 'bta.stopped'",
        "mmtracker/english.py: codes: not needed: 'no_such_code'",
    ]


def test_the_catalogue_check_finds_chinese_placeholders_unlike_the_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    check = _script("messages_catalogue")
    monkeypatch.setattr(english, "ITEMS", {**english.ITEMS, "bta.start": "Start {agent}"})
    path = check.catalogue_path(check.ITEMS, "zh_CN")
    assert check.problems(check.ITEMS, "zh_CN", check.read_catalogue(path)) == [
        "placeholders differ from ['agent']: 'bta.start'"
    ]


def test_codes_spelled_alike_are_told_apart_by_their_kind(built: None) -> None:
    i18n.install(None, "zh_CN")
    assert i18n.code_label("M", i18n.SEX_CODE) == "男"
    assert i18n.code_label("M").startswith("M（MRI")
    i18n.install(None, "en")
    assert i18n.code_label("M", i18n.SEX_CODE) == "male"


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", "C (hypercalcaemia), A (anaemia)"),
        ("zh_CN", "C（高钙血症）、A（贫血）"),
    ],
)
def test_a_list_of_codes_shows_each_label_with_the_languages_separator(
    built: None, lang: str, shown: str
) -> None:
    i18n.install(None, lang)
    assert i18n.format_value("C, A") == shown


def test_text_with_commas_that_is_not_a_list_of_codes_is_shown_as_it_is(built: None) -> None:
    i18n.install(None, "zh_CN")
    assert i18n.format_value(TTP_SOURCE) == TTP_SOURCE
    assert i18n.format_value("serum_m_protein") == "血清 M 蛋白"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_care_item_has_a_title(lang: str) -> None:
    from mmtracker.logic.items import ITEM_ORDER

    titles = finished_texts(i18n.ITEMS_CONTEXT, lang)
    assert set(titles) == {(item_id, None) for item_id in ITEM_ORDER}


# --- English without any catalogue -----------------------------------------------------


@pytest.fixture
def no_catalogues(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """The translations folder is an empty folder (an install without any .qm)."""
    monkeypatch.setattr(i18n, "CATALOGUES", tmp_path)
    yield
    i18n.install(None, "en")


def test_english_renders_from_the_source_text_with_no_catalogue(no_catalogues: None) -> None:
    assert i18n.install(None, "en")
    message = msg(
        "dental.periodic.due", last=dt.date(2026, 3, 2), months=6, agent="zoledronic_acid"
    )
    assert i18n.render(message) == (
        "Last dental check 2026-03-02; every 6 months while on zoledronic acid."
    )
    assert i18n.item_title("dental.periodic") == english.ITEMS["dental.periodic"]
    assert i18n.code_label("M", i18n.SEX_CODE) == "male"
    assert i18n.format_value("C, A") == "C (hypercalcaemia), A (anaemia)"


def test_a_language_without_its_catalogue_falls_back_to_english_not_to_ids(
    no_catalogues: None,
) -> None:
    assert not i18n.install(None, "zh_CN")
    problems = [
        text
        for key in MESSAGE_PARAMS
        if (text := i18n.render(sample(key))) == key or key in text or CJK.search(text)
    ]
    assert problems == []
    assert i18n.item_title("workup.staging") == "Staging work-up"
