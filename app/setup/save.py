"""Finishing the setup: the password into the credential store, the rest into lotse.toml."""

from __future__ import annotations

from pathlib import Path

from app.config import user_config_file
from app.credentials import remember_for_session, store_available, store_password
from app.errors import FieldsValidationError
from app.setup.choices import SetupChoices, check_choices
from app.setup.config_writer import write_config


def save_setup(choices: SetupChoices, password: str, *, path: Path | None = None) -> Path:
    """Write the user config; the password goes to the credential store – or, where this
    machine has none, into memory for this run – and never into the file. The password is
    stored first: if that fails, no config is written and the wizard can be finished again."""
    problems = check_choices(choices)
    if problems:
        raise FieldsValidationError(problems)
    if password and choices.server is not None:
        _keep_password(choices.server.user, choices.server.host, password)
    target = path or user_config_file()
    write_config(target, choices.config_values())
    return target


def _keep_password(user: str, host: str, password: str) -> None:
    if store_available():
        store_password(user, host, password)
    remember_for_session(user, host, password)  # the start right after needs no second ask
