"""What each record format version may hold, and what a newer version renamed.

Format 2 added the ``hold`` bone-therapy event with its ``resume_date`` (D33),
the ``plasmacytoma`` clinical event (D27), a transplant's ``withdrawn_date``
(D39), the finding an acknowledgement acknowledged (``finding_*``, D40) and
schedule entries dated ahead (D36, a sanity limit, not a key). A version-1
file using any of them is refused, naming the field; otherwise it reads as
before. Acknowledgements of a renamed care item take the new id.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from mmtracker.logic.parsing import Problem, join_path

# Care-item ids renamed since a record could hold them (old -> new); the database
# migration 0003 carries stored acknowledgements over the same way.
RENAMED_ITEMS: dict[str, str] = {"renal.before_za": "renal.before_bisphosphonate"}

# Keys first allowed in format 2, by entry kind.
_NEW_KEYS: dict[str, tuple[str, ...]] = {
    "bone_therapy_events": ("resume_date",),
    "transplants": ("withdrawn_date",),
    "acknowledgements": (
        "finding_message_id",
        "finding_severity",
        "finding_cites",
        "finding_due",
    ),
}
# Codes first allowed in format 2: (entry kind, key) -> values.
_NEW_CODES: dict[tuple[str, str], frozenset[str]] = {
    ("bone_therapy_events", "kind"): frozenset({"hold"}),
    ("clinical_events", "kind"): frozenset({"plasmacytoma"}),
}


def version_problems(document: Mapping[str, Any]) -> list[Problem]:
    """What a document may not hold at the format version it states (none for the latest)."""
    if document.get("format_version") != 1:
        return []
    return list(_format_2_parts(document))


def _format_2_parts(document: Mapping[str, Any]) -> Iterator[Problem]:
    kinds = set(_NEW_KEYS) | {kind for kind, _ in _NEW_CODES}
    for kind in sorted(kinds):
        items = document.get(kind)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            path = join_path(kind, index)
            for key in _NEW_KEYS.get(kind, ()):
                if key in item:
                    yield Problem(
                        join_path(path, key),
                        "is new in format_version 2; this file says format_version 1",
                    )
            for (code_kind, key), codes in _NEW_CODES.items():
                if code_kind == kind and item.get(key) in codes:
                    yield Problem(
                        join_path(path, key),
                        f"{item[key]!r} is new in format_version 2; "
                        "this file says format_version 1",
                    )


def current_item_id(item_id: str) -> str:
    """The care-item id now used for ``item_id`` (itself unless it was renamed)."""
    return RENAMED_ITEMS.get(item_id, item_id)
