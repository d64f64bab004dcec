"""``lotse route`` (which offices answer a concern, and why) and ``lotse rules check`` (is the
ruleset usable, and which combinations does it leave unanswered).

Bad input exits 2 naming the value and the allowed ones; a case no rule covers exits 3; a
broken ruleset exits 2 listing every problem. Offices come from the configured database's
directory when it has offices, otherwise from the bundled directory file; the text output says
which. An empty or missing database is not created for this.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.codes import MUNICIPALITIES, Concern, LegalStatus
from app.config import Settings
from app.i18n import _
from app.routing import (
    Case,
    OfficeEntry,
    Recommendation,
    Routing,
    case_from_text,
    check_case,
    coverage,
    load_ruleset,
    offices_from_directory,
    route_case,
)
from app.routing.verdict import german


def add_route_commands(commands: Any) -> None:
    """Register ``route`` and ``rules check`` on the top-level subparsers."""
    route = commands.add_parser(
        "route", help=_("Zuständige Stellen für ein Anliegen ermitteln, mit Begründung"),
        epilog=_("Status: {statuses}. Anliegen: {concerns}. Gemeinden: {places}.").format(
            statuses=", ".join(LegalStatus), concerns=", ".join(Concern),
            places=", ".join(MUNICIPALITIES)))
    route.add_argument("--status", required=True, metavar="CODE", help=_("Aufenthaltsstatus"))
    route.add_argument("--age", required=True, metavar="N",
                       help=_("Alter in Jahren am Stichtag, oder „unbekannt“"))
    route.add_argument("--concern", required=True, metavar="CODE", help=_("Anliegen"))
    route.add_argument("--municipality", required=True, metavar=_("NAME"),
                       help=_("Wohngemeinde wie im Kreis geschrieben; „außerhalb“ oder leer für "
                              "außerhalb des Kreises"))
    route.add_argument("--employable", default="", metavar="yes|no",
                       help=_("erwerbsfähig; ohne Angabe: unbekannt"))
    route.add_argument("--unaccompanied", action="store_true",
                       help=_("unbegleitete/r Minderjährige/r"))
    route.add_argument("--permit-date", dest="permit_date", default="", metavar=_("DATUM"),
                       help=_("Datum der ersten Aufenthaltserlaubnis (JJJJ-MM-TT)"))
    route.add_argument("--date", default="", metavar=_("DATUM"),
                       help=_("Stichtag (JJJJ-MM-TT); ohne Angabe: heute"))
    _rules_option(route)
    route.add_argument("--json", action="store_true", help=_("Ausgabe als JSON"))
    rules = commands.add_parser("rules", help=_("Regelwerk der Zuständigkeiten prüfen"))
    actions = rules.add_subparsers(dest="rules_command", metavar=_("AKTION"), required=True)
    check = actions.add_parser("check", help=_("Regelwerk laden und prüfen; Version und "
                                               "Abdeckungsbericht ausgeben"))
    _rules_option(check)
    check.add_argument("--json", action="store_true", help=_("Ausgabe als JSON"))


def _rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", type=Path, default=None, metavar=_("ORDNER"),
                        help=_("anderes Regelwerk (Ordner mit *.yaml oder eine Datei) statt "
                               "des mitgelieferten"))


def route(args: argparse.Namespace, settings: Settings) -> int:
    case = case_from_text(status=args.status, age=args.age, concern=args.concern,
                          municipality=args.municipality, employable=args.employable,
                          unaccompanied=args.unaccompanied, permit_date=args.permit_date,
                          reference_date=args.date)
    ruleset = load_ruleset(args.rules)
    check_case(case, ruleset)  # before the database is touched
    offices, source = _offices(settings)
    routing = route_case(case, ruleset, offices)
    if args.json:
        print(json.dumps(_document(routing, source), ensure_ascii=True))
    else:
        print("\n".join(_text(case, routing, source)))
    return 0


def rules_check(args: argparse.Namespace, settings: Settings) -> int:
    ruleset = load_ruleset(args.rules)  # RulesetError lists every problem, exit 2
    report = coverage(ruleset)
    if args.json:
        print(json.dumps({
            "ruleset_version": ruleset.version, "folder": str(ruleset.folder),
            "files": list(ruleset.files), "rules": len(ruleset.rules),
            "valid_from": ruleset.valid_from.isoformat(), "combinations": report.combinations,
            "gaps": [{"status": g.status, "concern": g.concern, "age_band": g.age_band,
                      "example": g.example} for g in report.gaps]}, ensure_ascii=True))
        return 0
    print(_("Regelwerk {version} in {folder} ({files} Dateien, {rules} Regeln, gültig ab "
            "{start}): keine Fehler, keine Widersprüche.").format(
        version=ruleset.version, folder=ruleset.folder, files=len(ruleset.files),
        rules=len(ruleset.rules), start=german(ruleset.valid_from)))
    print("\n".join(report.lines()))
    return 0


def _offices(settings: Settings) -> tuple[tuple[OfficeEntry, ...], str]:
    """The database's directory if it has offices, else the bundled file; and which."""
    from app.db.schema import SchemaState, inspect_schema
    from app.services.directory import default_directory_path, read_directory

    if inspect_schema(settings.database_url).state is not SchemaState.EMPTY:
        offices = _database_offices(settings)
        if offices:
            return offices, "database"
    return offices_from_directory(read_directory(default_directory_path()).offices), "file"


