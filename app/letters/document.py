"""Laying out one part of a letter (the German letter, the person's part, a form) onto a
shared canvas, with the page decoration of that part."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable

from app.letters.canvas import LetterCanvas, PageLabel, german_page_label
from app.letters.flow import Flow, groups
from app.letters.model import Letterhead, PostalAddress
from app.letters.page import (
    InfoLine,
    draw_address_field,
    draw_copy_mark,
    draw_fold_marks,
    draw_info_block,
    draw_later_header,
    draw_letterhead,
    top,
)
from app.letters.styles import (
    BODY_WIDTH,
    BOTTOM,
    FIRST_BODY_TOP,
    LATER_BODY_TOP,
    LEFT,
    SHEET_BODY_TOP,
)


@dataclass(frozen=True)
class PartLayout:
    """How the pages of one part look. A ``recipient`` makes the first page a DIN 5008
    letter page (address field, information block); without one it is a sheet."""

    sender: Letterhead
    header: str  # the line on later pages ("NE-2-2026-000417-3 · Jobcenter …")
    copy: bool
    title: str
    recipient: PostalAddress | None = None
    info: Sequence[InfoLine] = ()
    page_label: PageLabel = german_page_label
    label_language: str = "de"
    extra: Callable[[Any], None] | None = field(default=None)  # more drawing on page one

    def first_page(self, canvas: Any, _doc: object) -> None:
        self._common(canvas)
        draw_letterhead(canvas, self.sender, compact=self.recipient is None)
        if self.recipient is not None:
            draw_address_field(canvas, self.sender.office, self.recipient)
            draw_info_block(canvas, list(self.info))
            draw_fold_marks(canvas)
        if self.extra is not None:
            self.extra(canvas)

    def later_page(self, canvas: Any, _doc: object) -> None:
        self._common(canvas)
        draw_later_header(canvas, self.header)

    def _common(self, canvas: Any) -> None:
        if self.copy:
            draw_copy_mark(canvas)
        canvas.label = self.page_label
        canvas.label_language = self.label_language


def build_part(canvas: LetterCanvas, layout: PartLayout, flowables: list[Flowable]) -> None:
    """Lay out ``flowables`` on new pages of ``canvas``; number them when they are several."""
    first_top = FIRST_BODY_TOP if layout.recipient is not None else SHEET_BODY_TOP

    def new_page(first: bool) -> float:
        (layout.first_page if first else layout.later_page)(canvas, None)
        return top(first_top if first else LATER_BODY_TOP)

    flow = Flow(canvas, LEFT, BODY_WIDTH, BOTTOM, new_page)
    for group in groups(flowables):
        flow.place(group)
    canvas.showPage()
    canvas.end_part()


__all__ = ["build_part", "top"]
