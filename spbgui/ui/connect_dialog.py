"""File → Connect to server…: the shared table on a PostgreSQL server (issue 9).

The address (server, port, database, user) is remembered; the password never
is: it is asked each time and lives only in memory while the window is open.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spbgui.services.databases import server_url
from spbgui.ui import settings


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to Server"))
        self.host = QLineEdit(settings.SERVER_HOST.get(), objectName="serverHost")
        self.port = QSpinBox(objectName="serverPort", minimum=1, maximum=65535)
        self.port.setValue(settings.SERVER_PORT.get())
        self.database = QLineEdit(settings.SERVER_DATABASE.get(), objectName="serverDatabase")
        self.user = QLineEdit(settings.SERVER_USER.get(), objectName="serverUser")
        self.password = QLineEdit(objectName="serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        note = QLabel(
            self.tr("The address is remembered; the password is not stored anywhere."),
            wordWrap=True,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        (self.password if self.host.text() and self.user.text() else self.host).setFocus()

    def url(self) -> str:
        return server_url(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            password=self.password.text(),
        )

    def remember(self) -> None:
        settings.SERVER_HOST.set(self.host.text().strip())
        settings.SERVER_PORT.set(self.port.value())
        settings.SERVER_DATABASE.set(self.database.text().strip())
        settings.SERVER_USER.set(self.user.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        """The server's URL with the password, or None if cancelled (tests patch this)."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        dialog.remember()
        return dialog.url()
