"""Dates have sane ranges everywhere (issue 12, finding 2): a planned date far ahead is
refused on import, ``--as-of`` stays within 1900 … today + 5 years, and a row an older
version stored anyway is assessed, not a crash."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from mmtracker.cli import main
from mmtracker.logic.dates import add_days, add_months
from mmtracker.storage.engine import make_engine

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "record-example.json"


def test_date_arithmetic_stops_at_the_calendar_s_ends() -> None:
    assert add_days(dt.date(9999, 12, 30), 90) == dt.date.max
    assert add_days(dt.date(1, 1, 2), -90) == dt.date.min
    assert add_months(dt.date(9999, 11, 30), 24) == dt.date.max
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)  # D18 as before


def test_a_procedure_planned_on_9999_12_31_is_refused_on_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    exam = document["dental_exams"][0]
    exam |= {"invasive_procedure": "planned", "procedure_date": "9999-12-31"}
    path = tmp_path / "far.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'clinic.sqlite'}"
    assert main(["import-record", str(path), "--database", url]) == 2
    err = capsys.readouterr().err
    assert "dental_exams[0].procedure_date: 9999-12-31 is more than 2 years ahead" in err


@pytest.mark.parametrize("day", ["9999-12-31", "1850-01-01"])
def test_as_of_outside_its_window_is_refused(
    day: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite'}"
    with pytest.raises(SystemExit) as exited:
        main(["worklist", "--as-of", day, "--database", url])
    assert exited.value.code == 2
    assert f"--as-of: {day} is outside the accepted range 1900-01-01 to " in (
        capsys.readouterr().err
    )


def test_a_far_date_an_older_version_stored_is_assessed_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'clinic.sqlite'}"
    assert main(["import-record", str(EXAMPLE), "--database", url]) == 0
    engine = make_engine(url)
    with engine.begin() as conn:  # as an older version let it in
        conn.execute(
            text(
                "UPDATE dental_exam SET invasive_procedure = 'planned', "
                "procedure_date = '9999-12-31'"
            )
        )
        conn.execute(text("UPDATE patient SET revision = revision + 1"))
    engine.dispose()
    capsys.readouterr()
    assert main(["db", "reassess", "--all", "--database", url]) == 0
    assert main(["worklist", "--database", url, "--status", "ok"]) == 0
    assert "EX-000123" in capsys.readouterr().out
