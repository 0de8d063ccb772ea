"""One meeting in, a document out: news releases, minutes, period reports, the course register.

Reads the data only through :class:`eventdesk.store.EventStore` and never
imports the GUI. Qt is loaded only to write a PDF or print; HTML and DOCX
work without it. Start at :mod:`eventdesk.summary.api`.
"""

from eventdesk.summary.api import (
    FORMATS,
    copy_templates_for_editing,
    print_summary,
    render_html,
    templates_folder,
    write_course_register,
    write_period_report,
    write_summary,
)
from eventdesk.summary.errors import SummaryError

__all__ = [
    "FORMATS",
    "SummaryError",
    "copy_templates_for_editing",
    "print_summary",
    "render_html",
    "templates_folder",
    "write_course_register",
    "write_period_report",
    "write_summary",
]
