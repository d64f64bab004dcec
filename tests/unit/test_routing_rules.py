"""The rules as data: the bundled ruleset loads and answers every combination; a broken ruleset
is refused with every problem named by file, rule and field; contradictions are found."""

from __future__ import annotations

import shutil
import textwrap
from datetime import date
from pathlib import Path

import pytest

from app.codes import Concern, LegalStatus
from app.routing import (
    Case,
    NotCoveredError,
    RulesetError,
    coverage,
    default_rules_path,
    load_ruleset,
    route_case,
)

HEADER = default_rules_path() / "ruleset.yaml"


def folder_with(tmp_path: Path, rules: str, *, header: bool = True) -> Path:
    """A ruleset folder: the bundled header plus one file with the given rules."""
    if header:
        shutil.copy(HEADER, tmp_path / "ruleset.yaml")
    body = textwrap.indent(textwrap.dedent(rules).strip(), "  ")
    (tmp_path / "extra.yaml").write_text(f"format: lotse-routing/1\nrules:\n{body}\n",
                                         encoding="utf-8")
    return tmp_path


def rule(rule_id: str, concern: str, kind: str, *, when: str = "{}", role: str = "primary",
         extra: str = "") -> str:
    return textwrap.dedent(f"""\
        - id: {rule_id}
          concerns: {concern}
          when: {when}
          valid_from: 2025-01-01
          role: {role}
          agency_kind: {kind}
          reason: Grund
          legal_basis: Gesetz
        """) + textwrap.indent(textwrap.dedent(extra), "  ")


def problems(folder: Path) -> list[tuple[str, str, str, str]]:
    with pytest.raises(RulesetError) as caught:
        load_ruleset(folder)
    return [(p.file, p.rule_id, p.field, p.message) for p in caught.value.problems]


def test_the_bundled_ruleset_answers_every_combination() -> None:
    ruleset = load_ruleset()
    report = coverage(ruleset)
    assert report.complete, "\n".join(report.lines())
    assert report.combinations == len(LegalStatus) * len(Concern) * len(report.age_bands)
    assert {"0–5", "15", "27–65", "67+", "unbekannt"} <= set(report.age_bands)
    assert {date(2025, 1, 1), date(2026, 7, 1), date(2028, 1, 1)} <= set(
        report.reference_dates)
    assert ruleset.version == "2026-11-27" and ruleset.valid_from == date(2025, 1, 1)
    assert len(ruleset.files) >= 5 and "ruleset.yaml" in ruleset.files


def test_every_problem_with_file_rule_and_field(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, rule("a.one", "[benefits, benefit]", "sozialamtt",
                                        when="{status: [asylblg, refugee], age: {min: 20, "
                                             "max: 10}, municipality: [Neus]}")
                         .replace("2025-01-01", "2026-02-30")
                         + rule("a.two", "work", "jobcenter", role="boss",
                                extra="valid_to: 2024-06-30\ncolour: red\n"))
    found = problems(folder)
    where = {(file, rule_id, field) for file, rule_id, field, _message in found}
    assert where == {
        ("extra.yaml", "a.one", "valid_from"), ("extra.yaml", "a.one", "concerns"),
        ("extra.yaml", "a.one", "when.status"), ("extra.yaml", "a.one", "when.age"),
        ("extra.yaml", "a.one", "when.municipality"), ("extra.yaml", "a.one", "agency_kind"),
        ("extra.yaml", "a.two", "colour"), ("extra.yaml", "a.two", "valid_to"),
        ("extra.yaml", "a.two", "role")}
    messages = {field: message for _f, _r, field, message in found}
    assert "„2026-02-30“ ist kein gültiges Datum" in messages["valid_from"]
    assert "„benefit“ ist unbekannt" in messages["concerns"]
    assert "benefits" in messages["concerns"]  # the allowed ones are listed
    assert "„refugee“ ist unbekannt" in messages["when.status"]
    assert "asylblg" in messages["when.status"]  # groups are allowed names too
    assert "„sozialamtt“ ist unbekannt" in messages["agency_kind"]
    assert "Rommerskirchen" in messages["when.municipality"]
    assert "liegt vor valid_from" in messages["valid_to"]
    assert "primary, secondary" in messages["role"]


def test_the_error_message_lists_them_all(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, rule("x.a", "work", "jobcentre")
                         + rule("x.b", "housing", "sozialamt", when="{employable: maybe}"))
    with pytest.raises(RulesetError) as caught:
        load_ruleset(folder)
    text = str(caught.value)
    assert "2 Fehler" in text
    assert "extra.yaml, Regel x.a, Feld agency_kind" in text
    assert "extra.yaml, Regel x.b, Feld when.employable" in text
    assert caught.value.exit_code == 2


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, rule("residence.auslaenderbehoerde", "residence",
                                        "auslaenderbehoerde"))
    shutil.copy(default_rules_path() / "family_residence.yaml", folder)
    [(file, rule_id, field, message)] = problems(folder)  # files are read in name order
    assert (file, rule_id, field) == ("family_residence.yaml", "residence.auslaenderbehoerde",
                                      "id")
    assert "schon in extra.yaml" in message


def test_a_contradiction_names_both_rules_and_an_example(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, rule("c.jobcenter", "work", "jobcenter",
                                        when="{status: sgb2}")
                         + rule("c.agentur", "work", "agentur_fuer_arbeit",
                                when="{age: {min: 30}}"))
    [(file, rule_id, _field, message)] = problems(folder)
    assert (file, rule_id) == ("extra.yaml", "c.agentur")
    assert "widerspricht Regel c.jobcenter" in message
    assert "Alter 30+" in message and "Status protected" in message


