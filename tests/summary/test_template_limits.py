"""Every way a template can build a value is bounded, and a user's template can always be stopped.

Given a user's template that builds a value past the limit by any route
(``|join``, ``''.join``, ``.format``, ``%``, ``lipsum``, a big integer squared
in a loop, a list grown in a loop, a list printed whole), when its summary
is written, then it is refused at once with one line naming the file and line,
before the value is made. A step no check sees coming is stopped by the
process it renders in (``summary/isolation.py``) past its time budget, and
no summary file is left.
"""

from __future__ import annotations

import sys
import time

import pytest

from eventdesk.summary import SummaryError, copy_templates_for_editing, isolation, sandbox
from eventdesk.summary import write_summary as write

BIG = '{% set s = "x" * 60000000 %}'  # under the 64 Mi limit; three of it are not


def _template(text: str):
    folder = copy_templates_for_editing()
    (folder / "news.html.j2").write_text(text, encoding="utf-8")
    return folder / "news.html.j2"


def _refused(store, meeting_id, out) -> str:
    with pytest.raises(SummaryError) as caught:
        write(store, meeting_id, "news", out)
    assert not out.exists() and not list(out.parent.glob("*partial*"))
    assert "\n" not in str(caught.value)
    return str(caught.value)


@pytest.mark.parametrize(
    "body",
    [
        "{{ [s, s, s]|join }}",
        '{{ "".join([s, s, s]) }}',
        '{{ "-".join([s, s, s]|map("string")) }}',
        '{{ "{}{}{}".format(s, s, s) }}',
        '{{ "{0}{0}{0}".format(s) }}',
        '{{ "%s%s%s" % (s, s, s) }}',
        '{{ "%s%s%s"|format(s, s, s) }}',
        "{{ s ~ s ~ s }}",
        "{{ lipsum(n=100000) }}",
        "{% set n = namespace(v=3) %}{% for i in range(40) %}{% set n.v = n.v * n.v %}{% endfor %}",
        "{% set l = [] %}{% for i in range(10000) %}{% for j in range(10000) %}"
        "{% do l.append(j) %}{% endfor %}{% endfor %}",
        "{% set l = [1] %}{% for i in range(40) %}{% do l.extend(l) %}{% endfor %}",
        "{% set l = [] %}{% for i in range(10) %}{% do l.append(s) %}{% endfor %}{{ l }}",
        "{% set l = [] %}{% for i in range(10) %}{% do l.append(s) %}{% endfor %}{{ l|string }}",
    ],
)
def test_a_value_past_the_limit_is_refused_before_it_is_made(
    sample_store, meeting_id, tmp_path, body
):
    path = _template(f"<p>\n{BIG}{body}</p>")
    started = time.monotonic()
    message = _refused(sample_store, meeting_id, tmp_path / "news.html")
    assert f"Template error in {path}, line 2" in message
    assert any(w in message for w in ("characters", "bits", "items", "lipsum")), message
    assert time.monotonic() - started < 60


def test_one_endless_step_is_stopped_by_the_time_budget(
    sample_store, meeting_id, tmp_path, monkeypatch
):
    # textwrap on 60 million characters runs for minutes in one step: no check between steps
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 2.0)
    monkeypatch.setattr(isolation, "GRACE_SECONDS", 1.0)
    out = tmp_path / "news.html"
    out.write_text("the summary of last week", encoding="utf-8")
    _template(BIG + "{{ s|wordwrap(3) }}")
    started = time.monotonic()
    with pytest.raises(SummaryError, match=r"template took too long \(more than 2 seconds\)"):
        write(sample_store, meeting_id, "news", out)
    assert time.monotonic() - started < 30
    assert out.read_text(encoding="utf-8") == "the summary of last week"  # the old file is kept
    assert not list(tmp_path.glob("*partial*"))


def test_the_next_summary_after_a_stopped_one_is_made(sample_store, meeting_id, tmp_path):
    _template("<h1>{{ meeting.title }}</h1>")
    write(sample_store, meeting_id, "news", tmp_path / "news.html")
    assert "Shanghai-Hong Kong" in (tmp_path / "news.html").read_text(encoding="utf-8")


def test_templates_copied_for_editing_and_unchanged_render_in_place(sample_store, meeting_id):
    folder = copy_templates_for_editing()
    assert isolation.changed_templates(folder) == []
    assert not isolation.needed(sample_store)
    _template("<h1>{{ meeting.title }}</h1>")
    assert isolation.changed_templates(folder) == [folder / "news.html.j2"]
    assert isolation.needed(sample_store)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no address-space cap")
def test_a_template_past_the_memory_cap_is_stopped_in_words(
    sample_store, meeting_id, tmp_path, monkeypatch
):
    # Each value is within the sandbox's limits; forty of them are 2.4 GB.
    monkeypatch.setattr(isolation, "MAX_MEMORY", 2 * 2**30)
    _template(
        "<p>\n"
        + BIG
        + "{% set l = [] %}{% for i in range(40) %}{% do l.append(s ~ i) %}{% endfor %}"
        + "{{ l|length }}</p>"
    )
    message = _refused(sample_store, meeting_id, tmp_path / "news.html")
    assert "needed more memory than a template may use" in message
