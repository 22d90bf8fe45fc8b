"""Regenerate the sample printed documents (docs/samples/) from a demo database.

    .venv/bin/python scripts/samples.py [--out FOLDER]

The demo (the screenshots' seed and day, written into a temporary ``MMTRACKER_HOME``) is
printed through the command line as a clinic would print it: the visit summary of the
demo patient with the richest course in English and in Chinese, and the day's worklist
in both; each page is also drawn as a PNG (poppler's ``pdftoppm``, 70 dpi) to look at.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "samples"
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import DAY, PATIENTS, SEED, richest  # noqa: E402  # the screenshots' demo

DOCUMENTS = (
    ("visit-summary-en.pdf", ["--lang", "en"], 0),
    ("visit-summary-zh_CN.pdf", ["--lang", "zh_CN"], 0),
    ("worklist-en.pdf", ["--worklist", "--lang", "en"], 2),
    ("worklist-zh_CN.pdf", ["--worklist", "--lang", "zh_CN"], 2),
)
"""Each sample, the options of ``mmtracker export-pdf`` that print it, and how many of its
pages are drawn (0: all; a worklist's first two show how it goes on)."""
PNG_DPI = 70


def write_samples(out: Path) -> list[Path]:
    """Print every sample into ``out`` and draw its pages; the files written."""
    from mmtracker.cli import main
    from mmtracker.config import paths, sqlite_url
    from mmtracker.demo import generate_records
    from mmtracker.workflows import fill_demo, open_engine

    engine = open_engine(sqlite_url(paths().data / "demo.sqlite"))
    records = generate_records(PATIENTS, SEED, DAY)
    fill_demo(engine, PATIENTS, SEED, DAY, "demo")
    engine.dispose()
    mrn = records[richest(records)].patient.mrn
    written: list[Path] = []
    for name, options, drawn in DOCUMENTS:
        pdf = out / name
        what = options if "--worklist" in options else ["--mrn", mrn, *options]
        argv = ["--demo", "export-pdf", *what, "--as-of", DAY.isoformat(), "--out", str(pdf)]
        if main(argv) != 0:
            raise SystemExit(f"export-pdf {' '.join(argv)} failed")
        for old in out.glob(f"{pdf.stem}-*.png"):
            old.unlink()
        last = ["-l", str(drawn)] if drawn else []
        subprocess.run(
            ["pdftoppm", "-r", str(PNG_DPI), *last, "-png", str(pdf), str(out / pdf.stem)],
            check=True,
        )
        written += [pdf, *sorted(out.glob(f"{pdf.stem}-*.png"))]
    return written


def main(argv: list[str] | None = None) -> int:
    """Write the samples into ``--out`` (docs/samples/ by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder of the samples")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    build = ROOT / "scripts" / "build_translations.py"
    subprocess.run([sys.executable, str(build)], check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory(prefix="mmtracker-samples-") as home:
        os.environ["MMTRACKER_HOME"] = home
        for path in write_samples(out):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
