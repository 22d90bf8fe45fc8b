"""Translations from Qt ``.qm`` catalogues, for widgets, reports and the command line (QtCore only).

English is the source language and needs no catalogue: the window's texts are
English in the sources, and the English texts of message ids, care-item titles
and codes are in :mod:`mmtracker.english`. The Chinese catalogues are the package
data ``mmtracker.resources`` (``translations/*_zh_CN.qm``), compiled from the
``.ts`` sources when the wheel is built or by ``scripts/build_translations.py`` in
a checkout. A missing catalogue is not an error: the text then stays in English.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mmtracker import english
from mmtracker.config import resource_path
from mmtracker.logic.messages import Message, ParamValue, Quantity
from mmtracker.logic.units import UnitSystem, display_unit, from_canonical, unit_label

SOURCE_LANGUAGE = "en"
LANGUAGES = (SOURCE_LANGUAGE, "zh_CN")
CATALOGUES = resource_path("translations")

_active: list[QTranslator] = []  # searched in this order
# (context, text, disambiguation) -> what the installed catalogues give; emptied by install()
# and when it holds _FOUND_MAX texts (message parameters may be free text).
_found: dict[tuple[str, str, str | None], str | None] = {}
_FOUND_MAX = 20_000


def system_language() -> str:
    """The supported language closest to the system locale: zh_CN for any Chinese locale."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def _catalogues(lang: str) -> list[QTranslator]:
    """Every built catalogue of ``lang`` in the translations folder (``*_<lang>.qm``)."""
    loaded = []
    for qm in sorted(CATALOGUES.glob(f"*_{lang}.qm")):
        translator = QTranslator()
        if translator.load(str(qm)):
            loaded.append(translator)
    return loaded


