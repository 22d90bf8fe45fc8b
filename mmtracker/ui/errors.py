"""An error nobody caught, told to the user instead of only to a terminal nobody reads.

Qt calls a slot that raises, prints the traceback and goes on: a panel would stay blank
with no word said. :func:`install` makes every such error a message in the window and an
entry in the error log of the data folder (:mod:`mmtracker.error_log`: its traceback, no
patient data). Saves are single transactions, so a failure leaves nothing half-written;
the message says so.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from mmtracker.error_log import log_error

_showing = False  # one message at a time: an error in a repaint would repeat forever
_boxes: list[QMessageBox] = []  # the box shown, kept alive (it may have no parent)


def report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Write the error to standard error and the log; say it in the window."""
    global _showing
    if sys.__stderr__ is not None:  # a windowed program on Windows has none
        sys.__stderr__.write("".join(traceback.format_exception(kind, error, tb)))
    try:
        log = str(log_error("mmtracker (the window)", error.with_traceback(tb)))
    except OSError:
        log = ""
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Errors", "Something went wrong"),
        QCoreApplication.translate(
            "Errors",
            "{error}\n\nWhat is shown may be incomplete. Nothing was saved in part: "
            "every save is whole or not at all. The details are in {log}.",
        ).format(
            error=f"{kind.__name__}: {error}",
            log=log or QCoreApplication.translate("Errors", "the program's error output"),
        ),
        QMessageBox.StandardButton.Ok,
        QApplication.activeWindow(),
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(_shown)
    _boxes.append(box)
    box.open()  # not exec(): no event loop of its own inside whatever raised


def _shown(_result: int) -> None:
    global _showing
    _showing = False
    _boxes.clear()


def install() -> Callable[..., object]:
    """Report every error no code caught (:func:`report`); the hook it replaced, to put
    back when the window closes."""
    previous = sys.excepthook
    sys.excepthook = report
    return previous
