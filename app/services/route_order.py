"""The order in which to visit the stations of a route sheet.

Fixed appointments come first, by time – they cannot move. Then the offices whose papers the
others ask for: the Ausländerbehörde or BAMF issues the residence document the Sozialamt,
Jobcenter and Agentur für Arbeit need; their decisions are what Familienkasse, Jugendamt and
Krankenkasse ask for; school and recognition offices come after that, courses and
counselling last. Stations in the same building follow each other (no second trip), and
equal stations are ordered by name so that the same visit always gives the same sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.codes import AgencyKind as K
from app.i18n import N_, _
from app.letters.model import RouteStation

# Lower stages first: each stage's papers are what the later ones ask for.
STAGES: dict[str, int] = {
    K.AUSLAENDERBEHOERDE: 0, K.BAMF: 0,
    K.SOZIALAMT: 1, K.JOBCENTER: 1, K.AGENTUR_FUER_ARBEIT: 1,
    K.FAMILIENKASSE: 2, K.JUGENDAMT: 2, K.KRANKENKASSE: 2,
    K.KOMMUNALES_INTEGRATIONSZENTRUM: 3, K.SCHULAMT: 3, K.BEZIRKSREGIERUNG: 3,
    K.INTEGRATION_COURSE_PROVIDER: 4, K.ANERKENNUNGSBERATUNG: 4, K.IHK: 4, K.HWK: 4,
    K.MIGRATIONSBERATUNG: 4, K.JUGENDMIGRATIONSDIENST: 4, K.WOHLFAHRTSVERBAND: 4,
}
LAST_STAGE = 5  # an agency kind this program does not know yet


@dataclass(frozen=True)
class OrderedStation:
    station: RouteStation
    reason: str  # why at this position (German)


def route_order(stations: Sequence[RouteStation]) -> list[OrderedStation]:
    """The stations in the order to visit them, each with the reason for its place."""
    pending = sorted(stations, key=_rank)
    ordered: list[OrderedStation] = []
    while pending:
        first = pending.pop(0)
        ordered.append(OrderedStation(first, _reason(first)))
        same_building = [s for s in pending if s.appointment is None and _same_address(s, first)]
        for station in same_building:
            pending.remove(station)
            ordered.append(OrderedStation(station, _("im selben Haus wie {name}").format(
                name=first.recipient.name)))
    return ordered


def _rank(station: RouteStation) -> tuple[int, float, int, str, str]:
    if station.appointment is not None:
        return 0, station.appointment.timestamp(), 0, station.recipient.name, _address(station)
    stage = STAGES.get(station.agency_kind, LAST_STAGE)
    return 1, 0.0, stage, station.recipient.name, _address(station)


def _reason(station: RouteStation) -> str:
    if station.appointment is not None:
        return _("fester Termin am {date} um {time} Uhr").format(
            date=station.appointment.strftime("%d.%m.%Y"),
            time=station.appointment.strftime("%H:%M"))
    return _(_STAGE_REASONS[STAGES.get(station.agency_kind, LAST_STAGE)])


_STAGE_REASONS = {
    0: N_("stellt die Aufenthaltspapiere aus, die andere Stellen sehen wollen"),
    1: N_("entscheidet über Leistungen; andere Stellen fragen nach dem Bescheid"),
    2: N_("braucht Aufenthaltspapiere und Leistungsbescheid"),
    3: N_("Schule und Anerkennung nach den Behördengängen"),
    4: N_("Kurse und Beratung zuletzt"),
    5: N_("ohne bekannte Reihenfolge, nach Namen"),
}


def _address(station: RouteStation) -> str:
    office = station.recipient
    # "Lindenstraße 10" and "Lindenstr. 10" are one building (casefold makes ß "ss").
    street = " ".join(office.street.casefold().replace("strasse", "str.").split())
    return f"{street}|{office.postal_code.strip()}|{office.city.casefold().strip()}"


def _same_address(one: RouteStation, other: RouteStation) -> bool:
    return bool(one.recipient.street.strip()) and _address(one) == _address(other)
