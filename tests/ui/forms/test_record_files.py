"""File → Import record / Export record: the command line's record files from the window,
off the GUI thread; every problem of a bad file at once; a held MRN replaced only if asked."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from logic.builders import policy
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from mmtracker.cli import main
from mmtracker.config import sqlite_url
from mmtracker.storage.services import PATIENT
from mmtracker.storage.tables import AUDIT
from mmtracker.ui.main_window import MainWindow, Place

WAIT_MS = 20_000


class Boxes:
    """The message boxes the window shows, and the answer to a question."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> None:
        self.said: list[tuple[str, str]] = []
        for kind in ("information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, kind, self._record(kind))
        monkeypatch.setattr(QMessageBox, "question", self._question)
        self.answer = answer

    def _record(self, kind: str) -> Any:
        def show(_parent: object, _title: str, text: str, *_: object) -> None:
            self.said.append((kind, text))

        return show

    def _question(self, _parent: object, _title: str, text: str, *_: object) -> Any:
        self.said.append(("question", text))
        return self.answer


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(path), ""))


@pytest.fixture
def window(qtbot: QtBot, clinic: Engine, today: dt.date) -> MainWindow:
    shown = MainWindow(clinic, demo=False, today=lambda: today, policy=policy())
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.patients.model.rowCount() > 0, timeout=WAIT_MS)
    return shown


def test_a_patient_exported_and_imported_again_under_another_mrn(
    qtbot: QtBot,
    window: MainWindow,
    clinic: Engine,
    clinic_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.No)
    window.show_place(Place.PATIENTS)
    window.patients.table.selectRow(0)
    exported = tmp_path / "record.json"
    choose_file(monkeypatch, exported)
    window.export_record()
    qtbot.waitUntil(lambda: exported.exists() and bool(boxes.said), timeout=WAIT_MS)
    mrn = window.patients.model.patient_row(0).mrn
    by_command = tmp_path / "by-command.json"
    url = sqlite_url(clinic_path)
    assert main(["export-record", "--database", url, "--mrn", mrn, "--out", str(by_command)]) == 0
    assert exported.read_text(encoding="utf-8") == by_command.read_text(encoding="utf-8")
    with clinic.connect() as conn:  # both exports audited: who took a copy of this record
        exports = conn.execute(select(AUDIT.c.id).where(AUDIT.c.action == "export")).all()
        assert len(exports) == 2
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["patient"]["mrn"] == mrn

    window.import_record()  # the same MRN: replaced only if the user says so
    qtbot.waitUntil(lambda: any(kind == "question" for kind, _ in boxes.said), timeout=WAIT_MS)
    assert f"MRN {mrn}" in boxes.said[-1][1]

    document["patient"]["mrn"] = "MM-900"  # another patient: its entries are new ones
    for entries in document.values():
        for entry in entries if isinstance(entries, list) else ():
            entry["id"] = str(uuid.uuid4())
    copy = tmp_path / "copy.json"
    copy.write_text(json.dumps(document), encoding="utf-8")
    choose_file(monkeypatch, copy)
    count = window.patients.model.rowCount()
    window.import_record()
    qtbot.waitUntil(lambda: window.patients.model.rowCount() == count + 1, timeout=WAIT_MS)
    with clinic.connect() as conn:
        assert conn.execute(select(PATIENT.c.id).where(PATIENT.c.mrn == "MM-900")).scalar()
    kind, text = boxes.said[-1]  # imported, with a word on the namesake (issue 12, finding 5)
    assert kind == "warning"
    assert f"The patient of MRN {mrn} has the same name and date of birth" in text


def test_a_record_changed_after_its_export_is_replaced_only_with_a_reason(
    qtbot: QtBot,
    window: MainWindow,
    clinic: Engine,
    clinic_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from mmtracker.storage.loaders import patient_id_for_mrn
    from mmtracker.storage.services import add_entry
    from mmtracker.storage.tables import AUDIT, table_of

    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.Yes)
    mrn = window.patients.model.patient_row(0).mrn
    exported = tmp_path / "record.json"
    url = sqlite_url(clinic_path)
    assert main(["export-record", "--database", url, "--mrn", mrn, "--out", str(exported)]) == 0
    patient_id = patient_id_for_mrn(clinic, mrn)
    added = add_entry(
        clinic, patient_id, "weights", {"date": "2026-01-05", "weight_kg": 63.0}, "dr.costa"
    ).row_id
    asked: list[str] = []
    answers = iter([("", False), ("the file is the reference", True)])

    def answer(_parent: object, _title: str, text: str, *_: object) -> tuple[str, bool]:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getMultiLineText", answer)
    choose_file(monkeypatch, exported)

    window.import_record()  # the user says Yes to the replace, then cancels the reason
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=WAIT_MS)
    assert f"of the record of {mrn}, newer than the file's" in asked[0]
    weights = table_of("weights")
    with clinic.connect() as conn:
        assert conn.execute(select(weights.c.id).where(weights.c.id == added)).scalar()

    window.import_record()  # Yes, and a reason this time
    qtbot.waitUntil(lambda: len(asked) == 2 and boxes.said[-1][0] != "question", timeout=WAIT_MS)
    with clinic.connect() as conn:
        assert conn.execute(select(weights.c.id).where(weights.c.id == added)).scalar() is None
        reasons = conn.execute(
            select(AUDIT.c.reason).where(AUDIT.c.row_id == added, AUDIT.c.action == "replace")
        ).scalars()
        assert list(reasons) == ["the file is the reference"]


def test_every_problem_of_a_bad_file_is_said_and_nothing_imported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = Boxes(monkeypatch, QMessageBox.StandardButton.No)
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format_version": 3,
                "patient": {
                    "mrn": "X-1",
                    "name": "Bad File",
                    "sex": "Q",
                    "date_of_birth": "1960-01-01",
                },
                "weights": [{"id": "w-1", "date": "2025-01-01", "weight_kg": "heavy"}],
            }
        ),
        encoding="utf-8",
    )
    choose_file(monkeypatch, bad)
    count = window.patients.model.rowCount()
    window.import_record()
    qtbot.waitUntil(lambda: bool(boxes.said), timeout=WAIT_MS)
    kind, text = boxes.said[0]
    assert kind == "warning"
    assert "patient.sex" in text  # every problem at once, as the command line lists them
    assert "weights[0].weight_kg" in text
    assert window.patients.model.rowCount() == count
