"""Reading typed text: the base of every field reader of the person form.

Every reader takes the raw value as it comes (a string from a form, any JSON value from the
CLI) and returns a typed value or raises :class:`FieldProblem`, whose text says what is
expected – never anything else.
"""

from __future__ import annotations

from collections.abc import Callable

from app.i18n import _
from app.services.text_checks import name_problem, normalize_name, normalize_text, text_problem

MAX_NAME_LENGTH = 200
_YES = frozenset({"true", "ja", "j", "yes", "y", "1"})
_NO = frozenset({"false", "nein", "n", "no", "0"})
_UNKNOWN = frozenset({"", "unbekannt", "unknown", "null", "?"})


class FieldProblem(Exception):
    """A value that does not fit one field; the text says what is expected."""


# --- text ----------------------------------------------------------------------------------


def text_of(value: object) -> str:
    """The value as text: None counts as empty, anything but a string is refused."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FieldProblem(_("erwartet wird ein Text"))
    return value


def within(text: str, limit: int) -> str:
    """The text if it has at most ``limit`` characters."""
    if len(text) > limit:
        raise FieldProblem(_("höchstens {limit} Zeichen erwartet, eingegeben wurden "
                             "{count}").format(limit=limit, count=len(text)))
    return text


def name_part(value: object) -> str:
    """A family name or the given names, in any one script; may be empty."""
    text = within(normalize_name(text_of(value)), MAX_NAME_LENGTH)
    problem = name_problem(text)
    if problem:
        raise FieldProblem(problem)
    return text


def single_line(limit: int) -> Callable[[object], str]:
    """A reader for a one-line free text of at most ``limit`` characters."""
    def read(value: object) -> str:
        text = within(normalize_text(text_of(value)), limit)
        problem = text_problem(text)
        if problem:
            raise FieldProblem(problem)
        return text
    return read


def multi_line(limit: int) -> Callable[[object], str]:
    """A reader for a note: several lines, at most ``limit`` characters."""
    def read(value: object) -> str:
        text = within(normalize_text(text_of(value), multiline=True), limit)
        problem = text_problem(text, multiline=True)
        if problem:
            raise FieldProblem(problem)
        return text
    return read


def code_text(value: object) -> str:
    """A code typed into a field: trimmed; anything long is refused before it is looked at."""
    text = text_of(value).strip()
    if len(text) > 40:
        raise FieldProblem(_("höchstens 40 Zeichen erwartet, eingegeben wurden {count}").format(
            count=len(text)))
    return text



# --- yes / no ------------------------------------------------------------------------------


def yes_no(value: object) -> bool:
    """true/false (also ja/nein); empty means no."""
    found = yes_no_unknown(value)
    if found is None and value not in (None, ""):
        raise FieldProblem(_("erwartet wird ja oder nein (true oder false)"))
    return bool(found)


def yes_no_unknown(value: object) -> bool | None:
    """true/false/null (also ja/nein/unbekannt)."""
    if value is None or isinstance(value, bool):
        return value
    typed = code_text(value).lower() if isinstance(value, str) else None
    if typed in _YES:
        return True
    if typed in _NO:
        return False
    if typed in _UNKNOWN:
        return None
    raise FieldProblem(_("erwartet wird ja, nein oder unbekannt (true, false oder null)"))
