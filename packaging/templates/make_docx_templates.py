"""Make the Word templates of the summaries: resources/templates/*.docx.

Why Word templates: office staff restyle documents in Word (letterhead, fonts,
margins), not in HTML. These files are ordinary .docx documents with Jinja
tags (docxtpl) in their text; a user copies one into the templates folder,
changes it in Word, keeps the tags, and EventDesk fills it in.

The sentences are not written here: ``{{ b.text }}`` is a paragraph written
by ``news_prose.txt.j2``, shared with the PDF and HTML output.

Run from the repository root after changing this script::

    .venv/bin/python packaging/templates/make_docx_templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[2] / "resources" / "templates"
LATIN = "Arial"
EAST_ASIAN = "Microsoft YaHei"  # on every Windows since Vista; Word substitutes elsewhere


def _fonts(style, size: float | None = None, colour: RGBColor | None = None) -> None:
    style.font.name = LATIN
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN)
    if size:
        style.font.size = Pt(size)
    if colour is not None:
        style.font.color.rgb = colour


def _plain_style(style, *, italic: bool = False, bold: bool | None = None) -> None:
    """Drop what the default template's style adds beyond our fonts: theme colours,
    letter spacing, borders, list numbering; keep size and colour set here."""
    for parent_tag in ("w:rPr", "w:pPr"):
        parent = style.element.find(qn(parent_tag))
        if parent is None:
            continue
        for tag in ("w:spacing", "w:pBdr", "w:numPr", "w:i", "w:iCs", "w:color", "w:kern"):
            if parent_tag == "w:pPr" and tag == "w:spacing":
                continue  # paragraph spacing (space after) stays
            for el in parent.findall(qn(tag)):
                parent.remove(el)
    style.font.italic = italic or None
    if bold is not None:
        style.font.bold = bold


def new_document(lang: str = "en") -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.PORTRAIT
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    navy = RGBColor(0x14, 0x32, 0x5C)
    grey = RGBColor(0x44, 0x44, 0x44)
    _fonts(doc.styles["Normal"], 10.5)
    # As the PDF: navy bold headings, the Chinese title plain grey, captions small grey, italic
    # in English only (Chinese type has no italic; a slanted Chinese caption is a fault).
    _plain_style(doc.styles["Title"], bold=True)
    _plain_style(doc.styles["Subtitle"])
    _plain_style(doc.styles["Caption"], italic=lang != "zh", bold=False)
    for name, size, colour in (
        ("Title", 17, navy),
        ("Subtitle", 12, grey),
        ("Heading 1", 13, navy),
        ("Heading 2", 11, None),
        ("Caption", 9, RGBColor(0x55, 0x55, 0x55)),
    ):
        _fonts(doc.styles[name], size, colour)
    doc.styles["Heading 2"].font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    doc.styles["Title"].paragraph_format.keep_with_next = True
    doc.styles["Subtitle"].paragraph_format.space_after = Pt(10)
    _header(doc)
    return doc


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in on each page: one run per part,
    as Word writes it, so each part carries the header's size and colour."""
    for kind, text in (
        ("begin", None),
        (None, code),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText" if text == code else "w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} " if text == code else text
        run._r.append(el)


def _header(doc) -> None:
    """The running header: title and date on the left, "n / N" on the right."""
    section = doc.sections[0]
    p = section.header.paragraphs[0]
    p.text = "{{ header }}\t"
    width = section.page_width - section.left_margin - section.right_margin
    p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    _field(p, "PAGE")
    p.add_run(" / ")
    _field(p, "NUMPAGES")
    for run in p.runs:
        run.font.size = Pt(8.5)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def tag(doc, text: str) -> None:
    """A paragraph holding only a docxtpl block tag; docxtpl removes it."""
    doc.add_paragraph(text)


def warnings(doc) -> None:
    tag(doc, "{%p for w in warnings %}")
    p = doc.add_paragraph()
    run = p.add_run("{{ w }}")
    run.bold = True
    run.font.color.rgb = RGBColor(0x9C, 0x1C, 0x1C)
    tag(doc, "{%p endfor %}")


def photos(doc, items: str, lang: str = "en") -> None:
    tag(doc, f"{{%p for ph in {items} %}}")
    p = doc.add_paragraph("{{ ph.image }}")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True  # the photo stays with its caption
    credit = "（摄影：{{ ph.credit }}）" if lang == "zh" else " (Photo: {{ ph.credit }})"
    c = doc.add_paragraph(
        "{{ ph.caption }}{% if ph.credit %}" + credit + "{% endif %}", style="Caption"
    )
    c.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tag(doc, "{%p endfor %}")


