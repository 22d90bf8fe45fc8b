"""The packaging folder's cheap checks: the spec, the desktop entry, the icon, the start hook.

The frozen build itself is built and smoke-tested by ``packaging/build`` (minutes), not here.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from mmtracker.cli import main
from mmtracker.config import resource_path
from mmtracker.ui.app import QUIT_WHEN_SHOWN_ENV, seconds_since_process_start

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DESKTOP_FILE = PACKAGING / "mmtracker.desktop"


def _desktop_entry() -> dict[str, str]:
    lines = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def _check_texts() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_texts", PACKAGING / "check_texts.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_spec_parses_and_collects_what_is_read_as_files() -> None:
    source = (PACKAGING / "mmtracker.spec").read_text(encoding="utf-8")
    tree = ast.parse(source)
    called = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert {"Analysis", "PYZ", "EXE", "COLLECT"} <= called
    # Alembic reads the migrations as source files; the package data holds the catalogues.
    assert 'collect_data_files("mmtracker.storage.migrations", include_py_files=True)' in source
    assert 'collect_data_files("mmtracker", excludes=["**/*.ts"])' in source
    assert (PACKAGING / "launch.py").exists()


def test_desktop_entry_validates() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:  # Debian's desktop-file-utils, installed by scripts/setup --dev
        pytest.skip("desktop-file-validate is not installed")
    done = subprocess.run(
        [validator, str(DESKTOP_FILE)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout


def test_desktop_entry_starts_the_command_with_an_icon_that_ships() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "mmtracker"
    assert entry["Terminal"] == "false"
    icon = entry["Icon"]
    assert resource_path("icons", f"{icon}.png").is_file()
    assert resource_path("icons", f"{icon}.svg").is_file()


def test_icon_png_is_256_pixels_square_and_the_svg_is_svg() -> None:
    png = resource_path("icons", "mmtracker.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk comes first
    assert (width, height) == (256, 256)
    root = ET.parse(resource_path("icons", "mmtracker.svg")).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


def test_text_check_refuses_raw_ids_and_the_wrong_language() -> None:
    check = _check_texts()
    english = {
        "items": [
            {
                "id": "dental.periodic",
                "title": "Dental check",
                "message": {
                    "id": "dental.periodic.overdue",
                    "text": "Dental check overdue since 2026-03-02.",
                },
            }
        ]
    }
    assert check.problems(english, "en") == []
    assert check.problems(english, "zh_CN") == [
        "$.items[0].title: not in zh_CN: 'Dental check'",
        "$.items[0].message.text: not in zh_CN: 'Dental check overdue since 2026-03-02.'",
    ]
    raw = {"message": {"id": "workup.staging.complete", "text": "workup.staging.complete"}}
    assert check.problems(raw, "en") == ["$.message.text: the raw id 'workup.staging.complete'"]
    other_id = {"message": {"id": "a.b", "text": "workup.staging.closed_complete"}}
    assert check.problems(other_id, "en") == [
        "$.message.text: the raw id 'workup.staging.closed_complete'"
    ]
    assert check.problems({"items": []}, "en") == ["no message text at all"]


def test_process_start_time_is_counted_from_the_kernels_start() -> None:
    elapsed = seconds_since_process_start()
    if not Path("/proc/self/stat").exists():
        assert elapsed is None
        return
    assert elapsed is not None
    assert 0 <= elapsed < 3600  # this test process started within the last hour


def test_quit_when_shown_hook_closes_the_window_and_reports_the_start_time() -> None:
    # MMTRACKER_HOME is a folder of this test's own (conftest), for main() and the process.
    assert main(["demo", "--patients", "3", "--seed", "1"]) == 0  # the demo database, small
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", QUIT_WHEN_SHOWN_ENV: "1"}
    shown = subprocess.run(
        [sys.executable, "-m", "mmtracker", "--demo", "--lang", "en"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    assert re.fullmatch(
        r"mmtracker: main window shown \d+\.\d\d s after the process started\n"
        r"mmtracker: patient list shown \d+\.\d\d s after the process started\n",
        shown.stdout,
    ), shown.stdout


def test_every_package_of_the_source_is_listed_for_the_wheel() -> None:
    """pyproject.toml lists the packages by name: a new one left out is missing from the
    wheel and the frozen build (the window failed to start there once)."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "mmtracker").rglob("__init__.py")
    }
    migrations = {"mmtracker.storage.migrations", "mmtracker.storage.migrations.versions"}
    assert found - listed == set()
    assert listed - found - migrations == {"mmtracker.resources"}
