"""Printing from the window: Ctrl+P in a patient view and Print list in the worklist open a
preview of the very PDF that is printed or saved; an error is said and leaves no dialog."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from ui.demo_database import DEMO_DAY

from mmtracker.logic.policy import Policy
from mmtracker.logic.worklist_order import Show
from mmtracker.reports import pdf_fonts
from mmtracker.storage.services import PATIENT
from mmtracker.ui.hub import Hub
from mmtracker.ui.patient.view import PatientView
from mmtracker.ui.print_preview import PrintPreview
from mmtracker.ui.worklist.screen import WorklistScreen

WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def own_temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The previews' temporary files go to a folder of the test's own, to be counted."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def pdf_pages(path: Path) -> int:
    """The page count of a PDF as poppler reads it."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    found = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)
    assert found is not None, info.stdout
    return int(found.group(1))


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one, as a window system would (offscreen, nothing does)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def previews() -> list[PrintPreview]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreview)]


def shown_preview(qtbot: QtBot) -> PrintPreview:
    qtbot.waitUntil(lambda: any(p.isVisible() for p in previews()), timeout=WAIT_MS)
    (preview,) = [p for p in previews() if p.isVisible()]
    return preview


@pytest.fixture
def view(qtbot: QtBot, clinic: Engine, policy: Policy, today: dt.date) -> PatientView:
    with clinic.connect() as conn:
        pid = conn.execute(select(PATIENT.c.id).where(PATIENT.c.mrn == "MM-001")).scalar_one()
    shown = PatientView(clinic, pid, policy, lambda: today, Hub())
    qtbot.addWidget(shown)
    shown.resize(1300, 850)
    shown.show()
    qtbot.waitUntil(lambda: shown.data() is not None, timeout=WAIT_MS)
    return shown


def press_ctrl_p(qtbot: QtBot, view: PatientView) -> None:
    activate(qtbot, view)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_p_previews_the_summary_that_is_saved_and_printed(
    qtbot: QtBot,
    view: PatientView,
    tmp_path: Path,
    own_temp_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    press_ctrl_p(qtbot, view)
    preview = shown_preview(qtbot)
    shown = preview.path
    assert shown.parent == own_temp_folder
    pages = pdf_pages(shown)
    assert preview.page_count() == pages >= 1
    assert preview.pages_label.text() == f"Pages: {pages}"
    assert preview.windowTitle() == "Visit summary — MM-001 Zhang Wei"
    preview.grab().save(str(tmp_path / "preview.png"))

    saved = preview.save_as(str(tmp_path / "saved.pdf"))
    assert saved is not None
    assert saved.read_bytes() == shown.read_bytes()

    printed = tmp_path / "printed.pdf"

    def choose_a_file(dialog: QPrintDialog) -> int:  # the user picks "print to file"
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", choose_a_file)
    with qtbot.waitSignal(preview.finished, timeout=WAIT_MS):
        preview.print_button.click()
    assert pdf_pages(printed) == pages
    assert not shown.exists()  # the temporary file goes with the dialog
    assert list(own_temp_folder.iterdir()) == []


def test_closing_the_preview_removes_its_file(
    qtbot: QtBot, view: PatientView, own_temp_folder: Path
) -> None:
    view.print_button.click()
    preview = shown_preview(qtbot)
    assert preview.path.exists()
    with qtbot.waitSignal(preview.finished, timeout=WAIT_MS):
        preview.buttons.button(preview.buttons.StandardButton.Close).click()
    assert list(own_temp_folder.iterdir()) == []


def test_print_list_previews_the_rows_shown(
    qtbot: QtBot, demo: Engine, policy: Policy, tmp_path: Path
) -> None:
    screen = WorklistScreen(lambda: DEMO_DAY)
    qtbot.addWidget(screen)
    screen.resize(1400, 800)
    screen.show()
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):
        screen.set_database(demo, policy)
    screen.show_boxes[Show.URGENT].setChecked(False)
    assert screen.filters_text().startswith("Overdue, Due soon · Families: all · Phases: all")
    screen.print_button.click()
    preview = shown_preview(qtbot)
    assert preview.windowTitle() == f"Worklist — {DEMO_DAY.isoformat()}"
    assert preview.page_count() == pdf_pages(preview.path) >= 1
    text = subprocess.run(
        ["pdftotext", str(preview.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Overdue, Due soon" in text
    first = screen.model.shown_rows()[0]
    assert first.mrn in text
    preview.reject()


def test_a_missing_font_is_said_and_no_dialog_stays_open(
    qtbot: QtBot, view: PatientView, own_temp_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_fonts, "cjk_font_file", lambda: None)
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text: said.append((title, text))
    )
    press_ctrl_p(qtbot, view)
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    ((title, text),) = said
    assert title == "The document could not be made"
    assert "fonts-wqy-microhei" in text
    qtbot.waitUntil(view.print_button.isEnabled)  # ready to try again
    assert view.cursor().shape() is not Qt.CursorShape.BusyCursor
    assert not any(p.isVisible() for p in previews())
    assert list(own_temp_folder.iterdir()) == []


def test_the_summary_is_printed_in_the_windows_language(
    qtbot: QtBot, view: PatientView, translations_built: Path
) -> None:
    view.set_language("zh_CN")  # the window's language (MainWindow.set_language passes it on)
    view.print_button.click()
    preview = shown_preview(qtbot)
    text = subprocess.run(
        ["pdftotext", str(preview.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "病历号" in text  # the MRN's label
    assert "Zhang Wei" in text
    preview.reject()
