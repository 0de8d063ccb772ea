"""Commands run with no desktop: from Task Scheduler, a service, cron or an ssh session.

Such a session has no window system a program can reach, yet it may name one
(a ``DISPLAY`` left in the environment, the Windows or Cocoa platform as
Qt's default). A command-line PDF shows no window, so it must not need one.
"""

from __future__ import annotations

from tests.other_program import eventdesk
from tests.summary.conftest import pdf_text

from eventdesk.store import EventStore


def test_a_pdf_is_written_where_no_window_system_can_be_reached(sample_store, db_path, tmp_path):
    # Given a session whose DISPLAY names no X server, and no Qt platform chosen
    (row,) = sample_store.meetings.list()
    sample_store.close()
    out = tmp_path / "minutes.pdf"
    unreachable = {"DISPLAY": ":93", "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None}
    # when a script writes a meeting's minutes as PDF
    done = eventdesk(
        "--db", str(db_path), "summary", str(row.id), "--template", "minutes", "-o", str(out),
        home=tmp_path / "home", **unreachable,
    )  # fmt: skip
    # then the PDF is written, with the meeting in it, and nothing complains of a display
    assert done.returncode == 0, done.stderr
    assert "Shanghai-Hong Kong" in " ".join(pdf_text(out).split())
    assert "display" not in done.stderr.lower()
    with EventStore.open(db_path, read_only=True) as store:  # and the database is as it was
        assert store.meetings.count() == 1
