"""Translations from Qt ``.qm`` catalogues, for widgets, reports and the command line (QtCore only).

English is the source language and needs no catalogue: the window's texts are
English in the sources, and the English texts of message ids, care-item titles
and codes are in :mod:`mmtracker.english`. The Chinese catalogues are the package
data ``mmtracker.resources`` (``translations/*_zh_CN.qm``), compiled from the
``.ts`` sources when the wheel is built or by ``scripts/build_translations.py`` in
a checkout. A missing catalogue is not an error: the text then stays in English.

A :class:`Language` renders texts in one language (``language("zh_CN").render(message)``);
the module functions render in the language :func:`install` made the application's.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mmtracker import english
from mmtracker.config import resource_path
from mmtracker.logic.messages import Message, ParamValue, Quantity
from mmtracker.logic.units import UnitSystem, display_unit, from_canonical, unit_label

if TYPE_CHECKING:  # QtCore is loaded where a catalogue is (English output needs none)
    from PySide6.QtCore import QCoreApplication, QTranslator

SOURCE_LANGUAGE = "en"
LANGUAGES = (SOURCE_LANGUAGE, "zh_CN")
CATALOGUES = resource_path("translations")


def system_language() -> str:
    """The supported language closest to the system locale: zh_CN for any Chinese locale."""
    from PySide6.QtCore import QLocale

    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


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
# A language's lookups kept for the next time: emptied when it holds this many texts
# (message parameters may be free text).
_FOUND_MAX = 20_000


def _english(context: str, key: str, disambiguation: str | None) -> str | None:
    """The English text of a message id, care item or code; None for any other text."""
    if context == CODES_CONTEXT and disambiguation is not None:
        return english.CODES_OF_KIND.get(disambiguation, {}).get(key)
    texts = _ENGLISH.get(context)
    return None if texts is None or disambiguation is not None else texts.get(key)


# Numbers below this are written as a power of ten (an MRD sensitivity of 10⁻⁵).
_POWER_OF_TEN_BELOW = 1e-3
SIGNIFICANT_DIGITS = 4
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def capitalised(text: str) -> str:
    """``text`` with a Latin first letter made capital; a Greek β stays β (not Β, read as B)."""
    return text[:1].upper() + text[1:] if text[:1].isascii() else text


def format_number(value: float) -> str:
    """A number to 4 significant digits without trailing zeros, never in exponent form.

    Digits before the point are never rounded away (12345.6 → 12346); numbers
    below 0.001 are written as a power of ten (0.00001 → 10⁻⁵, 0.00002 → 2×10⁻⁵).
    """
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    magnitude = math.floor(math.log10(abs(value)))
    if abs(value) < _POWER_OF_TEN_BELOW:
        # Python's own exponent form rounds the mantissa (9.9995e-4 → 1.000e-03) and never
        # divides by a power of ten, which is 0.0 below 1e-323.
        mantissa_text, exponent = f"{value:.{SIGNIFICANT_DIGITS - 1}e}".split("e")
        mantissa, magnitude = float(mantissa_text), int(exponent)
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


@dataclass(frozen=True, eq=False)
class Language:
    """A language to render texts in, with its loaded catalogues (searched in order).

    Made by :func:`language`. Rendering in a language never touches the translators
    installed in the application: a report or an export in English leaves a Chinese
    window Chinese. Texts missing from the catalogues fall back to English
    (:mod:`mmtracker.english`, else the source text).
    """

    code: str
    translators: tuple[QTranslator, ...] = ()
    # False when the language needs a catalogue and none is built.
    available: bool = True
    # (context, text, disambiguation) -> what the catalogues give
    _found: dict[tuple[str, str, str | None], str | None] = field(
        default_factory=dict, init=False, repr=False
    )

    def _lookup(self, context: str, text: str, disambiguation: str | None) -> str | None:
        """The translation of ``text`` in the catalogues, or None."""
        key = (context, text, disambiguation)
        try:  # one step: another thread may empty the dict meanwhile
            return self._found[key]
        except KeyError:
            pass
        result = None
        for translator in self.translators:
            translated = translator.translate(context, text, disambiguation)
            if translated:
                result = translated
                break
        if len(self._found) >= _FOUND_MAX:
            self._found.clear()
        self._found[key] = result
        return result

    def _text(self, context: str, text: str, disambiguation: str | None = None) -> str | None:
        """``text`` in this language, else in English; None when neither has it."""
        found = self._lookup(context, text, disambiguation)
        return _english(context, text, disambiguation) if found is None else found

    def translate(self, context: str, text: str, disambiguation: str | None = None) -> str:
        """``text`` of ``context`` in this language.

        Falls back to English: the English text of a message id, care-item id or code
        (:mod:`mmtracker.english`), else ``text`` itself (the window's sources are
        English). ``disambiguation`` tells apart two texts spelled alike (the Qt
        Linguist comment).
        """
        found = self._text(context, text, disambiguation)
        return text if found is None else found

    def item_title(self, item_id: str) -> str:
        """The title of a care item of clinical-rules.md §11."""
        return self.translate(ITEMS_CONTEXT, item_id)

    def code_label(self, code: str, kind: str | None = None) -> str:
        """The display label of a code (a phase, agent, analyte, response category …).

        ``kind`` names the code list for codes spelled like another one: ``SEX_CODE``.
        """
        return self.translate(CODES_CONTEXT, code, kind)

    def _code_list(self, value: str) -> list[str] | None:
        """The labels of a comma-separated list of codes; None when an element is not a code."""
        if LIST_SEPARATOR not in value:
            return None
        labels = [self._text(CODES_CONTEXT, code) for code in value.split(LIST_SEPARATOR)]
        if any(label is None for label in labels):
            return None
        return [label for label in labels if label is not None]

    def format_value(self, value: ParamValue, units: UnitSystem = UnitSystem.SI) -> str:
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
        labels = self._code_list(value)
        if labels is not None:
            return self.translate(CODES_CONTEXT, LIST_SEPARATOR).join(labels)
        return self.code_label(value)

    def render(self, message: Message, units: UnitSystem = UnitSystem.SI) -> str:
        """A rationale message as a sentence in this language."""
        template = self.translate(MESSAGES_CONTEXT, message.id)
        params = {name: self.format_value(value, units) for name, value in message.params}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return (
                f"{message.id} {params}"  # a catalogue fault shows the raw message, never crashes
            )


ENGLISH = Language(SOURCE_LANGUAGE)
_installed = ENGLISH
# lang -> (its catalogue files with their modification times and sizes, the language)
_languages: dict[str, tuple[tuple[object, ...], Language]] = {}
_languages_lock = threading.Lock()


def _load(lang: str, catalogues: list[Path]) -> Language:
    """``lang`` with its catalogues loaded, then Qt's own (qtbase) for the window's buttons."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    loaded = []
    for qm in catalogues:
        translator = QTranslator()
        if translator.load(str(qm)):
            loaded.append(translator)
    available = bool(loaded)
    qt_own = QTranslator()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{lang}", qt_folder):
        loaded.append(qt_own)
    return Language(lang, tuple(loaded), available)


