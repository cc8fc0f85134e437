"""File → Connect to server…: the shared table on a PostgreSQL server (issue 9).

The address (server, port, database, user) is remembered; the password never
is: it is asked each time and lives only in memory while the window is open.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
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

KEY = "server/"


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to Server"))
        settings = QSettings()
        self.host = QLineEdit(str(settings.value(KEY + "host", "")), objectName="serverHost")
        self.port = QSpinBox(objectName="serverPort", minimum=1, maximum=65535)
        self.port.setValue(int(settings.value(KEY + "port", 5432)))
        self.database = QLineEdit(
            str(settings.value(KEY + "database", "spbgui")), objectName="serverDatabase"
        )
        self.user = QLineEdit(str(settings.value(KEY + "user", "")), objectName="serverUser")
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
        settings = QSettings()
        settings.setValue(KEY + "host", self.host.text().strip())
        settings.setValue(KEY + "port", self.port.value())
        settings.setValue(KEY + "database", self.database.text().strip())
        settings.setValue(KEY + "user", self.user.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        """The server's URL with the password, or None if cancelled (tests patch this)."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        dialog.remember()
        return dialog.url()
