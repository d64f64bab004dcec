"""The agency directory as a table: holds ids, fetches rows lazily (like Anki's browser).

The model knows all ids at once (cheap to load) but fetches the rows batch by batch: the
view asks for more through ``canFetchMore``/``fetchMore`` as the user scrolls, the model
asks for the next batch's rows with ``rows_wanted``, and whoever loads them (the controller,
through the worker) hands them back with :meth:`add_rows`, which appends them to the table.
Rows appear only once they are loaded – there are no placeholder rows – and the GUI thread
never waits for the database.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from app.i18n import _
from app.services.directory_list import DirectoryListRow
from ui.models.columns import ColumnsModel, Index

BATCH_SIZE = 100



def _columns() -> list[tuple[str, Callable[[DirectoryListRow], str]]]:
    return [
        (_("Name"), lambda row: row.full_name),
        (_("Art"), lambda row: row.agency_kind_label),
        (_("Anschrift"), lambda row: row.address),
        (_("Telefon"), lambda row: row.phone),
        (_("Zuständig für"), lambda row: ", ".join(row.municipalities)),
    ]


def tooltip(row: DirectoryListRow) -> str:
    """Everything about one office, also what a narrow column cuts off."""
    lines = [row.name, row.department, row.agency_kind_label, row.address, row.phone,
             _("Zuständig für: {municipalities}").format(
                 municipalities=", ".join(row.municipalities) or "–"),
             _("Kürzel: {code}").format(code=row.code)]
    return "\n".join(line for line in lines if line)


class DirectoryOfficeModel(ColumnsModel):
    rows_wanted = Signal(list)  # ids whose rows should be loaded and given to add_rows

    def __init__(self, parent: QObject | None = None, *, batch_size: int = BATCH_SIZE) -> None:
        super().__init__(_columns(), parent)
        self._batch_size = batch_size
        self._ids: list[uuid.UUID] = []
        self._rows: list[DirectoryListRow] = []  # loaded rows, in the order of the ids
        self._wanted: list[uuid.UUID] = []  # the batch asked for and not yet delivered

    # --- loading ----------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[uuid.UUID]) -> None:
        """Start over with these ids; rows are asked for by ``fetchMore``."""
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = []
        self._wanted = []
        self.endResetModel()

    def add_rows(self, ids: Sequence[uuid.UUID], rows: Iterable[DirectoryListRow]) -> None:
        """Append the rows loaded for ``ids``, the batch asked for. An answer to an earlier
        question (asked before the last reset) is ignored; offices gone in the meantime
        are left out."""
        if not self._wanted or list(ids) != self._wanted:
            return
        by_id = {row.id: row for row in rows}
        batch = [by_id[office_id] for office_id in self._wanted if office_id in by_id]
        start = len(self._rows)
        self._ids[start:start + len(self._wanted)] = [row.id for row in batch]
        if batch:  # still "fetching" while inserting: a view must not ask again meanwhile
            self.beginInsertRows(QModelIndex(), start, start + len(batch) - 1)
            self._rows.extend(batch)
            self.endInsertRows()
        self._wanted = []

    def fetch_failed(self, ids: Sequence[uuid.UUID]) -> None:
        """The batch could not be loaded; the next ``fetchMore`` asks again."""
        if list(ids) == self._wanted:
            self._wanted = []

    def row(self, row: int) -> DirectoryListRow:
        return self._rows[row]

    def row_of(self, office_id: uuid.UUID) -> int | None:
        """The table row of a loaded office (None if it is not loaded)."""
        return next((number for number, row in enumerate(self._rows) if row.id == office_id),
                    None)

    def replace_row(self, row: DirectoryListRow) -> bool:
        """Show an office as it is now (after a save); False if it is not loaded."""
        number = self.row_of(row.id)
        if number is None:
            return False
        self._rows[number] = row
        self.dataChanged.emit(self.index(number, 0),
                              self.index(number, len(self._columns) - 1))
        return True

    def remove_office(self, office_id: uuid.UUID) -> None:
        """Take an office off the list (retired). One still to be fetched is no longer asked
        for; one in a batch already on its way shows until the list is loaded again."""
        number = self.row_of(office_id)
        if number is not None:
            self.beginRemoveRows(QModelIndex(), number, number)
            del self._rows[number]
            del self._ids[number]
            self.endRemoveRows()
        elif office_id in self._ids and office_id not in self._wanted:
            self._ids.remove(office_id)

    def total(self) -> int:
        """How many offices there are, loaded or not."""
        return len(self._ids)

    def is_fetching(self) -> bool:
        return bool(self._wanted)

    # --- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._wanted and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        start = len(self._rows)
        self._wanted = self._ids[start:start + self._batch_size]
        self.rows_wanted.emit(list(self._wanted))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(row)
        return self._columns[index.column()][1](row)