def language(lang: str) -> Language:
    """The language ``lang`` (en, zh_CN) with every built catalogue of it (``*_<lang>.qm``).

    Loaded once and kept; loaded anew only when its catalogue files change (a rebuild).
    English, the source language, needs no catalogue. Raises ValueError for a language
    that is not supported.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    if lang == SOURCE_LANGUAGE:
        return ENGLISH
    catalogues = sorted(CATALOGUES.glob(f"*_{lang}.qm"))
    stats = [qm.stat() for qm in catalogues]
    signature = (
        CATALOGUES,
        *((qm.name, s.st_mtime_ns, s.st_size) for qm, s in zip(catalogues, stats, strict=True)),
    )
    with _languages_lock:
        kept = _languages.get(lang)
        if kept is not None and kept[0] == signature:
            return kept[1]
        loaded = _load(lang, catalogues)
        _languages[lang] = (signature, loaded)
        return loaded


def install(app: QCoreApplication | None, lang: str) -> bool:
    """Make ``lang`` the language of :func:`translate` and, given an app, of ``tr()``.

    Replaces any language installed before. Texts missing from the catalogues of
    ``lang`` fall back to English (:mod:`mmtracker.english`, else the source text).
    Returns False when ``lang`` needs a catalogue and none is built. To render a
    document in a language without changing the application's, use :func:`language`.
    """
    from PySide6.QtCore import QCoreApplication

    global _installed
    chosen = language(lang)
    if QCoreApplication.instance() is not None:
        for old in _installed.translators:
            QCoreApplication.removeTranslator(old)
    _installed = chosen
    if app is not None:
        for translator in reversed(chosen.translators):  # Qt searches the last installed first
            app.installTranslator(translator)
    return chosen.available


def installed() -> Language:
    """The language installed by :func:`install` (English until then)."""
    return _installed


def installed_language() -> str:
    """The code of the language installed by :func:`install` (English until then)."""
    return _installed.code


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """``text`` of ``context`` in the installed language (see :meth:`Language.translate`)."""
    return _installed.translate(context, text, disambiguation)


def item_title(item_id: str) -> str:
    """The title of a care item of clinical-rules.md §11, in the installed language."""
    return _installed.item_title(item_id)


def code_label(code: str, kind: str | None = None) -> str:
    """The display label of a code in the installed language (see :meth:`Language.code_label`)."""
    return _installed.code_label(code, kind)


def format_value(value: ParamValue, units: UnitSystem = UnitSystem.SI) -> str:
    """One message parameter as text in the installed language (:meth:`Language.format_value`)."""
    return _installed.format_value(value, units)


def render(message: Message, units: UnitSystem = UnitSystem.SI) -> str:
    """A rationale message as a sentence in the installed language."""
    return _installed.render(message, units)
