"""How the search boxes compare texts: case and accents aside."""

from __future__ import annotations

import unicodedata


def searchable(text: str) -> str:
    """``text`` as a search compares it: "sanchez" finds Sánchez, "MM-0" finds mm-010."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(words: list[str], text: str) -> bool:
    """Whether every word (already :func:`searchable`) is in ``text`` (already searchable)."""
    return all(word in text for word in words)