def _heading_row(t, headings: list[str]) -> None:
    """Bold headings in a row Word repeats at the top of each page the table runs onto."""
    for cell, text in zip(t.rows[0].cells, headings, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    t.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def table(doc, headings: list[str], cells: list[str], loop: str, end: str = "{%tr endfor %}"):
    """A table: a heading row, then one row per item of ``loop`` ("{%tr for x in xs %}")."""
    t = doc.add_table(rows=4, cols=len(headings))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    _heading_row(t, headings)
    t.rows[1].cells[0].text = loop
    for cell, text in zip(t.rows[2].cells, cells, strict=True):
        cell.text = text
    t.rows[3].cells[0].text = end
    return t


#: The words of the minutes' headings, in English and in Chinese (minutes_zh.docx).
WORDS = {
    "en": {
        "title": "Minutes: {{ meeting.title }}",
        "other_title": "meeting.title_zh",
        "attendees": "Attendees",
        "attendee_columns": ["Name", "Chinese name", "Title", "Role", "Notes"],
        "other_name": "{{ p.name_zh }}",
        "agenda": "Agenda",
        "chaired": "{% if s.chair %}, chaired by {{ s.chair }}{% endif %}",
        "time": "{% if s.time %} ({{ s.time }}){% endif %}",
        "speeches": "Speeches and presentations",
        "talk": '{% if t.title %}: "{{ t.title }}"{% endif %}, {{ t.speaker_phrase }}.',
        "courses": "Courses",
        "course_columns": ["Course", "Institution", "Programme", "Year", "Status"],
        "decisions": "Decisions and action items",
        "decision_columns": ["Kind", "Decision", "Concerns", "Owner, due"],
        "count": "Count: {{ d.count }} {{ d.count_unit }}",
        "photos": "Photos",
        "background": "Background",
        "facts": "facts",
    },
    "zh": {
        "title": "会议纪要：{{ meeting.title }}",
        "other_title": "meeting.title_en",
        "attendees": "出席人员",
        "attendee_columns": ["姓名", "英文姓名", "职务", "角色", "备注"],
        "other_name": "{{ p.name_latin }}",
        "agenda": "议程",
        "chaired": "{% if s.chair %}，主持：{{ s.chair }}{% endif %}",
        "time": "{% if s.time %}（{{ s.time }}）{% endif %}",
        "speeches": "致辞与报告",
        "talk": "{% if t.title %}：《{{ t.title }}》{% endif %}，{{ t.speaker_phrase }}。",
        "courses": "课程",
        "course_columns": ["课程", "开课单位", "项目", "年度", "状态"],
        "decisions": "决定、讨论议题与待办事项",
        "decision_columns": ["类别", "内容", "涉及", "负责人、完成日期"],
        "count": "数量：{{ d.count }} {{ d.count_unit }}",
        "photos": "照片",
        "background": "背景",
        "facts": "fact_rows",
    },
}


def news(lang: str = "en") -> Document:
    doc = new_document(lang)
    warnings(doc)
    doc.add_paragraph("{{ news.headline }}", style="Title")
    if lang == "en":
        tag(doc, "{%p if meeting.title_zh %}")
        doc.add_paragraph("{{ meeting.title_zh }}", style="Subtitle")
        tag(doc, "{%p endif %}")
    tag(doc, "{%p for b in news.blocks %}")
    tag(doc, "{%p if b.text %}")
    doc.add_paragraph("{{ b.text }}")
    tag(doc, "{%p endif %}")
    photos(doc, "b.photos", lang)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for para in news.background %}")
    doc.add_paragraph("{{ para }}")
    tag(doc, "{%p endfor %}")
    return doc


