"""First mention: words a document says of an organisation once, where it first names it.

Why marks in the text rather than a choice in the view model: which mention
is the first is known only in the order a document prints, and that order is
its template's (the release's sentences, the minutes' facts, lists and
sessions; a user's edited copy may print them in another). So a name is
built with the words it takes on its first mention marked (:func:`once`:
韩国 before 延世大学, "in South Korea" after "Yonsei University", 香港特区政府
before 教育局), and the template environment's ``finalize`` (:func:`finalize`),
which sees every printed value in print order, keeps each mark's words the
first time its key is printed within a :func:`document` and drops them after.

The marks are noncharacters (U+FDD2 to U+FDD4, as :mod:`~eventdesk.summary.script`'s
U+FDD0 and U+FDD1), never typed; OpenCC leaves them alone. A text printed
outside a template (a warning, the Word file's title) goes through
:func:`first_form`; a text compared with a recorded one through :func:`unmarked`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from markupsafe import Markup

START, KEY_END, END = "\ufdd2", "\ufdd3", "\ufdd4"
_MARKED = re.compile(f"{START}([^{KEY_END}{END}]*){KEY_END}([^{START}{END}]*){END}")
#: The keys printed so far in the document being written; None outside one.
_said: ContextVar[set[str] | None] = ContextVar("said", default=None)


def once(key: str, words: str) -> str:
    """``words`` marked to be printed only with the first mention of ``key`` in a document."""
    return f"{START}{key}{KEY_END}{words}{END}" if words else ""


def said(text: str, before: set[str]) -> str:
    """``text`` with each mark's words kept where its key is not in ``before`` yet (which
    then holds it), and dropped where it is."""
    if START not in text:
        return text

    def one(mark: re.Match[str]) -> str:
        key, words = mark[1], mark[2]
        if key in before:
            return ""
        before.add(key)
        return words

    return _MARKED.sub(one, text)


def first_form(text: str) -> str:
    """``text`` as its first mention prints it, marks taken out."""
    return _MARKED.sub(lambda m: m[2], text) if START in text else text


def unmarked(text: str) -> str:
    """``text`` as a later mention prints it: to compare with a recorded text ("延世大学" in a
    meeting's title)."""
    return _MARKED.sub("", text) if START in text else text


def finalize(value: Any) -> Any:
    """The template environments' ``finalize``: each printed value in print order.

    Outside a :func:`document` every value is a first mention of its own.
    """
    if not isinstance(value, str) or START not in value:
        return value
    before = _said.get()
    text = said(value, before if before is not None else set())
    return Markup(text) if isinstance(value, Markup) else text


@contextmanager
def document(before: set[str] | None = None) -> Iterator[set[str]]:
    """Render one document (or one part that counts its mentions alone: a headline) inside
    this: its first mentions are counted from nothing, or from ``before``."""
    keys = set(before or ())
    token = _said.set(keys)
    try:
        yield keys
    finally:
        _said.reset(token)
