"""A user account's history, for an administrator: when it was made and changed (by whom),
each sign-in and each refused one (and why), newest first, read off the GUI thread
(mmtracker/storage/audit_trail.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mmtracker.ui.user_forms import role_names
from mmtracker.ui.widgets.trail_dialog import TrailDialog

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.storage.audit_trail import AuditEntry


def what_text(entry: AuditEntry) -> str:
    """What happened to the account, as the administrator reads it."""
    return {
        "insert": QCoreApplication.translate("AccountHistory", "account made"),
        "update": QCoreApplication.translate("AccountHistory", "account changed"),
        "sign-in": QCoreApplication.translate("AccountHistory", "signed in"),
        "refused": QCoreApplication.translate("AccountHistory", "sign-in refused"),
    }.get(entry.action, entry.action)


def why_text(reason: str | None) -> str:
    """A refused sign-in's reason in the installed language."""
    if reason is None:
        return ""
    return {
        "wrong password": QCoreApplication.translate("AccountHistory", "wrong password"),
        "unknown name": QCoreApplication.translate("AccountHistory", "unknown name"),
        "account locked": QCoreApplication.translate("AccountHistory", "account locked"),
        "account disabled": QCoreApplication.translate("AccountHistory", "account disabled"),
    }.get(reason, reason)


SHOWN = ("display_name", "role", "active", "locked_until", "password_hash")
"""The account's fields whose change the history names."""


def changes_text(entry: AuditEntry) -> str:
    """The account's fields a change set: "role: nurse → physician"; a new password named,
    never shown (the audit keeps it hidden)."""
    labels = {
        "display_name": QCoreApplication.translate("AccountHistory", "full name"),
        "role": QCoreApplication.translate("AccountHistory", "role"),
        "active": QCoreApplication.translate("AccountHistory", "may sign in"),
        "locked_until": QCoreApplication.translate("AccountHistory", "locked until"),
    }
    if entry.action in ("sign-in", "refused"):
        return ""
    parts = []
    shown = sorted((c for c in entry.changes if c[0] in SHOWN), key=lambda c: SHOWN.index(c[0]))
    for name, before, after in shown:
        if name == "password_hash":
            parts.append(QCoreApplication.translate("AccountHistory", "password set"))
        elif entry.action == "insert":
            parts.append(f"{labels[name]}: {_value(name, after)}")
        else:
            parts.append(f"{labels[name]}: {_value(name, before)} → {_value(name, after)}")
    return "; ".join(parts)


def _value(name: str, value: Any) -> str:
    if value is None:
        return "—"
    if name == "locked_until":  # kept in UTC: shown in this computer's time
        return f"{dt.datetime.fromisoformat(str(value)).astimezone():%Y-%m-%d %H:%M}"
    if name == "role":
        return role_names().get(str(value), str(value))
    if name == "active":
        return (
            QCoreApplication.translate("AccountHistory", "yes")
            if value
            else QCoreApplication.translate("AccountHistory", "no")
        )
    return str(value)


class AccountHistoryDialog(TrailDialog):
    """The history of the account ``name``."""

    def __init__(self, engine: Engine, name: str, parent: QWidget | None = None) -> None:
        def read() -> list[AuditEntry]:
            from mmtracker.storage.audit_trail import account_trail

            return account_trail(engine, name)

        super().__init__(
            QCoreApplication.translate(
                "AccountHistoryDialog", "History of the account {name}"
            ).format(name=name),
            read,
            _cells,
            self._summary_text,
            parent,
        )

    def _summary_text(self, trail: list[AuditEntry]) -> str:
        from mmtracker.storage.audit_trail import ACCOUNT_TRAIL_MOST

        said = self.tr("{count} events, newest first").format(count=len(trail))
        if len(trail) == ACCOUNT_TRAIL_MOST:
            said += " " + self.tr("(the newest {most})").format(most=ACCOUNT_TRAIL_MOST)
        return said


def _cells(entry: AuditEntry) -> tuple[str, str, str, str, str]:
    """An event of the account, times in this computer's time zone."""
    return (
        entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        entry.actor,
        what_text(entry),
        why_text(entry.reason),
        changes_text(entry),
    )
