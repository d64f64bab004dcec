"""The Einwilligungserklärung for one recipient: the data (to tick), the recipient, the
purpose, voluntariness and the right to withdraw – signed on the German page, with a
translation for the person on the next."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.letters.markup import para
from app.letters.model import ConsentForm
from app.letters.person_block import birth_date_text, facts_table
from app.letters.person_part import PersonText, address_lines
from app.letters.signature import SignatureRow
from app.letters.styles import BODY_STYLE, BODY_WIDTH, CHECK_ITEM, HEADING, TITLE
from app.letters.texts import T_, german_concern

LEGAL_BASIS = "Art. 6 Abs. 1 lit. a und Art. 9 Abs. 2 lit. a DSGVO, § 67b SGB X"


def consent_texts(form: ConsentForm, pt: PersonText) -> dict[str, str]:
    """Every sentence of the form in the language of ``pt`` (German for the German page)."""
    t = pt.t
    sender = form.sender.office
    whom = t(T_("über das Kind {name}"), name=form.person_name) if form.by_guardian \
        else t(T_("über mich"))
    agree = T_("Wir sind als Sorgeberechtigte damit einverstanden, dass {sender} die unten "
               "angekreuzten Daten {whom} an diese Stelle übermittelt:") if form.by_guardian \
        else T_("Ich bin damit einverstanden, dass {sender} die unten angekreuzten Daten "
                "{whom} an diese Stelle übermittelt:")
    concerns = ", ".join(t.concern(code) for code in form.concerns) or "–"
    withdraw_to = ", ".join(p for p in (sender.name, *address_lines(sender)[1:], sender.phone,
                                        sender.email) if p)
    return {
        "agree": t(agree, sender=sender.name, whom=whom),
        "purpose": t(T_("Zweck: Bearbeitung des Anliegens „{concerns}“ (Vorgang {reference})."),
                     concerns=concerns, reference=form.reference),
        "voluntary": t(T_("Die Einwilligung ist freiwillig. Wenn Sie nicht einwilligen, haben "
                          "Sie dadurch keine Nachteile; die Stelle erhält dann nur die Daten, "
                          "die das Gesetz erlaubt.")),
        "withdraw": t(T_("Sie können diese Einwilligung jederzeit ohne Angabe von Gründen mit "
                         "Wirkung für die Zukunft widerrufen, mündlich oder schriftlich bei: "
                         "{office}."), office=withdraw_to),
        "basis": t(T_("Rechtsgrundlage: {basis}."), basis=LEGAL_BASIS),
    }


def consent_flowables(form: ConsentForm, german: bool) -> list[Flowable]:
    pt = PersonText("de" if german else form.language)
    texts, lang = consent_texts(form, pt), pt.language
    story: list[Flowable] = [para(pt.t(T_("Einwilligungserklärung")), TITLE, lang)]
    if not german:
        story.append(para(pt.t(T_("Übersetzung zur Information. Bitte kreuzen Sie auf der "
                                  "deutschen Seite an und unterschreiben Sie dort.")),
                          BODY_STYLE, lang))
    story += [*_person(form, german, pt), para(texts["agree"], BODY_STYLE, lang),
              *(para(line, BODY_STYLE, lang) for line in address_lines(form.recipient)),
              para(texts["purpose"], BODY_STYLE, lang),
              para(pt.t(T_("Daten")), HEADING, lang), *_categories(form, pt, german),
              para(pt.t(T_("Freiwillig")), HEADING, lang), para(texts["voluntary"], BODY_STYLE,
                                                                 lang),
              para(pt.t(T_("Widerruf")), HEADING, lang), para(texts["withdraw"], BODY_STYLE, lang),
              para(texts["basis"], BODY_STYLE, lang)]
    return [*story, *(_signatures(form) if german else [])]


def _person(form: ConsentForm, german: bool, pt: PersonText) -> list[Flowable]:
    if not german:
        return [para(form.person_name, BODY_STYLE, pt.language)]
    rows = [("Name", form.person_name)]
    if form.original_name:
        rows.append(("Name in Originalschrift", form.original_name))
    rows.append(("Geburtsdatum", birth_date_text(form.birth_date)))
    concerns = ", ".join(german_concern(code) for code in form.concerns)
    return [facts_table([*rows, ("Anliegen", concerns or "–")], pairs=False), Spacer(0, 2 * mm)]


def _categories(form: ConsentForm, pt: PersonText, german: bool) -> list[Flowable]:
    lines = [f"{number}. {pt.t.category(c)} – {pt.t.category_description(c)}"
             for number, c in enumerate(form.categories, 1)]
    if not german:
        return [para(line, BODY_STYLE, pt.language) for line in lines]
    return [para("Bitte kreuzen Sie an, welche Daten übermittelt werden dürfen:", BODY_STYLE),
            *(para(line, CHECK_ITEM, marker="box") for line in lines)]


def _signatures(form: ConsentForm) -> list[Flowable]:
    signers = ["Unterschrift Sorgeberechtigte/r 1", "Unterschrift Sorgeberechtigte/r 2"] \
        if form.by_guardian else ["Unterschrift der Person"]
    return [Spacer(0, 6 * mm), SignatureRow(["Ort, Datum", *signers], BODY_WIDTH)]
