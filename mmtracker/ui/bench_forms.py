"""The forms' figures of ``mmtracker bench`` (issue 10), timed in the window's process on an
open patient; every entry written is deleted again, so the bench's database stays as it was.

- each kind's form opened (shown and painted), and the lab panel;
- one weight saved through its form, re-assessment included, until the form has closed;
- a lab panel of six analytes from opening to saved, typing simulated, beside the same
  six results saved one by one through the storage services alone (the floor).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from mmtracker.logic.codes import Analyte
from mmtracker.logic.history import ENTRY_KINDS
from mmtracker.ui.forms.entry_dialog import EntryDialog, FormContext
from mmtracker.ui.forms.lab_panel import LabPanelDialog
from mmtracker.ui.patient.entries_panel import FORMLESS

if TYPE_CHECKING:
    from mmtracker.ui.patient.view import PatientView

PANEL_VALUES: tuple[tuple[Analyte, float], ...] = (
    (Analyte.SERUM_MPROTEIN, 12.0),
    (Analyte.FLC_KAPPA, 240.0),
    (Analyte.FLC_LAMBDA, 12.0),
    (Analyte.CALCIUM, 2.4),
    (Analyte.ALBUMIN, 38.0),
    (Analyte.CREATININE, 90.0),
)
REASON = "bench: measured, removed again"


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _until_closed(dialog: QDialog) -> None:
    """Wait until the dialog has closed (its save written, off the GUI thread)."""
    loop = QEventLoop()
    dialog.finished.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)  # a save that never ends is not waited for
    loop.exec()


def _opened(make: Callable[[], QDialog]) -> float:
    started = time.perf_counter()
    dialog = make()
    dialog.show()
    _settle()
    took = time.perf_counter() - started
    dialog.done(0)
    dialog.deleteLater()
    _settle()
    return took


def _remove_added(context: FormContext, before: set[str]) -> None:
    """Delete the lab results and weights this bench added to the patient."""
    from mmtracker.storage import services
    from mmtracker.storage.loaders import load_history

    history = load_history(context.engine, context.patient_id)
    for kind in ("weights", "lab_results"):
        for entry in getattr(history, kind):
            if entry.id not in before:
                version = services.entry_version(context.engine, kind, entry.id)
                services.delete_entry(
                    context.engine, kind, entry.id, version, "bench", reason=REASON
                )


def _read_again(view: PatientView) -> FormContext:
    """The view's form context once it has read the patient as the database now holds it."""
    from mmtracker.storage.services import patient_revision

    context = view.form_context()
    assert context is not None
    now = patient_revision(context.engine, context.patient_id)
    view.reload()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        data = view.data()
        if data is not None and data.revision == now and not view.reading():
            break
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    found = view.form_context()
    assert found is not None
    return found


def time_forms(view: PatientView) -> dict[str, Any]:
    """The forms' figures on the open patient ``view`` (see the module's docstring)."""
    from mmtracker.storage import services
    from mmtracker.storage.loaders import load_history
    from mmtracker.storage.state import updater

    first, data = view.form_context(), view.data()
    assert first is not None
    assert data is not None
    context: FormContext = first
    history = load_history(context.engine, context.patient_id)
    before = {e.id for kind in ("weights", "lab_results") for e in getattr(history, kind)}
    opened = {
        kind: _opened(partial(EntryDialog, kind, context, None, view))
        for kind in ENTRY_KINDS
        if kind not in FORMLESS
    }
    opened["lab panel"] = _opened(partial(LabPanelDialog, context, data.history, view))

    started = time.perf_counter()
    form = EntryDialog("weights", context, None, view)
    form.show()
    form.editors["weight_kg"].set_value(70.5)
    form.save()
    _until_closed(form)
    saved = time.perf_counter() - started
    context = _read_again(view)

    hook = updater(context.today, context.policy)
    floor_started = time.perf_counter()
    for analyte, value in PANEL_VALUES:
        services.add_entry(
            context.engine,
            context.patient_id,
            "lab_results",
            _result(analyte, value, context),
            "bench",
            context.today,
            hook,
        )
    floor = time.perf_counter() - floor_started
    _remove_added(context, before)
    context = _read_again(view)

    started = time.perf_counter()
    panel = LabPanelDialog(context, data.history, view)
    panel.show()
    _settle()
    for analyte, value in PANEL_VALUES:
        panel.row(analyte).value.set_value(value)  # each value checked as typed
    panel.save()
    _until_closed(panel)
    lab_panel = time.perf_counter() - started
    _remove_added(context, before)
    return {
        "form opened": opened,
        "form opened median": statistics.median(opened.values()),
        "entry saved through its form": saved,
        "lab panel of six, opened to saved": lab_panel,
        "six saves through the services": floor,
    }


def _result(analyte: Analyte, value: float, context: FormContext) -> dict[str, Any]:
    from mmtracker.logic.units import canonical_unit

    found: dict[str, Any] = {
        "date": context.today.isoformat(),
        "analyte": analyte.value,
        "value": value,
        "unit": canonical_unit(analyte),
    }
    if analyte is Analyte.CALCIUM:
        found["calcium_kind"] = "total"
    return found
