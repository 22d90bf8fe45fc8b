"""Exit 0 when this Python already has what ``pip install -e .`` (``--dev``: ``.[dev]``) installs.

That is: mmtracker installed in editable mode from this checkout at the version of
pyproject.toml, and every requirement (with the extras it names) installed at a version
its specifier accepts. Exit 1 otherwise, or when anything cannot be told (no
``packaging``, unreadable metadata): scripts/setup then runs pip as before.

    .venv/bin/python scripts/requirements_met.py [--dev]
"""

from __future__ import annotations

import json
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def unmet(requirement: str) -> list[str]:
    """What of one requirement string is missing or at a refused version."""
    from packaging.requirements import Requirement

    req = Requirement(requirement)
    if req.marker is not None and not req.marker.evaluate({"extra": ""}):
        return []
    try:
        dist = distribution(req.name)
    except PackageNotFoundError:
        return [f"{req.name} is not installed"]
    if not req.specifier.contains(dist.version, prereleases=True):
        return [f"{req.name} {dist.version} is not {req.specifier}"]
    missing = []
    for extra in req.extras:
        for found in dist.requires or []:
            dependency = Requirement(found)
            if dependency.marker is not None and dependency.marker.evaluate({"extra": extra}):
                dependency.marker = None
                missing += unmet(str(dependency))
    return missing


def problems(dev: bool) -> list[str]:
    """Everything the installation lacks; empty when pip has nothing to do."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    try:
        own = distribution(project["name"])
    except PackageNotFoundError:
        return [f"{project['name']} is not installed"]
    found = []
    if own.version != project["version"]:
        found.append(f"{project['name']} {own.version} is installed, not {project['version']}")
    origin = json.loads(own.read_text("direct_url.json") or "{}")
    if origin.get("url") != ROOT.as_uri() or not origin.get("dir_info", {}).get("editable"):
        found.append(f"{project['name']} is not installed in editable mode from {ROOT}")
    requirements = list(project["dependencies"])
    if dev:
        requirements += project["optional-dependencies"]["dev"]
    for requirement in requirements:
        found += unmet(requirement)
    return found


def main() -> int:
    try:
        found = problems("--dev" in sys.argv[1:])
    except Exception as exc:  # anything unreadable: let pip decide
        found = [f"cannot tell ({exc!r})"]
    for problem in found:
        print(f"to install: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
