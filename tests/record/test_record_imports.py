"""Reading a record file, or evaluating one, loads no storage write module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "record-example.json"
WRITERS = ("mmtracker.storage.services", "mmtracker.storage.bulk")


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code`` (printed last, one a line)."""
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules), file=sys.stderr)"
    done = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True, cwd=ROOT
    )
    return set(done.stderr.split())


def test_reading_a_record_file_imports_no_storage_service() -> None:
    loaded = modules_after(
        "from pathlib import Path\n"
        "from mmtracker.record.reading import load_record_file\n"
        f"record, problems = load_record_file(Path({str(EXAMPLE)!r}))\n"
        "assert record is not None and not problems, problems"
    )
    assert "mmtracker.record.reading" in loaded
    assert "mmtracker.storage.records" in loaded  # the record type read into
    assert sorted(loaded.intersection(WRITERS)) == []


def test_evaluate_imports_no_storage_service() -> None:
    loaded = modules_after(
        "from mmtracker.cli import main\n"
        f"assert main(['evaluate', {str(EXAMPLE)!r}, '--as-of', '2026-03-01']) == 0"
    )
    assert "mmtracker.assessment_json" in loaded
    assert sorted(loaded.intersection(WRITERS)) == []
