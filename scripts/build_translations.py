"""Build the Qt translation catalogues in place: resources/translations/*.ts → *.qm.

    python scripts/build_translations.py           # .ts → .qm (pyside6-lrelease)
    python scripts/build_translations.py --update  # first refresh the .ts from the sources

``--update`` runs pyside6-lupdate over every Python file of the ``mmtracker``
package into the ``mmtracker_<lang>.ts`` files: new ``tr()``, ``translate()``
and ``QT_TRANSLATE_NOOP()`` texts are added as unfinished, texts no longer in
the sources are marked vanished (the translation test fails on both until a
translator finishes or removes them). Source locations are left out so that
editing code does not change the .ts files. Catalogues whose texts are not
marked in the sources (``<name>_<lang>.ts`` under another name) are keyed by
message id, care-item id or code, are maintained by hand and left alone by
``--update``; ``scripts/messages_catalogue.py`` checks them, and the English
texts in ``mmtracker/english.py``, against the rules. English, the source
language, has no catalogue.

Every ``*.ts`` is compiled into the ``.qm`` beside it, for a checkout installed in
editable mode (the package data ``mmtracker.resources`` is this folder); a ``.qm``
of no ``.ts`` is removed. The .qm files are build output and are not committed;
building the wheel compiles them into the wheel itself (``build_backend/``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mmtracker"
TRANSLATIONS = ROOT / "resources" / "translations"
PARTIAL = ".partial.qm"  # a catalogue being written by another build, renamed when complete


def tool(name: str) -> str:
    """A PySide6 tool installed beside this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is not installed; install PySide6-Essentials")
    return found


def update(ts_files: list[Path]) -> None:
    """Refresh the given .ts files from the package sources."""
    sources = sorted(str(p) for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)
    subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", *map(str, ts_files)],
        check=True,
    )


def release(ts_files: list[Path]) -> list[Path]:
    """Compile each .ts file into the .qm file beside it.

    Each .qm is written beside it first and then renamed over the old one: a process that
    has the old catalogue loaded (Qt maps the file into memory) keeps reading it whole,
    where rewriting the file in place would end that process with a bus error.
    """
    built = []
    for ts in ts_files:
        qm = ts.with_suffix(".qm")
        partial = qm.with_name(f"{qm.stem}.{os.getpid()}{PARTIAL}")
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(partial)],
            check=True,
        )
        os.replace(partial, qm)
        built.append(qm)
    return built


def remove_orphans(ts_files: list[Path]) -> list[Path]:
    """Remove each .qm of the translations folder that no .ts file builds any more."""
    built = {ts.with_suffix(".qm") for ts in ts_files}
    found = sorted(TRANSLATIONS.glob("*.qm"))
    orphans = [qm for qm in found if qm not in built and not qm.name.endswith(PARTIAL)]
    for qm in orphans:
        qm.unlink()
    return orphans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--update", action="store_true", help="refresh the .ts files from the sources first"
    )
    args = parser.parse_args(argv)
    ts_files = sorted(TRANSLATIONS.glob("*.ts"))
    if not ts_files:
        print(f"no .ts file in {TRANSLATIONS}", file=sys.stderr)
        return 1
    if args.update:
        update([ts for ts in ts_files if ts.name.startswith("mmtracker_")])
    for qm in remove_orphans(ts_files):
        print(f"removed {qm.relative_to(ROOT)}")
    for qm in release(ts_files):
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
