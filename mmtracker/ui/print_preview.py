"""Print preview: a PDF written off the GUI thread, shown as it will be printed, then
printed or saved.

:func:`preview_in_background` writes the document into a temporary file through
:func:`mmtracker.ui.workers.run_task` and opens a :class:`PrintPreview` on that very
file, which prints it page by page (each page rendered at the printer's resolution,
off the GUI thread too) or saves a copy of it. The file goes when the preview closes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mmtracker.ui.workers import Progress, Task, run_task

PRINT_DPI = 300
"""Pages are printed as images of this resolution: sharp on paper, a few MB a page."""
POINTS_PER_INCH = 72


def preview_in_background(
    owner: QWidget,
    write: Callable[[Path], None],
    title: str,
    default_name: str,
    busy: QWidget,
) -> Task:
    """Write a PDF with ``write(path)`` off the GUI thread, then preview it.

    ``busy`` (the button that asked) is disabled and ``owner`` shows a busy cursor
    meanwhile; an error (no Chinese font, say) is said in a message box. ``default_name``
    is the file name Save as offers.
    """
    busy.setEnabled(False)
    owner.setCursor(Qt.CursorShape.BusyCursor)

    def work(_progress: Progress) -> Path:
        handle, name = tempfile.mkstemp(prefix="mmtracker-", suffix=".pdf")
        os.close(handle)
        path = Path(name)
        try:
            write(path)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path

    def done(path: Path) -> None:
        PrintPreview(path, title, default_name, owner).open()

    def failed(message: str) -> None:
        QMessageBox.warning(
            owner,
            QCoreApplication.translate("PrintPreview", "The document could not be made"),
            message,
        )

    def ended() -> None:
        busy.setEnabled(True)
        owner.unsetCursor()

    return run_task(owner, work, done, failed, ended=ended)


def print_pdf(data: bytes, printer: QPrinter, progress: Progress) -> int:
    """Print the PDF ``data`` on ``printer``, each page an image at the printer's
    resolution scaled to the paper; the number of pages printed (runs in a worker)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() is not QPdfDocument.Status.Ready:
        raise OSError(
            QCoreApplication.translate(
                "PrintPreview", "The document could not be read for printing."
            )
        )
    count = document.pageCount()
    dpi = printer.resolution()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(
            QCoreApplication.translate("PrintPreview", "The printer could not be started.")
        )
    try:
        paper = printer.pageLayout().fullRectPixels(dpi)
        for page in range(count):
            progress(page, count)
            if page and not printer.newPage():
                raise OSError(
                    QCoreApplication.translate("PrintPreview", "The printer refused a new page.")
                )
            points = document.pagePointSize(page)
            pixels = QSize(
                round(points.width() * dpi / POINTS_PER_INCH),
                round(points.height() * dpi / POINTS_PER_INCH),
            )
            image = document.render(page, pixels)
            fitted = pixels.scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(paper.topLeft(), fitted), image)
    finally:
        painter.end()
    document.close()
    return count


class PrintPreview(QDialog):
    """A PDF file as it will be printed, with Print…, Save as… and Close.

    The dialog removes the file when it closes.
    """

    def __init__(
        self, path: Path, title: str, default_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.path = path
        self._default_name = default_name
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel()
        self.buttons = QDialogButtonBox()
        self.print_button = QPushButton()
        self.save_button = QPushButton()
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(lambda: self.save_as())  # not clicked's bool
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(self.buttons)
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save as…"))
        self.pages_label.setText(self.tr("Pages: {count}").format(count=self.page_count()))
        self.print_button.setDefault(True)
        screen = self.screen().availableGeometry()
        self.resize(min(900, screen.width()), round(screen.height() * 0.9))

    def page_count(self) -> int:
        """The number of pages of the document shown."""
        return self.document.pageCount()

    def print_document(self) -> None:
        """Ask which printer (the print dialog), then print every page off the GUI thread."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setFullPage(True)  # the document has its own margins
        if self.page_count():
            size = self.document.pagePointSize(0)
            printer.setPageSize(QPageSize(size, QPageSize.Unit.Point))
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape
                if size.width() > size.height()
                else QPageLayout.Orientation.Portrait
            )
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_on(printer)

    def print_on(self, printer: QPrinter) -> Task:
        """Print every page on ``printer`` off the GUI thread; the dialog closes when done."""
        data = self.path.read_bytes()  # the file goes with the dialog, the copy lives on
        self.print_button.setEnabled(False)
        self.pages_label.setText(self.tr("Printing…"))

        def work(progress: Progress) -> int:
            return print_pdf(data, printer, progress)

        def progressed(done: int, total: int) -> None:
            self.pages_label.setText(
                self.tr("Printing page {page} of {count}…").format(page=done + 1, count=total)
            )

        def failed(message: str) -> None:
            self.print_button.setEnabled(True)
            self.pages_label.setText(self.tr("Pages: {count}").format(count=self.page_count()))
            QMessageBox.warning(self, self.tr("The document could not be printed"), message)

        return run_task(self, work, lambda _count: self.accept(), failed, progressed)

    def save_as(self, path: str | None = None) -> Path | None:
        """Save a copy of the document shown (asked for by a file dialog without ``path``)."""
        if path is None:
            from mmtracker.ui.record_files import documents_folder

            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the document"),
                str(documents_folder() / self._default_name),
                self.tr("PDF files (*.pdf)"),
            )
            if not path:
                return None
        target = Path(path)
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("The document could not be saved"),
                self.tr("{path} could not be written: {error}").format(
                    path=target, error=exc.strerror or exc
                ),
            )
            return None
        return target

    def done(self, result: int) -> None:  # Qt names it
        """Close, and remove the document's temporary file."""
        self.document.close()
        self.path.unlink(missing_ok=True)
        super().done(result)
