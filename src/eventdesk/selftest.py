"""``eventdesk --self-test``: the built program proves that it works, without a screen.

Why: an office gets EventDesk as a program folder with no Python beside it. A
module, a Qt plugin, a font or a template that the build left out shows up only
when someone prints a summary. The self-test walks that path end to end, in a
temporary folder, and never touches the user's database:

1. Qt is set to the offscreen platform before it loads, and starts on it;
2. a database is created in a temporary folder;
3. the example meeting that ships with the program is imported;
4. its news release is written as a PDF;
5. and as a DOCX;
6. the PDF's text is read back and holds the meeting's names, Chinese included;
7. so does the DOCX's;
8. and the HTML's, which carries the bundled Chinese font cut down with fontTools;
9. a search typed in traditional characters (丁曉東) finds the meeting (OpenCC's tables);
10. pinyin is proposed for Chinese names, 朝阳 read as a given name (pypinyin's phrases);
11. typed dates are read in English and Chinese (dateparser) and written in both (Babel);
12. a photo of each type EventDesk takes is checked, and a large JPEG made print-size (Pillow);
13. a meeting with a time is written to an ICS file with its time zone (icalendar);
14. attendee lists saved as CSV in GB 18030 and in Big5 are read (charset-normalizer).

Steps 9 to 14 walk the libraries whose unused parts the build leaves out
(packaging/eventdesk.spec), so that a part left out which is needed fails here.

Given a team database (``eventdesk --db postgresql://USER@HOST/DATABASE --self-test``), four
more steps show that this PC reaches it with that login (``store/team_check.py``), and change
nothing in it:

16. the server is reached through the driver the program carries (psycopg, its libpq);
17. its records are at this EventDesk's schema version;
18. its meetings are read, counted and the newest listed, by the store's own queries;
19. a meeting is written and the transaction rolled back, then looked for to prove it gone;
    for a login whose role may only read, that is said instead, and no write is tried
    (nor with ``--read-only``).

An unreachable server, a wrong password or a refused write is one sentence on the failed
step's line. A database file given with ``--db`` is never touched: the file steps use one of
their own.

Each step prints ``ok  N. what`` (``ok  N. what: detail``) or ``FAIL N. what: why``; the
first failure ends the run with exit status 1, all steps passing with 0.
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Names that the example meeting's news release must print, as the PDF's text holds them.
EXPECTED_NAMES = ("DING Xiaodong", "丁晓东")


class StepFailed(Exception):
    """A step's own, readable reason for failing."""


@dataclass
class _Run:
    folder: Path
    store: Any = None
    meeting_id: int | None = None
    pdf: Path | None = None
    docx: Path | None = None
    keep: list[Any] = field(default_factory=list)
    team_address: str | None = None
    #: ``--read-only``: the team database's write step tries no write.
    team_read_only: bool = False
    #: The team database's connection, once reached.
    team: Any = None


def _step_offscreen(run: _Run) -> None:
    loaded = [m for m in ("PySide6.QtGui", "PySide6.QtWidgets") if m in sys.modules]
    if loaded and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        raise StepFailed(f"Qt was loaded before the self-test could set the platform: {loaded}")
    from eventdesk.summary.qt_app import use_offscreen

    use_offscreen(force=True)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "eventdesk"])
    run.keep.append(app)
    platform = app.platformName()
    if platform != "offscreen":
        raise StepFailed(f"Qt started on the {platform!r} platform")


def _step_database(run: _Run) -> None:
    from eventdesk.store import EventStore

    path = run.folder / "selftest.sqlite3"
    run.store = EventStore.open(path)
    if not path.is_file():
        raise StepFailed(f"{path} was not created")


def _step_import(run: _Run) -> None:
    from eventdesk import paths
    from eventdesk.store.interchange import import_file

    sample = paths.sample_meeting()
    if not sample.is_file():
        raise StepFailed(f"the example meeting is missing: {sample}")
    import_file(run.store, sample)
    rows = run.store.meetings.list()
    if len(rows) != 1:
        raise StepFailed(f"expected 1 meeting after the import, found {len(rows)}")
    run.meeting_id = rows[0].id


