"""`python -m app` does what the `lotse` command does."""

import sys

from app.cli import main

sys.exit(main())
