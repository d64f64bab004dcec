"""The audit trail's details as a supervisor reads them: every key the services record has a
German label and a readable value; a key this program does not know stays as stored."""

from __future__ import annotations

import pytest

from app.security.audit import AuditAction
from app.security.audit_text import detail_parts, details_text, event_label


@pytest.mark.parametrize(("details", "text"), [
    ({"person_number": "P-NE-2-2026-000017-8"}, "Personennummer: P-NE-2-2026-000017-8"),
    ({"reference": "NE-2026-00042"}, "Überleitung: NE-2026-00042"),
    ({"action": "approve_referral"}, "Aktion: Überleitung freigeben"),
    ({"role": "front_desk"}, "Rolle: Empfang"),
    ({"role": "supervisor"}, "Rolle: Teamleitung"),
    ({"username": "a.becker"}, "Benutzer: a.becker"),
    ({"fields": ["phone", "street"]}, "Geänderte Felder: Straße und Hausnummer, Telefon"),
    ({"fields": ["household_id", "household_role"]},
     "Geänderte Felder: Haushalt, Rolle im Haushalt"),
    ({"from": "draft", "to": "approved"}, "Status von: Entwurf; Status nach: Freigegeben"),
    ({"to": "not_reached"}, "Status nach: Nicht erreicht"),
    ({"reason": "Termin nicht wahrgenommen"}, "Grund: Termin nicht wahrgenommen"),
    ({"reason": "wrong_password"}, "Grund: falsches Passwort"),
    ({"reason": "unknown_user"}, "Grund: unbekannter Benutzername"),
    ({"why": "approval_required"}, "Anlass: Freigabe durch die Teamleitung erforderlich"),
    ({"reasons": ["Überleitungen an Jugendamt brauchen eine Freigabe"]},
     "Gründe: Überleitungen an Jugendamt brauchen eine Freigabe"),
    ({"kind": "referral"}, "Schreiben: Überleitungsschreiben"),
    ({"kind": "route-sheet"}, "Schreiben: Laufzettel"),
    ({"copy": True}, "Art: Kopie"),
    ({"copy": False}, "Art: Original"),
    ({"language": "ar"}, "Sprache: Arabisch"),
    ({"channel": "pdf"}, "Ausgabe: PDF-Datei"),
    ({"channel": "print"}, "Ausgabe: Drucker"),
    ({"method": "windows"}, "Anmeldung mit: Windows-Konto"),
    ({"locked": True}, "Konto gesperrt: ja"),
    ({"format": "xlsx", "rows": 12}, "Format: XLSX; Zeilen: 12"),
    ({"filters": {"office": "NE", "agency_kind": "jugendamt", "status": "issued"}},
     "Filter: Büro NE, Stellenart Jugendamt, Status Ausgehändigt"),
    ({"version": 3}, "Version: 3"),
    ({"agency_kind": "jugendamt"}, "Stellenart: Jugendamt"),
    ({"concerns": ["work", "school"]}, "Anliegen: Arbeit/Vermittlung, Schule"),
    ({"categories": ["identity", "household"]},
     "Weitergegebene Daten: Name und Geburtsdatum, Haushalt"),
    ({"change": "retired", "code": "JC-NE"}, "Änderung: stillgelegt; Stelle: JC-NE"),
    ({"change": "imported", "file": "stellen.json"},
     "Änderung: Verzeichnisdatei eingelesen; Datei: stellen.json"),
    ({"visit": "5f0c"}, "Besuch: 5f0c"),
    ({"sha256": "ab" * 32}, f"Prüfsumme (SHA-256): {'ab' * 32}"),
])
def test_each_known_key_reads_in_german(details: dict[str, object], text: str) -> None:
    assert details_text(details) == text


def test_unknown_keys_and_codes_stay_as_stored_after_the_known_ones() -> None:
    details = {"zeta": [1, 2], "action": "teleport", "alpha": "x", "role": "janitor"}
    assert detail_parts(details) == ["Aktion: teleport", "Rolle: janitor", "alpha=x",
                                     "zeta=1, 2"]


def test_empty_details_say_nothing() -> None:
    assert details_text({"reference": "NE-1", "reason": "", "reasons": [], "n": None}) == (
        "Überleitung: NE-1")


def test_a_print_entry_reads_as_one_line() -> None:
    details = {"reference": "NE-2026-00042", "kind": "referral", "copy": False,
               "sha256": "cd" * 32, "channel": "print"}
    assert details_text(details) == (
        "Überleitung: NE-2026-00042; Schreiben: Überleitungsschreiben; Art: Original; "
        f"Ausgabe: Drucker; Prüfsumme (SHA-256): {'cd' * 32}")


def test_every_event_has_a_german_name() -> None:
    assert event_label(AuditAction.VIEW_PERSON) == "Akte angesehen"
    assert event_label("teleported") == "teleported"
    named = {event_label(action) for action in AuditAction}
    assert not named & {action.value for action in AuditAction}
