"""The printed documents from a database: one patient's visit summary, the clinic day's
summaries (every core at work), and the worklist; each file written whole or not at all.

The documents themselves are :mod:`mmtracker.reports`'; this module reads what they show
(the history, its assessment, the worklist rows) and checks what was asked first: an
unknown MRN, a day before the patient was born, a folder that is not there or cannot be
written get a clear message and no file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mmtracker.logic.care import Severity, Status
from mmtracker.logic.policy import Policy
from mmtracker.logic.units import UnitSystem

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.reports.visit_summary import SummaryRequest
    from mmtracker.storage.worklist import WorklistRow


class ExportRefused(Exception):
    """What was asked cannot be printed; the message says why (nothing was written)."""


@dataclass(frozen=True)
class Layout:
    """How a document is printed."""

    lang: str = "en"
    paper: str = "a4"
    units: UnitSystem = UnitSystem.SI
    clinic: str = ""


def writable_folder(folder: Path, option: str) -> None:
    """Refuse a folder that does not exist or cannot be written, naming the option."""
    if not folder.is_dir():
        raise ExportRefused(f"{option}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportRefused(f"{option}: the folder {folder} cannot be written")


def summary_request(
    engine: Engine, patient_id: int, as_of: dt.date, policy: Policy, layout: Layout
) -> SummaryRequest:
    """What the summary of one patient as of ``as_of`` shows (read and assessed now)."""
    from mmtracker.logic.assessment import assess
    from mmtracker.logic.bta import bta_state
    from mmtracker.logic.context import Context
    from mmtracker.reports.visit_summary import SummaryRequest
    from mmtracker.storage.loaders import load_history

    history = load_history(engine, patient_id)
    born = history.patient.date_of_birth
    if as_of < born:
        raise ExportRefused(
            f"--as-of: {as_of} is before the patient's date of birth {born}; "
            "a summary is of a day in the patient's life"
        )
    return SummaryRequest(
        history,
        assess(history, as_of, policy),
        bta_state(Context(history, as_of, policy)),
        policy,
        clinic=layout.clinic,
        lang=layout.lang,
        paper=layout.paper,
        units=layout.units,
    )


def write_summary(request: SummaryRequest, out: Path) -> None:
    """Write one visit summary to ``out`` (whole or not at all)."""
    from mmtracker.files import write_atomically
    from mmtracker.reports.visit_summary import write_visit_summary

    write_atomically(out, lambda stream: write_visit_summary(request, stream))


def worklist_name(day: dt.date) -> str:
    """The file name of a printed worklist."""
    return f"worklist-{day.isoformat()}.pdf"


def summary_name(mrn: str, as_of: dt.date) -> str:
    """The file name of a summary: the MRN (its characters safe in a file name) and day."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in mrn)
    return f"visit-summary-{safe}-{as_of.isoformat()}.pdf"


# --- the clinic day: every summary, on every core ---------------------------------------

_engines: dict[str, Engine] = {}


def _one_of_the_day(
    url: str, patient_id: int, as_of: dt.date, policy: Policy, layout: Layout, folder: str
) -> str:
    """Write one summary of the clinic day (in a worker process); its file's path."""
    from mmtracker.storage.engine import make_engine

    engine = _engines.get(url)
    if engine is None:
        engine = _engines[url] = make_engine(url)
    request = summary_request(engine, patient_id, as_of, policy, layout)
    out = Path(folder) / summary_name(request.history.patient.mrn, as_of)
    write_summary(request, out)
    return str(out)


def clinic_day_patients(engine: Engine, day: dt.date) -> list[int]:
    """The patients whose next visit is ``day`` (booked at their last visit), still in care."""
    from mmtracker.logic.codes import PatientStatus
    from mmtracker.storage.patient_list import read_patient_list
    from mmtracker.storage.sql import engine_fetch

    with engine.connect() as conn:
        rows = read_patient_list(engine_fetch(conn), day)
    return [r.patient_id for r in rows if r.next_visit == day and r.status is PatientStatus.ACTIVE]


def write_clinic_day(
    url: str,
    patient_ids: Sequence[int],
    as_of: dt.date,
    policy: Policy,
    layout: Layout,
    folder: Path,
    workers: int | None = None,
) -> list[str]:
    """The summaries of ``patient_ids`` into ``folder``, one process per core; their paths."""
    if not patient_ids:
        return []
    count = min(len(patient_ids), workers or os.cpu_count() or 1)
    if count == 1:
        return [
            _one_of_the_day(url, pid, as_of, policy, layout, str(folder)) for pid in patient_ids
        ]
    with ProcessPoolExecutor(max_workers=count) as pool:
        futures = [
            pool.submit(_one_of_the_day, url, pid, as_of, policy, layout, str(folder))
            for pid in patient_ids
        ]
        return [future.result() for future in futures]


# --- the worklist ----------------------------------------------------------------------


def write_worklist(
    rows: Sequence[WorklistRow], day: dt.date, filters: str, layout: Layout, out: Path
) -> None:
    """The worklist ``rows`` as a PDF, each patient's items together, the patients in the
    order of their most pressing item (whole or not at all)."""
    from mmtracker.files import write_atomically
    from mmtracker.reports.worklist_pdf import PatientItems, WorklistPage, write_worklist_pdf
    from mmtracker.worklist_output import item_cells

    headers, cells = item_cells(rows, layout.lang)
    groups: dict[str, PatientItems] = {}
    for row, shown in zip(rows, cells, strict=True):
        group = groups.get(row.mrn)
        if group is None:
            group = groups[row.mrn] = PatientItems(row.mrn, row.name, shown.phase, [])
        item = row.item
        pressing = item.status is Status.OVERDUE or (
            item.status is Status.ALERT and item.severity is Severity.URGENT
        )
        group.items.append((shown.texts, pressing))
    page = WorklistPage(day, filters, layout.lang, layout.paper, layout.clinic)
    write_atomically(
        out, lambda stream: write_worklist_pdf(stream, headers, list(groups.values()), page)
    )
