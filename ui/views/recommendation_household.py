"""Above the concerns: route the whole household at once, and whose concerns the boxes show.

With "Ganzen Haushalt" checked, "Anliegen von" picks a member; the concern boxes then show
and take that member's concerns, and every member's concerns are routed and saved together.
Hidden for a person without household members.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from app.i18n import _


class HouseholdChooser(QWidget):
    whole_household_toggled = Signal(bool)
    member_chosen = Signal(object)  # uuid.UUID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.whole = QCheckBox(_("Ganzen &Haushalt einbeziehen"))
        self.whole.setAccessibleName(_("Ganzen Haushalt einbeziehen"))
        self.whole.setToolTip(_("Die Anliegen aller Haushaltsmitglieder in einem Besuch "
                                "erfassen und auf einmal prüfen (Alt+H)"))
        label = QLabel(_("Anliegen &von"))
        self.member = QComboBox()
        self.member.setAccessibleName(_("Anliegen von"))
        self.member.setToolTip(_("Wessen Anliegen die Kästchen zeigen (Alt+V)"))
        self.member.setMinimumContentsLength(24)
        label.setBuddy(self.member)
        row.addWidget(self.whole)
        row.addSpacing(16)
        row.addWidget(label)
        row.addWidget(self.member)
        row.addStretch(1)
        self.whole.toggled.connect(self._whole_toggled)
        self.member.currentIndexChanged.connect(self._member_changed)
        self.set_members([])

    def set_members(self, members: Sequence[tuple[uuid.UUID, str]]) -> None:
        """The household, the person of the visit first; hidden if there is nobody else."""
        self.blockSignals(True)
        self.member.clear()
        for person_id, name in members:
            self.member.addItem(name, person_id)
        self.whole.setChecked(False)
        self.member.setEnabled(False)
        self.blockSignals(False)
        self.setVisible(len(members) > 1)

    def whole_household(self) -> bool:
        return self.member.count() > 1 and self.whole.isChecked()

    def set_whole_household(self, whole: bool) -> None:
        self.whole.setChecked(whole and self.member.count() > 1)

    def chosen_member(self) -> uuid.UUID | None:
        data = self.member.currentData()
        return data if isinstance(data, uuid.UUID) else None

    def show_member(self, person_id: uuid.UUID) -> None:
        """Show whose concerns the boxes hold, without announcing a choice."""
        index = self.member.findData(person_id)
        if index >= 0:
            self.member.blockSignals(True)
            self.member.setCurrentIndex(index)
            self.member.blockSignals(False)

    def _whole_toggled(self, whole: bool) -> None:
        self.member.setEnabled(whole)
        if not whole and self.member.count():
            self.member.setCurrentIndex(0)  # back to the person of the visit
        self.whole_household_toggled.emit(whole)

    def _member_changed(self) -> None:
        chosen = self.chosen_member()
        if chosen is not None:
            self.member_chosen.emit(chosen)
