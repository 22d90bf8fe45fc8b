"""``scripts/samples.py`` prints every sample document and draws its pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "samples.py"


@pytest.mark.slow  # a demo database and four documents, in a process of its own: ~6 s
def test_the_script_prints_every_sample_and_draws_its_pages(tmp_path: Path) -> None:
    out = tmp_path / "samples"
    env = {k: v for k, v in os.environ.items() if k != "MMTRACKER_HOME"}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    names = {p.name for p in out.iterdir()}
    for stem in ("visit-summary-en", "visit-summary-zh_CN", "worklist-en", "worklist-zh_CN"):
        assert f"{stem}.pdf" in names
        pages = [n for n in names if n.startswith(f"{stem}-") and n.endswith(".png")]
        assert pages, stem
    committed = {p.name for p in (ROOT / "docs" / "samples").iterdir()}
    assert names == committed  # the samples in docs/ are the script's, all of them
