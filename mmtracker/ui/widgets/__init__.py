"""Widgets and dialogs shared by several screens (the acknowledge / snooze dialog)."""
