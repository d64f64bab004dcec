"""The preview of one letter: the PDF as it will print, or a sentence saying why there is none.

The PDF is shown by QtPdf, all pages one below the other, fitted to the width of the pane.
While the worker renders, the last preview gives way to "Vorschau wird erstellt …", so an
old letter is never mistaken for the one asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.i18n import _
from ui.printing import open_pdf

PROBLEM_STYLE = "color: #a4262c;"


class LetterPreview(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setMargin(24)
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(_("Vorschau"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys and PgDn scroll
        holder = QWidget()
        QVBoxLayout(holder).addWidget(self.notice)
        self.addWidget(holder)
        self.addWidget(self.view)
        self.document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self.show_notice(_("Links eine Überleitung wählen – ihr Schreiben erscheint hier."))

    def show_notice(self, text: str, *, problem: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet(PROBLEM_STYLE if problem else "")
        self.notice.setAccessibleName(text)
        self.setCurrentIndex(0)

    def show_waiting(self) -> None:
        self.show_notice(_("Vorschau wird erstellt …"))

    def show_pdf(self, pdf: bytes) -> None:
        document, buffer = open_pdf(pdf)
        old, old_buffer = self.document, self._buffer
        self.document, self._buffer = document, buffer
        self.view.setDocument(document)
        self.setCurrentIndex(1)
        if old is not None:  # only now: the view held it until it had the new one
            old.deleteLater()
        if old_buffer is not None:
            old_buffer.close()

    @property
    def showing_pdf(self) -> bool:
        return self.currentIndex() == 1

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None and self.showing_pdf \
            else 0

    def text(self) -> str:
        """All text of the letter shown (what a screen reader or a test reads), else ""."""
        if self.document is None or not self.showing_pdf:
            return ""
        pages = range(self.document.pageCount())
        return "\n".join(self.document.getAllText(page).text() for page in pages)
