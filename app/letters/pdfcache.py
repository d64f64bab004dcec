"""Work that is the same in every letter, done once per process: the font subsets and their
compression.

reportlab builds and compresses a subset of each font for every PDF – for a one-page letter
more than the drawing itself. The subset is a pure function of the characters in it, in the
order of first use; every letter starts its Latin subsets with the same characters, so
letters in one language share the same subsets and the cache finds them.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

# Characters every German letter uses, in a fixed order at the start of each Latin subset.
SEED = ("".join(chr(code) for code in range(32, 127))
        + "äöüÄÖÜß–—§·•„“”‘’…€°²³éèáàçñ")


class CachedFlate:
    """The Flate filter of reportlab, remembering the output for repeated content."""

    pdfname = "FlateDecode"

    def encode(self, content: str | bytes) -> bytes:
        return _compress(content.encode("utf8") if isinstance(content, str) else content)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


@lru_cache(maxsize=32)
def _compress(content: bytes) -> bytes:
    return zlib.compress(content)


CACHED_FLATE = CachedFlate()


def cache_subsets(font: TTFont) -> None:
    """Let ``font`` reuse subsets (and their compressed streams) it has built before."""
    face = font.face
    make: Callable[[list[int]], bytes] = face.makeSubset
    add_objects = face.addSubsetObjects
    subset_of = lru_cache(maxsize=32)(lambda codes: make(list(codes)))

    def add_subset_objects(doc: Any, fontname: str, subset: list[int]) -> Any:
        reference = add_objects(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if stream is not None and stream.filters:
            stream.filters = [CACHED_FLATE]
        return reference

    face.makeSubset = lambda subset: subset_of(tuple(subset))
    face.addSubsetObjects = add_subset_objects


def seed_subsets(doc: Any, fonts: tuple[str, ...]) -> None:
    """Start the subsets of ``fonts`` in ``doc`` with the characters of :data:`SEED`."""
    from reportlab.pdfbase import pdfmetrics
    for name in fonts:
        pdfmetrics.getFont(name).splitString(SEED, doc)
