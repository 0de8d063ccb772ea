"""File › Connect to team database…: the server, database, login and TLS, and the password
only when the server asks for one.

The dialog builds the ``postgresql://`` address from its fields and opens it beside the
window (a server that does not answer takes up to ten seconds to say so, and the dialog keeps
painting meanwhile). libpq finds a password in ``.pgpass``, a service file or ``PGPASSWORD``
by itself; only when it finds none does the dialog show its password field. A password typed
there goes to libpq inside the address the store is opened with, and nowhere else: the
store, the title, the recent list and the settings keep the address without it. What goes
wrong (a wrong password, no server at that address, a database that is not EventDesk's) is
said in one sentence inside the dialog, which stays open with what was typed.

Imported when first used: a window on a file never loads it.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from eventdesk.store import (
    EventStore,
    NewerSchemaError,
    NotAnEventDeskDatabase,
    NotSetUp,
    PasswordRequired,
    StoreError,
    is_team_address,
    readable,
    redacted,
)

#: libpq's ``sslmode`` choices, as the TLS box offers them (libpq's default first).
TLS_CHOICES = [
    ("prefer", "If the server offers it (libpq's default)"),
    ("require", "Always (not checking the certificate)"),
    ("verify-ca", "Always, checking the office's certificate authority"),
    ("verify-full", "Always, checking the certificate and the server's name"),
    ("allow", "Only if the server insists"),
    ("disable", "Never"),
]
DEFAULT_PORT = 5432
DEFAULT_DATABASE = "eventdesk"
#: Where libpq looks for the office's certificate authority (``sslrootcert``'s default).
ROOT_CERT = (
    r"%APPDATA%\postgresql\root.crt" if sys.platform == "win32" else "~/.postgresql/root.crt"
)

Opener = Callable[[str], EventStore]


def open_team(address: str) -> EventStore:
    """The store on ``address``; a database not set up yet is refused, never set up from
    here (the office's owner login does that once, docs/team.md)."""
    return EventStore.open(address, create=False, verify=False)


@dataclass
class TeamLogin:
    """What the dialog's fields say: where the database is, and who connects."""

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = DEFAULT_DATABASE
    user: str = ""
    sslmode: str = "prefer"

    def address(self, password: str = "") -> str:
        """The ``postgresql://`` address libpq reads; ``password`` only in the one given to
        the store to open, never in one that is shown or kept."""
        netloc = quote(self.user, safe="") + "@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        netloc += host if self.port == DEFAULT_PORT else f"{host}:{self.port}"
        query = {} if self.sslmode == "prefer" else {"sslmode": self.sslmode}
        if password:
            query["password"] = password
        suffix = f"?{urlencode(query, quote_via=quote)}" if query else ""
        return f"postgresql://{netloc}/{quote(self.database, safe='')}{suffix}"

    @classmethod
    def of(cls, address: str) -> TeamLogin:
        """The fields of a remembered address (its password, if any, left out)."""
        parts = urlsplit(address)
        query = dict(parse_qsl(parts.query))
        try:
            port = parts.port or int(query.get("port", DEFAULT_PORT))
        except ValueError:
            port = DEFAULT_PORT
        return cls(
            host=parts.hostname or query.get("host", ""),
            port=port,
            database=unquote(parts.path.lstrip("/")) or query.get("dbname", ""),
            user=unquote(parts.username or query.get("user", "")),
            sslmode=query.get("sslmode", "prefer"),
        )


def with_password(address: str, password: str) -> str:
    """``address`` with ``password`` for libpq (in its query, which ``redacted`` drops)."""
    if not password:
        return address
    joiner = "&" if "?" in address else "?"
    return f"{address}{joiner}{urlencode({'password': password}, quote_via=quote)}"


def sentence(exc: StoreError, login: TeamLogin, *, password_given: bool) -> str:
    """What went wrong, in one sentence a clerk can act on."""
    host, name, user = login.host or "this PC", login.database, login.user or "your login"
    said = str(exc).lower()
    if isinstance(exc, PasswordRequired):
        if password_given:
            return f"The server did not accept this password for {user}: type it again."
        return f"The server asks for the password of {user}."
    if isinstance(exc, NotAnEventDeskDatabase):
        return (
            f"The database {name} on {host} holds another program's tables, not EventDesk's: "
            "check the database's name."
        )
    if isinstance(exc, NotSetUp):
        return (
            f"The database {name} on {host} holds no EventDesk records yet: the office's IT "
            "sets it up once with the owner login (docs/team.md)."
        )
    if isinstance(exc, NewerSchemaError):
        return str(exc)
    if "connection refused" in said:
        return (
            f"No database server answers on {host}, port {login.port}: check the server's "
            "name and port, or ask the office's IT whether it is running."
        )
    if any(
        words in said
        for words in (
            "could not translate host name",
            "name or service not known",
            "nodename nor servname",
            "no such host",
            "failed to resolve",
            "temporary failure in name resolution",
        )
    ):
        return f"No computer named {host} was found on the network: check the server's name."
    if "timeout" in said or "timed out" in said:
        return (
            f"{host} did not answer in time: check that this PC is on the office's network "
            "(or its VPN)."
        )
    if "does not exist" in said and 'database "' in said:
        return f"The server {host} has no database named {name}: check the database's name."
    if "does not exist" in said and 'role "' in said:
        return f"The server {host} has no login named {user}: check the login."
    if "pg_hba.conf" in said:
        return (
            f"The server {host} does not let {user} in from this PC: ask the office's IT to "
            "allow it (docs/team.md, step 3)."
        )
    if "root certificate" in said or "certificate verify failed" in said:
        return (
            f"The certificate of {host} could not be checked: put the office's certificate "
            f"authority in {ROOT_CERT} (docs/team.md, step 3), or choose a TLS setting that "
            "does not check it."
        )
    if "server certificate for" in said and "does not match" in said:
        return (
            f"The certificate of {host} is made out to another name: connect with the name "
            "it is made out to, or choose a TLS setting that does not check the name."
        )
    if "ssl" in said and ("not support" in said or "unsupported" in said):
        return (
            f"The server {host} does not offer TLS, which the TLS setting asks for: choose "
            "another, or ask the office's IT to turn it on."
        )
    return str(exc)


class _Done(QObject):
    opened = Signal(object)  # the store
    failed = Signal(object)  # the StoreError


class _Opening(QRunnable):
    def __init__(self, opener: Opener, address: str, done: _Done):
        super().__init__()
        self.opener, self.address, self.done = opener, address, done

    def run(self) -> None:
        try:
            store = self.opener(self.address)
        except StoreError as exc:
            with suppress(RuntimeError):  # the dialog is gone: nobody left to tell
                self.done.failed.emit(exc)
        except Exception as exc:  # a bug: said in the dialog, its trace kept, the window alive
            traceback.print_exc(file=sys.stderr)
            with suppress(RuntimeError):
                self.done.failed.emit(StoreError(f"EventDesk failed unexpectedly ({exc})."))
        else:
            try:
                self.done.opened.emit(store)
            except RuntimeError:  # the dialog is gone: nobody wants the connection
                store.close()


class ConnectDialog(QDialog):
    """Connect to a team database; ``connected(store)`` once it is open (the dialog closes).

    ``address``: a remembered address to fill the fields with; ``message``: why it is shown
    again (its password is wanted, its server did not answer).
    """

    connected = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        address: str | None = None,
        message: str = "",
        opener: Opener = open_team,
    ):
        super().__init__(parent)
        self.setWindowTitle("Connect to team database")
        self.setObjectName("connect_dialog")
        self._opener = opener
        self._waiting: _Done | None = None
        self._password_given = False
        #: The store once connected (also sent by ``connected``).
        self.store: EventStore | None = None

        intro = QLabel(
            "The office's shared records, on a PostgreSQL server. The office's IT gives you "
            "the server's name and your login."
        )
        intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setPlaceholderText("db.office.local or 192.168.10.5")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(DEFAULT_DATABASE)
        self.user = QLineEdit()
        self.user.setPlaceholderText("your login, e.g. clerk_anna")
        self.tls = QComboBox()
        for mode, label in TLS_CHOICES:
            self.tls.addItem(label, mode)
        self.tls.setToolTip("libpq's sslmode")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setToolTip(
            "Used for this connection only, never kept. To not be asked, put it in libpq's "
            "password file (.pgpass; Windows: %APPDATA%\\postgresql\\pgpass.conf)."
        )
        self.message = QLabel()
        self.message.setObjectName("connect_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel#connect_message { color: #a4262c; }")
        self.message.hide()

        self.form = QFormLayout()
        self.form.addRow("&Server:", self.host)
        self.form.addRow("P&ort:", self.port)
        self.form.addRow("&Database:", self.database)
        self.form.addRow("&Login:", self.user)
        self.form.addRow("&TLS:", self.tls)
        self.form.addRow("&Password:", self.password)
        self.form.setRowVisible(self.password, False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText("&Connect")
        self.buttons.accepted.connect(self.connect_now)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        #: A remembered address and its fields: while the fields are unchanged, that address
        #: is the one opened (it may carry what the fields do not show, a service's name).
        self._given: tuple[TeamLogin, str] | None = None
        if address and is_team_address(address):
            self.fill(TeamLogin.of(address))
            self._given = (self.login(), redacted(address))
        if message:
            self.say(message)

    # -- the fields ---------------------------------------------------------------------

    def login(self) -> TeamLogin:
        return TeamLogin(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            sslmode=str(self.tls.currentData()),
        )

    def fill(self, login: TeamLogin) -> None:
        self.host.setText(login.host)
        self.port.setValue(login.port)
        self.database.setText(login.database)
        self.user.setText(login.user)
        index = self.tls.findData(login.sslmode)
        self.tls.setCurrentIndex(max(index, 0))

    def ask_password(self) -> None:
        """Show the password field (the server wants one) and put the cursor in it."""
        self.form.setRowVisible(self.password, True)
        self.password.setFocus()
        self.password.selectAll()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- connecting ---------------------------------------------------------------------

    def connect_now(self) -> None:
        """Open the database the fields name, beside the dialog; the answer comes back as
        ``connected`` (and the dialog closes) or as a sentence in the dialog."""
        if self._waiting is not None:
            return
        login = self.login()
        password = self.password.text() if self.form.isRowVisible(self.password) else ""
        if self._given is not None and self._given[0] == login:
            self._start(login, with_password(self._given[1], password), password)
            return
        for value, field, hint in (
            (login.host, self.host, "Type the server's name or address."),
            (
                login.database,
                self.database,
                "Type the database's name (eventdesk, unless IT chose another).",
            ),
            (login.user, self.user, "Type your login (the office's IT gave it to you)."),
        ):
            if not value:
                self.say(hint)
                field.setFocus()
                return
        self._start(login, login.address(password), password)

    def _start(self, login: TeamLogin, address: str, password: str) -> None:
        self._password_given = bool(password)
        self._waiting = done = _Done(self)
        done.opened.connect(lambda store: self._opened(done, store))
        done.failed.connect(lambda exc: self._failed(done, exc))
        self._set_busy(True)
        self.say(f"Connecting to {login.host or 'the server'}…")
        QThreadPool.globalInstance().start(_Opening(self._opener, address, done))

    def is_connecting(self) -> bool:
        return self._waiting is not None

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.host, self.port, self.database, self.user, self.tls, self.password):
            widget.setEnabled(not busy)
        self.connect_button.setEnabled(not busy)

    def _opened(self, done: _Done, store: EventStore) -> None:
        if done is not self._waiting:  # cancelled meanwhile: nobody wants it
            store.close()
            return
        self._waiting = None
        self._set_busy(False)
        self.password.clear()
        self.store = store
        self.connected.emit(store)
        self.accept()

    def _failed(self, done: _Done, exc: StoreError) -> None:
        if done is not self._waiting:
            return
        self._waiting = None
        self._set_busy(False)
        self.say(sentence(exc, self.login(), password_given=self._password_given))
        if isinstance(exc, PasswordRequired):
            self.ask_password()

    def reject(self) -> None:
        self._waiting = None  # a store that opens after all is closed when it arrives
        super().reject()


