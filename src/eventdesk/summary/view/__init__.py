"""What a summary template can print: the view model, typed.

Every template (the HTML layouts, the sentences of ``news_prose*.txt.j2``, the
Word templates, a user's edited copy) reads these objects and nothing else:
``meeting.title``, ``sessions[].speeches[].speaker_phrase``,
``sides[].groups[].people[].full_title``. They are plain data, built once by
:mod:`eventdesk.summary.context` from the records, with every text already in
the document's language and script and named as a reader would name it; no
markup (escaping is the templates' job) and no way back to the store.

A template names the top-level fields of a document (:class:`MeetingView`,
:class:`ReportView`, :class:`CourseRegisterView`) as variables of their own
(``{{ header }}``, ``{% for s in sessions %}``); ``docs/summaries.md`` lists
them for template authors.
"""

from __future__ import annotations

# Each module's ``__all__`` names what it offers, once; the package offers the same.
from eventdesk.summary.view import pages, parts
from eventdesk.summary.view.pages import *  # noqa: F403
from eventdesk.summary.view.parts import *  # noqa: F403

__all__: list[str] = []
__all__ += pages.__all__
__all__ += parts.__all__
