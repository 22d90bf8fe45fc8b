"""The main window: three places — Worklist, Patients, Patient — kept fresh across workstations.

The window can be shown before its database is open: it then says that the
database is being opened until :meth:`MainWindow.show_database` gives it the
database and its patient list, read off the GUI thread (mmtracker/ui/app.py).
Nothing of the database layer (SQLAlchemy, the tables) is imported before that,
so that the window comes up at once. Every later read runs through
:func:`mmtracker.ui.workers.run_task`.

Given the care policy, the window also brings the stored care-item state up to
date (re-assessing stale patients, e.g. after an upgrade of the rules) in a
worker thread with a progress bar, at start and when the day turns: the GUI
thread never waits for it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QToolBar,
)

from mmtracker import i18n
from mmtracker.logic.families import Family
from mmtracker.logic.units import UnitSystem
from mmtracker.logic.worklist_order import Show
from mmtracker.ui.accounts import Accounts
from mmtracker.ui.hub import Hub
from mmtracker.ui.patients.screen import PatientsScreen
from mmtracker.ui.workers import Progress, Task, busy, run_task, stop_all
from mmtracker.ui.worklist.screen import WorklistRead, WorklistScreen

if TYPE_CHECKING:  # the database layer is imported where it is used, once a database is open
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

    from mmtracker.logic.policy import Policy
    from mmtracker.storage.engine import StorageError
    from mmtracker.storage.patient_list import PatientListRow
    from mmtracker.storage.worklist import WorklistRow
    from mmtracker.ui.patient.view import PatientView

POLL_INTERVAL_MS = 60_000
SETTINGS_FILE = "window.ini"
"""The window's own settings (geometry, place, filters, open patients), in the config folder."""


def window_settings() -> QSettings:
    """The window's settings file of this user (in the config folder), its owner's only: Qt
    writes it through a new file that keeps the old one's mode, whatever the umask."""
    from mmtracker.config import make_private, paths

    path = paths().config / SETTINGS_FILE
    with contextlib.suppress(OSError):  # a folder not ours to write: Qt keeps them in memory
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.touch(mode=0o600)
        make_private(path)
    return QSettings(str(path), QSettings.Format.IniFormat)


def saved_language() -> str | None:
    """The language last chosen in the window (View → Language), if any."""
    lang = window_settings().value("view/language")
    return str(lang) if lang in i18n.LANGUAGES else None


class Place(IntEnum):
    """The places of the main window, in the order of their keys (Ctrl+1, 2, 3)."""

    WORKLIST = 0
    PATIENTS = 1
    PATIENT = 2


