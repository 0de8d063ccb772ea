"""The closed vocabularies of the records.

Each is a ``StrEnum`` so the value stored in SQLite and written to JSON is the
plain lower-case word a person can read in the file, and ``label`` is the
phrase a screen or summary prints.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

__all__ = [
    "AttendanceRole",
    "CourseStatus",
    "DecisionKind",
    "FileKind",
    "HostRole",
    "MeetingFormat",
    "MeetingStatus",
    "NameOrder",
    "OrganisationKind",
    "OurRole",
    "PresentationKind",
    "Side",
]


class _Labelled(StrEnum):
    """A word stored as it is; ``label`` is what a person reads: the word capitalised,
    or the phrase given after it (``ONSITE = "onsite", "On-site"``)."""

    _label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label or value.replace("_", " ").capitalize()
        return member

    @property
    def label(self) -> str:
        return self._label

    @classmethod
    def values(cls) -> list[str]:
        return [member.value for member in cls]


class NameOrder(_Labelled):
    FAMILY_FIRST = "family_first"
    GIVEN_FIRST = "given_first"


class MeetingFormat(_Labelled):
    ONLINE = "online"
    ONSITE = "onsite", "On-site"
    HYBRID = "hybrid"


class OurRole(_Labelled):
    HOST = "host"
    CO_HOST = "co_host", "Co-host"
    PARTICIPANT = "participant"
    VISITING = "visiting"
    VISITED = "visited"


class MeetingStatus(_Labelled):
    DRAFT = "draft"
    FINAL = "final"


class HostRole(_Labelled):
    HOST = "host"
    CO_HOST = "co_host", "Co-host"
    ORGANISER = "organiser"


class OrganisationKind(_Labelled):
    UNIVERSITY = "university"
    GOVERNMENT = "government", "Government body"
    OFFICE = "office", "Office or department"
    COMPANY = "company"
    ALLIANCE = "alliance"
    OTHER = "other"


class AttendanceRole(_Labelled):
    DELEGATE = "delegate"
    SPEAKER = "speaker"
    CHAIR = "chair"
    HOST = "host"
    GUEST = "guest"
    OBSERVER = "observer"


class Side(_Labelled):
    OURS = "ours", "Our delegation"
    PARTNER = "partner", "Partners"
    OTHER = "other", "Others"


class PresentationKind(_Labelled):
    SPEECH = "speech"
    REMARKS = "remarks"
    PRESENTATION = "presentation"
    REPORT = "report"


class CourseStatus(_Labelled):
    NOMINATED = "nominated"
    SHORTLISTED = "shortlisted"
    APPROVED = "approved"
    NOT_SELECTED = "not_selected"


class DecisionKind(_Labelled):
    ELECTION = "election"
    RESOLUTION = "resolution"
    AGREEMENT = "agreement"
    OUTCOME = "outcome"
    ACTION_ITEM = "action_item"
    #: A topic the meeting discussed without deciding it: "exchanged views on A, B and C".
    DISCUSSION = "discussion", "Topic discussed"


class FileKind(_Labelled):
    PHOTO = "photo"
    ATTACHMENT = "attachment"
