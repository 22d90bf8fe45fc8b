"""The record checks' problems (mmtracker/logic/validation.py, parsing.py), which are
written in English for every caller, said in the window's language.

Each pattern below is one message shape of the checks, its changing parts named; the
window translates the shape and fills the parts in. A message of no known shape is
shown as the checks wrote it (English) rather than not at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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
        (r"is required: say why", QT_TRANSLATE_NOOP("Problems", "is required: say why")),
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
            r"(?P<mrn>.+) is the MRN (?P<other>.+) of (?P<name>.+), written otherwise",
            QT_TRANSLATE_NOOP("Problems", "{mrn} is the MRN {other} of {name}, written otherwise"),
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
        # Rarer shapes, said in words a nurse reads (the checks name fields by their keys)
        (
            r"must be a time of day HH:MM \(00:00 to 23:59\), not (?P<value>.+)",
            QT_TRANSLATE_NOOP(
                "Problems", "must be a time of day HH:MM (00:00 to 23:59), not {value}"
            ),
        ),
        (
            r"(?P<date>\S+) is in the future",
            QT_TRANSLATE_NOOP("Problems", "{date} is in the future"),
        ),
        (
            r"(?P<date>\S+) is before (?P<earliest>\S+), the earliest accepted",
            QT_TRANSLATE_NOOP("Problems", "{date} is before {earliest}, the earliest accepted"),
        ),
        (
            r"must be empty while the status is active",
            QT_TRANSLATE_NOOP("Problems", "must be empty while the patient is active"),
        ),
        (
            r"is required when the status is (?P<status>\S+)",
            QT_TRANSLATE_NOOP("Problems", "is required when the patient is {status}"),
        ),
        (
            r"is longer than (?P<most>\d+) characters",
            QT_TRANSLATE_NOOP("Problems", "is longer than {most} characters"),
        ),
        (
            r"is required: 'positive' or 'negative'",
            QT_TRANSLATE_NOOP("Problems", "is required: positive or negative"),
        ),
        (
            r"must be empty for an immunofixation result",
            QT_TRANSLATE_NOOP("Problems", "must be empty for an immunofixation result"),
        ),
        (
            r"is required for calcium: .*",
            QT_TRANSLATE_NOOP("Problems", "is required for calcium: total, adjusted or ionised"),
        ),
        (r"is only for calcium: .*", QT_TRANSLATE_NOOP("Problems", "is only for calcium")),
        (
            r"is only for M-protein and immunofixation results",
            QT_TRANSLATE_NOOP("Problems", "is only for M-protein and immunofixation results"),
        ),
        (
            r"is only for immunofixation results",
            QT_TRANSLATE_NOOP("Problems", "is only for immunofixation results"),
        ),
        (
            r"must be one of (?P<units>.+) for (?P<analyte>\S+)",
            QT_TRANSLATE_NOOP("Problems", "must be one of the analyte's units: {units}"),
        ),
        (
            r"needs del_17p to be true",
            QT_TRANSLATE_NOOP("Problems", "needs del(17p) found (yes)"),
        ),
        (
            r"must be empty without a procedure",
            QT_TRANSLATE_NOOP("Problems", "must be empty without a procedure"),
        ),
        (
            r"is required when a procedure is planned or done",
            QT_TRANSLATE_NOOP("Problems", "is required when a procedure is planned or done"),
        ),
        (
            r"a procedure marked done cannot be dated after the exam that records it",
            QT_TRANSLATE_NOOP(
                "Problems", "a procedure marked done cannot be dated after the exam that records it"
            ),
        ),
        (
            r"a schedule change needs an agent and interval_days",
            QT_TRANSLATE_NOOP("Problems", "a schedule needs an agent and an interval in days"),
        ),
        (
            r"is required for a review: .*",
            QT_TRANSLATE_NOOP(
                "Problems", "is required for a review: continue, de-escalate or stop"
            ),
        ),
        (r"is only for a hold", QT_TRANSLATE_NOOP("Problems", "is only for a hold")),
        (
            r"must be on or after start_date (?P<date>\S+)",
            QT_TRANSLATE_NOOP("Problems", "must be on or after the start date {date}"),
        ),
        (
            r"must be on or after (?P<date>\S+)",
            QT_TRANSLATE_NOOP("Problems", "must be on or after {date}"),
        ),
        (
            r"must be a fraction above 0 and below 1, e\.g\. 1e-05",
            QT_TRANSLATE_NOOP(
                "Problems", "must be a fraction above 0 and below 1, e.g. 1e-05 for 10⁻⁵"
            ),
        ),
        (
            r"a transplant needs a planned or a performed date",
            QT_TRANSLATE_NOOP("Problems", "a transplant needs a planned or a performed date"),
        ),
        (
            r"a performed transplant cannot be withdrawn",
            QT_TRANSLATE_NOOP("Problems", "a performed transplant cannot be withdrawn"),
        ),
        (
            r"needs the planned_date of the plan given up",
            QT_TRANSLATE_NOOP("Problems", "needs the planned date of the plan given up"),
        ),
        (
            r"is required with a grade: WHO or CTCAE_v5",
            QT_TRANSLATE_NOOP("Problems", "is required with a grade: WHO or CTCAE v5"),
        ),
        (
            r"needs a performed transplant",
            QT_TRANSLATE_NOOP("Problems", "needs a performed transplant"),
        ),
        (
            r"holds the invisible or control character (?P<code>U\+[0-9A-F]+)",
            QT_TRANSLATE_NOOP("Problems", "holds the invisible or control character {code}"),
        ),
        (
            r"must be a whole number of at most (?P<most>\d+)",
            QT_TRANSLATE_NOOP("Problems", "must be a whole number of at most {most}"),
        ),
        (r"must be a finite number", QT_TRANSLATE_NOOP("Problems", "must be a finite number")),
        (
            r"has more than (?P<most>\d+) items",
            QT_TRANSLATE_NOOP("Problems", "has more than {most} items"),
        ),
    )
)


def problem_text(message: str) -> str:
    """A check's message in the installed language (as written when of no known shape)."""
    return by_shape(message, _SHAPES, "Problems")


def by_shape(
    message: str,
    shapes: tuple[tuple[re.Pattern[str], str], ...],
    context: str,
    parts: Callable[[dict[str, str]], dict[str, str]] = dict,
) -> str:
    """``message`` translated by the first of ``shapes`` (a pattern of the English message
    and the text marked for ``context``'s catalogue) it matches, its named parts (changed
    by ``parts``) filled in; as written when it matches none."""
    for pattern, text in shapes:
        found = pattern.fullmatch(message)
        if found is not None:
            return QCoreApplication.translate(context, text).format(**parts(found.groupdict()))
    return message
