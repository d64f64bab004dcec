"""Export and import of the directory from its page: a file chosen in the usual dialog, the
work done by the background worker, the outcome said in a message – the counts after an
import, or every problem of a refused file (nothing is taken over then)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.config import Settings
from app.i18n import _
from app.security.permissions import Actor
from app.services.directory import DirectoryError, ImportReport
from ui.controllers import directory_operations as operations
from ui.controllers.failures import describe_failure
from ui.views.directory_page import DirectoryPage
from ui.worker import DatabaseWorker

MAX_LINES_SHOWN = 12  # the rest is in the message box's details


def _filters() -> tuple[str, str]:
    return (_("Lotse-Verzeichnis (*.yaml *.yml)"), _("Open Referral HSDS (*.json)"))


class DirectoryTransfer(QObject):
    imported = Signal()  # offices may have changed: the table is loaded again

    def __init__(self, worker: DatabaseWorker, settings: Settings, actor: Actor,
                 page: DirectoryPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._settings, self._page = worker, settings, page
        self._actor = actor
        self.message_box: QMessageBox | None = None

    def export(self) -> None:
        lotse, hsds = _filters()
        path, chosen = QFileDialog.getSaveFileName(
            self._page, _("Verzeichnis exportieren"), str(Path.home() / "verzeichnis.yaml"),
            f"{lotse};;{hsds}")
        if not path:
            return
        target = Path(path)
        self._page.show_notice(_("Wird exportiert …"))
        self._worker.run(operations.export_to(target, hsds=chosen == hsds),
                         lambda count: self._page.show_notice(
                             _("{count} Stellen exportiert nach {path}.").format(
                                 count=count, path=target)),
                         self._export_failed)

    def _export_failed(self, error: BaseException) -> None:
        self._page.show_notice(describe_failure(error, _("Exportieren")), problem=True)

    def import_file(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self._page, _("Verzeichnis importieren"), str(Path.home()), _filters()[0])
        if not path:
            return
        self._page.show_notice(_("Wird importiert …"))
        self._worker.run(operations.import_from(Path(path), actor=self._actor,
                                                settings=self._settings),
                         self._imported, self._import_failed)

    def _imported(self, report: ImportReport) -> None:
        self._page.show_notice(_("Importiert."))
        self._tell(QMessageBox.Icon.Information, _("Das Verzeichnis wurde importiert."),
                   report.summary())
        self.imported.emit()

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, DirectoryError):
            lines = error.lines
            shown = "\n".join(lines[:MAX_LINES_SHOWN])
            if len(lines) > MAX_LINES_SHOWN:
                shown += "\n" + _("… und {count} weitere (siehe Details)").format(
                    count=len(lines) - MAX_LINES_SHOWN)
            text = _("Nichts wurde übernommen: Die Datei hat {count} Problem(e).").format(
                count=len(lines))
            self._page.show_notice(text, problem=True)
            self._tell(QMessageBox.Icon.Warning, text, shown, details="\n".join(lines))
            return
        message = describe_failure(error, _("Importieren"))
        self._page.show_notice(message, problem=True)
        self._tell(QMessageBox.Icon.Warning, _("Nichts wurde übernommen."), message)

    def _tell(self, icon: QMessageBox.Icon, text: str, more: str, *, details: str = "") -> None:
        box = QMessageBox(icon, _("Lotse – Verzeichnis importieren"), text, parent=self._page)
        box.setInformativeText(more)
        if details:
            box.setDetailedText(details)
        self.message_box = box
        box.open()
