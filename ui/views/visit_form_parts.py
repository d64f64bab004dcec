"""Building blocks of the visit form: message labels, sizes, the lines of earlier visits,
and reading raw values back into the form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit, QVBoxLayout, QWidget

from app.i18n import _
from app.services.visits import VisitSummary

ERROR_STYLE = "color: #a4262c;"


def error_label() -> QLabel:
    """Where a field's message appears; hidden while there is none."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def visit_line(visit: VisitSummary) -> str:
    """An earlier visit in one line: when, what, with whom, the note's start."""
    when = visit.visited_at.astimezone().strftime("%d.%m.%Y %H:%M")
    parts = [when, ", ".join(visit.concerns) or "–"]
    if visit.interpreter_used:
        parts.append(_("Dolmetscher: {language}").format(language=visit.interpreter_language))
    note = visit.note.split("\n", 1)[0]
    if note:
        parts.append(note if len(note) <= 80 else note[:79] + "…")
    return " – ".join(parts)


def lines_high(box: QPlainTextEdit | QListWidget, lines: int) -> int:
    return box.fontMetrics().lineSpacing() * lines + 2 * box.frameWidth() + 8


def stacked(*widgets: QWidget) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setSpacing(4)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch(1)
    return column


def raw_concerns(entries: Sequence[object]) -> dict[str, str]:
    """Concern code → its note, from a raw list of codes or {"code", "note"} objects."""
    codes: dict[str, str] = {}
    for entry in entries:
        if isinstance(entry, Mapping):
            codes[str(entry.get("code", ""))] = text_of(entry.get("note"))
        elif isinstance(entry, str):
            codes[entry] = ""
    return codes


def text_of(value: object) -> str:
    return value if isinstance(value, str) else ""
