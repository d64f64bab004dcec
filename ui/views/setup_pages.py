"""The pages of the first-start wizard: how the workstation works, which server, which office.

Layout only; ui/controllers/setup_controller.py tests the connection and saves.
"""

from __future__ import annotations

import html
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.i18n import _
from app.setup.choices import BRANCH, LOCAL, SHARED
from ui.views.style import paragraph

MODE_PAGE, SERVER_PAGE, SITE_PAGE = 0, 1, 2
PROBLEM_STYLE = "color: #a4262c;"
GOOD_STYLE = "color: #107c10;"

W = TypeVar("W", bound=QWidget)


def labelled(form: QFormLayout, text: str, field: W) -> W:
    """A form row whose input a screen reader announces by its visible label."""
    label = QLabel(text)
    label.setBuddy(field)
    field.setAccessibleName(text.replace("&", ""))
    form.addRow(label, field)
    return field


def message_line() -> QLabel:
    line = paragraph()
    line.hide()
    return line


class ModePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("Wie arbeitet dieser Arbeitsplatz?"))
        self.setSubTitle(_("Lotse ist auf diesem PC noch nicht eingerichtet. Die Angaben gelten "
                           "für Ihr Benutzerkonto; die IT kann sie für alle vorgeben."))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for mode, text in ((LOCAL, _("&Lokal – eine Datenbank auf diesem PC")),
                           (SHARED, _("&Gemeinsam – PostgreSQL-Server")),
                           (BRANCH, _("Zweig&stelle – Offline-Kopie, die synchronisiert"))):
            button = QRadioButton(text)
            button.setAccessibleName(text.replace("&", ""))
            self.group.addButton(button)
            self.choices[mode] = button
            layout.addWidget(button)
        self.choices[LOCAL].setChecked(True)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.choices[self.mode()].setFocus()  # arrow keys choose, Enter goes on

    def mode(self) -> str:
        return next(mode for mode, button in self.choices.items() if button.isChecked())

    def nextId(self) -> int:
        return SITE_PAGE if self.mode() == LOCAL else SERVER_PAGE


class ServerPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.host = labelled(self.form, _("&Server"), QLineEdit())
        self.port = labelled(self.form, _("P&ort"), QSpinBox())
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = labelled(self.form, _("&Datenbank"), QLineEdit("lotse"))
        self.user = labelled(self.form, _("&Benutzer"), QLineEdit())
        self.password = labelled(self.form, _("&Passwort"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.replica_file = labelled(self.form, _("Datei der O&ffline-Kopie"), QLineEdit())
        layout.addLayout(self.form)
        self.store_note = paragraph()
        layout.addWidget(self.store_note)
        self.test_button = QPushButton(_("Verbindung &testen"))
        self.test_button.setToolTip(_("Verbindung testen (Alt+T); höchstens wenige Sekunden"))
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.result = message_line()
        layout.addWidget(self.result)
        layout.addStretch(1)

    def configure(self, mode: str) -> None:
        branch = mode == BRANCH
        self.setTitle(_("Zentralserver der Zweigstelle") if branch else _("Datenbankserver"))
        self.setSubTitle(
            _("Die Offline-Kopie gleicht sich mit diesem PostgreSQL-Server ab.") if branch
            else _("Alle Arbeitsplätze der Dienststelle arbeiten mit diesem PostgreSQL-Server."))
        self.form.setRowVisible(self.replica_file, branch)

    def show_result(self, ok: bool, message: str, hint: str = "") -> None:
        self.result.setText(f"{message}\n{hint}".strip())
        self.result.setStyleSheet(GOOD_STYLE if ok else PROBLEM_STYLE)
        self.result.setAccessibleName(self.result.text())
        self.result.setVisible(bool(message))

    def set_testing(self, testing: bool) -> None:
        self.test_button.setEnabled(not testing)
        self.test_button.setText(_("Wird geprüft …") if testing else _("Verbindung &testen"))


class SitePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("Dienststelle und Arbeitsplatz"))
        self.setSubTitle(_("Dienststelle und Arbeitsplatznummer stehen in jeder Nummer, die "
                           "dieser Arbeitsplatz vergibt; die Nummer muss in der Dienststelle "
                           "eindeutig sein."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.office = labelled(form, _("Dienst&stelle"), QComboBox())
        self.office.setEditable(True)
        self.office.addItem("NE")
        self.workstation = labelled(form, _("&Arbeitsplatz"), QSpinBox())
        self.workstation.setRange(1, 999)
        self.printer = labelled(form, _("D&rucker"), QComboBox())
        layout.addLayout(form)
        self.branch_hint = paragraph()
        layout.addWidget(self.branch_hint)
        self.problem = message_line()
        self.problem.setStyleSheet(PROBLEM_STYLE)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def set_offices(self, codes: tuple[str, ...]) -> None:
        """The offices the server knows, keeping what is typed."""
        typed = self.office.currentText()
        self.office.clear()
        self.office.addItems(list(codes) or ["NE"])
        self.office.setCurrentText(typed if typed in codes or not codes else codes[0])

    def set_printers(self, names: list[str], default: str = "") -> None:
        self.printer.clear()
        self.printer.addItem(_("Systemstandard"), "")
        for name in names:
            self.printer.addItem(name, name)
        self.printer.setCurrentIndex(max(0, self.printer.findData(default)))

    def show_branch_hint(self, text: str, command: str) -> None:
        """The text, then the command to copy in a fixed-width font."""
        self.branch_hint.setTextFormat(Qt.TextFormat.RichText)
        self.branch_hint.setText(f"{html.escape(text)}<br><code>{html.escape(command)}</code>")
        self.branch_hint.setAccessibleName(f"{text} {command}")

    def printer_name(self) -> str:
        return str(self.printer.currentData() or "")

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setAccessibleName(text)
        self.problem.setVisible(bool(text))
