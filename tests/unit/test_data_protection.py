"""The data protection rules: every agency kind decided, the defaults of DOMAIN.md, and a
broken file refused with the file, the agency kind and what is expected."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from app.codes import AgencyKind
from app.config import Settings, load_settings
from app.errors import ConfigError
from app.letters.model import DataCategory as D
from app.services.data_protection import default_rules_path, read_rules, rules_for

SOCIAL = ("jobcenter", "agentur_fuer_arbeit", "sozialamt", "familienkasse", "krankenkasse")


def test_every_agency_kind_is_decided_in_the_bundled_file() -> None:
    rules = read_rules(default_rules_path())
    assert set(rules.by_kind) == set(AgencyKind)


def test_the_defaults_follow_the_law() -> None:
    rules = rules_for(Settings())
    for kind in SOCIAL:
        allowed = rules.without_consent(kind)
        assert {D.IDENTITY, D.CONTACT, D.RESIDENCE, D.LANGUAGE} <= set(allowed.categories)
        assert "§ 69 Abs. 1 Nr. 1 SGB X" in allowed.basis
    assert D.HOUSEHOLD in rules.without_consent("jobcenter").categories
    assert D.HOUSEHOLD not in rules.without_consent("familienkasse").categories
    assert rules.without_consent("jugendamt").categories == (D.IDENTITY, D.CONTACT)
    others = set(AgencyKind) - set(SOCIAL) - {"jugendamt"}
    assert all(rules.without_consent(kind).categories == () for kind in others)
    assert rules.without_consent("a_kind_from_the_future").categories == ()


def write(path: Path, agencies: dict[str, object]) -> Path:
    path.write_text(yaml.safe_dump({"format": "lotse-data-protection/1",
                                    "agencies": agencies}), encoding="utf-8")
    return path


def bundled() -> dict[str, object]:
    document = yaml.safe_load(default_rules_path().read_text(encoding="utf-8"))
    agencies: dict[str, object] = document["agencies"]
    return agencies


@pytest.mark.parametrize(("change", "kind", "expected"), [
    ({"jobcenter": None}, "jobcenter", "fehlt"),
    ({"jobcenter": {"allowed": ["concern"], "basis": "x"}}, "jobcenter", "Einwilligung"),
    ({"ihk": {"allowed": ["identity"], "basis": ""}}, "ihk", "Rechtsgrundlage"),
    ({"ihk": {"allowed": "identity"}}, "ihk", "Liste von Datenarten"),
    ({"finanzamt": {"allowed": [], "basis": ""}}, "finanzamt", "unbekannte Stellenart"),
])
def test_a_broken_file_names_file_kind_and_expectation(
        tmp_path: Path, change: dict[str, object], kind: str, expected: str) -> None:
    agencies = {**bundled(), **change}
    agencies = {k: v for k, v in agencies.items() if v is not None}
    path = write(tmp_path / "rules.yaml", agencies)
    with pytest.raises(ConfigError) as raised:
        read_rules(path)
    assert str(path) in raised.value.message and kind in raised.value.message
    assert expected in raised.value.message


def test_an_administrator_points_lotse_at_another_file(tmp_path: Path) -> None:
    agencies = {**bundled(), "ihk": {"allowed": ["identity"], "basis": "§ 1 Testgesetz"}}
    path = write(tmp_path / "rules.yaml", agencies)
    settings = load_settings(environ={"LOTSE_DATA_PROTECTION": str(path)})
    assert rules_for(settings).without_consent("ihk").categories == (D.IDENTITY,)
    config = tmp_path / "lotse.toml"
    config.write_text(f'[letters]\ndata_protection = "{path.as_posix()}"\n', encoding="utf-8")
    assert load_settings(config_file=config, environ={}).data_protection == path.as_posix()
    with pytest.raises(ConfigError, match="nicht gelesen"):
        rules_for(Settings(data_protection=str(tmp_path / "missing.yaml")))
