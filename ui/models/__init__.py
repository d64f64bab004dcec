"""Qt item models: hold ids, fetch rows lazily through the worker."""
