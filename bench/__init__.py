"""Benchmarks: ``python -m bench NAME [--size N]``. Each generates its own data, prints a
readable table and, on its last line, its figures as one JSON object."""
