"""The coverage report: which status × concern × age band combinations no primary rule
answers, for some employability, permit date, municipality or reference date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import product

from app.codes import Concern
from app.i18n import _
from app.routing.model import PRIMARY
from app.routing.ruleset import Ruleset
from app.routing.space import (
    EMPLOYABLE,
    STATUSES,
    UNACCOMPANIED,
    Footprint,
    Space,
    age_bands,
    describe,
    spaces,
)


@dataclass(frozen=True)
class CoverageGap:
    status: str
    concern: str
    age_band: str
    example: str  # German: one case in this combination that no primary rule answers


@dataclass(frozen=True)
class CoverageReport:
    ruleset_version: str
    age_bands: tuple[str, ...]
    reference_dates: tuple[date, ...]  # first days of the periods checked
    combinations: int  # statuses × concerns × age bands (incl. "unknown")
    gaps: tuple[CoverageGap, ...]

    @property
    def complete(self) -> bool:
        return not self.gaps

    def lines(self) -> list[str]:
        """The report as German text, one line per gap."""
        head = _("Abdeckung: {answered} von {total} Kombinationen aus Status × Anliegen × "
                 "Altersgruppe beantwortet (Altersgruppen {bands}; Zeiträume ab {dates}).").format(
            answered=self.combinations - len(self.gaps), total=self.combinations,
            bands=", ".join(self.age_bands),
            dates=", ".join(d.strftime("%d.%m.%Y") for d in self.reference_dates))
        return [head, *(_("Lücke: {concern} für {status}, Alter {band} – z. B. {example}")
                        .format(concern=g.concern, status=g.status, band=g.age_band,
                                example=g.example) for g in self.gaps)]


def coverage(ruleset: Ruleset) -> CoverageReport:
    """Every status × concern × age band combination that some case leaves unanswered on
    some reference date, each with one such case as example."""
    bands = age_bands(ruleset)
    gaps: dict[tuple[str, str, int], str] = {}
    checked = []
    for space in spaces(ruleset):
        checked.append(space.day)
        grid = _Grid(space)
        for concern in Concern:
            _find_gaps(grid, concern, gaps)
    return CoverageReport(
        ruleset.version, tuple(b.label for b in bands), tuple(checked),
        len(STATUSES) * len(Concern) * len(bands),
        tuple(CoverageGap(status, concern, bands[band].label, example)
              for (concern, status, band), example in sorted(gaps.items())))


def _find_gaps(grid: _Grid, concern: str, gaps: dict[tuple[str, str, int], str]) -> None:
    """Per status and band, the cells (permit × employable × unaccompanied × municipality)
    are bits of one integer; the primary rules' footprints are OR-ed over them."""
    space = grid.space
    prints = [space.footprints[rule.id] for rule in space.ruleset.rules_for(concern)
              if rule.role == PRIMARY and rule.id in space.footprints]
    for status in range(len(STATUSES)):
        masks = [(fp.bands, grid.mask(fp, fp.permits_by_status[status])) for fp in prints
                 if fp.permits_by_status[status]]
        for band in range(len(space.bands)):
            key = (concern, STATUSES[status], band)
            if key in gaps:
                continue
            covered = 0
            for bands, mask in masks:
                if band in bands:
                    covered |= mask
            if covered != grid.full:
                gaps[key] = grid.example(status, band, covered)


class _Grid:
    """The cells of one status and age band on one reference date, as bits."""

    def __init__(self, space: Space) -> None:
        self.space = space
        self.places = sorted(space.municipalities)
        self.cells = len(EMPLOYABLE) * len(UNACCOMPANIED) * len(self.places)
        self.full = (1 << (len(space.permits) * self.cells)) - 1
        self._others: dict[int, int] = {}

    def mask(self, footprint: Footprint, permits: frozenset[int]) -> int:
        others = self._others.get(id(footprint))
        if others is None:
            others = self._others[id(footprint)] = self._other_cells(footprint)
        mask = 0
        for permit in permits:
            mask |= others << (permit * self.cells)
        return mask

    def _other_cells(self, footprint: Footprint) -> int:
        others = 0
        for (e, employable), (u, unaccompanied), (m, place) in product(
                enumerate(EMPLOYABLE), enumerate(UNACCOMPANIED), enumerate(self.places)):
            if (employable in footprint.employable and unaccompanied in footprint.unaccompanied
                    and place in footprint.municipalities):
                others |= 1 << self._cell(e, u, m)
        return others

    def _cell(self, employable: int, unaccompanied: int, place: int) -> int:
        return (employable * len(UNACCOMPANIED) + unaccompanied) * len(self.places) + place

    def example(self, status: int, band: int, covered: int) -> str:
        """The first cell not covered, described as a case."""
        missing = ~covered & self.full
        bit = (missing & -missing).bit_length() - 1
        permit, rest = divmod(bit, self.cells)
        pair, place = divmod(rest, len(self.places))
        employable, unaccompanied = divmod(pair, len(UNACCOMPANIED))
        return describe(self.space, status, permit, band, EMPLOYABLE[employable],
                        UNACCOMPANIED[unaccompanied], self.places[place])
