"""The page for the person, in their language: where to go, when, what to bring."""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.letters.markup import para
from app.letters.model import PostalAddress, ReferralLetter
from app.letters.rtl import is_rtl
from app.letters.styles import BODY_STYLE, HEADING, LIST_ITEM, TITLE, Style
from app.letters.texts import T_, Texts


class PersonText:
    """Texts of one language plus the direction-aware values inside them."""

    def __init__(self, language: str) -> None:
        self.t = Texts(language)
        self.language = self.t.language
        self.rtl = is_rtl(self.language)

    def page_label(self, page: int, pages: int) -> str:
        return self.t(T_("Seite {page} von {pages}"), page=str(page), pages=str(pages))

    def heading(self, text: str) -> Flowable:
        return para(self.t(text), HEADING, self.language)

    def line(self, text: str, style: Style = BODY_STYLE) -> Flowable:
        return para(text, style, self.language)

    def items(self, texts: list[str]) -> list[Flowable]:
        return [para(text, LIST_ITEM, self.language, marker="•") for text in texts]


def address_lines(office: PostalAddress) -> list[str]:
    city = " ".join(p for p in (office.postal_code, office.city) if p)
    return [line for line in (office.name, office.department, office.street, city) if line]


def when_lines(pt: PersonText, office: PostalAddress, letter: ReferralLetter) -> list[str]:
    t = pt.t
    if letter.appointment is not None:
        lines = [t(T_("Ihr Termin: {date} um {time} Uhr"),
                   date=f"{letter.appointment:%d.%m.%Y}",
                   time=f"{letter.appointment:%H:%M}")]
        return [*lines, letter.appointment_note] if letter.appointment_note else lines
    if office.opening_hours:
        return [t(T_("Ohne Termin während der Öffnungszeiten: {hours}"),
                  hours=t.opening_hours(office.opening_hours))]
    if office.phone:
        return [t(T_("Bitte vereinbaren Sie vorher telefonisch einen Termin: {phone}"),
                  phone=office.phone)]
    return [t(T_("Die Öffnungszeiten kennen wir nicht. Bitte fragen Sie bei uns nach, "
                 "wann Sie dort hingehen können."))]


def person_part_flowables(letter: ReferralLetter) -> tuple[PersonText, list[Flowable]]:
    pt = PersonText(letter.language)
    t, office = pt.t, letter.recipient
    story = [para(t(T_("Das Wichtigste für Sie")), TITLE, pt.language),
             pt.line(t(T_("Bitte gehen Sie zu dieser Stelle. Nehmen Sie dieses Blatt mit."))),
             pt.heading(T_("Wohin?")), pt.line(t.agency(letter.agency_kind)),
             *(pt.line(line) for line in address_lines(office))]
    if office.phone:
        story.append(pt.line(t(T_("Telefon: {phone}"), phone=office.phone)))
    story += [pt.heading(T_("Wann?")), *(pt.line(line) for line in when_lines(pt, office, letter)),
              pt.heading(T_("Worum geht es?")), pt.line(t.concern(letter.concern)),
              pt.heading(T_("Was bringen Sie mit?")),
              *pt.items([t(T_("dieses Blatt")), *(t.document(d) for d in letter.documents)]),
              pt.heading(T_("Ihre Nummer")),
              pt.line(t(T_("Bitte nennen Sie diese Nummer: {reference}"),
                        reference=letter.reference)),
              *questions(pt, letter.sender.office)]
    return pt, story


def questions(pt: PersonText, sender: PostalAddress) -> list[Flowable]:
    contact = sender.phone if sender.phone else sender.name
    return [pt.heading(T_("Fragen?")),
            pt.line(pt.t(T_("Wir helfen Ihnen gern: {office}, {contact}"),
                         office=sender.name, contact=contact))]
