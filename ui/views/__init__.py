"""Widgets that hold layout; logic lives in ui.controllers."""
