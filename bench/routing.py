"""Routing: loading and checking the ruleset (budget 100 ms) and routing one case (budget
1 ms), against baselines measured in the same run – reading the rules without the
contradiction check, and a plain dict lookup of a precomputed answer per case.

``--size N`` is the number of random cases (default 5,000); they are drawn from the code
lists with a fixed seed: every status, concern and municipality (and outside the district),
ages 0–120 or unknown, employability, unaccompanied minors, permit dates and reference dates
from the ruleset's start to 2035.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from app.codes import MUNICIPALITIES, Concern, LegalStatus
from app.routing import (
    Case,
    OfficeEntry,
    Ruleset,
    coverage,
    load_ruleset,
    offices_from_directory,
    route_case,
)
from app.routing.reader import default_rules_path, read_ruleset
from app.services.directory import default_directory_path, read_directory
from bench.common import Report

DEFAULT_CASES = 5_000
LOADS = 40  # repeated loads for the load figures


def random_cases(count: int, start: date, seed: int = 4) -> list[Case]:
    draw = random.Random(seed)
    span = (date(2035, 12, 31) - start).days
    cases = []
    for _ in range(count):
        on = start + timedelta(days=draw.randrange(span))
        permit = None if draw.random() < 0.3 else on - timedelta(days=draw.randrange(4000))
        cases.append(Case(
            status=draw.choice(list(LegalStatus)), concern=draw.choice(list(Concern)),
            age=None if draw.random() < 0.05 else draw.randrange(121),
            municipality=draw.choice([*MUNICIPALITIES, ""]),
            employable=draw.choice([True, False, None]),
            unaccompanied_minor=draw.random() < 0.05, permit_date=permit,
            reference_date=on))
    return cases


def timings(action: Callable[[], object], repeat: int) -> list[float]:
    result = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        result.append(time.perf_counter() - start)
    return result


def per_case(cases: list[Case], action: Callable[[Case], object]) -> list[float]:
    result = []
    for case in cases:
        start = time.perf_counter()
        action(case)
        result.append(time.perf_counter() - start)
    return result


def p(values: list[float], share: float) -> float:
    """The ``share`` quantile in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def run(size: int | None) -> Report:
    count = size or DEFAULT_CASES
    report = Report("routing", count)
    folder = default_rules_path()
    load = timings(lambda: load_ruleset(folder), LOADS)
    read = timings(lambda: read_ruleset(folder), LOADS)
    ruleset = load_ruleset(folder)
    covered = timings(lambda: coverage(ruleset), LOADS // 4)
    _add_load(report, ruleset, load, read, covered)
    offices = offices_from_directory(read_directory(default_directory_path()).offices)
    cases = random_cases(count, ruleset.valid_from)
    _add_cases(report, ruleset, offices, cases)
    return report


def _add_load(report: Report, ruleset: Ruleset, load: list[float], read: list[float],
              covered: list[float]) -> None:
    report.add("rules / files", "rules", len(ruleset.rules), f"rules in {len(ruleset.files)} "
               "files")
    report.add("load + check p50", "load_p50_ms", p(load, 0.5), "ms")
    report.add("load + check p95 (budget 100 ms)", "load_p95_ms", p(load, 0.95), "ms")
    report.add("baseline: read without contradiction check p50", "read_p50_ms",
               p(read, 0.5), "ms")
    report.add("contradiction check share of load (p50)", "check_share",
               1 - statistics.median(read) / statistics.median(load), "")
    report.add("coverage report p50", "coverage_p50_ms", p(covered, 0.5), "ms")
    report.add("coverage report p95", "coverage_p95_ms", p(covered, 0.95), "ms")


def _add_cases(report: Report, ruleset: Ruleset, offices: tuple[OfficeEntry, ...],
               cases: list[Case]) -> None:
    answers = {case: route_case(case, ruleset, offices) for case in cases}  # also warms up
    routed = per_case(cases, lambda case: route_case(case, ruleset, offices))
    looked_up = per_case(cases, answers.__getitem__)
    report.add("route one case p50", "case_p50_ms", p(routed, 0.5), "ms")
    report.add("route one case p95 (budget 1 ms)", "case_p95_ms", p(routed, 0.95), "ms")
    report.add("route one case max", "case_max_ms", max(routed) * 1000, "ms")
    report.add("baseline: dict lookup of the answer p50", "lookup_p50_ms",
               p(looked_up, 0.5), "ms")
    report.add("route / lookup (p50)", "route_vs_lookup",
               statistics.median(routed) / statistics.median(looked_up), "x")
    report.add("cases per second (one core)", "cases_per_s", int(len(cases) / sum(routed)),
               "")
    report.add("recommendations per case (mean)", "recommendations_mean",
               statistics.mean(len(r.recommendations) for r in answers.values()), "")
