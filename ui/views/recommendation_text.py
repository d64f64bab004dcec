"""The texts a recommendation is shown with: the office, the compact line of its legal basis
and rule, the documents to bring, and the full explanation for tooltips and screen readers."""

from __future__ import annotations

import html

from app.i18n import _
from app.routing import OfficeEntry, Recommendation


def role_text(role: str) -> str:
    return _("Hauptzuständig") if role == "primary" else _("Ergänzend")


def office_name(office: OfficeEntry) -> str:
    """Name and department ("Stadt Neuss – Sozialamt")."""
    return f"{office.name} – {office.department}" if office.department else office.name


def office_title(recommendation: Recommendation, municipality: str) -> str:
    """The office's name, or why there is none."""
    office = recommendation.office
    if office is not None:
        return office_name(office)
    if not municipality:
        return _("{kind} – Gemeinde unbekannt oder außerhalb des Kreises").format(
            kind=recommendation.agency_label)
    return _("{kind} – keine Stelle für {municipality} im Verzeichnis").format(
        kind=recommendation.agency_label, municipality=municipality)


def rule_line(recommendation: Recommendation) -> str:
    """Legal basis, rule and ruleset version in one line."""
    parts = [recommendation.legal_basis,
             _("Regel {rule}").format(rule=recommendation.rule_id),
             _("Regelwerk {version}").format(version=recommendation.ruleset_version)]
    return " · ".join(part for part in parts if part)


def documents_line(documents: tuple[str, ...]) -> str:
    if not documents:
        return _("Mitbringen: nichts Besonderes")
    return _("Mitbringen: {documents}").format(documents=", ".join(documents))


def contact_lines(office: OfficeEntry | None) -> list[str]:
    """Address, phone, e-mail and opening hours, as far as the directory knows them."""
    if office is None:
        return []
    lines = [office.address, office.phone, office.email,
             office.opening_hours.replace("\n", "; ")]
    return [line for line in lines if line]


def full_text(recommendation: Recommendation, municipality: str) -> str:
    """Everything about the recommendation as plain text (screen readers)."""
    return "\n".join([
        f"{role_text(recommendation.role)}: {office_title(recommendation, municipality)}",
        *contact_lines(recommendation.office),
        recommendation.reason, rule_line(recommendation),
        documents_line(recommendation.documents)])


def tooltip(recommendation: Recommendation, municipality: str) -> str:
    """The same as rich text, wrapped by the tooltip (plain text would be one long line)."""
    head = html.escape(office_title(recommendation, municipality))
    rest = [html.escape(line) for line in (*contact_lines(recommendation.office),
                                           recommendation.reason, rule_line(recommendation),
                                           documents_line(recommendation.documents))]
    return f"<p><b>{head}</b><br>{'<br>'.join(rest)}</p>"
