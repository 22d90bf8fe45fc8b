"""The logic layer is pure: it runs without Qt and without a database library."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import mmtracker.logic

FORBIDDEN = ("PySide6", "sqlalchemy", "sqlmodel", "alembic", "matplotlib", "reportlab")


def test_importing_every_logic_module_loads_no_forbidden_package() -> None:
    modules = [m.name for m in pkgutil.walk_packages(mmtracker.logic.__path__, "mmtracker.logic.")]
    assert modules, "no logic modules found"
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(','.join(p for p in {FORBIDDEN!r} if p in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
