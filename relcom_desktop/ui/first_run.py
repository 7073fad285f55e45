"""The first-run wizard: who you are, your local authority, and the passphrase for your data."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget, QWizard, QWizardPage

from relcom_desktop import APP_NAME
from relcom_desktop.ui.passphrase_widgets import NewPassphraseForm, note

WELCOME = (
    "<p>RelCom Desktop keeps your records about the children you commission for, and your "
    "work with their providers, in one file on this computer.</p>"
    "<p>Because those records are about children, the file is <b>encrypted</b>: without your "
    "passphrase it cannot be read, even if the laptop is lost. The app locks itself when you "
    "step away, and keeps verified backups next to your data.</p>"
)
PASSPHRASE_NOTE = (
    "<p>Choose a passphrase you will remember: three or four random words work well. "
    "<b>There is no way to recover it if it is forgotten</b>, so keep a copy where your "
    "authority keeps such things.</p>"
)


@dataclass(frozen=True)
class FirstRunAnswers:
    user_name: str
    local_authority: str
    passphrase: str


class AboutYouPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("About you")
        self.setSubTitle("Shown on the packs and exports you make. You can change it later.")
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("e.g. Sam Taylor")
        self.name.setAccessibleName("Your name")
        self.authority = QLineEdit(self)
        self.authority.setPlaceholderText("e.g. Kent County Council")
        self.authority.setAccessibleName("Your local authority")
        form = QFormLayout(self)
        form.addRow("Your &name:", self.name)
        form.addRow("Your &local authority:", self.authority)
        self.name.textChanged.connect(self.completeChanged)
        self.authority.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip() and self.authority.text().strip())


class PassphrasePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Your passphrase")
        self.setSubTitle("It encrypts your data file and unlocks the app.")
        self.form = NewPassphraseForm(parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(note(PASSPHRASE_NOTE, self))
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.form.changed.connect(lambda _ok: self.completeChanged.emit())

    def isComplete(self) -> bool:
        return self.form.is_ok()


class FirstRunWizard(QWizard):
    """Three pages; ``answers()`` after it was accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Welcome to {APP_NAME}")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Create my encrypted file")
        welcome = QWizardPage(self)
        welcome.setTitle(f"Welcome to {APP_NAME}")
        QVBoxLayout(welcome).addWidget(note(WELCOME, welcome))
        self.about = AboutYouPage(self)
        self.secret = PassphrasePage(self)
        for page in (welcome, self.about, self.secret):
            self.addPage(page)
        self.currentIdChanged.connect(self._hint_names)
        self.resize(600, 460)

    def _hint_names(self, _page_id: int) -> None:
        """The user's name and authority make weak passphrases: the meter knows them."""
        hints = tuple(self.about.name.text().split() + self.about.authority.text().split())
        self.secret.form.set_hints(hints)

    def answers(self) -> FirstRunAnswers:
        return FirstRunAnswers(
            self.about.name.text().strip(),
            self.about.authority.text().strip(),
            self.secret.form.passphrase(),
        )