def database_label(url: str | URL) -> str:
    """How a database is named to the user: the file of SQLite, the URL without password otherwise."""
    from mmtracker.storage.sql import plain_sqlite_file

    plain = plain_sqlite_file(url) if isinstance(url, str) else None
    if plain is not None:  # named without loading SQLAlchemy
        return str(plain)
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return str(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


@dataclass(frozen=True, slots=True)
class Listing:
    """The patient list as of a day, with the revision counters read just before it."""

    as_of: dt.date
    revisions: dict[int, int]
    rows: list[PatientListRow]


def read_listing(engine: Engine, as_of: dt.date) -> Listing:
    """The patient list as of ``as_of``; raises StorageError when the database cannot be read."""
    from mmtracker.storage import patient_list as listing

    current = listing.revisions(engine)
    return Listing(as_of, current, listing.patient_list(engine, as_of))


@dataclass(frozen=True, slots=True)
class OpenDatabase:
    """A database opened for the window, with what the window shows of it first."""

    engine: Engine
    demo: bool
    """Opened as the demo database, or marked as a demo database."""
    listing: Listing | StorageError
    """The patient list, or why it could not be read."""


@dataclass(frozen=True, slots=True)
class FirstLook:
    """What the window shows of a database read directly (mmtracker/storage/direct.py),
    before its engine is ready: its name, its worklist and the policy it was read under."""

    url: str
    name: str
    demo: bool
    policy: Policy
    worklist: WorklistRead


def read_database(engine: Engine, *, demo: bool, as_of: dt.date) -> OpenDatabase:
    """What the window first shows of an open database (run off the GUI thread at start)."""
    from mmtracker.storage.engine import StorageError
    from mmtracker.storage.marks import is_demo

    demo = demo or is_demo(engine)
    try:
        listing: Listing | StorageError = read_listing(engine, as_of)
    except StorageError as exc:
        listing = exc
    return OpenDatabase(engine, demo, listing)


class MainWindow(QMainWindow):
    """The worklist, the patient list and the open patients of one database.

    ``demo`` says the database was opened as the demo; one marked as a demo
    database (``mmtracker demo`` filled it) shows DEMO however it was opened.
    Given an ``engine``, the window reads its database at once, under ``policy``;
    without one it shows that its database is being opened until
    :meth:`show_database`. ``lang`` is the language installed (for exports).
    """

    loaded = Signal()
    """The database is open and its patient list shown (or why it could not be read)."""

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        demo: bool,
        hub: Hub | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        poll_interval_ms: int = POLL_INTERVAL_MS,
        policy: Policy | None = None,
        lang: str = i18n.SOURCE_LANGUAGE,
    ) -> None:
        super().__init__()
        self._engine: Engine | None = None
        self._database_name: str | None = None
        self._waiting_patient: tuple[int, str] | None = None
        self._listing_rows: list[PatientListRow] = []
        """A patient asked for while the worklist was shown and the engine not yet ready."""
        self._demo = demo
        self._today = today
        self._as_of = today()
        self._lang = lang
        self._units = UnitSystem.SI
        self._revisions: dict[int, int] = {}
        self._policy: Policy | None = None
        self._care_task: Task | None = None
        self._care_day: dt.date | None = None  # the day the stored state was last brought up to
        self._care_running_day: dt.date | None = None
        self._waited: list[Task] = []  # work the window waits for when it closes
        self._closed = False
        self._views: list[PatientView] = []
        self._settings = window_settings()
        self.hub = hub or Hub(self)

        self.worklist = WorklistScreen(today, self)
        self.worklist.set_language(lang)
        self.worklist.open_patient.connect(self.open_patient)
        self.worklist.acknowledge_requested.connect(self._acknowledge)
        self.patients = PatientsScreen(self)
        self.patients.open_patient.connect(self.open_patient)
        self.patients.new_patient.connect(self.new_patient)
        self.patient_tabs = QTabWidget()
        self.patient_tabs.setTabsClosable(True)
        self.patient_tabs.setDocumentMode(True)
        self.patient_tabs.tabCloseRequested.connect(self.close_patient)
        self.places = QStackedWidget()
        self.places.addWidget(self.worklist)
        self.places.addWidget(self.patients)
        self.places.addWidget(self.patient_tabs)
        self.setCentralWidget(self.places)

        self.navigation = QToolBar()
        self.navigation.setObjectName("navigation")
        self.navigation.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.navigation)
        self._place_group = QActionGroup(self)
        self.place_actions: dict[Place, QAction] = {}
        for place in Place:
            action = self.navigation.addAction("")
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{place + 1}"))
            action.triggered.connect(lambda _checked=False, p=place: self.show_place(p))
            self._place_group.addAction(action)
            self.place_actions[place] = action
        self.place_actions[Place.PATIENT].setEnabled(False)

        self.policy_label = QLabel()
        self.policy_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.policy_label)
        self.care_progress = QProgressBar()
        self.care_progress.setMaximumWidth(260)
        self.care_progress.setVisible(False)
        self.statusBar().addPermanentWidget(self.care_progress)
        self.busy_label = QLabel()
        self.busy_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.busy_label)
        busy().changed.connect(self._busy_changed)
        self.statusBar().addPermanentWidget(self.patients.count_label)

        self._build_menus()
        search = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        search.activated.connect(self._focus_search)

        self.hub.patient_changed.connect(self._patient_changed)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_interval_ms)
        self.poll_timer.timeout.connect(self.poll)

        self.resize(1280, 800)
        self._restore_settings()
        self.retranslate()
        if engine is None:
            self.setCursor(Qt.CursorShape.BusyCursor)
            self.statusBar().showMessage(self.tr("Opening the database…"))
        else:
            self.show_database(read_database(engine, demo=demo, as_of=self._as_of), policy)

    # --- menus and texts ---------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.refresh_action = self.file_menu.addAction("")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.export_action = self.file_menu.addAction("")
        self.export_action.triggered.connect(lambda: self.worklist.export_csv())
        self.file_menu.addSeparator()
        self.import_record_action = self.file_menu.addAction("")
        self.import_record_action.triggered.connect(self.import_record)
        self.export_record_action = self.file_menu.addAction("")
        self.export_record_action.triggered.connect(self.export_record)
        self.file_menu.addSeparator()
        self.settings_action = self.file_menu.addAction("")
        self.settings_action.triggered.connect(self.open_settings)
        self.file_menu.addSeparator()
        self.accounts = Accounts(self, self.file_menu)
        self.file_menu.addSeparator()
        self.close_patient_action = self.file_menu.addAction("")
        # Ctrl+W everywhere, and the platform's own key where it is another (Ctrl+F4).
        keys = [QKeySequence("Ctrl+W"), QKeySequence(QKeySequence.StandardKey.Close)]
        self.close_patient_action.setShortcuts([k for i, k in enumerate(keys) if k not in keys[:i]])
        self.close_patient_action.triggered.connect(self._close_current_patient)
        self.file_menu.addSeparator()
        self.quit_action = self.file_menu.addAction("")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)

        self.view_menu = self.menuBar().addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        languages = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in (("en", "English"), ("zh_CN", "简体中文")):
            action = self.language_menu.addAction(name)  # each in its own language
            action.setCheckable(True)
            action.setChecked(lang == self._lang)
            action.triggered.connect(lambda _checked=False, code=lang: self.set_language(code))
            languages.addAction(action)
            self.language_actions[lang] = action
        self.units_menu = self.view_menu.addMenu("")
        units = QActionGroup(self)
        self.unit_actions: dict[UnitSystem, QAction] = {}
        for system in UnitSystem:
            action = self.units_menu.addAction("")
            action.setCheckable(True)
            action.setChecked(system is self._units)
            action.triggered.connect(lambda _checked=False, s=system: self.set_units(s))
            units.addAction(action)
            self.unit_actions[system] = action

    def retranslate(self) -> None:
        """Every text of the window again, in the installed language."""
        names = {
            Place.WORKLIST: self.tr("&Worklist"),
            Place.PATIENTS: self.tr("&Patients"),
            Place.PATIENT: self.tr("P&atient"),
        }
        for place, action in self.place_actions.items():
            action.setText(names[place])
            action.setToolTip(
                self.tr("{place} ({key})").format(
                    place=names[place].replace("&", ""),
                    key=action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
        self.navigation.setWindowTitle(self.tr("Places"))
        self.file_menu.setTitle(self.tr("&File"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.export_action.setText(self.tr("&Export the worklist as CSV…"))
        self.import_record_action.setText(self.tr("&Import a record file…"))
        self.export_record_action.setText(self.tr("Export the patient's &record file…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.close_patient_action.setText(self.tr("&Close the patient"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.units_menu.setTitle(self.tr("&Units"))
        self.unit_actions[UnitSystem.SI].setText(self.tr("SI (mmol/L, µmol/L, g/L)"))
        self.unit_actions[UnitSystem.CONVENTIONAL].setText(self.tr("Conventional (mg/dL, g/dL)"))
        self.care_progress.setAccessibleName(self.tr("Updating care items"))
        self.busy_label.setText(self.tr("Working…"))
        self.accounts.retranslate()
        self._update_title()
        self.worklist.retranslate()
        self.patients.retranslate()
        for view in self._patient_views():
            view.retranslate()
            self.patient_tabs.setTabText(self.patient_tabs.indexOf(view), view.title())

    def _update_title(self) -> None:
        name = self._database_name
        if name is None:  # the application's name, and DEMO if asked for
            self.setWindowTitle(self.tr("mmtracker — DEMO") if self._demo else "mmtracker")
            return
        if self._demo:
            self.setWindowTitle(self.tr("mmtracker — DEMO — {database}").format(database=name))
        else:
            self.setWindowTitle(self.tr("mmtracker — {database}").format(database=name))

    def set_language(self, lang: str) -> None:
        """Switch the whole window to ``lang``, keeping the open patients and filters."""
        app = QApplication.instance()
        i18n.install(app if isinstance(app, QApplication) else None, lang)
        self._lang = lang
        self.worklist.set_language(lang)
        for view in self._patient_views():
            view.set_language(lang)
        self.language_actions[lang].setChecked(True)
        self._settings.setValue("view/language", lang)
        self.retranslate()

    def set_units(self, units: UnitSystem) -> None:
        """Show values in SI or conventional units, everywhere in the window."""
        self._units = units
        self.unit_actions[units].setChecked(True)
        self._settings.setValue("view/units", units.value)
        self.worklist.set_units(units)
        for view in self._patient_views():
            view.set_units(units)

    # --- places ------------------------------------------------------------------------

    def show_place(self, place: Place) -> None:
        """Show one of the three places (the Patient place only when a patient is open)."""
        if place is Place.PATIENT and self.patient_tabs.count() == 0:
            return
        self.places.setCurrentIndex(place)
        self.place_actions[place].setChecked(True)
        self.patients.count_label.setVisible(place is Place.PATIENTS)

    def current_place(self) -> Place:
        """The place shown."""
        return Place(self.places.currentIndex())

    def _focus_search(self) -> None:
        place = self.current_place()
        if place is Place.WORKLIST:
            self.worklist.search_box.setFocus()
            self.worklist.search_box.selectAll()
        elif place is Place.PATIENTS:
            self.patients.search_box.setFocus()
            self.patients.search_box.selectAll()

    def _patient_views(self) -> list[PatientView]:
        """The open patients, in the order of their tabs."""
        tabs = self.patient_tabs
        return sorted(self._views, key=tabs.indexOf)

    def units(self) -> UnitSystem:
        """The unit system the window shows values in."""
        return self._units

    def language(self) -> str:
        """The language the window shows."""
        return self._lang

    def open_settings(self) -> None:
        """Units, language, clinic name, database and the care policy in force (a dialog)."""
        from mmtracker.ui.settings_dialog import SettingsDialog

        SettingsDialog(self, self._policy).open()

    def import_record(self) -> None:
        """Import a record file (File menu); the care items follow."""
        if self._engine is None:
            return
        from mmtracker.ui.record_files import import_record

        import_record(self, self._engine, self.hub, self._imported)

    def export_record(self) -> None:
        """Write the record file of the patient in view, or selected in the patient list."""
        if self._engine is None:
            return
        patient_id: int | None = None
        if self.current_place() is Place.PATIENT and self.patient_tabs.count():
            view = self.patient_tabs.currentWidget()
            patient_id = getattr(view, "patient_id", None)
        elif self.current_place() is Place.PATIENTS:
            patient_id = self.patients.selected_patient_id()
        mrn = next((r.mrn for r in self._listing_rows if r.patient_id == patient_id), None)
        if patient_id is None or mrn is None:
            self.statusBar().showMessage(
                self.tr("Open a patient, or select one in the patient list, to export its record."),
                5000,
            )
            return
        from mmtracker.ui.record_files import export_record

        export_record(self, self._engine, patient_id, mrn)

    def new_patient(self) -> None:
        """Register a patient (a dialog), then open it and ask for its first phase."""
        engine, policy = self._engine, self._policy
        if engine is None or policy is None:
            self.statusBar().showMessage(
                self.tr("The database is still being opened: try again in a moment."), 5000
            )
            return
        from mmtracker.ui.forms.patient_dialog import NewPatientDialog

        dialog = NewPatientDialog(engine, policy, self._today(), self)
        dialog.created.connect(self._created)
        dialog.open()

    def _created(self, patient_id: int) -> None:
        self.hub.patient_changed.emit(patient_id)  # the lists read again
        self.open_patient(patient_id)
        view = next((v for v in self._patient_views() if v.patient_id == patient_id), None)
        if view is not None:
            view.offer_first_phase()

    def open_patient(self, patient_id: int, item_id: str = "") -> None:
        """Show a patient in its tab (opened if needed), at a care item when one is given."""
        engine, policy = self._engine, self._policy
        if engine is None:
            if self._database_name is not None:  # the worklist is shown, the engine on its way
                self._waiting_patient = (patient_id, item_id)
            return
        if policy is None:  # a patient's care items need the rules' policy
            self.statusBar().showMessage(
                self.tr("No patient can be opened until the clinic policy file is corrected.")
            )
            return
        view = next((v for v in self._patient_views() if v.patient_id == patient_id), None)
        if view is None:
            from mmtracker.ui.patient.view import PatientView

            view = PatientView(engine, patient_id, policy, self._today, self.hub)
            view.set_units(self._units)
            view.set_language(self._lang)
            view.title_changed.connect(
                lambda title, v=view: self.patient_tabs.setTabText(
                    self.patient_tabs.indexOf(v), title
                )
            )
            self._views.append(view)
            self.patient_tabs.addTab(view, view.title())
            self._remember_open_patients()
        self.patient_tabs.setCurrentWidget(view)
        self.place_actions[Place.PATIENT].setEnabled(True)
        self.show_place(Place.PATIENT)
        if item_id:
            view.focus_item(item_id)

    def close_patient(self, index: int) -> None:
        """Close the patient tab at ``index``; back to the worklist when none is left open."""
        view = self.patient_tabs.widget(index)
        self.patient_tabs.removeTab(index)
        self._views = [v for v in self._views if v is not view]
        if view is not None:
            view.deleteLater()
        self._remember_open_patients()
        if self.patient_tabs.count() == 0:
            self.place_actions[Place.PATIENT].setEnabled(False)
            if self.current_place() is Place.PATIENT:
                self.show_place(Place.WORKLIST)

    def _close_current_patient(self) -> None:
        if self.current_place() is Place.PATIENT and self.patient_tabs.count():
            self.close_patient(self.patient_tabs.currentIndex())

    # --- settings ----------------------------------------------------------------------

    def _open_key(self) -> str:
        """The settings key of the patients open on this database (ids belong to a database)."""
        name = database_label(self._engine.url) if self._engine is not None else ""
        return "open-patients/" + name.replace("/", "|")

    def _remember_open_patients(self) -> None:
        if self._engine is not None:
            ids = [str(v.patient_id) for v in self._patient_views()]
            self._settings.setValue(self._open_key(), ",".join(ids))

    def _restore_settings(self) -> None:
        settings = self._settings
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        units = str(settings.value("view/units", UnitSystem.SI.value))
        if units in {u.value for u in UnitSystem}:
            self.set_units(UnitSystem(units))
        families = str(settings.value("worklist/families", "")).split(",")
        self.worklist.set_families({Family(f) for f in families if f in set(Family)})
        phases = str(settings.value("worklist/phases", "")).split(",")
        self.worklist.set_phases({p for p in phases if p})
        shows = {
            Show(s) for s in str(settings.value("worklist/shows", "")).split(",") if s in set(Show)
        }
        if shows:  # none saved (or, from an earlier version, none ticked): the usual groups
            self.worklist.set_shows(shows)
        place = str(settings.value("window/place", Place.WORKLIST.name))
        self.show_place(Place[place] if place in Place.__members__ else Place.WORKLIST)

    def _save_settings(self) -> None:
        settings = self._settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/place", self.current_place().name)
        filters = self.worklist.filters()
        settings.setValue("worklist/families", ",".join(sorted(filters.families)))
        settings.setValue("worklist/phases", ",".join(sorted(filters.phases)))
        settings.setValue("worklist/shows", ",".join(sorted(filters.shows or ())))
        self._remember_open_patients()
        settings.sync()

    def _reopen_patients(self) -> None:
        """Open again the patients this user had open on this database."""
        place = self.current_place()
        for text in str(self._settings.value(self._open_key(), "")).split(","):
            if text.isdigit():
                self.open_patient(int(text))
        self.show_place(place)

    # --- the database ------------------------------------------------------------------

    def show_first_look(self, look: FirstLook) -> None:
        """Show a database's worklist read before its engine is ready (:meth:`show_database`
        follows with the engine and the patient list)."""
        self._database_name = look.name
        self._demo = self._demo or look.demo
        self._policy = look.policy
        self._update_title()
        self.unsetCursor()
        self.worklist.set_policy(look.policy)
        self.worklist.show_read(look.worklist)
        self._care_day = look.worklist.day

    def show_database(
        self,
        database: OpenDatabase,
        policy: Policy | None,
        worklist: WorklistRead | None = None,
        *,
        worklist_shown: bool = False,
    ) -> None:
        """Show an open database: its name in the title, its lists; then keep them fresh.

        ``worklist``: today's worklist read with the database, which also brought the
        stored care-item state up to date for that day. ``worklist_shown``: the worklist
        is on screen already (:meth:`show_first_look`).
        """
        self._engine = database.engine
        self._database_name = database_label(database.engine.url)
        self._demo = self._demo or database.demo
        self._policy = policy
        self._update_title()
        self.unsetCursor()
        self.statusBar().clearMessage()
        if policy is not None and policy.warnings:
            self._show_policy_warnings(policy.warnings)
        if isinstance(database.listing, Listing):
            self._show_listing(database.listing)
        else:
            self._report(database.listing)
        self.worklist.set_database(database.engine, policy, refresh=False)
        self.poll_timer.start()
        if worklist is not None:
            self.worklist.show_read(worklist)
            self._care_day = worklist.day
        self.update_care_items()
        if worklist is None and not worklist_shown and not self.care_update_running():
            self.worklist.refresh()
        self._reopen_patients()
        if self._waiting_patient is not None:
            self.open_patient(*self._waiting_patient)
            self._waiting_patient = None
        self.loaded.emit()

    def is_open(self) -> bool:
        """Whether the window has its database (False while it is being opened)."""
        return self._engine is not None

    def is_closed(self) -> bool:
        """Whether the window has been closed."""
        return self._closed

    def wait_on_close(self, task: Task) -> None:
        """Have closing the window wait for ``task`` (work that cannot be cancelled)."""
        self._waited.append(task)

    def refresh(self) -> None:
        """Read the patient list, the worklist and the open patients again, off the GUI thread."""
        self._refresh_lists()
        for view in self._patient_views():
            view.reload()

    def _refresh_lists(self) -> None:
        engine = self._engine
        if engine is None:
            return  # the lists come with the database
        day = self._today()
        run_task(
            self, lambda _progress: read_listing(engine, day), self._show_listing, self._failed
        )
        if not self.care_update_running():
            self.worklist.refresh()

    def _patient_changed(self, _patient_id: int) -> None:
        """This workstation wrote a patient's record: the lists are read again (the patient's
        own view reads itself again on the same signal)."""
        self._refresh_lists()

    def _imported(self) -> None:
        """A record file was imported: its patient's care items are brought up to date (an
        import writes no care-item state), then the lists read again."""
        self._care_day = None
        self.update_care_items()

    def _show_listing(self, listing: Listing) -> None:
        self._as_of, self._revisions = listing.as_of, listing.revisions
        self._listing_rows = listing.rows
        self.patients.show_rows(listing.rows)

    def _failed(self, error: str) -> None:
        self.statusBar().showMessage(
            self.tr("The database could not be read: {error}").format(error=error)
        )

    def poll(self) -> None:
        """Refresh when another workstation changed a patient or the day turned.

        The care items are brought up to date for a new day (or again after a failure).
        """
        engine = self._engine
        if engine is None:
            return
        self.update_care_items()
        if self._today() != self._as_of:
            self.refresh()
            return

        def read(_progress: Progress) -> dict[int, int]:
            from mmtracker.storage import patient_list as listing

            return listing.revisions(engine)

        run_task(self, read, self._compare_revisions, self._failed)

    def _compare_revisions(self, current: dict[int, int]) -> None:
        """Another workstation wrote: the lists are read again, and the open patients it
        wrote to (the others, unchanged, keep what they show)."""
        if current == self._revisions:
            return
        self._refresh_lists()
        for view in self._patient_views():
            if current.get(view.patient_id) != self._revisions.get(view.patient_id):
                view.reload()

    def update_care_items(self) -> None:
        """Re-assess the patients whose stored care-item state is stale, off the GUI thread.

        Without a policy nothing is done; once done for a day, nothing more that day
        (each write re-assesses its own patient). While an update runs, another is
        started when it ends if the day has turned meanwhile. The worklist is read
        again when an update ends.
        """
        policy, engine = self._policy, self._engine
        if policy is None or engine is None:
            return
        if self._care_task is not None and self._care_task.isRunning():
            return
        day = self._today()
        if day == self._care_day:
            return

        def work(progress: Progress) -> int:
            from mmtracker.storage.state import refresh_stale  # the rules load in the worker

            return refresh_stale(engine, day, policy, progress)

        self._care_running_day = day
        self.care_progress.setRange(0, 0)  # busy until the first report
        self.care_progress.setFormat(self.tr("Updating care items"))
        self.care_progress.setVisible(True)
        task = run_task(
            self, work, self._care_done, self._care_failed, self._care_progress, self._care_finished
        )
        self.destroyed.connect(task.cancel)  # a window deleted unclosed stops its update too
        self._care_task = task

    def care_update_running(self) -> bool:
        """Whether stale care-item state is being re-assessed now."""
        return self._care_task is not None and self._care_task.isRunning()

    def _care_progress(self, done: int, total: int) -> None:
        self.care_progress.setRange(0, max(total, 1))
        self.care_progress.setValue(done)
        self.care_progress.setFormat(
            self.tr("Updating care items: {done} of {total}").format(done=done, total=total)
        )

    def _care_done(self, _count: int) -> None:
        self._care_day = self._care_running_day

    def _care_failed(self, error: str) -> None:
        self.statusBar().showMessage(
            self.tr("The care items could not be brought up to date: {error}").format(error=error)
        )

    def _care_finished(self) -> None:
        """The update's thread ended (done, failed or cancelled): forget it, catch up a new day."""
        self._care_task = None
        self.care_progress.setVisible(False)
        if self._closed:
            return
        if self._care_day is not None and self._today() != self._care_day:
            self.update_care_items()
        if not self.care_update_running():
            self.worklist.refresh()

    def _busy_changed(self, count: int) -> None:
        self.busy_label.setVisible(count > 0)

    def _show_policy_warnings(self, warnings: tuple[str, ...]) -> None:
        """The clinic policy file's warnings (e.g. an old key read as its new one, D37)."""
        self.policy_label.setText(
            self.tr("Policy file: {count} warning(s)").format(count=len(warnings))
        )
        self.policy_label.setToolTip("\n".join(warnings))
        self.policy_label.setVisible(True)

    # --- acknowledging -----------------------------------------------------------------

    def _acknowledge(self, rows: list[WorklistRow]) -> None:
        """Acknowledge or snooze the selected worklist items, with a reason, off the GUI thread."""
        engine, policy = self._engine, self._policy
        if engine is None and self._database_name is not None:  # the worklist read directly
            self.statusBar().showMessage(
                self.tr("The database is still being opened: try again in a moment."), 5000
            )
            return
        if engine is None or policy is None:
            return
        from mmtracker.ui.widgets.acknowledge import SelectedItem, acknowledge_in_background, ask

        items = [
            SelectedItem(r.patient_id, r.item.id, f"{r.mrn} {r.name}", finding)
            for r, finding in zip(rows, self.worklist.findings(rows), strict=True)
        ]
        on = self._today()
        choice = ask(self, items, on, policy)
        if choice is not None:  # the hub's patient_changed then reads the worklist again
            acknowledge_in_background(self, engine, self.hub, items, choice, on, policy)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt names it
        """Save the window's settings; stop every running task at its next progress report.

        No thread outlives the window: the opening of the database (which cannot be
        cancelled) and every read are waited for, and their results no longer shown.
        """
        self._save_settings()
        self._closed = True
        for waited in self._waited:
            waited.wait()
        stop_all()  # the care update, the worklist's and the patients' reads
        super().closeEvent(event)

    def _report(self, error: StorageError) -> None:
        self.statusBar().showMessage(
            self.tr("The database could not be read: {error}").format(error=error)
        )
