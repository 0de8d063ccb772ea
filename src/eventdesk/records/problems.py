"""A problem found in a record, and the error that carries them.

Apart from the checks (``validation.py``) and the records' classes (``models.py``), so that
the window can catch a :class:`ValidationError` without importing the records' classes
before its first paint (issue 25).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """What is wrong (``message``) with which ``field`` of which ``record``.

    A problem in one of a meeting's parts also says which: ``part`` is the
    meeting's list (``"attendees"``, ``"sessions"``...) and ``row`` the
    1-based place in it, so a form can go to the row without reading the
    ``record`` label, which is written for a person.
    """

    record: str
    field: str
    message: str
    part: str = ""
    row: int | None = None

    def __str__(self) -> str:
        where = f"{self.record}: " if self.record else ""
        return f"{where}{self.field}: {self.message}"


class ValidationError(ValueError):
    """One or more problems that stop a record from being saved."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, record: str, field: str, message: str) -> ValidationError:
        return cls([Problem(record, field, message)])


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)
