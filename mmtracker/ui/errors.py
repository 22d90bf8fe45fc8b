"""An error nobody caught, told to the user instead of only to a terminal nobody reads.

Qt calls a slot that raises, prints the traceback and goes on: a panel would stay blank
with no word said. :func:`install` makes every such error a message in the window and a
line in the error log of the data folder. Saves are single transactions, so a failure
leaves nothing half-written; the message says so.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

_showing = False  # one message at a time: an error in a repaint would repeat forever


def error_log_path() -> str:
    """The file each uncaught error is appended to."""
    from mmtracker.config import paths

    return str(paths().data / "errors.log")


def report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Write the error to standard error and the log; say it in the window."""
    global _showing
    text = "".join(traceback.format_exception(kind, error, tb))
    if sys.__stderr__ is not None:  # a windowed program on Windows has none
        sys.__stderr__.write(text)
    log = error_log_path()
    try:
        Path(log).parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"--- {dt.datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}\n{text}")
    except OSError:
        log = ""
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        QMessageBox.critical(
            QApplication.activeWindow(),
            QCoreApplication.translate("Errors", "Something went wrong"),
            QCoreApplication.translate(
                "Errors",
                "{error}\n\nWhat is shown may be incomplete. Nothing was saved in part: "
                "every save is whole or not at all. The details are in {log}.",
            ).format(error=f"{kind.__name__}: {error}", log=log or "standard error"),
        )
    finally:
        _showing = False


def install() -> None:
    """Report every error no code caught (:func:`report`)."""
    sys.excepthook = report