def install(app: QCoreApplication | None, lang: str) -> bool:
    """Make ``lang`` the language of :func:`translate` and, given an app, of ``tr()``.

    Replaces any language installed before. Texts missing from the catalogues of
    ``lang`` fall back to English (:mod:`mmtracker.english`, else the source text).
    Returns False when ``lang`` needs a catalogue and none is built.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    if QCoreApplication.instance() is not None:
        for old in _active:
            QCoreApplication.removeTranslator(old)
    _active.clear()
    _found.clear()
    if lang == SOURCE_LANGUAGE:
        found = True
    else:
        _active.extend(_catalogues(lang))
        found = bool(_active)
        qt_own = QTranslator()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{lang}", qt_folder):
            _active.append(qt_own)
    if app is not None:
        for translator in reversed(_active):  # Qt searches the last installed first
            app.installTranslator(translator)
    return found


def _lookup(context: str, text: str, disambiguation: str | None = None) -> str | None:
    """The translation of ``text`` in the installed catalogues, or None."""
    key = (context, text, disambiguation)
    if key in _found:
        return _found[key]
    result = None
    for translator in _active:
        found = translator.translate(context, text, disambiguation)
        if found:
            result = found
            break
    if len(_found) >= _FOUND_MAX:
        _found.clear()
    _found[key] = result
    return result


MESSAGES_CONTEXT = "messages"
CODES_CONTEXT = "codes"
ITEMS_CONTEXT = "items"
# The codes catalogues' entry for the separator of a list of codes (", " in English).
LIST_SEPARATOR = ", "
# Codes spelled like another code carry their kind as the catalogue comment: the sex
# "M" is not the SLiM-CRAB "M".
SEX_CODE = "sex"
# The contexts whose texts are keys (ids, codes), with their English texts.
_ENGLISH = {
    MESSAGES_CONTEXT: english.MESSAGES,
    ITEMS_CONTEXT: english.ITEMS,
    CODES_CONTEXT: english.CODES,
}


def _english(context: str, key: str, disambiguation: str | None) -> str | None:
    """The English text of a message id, care item or code; None for any other text."""
    if context == CODES_CONTEXT and disambiguation is not None:
        return english.CODES_OF_KIND.get(disambiguation, {}).get(key)
    texts = _ENGLISH.get(context)
    return None if texts is None or disambiguation is not None else texts.get(key)


def _text(context: str, text: str, disambiguation: str | None = None) -> str | None:
    """``text`` in the installed language, else in English; None when neither has it."""
    found = _lookup(context, text, disambiguation)
    return _english(context, text, disambiguation) if found is None else found


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """``text`` of ``context`` in the installed language.

    Falls back to English: the English text of a message id, care-item id or code
    (:mod:`mmtracker.english`), else ``text`` itself (the window's sources are English).
    ``disambiguation`` tells apart two texts spelled alike (the Qt Linguist comment).
    """
    found = _text(context, text, disambiguation)
    return text if found is None else found


# Numbers below this are written as a power of ten (an MRD sensitivity of 10⁻⁵).
_POWER_OF_TEN_BELOW = 1e-3
SIGNIFICANT_DIGITS = 4
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def item_title(item_id: str) -> str:
    """The title of a care item of clinical-rules.md §11."""
    return translate(ITEMS_CONTEXT, item_id)


def code_label(code: str, kind: str | None = None) -> str:
    """The display label of a code (a phase, agent, analyte, response category …).

    ``kind`` names the code list for codes spelled like another one: ``SEX_CODE``.
    """
    return translate(CODES_CONTEXT, code, kind)


def _code_list(value: str) -> list[str] | None:
    """The labels of a comma-separated list of codes; None when an element is not a code."""
    if LIST_SEPARATOR not in value:
        return None
    labels = [_text(CODES_CONTEXT, code) for code in value.split(LIST_SEPARATOR)]
    if any(label is None for label in labels):
        return None
    return [label for label in labels if label is not None]


def format_number(value: float) -> str:
    """A number to 4 significant digits without trailing zeros, never in exponent form.

    Digits before the point are never rounded away (12345.6 → 12346); numbers
    below 0.001 are written as a power of ten (0.00001 → 10⁻⁵, 0.00002 → 2×10⁻⁵).
    """
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    magnitude = math.floor(math.log10(abs(value)))
    if abs(value) < _POWER_OF_TEN_BELOW:
        mantissa = round(value / 10**magnitude, SIGNIFICANT_DIGITS - 1)
        if abs(mantissa) >= 10:  # 9.9995 rounded up to the next power
            mantissa, magnitude = mantissa / 10, magnitude + 1
        power = f"10{str(magnitude).translate(_SUPERSCRIPT)}"
        if mantissa == 1:
            return power
        if mantissa == -1:
            return f"-{power}"
        return f"{mantissa:g}×{power}"
    decimals = max(0, SIGNIFICANT_DIGITS - 1 - magnitude)
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_value(value: ParamValue, units: UnitSystem = UnitSystem.SI) -> str:
    """One message parameter as text: dates ISO, numbers without trailing zeros,
    quantities converted to the unit system with their unit, codes by their label.

    A comma-separated list of codes is shown as the list of their labels, joined
    by the language's separator ("、" in Chinese); other text is shown as it is.
    """
    if value is None:
        return "—"
    if isinstance(value, Quantity):
        unit = display_unit(value.analyte, units)
        shown = from_canonical(value.analyte, value.si, unit)
        return f"{format_number(shown)} {unit_label(unit)}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_number(value)
    labels = _code_list(value)
    if labels is not None:
        return translate(CODES_CONTEXT, LIST_SEPARATOR).join(labels)
    return code_label(value)


def render(message: Message, units: UnitSystem = UnitSystem.SI) -> str:
    """A rationale message as a sentence in the installed language."""
    template = translate(MESSAGES_CONTEXT, message.id)
    params = {name: format_value(value, units) for name, value in message.params}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return f"{message.id} {params}"  # a catalogue fault shows the raw message, never crashes
