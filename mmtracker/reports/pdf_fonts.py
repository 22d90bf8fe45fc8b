"""The fonts of the printed documents: TrueType, every one embedded (no standard-14 font).

Latin, Greek and symbols: DejaVu Sans, from matplotlib's own data folder (always present
where the figures can be drawn). Chinese: WenQuanYi Micro Hei (Debian's
``fonts-wqy-microhei``), a TrueType collection ReportLab can embed, unlike Noto CJK's
outlines; ``MMTRACKER_CJK_FONT`` names another file. Text is set in the language's own
font, and each run of characters that font lacks in the other one: a Chinese name in an
English summary, a superscript minus in a Chinese one.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

CJK_FONT_ENV = "MMTRACKER_CJK_FONT"
CJK_FONT_FILES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),  # Debian, Ubuntu
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),  # Fedora
)
LATIN, LATIN_BOLD, CJK = "mm-sans", "mm-sans-bold", "mm-cjk"
_lock = threading.Lock()
_registered: dict[str, TTFont] = {}


class FontMissing(Exception):
    """No font with Chinese glyphs is installed: a Chinese document would print boxes."""


def _latin_folder() -> Path:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        raise FontMissing("matplotlib, whose DejaVu Sans the documents use, is not installed")
    return Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"


def cjk_font_file() -> Path | None:
    """The Chinese font file the documents embed, or None when none is installed."""
    from mmtracker.config import resource_path

    named = os.environ.get(CJK_FONT_ENV)
    candidates = [Path(named)] if named else []
    with contextlib.suppress(RuntimeError):  # a zipped install has no file to embed
        candidates.append(resource_path("fonts", "wqy-microhei.ttc"))  # a frozen build's own
    candidates += CJK_FONT_FILES
    return next((path for path in candidates if path.is_file()), None)


def _register(name: str, path: Path) -> TTFont:
    font = _registered.get(name)
    if font is None:
        font = (
            TTFont(name, str(path), subfontIndex=0)
            if path.suffix == ".ttc"
            else TTFont(name, str(path))
        )
        pdfmetrics.registerFont(font)
        _registered[name] = font
    return font


@dataclass(frozen=True)
class Fonts:
    """The fonts of one document: its own (``base``, ``bold``) and the other (``fallback``)."""

    base: str
    bold: str
    fallback: str
    _glyphs: dict[str, frozenset[int]] = field(repr=False, compare=False)

    def _runs(self, text: str) -> Iterator[tuple[str, str]]:
        """(font, characters) runs: the base font where it has the glyph."""
        own, other = self._glyphs[self.base], self._glyphs[self.fallback]
        current, run = self.base, list[str]()
        for char in text:
            code = ord(char)
            font = self.fallback if code not in own and code in other else self.base
            if font != current and run:
                yield current, "".join(run)
                run = []
            current = font
            run.append(char)
        if run:
            yield current, "".join(run)

    def markup(self, text: str) -> str:
        """``text`` as Paragraph markup: escaped, runs the base font lacks in the other."""
        return "".join(
            escape(run) if font == self.base else f'<font name="{font}">{escape(run)}</font>'
            for font, run in self._runs(text)
        )


def fonts_for(lang: str) -> Fonts:
    """The fonts of a document in ``lang`` (registered once per process).

    Raises :class:`FontMissing` when no Chinese font is installed: a Chinese document, or
    an English one naming a patient in Chinese, would otherwise print empty boxes.
    """
    cjk_file = cjk_font_file()
    if cjk_file is None:
        raise FontMissing(
            "no Chinese font for PDFs: install the package fonts-wqy-microhei, or name a "
            f"TrueType font file in {CJK_FONT_ENV}"
        )
    latin = _latin_folder()
    with _lock:
        regular = _register(LATIN, latin / "DejaVuSans.ttf")
        bold = _register(LATIN_BOLD, latin / "DejaVuSans-Bold.ttf")
        chinese = _register(CJK, cjk_file)
        addMapping(LATIN, 0, 0, LATIN)
        addMapping(LATIN, 1, 0, LATIN_BOLD)
        addMapping(LATIN, 0, 1, LATIN)
        addMapping(LATIN, 1, 1, LATIN_BOLD)
        addMapping(LATIN_BOLD, 0, 0, LATIN_BOLD)
        addMapping(LATIN_BOLD, 1, 0, LATIN_BOLD)
        for bold_flag in (0, 1):  # one face: bold Chinese is set in the same face
            for italic_flag in (0, 1):
                addMapping(CJK, bold_flag, italic_flag, CJK)
        glyphs = {
            LATIN: frozenset(regular.face.charToGlyph),
            LATIN_BOLD: frozenset(bold.face.charToGlyph),
            CJK: frozenset(chinese.face.charToGlyph),
        }
    if lang == "zh_CN":
        return Fonts(CJK, CJK, LATIN, glyphs)
    return Fonts(LATIN, LATIN_BOLD, CJK, glyphs)
