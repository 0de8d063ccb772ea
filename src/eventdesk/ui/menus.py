"""The menu bar and its shortcuts, as in other desktop programs.

Only layout and wiring: every action calls a method of the main window, which
holds the behaviour. ``MenuActions`` names the actions so the window (and the
tests) can enable, relabel or trigger them. The window is taken as a
:class:`MenuHost`, the commands the menus call, so this module does not
import the main window that imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


class MenuHost(Protocol):
    """The window as the menus see it: its menu bar, its undo stack, and a method per command.

    What each command returns (saved or not, the dialog or job it opened) is
    for the tests; the menus ignore it.
    """

    undo_stack: QUndoStack

    def window(self) -> QWidget: ...
    def menuBar(self) -> QMenuBar: ...
    def close(self) -> bool: ...
    def fill_recent_menu(self, menu: QMenu) -> None: ...
    def new_record(self) -> object: ...
    def save(self) -> object: ...
    def new_database(self) -> object: ...
    def open_database(self) -> object: ...
    def connect_team_database(self) -> object: ...
    def import_file(self) -> object: ...
    def import_attendees(self) -> object: ...
    def export_meeting(self) -> object: ...
    def export_calendar(self) -> object: ...
    def export_database(self) -> object: ...
    def export_list(self) -> object: ...
    def backup(self) -> object: ...
    def restore_backup(self) -> object: ...
    def check_database(self) -> object: ...
    def print_summary(self) -> object: ...
    def export_summary(self) -> object: ...
    def delete_selected(self) -> object: ...
    def merge_selected(self) -> object: ...
    def show_trash(self) -> object: ...
    def focus_search(self) -> object: ...
    def show_preferences(self) -> object: ...
    def show_about(self) -> object: ...
    def show_guide(self) -> object: ...
    def show_shortcuts(self) -> object: ...


@dataclass
class MenuActions:
    new_record: QAction
    save: QAction
    new_database: QAction
    open_database: QAction
    connect_team_database: QAction
    recent_menu: QMenu
    import_file: QAction
    import_attendees: QAction
    export_list: QAction
    restore_backup: QAction
    export_meeting: QAction
    export_calendar: QAction
    export_database: QAction
    backup: QAction
    check_database: QAction
    print_summary: QAction
    export_summary: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    delete: QAction
    merge: QAction
    trash: QAction
    find: QAction
    preferences: QAction
    about: QAction
    shortcuts: QAction
    guide: QAction


def _action(parent: QWidget, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(host: MenuHost) -> MenuActions:
    keys = QKeySequence.StandardKey
    bar = host.menuBar()
    window = host.window()  # the actions' parent: their shortcuts work while it is active

    file_menu = bar.addMenu("&File")
    new_record = _action(window, "&New meeting", host.new_record, keys.New)
    save = _action(window, "&Save", host.save, keys.Save)
    new_database = _action(window, "New &database…", host.new_database)
    open_database = _action(window, "&Open database…", host.open_database, keys.Open)
    connect_team = _action(window, "Connect to &team database…", host.connect_team_database)
    connect_team.setStatusTip("Open the office's shared records on a PostgreSQL server")
    recent_menu = QMenu("Open &recent", window)
    recent_menu.aboutToShow.connect(lambda: host.fill_recent_menu(recent_menu))
    import_file = _action(window, "&Import…", host.import_file)
    export_meeting = _action(window, "&Export meeting…", host.export_meeting)
    export_calendar = _action(window, "Add meeting to &calendar (.ics)…", host.export_calendar)
    export_database = _action(window, "Export &whole database…", host.export_database)
    backup = _action(window, "&Back up now", host.backup)
    restore_backup = _action(window, "Restore from bac&kup…", host.restore_backup)
    check_database = _action(window, "&Check database…", host.check_database)
    import_attendees = _action(window, "Import &attendee list…", host.import_attendees)
    export_list = _action(window, "Export &list…", host.export_list)
    print_summary = _action(window, "&Print…", host.print_summary, keys.Print)
    export_summary = _action(window, "Export s&ummary…", host.export_summary)
    quit_ = _action(window, "&Quit", host.close, keys.Quit)
    quit_.setShortcut(QKeySequence("Ctrl+Q"))
    quit_.setMenuRole(QAction.MenuRole.QuitRole)
    for item in (new_record, save, None, new_database, open_database, connect_team):
        _add(file_menu, item)
    for item in (recent_menu, None):
        _add(file_menu, item)
    for item in (import_file, import_attendees, None, export_meeting, export_calendar):
        _add(file_menu, item)
    _add(file_menu, export_database)
    for item in (export_list, None, backup, restore_backup, check_database, None):
        _add(file_menu, item)
    for item in (print_summary, export_summary, None, quit_):
        _add(file_menu, item)

    edit_menu = bar.addMenu("&Edit")
    undo = host.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence(keys.Undo))
    redo = host.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcut(QKeySequence(keys.Redo))
    delete = _action(window, "&Delete", host.delete_selected, Qt.Key.Key_Delete)
    # Delete acts on the list; in a text field the key deletes text as usual.
    delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    trash = _action(window, "&Trash…", host.show_trash)
    merge = _action(window, "&Merge into…", host.merge_selected)
    merge.setStatusTip("Make the selected person or organisation part of another (a duplicate)")
    find = _action(window, "&Find", host.focus_search, keys.Find)
    preferences = _action(window, "Prefere&nces…", host.show_preferences, keys.Preferences)
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    for item in (undo, redo, None, delete, merge, trash, None, find, None, preferences):
        _add(edit_menu, item)

    help_menu = bar.addMenu("&Help")
    about = _action(window, "&About EventDesk", host.show_about)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    guide = _action(window, "&User guide", host.show_guide, keys.HelpContents)
    shortcuts = _action(window, "&Keyboard shortcuts", host.show_shortcuts)
    for item in (guide, shortcuts, None, about):
        _add(help_menu, item)

    return MenuActions(
        new_record=new_record,
        save=save,
        new_database=new_database,
        open_database=open_database,
        connect_team_database=connect_team,
        recent_menu=recent_menu,
        import_file=import_file,
        import_attendees=import_attendees,
        export_list=export_list,
        restore_backup=restore_backup,
        export_meeting=export_meeting,
        export_calendar=export_calendar,
        export_database=export_database,
        backup=backup,
        check_database=check_database,
        print_summary=print_summary,
        export_summary=export_summary,
        quit=quit_,
        undo=undo,
        redo=redo,
        delete=delete,
        merge=merge,
        trash=trash,
        find=find,
        preferences=preferences,
        about=about,
        shortcuts=shortcuts,
        guide=guide,
    )


def _add(menu: QMenu, item: QAction | QMenu | None) -> None:
    if item is None:
        menu.addSeparator()
    elif isinstance(item, QMenu):
        menu.addMenu(item)
    else:
        menu.addAction(item)
