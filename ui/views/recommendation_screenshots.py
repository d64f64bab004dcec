"""Screenshots of routing for the documentation, rendered offscreen on the demo database:

    python -m ui.views.recommendation_screenshots docs/screenshots --database URL

writes ``visit-routing.png`` (a mother and her son at the counter: their concerns, the
recommendations for the whole household, one replaced with a reason) and ``rules.png`` (the
rules screen trying an unaccompanied minor), each 1280 × 800. Nothing is saved.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLineEdit

from app.config import load_settings
from app.i18n import set_language
from app.services.database import open_database
from ui.application import create_application, register_fonts
from ui.compat import keep_singletons_alive
from ui.main_window import DEFAULT_SIZE, MainWindow
from ui.screenshots import save, settle

VISITOR = "Kowalenko Kateryna 1979"  # a demo family in Neuss: mother, children, her sister
CONCERNS = {0: ["work"], 2: ["school"]}  # by position in the household (Ivan: born 2009)
RULES_CASE = {"status": "asylum_seeker", "age": "16", "municipality": "Korschenbroich",
              "concern": "housing", "employable": ""}


def visit_shot(window: MainWindow, path: Path) -> None:
    desk = window.front_desk
    desk.search()
    desk.reception.search(VISITOR)
    settle(window)
    if desk.reception.model.rowCount() == 0:
        raise SystemExit(f"no match for {VISITOR!r}: take the screenshots on the demo database")
    desk.open_person(desk.reception.model.person_id(0))
    settle(window)
    desk.record_visit()
    settle(window)
    page = desk.visit_page
    page.household.whole.setChecked(True)
    for position, concerns in CONCERNS.items():
        page.household.member.setCurrentIndex(position)
        page.form.concerns.set_checked(concerns)
    page.household.member.setCurrentIndex(0)
    desk.visit.routing.route_now()
    settle(window)
    row = page.recommendations.rows[0]
    row.action.setCurrentIndex(2)  # "Ersetzen …"
    row.kind.setCurrentIndex(row.kind.findText("Agentur für Arbeit"))
    row.office_choice.setCurrentIndex(0)
    row.reason.setText("Möchte zur Berufsberatung der Agentur; Termin ist vereinbart")
    settle(window)  # the panel fits its wrapped lines after the layout settles
    save(window, path)


def rules_shot(window: MainWindow, path: Path) -> None:
    window.go_to(window.area_row("rules"))
    settle(window)
    form = window.rules_page.form
    for key, value in RULES_CASE.items():
        widget = form.inputs[key]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(value)
    form.inputs["unaccompanied_minor"].setProperty("checked", True)
    window.rules.check()
    settle(window)
    save(window, path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.views.recommendation_screenshots",
                                     description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--database", required=True, metavar="URL")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep_singletons_alive()
    settings = replace(load_settings(database_url=args.database), user="empfang")
    set_language(settings.language)
    application = create_application()
    register_fonts(application)
    database = open_database(settings, upgrade_schema=True)
    window = MainWindow(settings, database)
    window.resize(*DEFAULT_SIZE)
    window.show()
    args.outdir.mkdir(parents=True, exist_ok=True)
    try:
        visit_shot(window, args.outdir / "visit-routing.png")
        rules_shot(window, args.outdir / "rules.png")
    finally:
        window.front_desk.visit.cancel()  # leaves no draft of the staged visit behind
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
