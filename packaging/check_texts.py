"""Check that an ``mmtracker evaluate`` document has its texts rendered in one language.

    python packaging/check_texts.py ASSESSMENT.json en|zh_CN

Every message (an object with ``id`` and ``text``) and every care item's title must
be rendered text: not empty, not the message id itself, nothing shaped like an id
(``workup.staging.complete``). Chinese texts must hold Chinese characters and English
texts none. Exit 0 when all hold; otherwise 1, naming each failing text. The smoke
test of the frozen build (packaging/build) runs it.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

MESSAGE_ID = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)+")
CJK = re.compile(r"[\u4e00-\u9fff]")


def texts(node: object, path: str = "$") -> Iterator[tuple[str, str, str]]:
    """(JSON path, id, rendered text) of every message and care-item title in ``node``."""
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            for key in ("text", "title"):
                if key in node:
                    yield f"{path}.{key}", node["id"], node[key]
        for key, value in node.items():
            yield from texts(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, f"{path}[{index}]")


def problems(document: object, lang: str) -> list[str]:
    """What is wrong with the texts of ``document`` in ``lang``; empty when nothing."""
    found = []
    count = 0
    for path, ident, text in texts(document):
        count += 1
        if not isinstance(text, str) or not text.strip():
            found.append(f"{path}: empty")
        elif text == ident or MESSAGE_ID.fullmatch(text.strip()):
            found.append(f"{path}: the raw id {text!r}")
        elif (lang == "zh_CN") != bool(CJK.search(text)):
            found.append(f"{path}: not in {lang}: {text!r}")
    if count == 0:
        found.append("no message text at all")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[1] not in ("en", "zh_CN"):
        sys.stderr.write(f"usage: {__doc__.strip().splitlines()[2].strip()}\n")
        return 2
    found = problems(json.loads(Path(argv[0]).read_text(encoding="utf-8")), argv[1])
    for problem in found:
        sys.stderr.write(f"{argv[0]}: {problem}\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