def _writer() -> Callable[..., Any]:
    try:
        from eventdesk.summary import write_summary
    except ImportError as exc:
        raise StepFailed(f"summary layer not available ({exc})") from None
    return write_summary


def _write(run: _Run, suffix: str) -> Path:
    write_summary = _writer()
    path = run.folder / f"news-release{suffix}"
    write_summary(run.store, run.meeting_id, "news", path)
    if not path.is_file() or path.stat().st_size == 0:
        raise StepFailed(f"{path.name} was not written")
    return path


def _step_pdf(run: _Run) -> None:
    run.pdf = _write(run, ".pdf")
    if not run.pdf.read_bytes().startswith(b"%PDF"):
        raise StepFailed(f"{run.pdf.name} is not a PDF")


def _step_docx(run: _Run) -> None:
    run.docx = _write(run, ".docx")
    if not zipfile.is_zipfile(run.docx):
        raise StepFailed(f"{run.docx.name} is not a DOCX (not a zip file)")


def _step_own_template(run: _Run) -> None:
    """A user's own template renders in a child process (``summary/isolation.py``).

    In the built program the child is the program itself again, started by spawn:
    this is where a missing ``multiprocessing`` or ``freeze_support`` would show.
    """
    from eventdesk.summary import isolation, templates

    folder = run.folder / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "news.html.j2").write_text("<h1>Own: {{ meeting.title }}</h1>", encoding="utf-8")
    templates.use_folder(folder)
    try:
        if not isolation.needed(run.store):
            raise StepFailed("an edited template was taken for a built-in one")
        text = _write(run, "-own.html").read_text(encoding="utf-8")
    finally:
        templates.use_folder(None)
        isolation.stop_worker()
    if "Own: " not in text:
        raise StepFailed("the edited template's words are not in the summary")


def _missing(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [name for name in EXPECTED_NAMES if name not in flat]


def _step_pdf_text(run: _Run) -> None:
    if run.pdf is None:
        raise StepFailed("no PDF was written")
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(run.pdf).pages)
    missing = _missing(text)
    if missing:
        raise StepFailed(f"the PDF's text lacks {missing}; it begins {text[:120]!r}")


def _step_html(run: _Run) -> None:
    html = _write(run, ".html").read_text(encoding="utf-8")
    missing = _missing(html)
    if missing:
        raise StepFailed(f"the HTML lacks {missing}")
    if "@font-face" not in html:
        raise StepFailed("the HTML does not carry the bundled font")


def _step_docx_text(run: _Run) -> None:
    if run.docx is None:
        raise StepFailed("no DOCX was written")
    import re

    with zipfile.ZipFile(run.docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    # Word splits text into runs; join the paragraph's runs before looking.
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
    text = "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paragraphs)
    missing = _missing(text)
    if missing:
        raise StepFailed(f"the DOCX's text lacks {missing}")


def _step_search_variants(run: _Run) -> None:
    found = run.store.meetings.search("丁曉東")  # 丁晓东 as Hong Kong writes it
    if [row.id for row in found] != [run.meeting_id]:
        raise StepFailed(f"searching 丁曉東 found {len(found)} meetings, not the example one")


#: Names, their proposed pinyin; 朝阳 and 长青 as given names are read from phrases.
PINYIN = {
    "丁晓东": ("Ding", "Xiaodong"),
    "李朝阳": ("Li", "Zhaoyang"),
    "欧阳长青": ("Ouyang", "Changqing"),
}


def _step_pinyin(run: _Run) -> None:
    from eventdesk.records.pinyin_names import propose

    wrong = {name: propose(name) for name, want in PINYIN.items() if propose(name) != want}
    if wrong:
        raise StepFailed(f"pinyin proposed {wrong}, expected {PINYIN}")


#: Typed dates (the Chinese one goes to dateparser, not the year-first reader), and
#: the 2 April 2019 each must be; Babel writes it back in both languages.
TYPED_DATES = ("2 April 2019", "2nd of April 2019", "2 四月 2019", "2019年4月2日星期二")
WRITTEN_DATES = {"en": "April 2, 2019", "zh": "2019年4月2日"}


def _step_dates(run: _Run) -> None:
    from datetime import date

    from eventdesk.dates import read_date
    from eventdesk.summary.language import long_date

    day = date(2019, 4, 2)
    wrong = {typed: str(read_date(typed)) for typed in TYPED_DATES if read_date(typed) != day}
    if wrong:
        raise StepFailed(f"typed dates were read as {wrong}, not 2019-04-02")
    written = {lang: long_date(day, lang) for lang in WRITTEN_DATES}
    if written != WRITTEN_DATES:
        raise StepFailed(f"2 April 2019 was written as {written}")


#: The photo types EventDesk takes (records/images.py), as Pillow saves them.
PHOTO_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
    "image/bmp": "BMP",
    "image/tiff": "TIFF",
}


