"""What every benchmark shares: timing, the machine description, the report format."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


def machine() -> dict[str, Any]:
    """The machine the figures were taken on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"python": platform.python_version(), "system": platform.system(),
            "cpu": cpu, "cores": os.cpu_count()}


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """``with stopwatch() as t: …`` – afterwards ``t[0]`` holds the seconds taken."""
    result: list[float] = []
    start = time.perf_counter()
    yield result
    result.append(time.perf_counter() - start)


def best_of(repeat: int, action: Callable[[], object]) -> tuple[float, float]:
    """Best and median wall time of ``repeat`` runs (best is the least noisy)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


@dataclass
class Report:
    name: str
    size: int
    rows: list[tuple[str, str]] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)

    def add(self, label: str, key: str, value: float | str, unit: str) -> None:
        if isinstance(value, str):
            self.rows.append((label, f"{value} {unit}".strip()))
        else:
            self.rows.append((label, f"{value:,.3f} {unit}" if isinstance(value, float)
                              else f"{value:,} {unit}"))
        self.figures[key] = round(value, 6) if isinstance(value, float) else value

    def print(self) -> None:
        width = max(len(label) for label, _ in self.rows)
        print(f"Benchmark {self.name} (size {self.size})")
        for label, value in self.rows:
            print(f"  {label:<{width}}  {value}")
        print(json.dumps({"benchmark": self.name, "size": self.size, **self.figures,
                          "machine": machine()}, ensure_ascii=False))
