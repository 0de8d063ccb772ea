"""Control characters and bidirectional overrides in a record's text.

Given text with ESC, BEL or VT (pasted from Word, or in a partner's file),
when it comes in, then it is refused with the field named (import, save,
attendee list row). Given such text stored by an older EventDesk, when it goes
out, then Word output is written (no internal error), CSV and ICS hold no NUL
or ESC, and the terminal shows the escape. Given a title with U+202E
RIGHT-TO-LEFT OVERRIDE, then the PDF's header and sentences keep the date and
the words after the title in their order, and every output isolates it.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from eventdesk import paths
from eventdesk.cli.main import main
from eventdesk.records import Meeting, Person, ValidationError
from eventdesk.summary import write_summary
from tests.summary.conftest import docx_text, html_text
from tests.tools import pdftotext_pages

RLO = "\u202e"
ESC_BEL_VT = "Board\x1b[31m meeting\x07 notes\x0b"


def _meeting(store, title: str) -> int:
    saved = store.meetings.save(
        Meeting(title="placeholder", start_date=date(2021, 12, 22), venue="Room 5")
    )
    # As an older EventDesk stored it, before text was checked:
    store.db.execute("UPDATE meetings SET title = ? WHERE id = ?", [title, saved.id])
    store.db.conn.commit()
    return saved.id


# -- coming in ---------------------------------------------------------------------


def test_saving_a_title_with_an_escape_is_refused_naming_the_field(fresh_store):
    with pytest.raises(ValidationError) as caught:
        fresh_store.meetings.save(Meeting(title=ESC_BEL_VT, start_date=date(2021, 12, 22)))
    message = str(caught.value)
    assert ": title: holds the control character U+001B (ESC) at position 6" in message
    assert "\x1b" not in message  # the record's name shows it escaped
    with pytest.raises(ValidationError, match=r"family_name: holds the control character U\+0007"):
        fresh_store.people.save(Person("Chen\x07", "Qi"))
    assert fresh_store.meetings.list() == []


def test_an_interchange_file_with_a_bell_is_refused_with_the_fields_path(
    fresh_store, db_path, tmp_path, capsys
):
    document = json.loads(paths.sample_meeting().read_text(encoding="utf-8"))
    document["meetings"][0]["files"][0]["caption"] = "Group photo\x07"
    source = tmp_path / "bell.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    fresh_store.close()
    status = main(["--db", str(db_path), "import", str(source)])
    err = capsys.readouterr().err
    assert status == 1 and "nothing was changed" in err
    assert (
        "the file › meetings › 1 › files › 1 › caption: holds the control character U+0007" in err
    )
    assert "\x07" not in err


# -- going out ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["docx", "html", "pdf"])
def test_a_stored_title_with_controls_is_written_with_them_replaced(fresh_store, tmp_path, suffix):
    meeting_id = _meeting(fresh_store, ESC_BEL_VT)
    out = tmp_path / f"news.{suffix}"
    write_summary(fresh_store, meeting_id, "news", out)
    if suffix == "docx":
        text = docx_text(out)
    elif suffix == "html":
        text = html_text(out)
    else:
        text = " ".join(pdftotext_pages(out))
    assert "meeting" in text and "notes" in text
    assert not any(c in text for c in "\x1b\x07\x0b\x00")


def test_csv_ics_and_the_terminal_never_get_nul_or_esc(fresh_store, db_path, tmp_path, capsys):
    meeting_id = _meeting(fresh_store, "Nul\x00 and esc\x1b[2J")
    fresh_store.close()
    csv_path, ics_path = tmp_path / "meetings.csv", tmp_path / "meetings.ics"
    assert main(["--db", str(db_path), "export-list", "meetings", "-o", str(csv_path)]) == 0
    assert main(["--db", str(db_path), "export-ics", "-o", str(ics_path)]) == 0
    assert main(["--db", str(db_path), "list"]) == 0
    out = capsys.readouterr().out
    for data in (csv_path.read_bytes(), ics_path.read_bytes(), out.encode()):
        assert b"\x00" not in data and b"\x1b" not in data
    assert f"{meeting_id}\t2021-12-22\tNul\\u0000 and esc\\u001b[2J" in out
    assert "Nul\ufffd and esc\ufffd[2J" in csv_path.read_text(encoding="utf-8-sig")


# -- a right-to-left override -----------------------------------------------------


def test_an_override_in_a_title_turns_round_only_the_title_in_the_pdf(fresh_store, tmp_path):
    meeting_id = _meeting(fresh_store, f"Partner visit {RLO}SECRET")
    out = tmp_path / "news.pdf"
    write_summary(fresh_store, meeting_id, "news", out)
    (page,) = pdftotext_pages(out)  # as laid out on the page, left to right
    assert "December 22, 2021" in page  # in the header and in the lead
    assert "was held at Room 5." in page
    assert "rebmeceD" not in page and ".5 mooR" not in page


@pytest.mark.parametrize("suffix", ["docx", "html"])
def test_an_override_is_isolated_in_word_and_html(fresh_store, tmp_path, suffix):
    meeting_id = _meeting(fresh_store, f"Partner visit {RLO}SECRET")
    out = tmp_path / f"news.{suffix}"
    write_summary(fresh_store, meeting_id, "news", out)
    text = docx_text(out) if suffix == "docx" else html_text(out)
    assert f"\u2068Partner visit {RLO}SECRET\u202c\u2069" in text
    assert f"{RLO}SECRET\u202c\u2069 was held at Room 5" in text


def test_an_override_is_isolated_in_csv_and_ics_and_escaped_on_the_terminal(
    fresh_store, db_path, tmp_path, capsys
):
    _meeting(fresh_store, f"Partner visit {RLO}SECRET")
    fresh_store.close()
    csv_path, ics_path = tmp_path / "meetings.csv", tmp_path / "meetings.ics"
    main(["--db", str(db_path), "export-list", "meetings", "-o", str(csv_path)])
    main(["--db", str(db_path), "export-ics", "-o", str(ics_path)])
    main(["--db", str(db_path), "list"])
    isolated = f"\u2068Partner visit {RLO}SECRET\u202c\u2069"
    assert isolated in csv_path.read_text(encoding="utf-8-sig")
    assert isolated in ics_path.read_text(encoding="utf-8")
    assert "Partner visit \\u202eSECRET" in capsys.readouterr().out


def test_a_300_mb_time_zone_is_one_short_line(sample_store, db_path, tmp_path, capsys):
    sample_store.close()
    zone = "Asia/" + "x" * 300_000_000
    status = main(["--db", str(db_path), "export-ics", "--time-zone", zone, "-o", "x.ics"])
    err = capsys.readouterr().err
    assert status != 0 and len(err) < 400
    assert "Unknown time zone 'Asia/xxxx" in err and "300,000,005 characters" in err


def test_a_course_stored_with_a_bell_still_makes_the_word_register(sample_store, tmp_path):
    from eventdesk.summary import write_course_register

    sample_store.db.execute("UPDATE courses SET title = title || ?", ["\x07\x0b"])
    sample_store.db.conn.commit()
    out = tmp_path / "courses.docx"
    write_course_register(sample_store, out)
    text = docx_text(out)
    assert "\ufffd" in text and "\x07" not in text
