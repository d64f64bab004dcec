"""The statistics as people read them: German sentences for the key figures, readable
labels for the codes in the charts."""

from __future__ import annotations

from collections.abc import Callable

from app.i18n import _
from app.services.referral_stats import ReferralStatistics
from ui.models.referral_model import agency_label, concern_label

MONTHS = 12  # a year of months in the month chart


def total_text(figures: ReferralStatistics) -> str:
    return _("{count} Überleitung(en)").format(count=figures.total)


def median_text(figures: ReferralStatistics) -> str:
    days = figures.median_days_to_outcome
    if days is None:
        return _("Zeit bis zum Ergebnis: noch kein Ergebnis")
    return _("Zeit bis zum Ergebnis (Median): {days} Tage").format(days=f"{days:g}")


def reached_text(figures: ReferralStatistics) -> str:
    share = figures.reached_share
    if share is None:
        return _("Bei der Stelle angekommen: noch kein Ergebnis")
    return _("Bei der Stelle angekommen: {percent} % ({reached} von {answered})").format(
        percent=round(share * 100), reached=figures.reached, answered=figures.with_outcome)


def _month(key: str) -> str:
    year, month = key.split("-")
    return f"{month}/{year}"


def recent_months(values: dict[str, int]) -> dict[str, int]:
    """The last :data:`MONTHS` months (``03/2026``), the earlier ones summed up in front."""
    items = list(values.items())
    recent = {_month(key): count for key, count in items[-MONTHS:]}
    if len(items) <= MONTHS:
        return recent
    return {_("früher"): sum(count for _key, count in items[:-MONTHS]), **recent}


def _municipality(name: str) -> str:
    return name or _("unbekannt")


def chart_values(figures: ReferralStatistics, key: str) -> dict[str, int]:
    """The numbers of one chart with readable labels, in the service's order."""
    values: dict[str, int] = getattr(figures, f"by_{key}")
    if key == "month":
        return recent_months(values)
    labels: dict[str, Callable[[str], str]] = {
        "agency_kind": agency_label, "concern": concern_label, "municipality": _municipality}
    label = labels.get(key, str)
    return {label(code): count for code, count in values.items()}
