"""What every printed document shares: the page (A4 or Letter), its header and footer with
"page N of M", the paragraph styles, tables that split cleanly across pages, figures
placed at 200 dpi, and the file written whole or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from mmtracker.reports.pdf_fonts import Fonts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN = 16 * mm
HEADER_SPACE = 20 * mm  # the running header above the frame
FOOTER_SPACE = 12 * mm
FIGURE_DPI = 200
GRID = colors.HexColor("#b0b0b0")
HEAD_FILL = colors.HexColor("#e8e8e8")
ABNORMAL = colors.HexColor("#b00020")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of a document, in its fonts."""

    fonts: Fonts
    body: ParagraphStyle
    small: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    marked_cell: ParagraphStyle
    head_cell: ParagraphStyle

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain ``text`` (escaped, each run in a font that has its glyphs)."""
        return Paragraph(self.fonts.markup(text), style or self.body)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        marked: Sequence[tuple[int, int]] = (),
    ) -> Table:
        """A table of text, its header repeated on every page it spans; ``marked`` cells
        (column, row of ``rows``) in the abnormal colour."""
        red = set(marked)
        data = [[self.p(h, self.head_cell) for h in header]]
        data += [
            [
                self.p(cell, self.marked_cell if (c, r) in red else self.cell)
                for c, cell in enumerate(row)
            ]
            for r, row in enumerate(rows)
        ]
        table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
        style: list[Any] = [
            ("FONT", (0, 0), (-1, -1), self.fonts.base),  # a cell sets it (else Helvetica)
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        table.setStyle(TableStyle(style))
        return table


def styles_for(fonts: Fonts) -> Styles:
    """The styles of a document set in ``fonts``."""
    body = ParagraphStyle("body", fontName=fonts.base, fontSize=9, leading=12)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    return Styles(
        fonts=fonts,
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=fonts.bold,
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=True,
        ),
        cell=cell,
        marked_cell=ParagraphStyle("marked", parent=cell, textColor=ABNORMAL),
        head_cell=ParagraphStyle("head", parent=body, fontName=fonts.bold, fontSize=8, leading=10),
    )


class _Pixels(Flowable):
    """An image of drawn pixels, printed ``width`` × ``height`` points."""

    def __init__(self, image: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self._image, self.width, self.height = image, width, height

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self._image, 0, 0, self.width, self.height)


def figure_image(figure: Figure, width: float, height: float | None = None) -> Flowable:
    """A matplotlib figure as a 200-dpi image printed at its own size: ``width`` points wide
    (``height`` points high, else its own height), so that its text prints at the size the
    figure module gives it. The pixels go to the PDF as drawn (no PNG between)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image as Pixels

    _wide, inches_high = figure.get_size_inches()
    if height is None:
        height = float(inches_high) * 72
    figure.set_size_inches(width / 72, height / 72)
    figure.set_dpi(FIGURE_DPI)
    canvas = FigureCanvasAgg(figure)
    rgba, size = canvas.print_to_buffer()  # type: ignore[no-untyped-call]  # unannotated
    image = Pixels.frombuffer("RGBA", size, rgba, "raw", "RGBA", 0, 1).convert("RGB")
    return _Pixels(ImageReader(image), width, height)


@dataclass(frozen=True)
class Page:
    """What every page carries: the header's lines, the footer's, "page N of M"."""

    header_left: str  # the clinic, the document
    header_right: str  # its date
    header_line: str  # the patient's identifiers, or the list's day and filters
    footer: str  # the confidentiality line
    page_of: str  # "Page {page} of {pages}"


def _canvas_class(page: Page, styles: Styles, paper: tuple[float, float]) -> type[Canvas]:
    """A canvas that holds its pages until the end, to print "page N of M" on each."""

    class Numbered(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # ReportLab names it
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # ReportLab's page reset, unstubbed

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = paper
            inner = width - 2 * MARGIN
            top = height - MARGIN
            for text, style, y in (
                (page.header_left, styles.heading, top),
                (page.header_line, styles.body, top - 7 * mm),
            ):
                para = styles.p(text, style)
                _, used = para.wrap(inner * 0.75 if y == top else inner, 20 * mm)
                para.drawOn(self, MARGIN, y - used)
            self.setFont(styles.fonts.base, 9)  # a date and "page N of M": the base font's
            self.drawRightString(width - MARGIN, top - 10, page.header_right)
            self.setStrokeColor(GRID)
            rule = top - HEADER_SPACE + 4 * mm
            self.line(MARGIN, rule, width - MARGIN, rule)
            rule = MARGIN + FOOTER_SPACE - 3 * mm
            self.line(MARGIN, rule, width - MARGIN, rule)
            footer = styles.p(page.footer, styles.small)
            footer.wrap(inner * 0.75, FOOTER_SPACE)
            footer.drawOn(self, MARGIN, MARGIN)
            self.setFont(styles.fonts.base, 8)
            self.drawRightString(
                width - MARGIN, MARGIN + 2, page.page_of.format(page=number, pages=total)
            )

    return Numbered


def write_pdf(
    out: BinaryIO,
    story: Sequence[Flowable],
    page: Page,
    styles: Styles,
    paper: str,
    title: str,
) -> None:
    """Lay ``story`` out on pages of ``paper`` (a4, letter) and write the PDF to ``out``."""
    size = PAPERS[paper]
    rl_config.useA85 = 0  # binary streams: ASCII85 (pure Python here) only makes them larger
    document = SimpleDocTemplate(
        out,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_SPACE,
        bottomMargin=MARGIN + FOOTER_SPACE,
        title=title,
        # its own font from the start: ReportLab's default, Helvetica, is never embedded
        initialFontName=styles.fonts.base,
        initialFontSize=9,
        author="mmtracker",
        creator="mmtracker",
    )
    document.build(list(story), canvasmaker=_canvas_class(page, styles, size))


def frame_width(paper: str) -> float:
    """The width of the text on a page of ``paper``, in points."""
    return float(PAPERS[paper][0]) - 2 * MARGIN


def frame_height(paper: str) -> float:
    """The height of the text on a page of ``paper``, in points."""
    return float(PAPERS[paper][1]) - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE
