"""Export, backup, restore and check run beside the window with a progress bar, and Cancel."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton

from eventdesk.records import Person
from eventdesk.store import backups
from eventdesk.ui import file_jobs
from eventdesk.ui.long_jobs import Cancelled, JobControl, ProgressJob, _Signals


def _wait(qtbot, job, signal="finished"):
    with qtbot.waitSignal(getattr(job, signal), timeout=20_000) as blocker:
        pass
    return blocker.args[0] if blocker.args else None


@pytest.fixture
def cancel_at(monkeypatch):
    """The user presses Cancel the moment a job reports a step that ``when`` picks.

    Pressed from the job's own report, so it lands at that step exactly
    (the dialog's signals would reach the worker a little later, at a step
    a test cannot name).
    """

    def arrange(when):
        report = JobControl.report

        def pressing_cancel(self, done, total, text=""):
            if when(done, total, text):
                self.cancel()
            report(self, done, total, text)

        monkeypatch.setattr(JobControl, "report", pressing_cancel)

    return arrange


def test_cancel_in_the_dialog_reaches_the_job(qtbot, main_window, tmp_path):
    job = main_window.export_database(tmp_path / "all.json")
    job.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    assert job.control.is_cancelled()
    assert job.dialog.labelText() == "Cancelling…"
    _wait(qtbot, job, "cancelled")
    assert list(tmp_path.glob("all.json*")) == []


def test_whole_database_export_runs_beside_the_window(qtbot, main_window, tmp_path):
    target = tmp_path / "all.json"
    job = main_window.export_database(target)
    assert isinstance(job.dialog, QProgressDialog)
    assert not target.exists()  # not written on the GUI thread before the call returned
    assert _wait(qtbot, job) == target
    assert len(json.loads(target.read_text(encoding="utf-8"))["meetings"]) == 1
    assert not (tmp_path / "all.json.partial").exists()
    assert f"Wrote {target}" in main_window.statusBar().currentMessage()


def test_an_export_too_large_to_import_again_is_pointed_out(
    qtbot, main_window, tmp_path, monkeypatch
):
    from eventdesk.store.interchange import limits

    warned: list[str] = []
    monkeypatch.setattr(main_window, "warn", warned.append)
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)  # the sample's file stands in for 1 GiB
    target = tmp_path / "all.json"
    assert _wait(qtbot, main_window.export_database(target)) == target
    (note,) = warned
    assert note.startswith("all.json is ") and "copy the database file" in note


def test_a_cancelled_export_leaves_no_file(qtbot, main_window, tmp_path, cancel_at):
    target = tmp_path / "all.json"
    cancel_at(lambda _done, _total, text: text == "Writing the records…")  # mid-stream
    job = main_window.export_database(target)
    _wait(qtbot, job, "cancelled")
    assert list(tmp_path.glob("all.json*")) == []  # no file, not even the partial one
    assert "cancelled" in main_window.statusBar().currentMessage()


def test_write_export_cancelled_while_reading_writes_nothing(sample_store, tmp_path, qapp):
    control = JobControl(_Signals())
    control.cancel()
    with pytest.raises(Cancelled):
        file_jobs.write_export(sample_store, tmp_path / "x.json", control)
    assert list(tmp_path.glob("x.json*")) == []


def test_backup_reports_pages_and_cancel_keeps_no_copy(qtbot, main_window, monkeypatch, cancel_at):
    monkeypatch.setattr(backups, "PAGES_PER_STEP", 2)
    folder = backups.backup_folder(main_window.store.path)
    before = set(folder.glob("*"))
    seen = []
    cancel_at(lambda done, total, _text: seen.append((done, total)) and False)  # only watches
    job = main_window.backup()  # its reports are seen from the first: a fast one may end at once
    target = _wait(qtbot, job)
    assert target.is_file() and seen and seen[-1][0] == seen[-1][1]  # the last step: all pages

    cancel_at(lambda done, total, _text: 0 < done < total)
    job = main_window.backup()
    _wait(qtbot, job, "cancelled")
    assert set(folder.glob("*")) == before | {target}  # the cancelled one left nothing
    assert "cancelled" in main_window.statusBar().currentMessage()


def test_the_check_finds_nothing_wrong_and_says_so(qtbot, main_window, answers):
    job = main_window.check_database()
    assert _wait(qtbot, job) == []
    assert answers.messages[-1] == "The check found no problems."


def test_the_check_can_be_cancelled(qtbot, main_window, answers, monkeypatch, cancel_at):
    from eventdesk.store import check_progress

    monkeypatch.setattr(check_progress, "STEPS_PER_CALL", 100)
    # the example's file is a few pages now that its photo lives beside it: estimate generously
    monkeypatch.setattr(check_progress, "CALLS_PER_PAGE", 1.0)
    told = len(answers.messages)
    cancel_at(lambda done, _total, _text: done >= 3)
    job = main_window.check_database()
    _wait(qtbot, job, "cancelled")
    assert len(answers.messages) == told  # no verdict on a check that did not finish


def test_the_check_names_a_problem(qtbot, main_window, answers):
    store = main_window.store
    store.db.execute("DELETE FROM search_keys")  # every meeting loses its search document
    _wait(qtbot, main_window.check_database())
    assert "has no search document" in answers.messages[-1]


def test_restore_shows_progress_and_reopens_the_database(qtbot, main_window, answers):
    backup = _wait(qtbot, main_window.backup())
    main_window.store.people.save(Person("Added", "Later"))
    people = main_window.store.people.count()
    main_window.ask_backup = lambda choices: backup
    job = main_window.restore_backup()
    steps = []
    job._signals.progressed.connect(lambda _d, _t, text: steps.append(text))
    _wait(qtbot, job)
    assert main_window.store.people.count() == people - 1
    assert "Replacing the database…" in steps
    assert "kept as" in answers.messages[-1]


def test_a_restore_waits_for_the_work_running_on_its_own_connections(qtbot, main_window, answers):
    # Given a worker reading the database on its own connection (a check, a preview)
    import time

    from PySide6.QtCore import QRunnable, QThreadPool

    from eventdesk.store import EventStore

    path = main_window.store.path
    backup = _wait(qtbot, main_window.backup())
    ended = []

    class Reader(QRunnable):
        def run(self) -> None:
            with EventStore.open(path, read_only=True) as store:
                store.people.count()
                time.sleep(1.5)  # longer than the restore takes here
            ended.append(time.monotonic())

    QThreadPool.globalInstance().start(Reader())
    # when the database is restored meanwhile
    main_window.ask_backup = lambda choices: backup
    job = main_window.restore_backup()
    replaced = []
    job._signals.progressed.connect(
        lambda _d, _t, text: text == "Replacing the database…" and replaced.append(time.monotonic())
    )
    _wait(qtbot, job)
    # then the file was replaced only after the worker had let go of it
    assert ended and replaced and ended[0] <= replaced[0]
    assert "kept as" in answers.messages[-1]


def test_a_restore_cancelled_before_replacing_changes_nothing(
    qtbot, main_window, answers, cancel_at
):
    backup = _wait(qtbot, main_window.backup())
    main_window.store.people.save(Person("Added", "Later"))
    people = main_window.store.people.count()
    kept_before = set(backups.backup_folder(main_window.store.path).glob("*.sqlite3"))
    main_window.ask_backup = lambda choices: backup
    cancel_at(lambda _done, _total, text: text == "Copying the backup…")
    job = main_window.restore_backup()
    _wait(qtbot, job, "cancelled")
    assert main_window.store.people.count() == people  # still the file as it was
    assert set(backups.backup_folder(main_window.store.path).glob("*.sqlite3")) == kept_before
    assert not main_window.store.path.with_name("eventdesk.sqlite3.restoring").exists()


def test_once_replacing_a_restore_cannot_be_cancelled(qtbot):
    signals = _Signals()
    control = JobControl(signals)
    control.no_cancel()
    control.cancel()
    control.report(1, 1)  # does not raise: the job runs to its end
    assert not control.is_cancelled()


def test_a_job_on_an_in_memory_database_runs_on_the_gui_thread(qtbot, qapp):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    job = ProgressJob("t", "l", lambda control: 42, parent, in_thread=False).start()
    assert _wait(qtbot, job) == 42


def test_a_backup_that_left_a_damaged_photo_out_says_which(qtbot, main_window, answers):
    from eventdesk.records import MeetingFile
    from eventdesk.store import media
    from tests.store.test_photo_files import jpeg

    store = main_window.store
    meeting = store.meetings.get(store.meetings.list()[0].id)
    meeting.files.append(MeetingFile("harbour.jpg", "image/jpeg", data=(data := jpeg(seed=41))))
    store.meetings.save(meeting)
    stored = media.path_in(media.folder_of(store.db), media.digest(data))
    stored.write_bytes(stored.read_bytes()[:-1] + b"\x00")  # one byte changed on the disk

    target = _wait(qtbot, main_window.backup())

    assert target.is_file()
    assert any("'harbour.jpg'" in m and "was not copied" in m for m in answers.messages)
