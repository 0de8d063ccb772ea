"""Table models over the parts of the meeting being edited.

Each model shows one list of the working copy (``meeting.sessions``, ...)
and never copies it: the tab changes the list and tells the model to reset
or refresh a row. Columns are named constants so tests and delegates do not
count. Rows with a problem are painted red, with the problem as tooltip, so a
bad row is seen even when it is not selected. After the named columns comes one
for each other field the part's declaration labels (``declared_parts.py``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from eventdesk.records import (
    Attendance,
    CourseEntry,
    Decision,
    Meeting,
    Presentation,
    Session,
)
from eventdesk.ui.meeting_editor import declared_parts
from eventdesk.ui.meeting_editor.labels import Labels

Index = QModelIndex | QPersistentModelIndex
_PROBLEM = QBrush(QColor("#c62828"))


class PartsModel(QAbstractTableModel):
    """Read-only rows of one list of a meeting's parts."""

    HEADERS: ClassVar[tuple[str, ...]] = ()
    #: The columns' widths in pixels on first show (the user may drag them wider).
    WIDTHS: ClassVar[dict[int, int]] = {}
    #: the attribute of ``Meeting`` holding the list
    LIST: ClassVar[str] = ""

    def __init__(self, labels: Labels, parent: QObject | None = None):
        super().__init__(parent)
        self.labels = labels
        self.meeting: Meeting | None = None
        self._problems: dict[str, str] = {}  # uid -> message
        self._declared = declared_parts.shown(declared_parts.part_of(self.LIST))
        self._headers = self.HEADERS + declared_parts.headers(declared_parts.part_of(self.LIST))

    # -- the data ----------------------------------------------------------------

    def rows(self) -> list[Any]:
        return getattr(self.meeting, self.LIST) if self.meeting is not None else []

    def set_meeting(self, meeting: Meeting | None) -> None:
        self.beginResetModel()
        self.meeting = meeting
        self._problems.clear()
        self.endResetModel()

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def refresh_row(self, row: int) -> None:
        if 0 <= row < self.rowCount():
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def refresh_all(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def set_problem(self, uid: str, message: str | None) -> None:
        if message:
            self._problems[uid] = message
        else:
            self._problems.pop(uid, None)
        self.refresh_all()

    def clear_problems(self) -> None:
        self._problems.clear()
        self.refresh_all()

    # -- Qt ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self._headers[section]  # whole, however narrow a clerk drags the column
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows()):
            return None
        record = self.rows()[index.row()]
        problem = self._problems.get(record.uid)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(record, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or self.text(record, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return _PROBLEM
        if role == Qt.ItemDataRole.DecorationRole:
            return self.decoration(record, index.column())
        return None

    def text(self, record: Any, column: int) -> str:
        if column >= len(self.HEADERS):
            return declared_parts.column_text(record, self._declared[column - len(self.HEADERS)])
        return self.texts(record)[column]

    def texts(self, record: Any) -> tuple[str, ...]:
        """What each column shows of ``record``, in column order."""
        raise NotImplementedError

    def decoration(self, record: Any, column: int) -> Any:
        return None

    def session_title(self, uid: str | None) -> str:
        session = self.meeting.session(uid) if self.meeting and uid else None
        return (session.title or session.title_zh) if session else ""


class SessionsModel(PartsModel):
    TITLE, TITLE_ZH, TIME, CHAIR = range(4)
    HEADERS = ("Title", "Title (Chinese)", "Time", "Chair")
    LIST = "sessions"
    WIDTHS: ClassVar[dict[int, int]] = {TITLE: 320, TITLE_ZH: 220, TIME: 110}

    def texts(self, s: Session) -> tuple[str, ...]:
        times = "–".join(t.strftime("%H:%M") for t in (s.start_time, s.end_time) if t)
        return (s.title, s.title_zh, times, self.labels.person(s.chair_id))


class AttendeesModel(PartsModel):
    NAME, ROLE, SIDE, TITLE, ORGANISATION, CAPACITY = range(6)
    HEADERS = ("Name", "Role", "Side", "Title then", "Organisation then", "Capacity")
    LIST = "attendees"
    WIDTHS: ClassVar[dict[int, int]] = {
        NAME: 170,
        ROLE: 80,
        SIDE: 120,
        TITLE: 250,
        ORGANISATION: 330,
    }

    def texts(self, a: Attendance) -> tuple[str, ...]:
        return (
            self.labels.person(a.person_id),
            a.role.label,
            a.side.label,
            a.title or a.title_zh,
            self.labels.organisation(a.organisation_id),
            a.capacity or a.capacity_zh,
        )


class PresentationsModel(PartsModel):
    SESSION, KIND, PRESENTERS, TITLE = range(4)
    HEADERS = ("Session", "Kind", "Presenters", "Title")
    LIST = "presentations"
    WIDTHS: ClassVar[dict[int, int]] = {SESSION: 200, KIND: 110, PRESENTERS: 260}

    def texts(self, p: Presentation) -> tuple[str, ...]:
        return (
            self.session_title(p.session_uid),
            p.kind.label,
            self.labels.people(p.presenter_ids),
            p.title or p.title_zh,
        )


class CoursesModel(PartsModel):
    YEAR, TITLE, INSTITUTION, STATUS, PROGRAMME = range(5)
    HEADERS = ("Year", "Course title", "Institution", "Status", "Programme")
    LIST = "courses"
    WIDTHS: ClassVar[dict[int, int]] = {YEAR: 60, TITLE: 360, INSTITUTION: 330, STATUS: 100}

    def texts(self, c: CourseEntry) -> tuple[str, ...]:
        return (
            "" if c.year is None else str(c.year),
            c.title or c.title_zh,
            self.labels.organisation(c.institution_id),
            c.status.label,
            c.programme or c.programme_zh,
        )


class DecisionsModel(PartsModel):
    KIND, TEXT, SESSION, PARTIES, COUNT = range(5)
    HEADERS = ("Kind", "Text", "Session", "Parties", "Count")
    LIST = "decisions"
    WIDTHS: ClassVar[dict[int, int]] = {KIND: 90, TEXT: 420, SESSION: 150, PARTIES: 380}

    def texts(self, d: Decision) -> tuple[str, ...]:
        return (
            d.kind.label,
            d.text or d.text_zh,
            self.session_title(d.session_uid),
            self.parties(d),
            "" if d.count is None else f"{d.count} {d.count_unit}".strip(),
        )

    def parties(self, d: Decision) -> str:
        return "; ".join(party_label(self.labels, p) for p in d.parties)


def party_label(labels: Labels, party: Any) -> str:
    """ "Hong Kong Baptist University (Chairman of the 3rd Council)"."""
    who = labels.organisation(party.organisation_id) or labels.person(party.person_id)
    role = party.role or party.role_zh
    return f"{who} ({role})" if role else who
