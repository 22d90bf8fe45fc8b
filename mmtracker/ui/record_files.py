"""File → Import record / Export record: the command line's record files, from the window.

Reading, checking and writing run off the GUI thread. A file that cannot be imported
is explained with every problem at once, as the command line lists them; a patient
whose MRN the database holds already is replaced only when the user says so (the audit
keeps what was there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from mmtracker.storage.outcomes import Replacing
from mmtracker.ui.workers import run_task

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.ui.hub import Hub


@dataclass(frozen=True, slots=True)
class _Imported:
    patient_id: int
    mrn: str
    namesakes: list[str]
    """The MRNs of other patients with this name and date of birth."""


@dataclass(frozen=True, slots=True)
class _Refused:
    problems: list[str]


@dataclass(frozen=True, slots=True)
class _Held:
    """The database holds a patient of this MRN already."""

    mrn: str


@dataclass(frozen=True, slots=True)
class _Newer:
    """The patient's record changed after the file was exported."""

    mrn: str
    held: int
    filed: int | None


def documents_folder() -> Path:
    """The user's Documents folder, or home where it does not exist (a file dialog given a
    folder that does not exist takes its name for a file name)."""
    found = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    return found if found.is_dir() else Path.home()


def import_record(owner: QWidget, engine: Engine, hub: Hub, imported: Callable[[], None]) -> None:
    """Ask for a record file and import it; announce the patient written, then ``imported``."""
    chosen, _ = QFileDialog.getOpenFileName(
        owner,
        QCoreApplication.translate("RecordFiles", "Import a record file"),
        str(documents_folder()),
        QCoreApplication.translate("RecordFiles", "Record files (*.json)"),
    )
    if chosen:
        import_file(owner, engine, hub, Path(chosen), imported)


def import_file(
    owner: QWidget,
    engine: Engine,
    hub: Hub,
    path: Path,
    imported: Callable[[], None],
    replace: Replacing | None = None,
) -> None:
    """Import ``path`` off the GUI thread (see the module's docstring)."""
    from mmtracker.config import actor

    who = actor()

    def work(_progress: object) -> _Imported | _Refused | _Held | _Newer:
        from mmtracker.record import load_record_file
        from mmtracker.storage.bulk import write_records
        from mmtracker.storage.loaders import patient_id_for_mrn
        from mmtracker.storage.namesakes import namesakes
        from mmtracker.storage.outcomes import NewerInDatabaseError, NotFoundError, ValidationError

        record, problems = load_record_file(path)
        if record is None:
            return _Refused([str(p) for p in problems])
        mrn = record.patient.mrn
        if replace is None:
            try:
                patient_id_for_mrn(engine, mrn)
                return _Held(mrn)
            except NotFoundError:
                pass
        same = namesakes(engine, record.patient)
        try:
            (patient_id,) = write_records(engine, [record], who, replace=replace)
        except NewerInDatabaseError as exc:
            return _Newer(exc.mrn, exc.held, exc.filed)
        except ValidationError as exc:
            return _Refused([str(p) for p in exc.problems])
        return _Imported(patient_id, mrn, same)

    def done(result: _Imported | _Refused | _Held | _Newer) -> None:
        if isinstance(result, _Imported):
            hub.patient_changed.emit(result.patient_id)
            imported()
            said = QCoreApplication.translate(
                "RecordFiles", "The record of {mrn} was imported from {file}."
            ).format(mrn=result.mrn, file=path)
            if result.namesakes:
                QMessageBox.warning(
                    owner,
                    QCoreApplication.translate("RecordFiles", "Record imported"),
                    said
                    + "\n\n"
                    + QCoreApplication.translate(
                        "RecordFiles",
                        "The patient of MRN {mrns} has the same name and date of birth: "
                        "check they are not one person registered twice.",
                    ).format(mrns=", ".join(result.namesakes)),
                )
            else:
                QMessageBox.information(
                    owner, QCoreApplication.translate("RecordFiles", "Record imported"), said
                )
        elif isinstance(result, _Newer):
            reason = _forcing_reason(owner, result)
            if reason:
                import_file(owner, engine, hub, path, imported, Replacing(reason, force=True))
        elif isinstance(result, _Held):
            answer = QMessageBox.question(
                owner,
                QCoreApplication.translate("RecordFiles", "Replace the patient's record?"),
                QCoreApplication.translate(
                    "RecordFiles",
                    "The database holds a patient with the MRN {mrn} already. Replace its "
                    "whole record with the file's? The audit keeps what it was.",
                ).format(mrn=result.mrn),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                import_file(owner, engine, hub, path, imported, Replacing())
        else:
            QMessageBox.warning(
                owner,
                QCoreApplication.translate("RecordFiles", "Record not imported"),
                QCoreApplication.translate(
                    "RecordFiles", "Nothing was imported from {file}:"
                ).format(file=path)
                + "\n\n"
                + "\n".join(result.problems),
            )

    def failed(message: str) -> None:
        QMessageBox.critical(
            owner, QCoreApplication.translate("RecordFiles", "Record not imported"), message
        )

    run_task(owner, work, done, failed)


def _forcing_reason(owner: QWidget, newer: _Newer) -> str:
    """Why the user replaces a record changed since the file was exported ("" to stop)."""
    filed = (
        QCoreApplication.translate("RecordFiles", "no revision")
        if newer.filed is None
        else QCoreApplication.translate("RecordFiles", "revision {n}").format(n=newer.filed)
    )
    text, ok = QInputDialog.getMultiLineText(
        owner,
        QCoreApplication.translate("RecordFiles", "The record changed after this file"),
        QCoreApplication.translate(
            "RecordFiles",
            "The database holds revision {held} of the record of {mrn}, newer than the "
            "file's ({filed}): replacing it undoes every change made since. Export the "
            "record again to keep them.\n\nTo replace it anyway, say why (kept by the audit):",
        ).format(held=newer.held, mrn=newer.mrn, filed=filed),
    )
    return text.strip() if ok else ""


def export_record(owner: QWidget, engine: Engine, patient_id: int, mrn: str) -> None:
    """Ask where, then write the patient's record file (as ``mmtracker export-record``)."""
    chosen, _ = QFileDialog.getSaveFileName(
        owner,
        QCoreApplication.translate("RecordFiles", "Export the record of {mrn}").format(mrn=mrn),
        str(documents_folder() / f"{mrn}.json"),
        QCoreApplication.translate("RecordFiles", "Record files (*.json)"),
    )
    if chosen:
        export_file(owner, engine, patient_id, Path(chosen))


def export_file(owner: QWidget, engine: Engine, patient_id: int, path: Path) -> None:
    """Write the patient's record to ``path`` off the GUI thread."""

    def work(_progress: object) -> Path:
        from mmtracker.config import actor
        from mmtracker.files import write_text
        from mmtracker.workflows import record_text

        # whole or not at all, 0600, never through a link; the export audited
        write_text(path, record_text(engine, patient_id, actor()))
        return path

    def done(written: Path) -> None:
        QMessageBox.information(
            owner,
            QCoreApplication.translate("RecordFiles", "Record exported"),
            QCoreApplication.translate("RecordFiles", "The record was written to {file}.").format(
                file=written
            ),
        )

    def failed(message: str) -> None:
        QMessageBox.critical(
            owner, QCoreApplication.translate("RecordFiles", "Record not exported"), message
        )

    run_task(owner, work, done, failed)
