"""The finish of a Word document after docxtpl has filled it in.

Why after rendering and not only in the templates: a user's copy of a
template, made from an older one or restyled in Word, gets the same finish,
and some of it depends on what was filled in (which columns have content,
which text is Chinese, what the document is called). What is done:

* fonts: styles name only the fonts they mean; a theme font named beside
  them (``asciiTheme="majorHAnsi"``) wins over ``ascii="Arial"`` in Word and
  LibreOffice, so every theme reference is removed and the document default
  names the Normal style's fonts;
* language: each run with Chinese characters is tagged ``zh-CN``, ``zh-HK`` or
  ``zh-TW`` (:mod:`eventdesk.summary.chinese`), so a Chinese face is chosen;
* tables: rows never split over a page, the heading row repeats on each page,
  a column with nothing under its heading is left out (whatever its heading's
  language), and columns are as wide as their content asks within the text
  width, one set of widths for the tables of one kind (the attendee tables);
* page ends: a numbered run of paragraphs (the agenda) kept on one page;
* the running header: its right tab stop at the section's text width (in
  portrait and landscape alike), and the page fields styled as its text;
* properties: title, subject, author (our organisation, else "EventDesk"),
  created and modified now; no template leftovers and no blank thumbnail.
"""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from eventdesk import __version__
from eventdesk.summary import docx_tables
from eventdesk.summary.chinese import chinese_language, has_chinese
from eventdesk.summary.chinese import document_language as language_of
from eventdesk.summary.view import Page

THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
SUBJECTS = {
    "news": "News release",
    "minutes": "Minutes",
    "report": "Period report",
    "courses": "Course-shortlist register",
}
_RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def finish(document: Any, name: str, context: Page) -> None:
    """Apply every part of the finish to a rendered python-docx ``Document``."""
    name_only_meant_fonts(document)
    set_language(document, document_language(document, context))
    for root in _story_roots(document):
        tag_chinese_runs(root)
    width = _text_width(document.sections[-1])
    docx_tables.finish_tables([table._tbl for table in document.tables], width)
    keep_numbered_runs_together(document)
    for section in document.sections:
        lay_out_header(document, section)
    set_properties(document, name, context)


# -- fonts -------------------------------------------------------------------------------


def name_only_meant_fonts(document: Any) -> None:
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(attr), None)
    normal = next((s for s in document.styles if s.type == 1 and s.style_id == "Normal"), None)
    meant = normal.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") if normal is not None else None
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if defaults is None:
        return
    if meant is not None:
        fonts = docx_tables.leading_child(defaults, "w:rFonts")
        for attr in FONT_ATTRIBUTES:
            if meant.get(qn(attr)):
                fonts.set(qn(attr), meant.get(qn(attr)))


# -- language ----------------------------------------------------------------------------


def document_language(document: Any, context: Page) -> tuple[str, str]:
    """The document's language and the East Asian language of its Chinese."""
    text = " ".join(t.text or "" for t in document.element.iter(qn("w:t")))
    return language_of(getattr(context, "lang", "en"), text), chinese_language(text)


def _lang_of(rpr: Any) -> Any:
    """The ``w:lang`` of run properties (``w:rPr``), added when missing.

    The schema orders a ``w:rPr``'s children: a new ``w:lang`` goes before
    those that follow it (``_RPR_AFTER_LANG``), not simply at the end.
    """
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        later = [rpr.find(qn(tag)) for tag in _RPR_AFTER_LANG]
        later = [e for e in later if e is not None]
        if later:
            later[0].addprevious(lang)
        else:
            rpr.append(lang)
    return lang


def set_language(document: Any, languages: tuple[str, str]) -> None:
    """Name the language in the styles' run defaults (``w:lang``) and the properties.

    Word's spelling and LibreOffice's choice of face and line breaking follow
    it; a Chinese document marked ``en`` was checked as English.
    """
    language, east_asian = languages
    defaults = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"
    )
    if defaults is not None:
        lang = _lang_of(defaults)
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), east_asian)
    document.core_properties.language = language


def _header_roots(document: Any, section: Any) -> list[Any]:
    """The XML of a section's headers and footers, as docxtpl left them.

    docxtpl renders a header into a new part behind the same relationship, so
    the parts are found through the relationships, not python-docx's cache.
    """
    roots = []
    for ref in section._sectPr:
        if ref.tag in (qn("w:headerReference"), qn("w:footerReference")):
            part = document.part.rels[ref.get(qn("r:id"))].target_part
            roots.append((ref.tag, getattr(part, "_element", None)))
    return [(tag, root) for tag, root in roots if root is not None]


def _story_roots(document: Any) -> list[Any]:
    roots = [document.element]
    for section in document.sections:
        roots.extend(root for _, root in _header_roots(document, section))
    return roots


def tag_chinese_runs(root: Any) -> int:
    """Give each run with Chinese characters its East Asian language; return how many."""
    tagged = 0
    for run in root.iter(qn("w:r")):
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if not has_chinese(text):
            continue
        lang = _lang_of(docx_tables.leading_child(run, "w:rPr"))
        lang.set(qn("w:eastAsia"), chinese_language(text))
        tagged += 1
    return tagged


