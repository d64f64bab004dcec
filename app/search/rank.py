"""Ranking candidates with rapidfuzz: how well the typed names fit the written ones, and why.

Candidates share few distinct names (a page of Al-Hassans), so each pair of a typed and a
written token is scored once per search.
"""

from __future__ import annotations

from datetime import date

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from app.i18n import _
from app.search.keys import koelner, skeleton, tokens, variants
from app.search.query import DateFilter

SOUND = 70.0  # the least score of a token that sounds like the typed one
SLIP = 72.0  # one letter off ranks above a mere sound-alike of the same closeness
CONSONANTS = 75.0
Scored = tuple[float, str]  # score 0–100, why ("" if the typed text is simply there)
_PRECISION = {"year": 0, "month": 1, "day": 2}


def _slipped(form: str, other: str) -> bool:
    """The typed form is the written one (or, still being typed, its beginning) with at
    most one letter dropped, added, replaced or two swapped."""
    cuts = (len(form) - 1, len(form), len(form) + 1)
    return any(OSA.distance(form, other[:cut]) <= 1 for cut in cuts)


def _fit(form: str, other: str) -> tuple[float, int]:
    """Score and kind of fit (1 consonants, 2 sound, 3 spelling, 4 one slip) of two folded
    forms: the best that applies."""
    closeness = fuzz.ratio(form, other)
    fits = [(closeness * 0.7, 3)]
    if len(form) >= 3:
        if skeleton(form) == skeleton(other):
            fits.append((CONSONANTS + closeness / 5, 1))
        if koelner(form) == koelner(other):
            fits.append((SOUND + closeness / 5, 2))
        if _slipped(form, other):
            fits.append((SLIP + closeness / 5, 4))
    return max(fits)


def _why(kind: int) -> str:
    if kind == 1:
        return _("gleiche Konsonanten")
    if kind == 2:
        return _("gleicher Klang (Kölner Phonetik)")
    if kind == 4:
        return _("ein Buchstabe anders")
    return _("ähnliche Schreibung")


def token_score(typed: str, written: str) -> Scored:
    """How well one typed name token fits one written name token, and why. Sound-alike
    matches score by how close the spelling still is, so the nearer spelling ranks first."""
    best = (0.0, 3)
    for form in variants(typed):
        for other in variants(written):
            if other.startswith(form):
                return 100.0, ""
            best = max(best, _fit(form, other))
    return best[0], _why(best[1])


def one_slip(typed: str, written: str) -> bool:
    """True if the typed token is the written one (or, still being typed, its beginning)
    with at most one slip."""
    return any(_slipped(form, other) for form in variants(typed) for other in variants(written))


Written = tuple[str, ...]  # a candidate's names: main family and given names, then variants
Pick = tuple[str, float, str, str]  # typed token, its score, why, the written token it fits


class NameRanking:
    """Scores the written names of candidates against the typed name tokens. Candidates
    share few distinct names (a page of Al-Hassans), so each pair of a typed and a written
    token, and each set of written names, is scored once per search."""

    def __init__(self, typed: list[str]) -> None:
        self.typed = typed
        self._pairs: dict[tuple[str, str], Scored] = {}
        self._names: dict[Written, tuple[float, tuple[Pick, ...]]] = {}

    def _pair(self, typed: str, written: str) -> Scored:
        pair = (typed, written)
        if pair not in self._pairs:
            self._pairs[pair] = token_score(typed, written)
        return self._pairs[pair]

    def _best(self, typed: str, written: list[str]) -> Pick:
        best: Pick = (typed, 0.0, "", "")
        for token in written:  # the main name comes first and wins a tie over a variant
            score, why = self._pair(typed, token)
            if score > best[1]:
                best = (typed, score, why, token)
                if score == 100.0:
                    break
        return best

    def _picks(self, written: Written) -> tuple[float, tuple[Pick, ...]]:
        if written not in self._names:
            tokens_ = [token for text in written if text for token in tokens(text)]
            picks = tuple(self._best(typed, tokens_) for typed in self.typed)
            mean = sum(pick[1] for pick in picks) / max(len(picks), 1)
            self._names[written] = (mean, picks)
        return self._names[written]

    def score(self, written: Written) -> float:
        """The mean of each typed token's best fit (0–100)."""
        return self._picks(written)[0]

    def weakest(self, written: Written) -> float:
        """The fit of the typed token that fits worst."""
        return min((pick[1] for pick in self._picks(written)[1]), default=100.0)

    def near(self, written: Written) -> bool:
        """True if every typed token fits a written one at least with one slip."""
        tokens_ = [token for text in written if text for token in tokens(text)]
        return all(any(self._pair(typed, token)[0] >= SOUND or one_slip(typed, token)
                       for token in tokens_) for typed in self.typed)

    def reasons(self, written: Written) -> list[str]:
        reasons = []
        for typed, _score, why, where in self._picks(written)[1]:
            if why:
                reasons.append(_("„{typed}“ ≈ „{written}“ ({why})").format(
                    typed=typed, written=where, why=why))
            elif where:
                reasons.append(_("Name „{written}“").format(written=where))
        return reasons


def date_fit(born: date | None, precision: str, birth: DateFilter) -> Scored:
    """A typed date that the stored one fits, known at least as precisely, costs nothing;
    one that it fits only because it is known less precisely costs a little."""
    if born is None:
        return 0.0, ""
    as_precise = _PRECISION.get(precision, 2) >= _PRECISION.get(birth.precision, 2)
    if as_precise and birth.first <= born <= birth.last:
        return 0.0, _("Geburtsdatum passt ({date})").format(date=birth.describe())
    return -8.0, _("Geburtsdatum nur ungenau bekannt; passt zu {date}").format(
        date=birth.describe())
