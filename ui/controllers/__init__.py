"""Controllers: load data through the worker and hand it to the views."""
