"""Chinese text prints without system fonts; a character no font has is named, never dropped.

Given the bundled subset of Noto Sans CJK, the names and organisations an
office writes are all covered, those of Hong Kong and Taiwan too; given a
character outside it (U+20000, from CJK Extension B), every output carries a
visible warning naming it. (test_fonts_without_system_fonts.py runs the same
through the command line with no system font, and with one that has U+20000.)
"""

from __future__ import annotations

import base64
import io
import re

import pytest

from eventdesk.summary import fonts, write_summary
from tests.summary.conftest import read_back, save_meeting

RARE = "\U00020000"
HK_TW = "衞峯綫邨裏麪燊旻瑋煒滙鎧頴灝"


def test_the_bundled_font_covers_names_organisations_and_latin():
    text = "丁晓东 成旦红 嶺南大學 香港浸會大學 上海理工大学 Café naïve – “quotes” 1/2 №"
    assert fonts.missing_glyphs(text + HK_TW) == []


def test_the_bundled_font_is_licensed():
    files = fonts.font_files()
    assert [f.name for f in files] == [
        "NotoSansCJKsc-Subset-Bold.otf",
        "NotoSansCJKsc-Subset-Regular.otf",
    ]
    licence = (files[0].parent / "OFL.txt").read_text(encoding="utf-8")
    assert licence.count("OPEN FONT LICENSE") and "DejaVu changes are in public domain" in licence


def test_the_document_font_is_asked_for_pdf_and_preview(qapp):
    """Qt's layout of the document font: the bundled font's characters and nothing else."""
    assert fonts.qt_missing(["衞", "a", "峯"]) == []
    assert fonts.missing_glyphs(f"衞峯 x{RARE}", use_qt=True) == fonts.qt_missing([RARE])


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


def test_a_chinese_document_warns_in_chinese(fresh_store, tmp_path, capsys):
    meeting = save_meeting(fresh_store, f"Visit of the {RARE} delegation")
    path = tmp_path / "news.html"
    *_no_chinese_title, warning = write_summary(fresh_store, meeting, "news", path, lang="zh")
    assert warning.startswith("本文件有 1 个字符没有可用的字体显示") and "U+20000" in warning
    assert warning in read_back(path)


def test_no_warning_for_the_example_meeting(sample_store, meeting_id, tmp_path, capsys):
    assert write_summary(sample_store, meeting_id, "minutes", tmp_path / "m.pdf") == []
    assert capsys.readouterr().err == ""


def test_the_html_font_subset_covers_hong_kong_names(fresh_store, tmp_path):
    from fontTools.ttLib import TTFont

    meeting = save_meeting(fresh_store, f"Visit of {HK_TW}")
    path = tmp_path / "news.html"
    assert write_summary(fresh_store, meeting, "news", path) == []
    embedded = re.findall(r"data:font/otf;base64,([A-Za-z0-9+/=]+)", path.read_text("utf-8"))
    assert len(embedded) == 2  # regular and bold
    for data in embedded:
        cmap = TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap()
        assert [c for c in HK_TW if ord(c) not in cmap] == []


def test_html_carries_the_font_it_needs(sample_store, meeting_id, tmp_path):
    path = tmp_path / "news.html"
    write_summary(sample_store, meeting_id, "news", path)
    page = path.read_text(encoding="utf-8")
    assert "@font-face" in page and "data:font/otf;base64," in page
    assert "font-weight: normal" in page and "font-weight: bold" in page
    assert "data:image/png;base64," in page
    assert path.stat().st_size < 1024 * 1024