def test_rules_that_cannot_meet_do_not_contradict(tmp_path: Path) -> None:
    """Different ages, different dates, different roles, or a priority are no conflict."""
    folder = folder_with(tmp_path, rule("d.young", "work", "jobcenter", when="{age: {max: 29}}")
                         + rule("d.old", "work", "agentur_fuer_arbeit",
                                when="{age: {min: 30}}")
                         + rule("d.later", "work", "sozialamt", when="{age: {min: 30}}",
                                extra="priority: 1\n")
                         + rule("d.aside", "work", "schulamt", role="secondary")
                         + rule("d.dated", "housing", "hwk", extra="valid_to: 2025-12-31\n")
                         + rule("d.then", "housing", "ihk").replace("2025-01-01", "2026-01-01"))
    ruleset = load_ruleset(folder)
    assert {r.id for r in ruleset.rules} >= {"d.young", "d.old", "d.later", "d.aside"}


def test_contradictions_hidden_behind_a_status_group_date(tmp_path: Path) -> None:
    """A § 24 holder with a late permit is in the AsylbLG group only from 01.07.2026: two
    rules that meet only then are found."""
    folder = folder_with(tmp_path, rule("e.asylblg", "work", "sozialamt",
                                        when="{status: asylblg}")
                         + rule("e.late", "work", "jobcenter",
                                when="{status: temporary_protection, "
                                     "permit_issued: {after: 2025-03-31}}"))
    [(_file, _rule, _field, message)] = problems(folder)
    assert "Status temporary_protection" in message and "Stichtag ab 01.07.2026" in message


def test_the_header_and_the_files_themselves(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("format: lotse-routing/1\nrules: [\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("format: other/2\n", encoding="utf-8")
    found = problems(tmp_path)
    assert any(f == "a.yaml" and "Kein gültiges YAML" in m for f, _r, _x, m in found)
    assert any(f == "b.yaml" and field == "format" for f, _r, field, _m in found)
    assert any(field == "version" and "Genau eine Datei" in m for _f, _r, field, m in found)


def test_a_broken_status_group_and_age_limit(tmp_path: Path) -> None:
    header = HEADER.read_text(encoding="utf-8")
    header = header.replace("status: [asylum_seeker, tolerated]",
                            "status: [asylum_seeker, tolerted]")
    header = header.replace("{age: 67, valid_from: 2028-01-01}",
                            "{age: 67, valid_from: 2028-02-01}")
    (tmp_path / "ruleset.yaml").write_text(header, encoding="utf-8")
    found = {(rule_id, field): message for _f, rule_id, field, message in problems(tmp_path)}
    assert "„tolerted“ ist unbekannt" in found[("Statusgruppe asylblg", "members.status")]
    assert "Lücke" in found[("Altersgrenze regelaltersgrenze", "values")]


def test_a_rule_naming_an_unknown_age_limit_or_group(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, rule("f.one", "work", "jobcenter",
                                        when="{status: sgb3, age: {under: rentenalter}}"))
    fields = {field for _f, _r, field, _m in problems(folder)}
    assert fields == {"when.status", "when.age.under"}


def test_a_gap_in_coverage_is_reported_and_is_not_covered_when_routed(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, rule("g.sgb2", "benefits", "jobcenter",
                                        when="{status: sgb2, age: {min: 18}}"))
    ruleset = load_ruleset(folder)
    report = coverage(ruleset)
    gap = next(g for g in report.gaps if (g.status, g.concern) == ("protected", "benefits"))
    assert gap.age_band == "0–17" and "Status protected" in gap.example  # bands cut at 18
    assert any("Lücke: benefits für protected, Alter 0–17" in line for line in report.lines())
    case = Case("protected", 10, "Neuss", "benefits", reference_date=date(2026, 1, 1))
    with pytest.raises(NotCoveredError) as caught:
        route_case(case, ruleset, ())
    assert "benefits" in str(caught.value) and "protected" in str(caught.value)
    assert caught.value.exit_code == 3


def test_rules_for_some_municipalities(tmp_path: Path) -> None:
    """A municipality condition (and `outside`) routes by place; overlapping places clash."""
    neuss = rule("m.neuss", "residence", "auslaenderbehoerde", when="{municipality: [Neuss]}")
    outside = rule("m.outside", "residence", "bamf", when="{municipality: [outside]}")
    ruleset = load_ruleset(folder_with(tmp_path, neuss + outside))
    routed = {place: route_case(Case("protected", 30, place, "residence",
                                     reference_date=date(2026, 1, 1)), ruleset, ())
              for place in ("Neuss", "")}
    assert {place: r.recommendations[0].rule_id for place, r in routed.items()} == {
        "Neuss": "m.neuss", "": "m.outside"}
    assert any(g.concern == "residence" and "Wohnort Grevenbroich" in g.example  # unnamed
               for g in coverage(ruleset).gaps)
    clash = rule("m.both", "residence", "jugendamt", when="{municipality: [Kaarst, Neuss]}")
    [(_file, rule_id, _field, message)] = problems(folder_with(tmp_path, neuss + clash))
    assert rule_id == "m.both" and "Wohnort Neuss" in message
