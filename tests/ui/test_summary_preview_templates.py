"""The summary dialog with a user's own template: the window never waits on it.

Given a template in the user's folder that runs for minutes, when the
dialog previews it, then the window keeps answering (a timer keeps ticking,
the boxes can be changed), the preview says the template took too long once
its budget is spent, and a mended template previews in the same dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from eventdesk.summary import copy_templates_for_editing, isolation
from eventdesk.ui import summary_preview
from eventdesk.ui.summary_preview import SummaryPreviewDialog
from tests.ui.test_summary_preview import user_data  # noqa: F401  (autouse: a private folder)

SLOW = (
    "<p>\n{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}"
    "{% endfor %}{% endfor %}{% endfor %}</p>"
)


def _news_template(text: str) -> Path:
    path = copy_templates_for_editing() / "news.html.j2"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_slow_template_leaves_the_window_answering_and_is_told(
    qtbot, sample_store, sample_meeting, monkeypatch
):
    monkeypatch.setattr(summary_preview, "PREVIEW_SECONDS", 3.0)
    path = _news_template(SLOW)
    dialog = SummaryPreviewDialog(sample_store, sample_meeting.id)
    qtbot.addWidget(dialog)
    dialog.show()
    ticks: list[int] = []
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(50)

    qtbot.waitUntil(lambda: dialog.rendering, timeout=5000)
    qtbot.wait(1000)
    assert len(ticks) >= 10  # the event loop ran all along: the window answers
    assert dialog.message.text() == "Preparing the summary with your templates…"
    dialog.page_box.setCurrentText("Letter")  # the boxes work while it renders
    assert dialog.page_size == "Letter"

    qtbot.waitUntil(lambda: "took too long" in dialog.message.text(), timeout=120_000)
    # said by the sandbox (with the file and line) or, on a slow machine, by the stopped child
    assert "emplate took too long (more than 3 seconds)" in dialog.message.text()
    assert str(path.parent) in dialog.message.text()
    assert not dialog.rendering and dialog.pages == 0

    _news_template("<h1>Mended: {{ meeting.title }}</h1>")
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.pages > 0, timeout=120_000)
    assert "Mended: Annual Meeting" in dialog.prepared["html"]


def test_a_template_past_a_limit_is_told_in_the_dialog(qtbot, sample_store, sample_meeting):
    path = _news_template('<p>\n{% set s = "x" * 60000000 %}{{ [s, s, s]|join }}</p>')
    dialog = SummaryPreviewDialog(sample_store, sample_meeting.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "Template error" in dialog.message.text(), timeout=120_000)
    assert f"Template error in {path}, line 2" in dialog.message.text()
    assert "characters" in dialog.message.text()


def teardown_module() -> None:
    isolation.stop_worker()
