"""At start: unsaved input from last time (a crash, a power cut) is offered back.

Enter restores the chosen draft; "Verwerfen" deletes it after a deliberate Alt+V; "Später"
keeps every draft for the next start.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.drafts import Draft
from app.i18n import _
from ui.views.style import heading, paragraph

MINIMUM_SIZE = (560, 320)


def draft_line(draft: Draft) -> str:
    when = draft.saved_at.astimezone().strftime("%d.%m.%Y %H:%M")
    return _("{title} – zuletzt bearbeitet am {when}").format(title=draft.title, when=when)


class RestoreDialog(QDialog):
    restore_chosen = Signal(object)  # Draft
    discard_chosen = Signal(object)  # Draft

    def __init__(self, drafts: Sequence[Draft], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drafts = list(drafts)
        self.setWindowTitle(_("Lotse – Ungespeicherte Eingaben"))
        self.setMinimumSize(*MINIMUM_SIZE)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Ungespeicherte Eingaben gefunden"), level=2))
        layout.addWidget(paragraph(_(
            "Lotse wurde beendet, bevor diese Eingaben gespeichert waren. Sie können sie "
            "wiederherstellen, prüfen und dann speichern.")))
        label = QLabel(_("&Eingaben"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Eingaben"))
        self.list.addItems([draft_line(draft) for draft in self.drafts])
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._restore())
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self._buttons())
        self.list.setFocus()

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.restore_button = QPushButton(_("&Wiederherstellen"))
        self.restore_button.setDefault(True)
        self.discard_button = QPushButton(_("&Verwerfen"))
        self.later_button = QPushButton(_("&Später"))
        box.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        box.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        return box

    def _chosen(self) -> Draft | None:
        row = self.list.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def _restore(self) -> None:
        draft = self._chosen()
        if draft is not None:
            self.accept()
            self.restore_chosen.emit(draft)

    def _discard(self) -> None:
        draft = self._chosen()
        if draft is None:
            return
        self.discard_chosen.emit(draft)
        row = self.list.currentRow()
        self.list.takeItem(row)
        del self.drafts[row]
        if not self.drafts:
            self.accept()
