"""Build backend of mmtracker: setuptools, plus the translation catalogues in the wheel.

The ``.qm`` catalogues are build output and are not committed. Building a wheel
compiles every ``resources/translations/*.ts`` with pyside6-lrelease into the
package ``mmtracker.resources`` in the build folder (:class:`BuildWithCatalogues`,
setuptools' ``build_py`` command per pyproject.toml), so that the wheel carries
them; only a wheel build asks for PySide6-Essentials, the package of
pyside6-lrelease. An editable install reads the checkout's own folder, where
``scripts/setup`` builds the catalogues in place (``scripts/build_translations.py``),
so it needs no Qt to build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from setuptools import build_meta
from setuptools.build_meta import (
    build_editable,
    build_sdist,
    build_wheel,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)
from setuptools.command.build_py import build_py

__all__ = [
    "BuildWithCatalogues",
    "build_editable",
    "build_sdist",
    "build_wheel",
    "get_requires_for_build_editable",
    "get_requires_for_build_sdist",
    "get_requires_for_build_wheel",
    "prepare_metadata_for_build_editable",
    "prepare_metadata_for_build_wheel",
]

TRANSLATIONS = Path("resources", "translations")
PACKAGE_FOLDER = Path("mmtracker", "resources", "translations")
LRELEASE = "pyside6-lrelease"
LRELEASE_PACKAGE = "PySide6-Essentials>=6.6,<6.12"  # as pyproject.toml


def get_requires_for_build_wheel(
    config_settings: Mapping[str, str | list[str]] | None = None,
) -> list[str]:
    """setuptools' requirements for a wheel, and the package of pyside6-lrelease."""
    return [*build_meta.get_requires_for_build_wheel(config_settings), LRELEASE_PACKAGE]


def lrelease() -> str:
    """pyside6-lrelease beside the building Python, else on PATH (a build environment's)."""
    beside = Path(sys.executable).parent / LRELEASE
    if beside.exists():
        return str(beside)
    found = shutil.which(LRELEASE)
    if found is None:
        raise SystemExit(f"{LRELEASE} is not installed: install {LRELEASE_PACKAGE}")
    return found


class BuildWithCatalogues(build_py):
    """``build_py`` that also compiles the ``.ts`` catalogues into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # the checkout's own folder serves an editable install
        sources = sorted(TRANSLATIONS.glob("*.ts"))
        if not sources:
            raise SystemExit(f"no .ts catalogue in {TRANSLATIONS}")
        target = Path(self.build_lib) / PACKAGE_FOLDER
        target.mkdir(parents=True, exist_ok=True)
        wanted = {ts.with_suffix(".qm").name for ts in sources}
        for stale in target.glob("*.qm"):  # copied from the checkout, of no catalogue now
            if stale.name not in wanted:
                stale.unlink()
        tool = lrelease()
        for ts in sources:
            qm = target / ts.with_suffix(".qm").name
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
