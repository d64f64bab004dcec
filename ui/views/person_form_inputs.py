"""The inputs of the person form beyond a plain QLineEdit: names that follow their script's
direction, lists of codes shown by name, dates shown the German way, several languages in
one line. Each gives its raw value as app.services.person_input reads it (``value()``) and
shows a raw value (``set_value()``); none of them checks anything itself."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.codes import DatePrecision
from app.i18n import _
from app.iso_codes import normalize_language
from app.services import partial_dates
from app.services.field_text import FieldProblem
from ui.views.person_form_choices import Choice, Lookup, short_language_name

_ISO_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_SEPARATORS = re.compile(r"[,;\s]+")


class ValueInput(Protocol):
    """What every input of the person form has: its raw value, to read and to show."""

    def value(self) -> object: ...

    def set_value(self, value: object) -> None: ...


def text_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of the first letter with a strong direction (None: no such letter)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return None


class LineEdit(QLineEdit):
    """One line of text, raw as typed (the validation layer trims and checks it)."""

    def value(self) -> str:
        return self.text()

    def set_value(self, value: object) -> None:
        self.setText("" if value is None else str(value))


class NameEdit(LineEdit):
    """A name in any script: محمد is written and aligned right-to-left as it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textChanged.connect(self._follow_direction)

    def _follow_direction(self, text: str) -> None:
        direction = text_direction(text) or QGuiApplication.layoutDirection()
        if direction != self.layoutDirection():
            self.setLayoutDirection(direction)


def german_date(value: object) -> str:
    """``1990-03-14`` → ``14.03.1990``, ``1990-03`` → ``03.1990``; anything else as it is."""
    text = "" if value is None else str(value)
    found = _ISO_DATE.match(text.strip())
    if not found:
        return text
    return ".".join(part for part in (found[3], found[2], found[1]) if part)


def birth_date_hint(text: str) -> str:
    """How much of a birth date was understood, said while it is typed."""
    try:
        born = partial_dates.birth_date(text)
    except FieldProblem as problem:
        return str(problem)
    if born is None:
        return _("unbekannt – JJJJ, MM.JJJJ oder TT.MM.JJJJ eingeben")
    return {DatePrecision.YEAR.value: _("nur Jahr bekannt"),
            DatePrecision.MONTH.value: _("nur Monat und Jahr bekannt")}.get(
        born.precision, _("Tag, Monat und Jahr bekannt"))


class DateEdit(LineEdit):
    """A date typed as ``TT.MM.JJJJ`` (ISO forms are read too); stored dates are shown the
    German way."""

    def set_value(self, value: object) -> None:
        self.setText(german_date(value))


class CheckBox(QCheckBox):
    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: object) -> None:
        self.setChecked(value is True or str(value).lower() in ("true", "ja", "1"))


class NoteEdit(QPlainTextEdit):
    """Several lines; Tab moves on to the next field instead of typing a tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value: object) -> None:
        self.setPlainText("" if value is None else str(value))


class FormCombo(QComboBox):
    """A combo box in a scrolling form: the mouse wheel scrolls the form, and changes the
    choice only once the box has the focus (no value changed by passing over it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class ChoiceBox(FormCombo):
    """One of a fixed list, shown by name; ``value()`` is the code of the shown entry.

    A value that is not in the list (from an older draft, say) is added rather than lost."""

    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._codes: list[object] = []
        for text, code in choices:
            self._add(text, code)

    def _add(self, text: str, code: object) -> None:
        self.addItem(text)
        self._codes.append(code)

    def value(self) -> object:
        index = self.currentIndex()
        return self._codes[index] if 0 <= index < len(self._codes) else None

    def set_value(self, code: object) -> None:
        for index, known in enumerate(self._codes):
            if known == code and type(known) is type(code):
                self.setCurrentIndex(index)
                return
        self._add(str(code), code)
        self.setCurrentIndex(self.count() - 1)


class TypedChoice(FormCombo):
    """A code from a long list, typed as its code, its name or a part of the name that fits
    one entry only ("syr" → Syrien (SY)); the list opens with Alt+↓. ``value()`` is the code
    meant, else the text as typed (for the validation layer to explain)."""

    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # no completer: its inline guess turns a typed code into another country (DE → CD)
        self.setCompleter(None)  # type: ignore[arg-type]  # None removes it (Qt docs)
        self.lookup = Lookup(choices)
        self._codes = [str(code) for _text, code in choices]
        self.addItems([text for text, _code in choices])
        self.setCurrentIndex(-1)
        line = self.lineEdit()
        assert line is not None
        line.editingFinished.connect(self._show_meant)

    def value(self) -> str:
        typed = self.currentText().strip()
        return self.lookup.code_for(typed) or typed

    def set_value(self, code: object) -> None:
        text = "" if code is None else str(code)
        if text and text in self._codes:
            self.setCurrentIndex(self._codes.index(text))
        else:
            self.setCurrentIndex(-1)
            self.setEditText(text)

    def understood(self) -> str:
        """What the typed text was taken to mean, while it is not the entry itself."""
        return self.lookup.understood(self.currentText())

    def setPlaceholderText(self, text: str) -> None:
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(text)

    def _show_meant(self) -> None:
        """Leaving the field: "syr" becomes "Syrien (SY)", so everyone sees what counts."""
        code = self.lookup.code_for(self.currentText())
        if code is not None and self.currentText() != self.lookup.shown[code]:
            self.set_value(code)


class LanguagesEdit(QLineEdit):
    """Several languages in one line, by code or name ("ar, Englisch, fa-AF")."""

    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookup = Lookup(choices)

    def value(self) -> list[str]:
        return [self.lookup.code_for(word) or word
                for word in _SEPARATORS.split(self.text()) if word]

    def set_value(self, value: object) -> None:
        words = value if isinstance(value, list) else [] if value is None else [str(value)]
        self.setText(", ".join(str(word) for word in words))

    def names(self) -> str:
        """The languages understood so far, by name ("Arabisch, Englisch"); what is not a
        language is named as typed."""
        found = [normalize_language(code) or _("„{text}“ unbekannt").format(text=code)
                 for code in self.value()]
        return ", ".join(dict.fromkeys(
            short_language_name(code) if "„" not in code else code for code in found))
