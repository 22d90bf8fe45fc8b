"""Translations from Qt ``.qm`` catalogues, for widgets, reports and the command line (QtCore only).

The catalogues are built from ``resources/translations/*.ts`` by
``scripts/build_translations.py``. A missing catalogue is not an error: the
text then stays in English, the language of the sources.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mmtracker.config import RESOURCES
from mmtracker.logic.messages import Message, ParamValue, Quantity
from mmtracker.logic.units import UnitSystem, display_unit, from_canonical, unit_label

LANGUAGES = ("en", "zh_CN")
CATALOGUES = RESOURCES / "translations"

_active: list[QTranslator] = []  # searched in this order


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
    ``lang`` fall back to the English catalogues, then to the source text.
    Returns False when ``lang`` needs a catalogue and none is built.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    for old in _active:
        QCoreApplication.removeTranslator(old)
    _active.clear()
    _active.extend(_catalogues(lang))
    found = bool(_active) or lang == "en"
    if lang != "en":
        qt_own = QTranslator()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{lang}", qt_folder):
            _active.append(qt_own)
        _active.extend(_catalogues("en"))
    if app is not None:
        for translator in reversed(_active):  # Qt searches the last installed first
            app.installTranslator(translator)
    return found


def translate(context: str, text: str) -> str:
    """``text`` of ``context`` in the installed language; the text itself when untranslated."""
    for translator in _active:
        found = translator.translate(context, text)
        if found:
            return found
    return text


MESSAGES_CONTEXT = "messages"
CODES_CONTEXT = "codes"


def code_label(code: str) -> str:
    """The display label of a code (a phase, agent, analyte, response category …)."""
    return translate(CODES_CONTEXT, code)


def format_value(value: ParamValue, units: UnitSystem = UnitSystem.SI) -> str:
    """One message parameter as text: dates ISO, numbers without trailing zeros,
    quantities converted to the unit system with their unit, codes by their label."""
    if value is None:
        return "—"
    if isinstance(value, Quantity):
        unit = display_unit(value.analyte, units)
        shown = from_canonical(value.analyte, value.si, unit)
        return f"{shown:.4g} {unit_label(unit)}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, int):
        return str(value)
    return code_label(value)


def render(message: Message, units: UnitSystem = UnitSystem.SI) -> str:
    """A rationale message as a sentence in the installed language."""
    template = translate(MESSAGES_CONTEXT, message.id)
    params = {name: format_value(value, units) for name, value in message.params}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return f"{message.id} {params}"  # a catalogue fault shows the raw message, never crashes
