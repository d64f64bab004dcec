"""Letters: the first letter including font loading (fresh process), one referral letter
warm (p50/p95 over different letters; budget 15 ms) and 1,000 letters into one print-ready
PDF (budget 12 s) with the resident memory after 100, 500 and all letters, to show it stays
flat.

``--size N`` is the number of letters in the batch (default 1,000); the letters cycle
through every letter language and kind, each with its own reference and person.
"""

from __future__ import annotations

import dataclasses
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator

from app.letters import render_letter, render_letters
from app.letters.model import Letter
from bench.common import Report
from tests.unit.letters import samples

DEFAULT_LETTERS = 1_000
WARM = 200
LANGUAGES = ("de", "en", "ar", "fa", "fa-AF", "uk", "tr", "ru")
_FIRST = ("import time; t = time.perf_counter(); from app.letters import render_letter; "
          "from tests.unit.letters import samples; render_letter(samples.referral('ar')); "
          "print(time.perf_counter() - t)")


def letter(number: int) -> Letter:
    """A different letter for every number: reference, staff, language and kind vary."""
    language = LANGUAGES[number % len(LANGUAGES)]
    reference = f"NE-2-2026-{number:06d}-{number % 10}"
    kind = number % 10
    if kind == 8:
        return samples.consent_form(language, reference=reference)
    if kind == 9:
        return samples.route_sheet(language, reference=reference)
    return samples.referral(language, reference=reference, staff_name=f"Mitarbeiterin {number}")


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def first_letter_seconds() -> float:
    result = subprocess.run([sys.executable, "-c", _FIRST], capture_output=True, text=True,
                            check=True)
    return float(result.stdout.strip())


def warm_timings(count: int) -> list[float]:
    render_letter(samples.referral("ar"))
    times = []
    for number in range(count):
        one = dataclasses.replace(samples.referral(LANGUAGES[number % 8]),
                                  reference=f"NE-2-2026-{number:06d}-1")
        start = time.perf_counter()
        render_letter(one)
        times.append(time.perf_counter() - start)
    return times


def p(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def batch(count: int) -> Iterator[Letter]:
    for number in range(count):
        yield letter(number)


def sampler(marks: dict[int, float]) -> Callable[[int], None]:
    """RSS after 100, 500 and every 100th letter drawn (not generated: the batch is checked
    as a whole before the first page is drawn)."""
    def sample(drawn: int) -> None:
        if drawn % 100 == 0:
            marks[drawn] = rss_mb()
    return sample


def run(size: int | None) -> Report:
    count = size or DEFAULT_LETTERS
    report = Report("letters", count)
    report.add("first letter incl. font loading (fresh process)", "first_s",
               first_letter_seconds(), "s")
    times = warm_timings(WARM)
    report.add(f"one referral letter warm, p50 ({WARM} letters)", "warm_p50_ms", p(times, 0.5),
               "ms")
    report.add("one referral letter warm, p95", "warm_p95_ms", p(times, 0.95), "ms")
    before, marks = rss_mb(), dict[int, float]()
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        pages = render_letters(batch(count), out, sampler(marks))
        seconds = time.perf_counter() - start
        size_mb = out.tell() / 2**20
    report.add(f"{count:,} letters into one PDF", "batch_s", seconds, "s")
    report.add("pages / file size", "batch_pages", pages, f"pages, {size_mb:,.1f} MB")
    report.add("RSS before batch", "rss_before_mb", before, "MB")
    for mark in (100, 500, count):
        if mark in marks:
            report.add(f"RSS after {mark:,} letters drawn", f"rss_{mark}_mb", marks[mark], "MB")
    report.add("RSS after saving the file", "rss_end_mb", rss_mb(), "MB")
    report.add("peak RSS of the process", "rss_peak_mb", peak_rss_mb(), "MB")
    return report
