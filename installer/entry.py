"""The frozen program's entry point: what the ``lotse`` command does (app/cli.py)."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
