"""The closed vocabularies of the records.

Each is a ``StrEnum`` so the value stored in SQLite and written to JSON is the
plain lower-case word a person can read in the file, and ``label`` is the
phrase a screen or summary prints.
"""

from __future__ import annotations

from enum import StrEnum

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
    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def values(cls) -> list[str]:
        return [member.value for member in cls]


class NameOrder(_Labelled):
    FAMILY_FIRST = "family_first"
    GIVEN_FIRST = "given_first"


class MeetingFormat(_Labelled):
    ONLINE = "online"
    ONSITE = "onsite"
    HYBRID = "hybrid"

    @property
    def label(self) -> str:
        return {"online": "Online", "onsite": "On-site", "hybrid": "Hybrid"}[self.value]


class OurRole(_Labelled):
    HOST = "host"
    CO_HOST = "co_host"
    PARTICIPANT = "participant"
    VISITING = "visiting"
    VISITED = "visited"

    @property
    def label(self) -> str:
        return "Co-host" if self is OurRole.CO_HOST else super().label


class MeetingStatus(_Labelled):
    DRAFT = "draft"
    FINAL = "final"


class HostRole(_Labelled):
    HOST = "host"
    CO_HOST = "co_host"
    ORGANISER = "organiser"

    @property
    def label(self) -> str:
        return "Co-host" if self is HostRole.CO_HOST else super().label


class OrganisationKind(_Labelled):
    UNIVERSITY = "university"
    GOVERNMENT = "government"
    OFFICE = "office"
    COMPANY = "company"
    ALLIANCE = "alliance"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "government": "Government body",
            "office": "Office or department",
        }.get(self.value, super().label)


class AttendanceRole(_Labelled):
    DELEGATE = "delegate"
    SPEAKER = "speaker"
    CHAIR = "chair"
    HOST = "host"
    GUEST = "guest"
    OBSERVER = "observer"


class Side(_Labelled):
    OURS = "ours"
    PARTNER = "partner"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"ours": "Our delegation", "partner": "Partners", "other": "Others"}[self.value]


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
    DISCUSSION = "discussion"

    @property
    def label(self) -> str:
        return "Topic discussed" if self is DecisionKind.DISCUSSION else super().label


class FileKind(_Labelled):
    PHOTO = "photo"
    ATTACHMENT = "attachment"
