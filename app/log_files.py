"""Where Lotse writes its log: the user log folder, or beside the data when ``LOTSE_DATA_DIR``
moves it (portable installs, tests). Shared by the desktop app and ``lotse doctor``."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app.config import APP_NAME, data_dir

LOG_NAME = "lotse.log"


def log_folder() -> Path:
    if os.environ.get("LOTSE_DATA_DIR"):
        return data_dir() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, False))


def log_file() -> Path:
    return log_folder() / LOG_NAME
