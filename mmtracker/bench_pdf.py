"""The printed documents' speed, for ``mmtracker bench``: one visit summary beside its floor,
and a batch of summaries on every core.

The floor is measured in the same process as the summary, alternating with it: the same
figures drawn by matplotlib alone and saved at the same resolution, plus a bare ReportLab
document of as many pages (its own text and standard font, no tables). The summary may
take 1.5 times that, and 1 s (the issue's budget).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mmtracker.bench import BATCH

_PAGE = re.compile(rb"/Type /Page\b(?!s)")


def _request(patient_id: int, as_of: dt.date) -> Any:
    from mmtracker.config import database_url, load_policy
    from mmtracker.pdf_export import Layout, summary_request
    from mmtracker.workflows import open_engine

    engine = open_engine(database_url(None))
    try:
        return summary_request(engine, patient_id, as_of, load_policy(None), Layout())
    finally:
        engine.dispose()


def _summary(request: Any) -> tuple[float, int]:
    from mmtracker.reports.visit_summary import write_visit_summary

    out = io.BytesIO()
    started = time.perf_counter()
    write_visit_summary(request, out)
    seconds = time.perf_counter() - started
    return seconds, len(_PAGE.findall(out.getvalue()))


def _floor(request: Any, pages: int) -> float:
    """The figures alone (matplotlib, 200 dpi) and a bare document of ``pages`` pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from mmtracker.reports.pdf_layout import FIGURE_DPI, frame_width
    from mmtracker.reports.visit_summary import timeline, trend_figure

    started = time.perf_counter()
    width = frame_width(request.paper) / 72
    trends, height = trend_figure(request)
    trends.set_size_inches(width, height / 72)
    for figure in (timeline(request), trends):
        figure.savefig(io.BytesIO(), format="png", dpi=FIGURE_DPI)
    style = getSampleStyleSheet()["BodyText"]
    story: list[Any] = []
    for page in range(pages):
        story += [Paragraph(f"Page {page + 1}: " + "text " * 200, style), PageBreak()]
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(story)
    return time.perf_counter() - started


def measure_summary(patient_id: int, as_of: dt.date, runs: int) -> dict[str, Any]:
    """Seconds of each summary and of each floor, alternating, after one of each to warm up."""
    request = _request(patient_id, as_of)
    _, pages = _summary(request)
    _floor(request, pages)
    summaries, floors = [], []
    for _ in range(runs):
        summaries.append(_summary(request)[0])
        floors.append(_floor(request, pages))
    return {"summary": summaries, "floor": floors, "pages": pages}


def measure_batch(as_of: dt.date, count: int = BATCH) -> dict[str, Any]:
    """One batch of ``count`` live patients' summaries on every core, then the same batch in
    one process: the seconds of each and the processes used."""
    from sqlalchemy import select

    from mmtracker.config import database_url, load_policy
    from mmtracker.pdf_export import Layout, write_clinic_day
    from mmtracker.storage.tables import PATIENT
    from mmtracker.workflows import open_engine

    url = database_url(None)
    engine = open_engine(url)
    with engine.connect() as conn:
        ids = list(
            conn.execute(
                select(PATIENT.c.id).where(PATIENT.c.status == "active").order_by(PATIENT.c.id)
            ).scalars()
        )[:count]
    engine.dispose()
    workers = min(len(ids), os.cpu_count() or 1)
    found: dict[str, Any] = {"workers": workers}
    for name, processes in (("seconds", workers), ("one_process", 1)):
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            written = write_clinic_day(
                url, ids, as_of, load_policy(None), Layout(), Path(folder), processes
            )
            found[name] = time.perf_counter() - started
            found["written"] = len(written)
    return found


def main(argv: Sequence[str]) -> int:
    """``summary PATIENT_ID YYYY-MM-DD RUNS`` or ``batch YYYY-MM-DD``: the figures as JSON."""
    if len(argv) == 4 and argv[0] == "summary":
        found = measure_summary(int(argv[1]), dt.date.fromisoformat(argv[2]), int(argv[3]))
    elif len(argv) == 2 and argv[0] == "batch":
        found = measure_batch(dt.date.fromisoformat(argv[1]))
    else:
        sys.stderr.write(
            "usage: python -m mmtracker.bench_pdf summary PATIENT_ID YYYY-MM-DD RUNS\n"
            "       python -m mmtracker.bench_pdf batch YYYY-MM-DD\n"
        )
        return 2
    sys.stdout.write(json.dumps(found) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
