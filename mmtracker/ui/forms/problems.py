"""The record checks' problems (mmtracker/logic/validation.py, parsing.py), which are
written in English for every caller, said in the window's language.

Each pattern below is one message shape of the checks, its changing parts named; the
window translates the shape and fills the parts in. A message of no known shape is
shown as the checks wrote it (English) rather than not at all.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # the name pyside6-lupdate reads
    """Mark ``text`` for the catalogue of ``_context``; give it back untranslated."""
    return text


# (the check's message as a pattern, the same message marked for the catalogue)
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), text)
    for pattern, text in (
        (
            r"(?P<value>.+?) is outside the accepted range (?P<range>.+)",
            QT_TRANSLATE_NOOP("Problems", "{value} is outside the accepted range {range}"),
        ),
        (
            r"(?P<date>\S+) is in the future \(today is (?P<today>\S+)\)",
            QT_TRANSLATE_NOOP("Problems", "{date} is in the future (today is {today})"),
        ),
        (
            r"(?P<date>\S+) is before the date of birth (?P<born>\S+)",
            QT_TRANSLATE_NOOP("Problems", "{date} is before the date of birth {born}"),
        ),
        (
            r"(?P<date>\S+) is more than 2 years ahead; the accepted range is up to "
            r"(?P<latest>\S+) \(today is (?P<today>\S+)\)",
            QCoreApplication.translate(
                "Problems",
                "{date} is more than 2 years ahead; the accepted range is up to {latest} "
                "(today is {today})",
            ),
        ),
        (
            r"is required: a date YYYY-MM-DD",
            QT_TRANSLATE_NOOP("Problems", "is required: a date YYYY-MM-DD"),
        ),
        (
            r"is required: a number",
            QT_TRANSLATE_NOOP("Problems", "is required: a number"),
        ),
        (
            r"is required: a whole number",
            QT_TRANSLATE_NOOP("Problems", "is required: a whole number"),
        ),
        (r"is required: text", QT_TRANSLATE_NOOP("Problems", "is required")),
        (r"is required: one of .*", QT_TRANSLATE_NOOP("Problems", "is required: choose one")),
        (
            r"must be a date YYYY-MM-DD, not (?P<value>.+)",
            QT_TRANSLATE_NOOP("Problems", "must be a date YYYY-MM-DD, not {value}"),
        ),
        (
            r"must be a number, not (?P<value>.+)",
            QT_TRANSLATE_NOOP("Problems", "must be a number, not {value}"),
        ),
        (
            r"must be a whole number, not (?P<value>.+)",
            QT_TRANSLATE_NOOP("Problems", "must be a whole number, not {value}"),
        ),
        (
            r"must be after the visit date (?P<date>\S+)",
            QT_TRANSLATE_NOOP("Problems", "must be after the visit date {date}"),
        ),
        (
            r"must be after the hold date (?P<date>\S+)",
            QT_TRANSLATE_NOOP("Problems", "must be after the hold date {date}"),
        ),
        (
            r"must be 1–(?P<most>\d+) characters",
            QT_TRANSLATE_NOOP("Problems", "must be 1–{most} characters"),
        ),
        (
            r"(?P<mrn>.+) is already the MRN of another patient",
            QT_TRANSLATE_NOOP("Problems", "{mrn} is already the MRN of another patient"),
        ),
        (
            r"is required for this analyte",
            QT_TRANSLATE_NOOP("Problems", "is required for this analyte"),
        ),
        (r"must be above ref_low", QT_TRANSLATE_NOOP("Problems", "must be above the lower limit")),
        (r"must not be empty", QT_TRANSLATE_NOOP("Problems", "must not be empty")),
        (
            r"(?P<before>\S+) → (?P<after>\S+) on (?P<date>\S+) is not allowed; "
            r"after (?P<phase>\S+) comes (?P<allowed>.+)",
            QT_TRANSLATE_NOOP(
                "Problems",
                "{before} → {after} on {date} is not allowed; after {phase} comes {allowed}",
            ),
        ),
        (
            r"RELAPSE on (?P<date>\S+) must have a later line than (?P<line>\S+)",
            QT_TRANSLATE_NOOP("Problems", "RELAPSE on {date} must have a later line than {line}"),
        ),
        (
            r"is required for RELAPSE: line 2 or later",
            QT_TRANSLATE_NOOP("Problems", "is required for RELAPSE: line 2 or later"),
        ),
        (r"is only for RELAPSE", QT_TRANSLATE_NOOP("Problems", "is only for RELAPSE")),
        (
            r"two phase changes on (?P<date>\S+); one per day",
            QT_TRANSLATE_NOOP("Problems", "two phase changes on {date}; one per day"),
        ),
    )
)


def problem_text(message: str) -> str:
    """A check's message in the installed language (as written when of no known shape)."""
    for pattern, text in _SHAPES:
        found = pattern.fullmatch(message)
        if found is not None:
            return QCoreApplication.translate("Problems", text).format(**found.groupdict())
    return message
