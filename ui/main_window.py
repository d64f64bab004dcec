"""The one main window: navigation on the left, the chosen area on the right.

It knows who signed in: the status bar names them, the navigation lists only the areas
their role may use, and a shortcut to an area left out does nothing.

Only the overview (where the window opens) is built before the window shows. Every other
area – the front desk's four, the directory, the rules, the supervision areas – is built,
and its modules imported, the first time it is needed: shown, reached by a shortcut, or
asked for in code. The front desk, which almost every user needs first, is also built
150 ms after the window first shows, once the first paint is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.config import Settings
from app.drafts import default_draft_store
from app.i18n import _
from app.security.accounts import SignedIn
from app.services.database import Database
from ui.areas import Area, areas
from ui.controllers.connection import ConnectionWatch
from ui.controllers.overview_controller import OverviewController
from ui.controllers.sign_in_roles import (
    acting_actor,
    acting_settings,
    may_see_area,
    user_text,
)
from ui.startup_probe import front_desk_ready, watch_start
from ui.views.connection_banner import ConnectionBanner
from ui.views.empty_state import EmptyStatePage
from ui.views.navigation import NavigationView
from ui.views.overview_page import OverviewPage
from ui.views.status_bar import StatusBarView
from ui.worker import DatabaseWorker

if TYPE_CHECKING:
    from ui.controllers.directory_controller import DirectoryController
    from ui.controllers.front_desk import FrontDesk
    from ui.controllers.rules_controller import RulesController
    from ui.controllers.sync_controller import SyncController
    from ui.views.directory_page import DirectoryPage
    from ui.views.rules_page import RulesPage

DEFAULT_SIZE = (1280, 800)
FRONT_DESK_AREAS = ("reception", "person", "visit", "letters")
# Built only for the roles that may use them; the others keep the empty state, never shown.
SUPERVISION = ("approval", "statistics")
# When the front desk is built ahead of its first use: after the window's first paint (a few
# milliseconds after it shows), usually well before the first key.
PREPARE_AFTER_MS = 150
SMALLEST_SIZE = QSize(1024, 640)


def area_shortcut(area: Area) -> QKeySequence:
    return QKeySequence(f"Ctrl+{area.shortcut_digit}")


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, database: Database,
                 signed_in: SignedIn | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signed_in = signed_in  # None: the database has no accounts yet
        self.actor = acting_actor(settings, signed_in)
        settings = acting_settings(settings, signed_in)
        self.settings = settings
        self.setWindowTitle(_("Lotse – {office}").format(office=settings.office))
        self.resize(*DEFAULT_SIZE)
        self.database = database
        self.worker = DatabaseWorker(database.sessions, self)
        self.connection_banner = ConnectionBanner()
        self.connection = ConnectionWatch(self.worker, self.connection_banner, self, self)
        self.areas = areas()
        self.overview_page = OverviewPage()
        self.status_bar = StatusBarView()
        self.setStatusBar(self.status_bar)
        self.overview = OverviewController(self.worker, self.overview_page, self.status_bar, self)
        self.sync: SyncController | None = None
        self._drafts = default_draft_store(settings)
        self._front_desk: FrontDesk | None = None
        self._directory: tuple[DirectoryController, DirectoryPage] | None = None
        self._rules: tuple[RulesController, RulesPage] | None = None
        self._restore_offered = False
        self._on_show: dict[str, Callable[[], None]] = {
            "overview": self.overview.refresh,
            "directory": lambda: self.directory.load_once(),
            "rules": lambda: self.rules.load_once(),
            "letters": lambda: self.front_desk.show_letters(),
        }
        self._build(settings, database)

    def _build(self, settings: Settings, database: Database) -> None:
        shortcuts = [area_shortcut(area) for area in self.areas]
        self.navigation = NavigationView(
            self.areas, [s.toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts])
        self.pages = QStackedWidget()
        for area in self.areas:
            self.pages.addWidget(self._page_for(area))
        central = QWidget()
        column = QVBoxLayout(central)  # the connection banner across the top, when shown
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.connection_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        column.addLayout(layout, 1)
        self.setCentralWidget(central)
        for row, shortcut in enumerate(shortcuts):
            if self.may_use(self.areas[row]):
                self._add_area_action(row, shortcut)
            else:
                self.navigation.hide_area(row)
        self._add_action(_("Suchen"), QKeySequence.StandardKey.Find,
                         lambda: self.front_desk.search())
        self._add_action(_("Neue Person"), QKeySequence("F2"),
                         lambda: self.front_desk.new_person())
        self.navigation.area_chosen.connect(self._show_area)
        self.overview.show_site(settings, database)
        self._show_who(settings)
        self._start_sync(settings, database)
        self.navigation.select(0)
        self.navigation.list.setFocus()
        # A fixed lower bound, so that the layout does not move it whenever a text changes
        # (each move would be sent to the window system again).
        self.setMinimumSize(self.minimumSizeHint().expandedTo(SMALLEST_SIZE))

    def _start_sync(self, settings: Settings, database: Database) -> None:
        """A branch workstation synchronises in the background (F9: now)."""
        if settings.mode != "branch":
            return
        from ui.controllers.sync_controller import branch_sync
        from ui.views.sync_status import SYNC_KEYS

        self.sync = branch_sync(database, settings, self.actor, self.status_bar, self)
        if self.sync is not None:
            self._add_action(_("Jetzt synchronisieren"), QKeySequence(SYNC_KEYS),
                             self.sync.sync_now)
            self.sync.pulled.connect(self._refresh_after_sync)

    def _refresh_after_sync(self) -> None:
        """Changes arrived: the overview's counts are cheap to load again when in view."""
        if self.current_area().key == "overview":
            self.overview.refresh()

    def may_use(self, area: Area) -> bool:
        return may_see_area(self.actor.role, area.key)

    def _show_who(self, settings: Settings) -> None:
        self.status_bar.user.setText(user_text(settings, self.signed_in))
        self.status_bar.user.setAccessibleName(self.status_bar.user.text())
        if self.signed_in is None:
            self.no_accounts = QLabel(_("Keine Benutzerkonten – lotse user add NAME --role "
                                        "admin legt das erste an"))
            self.no_accounts.setObjectName("no-accounts")
            self.no_accounts.setAccessibleName(self.no_accounts.text())
            self.status_bar.addPermanentWidget(self.no_accounts)

    def _page_for(self, area: Area) -> QWidget:
        """The overview, an empty state for an area not for this role (never shown), or a
        stand-in until the area is built (``_build_area``)."""
        if area.key == "overview":
            return self.overview_page
        if area.key in (*FRONT_DESK_AREAS, "directory", "rules") or (
                area.key in SUPERVISION and self.may_use(area)):
            return QWidget()
        return EmptyStatePage(area)

    def _place(self, key: str, page: QWidget) -> None:
        """Put a built area's page where its stand-in was."""
        row = self.area_row(key)
        stand_in = self.pages.widget(row)
        self.pages.insertWidget(row, page)
        if stand_in is not None:
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()

    def _build_area(self, key: str) -> None:
        """Build the area behind ``key`` if it is not built yet."""
        if key in FRONT_DESK_AREAS:
            self.front_desk  # noqa: B018 - built on first use
        elif key == "directory":
            self.directory  # noqa: B018
        elif key == "rules":
            self.rules  # noqa: B018
        elif key in SUPERVISION and self.may_use(self.areas[self.area_row(key)]) \
                and type(self.pages.widget(self.area_row(key))) is QWidget:
            self._place(key, self._supervision_area(key))

    def _supervision_area(self, key: str) -> QWidget:
        if key == "approval":
            from ui.views.approval_page import ApprovalArea

            return ApprovalArea(self.worker, self.settings, lambda: self.actor, self)
        from ui.views.statistics_page import StatisticsArea

        return StatisticsArea(self.worker, self.settings, lambda: self.actor, self)

    @property
    def front_desk(self) -> FrontDesk:
        """Reception, person, visit and letters (built the first time they are needed)."""
        if self._front_desk is None:
            from ui.controllers.front_desk import FrontDesk

            front_desk = FrontDesk(self.worker, self.settings, self._drafts, self.go_to_area,
                                   self, actor=self.actor)
            front_desk.person.enable_audit_trail(self.actor)
            front_desk.letters.enable_outcomes(self.actor)
            self._front_desk = front_desk
            for key, page in front_desk.pages().items():
                self._place(key, page)
        return self._front_desk

    @property
    def directory(self) -> DirectoryController:
        return self._directory_area()[0]

    @property
    def directory_page(self) -> DirectoryPage:
        return self._directory_area()[1]

    def _directory_area(self) -> tuple[DirectoryController, DirectoryPage]:
        if self._directory is None:
            from ui.controllers.directory_controller import DirectoryController
            from ui.views.directory_page import DirectoryPage

            page = DirectoryPage()
            self._directory = (DirectoryController(self.worker, page, self,
                                                   settings=self.settings, actor=self.actor),
                               page)
            self._place("directory", page)
        return self._directory

    @property
    def rules(self) -> RulesController:
        return self._rules_area()[0]

    @property
    def rules_page(self) -> RulesPage:
        return self._rules_area()[1]

    def _rules_area(self) -> tuple[RulesController, RulesPage]:
        if self._rules is None:
            from ui.controllers.rules_controller import RulesController
            from ui.views.rules_page import RulesPage

            page = RulesPage()
            self._rules = (RulesController(self.worker, page, self), page)
            self._place("rules", page)
        return self._rules

    def _add_area_action(self, row: int, shortcut: QKeySequence) -> None:
        action = QAction(self.areas[row].title, self)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda: self.go_to(row))
        self.addAction(action)

    def _add_action(self, title: str, keys: QKeySequence | QKeySequence.StandardKey,
                    triggered: Callable[[], None]) -> None:
        action = QAction(title, self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(triggered)
        self.addAction(action)

    def go_to_area(self, key: str) -> None:
        """Show an area without moving the focus (the caller puts it where it belongs)."""
        self.navigation.select(self.area_row(key))

    def go_to(self, row: int) -> None:
        """Show an area and put the keyboard focus into it (or on the navigation)."""
        self.navigation.select(row)
        page = self.pages.currentWidget()
        if page is not None and page.focusProxy() is not None:
            page.setFocus()
        else:
            self.navigation.list.setFocus()

    def area_row(self, key: str) -> int:
        return [area.key for area in self.areas].index(key)

    def current_area(self) -> Area:
        return self.areas[self.pages.currentIndex()]

    def _show_area(self, row: int) -> None:
        if row < 0:
            return
        self._build_area(self.areas[row].key)
        self.pages.setCurrentIndex(row)
        refresh = self._on_show.get(self.areas[row].key)
        if refresh is not None:
            refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._restore_offered:  # once, when the window is on screen
            self._restore_offered = True
            watch_start(self)  # python -m bench startup
            QTimer.singleShot(0, self, self._offer_restore)
            QTimer.singleShot(PREPARE_AFTER_MS, self, self._prepare_front_desk)

    def _offer_restore(self) -> None:
        """Unsaved input from last time is offered back (the front desk is built for it)."""
        if self._drafts.load_all():
            self.front_desk.offer_restore(self)

    def _prepare_front_desk(self) -> None:
        if self.isVisible() and self.may_use(self.areas[self.area_row("reception")]):
            self.front_desk  # noqa: B018 - ready before the first Ctrl+F
        front_desk_ready()  # python -m bench startup

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._front_desk is not None:  # unsaved input is offered again at the next start
            self._front_desk.keep_drafts()
        if self.sync is not None:
            self.sync.shutdown()
        self.worker.shutdown()
        if self._front_desk is not None:
            self._front_desk.shutdown()
        super().closeEvent(event)
