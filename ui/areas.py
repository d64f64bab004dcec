"""The areas of the main window (DESIGN.md, UI), in navigation order.

The n-th area is reached with Ctrl+n; the tenth with Ctrl+0.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import _


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    purpose: str  # what the area is for
    audience: str  # who works with it

    @property
    def shortcut_digit(self) -> str:
        return str((AREA_KEYS.index(self.key) + 1) % 10)


AREA_KEYS = ("overview", "reception", "person", "visit", "letters", "approval", "statistics",
             "directory", "rules", "administration")


def areas() -> list[Area]:
    """The areas with their texts in the current language."""
    return [
        Area("overview", _("Übersicht"),
             _("Was in der Datenbank steht und wo sie liegt."),
             _("Alle")),
        Area("reception", _("Empfang"),
             _("Personen suchen – nach Namen in allen Schreibweisen, Geburtsdatum oder "
               "Aktenzeichen – und neue Personen aufnehmen."),
             _("Empfang")),
        Area("person", _("Person"),
             _("Die Akte einer Person: Stammdaten, Aufenthaltsstatus und Dokumente, Haushalt, "
               "Einwilligungen und frühere Besuche."),
             _("Empfang und Teamleitung")),
        Area("visit", _("Besuch & Anliegen"),
             _("Die Anliegen eines Besuchs erfassen. Lotse schlägt für jedes Anliegen die "
               "zuständige Stelle vor und begründet den Vorschlag mit der Regel und der "
               "Rechtsgrundlage."),
             _("Empfang")),
        Area("letters", _("Schreiben"),
             _("Überleitungsschreiben und Laufzettel vor dem Druck ansehen und drucken; jeder "
               "Druck wird protokolliert."),
             _("Empfang und Teamleitung")),
        Area("approval", _("Freigabe"),
             _("Überleitungen, die eine Freigabe brauchen, prüfen, freigeben und gesammelt "
               "drucken."),
             _("Teamleitung")),
        Area("statistics", _("Statistik"),
             _("Besuche, Anliegen und Überleitungen nach Zeitraum, Anliegen und Stelle zählen – "
               "für Berichte ohne personenbezogene Daten."),
             _("Teamleitung")),
        Area("directory", _("Verzeichnis"),
             _("Die Stellen, an die Anliegen übergeleitet werden, mit Anschrift und "
               "Zuständigkeit."),
             _("Alle; gepflegt von der Fachadministration")),
        Area("rules", _("Regeln"),
             _("Die Zuständigkeitsregeln mit Gültigkeitsdaten und Rechtsgrundlagen ansehen und "
               "an Beispielfällen prüfen."),
             _("Fachadministration")),
        Area("administration", _("Verwaltung"),
             _("Benutzer und Rollen, Arbeitsplätze, Dienststellen und die Verbindung zur "
               "gemeinsamen Datenbank verwalten."),
             _("Fachadministration und IT")),
    ]
