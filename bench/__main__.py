"""``python -m bench NAME [--size N]``."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

import bench

SKIP = {"common", "__main__"}


def available() -> list[str]:
    folder = Path(bench.__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(folder)]) if m.name not in SKIP)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("name", choices=available())
    parser.add_argument("--size", type=int, default=None, help="problem size (benchmark's own)")
    parser.add_argument("--database", default=None,
                        help="search only: database URL, or 'postgresql' for a throwaway "
                             "server (default: an SQLite file in a temporary folder)")
    args = parser.parse_args()
    module = importlib.import_module(f"bench.{args.name}")
    options = {"database": args.database} if args.database else {}
    report = module.run(args.size, **options)
    report.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
