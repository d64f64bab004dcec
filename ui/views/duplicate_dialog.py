"""Before registering: persons who may already be on file, each with why.

The safe choice is the default: Enter opens the chosen stored person; registering someone
new anyway takes a deliberate Alt+N; Esc goes back to the form with nothing changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.duplicates import Duplicate
from ui.models.search_model import birth_date_text
from ui.views.style import heading, paragraph

MINIMUM_SIZE = (760, 380)


def _birth(duplicate: Duplicate) -> str:
    born = duplicate.birth_date
    return birth_date_text(born.value, born.precision) if born else "–"


class DuplicateDialog(QDialog):
    same_person_chosen = Signal(object)  # uuid.UUID of the stored person
    new_person_chosen = Signal()

    def __init__(self, found: Sequence[tuple[str, Duplicate]],
                 parent: QWidget | None = None) -> None:
        """``found``: for each likely duplicate, whom of the typed persons it resembles."""
        super().__init__(parent)
        self.setWindowTitle(_("Lotse – Person schon erfasst?"))
        self.setMinimumSize(*MINIMUM_SIZE)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Vielleicht schon erfasst"), level=2))
        layout.addWidget(paragraph(_(
            "Diese Personen sind schon gespeichert und könnten dieselben sein. Prüfen Sie "
            "Namen, Geburtsdatum und Dokumente mit der Person am Schalter.")))
        label = QLabel(_("&Mögliche Doppelerfassungen"))
        self.list = self._build_list(found)
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self._buttons())
        self.list.setFocus()

    def _build_list(self, found: Sequence[tuple[str, Duplicate]]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName(_("Mögliche Doppelerfassungen"))
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setHeaderLabels([_("Eingegeben"), _("Gespeichert"), _("Geburtsdatum"),
                              _("Personennummer"), _("Warum")])
        for typed, duplicate in found:
            name = ", ".join(p for p in (duplicate.family_name, duplicate.given_names) if p)
            item = QTreeWidgetItem([typed, name, _birth(duplicate), duplicate.person_number,
                                    "; ".join(duplicate.reasons)])
            item.setData(0, Qt.ItemDataRole.UserRole, duplicate.person_id)
            item.setToolTip(4, "\n".join(duplicate.reasons))
            tree.addTopLevelItem(item)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(True)
        first = tree.topLevelItem(0)
        if first is not None:
            tree.setCurrentItem(first)
        tree.itemActivated.connect(lambda *_args: self._open_chosen())
        return tree

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.open_button = QPushButton(_("Dieselbe Person – ö&ffnen"))
        self.open_button.setDefault(True)
        self.new_button = QPushButton(_("&Neue Person anlegen"))
        self.back_button = QPushButton(_("&Zurück zum Formular"))
        box.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(self._open_chosen)
        self.new_button.clicked.connect(self._register_anyway)
        self.back_button.clicked.connect(self.reject)
        return box

    def chosen_person(self) -> uuid.UUID | None:
        item = self.list.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, uuid.UUID) else None

    def _open_chosen(self) -> None:
        person_id = self.chosen_person()
        if person_id is not None:
            self.accept()
            self.same_person_chosen.emit(person_id)

    def _register_anyway(self) -> None:
        self.accept()
        self.new_person_chosen.emit()
