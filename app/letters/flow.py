"""Placing the blocks of one part onto pages – a small stand-in for Platypus' document
template, which cost more per letter than drawing the text.

Blocks go top-down into the body frame of the page. A heading stays with the block after it
and a :class:`KeepTogether` group is moved to a new page as a whole when it fits there; a
block taller than the room left is split (between lines or rows) where it can be.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from reportlab.platypus import Flowable, KeepTogether

Group = list[Any]  # flowables that should share a page


def groups(story: Sequence[Flowable]) -> Iterator[Group]:
    """The story in groups: a KeepTogether's content, a heading with what follows it."""
    pending: Group = []
    for item in story:
        together = isinstance(item, KeepTogether)
        pending += list(item._content) if together else [item]
        if together or not getattr(pending[-1], "keepWithNext", 0):
            yield pending
            pending = []
    if pending:
        yield pending


class Flow:
    """The cursor on the current page of a part."""

    def __init__(self, canvas: Any, left: float, width: float, bottom: float,
                 new_page: Callable[[bool], float]) -> None:
        self.canvas, self.left, self.width, self.bottom = canvas, left, width, bottom
        self.new_page = new_page
        self.y = new_page(True)
        self.top = self.y

    def room(self) -> float:
        return self.y - self.bottom

    def next_page(self) -> None:
        self.canvas.showPage()
        self.y = self.top = self.new_page(False)

    def height(self, group: Group) -> float:
        total = sum(item.wrap(self.width, self.room())[1] + item.getSpaceBefore()
                    + item.getSpaceAfter() for item in group)
        return float(total - (group[0].getSpaceBefore() if self.y == self.top else 0))

    def place(self, group: Group) -> None:
        needed = self.height(group)
        if needed > self.room() and self.y < self.top and needed <= self.top - self.bottom:
            self.next_page()
        for item in group:
            self._add(item)

    def _add(self, item: Any) -> None:
        if self.y < self.top:
            self.y -= item.getSpaceBefore()
        _, height = item.wrap(self.width, self.room())
        if height > self.room() + 0.01:
            parts = item.split(self.width, self.room())
            if parts:
                self._draw(parts[0])
                self.next_page()
                self._add(parts[1])
                return
            if self.y < self.top:
                self.next_page()
                height = item.wrap(self.width, self.room())[1]
        self._draw(item, height)

    def _draw(self, item: Any, height: float | None = None) -> None:
        if height is None:
            height = item.wrap(self.width, self.room())[1]
        item.drawOn(self.canvas, self.left, self.y - height)
        self.y -= height + item.getSpaceAfter()
