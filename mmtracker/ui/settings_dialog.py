"""Settings (File → Settings…): units, language, the clinic's name, the database, and the
care policy in force (each value, where it comes from, its source and accepted range).

Units and language take effect at once; the clinic's name and the database are kept in
the settings file (mmtracker/config.py), the database at the next start. A database is
tested off the GUI thread without changing it (no migration, no backup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mmtracker.logic.policy import Policy, PolicySpec
from mmtracker.logic.units import UnitSystem
from mmtracker.ui.forms.form_dialog import FormDialog
from mmtracker.ui.workers import run_task

if TYPE_CHECKING:
    from mmtracker.ui.main_window import MainWindow

DATABASE_KEY = "database_url"


def accepted(spec: PolicySpec) -> str:
    """A policy value's accepted range or choices."""
    if spec.choices:
        return ", ".join(spec.choices)
    if spec.low is not None and spec.high is not None:
        return f"{spec.low:g}–{spec.high:g}"
    return ""


def test_database(url: str) -> str:
    """Whether mmtracker can open ``url``, said in a line (off the GUI thread; nothing is
    changed: no migration, no backup)."""
    from mmtracker.config import SettingError
    from mmtracker.storage.engine import StorageError, make_engine
    from mmtracker.storage.schema import schema_state
    from mmtracker.workflows import checked_database_url, patient_count

    try:
        checked = checked_database_url(url, existing=True)
        engine = make_engine(checked)
        try:
            state = schema_state(engine)
            patients = patient_count(engine) if state.current is not None else 0
        finally:
            engine.dispose()
    except (SettingError, StorageError) as exc:
        return str(exc)
    except Exception as exc:  # a server that does not answer, a file that is no database
        return f"{type(exc).__name__}: {exc}"
    said = (
        QCoreApplication.translate(
            "SettingsDialog", "Connected: schema {schema} (this version's is {head}), one patient"
        )
        if patients == 1
        else QCoreApplication.translate(
            "SettingsDialog",
            "Connected: schema {schema} (this version's is {head}), {count} patients",
        )
    )
    return said.format(schema=state.current or "—", head=state.head, count=patients)


class SettingsDialog(FormDialog):
    """The window's settings; applied on OK (Enter moves on, Esc asks before dropping edits)."""

    def __init__(
        self, window: MainWindow, policy: Policy | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent or window)
        from mmtracker.config import (
            CLINIC_NAME_KEY,
            clinic_policy_file,
            paths,
            policy_specs,
            read_settings,
        )

        self._window = window
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(760)
        settings = read_settings(paths())
        self.units = QComboBox()
        self.units.addItem(self.tr("SI (mmol/L, µmol/L, g/L)"), UnitSystem.SI.value)
        self.units.addItem(self.tr("Conventional (mg/dL, g/dL)"), UnitSystem.CONVENTIONAL.value)
        self.units.setCurrentIndex(max(self.units.findData(window.units().value), 0))
        self.language = QComboBox()
        for code, name in (("en", "English"), ("zh_CN", "简体中文")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(window.language()), 0))
        self.clinic = QLineEdit(str(settings.get(CLINIC_NAME_KEY, "")))
        self.clinic.setPlaceholderText(self.tr("As printed at the head of summaries"))
        self.database = QLineEdit(str(settings.get(DATABASE_KEY, "")))
        self.database.setPlaceholderText(self.tr("Empty: this user's own database"))
        self.test_button = QPushButton(self.tr("&Test the connection"))
        self.test_button.clicked.connect(self.test)
        self.tested = QLabel()
        self.tested.setWordWrap(True)
        database_row = QHBoxLayout()
        database_row.addWidget(self.database, 1)
        database_row.addWidget(self.test_button)
        form = QFormLayout()
        form.addRow(self.tr("&Units:"), self.units)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Clinic name:"), self.clinic)
        database_label = QLabel(self.tr("&Database (URL):"))
        database_label.setBuddy(self.database)
        form.addRow(database_label, database_row)
        form.addRow("", self.tested)
        form.addRow("", QLabel(self.tr("A new database is used from the next start.")))

        clinic_file = clinic_policy_file()
        policy_label = QLabel(
            self.tr("Care policy in force: the shipped values, with the clinic file {file}").format(
                file=clinic_file
            )
            if clinic_file is not None
            else self.tr("Care policy in force: the shipped values (no clinic file {file})").format(
                file=paths().config / "policy.toml"
            )
        )
        policy_label.setWordWrap(True)
        self.policy = QTableWidget(0, 5)
        self.policy.setHorizontalHeaderLabels(
            [
                self.tr("Setting"),
                self.tr("In force"),
                self.tr("From"),
                self.tr("Accepted"),
                self.tr("Source"),
            ]
        )
        self.policy.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.policy.verticalHeader().hide()
        header = self.policy.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        specs = policy_specs()
        values = dict(policy.values) if policy is not None else {}
        self.policy.setRowCount(len(specs))
        for row, (key, spec) in enumerate(sorted(specs.items())):
            value = values.get(key, spec.default)
            origin = self.tr("the clinic file") if value != spec.default else self.tr("shipped")
            for column, text in enumerate((key, str(value), origin, accepted(spec), spec.source)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.policy.setItem(row, column, item)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(policy_label)
        layout.addWidget(self.policy, 1)
        layout.addWidget(buttons)
        for field in (self.units, self.language, self.clinic, self.database):
            field.installEventFilter(self)
        self._first = self._fields()

    def _fields(self) -> tuple[object, ...]:
        return (
            self.units.currentData(),
            self.language.currentData(),
            self.clinic.text(),
            self.database.text(),
        )

    def is_changed(self) -> bool:
        """Whether a setting was changed since the dialog opened."""
        return self._fields() != self._first

    def test(self) -> None:
        """Test the database typed (its URL, or this user's own when empty)."""
        url = self.database.text().strip() or None
        self.tested.setText(self.tr("Testing…"))
        self.test_button.setEnabled(False)

        def done(said: str) -> None:
            self.tested.setText(said)
            self.test_button.setEnabled(True)

        run_task(self, lambda _progress: test_database(url or ""), done, done)

    def accept(self) -> None:
        """Apply: units and language now, the rest into the settings file."""
        from mmtracker.config import (
            CLINIC_NAME_KEY,
            SettingError,
            holds_password,
            url_shape_problem,
            write_setting,
        )

        url = self.database.text().strip()
        problem = url_shape_problem(url) if url else None
        if url and holds_password(url):
            problem = self.tr(
                "The database URL holds a password, which the settings file must not keep. "
                "Take it out of the URL and keep it in ~/.pgpass (mode 0600) or in the system "
                "keyring (mmtracker db password)."
            )
        if problem:
            QMessageBox.warning(self, self.tr("Settings not saved"), problem)
            return
        try:
            write_setting(CLINIC_NAME_KEY, self.clinic.text().strip())
            write_setting(DATABASE_KEY, url)
        except (OSError, SettingError) as exc:
            QMessageBox.warning(self, self.tr("Settings not saved"), str(exc))
            return
        self._window.set_units(UnitSystem(self.units.currentData()))
        if self.language.currentData() != self._window.language():
            self._window.set_language(str(self.language.currentData()))
        super().accept()
