"""What each record format version may hold, and what a newer version renamed.

Format 2 added the ``hold`` bone-therapy event with its ``resume_date`` (D33),
the ``plasmacytoma`` clinical event (D27), a transplant's ``withdrawn_date``
(D39), the finding an acknowledgement acknowledged (``finding_*``, D40) and
schedule entries dated ahead (D36, a sanity limit, not a key). Format 3 added a
lab result's sample ``time``. A file using what a later version added is refused,
naming the field and the version that added it; otherwise it reads as before.
Acknowledgements of a renamed care item take the new id.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from mmtracker.logic.parsing import Problem, join_path

# Care-item ids renamed since a record could hold them (old -> new); the database
# migration 0003 carries stored acknowledgements over the same way.
RENAMED_ITEMS: dict[str, str] = {"renal.before_za": "renal.before_bisphosphonate"}

# Keys first allowed in a format version, by entry kind.
_NEW_KEYS: dict[int, dict[str, tuple[str, ...]]] = {
    2: {
        "bone_therapy_events": ("resume_date",),
        "transplants": ("withdrawn_date",),
        "acknowledgements": (
            "finding_message_id",
            "finding_severity",
            "finding_cites",
            "finding_due",
        ),
    },
    3: {"lab_results": ("time",)},
}
# Codes first allowed in a format version: (entry kind, key) -> values.
_NEW_CODES: dict[int, dict[tuple[str, str], frozenset[str]]] = {
    2: {
        ("bone_therapy_events", "kind"): frozenset({"hold"}),
        ("clinical_events", "kind"): frozenset({"plasmacytoma"}),
    },
}


def version_problems(document: Mapping[str, Any]) -> list[Problem]:
    """What a document may not hold at the format version it states (none for the latest)."""
    stated = document.get("format_version")
    if not isinstance(stated, int) or isinstance(stated, bool):
        return []  # the schema names a missing or unknown version
    found: list[Problem] = []
    for version in sorted(set(_NEW_KEYS) | set(_NEW_CODES)):
        if version > stated:
            found += _added_in(document, version, stated)
    return found


def _added_in(document: Mapping[str, Any], version: int, stated: int) -> Iterator[Problem]:
    keys, codes = _NEW_KEYS.get(version, {}), _NEW_CODES.get(version, {})
    tail = f"is new in format_version {version}; this file says format_version {stated}"
    for kind in sorted(set(keys) | {kind for kind, _ in codes}):
        items = document.get(kind)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            path = join_path(kind, index)
            for key in keys.get(kind, ()):
                if key in item:
                    yield Problem(join_path(path, key), tail)
            for (code_kind, key), values in codes.items():
                code = item.get(key)  # any JSON value: a list or an object is no code
                if code_kind == kind and isinstance(code, str) and code in values:
                    yield Problem(join_path(path, key), f"{code!r} {tail}")


def current_item_id(item_id: str) -> str:
    """The care-item id now used for ``item_id`` (itself unless it was renamed)."""
    return RENAMED_ITEMS.get(item_id, item_id)