def _step_photos(run: _Run) -> None:
    import io

    from PIL import Image

    from eventdesk.records.images import check_image, media_type_of
    from eventdesk.store.renditions import PRINT_EDGE, print_rendition

    picture = Image.new("RGB", (64, 48), (200, 30, 40))
    for media_type, fmt in PHOTO_FORMATS.items():
        out = io.BytesIO()
        picture.save(out, fmt)
        data = out.getvalue()
        problem = check_image(data, media_type)
        if problem is not None or media_type_of(data) != media_type:
            raise StepFailed(f"a {fmt} photo was refused: {problem or media_type_of(data)}")
    if check_image(b"<html>not a photo</html>", "image/png") is None:
        raise StepFailed("an HTML file passed as a PNG photo")
    out = io.BytesIO()
    Image.new("RGB", (3200, 2400), (10, 120, 200)).save(out, "JPEG", quality=80)
    with Image.open(io.BytesIO(print_rendition(out.getvalue()))) as small:
        if small.format != "JPEG" or max(small.size) != PRINT_EDGE:
            raise StepFailed(f"a 3200 x 2400 JPEG was made {small.format} {small.size}")


def _step_ics(run: _Run) -> None:
    import dataclasses
    from datetime import time

    from eventdesk.spreadsheets.ics import calendar_bytes, office_zone

    meeting = dataclasses.replace(
        run.store.meetings.get(run.meeting_id), start_time=time(9, 30), end_time=time(17, 0)
    )
    ics = calendar_bytes(run.store, [meeting], office_zone("Asia/Shanghai")).decode("utf-8")
    for wanted in ("BEGIN:VTIMEZONE", "TZID:Asia/Shanghai", "DTSTART;TZID=Asia/Shanghai:"):
        if wanted not in ics:
            raise StepFailed(f"the ICS lacks {wanted!r}")


#: An attendee list as a mainland office's and a Hong Kong office's Excel save it as CSV.
CSV_LISTS = {"gb18030": "姓名,职务\n马晓婷,主任\n", "big5": "姓名,職務\n黃志強,副主任\n"}


def _step_csv(run: _Run) -> None:
    from eventdesk.spreadsheets.reading import read_table

    for encoding, text in CSV_LISTS.items():
        path = run.folder / f"list-{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        table = read_table(path)
        cells = [table.headers, table.rows[0].cells]
        if cells != [line.split(",") for line in text.split()]:
            raise StepFailed(f"a {encoding} list was read as {cells} ({table.source})")


#: A step: raises StepFailed (or any error) to fail; may return the line to print instead of its
#: name, with what it found ("name: detail").
Step = Callable[[_Run], str | None]

STEPS: list[tuple[str, Step]] = [
    ("Qt platform set to offscreen before Qt loads, and Qt started on it", _step_offscreen),
    ("database created in a temporary folder", _step_database),
    ("example meeting imported", _step_import),
    ("news release written as PDF", _step_pdf),
    ("news release written as DOCX", _step_docx),
    ("PDF text holds " + " and ".join(EXPECTED_NAMES), _step_pdf_text),
    ("DOCX text holds " + " and ".join(EXPECTED_NAMES), _step_docx_text),
    ("news release written as HTML with the bundled font, holding the names", _step_html),
    ("a user's own template rendered in a child process", _step_own_template),
    ("search typed in traditional characters (丁曉東) finds the meeting", _step_search_variants),
    ("pinyin proposed for 丁晓东, 李朝阳 and 欧阳长青", _step_pinyin),
    ("dates typed in English and Chinese read, and written in both", _step_dates),
    (
        "JPEG, PNG, GIF, WebP, BMP and TIFF photos checked, a large JPEG made smaller",
        _step_photos,
    ),
    ("a meeting with a time written to an ICS file with its time zone", _step_ics),
    ("attendee lists read from CSV files in GB 18030 and Big5", _step_csv),
]


