"""Chinese text prints without system fonts; a character no font has is named, never dropped.

Given the bundled subset of Noto Sans CJK, the names and organisations an
office writes are all covered; given a character outside it (U+20000, from
CJK Extension B), every output carries a visible warning naming it.
"""

from __future__ import annotations

import pytest

from eventdesk.summary import fonts, write_summary
from tests.summary.conftest import read_back, save_meeting

RARE = "\U00020000"


def test_the_bundled_font_covers_names_organisations_and_latin():
    text = "丁晓东 成旦红 嶺南大學 香港浸會大學 上海理工大学 Café naïve – “quotes” 1/2 №"
    assert fonts.missing_glyphs(text) == []


def test_the_bundled_font_is_small_and_licensed():
    files = fonts.font_files()
    assert files and sum(f.stat().st_size for f in files) < 6 * 1024 * 1024
    assert (files[0].parent / "OFL.txt").read_text(encoding="utf-8").count("OPEN FONT LICENSE")


def test_a_missing_character_is_named():
    assert fonts.missing_glyphs(f"丁{RARE}x{RARE}") == [RARE]
    assert "U+20000 CJK UNIFIED IDEOGRAPH-20000" in fonts.warning_for([RARE])


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_every_output_warns_about_a_character_no_font_has(fresh_store, tmp_path, suffix, capsys):
    meeting = save_meeting(fresh_store, f"Visit of the {RARE} delegation")
    path = tmp_path / f"news{suffix}"
    warnings = write_summary(fresh_store, meeting, "news", path)
    assert len(warnings) == 1 and "U+20000" in warnings[0]
    assert "U+20000 CJK UNIFIED IDEOGRAPH-20000" in read_back(path)
    assert "U+20000" in capsys.readouterr().err


def test_no_warning_for_the_example_meeting(sample_store, meeting_id, tmp_path, capsys):
    assert write_summary(sample_store, meeting_id, "minutes", tmp_path / "m.pdf") == []
    assert capsys.readouterr().err == ""


def test_html_carries_the_font_it_needs(sample_store, meeting_id, tmp_path):
    path = tmp_path / "news.html"
    write_summary(sample_store, meeting_id, "news", path)
    page = path.read_text(encoding="utf-8")
    assert "@font-face" in page and "data:font/otf;base64," in page
    assert "font-weight: normal" in page and "font-weight: bold" in page
    assert "data:image/png;base64," in page
    assert path.stat().st_size < 1024 * 1024
