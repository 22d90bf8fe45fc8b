"""The clinic day's worklist on paper: each patient's items together, a box to tick each.

The texts are the worklist table's own (:func:`mmtracker.worklist_output.item_cells`):
this module lays them out, patients in the order of their most pressing item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from mmtracker.i18n import language
from mmtracker.reports.pdf_fonts import fonts_for
from mmtracker.reports.pdf_layout import Page, frame_width, styles_for, write_pdf

TICK_BOX = "☐"
STATUS_COLUMN = 3  # the box, the family, the item, then the status


@dataclass
class PatientItems:
    """One patient of the list, and each item's texts (family, item, status, due, days
    overdue, rationale) with whether it is overdue or urgent (its status in red)."""

    mrn: str
    name: str
    phase: str
    items: list[tuple[list[str], bool]]


@dataclass(frozen=True)
class WorklistPage:
    """What the list's header says: its day and filters, in which language and paper."""

    day: dt.date
    filters: str
    lang: str = "en"
    paper: str = "a4"
    clinic: str = ""


def write_worklist_pdf(
    out: BinaryIO, headers: Sequence[str], patients: Sequence[PatientItems], page: WorklistPage
) -> None:
    """Write the worklist of ``patients`` (``headers``: of the item columns) to ``out``."""
    texts = language(page.lang)
    styles = styles_for(fonts_for(page.lang))
    title = texts.translate("WorklistPdf", "Worklist")
    count = sum(len(p.items) for p in patients)
    frame = Page(
        header_left=" · ".join(t for t in (page.clinic, title) if t),
        header_right=page.day.isoformat(),
        header_line=texts.translate(
            "WorklistPdf", "{items} items of {patients} patients · {filters}"
        ).format(items=count, patients=len(patients), filters=page.filters),
        footer=texts.translate(
            "WorklistPdf",
            "Confidential: patient information. Tick each item once done, and record it in "
            "mmtracker.",
        ),
        page_of=texts.translate("WorklistPdf", "Page {page} of {pages}"),
    )
    width = frame_width(page.paper)
    widths = [w * width for w in (0.04, 0.12, 0.17, 0.09, 0.13, 0.08, 0.37)]
    story: list[Flowable] = []
    if not patients:
        story.append(styles.p(texts.translate("WorklistPdf", "Nothing to show for these filters.")))
    for patient in patients:
        story.append(CondPageBreak(30 * mm))  # a patient's name never alone at a page's foot
        story.append(
            styles.p(
                f"{patient.name} · {patient.mrn}"
                + (f" · {patient.phase}" if patient.phase else ""),
                styles.heading,
            )
        )
        marked = [(STATUS_COLUMN, r) for r, (_, pressing) in enumerate(patient.items) if pressing]
        story.append(
            styles.table(
                ["", *headers],
                [[TICK_BOX, *texts] for texts, _ in patient.items],
                widths,
                marked,
            )
        )
        story.append(Spacer(1, 2 * mm))
    write_pdf(out, story, frame, styles, page.paper, f"{title} {page.day.isoformat()}")
