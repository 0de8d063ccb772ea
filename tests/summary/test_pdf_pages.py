"""Where the PDF's pages end, read through ``pdftotext -layout`` as search and copy see it."""

from __future__ import annotations

from eventdesk.summary import write_summary
from tests.tools import pdftotext_pages

HEADINGS = {
    "Attendees",
    "Our delegation",
    "Partners",
    "Others",
    "Agenda",
    "Speeches and presentations",
    "Courses",
    "Decisions and action items",
    "Photos",
    "Background",
}


def _body_lines(page: str) -> list[str]:
    """The page's lines without the running header (its first line) and blank lines."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return lines[1:]


def test_no_heading_ends_a_page_of_the_minutes(sample_store, meeting_id, tmp_path):
    path = tmp_path / "minutes.pdf"
    write_summary(sample_store, meeting_id, "minutes", path)

    pages = pdftotext_pages(path)
    assert len(pages) >= 3
    for n, page in enumerate(pages[:-1], 1):
        last = _body_lines(page)[-1]
        assert last not in HEADINGS, f"page {n} ends with the heading {last!r}"
        assert not last[:3].rstrip(".").isdigit(), f"page {n} ends with {last!r}"
    starts = [_body_lines(p)[0] for p in pages[1:]]
    assert "Others" in starts and "Photos" in starts  # moved whole to the next page


def test_no_line_is_in_the_text_twice_across_a_page_break(sample_store, meeting_id, tmp_path):
    for template in ("news", "minutes"):
        path = tmp_path / f"{template}.pdf"
        write_summary(sample_store, meeting_id, template, path)
        pages = pdftotext_pages(path)
        for n in range(len(pages) - 1):
            end = _body_lines(pages[n])[-3:]
            start = _body_lines(pages[n + 1])[:3]
            twice = [line for line in end if line in start and len(line) > 20]
            assert not twice, f"{template} pages {n + 1}-{n + 2} both show {twice}"
        text = "\n".join(pages)
        if template == "news":
            assert text.count("universities: eight in Shanghai and eight in Hong Kong") == 1