def _step_team_reach(run: _Run) -> str:
    from eventdesk.store import team_check

    reached = team_check.reach(run.team_address)
    run.team = reached.connection
    return f"{TEAM_STEPS[0][0]}: {reached.describe()}"


def _step_team_schema(run: _Run) -> str:
    from eventdesk.store import team_check

    return f"{TEAM_STEPS[1][0]}: {team_check.check_schema(run.team)}"


def _step_team_read(run: _Run) -> str:
    from eventdesk.store import team_check

    return f"{TEAM_STEPS[2][0]}: {team_check.read(run.team).describe()}"


def _step_team_write(run: _Run) -> str | None:
    from eventdesk.store import team_check

    if run.team_read_only:
        return "--read-only: no write tried"
    refused = team_check.write_refused(run.team)
    if refused:
        return f"read-only role, no write tried: {refused}"
    team_check.write_and_roll_back(run.team)
    return None


#: The team database's steps, after the program's own when ``--db`` names one.
TEAM_STEPS: list[tuple[str, Step]] = [
    ("team database reached", _step_team_reach),
    ("its records' schema version is this EventDesk's", _step_team_schema),
    ("its meetings read", _step_team_read),
    ("a meeting written and rolled back, nothing of it left", _step_team_write),
]


def _say(line: str) -> None:
    stream = sys.stdout
    if stream is None:  # a windowed program on Windows with no console to write to
        return
    try:
        stream.write(line + "\n")
    except UnicodeEncodeError:  # a console that cannot show the Chinese characters
        stream.write(line.encode("ascii", "backslashreplace").decode("ascii") + "\n")
    stream.flush()


def steps_for(team_address: str | None = None) -> list[tuple[str, Step]]:
    """The steps a run takes: the program's own, and a team database's when one is given."""
    return [*STEPS, *(TEAM_STEPS if team_address else [])]


def run_self_test(team_address: str | None = None, *, read_only: bool = False) -> int:
    """Run every step in order; 0 when all pass, 1 at the first that fails.

    ``team_address``: a ``postgresql://`` address whose team database the last steps reach,
    read and write to (rolled back); ``read_only`` (``--read-only``): no write is tried.
    """
    from eventdesk import __version__

    _say(f"EventDesk {__version__} self-test ({'built program' if _frozen() else 'from source'})")
    steps = steps_for(team_address)
    with tempfile.TemporaryDirectory(prefix="eventdesk-selftest-") as folder:
        run = _Run(Path(folder), team_address=team_address, team_read_only=read_only)
        try:
            for number, (name, step) in enumerate(steps, start=1):
                try:
                    said = step(run)
                except StepFailed as exc:
                    _say(f"FAIL {number}. {name}: {exc}")
                    return 1
                except Exception as exc:  # an unexpected error is a failed step, named
                    _say(f"FAIL {number}. {name}: {_reason(exc)}")
                    return 1
                _say(f"ok  {number}. {said or name}")
        finally:
            if run.store is not None:
                run.store.close()
            if run.team is not None:
                run.team.close()
    _say(f"all {len(steps)} steps passed")
    return 0


def _reason(exc: Exception) -> str:
    """The store's own sentence (it names the database and what to do); else the error's
    type and message, for a failure the self-test did not foresee. On one line, as every
    step's report is: a driver that did not load lists each attempt on a line of its own."""
    from eventdesk.store import StoreError

    text = str(exc) if isinstance(exc, StoreError) else f"{type(exc).__name__}: {exc}"
    return " ".join(text.split())


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))