def _database_offices(settings: Settings) -> tuple[OfficeEntry, ...]:
    from sqlalchemy import select

    from app.db.models import DirectoryOffice
    from app.services.database import open_database

    database = open_database(settings, upgrade_schema=True)
    try:
        with database.sessions() as session:
            rows = session.scalars(select(DirectoryOffice)
                                   .where(DirectoryOffice.deleted_at.is_(None))
                                   .order_by(DirectoryOffice.code))
            return offices_from_directory(rows)
    finally:
        database.close()


def _document(routing: Routing, source: str) -> dict[str, Any]:
    return {"ruleset_version": routing.ruleset_version, "offices_source": source,
            "recommendations": [_recommendation(r) for r in routing.recommendations]}


def _recommendation(rec: Recommendation) -> dict[str, Any]:
    office = rec.office and {
        "code": rec.office.code, "name": rec.office.name, "department": rec.office.department,
        "address": rec.office.address, "phone": rec.office.phone, "email": rec.office.email,
        "opening_hours": rec.office.opening_hours}
    return {"role": rec.role, "agency_kind": rec.agency_kind, "agency_label": rec.agency_label,
            "office": office, "reason": rec.reason, "legal_basis": rec.legal_basis,
            "rule_id": rec.rule_id, "documents": list(rec.documents)}


def _text(case: Case, routing: Routing, source: str) -> list[str]:
    origin = _("Stellen aus der Datenbank") if source == "database" else _(
        "Stellen aus der mitgelieferten Verzeichnisdatei (die Datenbank hat keine)")
    age = _("Alter unbekannt") if case.age is None else _("{age} Jahre").format(age=case.age)
    lines = [_("Regelwerk {version} · Stichtag {day} · {origin}").format(
        version=routing.ruleset_version, day=german(case.reference_date), origin=origin),
        _("Fall: {status}, {age}, {place} – Anliegen: {concern}").format(
            status=LegalStatus(case.status).label, age=age,
            place=case.municipality or _("außerhalb des Kreises"),
            concern=Concern(case.concern).label)]
    for rec in routing.recommendations:
        lines += ["", *_recommendation_text(rec)]
    return lines


def _recommendation_text(rec: Recommendation) -> list[str]:
    role = _("Zuständig") if rec.role == "primary" else _("Außerdem")
    office = rec.office
    lines = [f"{role}: {rec.agency_label}" + (
        f" – {office.name}" + (f", {office.department}" if office.department else "")
        if office else " – " + _("keine Stelle im Verzeichnis"))]
    if office:
        contact = " · ".join(p for p in (office.phone, office.email) if p)
        lines += [_("  Anschrift: {value}").format(value=office.address)]
        lines += [_("  Kontakt: {value}").format(value=contact)] if contact else []
        lines += [_("  Öffnungszeiten: {value}").format(value=office.opening_hours)] \
            if office.opening_hours else []
    lines += [_("  Warum: {value}").format(value=rec.reason),
              _("  Rechtsgrundlage: {value}").format(value=rec.legal_basis)]
    if rec.documents:
        lines.append(_("  Mitbringen: {value}").format(value="; ".join(rec.documents)))
    lines.append(_("  Regel: {value}").format(value=rec.rule_id))
    return lines
