"""The main window: menus, the open database, and what it remembers.

The window owns the store it was given and the undo stack; the three panes
live in a :class:`Workspace` built for that store, and replaced whole when
another database is opened. Questions to the user go through small methods
(``ask_unsaved``, ``inform``, ``warn``) that tests replace, so no test waits
on a modal dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from eventdesk import __version__
from eventdesk.records import ValidationError
from eventdesk.store import EventStore, StoreError, is_team_address, redacted
from eventdesk.ui import chinese_fonts, unsaved_changes
from eventdesk.ui.connection_banner import ConnectionBanner
from eventdesk.ui.database_status import DatabaseChecks, window_title
from eventdesk.ui.date_order import set_day_first
from eventdesk.ui.file_menu import FileMenuCommands, database_files
from eventdesk.ui.first_paint import after_first_paint
from eventdesk.ui.menus import build_menus
from eventdesk.ui.opening import Choice, open_for_window, take_over_question
from eventdesk.ui.preferences import Preferences
from eventdesk.ui.read_only_bar import ReadOnlyBar, why_read_only
from eventdesk.ui.recovery_bar import RecoveryBar
from eventdesk.ui.search_refresh import SearchKeeper
from eventdesk.ui.sections import Section
from eventdesk.ui.window_settings import WindowSettings
from eventdesk.ui.workspace import Workspace

if TYPE_CHECKING:  # the dialogs and the File menu's work load when first used, not at start
    from PySide6.QtWidgets import QMessageBox

    from eventdesk.ui.preferences_dialog import PreferencesDialog
    from eventdesk.ui.trash import TrashDialog

DEFAULT_SIZE = (1280, 800)


class MainWindow(FileMenuCommands, QMainWindow):
    #: The store shown began refusing writes (``store.on_refusing_writes``), from any thread.
    writesRefused = Signal()

    def __init__(
        self,
        store: EventStore,
        settings: QSettings,
        preferences: Preferences | None = None,
        *,
        preferences_path: Path | None = None,
        icon: QIcon | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.settings = WindowSettings(settings)
        self.preferences = preferences or Preferences()
        self.preferences_path = preferences_path
        set_day_first(self.preferences.day_first)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(lambda _index: self._trash_changed())
        self.trash_dialog: TrashDialog | None = None
        self.merge_dialog = None  # Edit › Merge into…, while open
        self.checks: DatabaseChecks | None = None  # of the database file shown
        self.connection_banner: ConnectionBanner | None = None  # of a team database shown
        self.connect_dialog = None  # File › Connect to team database…, while open
        if icon is not None:
            self.setWindowIcon(icon)
        self.actions_ = build_menus(self)
        #: The commands that change the database: off, saying why, while it refuses writes.
        self._writing_actions = {
            action: action.statusTip()
            for action in (
                self.actions_.new_record,
                self.actions_.save,
                self.actions_.import_file,
                self.actions_.import_attendees,
                self.actions_.restore_backup,
                self.actions_.delete,
                self.actions_.merge,
                self.actions_.trash,
            )
        }
        self.writesRefused.connect(self._writes_refused)
        self.statusBar().setSizeGripEnabled(True)  # made now: no jump at the first message
        self.search_keeper = SearchKeeper(self.statusBar(), self)
        self.search_keeper.upToDate.connect(lambda: self.workspace and self.workspace.refresh())
        self.recovery_bar = RecoveryBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.recovery_bar)
        self.recovery_bar.restoreRequested.connect(self.restore_draft)
        self.recovery_bar.discardRequested.connect(self.discard_draft)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.read_only_bar = ReadOnlyBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.read_only_bar)
        self.workspace = self._build_workspace(store)
        self.setCentralWidget(self.workspace)
        self._restore_layout()
        self._database_opened()
        # the bundled Chinese fonts, where the PC's own showed the first frame (ui/chinese_fonts)
        after_first_paint(self.workspace.list_pane.table, chinese_fonts.register)

    # -- questions the tests answer ----------------------------------------------

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel for the record being edited."""
        from PySide6.QtWidgets import QMessageBox  # the questions' box: not made at start

        button = QMessageBox.StandardButton
        return QMessageBox.question(
            self,
            "Unsaved changes",
            unsaved_changes.question(self.workspace.editors.changes()),
            button.Save | button.Discard | button.Cancel,
            button.Save,
        )

    def ask_read_only(self, message: str) -> bool:
        """The file is open in another EventDesk: open it read-only instead?"""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, "EventDesk", f"{message}\n\nOpen it read-only?")
        return answer == QMessageBox.StandardButton.Yes

    def ask_take_over(self, message: str) -> Choice:
        """Another PC's lock, with no program holding it: read-only, take over, or cancel?"""
        return take_over_question(self, message)

    def ask_delete(self, label: str, impact: list[str]) -> bool:
        """Deleting someone the records still name: say what would change, and ask."""
        shown = "\n".join(f"• {line}" for line in impact[:12])
        if len(impact) > 12:
            shown += f"\n… and {len(impact) - 12} more"
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            "EventDesk",
            f"{label} is named in {len(impact)} record(s):\n{shown}\n\n"
            "Those meetings keep showing the name, but it leaves the lists and searches "
            "until restored from the trash. Move it to the trash?",
        )
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, "EventDesk", message)

    def warn(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, "EventDesk", message)

    # -- records ---------------------------------------------------------------------

    def new_record(self) -> bool:
        """Ctrl+N: an empty record of the list's kind, with the keyboard in its first field
        (none in a database that refuses writes: the action is off, saying why)."""
        if self.store.read_only or not self.workspace.new_record():
            return False
        self.workspace.editors.focus_form()
        return True

    def save(self) -> bool:
        return self.workspace.save()

    def focus_search(self) -> None:
        self.workspace.list_pane.search.setFocus()
        self.workspace.list_pane.search.selectAll()

    def delete_selected(self) -> bool:
        """Move the record selected in the list to the trash (Ctrl+Z brings it back)."""
        current = self.workspace.current_record()
        if current is None:
            return False
        kind, record_id, label = current
        if self.store.read_only:
            self.warn("This database is open read-only; nothing can be deleted.")
            return False
        impact = self.store.trash.impact(kind, record_id)
        if impact and not self.ask_delete(label, impact):
            return False
        if self.workspace.editors.shown_id() == record_id and not self.workspace.confirm_leave():
            return False
        self.workspace.forget_record(kind, record_id)
        from eventdesk.ui.trash import DeleteCommand

        self.undo_stack.push(
            DeleteCommand(self.store, kind, record_id, label, self.workspace.refresh)
        )
        self.statusBar().showMessage(f"Moved to the trash: {label}. Ctrl+Z restores it.", 5000)
        return True

    def merge_selected(self, kept: int | None = None) -> bool:
        """Merge the person or organisation selected in the list into another (Ctrl+Z undoes)."""
        from eventdesk.ui.merge_records import merge_selected

        return merge_selected(self, kept)

    def show_trash(self) -> TrashDialog:
        from eventdesk.ui.trash import TrashDialog

        if self.trash_dialog is None:
            self.trash_dialog = TrashDialog(
                self.store, self.workspace.refresh, self, keep_days=self.preferences.trash_days
            )
            self.trash_dialog.emptied.connect(lambda *_: self.undo_stack.clear())
            # others' deletes and restores (issue 23, item 4); a new workspace closes the dialog
            self.workspace.live_lists.changed.connect(self.trash_dialog.others_changed)
        else:
            self.trash_dialog.reload()
        self.trash_dialog.show()
        self.trash_dialog.raise_()
        return self.trash_dialog

    # -- crash drafts -----------------------------------------------------------------

    def pending_drafts(self) -> list:
        """The drafts to offer back; none where they cannot be read (a team database whose
        drafts this EventDesk cannot keep yet): a safety net must not stop the window. None in
        a database that refuses writes: a draft restored there could be neither saved nor
        discarded."""
        if self.store.read_only:
            return []
        try:
            return self.workspace.pending_drafts()
        except StoreError:
            return []

    def restore_draft(self, draft) -> bool:
        restored = self.workspace.restore_draft(draft)
        self._offer_drafts()
        return restored

    def discard_draft(self, draft) -> None:
        self.workspace.discard_draft(draft)
        self._offer_drafts()

    def _offer_drafts(self) -> None:
        drafts = self.pending_drafts()
        self.recovery_bar.show_draft(drafts[0] if drafts else None, len(drafts) - 1)

    def _trash_changed(self) -> None:
        if self.trash_dialog is not None and self.trash_dialog.isVisible():
            self.trash_dialog.reload()

    # -- databases ------------------------------------------------------------------

    def open_database(self, path: Path | str | None = None) -> bool:
        """Switch to another database, a file or a team database's address (asking first
        about unsaved changes)."""
        if path is None:
            path = database_files().ask_open_database(self)
            if path is None:
                return False
        return self._switch_to(path, create=False)

    def new_database(self, path: Path | None = None) -> bool:
        if path is None:
            path = database_files().ask_new_database(self)
            if path is None:
                return False
        return self._switch_to(path, create=True)

    def ask_backup(self, choices: list[tuple[str, Path]]) -> Path | None:
        """Which backup to restore, newest first (labels such as "2026-11-28 10:02  manual")."""
        if not choices:
            self.inform("There are no backups of this database yet.")
            return None
        labels = [label for label, _path in choices]
        from PySide6.QtWidgets import QInputDialog

        label, ok = QInputDialog.getItem(
            self, "Restore from backup", "Put this backup in place:", labels, 0, False
        )
        return dict(choices).get(label) if ok else None

    def load_example_meeting(self) -> None:
        """The empty database's offer: import the example meeting of the report."""
        try:
            self.workspace.load_example_meeting()
        except StoreError as exc:
            self.warn(str(exc))

    # -- summaries (built by the summary package) -----------------------------------

    def print_summary(self) -> bool:
        """Ctrl+P: the print preview of the meeting's summary, with its Print button."""
        return self._summary_dialog() is not None

    def export_summary(self) -> bool:
        """The same dialog, going straight on to choose the file to export to."""
        dialog = self._summary_dialog()
        if dialog is None:
            return False
        export = getattr(dialog, "export", None)
        if callable(export):
            QTimer.singleShot(0, export)  # after the dialog is on screen
        return True

    def current_meeting_id(self) -> int | None:
        editors = self.workspace.editors
        if editors.shown_section() is Section.MEETINGS and editors.shown_id() is not None:
            return editors.shown_id()
        if self.workspace.section() is Section.MEETINGS:
            return self.workspace.list_pane.current_id()
        return None

    def _summary_dialog(self) -> QWidget | None:
        """The summary dialog of the current meeting (saved first if it has edits)."""
        meeting_id = self.current_meeting_id()
        if meeting_id is None:
            self.inform("Choose a meeting first: summaries are made from one meeting.")
            return None
        if not self.workspace.confirm_leave():
            return None
        # Imported here: the summary package (Jinja2, python-docx) loads on first use, not at start.
        from eventdesk.ui.summary_preview import SummaryPreviewDialog

        dialog = SummaryPreviewDialog(self.store, meeting_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- preferences and about ---------------------------------------------------------

    def show_preferences(self) -> PreferencesDialog:
        from eventdesk.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self, store=self.store)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # it reads this database
        dialog.accepted.connect(lambda: self.apply_preferences(dialog.preferences()))
        dialog.accepted.connect(lambda: self.set_our_organisation(dialog.our_organisation_id()))
        dialog.accepted.connect(lambda: self.set_chinese_script(*dialog.script_choice()))
        dialog.open()
        return dialog

    def apply_preferences(self, preferences: Preferences) -> None:
        self.preferences = preferences
        self.workspace.set_page_size(preferences.page_size)
        set_day_first(preferences.day_first)
        if self.preferences_path is not None:
            try:
                preferences.save(self.preferences_path)
            except OSError as exc:
                self.warn(f"Cannot save the preferences: {exc.strerror}.")

    def set_our_organisation(self, org_id: int | None) -> None:
        """Keep "our organisation" in the database (new attendees' side, the summaries)."""
        if org_id == self.store.organisations.ours() or self.store.read_only:
            return
        try:
            self.store.organisations.set_ours(org_id)
        except (StoreError, ValidationError) as exc:
            self.warn(f"Our organisation is not saved: {exc}")
            return
        self.workspace.list_pane.ours_button.setVisible(org_id is None)

    def set_chinese_script(self, script: str, convert_names: bool) -> None:
        """Keep the office's Chinese script in the database (every PC's documents print in it)."""
        office = self.store.office
        if getattr(self.store, "read_only", False) or (script, convert_names) == (
            office.chinese_script(),
            office.convert_names(),
        ):
            return
        try:
            office.set_chinese_script(script)
            office.set_convert_names(convert_names)
        except StoreError as exc:
            self.warn(f"The Chinese script is not saved: {exc}")

    def show_shortcuts(self) -> QWidget:
        from eventdesk.ui.help_dialogs import shortcuts_window

        actions = [a for a in vars(self.actions_).values() if isinstance(a, QAction)]
        window = shortcuts_window(actions, self)
        window.show()
        return window

    def show_guide(self) -> QWidget:
        from eventdesk.ui.help_dialogs import guide_window

        window = guide_window(self)
        window.show()
        return window

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "About EventDesk",
            f"<h3>EventDesk {__version__}</h3>"
            "<p>Records of the meetings your university takes part in, "
            "and printable summaries of them.</p>"
            f"<p>Database: {self.store.path or 'in memory'}</p>",
        )

    # -- window life -------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.workspace.confirm_leave():
            event.ignore()
            return
        self.save_layout()
        for timer in self.findChildren(QTimer):  # nothing may query the store once it closes
            timer.stop()
        event.accept()

    def save_layout(self) -> None:
        self.settings.save_layout(self, self.workspace)

    def _restore_layout(self) -> None:
        self.settings.restore_layout(self, self.workspace, DEFAULT_SIZE)

    def _build_workspace(self, store: EventStore) -> Workspace:
        workspace = Workspace(
            store, lambda: self.ask_unsaved(), page_size=self.preferences.page_size
        )
        workspace.dirtyChanged.connect(self.setWindowModified)
        workspace.failed.connect(self._failed)
        workspace.editors.importAttendees.connect(lambda: self.import_attendees())
        workspace.editors.saved.connect(lambda *_: self.statusBar().showMessage("Saved.", 3000))
        workspace.editors.saved.connect(lambda *_: self.search_keeper.after_save(self.store))
        workspace.list_pane.table.addAction(self.actions_.delete)
        workspace.list_pane.exampleRequested.connect(self.load_example_meeting)
        workspace.list_pane.ours_button.clicked.connect(lambda: self.show_preferences())
        workspace.list_pane.ours_button.setVisible(
            store.organisations.ours() is None and not store.read_only  # it could not be kept
        )
        workspace.sectionChanged.connect(lambda _section: self._update_actions())
        return workspace

    def _switch_to(self, path: Path | str, *, create: bool) -> bool:
        if is_team_address(path):
            if self.store.path is None and redacted(str(path)) == self.store.address:
                return True  # already shown
            # Beside the window, in the dialog: it asks for a password the server wants, and
            # says what went wrong with the address filled in, to be tried again.
            dialog = self.connect_team_database(str(path))
            if dialog is None:
                return False
            dialog.connect_now()  # type: ignore[attr-defined]
            return True
        elif self.store.path is not None and _same_file(Path(path), self.store.path):
            return True  # already open (and locked by us: opening it again would fail)
        if not self.workspace.confirm_leave():
            return False
        store = open_for_window(
            path,
            create=create,
            ask_read_only=lambda message: self.ask_read_only(message),
            show_error=lambda message: self.warn(message),
            ask_take_over=lambda message: self.ask_take_over(message),
        )
        if store is None:
            return False
        self.install_store(store)
        return True

    def install_store(self, store: EventStore) -> None:
        """Show ``store`` in a new workspace; close the store shown before (if still open)."""
        old_store = self.store
        splitter = (
            self.workspace.saveState()
            if self.workspace is not None
            else getattr(self, "_released_splitter", None)
        )
        self.store = store
        self.undo_stack.clear()
        if self.trash_dialog is not None:
            self.trash_dialog.close()
            self.trash_dialog = None
        self.workspace = self._build_workspace(store)
        if splitter is not None:
            self.workspace.restoreState(splitter)
        self.setCentralWidget(self.workspace)  # deletes the old workspace
        if old_store is not store:
            if self.checks is not None:
                self.checks.retire()  # what they find in the file closed is not told
            old_store.close()
        self._database_opened()

    def release_store(self) -> None:
        """Close the database and show nothing, so its file can be replaced (a restore)."""
        self._released_splitter = self.workspace.saveState()
        self.setCentralWidget(QLabel("Restoring…"))  # deletes the workspace
        self.workspace = None  # type: ignore[assignment]
        self.store.close()

    def _database_opened(self) -> None:
        self.setWindowTitle(window_title(self.store))
        self.setWindowModified(False)
        self.read_only_bar.show_for(self.store)
        self.store.on_refusing_writes(self.writesRefused.emit)
        if self.store.connection.engine != "sqlite":  # a team database, by its address
            self.settings.remember_database(self.store.address)
        if self.store.path is not None:
            self.settings.remember_database(self.store.path)
            self.checks = DatabaseChecks(self.store, self.preferences.trash_days, self)
            self.integrity_check = self.checks.integrity_check
            self.checks.damaged.connect(self._damaged)
            self.checks.message.connect(self.statusBar().showMessage)
            self.checks.trashPurged.connect(self._trash_changed)
            # beside the window once its list is on screen, not against its first frame
            after_first_paint(self.workspace.list_pane.table, self.checks.start)
        self._follow_connection()
        for note in self.store.notes:  # opened read-only on a full disk, and why
            self.statusBar().showMessage(note)
        self._update_actions()
        self._offer_drafts()

    def _failed(self, message: str) -> None:
        """What the workspace could not do: a dialog, unless the server is gone, which the
        banner says already (a list arrowed through would raise one a keystroke)."""
        if self.connection_banner is not None and self.connection_banner.down:
            self.statusBar().showMessage(message, 5000)
            return
        self.warn(message)

    def _follow_connection(self) -> None:
        """A team database: the line while its server does not answer, the lists read again
        once it does (``ui/connection_banner.py``)."""
        if self.connection_banner is not None:
            self.connection_banner.retire()
            self.connection_banner = None
        if self.store.path is None and self.store.connection.engine != "sqlite":
            self.connection_banner = ConnectionBanner(self.store, self.statusBar(), self)
            self.connection_banner.back.connect(self._connection_back)

    def _connection_back(self) -> None:
        """The team database answers again: read the lists again, an editor whose save it cut
        off says it is back, and show the record the list has selected if it could not be
        read while the server was gone."""
        workspace = self.workspace
        if workspace is None:
            return
        workspace.refresh()
        workspace.editors.connection_back()  # "save again when it is back": it is back
        current = workspace.list_pane.current_id()
        if current is not None and workspace.editors.shown_section() is None:
            try:
                workspace.editors.load(workspace.section(), current)
            except StoreError as exc:
                self.statusBar().showMessage(str(exc), 5000)

    def _writes_refused(self) -> None:
        """The store shown began refusing writes (damage found in its file): the pages show
        their fields read-only, what was typed still on show, and the commands that would
        change it go off, saying why."""
        if self.workspace is None:
            return
        self.setWindowTitle(window_title(self.store))
        self.read_only_bar.show_for(self.store)
        self.workspace.editors.set_editable(not self.store.read_only)
        self._update_actions()

    def _damaged(self, message: str) -> None:
        self.setWindowTitle(window_title(self.store, damaged=True))
        self.warn(message)

    def _update_actions(self) -> None:
        section = self.workspace.section()
        noun = {Section.PEOPLE: "person", Section.ORGANISATIONS: "organisation"}
        self.actions_.new_record.setText(f"&New {noun.get(section, 'meeting')}")
        writable = not self.store.read_only
        why = "" if writable else why_read_only(self.store)
        for action, tip in self._writing_actions.items():
            action.setEnabled(writable)
            action.setToolTip(why)  # empty: the action's text, as before
            action.setStatusTip(why or tip)
        self.actions_.delete.setEnabled(writable and section.kind is not None)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
