"""A wheel built from the checkout carries its resources and runs on its own (issue 8).

The wheel is built from the checkout's sources, installed into a fresh virtual
environment that cannot see the checkout, and evaluates the example record in
English and in Chinese: rendered sentences, no raw message ids, the same document
as the checkout gives. One test, so that a parallel run builds the wheel once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "record-example.json"
# What a wheel is built from: the files of a clean clone that the build reads.
SOURCES = ("pyproject.toml", "README.md", "build_backend", "mmtracker", "resources")
CJK = re.compile(r"[\u4e00-\u9fff]")
LANGUAGES = ("en", "zh_CN")


def _run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a command; on failure, fail the test with its output."""
    done = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)
    assert done.returncode == 0, (
        f"{command} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    )
    return done


def build_wheel(folder: Path) -> Path:
    """The wheel, built in ``folder`` from a copy of the checkout's sources.

    A copy, because setuptools builds in the source folder (build/, *.egg-info) and
    would carry into the wheel whatever an earlier build left there; the copy leaves
    out compiled catalogues and caches, as a clean clone has none, so the .qm files
    in the wheel are the build step's own.
    """
    source = folder / "source"
    source.mkdir(parents=True)
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")
            shutil.copytree(path, source / name, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    # No build isolation: an isolated build would install setuptools and PySide6 (for
    # pyside6-lrelease) into a new environment first, which takes longer than the whole
    # rest of this test; the running environment has both (the dev extra).
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--wheel-dir", str(folder / "dist"), str(source)],
    )  # fmt: skip
    (built,) = (folder / "dist").glob("mmtracker-*.whl")
    return built


def install(wheel: Path, venv: Path) -> Path:
    """A fresh virtual environment in ``venv`` with the wheel installed; its scripts folder.

    Its dependencies (PySide6, SQLAlchemy, …) come from the running environment through
    a .pth file: only its folder goes on the path, so neither the checkout's editable
    finder there (activated by a .pth file of its own, which is not read) nor anything
    else makes the checkout importable, and the test checks that it is not.
    """
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    ours = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    site_packages = Path(ours.stdout.strip())
    dependencies = {Path(sysconfig.get_paths()[kind]) for kind in ("purelib", "platlib")}
    for folder in dependencies:
        assert not (folder / "mmtracker").exists(), f"{folder} holds mmtracker itself"
    (site_packages / "dependencies.pth").write_text(
        "".join(f"{folder}\n" for folder in sorted(dependencies)), encoding="utf-8"
    )
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", str(wheel)],
    )  # fmt: skip
    return venv / "bin"


def _environment() -> dict[str, str]:
    """This process's environment (MMTRACKER_HOME in tmp_path) without any path to
    the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _messages(document: Any) -> Iterator[dict[str, Any]]:
    """Every rendered message of an assessment document (objects with id, params, text)."""
    if isinstance(document, dict):
        if {"id", "params", "text"} <= document.keys():
            yield document
        for value in document.values():
            yield from _messages(value)
    elif isinstance(document, list):
        for value in document:
            yield from _messages(value)


def check_contents(wheel: Path) -> None:
    """The wheel carries every module, the policy, the built catalogues, the icons, and
    nothing but the package and its metadata (no tests/, no scripts)."""
    with zipfile.ZipFile(wheel) as archive:
        sizes = {info.filename: info.file_size for info in archive.infolist()}
    names = set(sizes)
    assert "mmtracker/resources/policy/default.toml" in names
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = f"mmtracker/resources/translations/{ts.stem}.qm"
        assert sizes.get(qm, 0) > 0, qm
    assert {n for n in names if n.endswith(".qm")} == {
        f"mmtracker/resources/translations/{ts.stem}.qm"
        for ts in (ROOT / "resources" / "translations").glob("*.ts")
    }
    for icon in sorted((ROOT / "resources" / "icons").glob("*")):
        assert f"mmtracker/resources/icons/{icon.name}" in names
    modules = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "mmtracker").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert sorted(modules - names) == []  # every package is listed in pyproject.toml
    assert "mmtracker/resources/__init__.py" in names
    tops = {name.split("/")[0] for name in names}
    assert tops == {"mmtracker", wheel.name.split("-py3")[0] + ".dist-info"}  # no tests/


def check_isolation(installed: Path, workdir: Path) -> None:
    """The fresh environment imports mmtracker and its data from itself, not the checkout."""
    done = _run(
        [str(installed / "python"), "-c",
         "import mmtracker, importlib.resources as r; "
         "print(mmtracker.__file__); print(r.files('mmtracker.resources'))"],
        cwd=workdir, env=_environment(),
    )  # fmt: skip
    package, data = (Path(line) for line in done.stdout.split())
    venv = installed.parent
    assert package.is_relative_to(venv)
    assert data.is_relative_to(venv)
    assert (data / "policy" / "default.toml").is_file()


def check_evaluate(installed: Path, workdir: Path, lang: str) -> None:
    """``mmtracker evaluate`` of the installed wheel renders every text in ``lang``."""
    as_of = dt.date.today().isoformat()
    args = ["evaluate", EXAMPLE.name, "--as-of", as_of, "--lang", lang]
    done = _run([str(installed / "mmtracker"), *args], cwd=workdir, env=_environment())
    document = json.loads(done.stdout)
    messages = list(_messages(document))
    titles = [item["title"] for item in document["items"]]
    assert len(messages) > len(titles) > 10
    assert [m["id"] for m in messages if m["id"] in m["text"] or "{" in m["text"]] == []
    assert [title for title in titles if "." in title and " " not in title] == []  # no item ids
    if lang == "en":
        assert "Staging work-up" in titles
        assert "Applies in SMM only." in [m["text"] for m in messages]
        assert not CJK.search(done.stdout)
    else:
        assert [m["text"] for m in messages if not CJK.search(m["text"])] == []
        assert [title for title in titles if not CJK.search(title)] == []
    # The same document as the checkout's own command gives.
    checkout = _run([sys.executable, "-m", "mmtracker", *args], cwd=workdir, env=_environment())
    assert document == json.loads(checkout.stdout)


@pytest.mark.slow  # builds and installs a wheel: scheduled first in parallel runs
def test_a_wheel_built_from_the_checkout_installs_and_evaluates_in_both_languages(
    tmp_path: Path,
) -> None:
    wheel = build_wheel(tmp_path / "wheel")
    check_contents(wheel)
    installed = install(wheel, tmp_path / "venv")
    workdir = tmp_path / "work"  # outside the checkout, with the example record
    workdir.mkdir()
    shutil.copy2(EXAMPLE, workdir / EXAMPLE.name)
    check_isolation(installed, workdir)
    for lang in LANGUAGES:
        check_evaluate(installed, workdir, lang)
