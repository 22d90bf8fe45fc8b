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


def install(app: QCoreApplication | None, lang: str) -> bool:
    """Make ``lang`` the language of :func:`translate` and, given an app, of ``tr()``.

    Replaces any language installed before. Returns False when the application's
    catalogue for ``lang`` is missing (English is then used).
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    for old in _active:
        QCoreApplication.removeTranslator(old)
    _active.clear()
    found = True
    if lang != "en":
        ours = QTranslator()
        found = ours.load(f"mmtracker_{lang}", str(CATALOGUES))
        if found:
            _active.append(ours)
        qt_own = QTranslator()
        if qt_own.load(
            f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            _active.append(qt_own)
    english = QTranslator()
    if english.load("mmtracker_en", str(CATALOGUES)):
        _active.append(english)
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
