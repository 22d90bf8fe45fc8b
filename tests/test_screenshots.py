"""``scripts/screenshots.py`` writes every picture of the window, at the window's size."""

from __future__ import annotations

import os
import runpy
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "screenshots.py"
_CONSTANTS = runpy.run_path(str(SCRIPT))  # its names, without running it
NAMES: tuple[str, ...] = _CONSTANTS["SHOTS"]
FORMS: tuple[str, ...] = _CONSTANTS["FORM_SHOTS"]
SIZE: tuple[int, int] = _CONSTANTS["SIZE"]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_SIGNATURE, f"{path.name} is no PNG"
    assert head[12:16] == b"IHDR"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.slow  # a demo database and the whole window, in a process of its own: ~20 s
def test_the_script_writes_every_screenshot_at_the_window_size(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    env = {k: v for k, v in os.environ.items() if k != "MMTRACKER_HOME"}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(NAMES + FORMS)
    for name in NAMES:
        assert png_size(out / name) == SIZE, name
    for name in FORMS:  # a form, at its own size: at least a few fields' worth
        width, height = png_size(out / name)
        assert width >= 300, name
        assert height >= 200, name
    # Each picture shows something else: a filter, a panel, a form or a language changed.
    contents = {(out / name).read_bytes() for name in NAMES + FORMS}
    assert len(contents) == len(NAMES + FORMS)
