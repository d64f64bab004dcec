"""Texts of the setup wizard that depend on the machine or on the choices."""

from __future__ import annotations

from app.i18n import _
from app.setup.choices import SetupChoices


def store_note(available: bool) -> str:
    if available:
        return _("Das Passwort wird im Passwortspeicher des Betriebssystems abgelegt (unter "
                 "Windows: Anmeldeinformationsverwaltung), nie in der Konfigurationsdatei.")
    return _("Auf diesem Rechner gibt es keinen Passwortspeicher. Lotse speichert das Passwort "
             "nirgends und fragt beim Start danach, wenn der Server eines verlangt.")


def password_note(available: bool) -> str:
    """What happens to the password typed at start."""
    if available:
        return _("Es wird nach erfolgreicher Anmeldung im Passwortspeicher abgelegt.")
    return _("Auf diesem Rechner gibt es keinen Passwortspeicher: das Passwort gilt nur bis "
             "Lotse beendet wird und wird nirgends gespeichert.")


def branch_init_hint(choices: SetupChoices) -> tuple[str, str]:
    """What to do before the first start of a branch workstation, and the command that makes
    the initial copy with this workstation's values filled in."""
    hub = choices.server.url() if choices.server is not None else "postgresql://…"
    command = (f"lotse --database {choices.database_url()} branch init --hub {hub} "
               f"--office {choices.office or '…'} --workstation {choices.workstation}")
    return (_("Die Offline-Kopie wird einmal mit Netzverbindung angelegt, vor dem ersten "
              "Start:"), command)
