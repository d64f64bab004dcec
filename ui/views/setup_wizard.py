"""The first-start wizard: mode, server (shared and branch), office, workstation, printer.

Keyboard first: Enter goes on (Alt+W), Alt+Z goes back, Esc cancels; every input has its
label as accessible name. What a page needs checked (fields, saving) is asked of the
controller through ``check_page`` before the wizard moves on or finishes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget, QWizard

from app.i18n import _
from app.setup.choices import BRANCH
from ui.views.setup_pages import MODE_PAGE, SERVER_PAGE, SITE_PAGE, ModePage, ServerPage, SitePage

WIDTH, HEIGHT = 640, 520

PageCheck = Callable[[int], bool]


class SetupWizard(QWizard):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Lotse einrichten"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)  # the same on every platform
        self.mode_page, self.server_page, self.site_page = ModePage(), ServerPage(), SitePage()
        self.setPage(MODE_PAGE, self.mode_page)
        self.setPage(SERVER_PAGE, self.server_page)
        self.setPage(SITE_PAGE, self.site_page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        for button, text in ((QWizard.WizardButton.NextButton, _("&Weiter >")),
                             (QWizard.WizardButton.BackButton, _("< &Zurück")),
                             (QWizard.WizardButton.FinishButton, _("&Fertigstellen")),
                             (QWizard.WizardButton.CancelButton, _("Abbrechen"))):
            self.setButtonText(button, text)
        self.check_page: PageCheck | None = None
        self.currentIdChanged.connect(self._entered)
        self.setMinimumSize(self.minimumSizeHint().expandedTo(QSize(WIDTH, HEIGHT)))

    def mode(self) -> str:
        return self.mode_page.mode()

    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        return self.check_page is None or self.check_page(self.currentId())

    def _entered(self, page: int) -> None:
        if page == SERVER_PAGE:
            self.server_page.configure(self.mode())
        if page == SITE_PAGE:
            self.site_page.branch_hint.setVisible(self.mode() == BRANCH)
