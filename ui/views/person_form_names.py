"""Other spellings of the person's name: transliterations, the original script, former names.

A row written in a script other than Latin is marked "Originalschrift" by itself, until the
front desk picks the kind by hand."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QPushButton, QWidget

from app.i18n import _
from app.services.person_input import label
from app.services.text_checks import main_script
from ui.views.person_form_choices import name_kinds
from ui.views.person_form_inputs import ChoiceBox, NameEdit
from ui.views.person_form_row import EditorRow
from ui.views.person_form_rows import RowList

NAME_WIDTH = 140
KIND_WIDTH = 130
_CHOSEN = "kind chosen by hand"


class NameVariantsEditor(RowList):
    def __init__(self, parent: QWidget | None = None) -> None:
        button = QPushButton(_("Schreib&weise hinzufügen"))
        button.setToolTip(_("Eine andere Schreibweise des Namens erfassen, z. B. in "
                            "arabischer Schrift (Alt+W)"))
        super().__init__([("family_name", label("family_name")),
                          ("given_names", label("given_names")), ("kind", _("Art"))],
                         row_name=_("Namensvariante {number}"), first_number=1,
                         add_button=button, parent=parent)

    def make_cells(self) -> dict[str, QWidget]:
        family, given, kind = NameEdit(), NameEdit(), ChoiceBox(name_kinds())
        family.setMinimumWidth(NAME_WIDTH)
        given.setMinimumWidth(NAME_WIDTH)
        kind.setMinimumWidth(KIND_WIDTH)
        return {"family_name": family, "given_names": given, "kind": kind}

    def row_added(self, row: EditorRow) -> None:
        kind = row.cells["kind"]
        assert isinstance(kind, ChoiceBox)
        kind.activated.connect(lambda _index: row.marks.add(_CHOSEN))
        for key in ("family_name", "given_names"):
            cell = row.cells[key]
            assert isinstance(cell, NameEdit)
            cell.textEdited.connect(lambda _text: self._follow_script(row))

    def add_row(self, raw: Mapping[str, object] | None = None, *,
                focus: bool = True) -> EditorRow:
        row = super().add_row(raw, focus=focus)
        if raw and raw.get("kind"):
            row.marks.add(_CHOSEN)
        return row

    def is_empty(self, row: EditorRow) -> bool:
        value = row.value()
        return not str(value["family_name"]).strip() and not str(value["given_names"]).strip()

    def _follow_script(self, row: EditorRow) -> None:
        if _CHOSEN in row.marks:
            return
        value = row.value()
        script = main_script(f"{value['family_name']} {value['given_names']}")
        kind = row.cells["kind"]
        assert isinstance(kind, ChoiceBox)
        kind.set_value("variant" if script == "Latn" else "original")
