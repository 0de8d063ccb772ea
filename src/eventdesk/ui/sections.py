"""The navigator's sections and what each one lists and edits."""

from __future__ import annotations

from enum import StrEnum


class Section(StrEnum):
    MEETINGS = "meetings"
    PEOPLE = "people"
    ORGANISATIONS = "organisations"
    COURSES = "courses"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def kind(self) -> str | None:
        """The store's record kind (for delete and restore); courses have none."""
        return {"meetings": "meeting", "people": "person", "organisations": "organisation"}.get(
            self.value
        )