# -- at start ------------------------------------------------------------------------------

#: The answers of ``ui/app.py``'s question "cannot be reached" (its RETRY, USE_DEFAULT, QUIT);
#: :func:`open_at_start` returns USE_DEFAULT when the clerk chose the default database.
RETRY, USE_DEFAULT = "retry", "default"
#: ``ask_unreachable(message)``: RETRY, USE_DEFAULT or anything else for Quit.
AskUnreachable = Callable[[str], str]
#: ``ask_login(address, message)``: the store the clerk connected to, or None (cancelled).
AskLogin = Callable[[str, str], "EventStore | None"]


def open_at_start(
    address: str,
    *,
    ask_unreachable: AskUnreachable,
    ask_login: AskLogin,
    show_error: Callable[[str], None],
    opener: Opener = open_team,
) -> EventStore | str | None:
    """The team database the program starts on (``--db``, or the one open last time).

    A server that does not answer now (the PC not yet on the office's network, the server
    restarting) gets the question a file out of reach gets: Try again, Open the default
    database, Quit; it is never silently replaced. A password the server wants and libpq
    does not find is asked in the connect dialog, filled in. Returns the store, USE_DEFAULT,
    or None (quit; a database that is not EventDesk's was said to be so).
    """
    login = TeamLogin.of(address)
    while True:
        try:
            return opener(address)
        except PasswordRequired as exc:
            store = ask_login(address, sentence(exc, login, password_given=False))
            if store is not None:
                return store
            reason = "It was not opened: no password was given."
        except (NotAnEventDeskDatabase, NewerSchemaError, NotSetUp) as exc:
            show_error(sentence(exc, login, password_given=False))
            return None
        except StoreError as exc:
            reason = sentence(exc, login, password_given=False)
        answer = ask_unreachable(
            f"The team database {readable(address)} cannot be reached now.\n\n{reason}"
        )
        if answer == USE_DEFAULT:
            return USE_DEFAULT
        if answer != RETRY:
            return None


def login_at_start(address: str, message: str) -> EventStore | None:
    """The connect dialog on its own (no window yet), filled in and asking for the password."""
    dialog = ConnectDialog(None, address=address, message=message)
    dialog.ask_password()
    dialog.exec()
    return dialog.store
