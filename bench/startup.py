"""Fast start: process start → main window shown and interactive, with 10,000 persons.

``python -m app`` is started as a fresh process (offscreen) on a demo database; the app's
start-up probe (``ui/startup_probe.py``) prints a line once the main window has painted and
the event loop has turned again (the budget's moment), and another once the front desk –
built after the first paint – is ready as well, then quits. Sign-in does not wait for
anyone: the demo front-desk account is this system user's Windows account and
``windows_sign_in`` is on, the way a front-desk PC signs in (the audited sign-in runs, no
dialog, no argon2).

Baseline in the same run: a process that only imports PySide6's widgets – the floor for any
Qt desktop start on this machine, which is noisy.
"""

from __future__ import annotations

import getpass
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import update

from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import User
from app.demo.load import DEMO_USERS, load_demo
from app.services.database import open_database
from bench.common import Report

DEFAULT_SIZE = 10_000
RUNS = 7
BUDGET_S = 1.0
MARKER = "lotse-interactive"  # ui/startup_probe.py
READY_MARKER = "lotse-front-desk-ready"
BASELINE = "import PySide6.QtWidgets"
PROJECT = Path(__file__).resolve().parent.parent


def build_database(folder: Path, persons: int) -> str:
    """A demo database whose front-desk account signs in as this system user."""
    url = f"sqlite:///{(folder / 'startup.sqlite3').as_posix()}"
    database = open_database(Settings(database_url=url))
    load_demo(database, persons=persons, progress=False)
    with unit_of_work(database.sessions) as session:
        session.execute(update(User).where(User.username == DEMO_USERS[0][0])
                        .values(windows_account=getpass.getuser()))
    database.close()
    return url


def app_environment(folder: Path) -> dict[str, str]:
    """Offscreen, the probe on, Windows sign-in on, no real user's files, and compiled
    bytecode kept (in the temporary folder) as an installed Lotse has it."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOTSE_STARTUP_PROBE="1",
                       LOTSE_WINDOWS_SIGN_IN="true", PYTHONPYCACHEPREFIX=str(folder / "pyc"))
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    for variable in ("LOTSE_DATA_DIR", "LOTSE_CONFIG_DIR", "LOTSE_MACHINE_CONFIG_DIR"):
        environment[variable] = str(folder / variable.lower())
    return environment


@dataclass(frozen=True)
class Start:
    wall_s: float  # process start → main window interactive
    ready_s: float  # process start → the front desk built as well
    cpu_s: float  # user + system time of the whole process: less moved by a busy machine


def time_app(url: str, environment: dict[str, str], tree: Path = PROJECT) -> Start:
    """One start of the app, until the probe's line (the app's exit is not counted in the
    wall time); ``tree`` is the source tree to start (another one to compare versions)."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "app", "--database", url],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env=environment, cwd=tree)
    assert process.stdout is not None
    seen: dict[str, float] = {}
    for line in process.stdout:
        for marker in (MARKER, READY_MARKER):
            if line.startswith(marker):
                seen[marker] = time.perf_counter() - started
        if READY_MARKER in seen:
            break
    if MARKER not in seen or READY_MARKER not in seen:
        raise RuntimeError(f"the app ended (exit {process.wait()}) before its front desk was "
                           f"ready (seen: {sorted(seen)})")
    process.wait(timeout=30)
    return Start(seen[MARKER], seen[READY_MARKER], _children_cpu() - cpu_before)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_baseline(environment: dict[str, str]) -> Start:
    cpu_before = _children_cpu()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", BASELINE], check=True, env=environment)
    took = time.perf_counter() - started
    return Start(took, took, _children_cpu() - cpu_before)


def measure(url: str, environment: dict[str, str], runs: int = RUNS
            ) -> tuple[list[Start], list[Start]]:
    """Starts of the app and of the baseline, interleaved so a noisy moment hits both."""
    time_app(url, environment)  # the first start writes caches (bytecode, fontconfig)
    starts, baselines = [], []
    for _ in range(runs):
        starts.append(time_app(url, environment))
        baselines.append(time_baseline(environment))
    return starts, baselines


def run(size: int | None) -> Report:
    persons = size or DEFAULT_SIZE
    report = Report("startup", persons)
    folder = Path(tempfile.mkdtemp(prefix="lotse-bench-"))
    starts, baselines = measure(build_database(folder, persons), app_environment(folder))
    wall = statistics.median(start.wall_s for start in starts)
    floor = statistics.median(start.wall_s for start in baselines)
    report.add(f"main window interactive: median of {RUNS}", "start_median_s", wall, "s")
    report.add("main window interactive: best", "start_best_s",
               min(start.wall_s for start in starts), "s")
    report.add("front desk built as well: median", "front_desk_ready_median_s",
               statistics.median(start.ready_s for start in starts), "s")
    report.add("CPU time of a start (until exit): median", "start_cpu_s",
               statistics.median(start.cpu_s for start in starts), "s")
    report.add(f"baseline: python -c '{BASELINE}', median", "baseline_median_s", floor, "s")
    report.add("baseline: best", "baseline_best_s", min(start.wall_s for start in baselines),
               "s")
    report.add("baseline: CPU time, median", "baseline_cpu_s",
               statistics.median(start.cpu_s for start in baselines), "s")
    report.add("start / baseline (medians)", "start_vs_baseline", wall / floor, "x")
    report.add("load average (1 min) at the end", "load_1min", os.getloadavg()[0], "")
    report.add(f"within the budget of {BUDGET_S} s", "within_budget",
               "ja" if wall <= BUDGET_S else "nein", "")
    return report
