"""Rewrite the shipped schema: ``python -m mmtracker.record.write_schema [FILE]``.

Without FILE it writes ``docs/record.schema.json`` of the source tree; a test
fails whenever that file differs from :func:`mmtracker.record.schema.record_schema`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from mmtracker.record.schema import schema_text

SHIPPED = Path(__file__).resolve().parents[2] / "docs" / "record.schema.json"


def main(argv: Sequence[str] | None = None) -> int:
    """Write the schema to the given file, or to ``docs/record.schema.json``."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else SHIPPED
    target.write_text(schema_text(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
