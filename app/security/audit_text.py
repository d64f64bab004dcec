"""The audit log in words a supervisor understands: what happened, and its details in German.

The log stores codes and keys (``fields=['names']``, ``action=approve_referral``); the trail
shows labels (``Geänderte Felder: Namensvarianten``, ``Aktion: Überleitung freigeben``). A key
or a code this program does not know is shown as stored, so nothing on record is hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from app.codes import AgencyKind, Concern, ReferralStatus, Role
from app.i18n import N_, _
from app.iso_codes import language_name
from app.security.audit import AuditAction
from app.security.permissions import Action
from app.services.person_input import LABELS as FIELD_LABELS
from app.services.person_input import label as field_label

_Coded = type[Action] | type[Role] | type[ReferralStatus] | type[AgencyKind] | type[Concern]

_EVENT_LABELS = {
    AuditAction.SIGN_IN: N_("Angemeldet"),
    AuditAction.SIGN_IN_FAILED: N_("Anmeldung fehlgeschlagen"),
    AuditAction.SIGN_OUT: N_("Abgemeldet"),
    AuditAction.REFUSED: N_("Verweigert"),
    AuditAction.VIEW_PERSON: N_("Akte angesehen"),
    AuditAction.REGISTER_PERSON: N_("Aufgenommen"),
    AuditAction.CHANGE_PERSON: N_("Geändert"),
    AuditAction.PRINT: N_("Gedruckt"),
    AuditAction.EXPORT: N_("Exportiert"),
    AuditAction.APPROVE: N_("Freigegeben"),
    AuditAction.REJECT: N_("Zurückgewiesen"),
    AuditAction.OUTCOME: N_("Ergebnis erfasst"),
    AuditAction.USER_ADDED: N_("Benutzer angelegt"),
    AuditAction.USER_CHANGED: N_("Benutzer geändert"),
    AuditAction.RECORD_VISIT: N_("Besuch erfasst"),
    AuditAction.CREATE_REFERRAL: N_("Überleitung angelegt"),
    AuditAction.RECORD_CONSENT: N_("Einwilligung erfasst"),
    AuditAction.WITHDRAW_CONSENT: N_("Einwilligung widerrufen"),
    AuditAction.EDIT_DIRECTORY: N_("Verzeichnis geändert"),
    AuditAction.MERGE_PERSONS: N_("Doppelte Akte zusammengeführt"),
    AuditAction.RESOLVE_CONFLICT: N_("Synchronisationskonflikt geklärt"),
}

# Known detail keys, in the order the trail names them: whose file and which referral first.
_DETAIL_LABELS = {
    "person_number": N_("Personennummer"),
    "kept": N_("Behalten"),  # app.services.person_merge
    "merged": N_("Zusammengeführt"),
    "reference": N_("Überleitung"),
    "agency_kind": N_("Stellenart"),
    "concerns": N_("Anliegen"),
    "categories": N_("Weitergegebene Daten"),
    "action": N_("Aktion"),
    "role": N_("Rolle"),
    "username": N_("Benutzer"),
    "fields": N_("Geänderte Felder"),
    "from": N_("Status von"),
    "to": N_("Status nach"),
    "reason": N_("Grund"),
    "why": N_("Anlass"),
    "reasons": N_("Gründe"),
    "kind": N_("Schreiben"),
    "copy": N_("Art"),
    "language": N_("Sprache"),
    "channel": N_("Ausgabe"),
    "method": N_("Anmeldung mit"),
    "locked": N_("Konto gesperrt"),
    "change": N_("Änderung"),
    "resolution": N_("Entscheidung"),
    "code": N_("Stelle"),
    "file": N_("Datei"),
    "format": N_("Format"),
    "rows": N_("Zeilen"),
    "filters": N_("Filter"),
    "version": N_("Version"),
    "visit": N_("Besuch"),
    "sha256": N_("Prüfsumme (SHA-256)"),
}

# The codes stored as values, by key; the comments name where they are recorded.
_SIGN_IN_PROBLEMS = {  # app.security.accounts
    "wrong_password": N_("falsches Passwort"),
    "unknown_user": N_("unbekannter Benutzername"),
    "no_password": N_("Konto ohne Passwort"),
    "locked": N_("Konto gesperrt"),
    "inactive": N_("Konto deaktiviert"),
    "unknown_windows_account": N_("unbekanntes Windows-Konto"),
}
_SIGN_IN_METHODS = {"password": N_("Passwort"), "windows": N_("Windows-Konto")}
_REFUSALS = {  # app.services.approval
    "approval_required": N_("Freigabe durch die Teamleitung erforderlich"),
}
_LETTER_KINDS = {  # app.services.print_log
    "referral": N_("Überleitungsschreiben"), "consent": N_("Einwilligungserklärung"),
    "route-sheet": N_("Laufzettel"),
}
_CHANNELS = {"print": N_("Drucker"), "pdf": N_("PDF-Datei")}
_RESOLUTIONS = {  # app.sync.conflicts
    "keep": N_("behalten"), "other": N_("andere Fassung übernommen"),
    "combine": N_("zusammengeführt"),
}
_DIRECTORY_CHANGES = {  # app.services.directory_edit
    "created": N_("angelegt"), "changed": N_("geändert"), "retired": N_("stillgelegt"),
    "imported": N_("Verzeichnisdatei eingelesen"),
}
_DATA_CATEGORIES = {  # app.letters.model.DataCategory, as the approval queue names them
    "identity": N_("Name und Geburtsdatum"), "contact": N_("Anschrift und Kontakt"),
    "residence": N_("Aufenthalt und Dokumente"), "language": N_("Sprachen"),
    "household": N_("Haushalt"), "concern": N_("Notiz zum Anliegen"),
}

_FORM_ORDER = {key: position for position, key in enumerate(FIELD_LABELS)}

_FILTER_LABELS = {
    "office": N_("Büro"), "since": N_("von"), "until": N_("bis"),
    "agency_kind": N_("Stellenart"), "status": N_("Status"),
}


def event_label(action: AuditAction | str) -> str:
    """What happened, in German; an action this program does not know stays as stored."""
    if isinstance(action, AuditAction) and action in _EVENT_LABELS:
        return _(_EVENT_LABELS[action])
    return str(action)


def details_text(details: Mapping[str, object]) -> str:
    """All details of an entry in one line, ``Label: Wert`` parts joined by ``; ``."""
    return "; ".join(detail_parts(details))


def detail_parts(details: Mapping[str, object]) -> list[str]:
    """Known keys with their German label and value, in a fixed order; unknown keys after
    them as ``key=value``. Empty values say nothing and are left out."""
    known = [f"{_(label)}: {detail_value(key, details[key])}"
             for key, label in _DETAIL_LABELS.items() if _said(details.get(key))]
    unknown = [f"{key}={_plain(value)}" for key, value in sorted(details.items())
               if key not in _DETAIL_LABELS and _said(value)]
    return known + unknown


def detail_value(key: str, value: object) -> str:
    """The value of one known detail as a supervisor reads it."""
    shown = _VALUE_TEXTS.get(key)
    return shown(value) if shown else _plain(value)


def _said(value: object) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def _plain(value: object) -> str:
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, list | tuple):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}={_plain(item)}" for key, item in sorted(value.items()))
    return str(value)


def _each(name: Callable[[str], str]) -> Callable[[object], str]:
    """A code, or each code of a list, as ``name`` calls it."""
    def shown(value: object) -> str:
        if isinstance(value, list | tuple):
            return ", ".join(shown(item) for item in value)
        return name(str(value))
    return shown


def _codes(table: Mapping[str, str]) -> Callable[[object], str]:
    """Codes by their German text in ``table``; a code it does not know as stored."""
    return _each(lambda code: _(table[code]) if code in table else code)


def _labels(kind: _Coded) -> Callable[[object], str]:
    """Codes by the label of their enum member; a code it does not know as stored."""
    return _each(lambda code: kind(code).label if code in set(kind) else code)


def _fields(value: object) -> str:
    """The labels of the changed fields, in the order of the person form."""
    keys = [str(key) for key in (value if isinstance(value, list | tuple) else [value])]
    return ", ".join(field_label(key) for key in sorted(keys, key=_form_position))


def _form_position(key: str) -> int:
    return _FORM_ORDER.get(key, len(_FORM_ORDER))


def _copy(value: object) -> str:
    return _("Kopie") if value is True else _("Original")


def _language(value: object) -> str:
    return language_name(str(value))


def _format(value: object) -> str:
    return str(value).upper()


def _filters(value: object) -> str:
    if not isinstance(value, dict):
        return _plain(value)
    parts = [f"{_filter_label(str(key))} {_filter_value(str(key), item)}"
             for key, item in value.items()]
    return ", ".join(parts)


def _filter_label(key: str) -> str:
    return _(_FILTER_LABELS[key]) if key in _FILTER_LABELS else key


def _filter_value(key: str, value: object) -> str:
    shown = {"agency_kind": _labels(AgencyKind), "status": _labels(ReferralStatus)}
    return shown[key](value) if key in shown else _plain(value)


_VALUE_TEXTS: dict[str, Callable[[object], str]] = {
    "action": _labels(Action), "role": _labels(Role), "agency_kind": _labels(AgencyKind),
    "concerns": _labels(Concern), "from": _labels(ReferralStatus),
    "to": _labels(ReferralStatus), "fields": _fields, "copy": _copy, "language": _language,
    "format": _format, "filters": _filters, "reason": _codes(_SIGN_IN_PROBLEMS),
    "why": _codes(_REFUSALS), "kind": _codes(_LETTER_KINDS), "channel": _codes(_CHANNELS),
    "method": _codes(_SIGN_IN_METHODS), "change": _codes(_DIRECTORY_CHANGES),
    "categories": _codes(_DATA_CATEGORIES), "resolution": _codes(_RESOLUTIONS),
}
