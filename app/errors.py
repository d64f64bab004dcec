"""Errors that carry a message for people: what went wrong, why, and what to do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class LotseError(Exception):
    """An error whose message is shown to the user as it is (German by default)."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class ConfigError(LotseError):
    """The configuration is invalid: names the file or variable and the expected value."""

    exit_code = 2


class DatabaseError(LotseError):
    """The database cannot be used: unreachable, damaged, foreign or too new."""

    exit_code = 4


class ValidationError(LotseError):
    """Input that does not fit: names the field and what is expected."""

    exit_code = 2

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass(frozen=True)
class FieldError:
    """One field that does not fit: its key, its label and what is expected."""

    field: str
    label: str
    expected: str

    @property
    def message(self) -> str:
        """Label and expectation in one line ("Geburtsdatum: erwartet wird JJJJ, …")."""
        return f"{self.label}: {self.expected}"


class FieldsValidationError(ValidationError):
    """Form or JSON input that does not fit; ``errors`` lists every field concerned."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        super().__init__(errors[0].field, errors[0].expected)
        self.errors = tuple(errors)
        self.message = "\n".join(error.message for error in self.errors)
        self.args = (self.message,)


class NotFoundError(LotseError):
    """A record named by id or number does not exist (or was deleted)."""

    exit_code = 3


class NotPermittedError(LotseError):
    """The user may not do this; nothing was written (and the refusal is on the audit
    record where a signed-in user asked)."""

    exit_code = 4


class ConflictError(LotseError):
    """Someone else saved the record since it was loaded; nothing was overwritten."""

    exit_code = 5
