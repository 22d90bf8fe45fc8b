"""``mmtracker export-pdf``: a visit summary, the worklist and the clinic day's summaries
from a real database; bad input gets a clear message, exit 2 (1: no such patient), and
no file, not even half of one. Exit codes as ARCHITECTURE.md says."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from mmtracker.cli import main
from mmtracker.files import write_atomically

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "record-example.json"
NEXT_VISIT = "2027-01-11"  # the example's last visit booked it


@pytest.fixture
def clinic_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite'}"
    assert main(["import-record", str(EXAMPLE), "--database", url]) == 0
    second = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    second["patient"] |= {"mrn": "EX-000124", "name": "李娜"}
    for entries in second.values():  # ids are the database's: a second patient's own
        if isinstance(entries, list):
            for entry in entries:
                entry["id"] = entry["id"][:-4] + "ffff"
    copy = tmp_path / "second.json"
    copy.write_text(json.dumps(second, ensure_ascii=False), encoding="utf-8")
    assert main(["import-record", str(copy), "--database", url]) == 0
    capsys.readouterr()
    return url


def text_of(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def export(url: str, *args: str) -> int:
    return main(["export-pdf", "--database", url, *args])


def test_a_visit_summary_is_written(
    clinic_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "summary.pdf"
    assert (
        export(
            clinic_url,
            "--mrn",
            "EX-000124",
            "--as-of",
            "2027-02-01",
            "--out",
            str(out),
            "--lang",
            "zh_CN",
            "--paper",
            "letter",
        )
        == 0
    )
    assert capsys.readouterr().out == f"wrote {out}\n"
    text = text_of(out)
    assert "李娜" in text
    assert "EX-000124" in text
    assert list(tmp_path.glob("*.part")) == []


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        pytest.param(["--mrn", "NOPE"], 1, "no patient has MRN NOPE", id="unknown MRN"),
        pytest.param(
            ["--mrn", "EX-000123", "--as-of", "1960-01-01"],
            2,
            "--as-of: 1960-01-01 is before the patient's date of birth 1964-07-18",
            id="as of before birth",
        ),
    ],
)
def test_bad_input_is_said_and_writes_nothing(
    clinic_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    said: str,
) -> None:
    out = tmp_path / "out" / "summary.pdf"
    out.parent.mkdir()
    assert export(clinic_url, *args, "--out", str(out)) == code
    assert said in capsys.readouterr().err
    assert list(out.parent.iterdir()) == []


def test_an_output_folder_that_does_not_exist_is_refused_before_anything_is_read(
    clinic_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "summary.pdf"
    assert export(clinic_url, "--mrn", "EX-000123", "--out", str(out)) == 2
    assert f"--out: the folder {out.parent} does not exist" in capsys.readouterr().err
    assert not out.parent.exists()


def test_a_write_that_fails_half_way_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"

    def half(stream: object) -> None:
        assert hasattr(stream, "write")
        stream.write(b"%PDF-1.4 half of a document")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_atomically(out, half)
    assert list(tmp_path.iterdir()) == []


def test_the_worklist_is_printed_grouped_by_patient(
    clinic_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "worklist.pdf"
    assert export(clinic_url, "--worklist", "--as-of", "2027-02-01", "--out", str(out)) == 0
    text = text_of(out)
    for mrn in ("EX-000123", "EX-000124"):
        assert text.count(mrn) == 1  # one heading per patient, the items under it
    assert "Nextbone-targetedtherapydose" in "".join(text.split())  # a cell wraps it
    assert "10 items of 2 patients" in text


def test_the_clinic_day_writes_one_summary_per_patient_booked(
    clinic_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "day"
    folder.mkdir()
    assert export(clinic_url, "--clinic-day", NEXT_VISIT, "--out-dir", str(folder)) == 0
    assert "2 visit summaries" in capsys.readouterr().out
    written = sorted(p.name for p in folder.iterdir())
    assert written == [
        f"visit-summary-EX-000123-{NEXT_VISIT}.pdf",
        f"visit-summary-EX-000124-{NEXT_VISIT}.pdf",
    ]
    assert NEXT_VISIT in text_of(folder / written[0])  # assessed as of the clinic day
    from sqlalchemy import text

    from mmtracker.storage.engine import make_engine

    engine = make_engine(clinic_url)  # who printed these records is audited, a row each
    with engine.connect() as conn:
        printed = conn.execute(text("SELECT count(*) FROM audit WHERE action = 'print'"))
        assert printed.scalar_one() == 2
    engine.dispose()


def test_the_clinic_day_uses_every_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch runs one process per core (as many as there are patients at most)."""
    import mmtracker.pdf_export as export_module

    used: list[int] = []

    class Pool:
        def __init__(self, max_workers: int) -> None:
            used.append(max_workers)

        def __enter__(self) -> Pool:
            return self

        def __exit__(self, *_: object) -> None:
            return None

        def submit(self, *_: object) -> object:
            class Done:
                def result(self) -> str:
                    return "written"

            return Done()

    monkeypatch.setattr(export_module, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(export_module.os, "cpu_count", lambda: 4)
    layout = export_module.Layout()
    day = dt.date(2027, 1, 11)
    assert (
        export_module.write_clinic_day("url", range(50), day, None, layout, Path())
        == [  # type: ignore[arg-type]  # no policy reaches the pool's stand-in
            "written"
        ]
        * 50
    )
    assert (
        export_module.write_clinic_day("url", range(3), day, None, layout, Path())
        == [  # type: ignore[arg-type]  # as above
            "written"
        ]
        * 3
    )
    assert used == [4, 3]


def test_an_output_folder_that_cannot_be_written_is_refused(
    clinic_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A folder the user may not write (read-only, another user's): said, nothing read or
    written (``os.access`` answers as for a user without the right: root may write anywhere)."""
    import mmtracker.pdf_export as export_module

    monkeypatch.setattr(export_module.os, "access", lambda *_: False)
    out = tmp_path / "summary.pdf"
    assert export(clinic_url, "--mrn", "EX-000123", "--out", str(out)) == 2
    assert f"--out: the folder {tmp_path} cannot be written" in capsys.readouterr().err
    assert not out.exists()
