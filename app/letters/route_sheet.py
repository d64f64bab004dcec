"""The Laufzettel: the household's stations in order, headings in German and the person's
language, so the family and every office can read it."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from app.letters.blocks import Row, Rows, Text, TextBlock
from app.letters.markup import para, text
from app.letters.model import RouteSheet, RouteStation
from app.letters.person_part import PersonText, address_lines
from app.letters.referral import german_hours_text
from app.letters.styles import (
    BODY_STYLE,
    BODY_WIDTH,
    CELL,
    CELL_LABEL,
    HEADING,
    SMALL,
    TITLE,
    Style,
)
from app.letters.texts import T_, german_agency, german_concern

LABEL_WIDTH = 38 * mm


def bilingual(pt: PersonText, german: str, style: Style) -> list[Text]:
    """The German text and, for another language, its translation below it."""
    texts = [Text(german, style)]
    if pt.language != "de":
        texts.append(text(pt.t(german), style, pt.language))
    return texts


def pair(pt: PersonText, german: str, translated: str) -> list[Text]:
    """A value in German and, where it differs, in the person's language."""
    texts = [Text(german, CELL)]
    if pt.language != "de" and translated != german:
        texts.append(text(translated, CELL, pt.language))
    return texts


def blocks(texts: list[Text]) -> list[Flowable]:
    return [TextBlock(t) for t in texts]


def route_sheet_flowables(sheet: RouteSheet) -> tuple[PersonText, list[Flowable]]:
    pt = PersonText(sheet.language)
    story: list[Flowable] = [
        *blocks(bilingual(pt, T_("Laufzettel"), TITLE)),
        para(f"{sheet.person_name} · {sheet.issued_on:%d.%m.%Y} · Zeichen {sheet.reference} · "
             f"{sheet.staff_name}", SMALL),
        *blocks(bilingual(pt, T_("Bitte gehen Sie in dieser Reihenfolge zu diesen Stellen."),
                          BODY_STYLE)),
    ]
    for number, station in enumerate(sheet.stations, 1):
        story.append(KeepTogether([station_heading(number, station),
                                   station_table(pt, station)]))
    if not sheet.stations:
        story += blocks(bilingual(pt, T_("Keine Stationen."), BODY_STYLE))
    return pt, story


def station_heading(number: int, station: RouteStation) -> Flowable:
    return para(f"{number}. {station.recipient.name}", HEADING)


def station_rows(pt: PersonText, station: RouteStation) -> list[tuple[str, list[Text]]]:
    t, office = pt.t, station.recipient
    rows = [(T_("Stelle"), pair(pt, german_agency(station.agency_kind),
                                t.agency(station.agency_kind))),
            (T_("Anschrift"), [Text(", ".join(address_lines(office)[1:]), CELL)]),
            when_row(pt, station),
            (T_("Für"), [Text(", ".join(station.persons), CELL)]),
            (T_("Anliegen"), [f for code in station.concerns
                              for f in pair(pt, german_concern(code), t.concern(code))]),
            (T_("Nummer"), [Text(", ".join(station.references), CELL)])]
    if office.phone:
        rows.insert(2, (T_("Telefon"), [Text(office.phone, CELL)]))
    if station.documents:
        rows.append((T_("Mitbringen"), [f for name in station.documents
                                        for f in pair(pt, f"• {name}", f"• {t.document(name)}")]))
    return rows


def when_row(pt: PersonText, station: RouteStation) -> tuple[str, list[Text]]:
    if station.appointment is not None:
        text = f"{station.appointment:%d.%m.%Y}, {station.appointment:%H:%M} Uhr"
        note = f" – {station.appointment_note}" if station.appointment_note else ""
        return T_("Termin"), [Text(text + note, CELL)]
    german = german_hours_text(station.recipient)
    hours = station.recipient.opening_hours
    return T_("Öffnungszeiten"), pair(pt, german, pt.t.opening_hours(hours) if hours else german)


def station_table(pt: PersonText, station: RouteStation) -> Rows:
    widths = [LABEL_WIDTH, BODY_WIDTH - LABEL_WIDTH]
    return Rows([Row([bilingual(pt, label, CELL_LABEL), value], widths)
                 for label, value in station_rows(pt, station)], gap=2, rules=True)
