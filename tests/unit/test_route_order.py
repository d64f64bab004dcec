"""The order of the stations on a route sheet: appointments, then papers before the offices
that ask for them, the same building in one go, and always the same order."""

from __future__ import annotations

from datetime import datetime

from app.codes import AgencyKind
from app.letters.model import PostalAddress, RouteStation
from app.services.route_order import STAGES, route_order


def station(kind: str, name: str, street: str = "", at: datetime | None = None) -> RouteStation:
    return RouteStation(recipient=PostalAddress(name=name, street=street or f"{name}weg 1",
                                                postal_code="41460", city="Neuss"),
                        agency_kind=kind, references=(f"R-{name}",), persons=("A",),
                        concerns=("benefits",), appointment=at)


def names(stations: list[RouteStation]) -> list[str]:
    return [entry.station.recipient.name for entry in route_order(stations)]


def test_papers_before_benefits_before_family_before_courses() -> None:
    stations = [station("integration_course_provider", "VHS"), station("familienkasse", "FK"),
                station("jobcenter", "JC"), station("auslaenderbehoerde", "ABH"),
                station("schulamt", "SA")]
    assert names(stations) == ["ABH", "JC", "FK", "SA", "VHS"]


def test_fixed_appointments_come_first_by_time() -> None:
    late = station("migrationsberatung", "MBE", at=datetime(2026, 12, 1, 14, 0))
    early = station("jugendamt", "JA", at=datetime(2026, 12, 1, 9, 30))
    ordered = route_order([station("auslaenderbehoerde", "ABH"), late, early])
    assert [e.station.recipient.name for e in ordered] == ["JA", "MBE", "ABH"]
    assert "01.12.2026 um 09:30" in ordered[0].reason


def test_the_same_building_is_visited_in_one_go() -> None:
    stations = [station("auslaenderbehoerde", "ABH Kreis", "Lindenstraße 10"),
                station("jobcenter", "JC", "Bahnhofstr. 3"),
                station("kommunales_integrationszentrum", "KI", "Lindenstr. 10"),
                station("sozialamt", "Sozialamt")]
    ordered = route_order(stations)
    assert [e.station.recipient.name for e in ordered] == ["ABH Kreis", "KI", "JC", "Sozialamt"]
    assert "selben Haus wie ABH Kreis" in ordered[1].reason


def test_equal_stations_by_name_whatever_the_input_order() -> None:
    stations = [station("sozialamt", "Sozialamt Neuss"), station("jobcenter", "Jobcenter"),
                station("agentur_fuer_arbeit", "Agentur")]
    assert names(stations) == names(list(reversed(stations))) == [
        "Agentur", "Jobcenter", "Sozialamt Neuss"]


def test_every_agency_kind_has_a_stage_and_unknown_ones_go_last() -> None:
    assert set(STAGES) == set(AgencyKind)
    assert names([station("new_kind", "A"), station("wohlfahrtsverband", "Z")]) == ["Z", "A"]
