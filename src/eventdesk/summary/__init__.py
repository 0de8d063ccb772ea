"""One meeting in, a document out: news releases, minutes, period reports, the course register.

Reads the data only through :class:`eventdesk.store.EventStore` and never
imports the GUI. Qt is loaded only to write a PDF or print; HTML and DOCX
work without it. Start at :mod:`eventdesk.summary.api`.

The names below are loaded on first use, so that the window, which only
registers the bundled fonts (``eventdesk.summary.fonts``) at start, does not
pay for Jinja2 and python-docx before a summary is asked for.
"""

from __future__ import annotations

import importlib
from typing import Any

_FROM = {
    "FORMATS": "api",
    "LANGUAGES": "api",
    "missing_chinese": "api",
    "copy_templates_for_editing": "api",
    "print_summary": "api",
    "prepare_print": "api",
    "printed_title": "api",
    "print_prepared": "api",
    "renders_apart": "api",
    "render_html": "api",
    "templates_folder": "api",
    "write_course_register": "api",
    "write_period_report": "api",
    "write_summary": "api",
    "SummaryError": "errors",
}

__all__ = sorted(_FROM)


def __getattr__(name: str) -> Any:
    if name not in _FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_FROM[name]}"), name)
