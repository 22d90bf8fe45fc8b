"""One key to compare MRNs by, so that look-alike spellings are one patient (issue 12).

"EX-000123 ", "ex-000123", "EX‑000123" (a non-breaking hyphen) and "ＥＸ－000123" (full
width) are the same MRN: compatibility-normalised (NFKC), case-folded, every hyphen-like
dash made "-", every white space removed. The MRN is stored as written; the key beside it
is unique and serves every lookup by MRN.
"""

from __future__ import annotations

import unicodedata

# U+2010–2015 (hyphens and dashes), U+2212 (minus), U+FE63 (small hyphen-minus),
# U+FF0D (full-width hyphen-minus): all read as "-"
_DASHES = str.maketrans(
    dict.fromkeys([*map(chr, range(0x2010, 0x2016)), "\u2212", "\ufe63", "\uff0d"], "-")
)


def mrn_key(mrn: str) -> str:
    """The key two MRNs are compared by: equal keys, the same patient's MRN."""
    folded = unicodedata.normalize("NFKC", mrn).strip().casefold().translate(_DASHES)
    return "".join(folded.split())
