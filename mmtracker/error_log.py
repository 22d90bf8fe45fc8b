"""The error log in the data folder: where an error no code foresaw (a fault of mmtracker)
is written down, by the command line and by the window alike.

Only what finds the fault is written, and nothing of a patient: when, in which command,
the mmtracker and Python versions, the exception's type and the traceback's frames (file,
line, function and the source line). Never the exception's message, nor its notes, nor
the command's arguments, nor a frame's variables: they may quote an MRN, a name or a
record's values.
"""

from __future__ import annotations

import datetime as dt
import platform
import traceback
from pathlib import Path

from mmtracker import __version__


def error_log_path() -> Path:
    """The file errors are appended to (``errors.log`` in the data folder, made on first use;
    OSError when it cannot be)."""
    from mmtracker.config import paths

    return paths().data / "errors.log"


def _type_name(error: BaseException) -> str:
    kind = type(error)
    return (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )


# Python's own words between the errors of a chain.
_CAUSED = "The above exception was the direct cause of the following exception:"
_DURING = "During handling of the above exception, another exception occurred:"


def _chain(error: BaseException) -> list[tuple[BaseException, str]]:
    """The error and those it was raised from or while handling, the first raised first,
    each with the words that lead to the next."""
    chain: list[tuple[BaseException, str]] = []
    current: BaseException | None = error
    leading = ""
    while current is not None and all(current is not seen for seen, _ in chain):
        chain.append((current, leading))
        if current.__cause__ is not None:
            current, leading = current.__cause__, _CAUSED
        else:
            current = None if current.__suppress_context__ else current.__context__
            leading = _DURING
    return chain[::-1]


def described(error: BaseException) -> str:
    """The traceback of ``error`` (and of the errors it followed), every message left out."""
    lines: list[str] = []
    for raised, leading in _chain(error):
        frames = traceback.StackSummary.extract(traceback.walk_tb(raised.__traceback__))
        if frames:
            lines.append("Traceback (most recent call last):\n")
            lines.extend(frames.format())
        lines.append(f"{_type_name(raised)} (its message is left out: it may name a patient)\n")
        if leading:
            lines.append(f"\n{leading}\n\n")
    return "".join(lines)


def log_error(where: str, error: BaseException) -> Path:
    """Append ``error`` to the error log, as the module's docstring says, and return the log's
    path; OSError when it cannot be written.

    ``where`` names what failed, e.g. ``mmtracker worklist``: a command's name, never its
    arguments.
    """
    path = error_log_path()
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    versions = f"mmtracker {__version__}, Python {platform.python_version()}"
    with path.open("a", encoding="utf-8") as log:
        log.write(f"--- {stamp} {where} ({versions})\n{described(error)}")
    return path
