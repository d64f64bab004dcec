"""The household part of the person form: who already lives with the person (read only) and
the rows where the front desk registers the rest of the family at the same counter visit.

A new member starts with the main person's family name and keeps following it while that
cell is not edited; everything else it shares with the main person (address, nationality,
languages, status) is copied when the form is read (PersonForm.members_raw)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.codes import HouseholdRole, Sex
from app.i18n import _
from app.services.households import HouseholdMember
from app.services.person_input import label
from ui.views.person_form_choices import household_roles, sexes
from ui.views.person_form_inputs import (
    ChoiceBox,
    DateEdit,
    NameEdit,
    birth_date_hint,
    german_date,
)
from ui.views.person_form_row import EditorRow
from ui.views.person_form_rows import RowList

MEMBER_KEYS = ("family_name", "given_names", "birth_date", "sex", "household_role")
_FOLLOWS = "follows the main person's family name"


class NewMembersEditor(RowList):
    """"Weitere Haushaltsmitglieder erfassen": one row per person; the main person is
    member 1, so the rows are members 2, 3, …"""

    def __init__(self, parent: QWidget | None = None) -> None:
        button = QPushButton(_("&Haushaltsmitglied hinzufügen"))
        button.setToolTip(_("Eine weitere Person dieses Haushalts erfassen (Alt+H); "
                            "Anschrift, Staatsangehörigkeit, Sprachen und Status werden "
                            "übernommen"))
        super().__init__([(key, label(key)) for key in MEMBER_KEYS],
                         row_name=_("Haushaltsmitglied {number}"), first_number=2,
                         add_button=button, parent=parent)
        self.family_name = ""

    def make_cells(self) -> dict[str, QWidget]:
        cells: dict[str, QWidget] = {
            "family_name": NameEdit(), "given_names": NameEdit(), "birth_date": DateEdit(),
            "sex": ChoiceBox(sexes()), "household_role": ChoiceBox(household_roles())}
        for key, width in (("family_name", 120), ("given_names", 120), ("birth_date", 90),
                           ("sex", 105), ("household_role", 140)):
            cells[key].setMinimumWidth(width)
        return cells

    def row_added(self, row: EditorRow) -> None:
        family, born, sex = row.cells["family_name"], row.cells["birth_date"], row.cells["sex"]
        assert isinstance(family, NameEdit) and isinstance(born, DateEdit)
        assert isinstance(sex, ChoiceBox)
        sex.set_value(Sex.UNKNOWN.value)
        family.set_value(self.family_name)
        row.marks.add(_FOLLOWS)
        family.textEdited.connect(lambda _text: row.marks.discard(_FOLLOWS))
        born.textChanged.connect(lambda text: row.show_hint(_date_note(text)))

    def add_row(self, raw: Mapping[str, object] | None = None, *,
                focus: bool = True) -> EditorRow:
        row = super().add_row(raw, focus=focus)
        if row.value()["family_name"] != self.family_name:
            row.marks.discard(_FOLLOWS)
        return row

    def follow_family_name(self, name: str) -> None:
        """The main person's family name changed: rows that were not edited follow it."""
        self.family_name = name
        for row in self.rows:
            if _FOLLOWS in row.marks:
                cell = row.cells["family_name"]
                assert isinstance(cell, NameEdit)
                cell.set_value(name)

    def is_empty(self, row: EditorRow) -> bool:
        """Nothing typed but the family name it was given."""
        value = row.value()
        own_name = _FOLLOWS not in row.marks and str(value["family_name"]).strip()
        return not (own_name or str(value["given_names"]).strip()
                    or str(value["birth_date"]).strip() or value["household_role"]
                    or value["sex"] != Sex.UNKNOWN.value)


def _date_note(text: str) -> str:
    """How much of the birth date is known, unless all of it is (or nothing was typed)."""
    hint = birth_date_hint(text)
    if not text.strip() or hint == birth_date_hint("2000-01-01"):
        return ""
    return _("{label}: {hint}").format(label=label("birth_date"), hint=hint)


class HouseholdList(QTableWidget):
    """The stored members of the person's household, read only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([_("Name"), label("birth_date"),
                                        label("household_role")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)  # Tab leaves the list for the next field
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumWidth(420)

    def show_members(self, members: Sequence[HouseholdMember]) -> None:
        self.setRowCount(len(members))
        for row, member in enumerate(members):
            name = ", ".join(part for part in (member.family_name, member.given_names) if part)
            born = german_date(str(member.birth_date)) if member.birth_date else "–"
            role = (HouseholdRole(member.household_role).label
                    if member.household_role in set(HouseholdRole) else "–")
            for column, text in enumerate((name, born, role)):
                self.setItem(row, column, QTableWidgetItem(text))
        self._fit_rows()

    def _fit_rows(self) -> None:
        """As tall as its rows: the form scrolls, not the list inside it."""
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(self.horizontalHeader().height() + rows + 2 * self.frameWidth())
