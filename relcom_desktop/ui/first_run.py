"""The first-run wizard: start empty or explore the demo caseload; then who you are, your
local authority, and the passphrase for your data."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from relcom_desktop import APP_NAME
from relcom_desktop.ui.passphrase_widgets import NewPassphraseForm, note

WELCOME = (
    "<p>RelCom Desktop keeps your records about the children you commission for, and your "
    "work with their providers, in one file on this computer.</p>"
    "<p>Because those records are about children, the file is <b>encrypted</b>: without your "
    "passphrase it cannot be read, even if the laptop is lost. The app locks itself when you "
    "step away, and keeps verified backups next to your data.</p>"
)
DEMO_NOTE = (
    "The demo caseload is made-up children and providers, kept in a separate folder, so you "
    "can try everything safely. Your own records start the next time you open the app."
)
CREATE_TEXT = "&Create my encrypted file"
DEMO_TEXT = "&Open the demo"
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


class WelcomePage(QWizardPage):
    """What the app is, and the choice: your own records, or the demo caseload first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(f"Welcome to {APP_NAME}")
        self.start_empty = QRadioButton("&Start my own records (an empty caseload)", self)
        self.start_empty.setAccessibleDescription("Next asks your name and a passphrase.")
        self.explore = QRadioButton("&Explore the demo caseload first", self)
        self.explore.setAccessibleDescription(DEMO_NOTE)
        self.start_empty.setChecked(True)
        self.choice = QButtonGroup(self)
        for button in (self.start_empty, self.explore):
            self.choice.addButton(button)
        layout = QVBoxLayout(self)
        layout.addWidget(note(WELCOME, self))
        layout.addSpacing(8)
        layout.addWidget(self.start_empty)
        layout.addWidget(self.explore)
        layout.addWidget(note(f"<p style='margin-left:24px'>{DEMO_NOTE}</p>", self))
        layout.addStretch(1)
        self.explore.toggled.connect(self.setFinalPage)  # Finish, not Next, for the demo

    def nextId(self) -> int:
        return -1 if self.explore.isChecked() else super().nextId()


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
    """Three pages; ``explore_demo()`` or ``answers()`` after it was accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Welcome to {APP_NAME}")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.FinishButton, CREATE_TEXT)
        self.welcome = WelcomePage(self)
        self.about = AboutYouPage(self)
        self.secret = PassphrasePage(self)
        for page in (self.welcome, self.about, self.secret):
            self.addPage(page)
        self.currentIdChanged.connect(self._hint_names)
        self.welcome.explore.toggled.connect(self._name_finish)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("M") * 46, metrics.height() * 30)

    def _name_finish(self, demo: bool) -> None:
        self.setButtonText(QWizard.WizardButton.FinishButton, DEMO_TEXT if demo else CREATE_TEXT)

    def explore_demo(self) -> bool:
        """The user chose to look around the demo caseload rather than start their own."""
        return self.welcome.explore.isChecked()

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
