"""A save refused because the person was saved elsewhere meanwhile: load what is stored now,
show both versions field by field, and hand the merged form data back to be saved on top of
the stored version. Nothing is overwritten without the user's choice; if the person is
saved elsewhere yet again before the merge is stored, the save is refused again and this
starts over, with the version just compared as the new base.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt, Signal

from app.i18n import _
from app.security.permissions import Actor
from app.services.person_merge_fields import (
    FieldChoice,
    merge_notes,
    merged,
    three_way,
)
from ui.controllers.audit_trail import viewed_person
from ui.controllers.conflict_text import cut, shown
from ui.controllers.person_operations import LoadedPerson
from ui.views.conflict_dialog import ConflictDialog, ConflictRow
from ui.views.person_page import PersonPage
from ui.worker import DatabaseWorker

Raw = Mapping[str, object]


def conflict_row(choice: FieldChoice) -> ConflictRow:
    mine, theirs = shown(choice.key, choice.mine), shown(choice.key, choice.theirs)
    return ConflictRow(choice.key, choice.label, cut(mine), cut(theirs), mine, theirs,
                       choice.default)


class ConflictController(QObject):
    merged = Signal(object)  # the stored LoadedPerson; the form now holds the merge
    failed = Signal(object)  # the stored version could not be loaded (BaseException)

    def __init__(self, worker: DatabaseWorker, page: PersonPage,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker, self._page = worker, page
        self.dialog: ConflictDialog | None = None

    def resolve(self, loaded: LoadedPerson, actor: Actor) -> None:
        """Compare the form with what is stored now, against ``loaded`` (the version the
        user changed; its form data is the base)."""
        mine = self._page.form.raw()
        self._worker.run(viewed_person(loaded.person_id, actor),
                         lambda stored: self._compare(stored, loaded.raw, mine),
                         self.failed.emit)

    def _compare(self, stored: LoadedPerson, base: Raw, mine: dict[str, object]) -> None:
        choices = three_way(base, mine, stored.raw)
        if not choices:  # both made the same changes: nothing to choose
            self._take(stored, merged(mine, stored.raw, [], {}))
            return
        notes = merge_notes(mine, stored.raw, choices,
                            new_members=bool(self._page.form.members_raw()))
        dialog = ConflictDialog(stored.name, [conflict_row(choice) for choice in choices],
                                notes, self._page)
        dialog.merge_requested.connect(lambda: self._merge(dialog, stored, mine, choices))
        dialog.rejected.connect(self._cancelled)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()  # keys go to the choice, not the form behind
        first = next((c for c in choices if c.both_changed), choices[0])
        dialog.focus_row(first.key)

    def _merge(self, dialog: ConflictDialog, stored: LoadedPerson, mine: Raw,
               choices: list[FieldChoice]) -> None:
        chosen = dialog.chosen()
        missing = [c.key for c in choices if c.both_changed and c.key not in chosen]
        if missing:
            dialog.ask_for(missing)
            return
        dialog.accept()
        self._take(stored, merged(mine, stored.raw, choices, chosen))

    def _take(self, stored: LoadedPerson, raw: dict[str, object]) -> None:
        """The merge goes into the form first, so that a refused save still shows it."""
        form = self._page.form
        form.set_raw(raw, form.members_raw())
        form.set_household(stored.household, person_id=stored.person_id)
        self.merged.emit(stored)

    def _cancelled(self) -> None:
        self._page.show_message(_("Nicht gespeichert. Ihre Eingaben sind noch da; Strg+S "
                                  "vergleicht erneut mit der gespeicherten Fassung."),
                                problem=True)
        typing_in = self._page.form.first_input()
        typing_in.window().activateWindow()
        typing_in.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
