"""Tabs whose Alt+letter (the underlined letter of the tab's title) also puts the keyboard
into the tab: the title is the label of the list inside, as a label with a buddy would be.
Qt's tab bar only switches the tab and leaves the focus where it was."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget


class _TabBar(QTabBar):
    mnemonic_used = Signal()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Shortcut:
            self.mnemonic_used.emit()  # after the switch, also when the tab was current
        return handled


class KeyboardTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = _TabBar()
        self.setTabBar(bar)
        bar.mnemonic_used.connect(self._focus_tab)
        self._focus: dict[QWidget, QWidget] = {}

    def add_tab(self, page: QWidget, title: str, focus: QWidget) -> None:
        """A tab titled ``title`` (with its &-letter); its Alt+letter focuses ``focus``."""
        self.addTab(page, title)
        self._focus[page] = focus

    def _focus_tab(self) -> None:
        target = self._focus.get(self.currentWidget())
        if target is not None:
            target.setFocus()
