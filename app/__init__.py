"""Lotse – the domain: data, rules, letters and services, free of Qt."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lotse")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
