"""Search results as a table, page by page: best match first, each with why it matched.

The model holds the matches loaded so far. When the view scrolls to the end it asks for the
next page through ``page_wanted``; the controller loads it through the worker and hands it
back with :meth:`add_page`. A new search text starts a new generation: pages that arrive for
an older text are dropped, so fast typing never mixes two result lists.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from app.codes import DatePrecision
from app.i18n import _
from app.search import Match
from ui.models.columns import ColumnsModel, Index

PAGE_SIZE = 50



def birth_date_text(born: date | None, precision: str) -> str:
    """As the front desk writes it: 14.03.1988, 03.1988 or 1988; a dash if unknown."""
    if born is None:
        return "–"
    if precision == DatePrecision.YEAR.value:
        return f"{born.year}"
    if precision == DatePrecision.MONTH.value:
        return f"{born.month:02d}.{born.year}"
    return born.strftime("%d.%m.%Y")


def person_name(match: Match) -> str:
    return ", ".join(part for part in (match.family_name, match.given_names) if part)


def _columns() -> list[tuple[str, Callable[[Match], str]]]:
    return [
        (_("Name"), person_name),
        (_("Geburtsdatum"), lambda m: birth_date_text(m.birth_date, m.birth_date_precision)),
        (_("Personennummer"), lambda m: m.person_number),
        (_("Gefunden über"), lambda m: "; ".join(m.reasons)),
    ]


class SearchResultsModel(ColumnsModel):
    page_wanted = Signal(int, str, int)  # generation, search text, offset of the next page

    def __init__(self, parent: QObject | None = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(_columns(), parent)
        self.page_size = page_size
        self._matches: list[Match] = []
        self._text = ""
        self._generation = 0
        self._more = False
        self._fetching = False

    # --- loading ----------------------------------------------------------------------------

    def start(self, text: str) -> int:
        """Forget the shown results; a new search for ``text``. Returns its generation."""
        self.beginResetModel()
        self._generation += 1
        self._text, self._matches = text, []
        self._more, self._fetching = bool(text.strip()), False
        self.endResetModel()
        return self._generation

    def add_page(self, generation: int, matches: Sequence[Match]) -> bool:
        """Append a loaded page; False (and nothing changes) for an older search."""
        if generation != self._generation:
            return False
        self._fetching = False
        self._more = len(matches) == self.page_size
        known = {match.person_id for match in self._matches}
        fresh = [match for match in matches if match.person_id not in known]
        if fresh:
            start = len(self._matches)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._matches.extend(fresh)
            self.endInsertRows()
        return True

    def page_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._fetching, self._more = False, False

    @property
    def text(self) -> str:
        return self._text

    @property
    def generation(self) -> int:
        return self._generation

    def match_at(self, row: int) -> Match:
        return self._matches[row]

    def person_id(self, row: int) -> uuid.UUID:
        return self._matches[row].person_id

    def is_loading(self) -> bool:
        return self._fetching

    # --- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matches)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._fetching = True
            self.page_wanted.emit(self._generation, self._text, len(self._matches))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        match = self._matches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](match)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([person_name(match), match.person_number, *match.reasons])
        return None
