"""``scripts/run-demo`` sets up only what is missing or out of date, and says in one line when
there is no display instead of letting Qt abort.

The script runs in a copy of the repository's layout in tmp_path, with a stand-in
``scripts/setup`` that notes each run, installs a stand-in ``mmtracker`` and ends with
the real set-up's last line (the one that writes the stamp).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STAMP = Path(".venv") / ".mmtracker-setup-stamp"


def last_line(path: Path) -> str:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][-1]


FAKE_SETUP = """#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")/.."
echo ran >>setup.log
mkdir -p .venv/bin
printf '#!/bin/sh\\necho "mmtracker $*"\\n' >.venv/bin/mmtracker
chmod +x .venv/bin/mmtracker
for ts in resources/translations/*.ts; do touch "${ts%.ts}.qm"; done
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A checkout's layout: the two real scripts, a stand-in set-up, the stamped inputs."""
    root = tmp_path / "checkout"
    (root / "scripts").mkdir(parents=True)
    for name in ("run-demo", "setup-stamp"):
        shutil.copy2(ROOT / "scripts" / name, root / "scripts" / name)
    setup = root / "scripts" / "setup"
    setup.write_text(FAKE_SETUP + last_line(ROOT / "scripts" / "setup") + "\n", encoding="utf-8")
    setup.chmod(0o755)
    (root / "pyproject.toml").write_text('[project]\nname = "mmtracker"\n', encoding="utf-8")
    translations = root / "resources" / "translations"
    translations.mkdir(parents=True)
    (translations / "codes_zh_CN.ts").write_text("<TS/>\n", encoding="utf-8")
    return root


def env(**extra: str) -> dict[str, str]:
    cleaned = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return {**cleaned, **extra}


def run_demo(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The script, run from another folder, with Qt told to draw offscreen."""
    return subprocess.run(
        [str(repo / "scripts" / "run-demo"), *args],
        env=env(QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd="/",
    )


def setups(repo: Path) -> int:
    log = repo / "setup.log"
    return len(log.read_text().splitlines()) if log.exists() else 0


def test_the_real_setup_writes_the_stamp_at_its_end() -> None:
    assert last_line(ROOT / "scripts" / "setup").startswith(f"scripts/setup-stamp >{STAMP}")


def test_first_run_sets_up_the_second_starts_at_once(repo: Path) -> None:
    first = run_demo(repo, "--lang", "zh_CN")
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1] == "mmtracker --demo --lang zh_CN"
    assert setups(repo) == 1
    assert (repo / STAMP).read_text().strip() == stamp(repo)
    second = run_demo(repo)
    assert second.returncode == 0, second.stderr
    assert second.stdout == "mmtracker --demo\n"
    assert setups(repo) == 1


@pytest.mark.parametrize(
    "change",
    ["pyproject", "setup.py", "catalogue source", "new catalogue", "catalogue built", "app"],
)
def test_what_is_missing_or_out_of_date_brings_the_setup_back(repo: Path, change: str) -> None:
    assert run_demo(repo).returncode == 0
    assert run_demo(repo).returncode == 0
    assert setups(repo) == 1
    translations = repo / "resources" / "translations"
    if change == "pyproject":
        with (repo / "pyproject.toml").open("a") as f:
            f.write('dependencies = ["jsonschema>=4.20"]\n')
    elif change == "setup.py":
        (repo / "setup.py").write_text("from setuptools import setup\nsetup()\n")
    elif change == "catalogue source":
        (translations / "codes_zh_CN.ts").write_text("<TS><context/></TS>\n")
    elif change == "new catalogue":
        (translations / "items_zh_CN.ts").write_text("<TS/>\n")
    elif change == "catalogue built":
        (translations / "codes_zh_CN.qm").unlink()
    else:
        (repo / ".venv" / "bin" / "mmtracker").unlink()
    assert run_demo(repo).returncode == 0
    assert setups(repo) == 2
    assert run_demo(repo).returncode == 0
    assert setups(repo) == 2


def stamp(repo: Path) -> str:
    done = subprocess.run(
        [str(repo / "scripts" / "setup-stamp")], capture_output=True, text=True, check=True, cwd="/"
    )
    return done.stdout.strip()


def test_the_stamp_changes_with_each_input_only(repo: Path) -> None:
    before = stamp(repo)
    assert len(before) == 64
    assert stamp(repo) == before
    (repo / "README.md").write_text("not an input\n")
    (repo / "resources" / "translations" / "codes_zh_CN.qm").write_text("build output\n")
    assert stamp(repo) == before
    (repo / "scripts" / "setup").write_text((repo / "scripts" / "setup").read_text() + "\n")
    assert stamp(repo) != before


@pytest.mark.parametrize("args", [[], ["--lang", "en"]])
def test_no_display_says_so_in_one_line_and_sets_nothing_up(repo: Path, args: list[str]) -> None:
    done = subprocess.run(
        [str(repo / "scripts" / "run-demo"), *args],
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert "no display" in done.stderr
    assert "xvfb-run scripts/run-demo" in done.stderr
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr
    assert setups(repo) == 0


@pytest.mark.parametrize("display", [{"DISPLAY": ":99"}, {"WAYLAND_DISPLAY": "wayland-0"}])
def test_a_display_lets_it_start(repo: Path, display: dict[str, str]) -> None:
    done = subprocess.run(
        [str(repo / "scripts" / "run-demo")],
        env=env(**display),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "mmtracker --demo"
