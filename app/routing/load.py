"""Loading a ruleset: read every file, check codes and dates, then look for contradictions.

A ruleset with any problem is refused as a whole (RulesetError lists all problems), so that
the front desk never works with half a law.
"""

from __future__ import annotations

from pathlib import Path

from app.routing.check import contradictions
from app.routing.model import RulesetError
from app.routing.reader import default_rules_path, read_ruleset
from app.routing.ruleset import Ruleset


def load_ruleset(path: Path | None = None) -> Ruleset:
    """The checked ruleset in ``path`` (a folder of ``*.yaml`` files or one file); by default
    the bundled ``resources/routing``."""
    folder = path or default_rules_path()
    ruleset, problems = read_ruleset(folder)
    if not problems:
        problems = contradictions(ruleset)
    if problems:
        raise RulesetError(folder, problems)
    return ruleset
