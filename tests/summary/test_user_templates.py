"""Templates a user can change, and a clear line when a change breaks one.

Given the templates copied into the user's templates folder, when a user edits
one, then every summary follows the edit; when the edit is a mistake, then the
error names the file and the line, and nothing else is said.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.summary import (
    SummaryError,
    copy_templates_for_editing,
    render_html,
    templates_folder,
    write_summary,
)
from tests.summary.conftest import read_back


def test_copy_puts_every_template_in_the_user_folder(data_dir: Path):
    folder = copy_templates_for_editing()
    assert folder == templates_folder() == data_dir / "templates"
    names = {p.name for p in folder.iterdir()}
    assert {"news.html.j2", "minutes.html.j2", "news_prose.txt.j2"} <= names
    assert {"news.docx", "minutes.docx", "report.docx", "courses.docx"} <= names


def test_copy_keeps_a_users_edited_copy(data_dir: Path):
    folder = copy_templates_for_editing()
    (folder / "news.html.j2").write_text("mine", encoding="utf-8")
    copy_templates_for_editing()
    assert (folder / "news.html.j2").read_text(encoding="utf-8") == "mine"


def test_an_edited_html_template_overrides_the_built_in_one(sample_store, meeting_id):
    folder = copy_templates_for_editing()
    path = folder / "news.html.j2"
    path.write_text(
        path.read_text(encoding="utf-8").replace("<h1>", "<p>OUR LETTERHEAD</p><h1>"),
        encoding="utf-8",
    )
    assert "OUR LETTERHEAD" in render_html(sample_store, meeting_id, "news")


def test_edited_wording_reaches_the_word_document(sample_store, meeting_id, tmp_path):
    folder = copy_templates_for_editing()
    prose = folder / "news_prose.txt.j2"
    prose.write_text(
        prose.read_text(encoding="utf-8").replace("attended the meeting", "took part"),
        encoding="utf-8",
    )
    out = tmp_path / "news.docx"
    write_summary(sample_store, meeting_id, "news", out)
    text = read_back(out)
    assert "Mental Health Education and Counseling Center took part on behalf of USST" in text


def test_a_syntax_error_names_file_and_line(sample_store, meeting_id, tmp_path):
    folder = copy_templates_for_editing()
    (folder / "news.html.j2").write_text("<h1>ok</h1>\n<p>fine</p>\n{% if %}\n", encoding="utf-8")
    with pytest.raises(SummaryError) as caught:
        write_summary(sample_store, meeting_id, "news", tmp_path / "news.pdf")
    message = str(caught.value)
    assert str(folder / "news.html.j2") in message and "line 3" in message
    assert "\n" not in message


def test_a_runtime_error_names_file_and_line(sample_store, meeting_id, tmp_path):
    folder = copy_templates_for_editing()
    (folder / "minutes.html.j2").write_text(
        "<h1>{{ meeting.title }}</h1>\n<p>{{ meeting.no_such_field }}</p>\n", encoding="utf-8"
    )
    with pytest.raises(SummaryError) as caught:
        write_summary(sample_store, meeting_id, "minutes", tmp_path / "minutes.html")
    message = str(caught.value)
    assert "minutes.html.j2, line 2" in message and "no_such_field" in message


def test_a_broken_word_template_names_the_docx(sample_store, meeting_id, tmp_path):
    from docx import Document

    folder = copy_templates_for_editing()
    doc = Document(str(folder / "news.docx"))
    doc.add_paragraph("{% for x in %}")
    doc.save(str(folder / "news.docx"))
    with pytest.raises(SummaryError) as caught:
        write_summary(sample_store, meeting_id, "news", tmp_path / "news.docx")
    assert f"Template error in {folder / 'news.docx'}" in str(caught.value)


def test_a_restyled_word_template_is_used(sample_store, meeting_id, tmp_path):
    from docx import Document

    folder = copy_templates_for_editing()
    doc = Document(str(folder / "news.docx"))
    doc.paragraphs[0].insert_paragraph_before("University of Shanghai for Science and Technology")
    doc.save(str(folder / "news.docx"))
    out = tmp_path / "news.docx"
    write_summary(sample_store, meeting_id, "news", out)
    assert Document(str(out)).paragraphs[0].text.startswith("University of Shanghai")
