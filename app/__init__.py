"""Lotse – the domain: data, rules, letters and services, free of Qt."""

# The same as [project] version in pyproject.toml (a unit test holds them together). A
# literal, not importlib.metadata: that import alone costs 50 ms of every start.
__version__ = "0.1.0"
