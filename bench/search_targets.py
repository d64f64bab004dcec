"""Planted targets for the search benchmark: persons only one name combination finds.

Recall is only meaningful for a person whose name is unique in the data: with 1,000,000
demo persons hundreds share "Mohammed Al-Hassan", and a query cannot tell them apart. So
the benchmark plants target persons whose three name parts (two given names and a family
name, drawn from one origin's pools as the demo generator does) occur together in no other
person, and records their other spellings as the generator would (another
transliteration, the original script). bench/search_queries.py makes the queries.
"""

from __future__ import annotations

import itertools
import random
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from app.demo.generate import DemoName, DemoPerson, generate_household
from app.demo.names import ORIGINS, NameForms, Origin

TARGET_SEED = 7007  # households of their own, apart from the demo district's


@dataclass(frozen=True)
class Target:
    person: DemoPerson
    parts: tuple[NameForms, NameForms, NameForms]  # given, given, family
    spelling: tuple[int, int, int]  # which Latin form each part is stored with


# --- which names are the same name -------------------------------------------------------


def _catalogue() -> dict[str, int]:
    """Each Latin spelling of the demo pools → a number for the name it spells. Spellings
    shared by two pools (Ahmad in Arabic and in Kurdish names) make them one name."""
    root: dict[str, str] = {}

    def find(spelling: str) -> str:
        while root[spelling] != spelling:
            spelling = root[spelling]
        return spelling

    for forms in _all_forms():
        spellings = [spelling.lower() for spelling in forms.latin]
        for spelling in spellings:
            root.setdefault(spelling, spelling)
            root[find(spelling)] = find(spellings[0])
    names = sorted({find(spelling) for spelling in root})
    number = {name: index for index, name in enumerate(names)}
    return {spelling: number[find(spelling)] for spelling in root}


def _all_forms() -> Iterator[NameForms]:
    for origin in ORIGINS:
        for forms in (*origin.male, *origin.female, *origin.family):
            yield forms
            if forms.feminine:
                yield forms.feminine


class Signatures:
    """Every set of three name parts that some stored person carries."""

    def __init__(self) -> None:
        self.catalogue = _catalogue()
        self.taken: set[frozenset[int | str]] = set()

    def parts(self, text: str) -> list[int | str]:
        words, found = text.lower().split(), []
        while words:  # longest spelling first: "abdul rahman" is one name
            size = next((n for n in (3, 2) if " ".join(words[:n]) in self.catalogue), 1)
            spelled = " ".join(words[:size])
            found.append(self.catalogue.get(spelled, spelled))
            words = words[size:]
        return found

    def add(self, family_name: str, given_names: str) -> None:
        parts = set(self.parts(given_names)) | set(self.parts(family_name))
        if len(parts) >= 3:
            self.taken.update(frozenset(c) for c in itertools.combinations(sorted(
                parts, key=str), 3))

    def claim(self, parts: Iterable[NameForms]) -> bool:
        """Take a combination if nobody carries it yet."""
        key = frozenset(self.catalogue[forms.latin[0].lower()] for forms in parts)
        if len(key) < 3 or key in self.taken:
            return False
        self.taken.add(key)
        return True


# --- targets ---------------------------------------------------------------------------------


def _origin(rng: random.Random) -> Origin:
    usable = [o for o in ORIGINS if o.family and len(o.male) > 2 and len(o.female) > 2]
    return rng.choices(usable, weights=[o.weight for o in usable])[0]


def _join(parts: Iterable[NameForms], spelling: Iterable[int]) -> str:
    return " ".join(forms.latin[i] for forms, i in zip(parts, spelling, strict=True))


def _recorded(parts: tuple[NameForms, ...], spelling: tuple[int, ...],
              script: str) -> tuple[DemoName, ...]:
    """Another transliteration and the original script, as the generator records them."""
    other = tuple((i + 1) % len(forms.latin) for forms, i in zip(parts, spelling, strict=True))
    names = []
    if other != spelling:
        names.append(DemoName(uuid.uuid4(), "variant", "Latn", _join(parts[2:], other[2:]),
                              _join(parts[:2], other[:2])))
    if all(forms.original for forms in parts):
        names.append(DemoName(uuid.uuid4(), "original", script, parts[2].original,
                              " ".join(forms.original for forms in parts[:2])))
    return tuple(names)


def plant(signatures: Signatures, count: int, seed: int = 7) -> list[Target]:
    """``count`` persons whose three name parts nobody else carries."""
    rng, targets = random.Random(seed), list[Target]()
    while len(targets) < count:
        origin, female = _origin(rng), rng.random() < 0.5
        given = rng.sample(origin.female if female else origin.male, 2)
        parts = (given[0], given[1], rng.choice(origin.family).for_sex(female))
        if not signatures.claim(parts):
            continue
        spelling = tuple(0 if rng.random() < 0.55 else rng.randrange(len(forms.latin))
                         for forms in parts)
        # The base person's id is time-ordered like every demo person's, so the targets
        # lie anywhere in the index order, not all at its newest end.
        base = generate_household(len(targets), TARGET_SEED).members[0]
        person = replace(base, sex="female" if female else "male",
                         family_name=_join(parts[2:], spelling[2:]),
                         given_names=_join(parts[:2], spelling[:2]),
                         names=_recorded(parts, spelling, origin.script))
        targets.append(Target(person, parts, (spelling[0], spelling[1], spelling[2])))
    return targets
