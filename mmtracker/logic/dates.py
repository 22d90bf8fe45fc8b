"""Date arithmetic of clinical-rules.md D18."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(start: dt.date, months: int) -> dt.date:
    """D18: add calendar months, clamping to the month's last day (Jan 31 + 1 mo = Feb 28/29).

    Past the calendar's ends the result is its first or last day (a date the checks refuse
    may still be stored by an older version: the assessment goes on, it does not crash).
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(start.day, last))


def add_days(start: dt.date, days: int) -> dt.date:
    """D18: '+ N d' adds days (past the calendar's ends: its first or last day)."""
    try:
        return start + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def age_on(born: dt.date, on: dt.date) -> int:
    """Age in whole years on a date (a 29 February birthday counts on 1 March in common years)."""
    had_birthday = (on.month, on.day) >= (born.month, born.day)
    return on.year - born.year - (0 if had_birthday else 1)