def minutes(lang: str = "en") -> Document:
    w = WORDS[lang]
    doc = new_document(lang)
    warnings(doc)
    doc.add_paragraph(w["title"], style="Title")
    tag(doc, f"{{%p if {w['other_title']} %}}")
    doc.add_paragraph(f"{{{{ {w['other_title']} }}}}", style="Subtitle")
    tag(doc, "{%p endif %}")
    facts = doc.add_table(rows=3, cols=2)
    facts.rows[0].cells[0].text = f"{{%tr for label, value in {w['facts']} %}}"
    facts.rows[1].cells[0].text = "{{ label }}"
    facts.rows[1].cells[1].text = "{{ value }}"
    facts.rows[2].cells[0].text = "{%tr endfor %}"
    tag(doc, "{%p for para in meeting.summary %}")
    doc.add_paragraph("{{ para }}")
    tag(doc, "{%p endfor %}")

    tag(doc, "{%p if sides %}")
    doc.add_heading(w["attendees"], level=1)
    tag(doc, "{%p for side in sides %}")
    doc.add_heading("{{ side.label }}", level=2)
    # Notes: an attendee's particulars (a gift); left out of a document where all are empty
    t = doc.add_table(rows=7, cols=5)
    t.style = doc.styles["Table Grid"]
    _heading_row(t, w["attendee_columns"])
    t.rows[1].cells[0].text = "{%tr for g in side.groups %}"
    org = t.rows[2].cells[0].merge(t.rows[2].cells[4])
    org.text = "{{ g.organisation }}"
    org.paragraphs[0].runs[0].bold = True
    t.rows[3].cells[0].text = "{%tr for p in g.people %}"
    for cell, text in zip(
        t.rows[4].cells,
        [
            "{{ p.name }}",
            w["other_name"],
            "{{ p.title_with_capacity }}",
            "{{ p.role_label }}",
            "{{ p.particulars }}",
        ],
        strict=True,
    ):
        cell.text = text
    t.rows[5].cells[0].text = "{%tr endfor %}"
    t.rows[6].cells[0].text = "{%tr endfor %}"
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if sessions %}")
    doc.add_heading(w["agenda"], level=1)
    tag(doc, "{%p for s in sessions %}")
    doc.add_paragraph("{{ s.number }}. {{ s.title }}" + w["time"] + w["chaired"])
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if presentations or proceedings %}")
    doc.add_heading(w["speeches"], level=1)
    tag(doc, "{%p for s in proceedings %}")
    doc.add_heading("{{ loop.index }}. {{ s.title }}", level=2)
    tag(doc, "{%p for t in s.speeches + s.talks %}")
    p = doc.add_paragraph()
    p.add_run("{{ t.kind_label }}").bold = True
    p.add_run(w["talk"])
    tag(doc, "{%p if t.abstract %}")
    doc.add_paragraph("{{ t.abstract }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if s.notes %}")
    doc.add_paragraph("{{ s.notes }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if courses %}")
    doc.add_heading(w["courses"], level=1)
    t = table(
        doc,
        w["course_columns"],
        [
            "{{ x.title }}",
            "{{ x.institution }}",
            "{{ x.programme }}",
            "{{ x.year }}",
            "{{ x.status }}",
        ],
        "{%tr for x in course_rows %}",
    )
    cell = t.rows[2].cells[0]  # the Chinese title under the English one, as in the PDF
    cell.add_paragraph("{%p if x.title_zh %}")
    cell.add_paragraph("{{ x.title_zh }}")
    cell.add_paragraph("{%p endif %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if decisions %}")
    doc.add_heading(w["decisions"], level=1)
    t = table(
        doc,
        w["decision_columns"],
        [
            "{{ d.kind_label }}",
            "{{ d.text }}",
            "{{ d.concerns }}",
            "{{ d.owner_due }}",
        ],
        "{%tr for d in decisions %}",
    )
    # The count on a line of its own, as in the PDF: "Count: 10 students (free places)".
    cell = t.rows[2].cells[1]
    cell.add_paragraph("{%p if d.count %}")
    cell.add_paragraph(w["count"])
    cell.add_paragraph("{%p endif %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if photos %}")
    doc.add_heading(w["photos"], level=1)
    photos(doc, "photos", lang)
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if news.background %}")
    doc.add_heading(w["background"], level=1)
    tag(doc, "{%p for para in news.background %}")
    doc.add_paragraph("{{ para }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    return doc


def report() -> Document:
    doc = new_document()
    warnings(doc)
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("{{ count_text }}{% if filters %} {{ filters }}{% endif %}.")
    tag(doc, "{%p if meetings %}")
    table(
        doc,
        ["Date", "Meeting", "Format", "Our delegation"],
        [
            "{{ c.meeting.date }}",
            "{{ c.meeting.title }}",
            "{{ c.meeting.format_label }}",
            "{{ c.delegation }}",
        ],
        "{%tr for c in meetings %}",
    )
    tag(doc, "{%p for c in meetings %}")
    doc.add_heading("{{ c.meeting.title }}", level=1)
    tag(doc, "{%p for b in c.news.blocks %}")
    tag(doc, "{%p if b.text %}")
    doc.add_paragraph("{{ b.text }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    return doc


def courses() -> Document:
    doc = new_document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    warnings(doc)
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("{{ count_text }}, as recorded on {{ today }}.")
    tag(doc, "{%p if courses %}")
    table(
        doc,
        ["Year", "Course", "Institution", "Programme", "Teachers", "Status", "Announced at"],
        [
            "{{ x.year }}",
            "{{ x.title }}",
            "{{ x.institution }}",
            "{{ x.programme }}",
            "{{ x.teachers }}",
            "{{ x.status }}",
            "{{ x.meeting }}",
        ],
        "{%tr for x in courses %}",
    )
    tag(doc, "{%p endif %}")
    return doc


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in (
        ("news", news),
        ("minutes", minutes),
        ("news_zh", lambda: news("zh")),
        ("minutes_zh", lambda: minutes("zh")),
        ("report", report),
        ("courses", courses),
    ):
        target = OUT / f"{name}.docx"
        make().save(str(target))
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