# -- page ends ---------------------------------------------------------------------------

_NUMBERED = re.compile(r"(\d+)\. ")


def keep_numbered_runs_together(document: Any) -> int:
    """Keep a run of numbered paragraphs ("1. Opening ceremony", "2. …": the agenda) on
    one page: each but the last keeps with the next. Return how many were kept.

    Word's widow control keeps the lines of one paragraph, not a list of them,
    so the agenda's last item could open a page alone.
    """
    kept = 0
    paragraphs = document.paragraphs
    for this, following in pairwise(paragraphs):
        a, b = _NUMBERED.match(this.text), _NUMBERED.match(following.text)
        if a and b and int(b.group(1)) == int(a.group(1)) + 1 and this.style == following.style:
            this.paragraph_format.keep_with_next = True
            kept += 1
    return kept


# -- the running header ------------------------------------------------------------------


def _text_width(section: Any) -> int:
    """The width between the margins in twips (A4 portrait's 170 mm when a template omits it)."""
    sizes = (section.page_width, section.left_margin, section.right_margin)
    if any(size is None for size in sizes):
        return 9638
    width, left, right = sizes
    return int((width - left - right) / 635)  # EMU to twips


def lay_out_header(document: Any, section: Any) -> None:
    """Right tab at the text width; page fields in their own runs, styled as the header."""
    width = _text_width(section)
    for tag, root in _header_roots(document, section):
        if tag != qn("w:headerReference"):
            continue
        for p in root.iter(qn("w:p")):
            if not any(t.getparent().tag == qn("w:r") for t in p.iter(qn("w:tab"))):
                continue
            ppr = p.get_or_add_pPr()
            old = ppr.find(qn("w:tabs"))
            if old is not None:
                ppr.remove(old)
            tabs = OxmlElement("w:tabs")
            for pos in _style_tab_positions(document, ppr):
                clear = OxmlElement("w:tab")
                clear.set(qn("w:val"), "clear")
                clear.set(qn("w:pos"), str(pos))
                tabs.append(clear)
            right = OxmlElement("w:tab")
            right.set(qn("w:val"), "right")
            right.set(qn("w:pos"), str(width))
            tabs.append(right)
            style = ppr.find(qn("w:pStyle"))
            if style is not None:
                style.addnext(tabs)
            else:
                ppr.insert(0, tabs)
            _split_field_runs(p)


def _style_tab_positions(document: Any, ppr: Any) -> list[int]:
    """Tab stops the paragraph's style (and the styles it is based on) sets."""
    style_el = ppr.find(qn("w:pStyle"))
    ids = {s.style_id: s for s in document.styles if s.type == 1}
    style = ids.get(style_el.get(qn("w:val"))) if style_el is not None else None
    positions: list[int] = []
    while style is not None:
        for tab in style.element.iter(qn("w:tab")):
            if tab.get(qn("w:val")) != "clear":
                positions.append(int(tab.get(qn("w:pos"))))
        style = style.base_style
    return positions


def _split_field_runs(p: Any) -> None:
    """Each fldChar and instrText in a run of its own, all with the header text's format."""
    runs = p.findall(qn("w:r"))
    model = next((r.find(qn("w:rPr")) for r in runs if r.find(qn("w:rPr")) is not None), None)
    for run in runs:
        pieces = [c for c in run if c.tag != qn("w:rPr")]
        if not any(c.tag in (qn("w:fldChar"), qn("w:instrText")) for c in pieces):
            continue
        anchor = run
        for piece in pieces:
            new = OxmlElement("w:r")
            if model is not None:
                new.append(copy.deepcopy(model))
            new.append(piece)
            anchor.addnext(new)
            anchor = new
        p.remove(run)
    if model is not None:
        for run in p.findall(qn("w:r")):
            if run.find(qn("w:rPr")) is None:
                run.insert(0, copy.deepcopy(model))


# -- properties --------------------------------------------------------------------------


def set_properties(document: Any, name: str, context: Page) -> None:
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    ours = getattr(context, "ours", None)
    author = (ours.name if ours else "") or "EventDesk"
    title = next(
        (p.text for p in document.paragraphs if p.style is not None and p.style.name == "Title"),
        "",
    ) or str(getattr(context, "title", "") or context.header or "")
    subject = SUBJECTS.get(name, name)
    meeting = getattr(context, "meeting", None)
    if meeting is not None and meeting.title:
        subject = f"{subject}: {meeting.title}"
    props = document.core_properties
    props.title = title
    props.subject = subject
    props.author = author
    props.last_modified_by = author
    props.created = now
    props.modified = now
    props.comments = ""
    props.keywords = ", ".join(meeting.tags if meeting else [])
    props.category = SUBJECTS.get(name, "")
    props.revision = 1
    props.identifier = ""
    props.content_status = meeting.status_label if meeting else ""
    _drop_thumbnail(document)
    _own_app_properties(document, ours.name if ours else "")


def _drop_thumbnail(document: Any) -> None:
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)


def _own_app_properties(document: Any, company: str) -> None:
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = (
                "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                'extended-properties">'
                f"<Application>EventDesk {escape(__version__)}</Application>"
                f"<Company>{escape(company)}</Company>"
                "</Properties>"
            ).encode()
