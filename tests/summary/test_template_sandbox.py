"""A template someone shares cannot run code, hang the program or fill the memory.

Given a hostile template in the user's templates folder (HTML or Word), when a
summary is written with it, then it is refused with one line naming the file
(and line), and no summary file is written.
"""

from __future__ import annotations

import pytest

from eventdesk.summary import SummaryError, copy_templates_for_editing, sandbox, write_summary

ESCAPE = '{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen("id").read() }}'


def _html_template(text: str):
    folder = copy_templates_for_editing()
    (folder / "news.html.j2").write_text(text, encoding="utf-8")
    return folder / "news.html.j2"


def _docx_template(text: str):
    from docx import Document

    folder = copy_templates_for_editing()
    doc = Document(str(folder / "news.docx"))
    doc.add_paragraph(text)
    doc.save(str(folder / "news.docx"))
    return folder / "news.docx"


def _refused(store, meeting_id, out) -> str:
    with pytest.raises(SummaryError) as caught:
        write_summary(store, meeting_id, "news", out)
    assert not out.exists()
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_an_html_template_cannot_run_a_command(sample_store, meeting_id, tmp_path):
    path = _html_template(f"<h1>{{{{ meeting.title }}}}</h1>\n<p>{ESCAPE}</p>\n")
    message = _refused(sample_store, meeting_id, tmp_path / "news.html")
    assert f"{path}, line 2" in message and "uid=" not in message


def test_a_word_template_cannot_run_a_command(sample_store, meeting_id, tmp_path):
    path = _docx_template(ESCAPE)
    message = _refused(sample_store, meeting_id, tmp_path / "news.docx")
    assert f"Template error in {path}" in message and "uid=" not in message


def test_a_billion_step_loop_is_refused_at_once(sample_store, meeting_id, tmp_path):
    path = _html_template("<p>\n{% for x in range(10**9) %}{{ x }}{% endfor %}</p>")
    message = _refused(sample_store, meeting_id, tmp_path / "news.html")
    assert f"{path}, line 2" in message and "range() of 1,000,000,000 numbers" in message


def test_a_word_template_loop_is_refused(sample_store, meeting_id, tmp_path):
    _docx_template("{% for x in range(10**9) %}{{ x }}{% endfor %}")
    assert "range()" in _refused(sample_store, meeting_id, tmp_path / "news.docx")


def test_nested_loops_stop_at_the_time_budget(sample_store, meeting_id, tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.5)
    _html_template(
        "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}"
        "{% endfor %}{% endfor %}{% endfor %}"
    )
    assert "took too long (more than 0.5 seconds)" in _refused(
        sample_store, meeting_id, tmp_path / "news.html"
    )


@pytest.mark.parametrize(
    "expression",
    [
        '"x" * 10**9',
        "[1] * 10**9",
        "2 ** 999999999",
        '"%999999999d" % 1',
        '"{:999999999}".format(1)',
        '"x"|center(999999999)',
    ],
)
def test_a_huge_value_is_refused_before_it_is_made(sample_store, meeting_id, tmp_path, expression):
    path = _html_template(f"<p>\n{{{{ {expression} }}}}</p>")
    message = _refused(sample_store, meeting_id, tmp_path / "news.html")
    assert f"{path}, line 2" in message


def test_doubling_a_string_is_stopped(sample_store, meeting_id, tmp_path):
    _html_template(
        "{% set ns = namespace(s='xxxxxxxx') %}"
        "{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"
    )
    assert "characters" in _refused(sample_store, meeting_id, tmp_path / "news.html")


def test_output_past_the_budget_is_stopped(sample_store, meeting_id, tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "MAX_OUTPUT_CHARS", 1_000_000)
    _html_template('{% for i in range(1000) %}{{ "x" * 2000 }}{% endfor %}')
    message = _refused(sample_store, meeting_id, tmp_path / "news.html")
    assert "output passed 1,000,000 characters" in message


def test_the_built_in_templates_render_in_the_sandbox(sample_store, meeting_id, tmp_path):
    for suffix in ("html", "docx"):
        out = tmp_path / f"news.{suffix}"
        write_summary(sample_store, meeting_id, "news", out)
        assert out.stat().st_size > 1000
