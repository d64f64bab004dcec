"""Lines that must fit a width: wrapped at spaces, the last one shortened with "…"."""

from __future__ import annotations

from app.letters.fonts import text_width

ELLIPSIS = "…"


def fit_line(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` as it is, or cut (at a space where possible) and ended with "…"."""
    if text_width(text, size, bold) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits together with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + ELLIPSIS, size, bold) <= width:
            low = middle
        else:
            high = middle - 1
    cut = text[:low]
    if " " in cut and len(cut) - cut.rfind(" ") < 12:
        cut = cut[:cut.rfind(" ")]
    return cut.rstrip(" ,-") + ELLIPSIS


def wrap_lines(text: str, width: float, size: float, max_lines: int, bold: bool = False
               ) -> list[str]:
    """At most ``max_lines`` lines; what does not fit ends the last line with "…"."""
    if not text or max_lines <= 0:
        return []
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            candidate = word
        current = candidate
    lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[:max_lines - 1], " ".join(lines[max_lines - 1:]) + " " + ELLIPSIS]
    return [fit_line(line, width, size, bold) for line in lines]
