"""Translations from Qt ``.qm`` catalogues, for widgets, reports and the command line (QtCore only).

The catalogues are built from ``resources/translations/*.ts`` by
``scripts/build_translations.py``. A missing catalogue is not an error: the
text then stays in English, the language of the sources.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mmtracker.config import RESOURCES

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
