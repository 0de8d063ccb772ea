"""One Word document after another: the English half of a bilingual summary after the Chinese.

Why by hand: each half is filled in its own Word template (the office may
have restyled either), and python-docx has no "append a document". The
second body's paragraphs and tables are copied after a section break (a new
page), and each picture it holds is added to the first document again (a
picture is a part of its own package, named by a relationship id that means
nothing in another). Styles are the first document's: both templates name the
same ones (Title, Heading 1, Caption, the tables'). The second half is a
section of its own with its own template's running header and footer, so the
English pages are headed in English and the Chinese pages in Chinese.
"""

from __future__ import annotations

import copy
import io
from typing import Any

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_EMBED = f"{{{_R}}}embed"
_LINK = f"{{{_R}}}link"


def append_document(target: Any, source: Any) -> None:
    """Copy the body of ``source`` (a python-docx Document) to the end of ``target``'s."""
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn

    body = target.element.body
    ending = body.find(qn("w:sectPr"))  # the last section's page settings stay last
    broken = target.add_paragraph()
    if ending is not None:
        # the first half's section ends here, with its header and footer; the body's last
        # section (from the next page) is the second half's, with the second template's
        broken._p.get_or_add_pPr().append(copy.deepcopy(ending))
        ending.addprevious(broken._p)
        closing = source.element.body.find(qn("w:sectPr"))
        if closing is not None:
            _use_headers(ending, closing, source, target)
    else:
        broken.add_run().add_break(WD_BREAK.PAGE)
    for child in source.element.body.iterchildren():
        if child.tag == qn("w:sectPr"):
            continue
        element = copy.deepcopy(child)
        _move_pictures(element, source.part, target.part)
        if ending is not None:
            ending.addprevious(element)
        else:
            body.append(element)


def _use_headers(section: Any, source_section: Any, source: Any, target: Any) -> None:
    """Give ``section`` (of ``target``) copies of the headers and footers ``source_section``
    (of ``source``) names, in place of its own references."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn
    from docx.parts.hdrftr import FooterPart, HeaderPart

    kinds = {
        qn("w:headerReference"): (HeaderPart, RT.HEADER),
        qn("w:footerReference"): (FooterPart, RT.FOOTER),
    }
    for reference in [r for r in section if r.tag in kinds]:
        section.remove(reference)
    first = next((c for c in section if c.tag not in kinds), None)
    for reference in [r for r in source_section if r.tag in kinds]:
        # as docxtpl left it: it renders a header into a new part behind the same relationship
        found = source.part.rels.get(reference.get(f"{{{_R}}}id"))
        part = found.target_part if found is not None else None
        element = getattr(part, "_element", None)
        if element is None:
            continue
        kind, relationship = kinds[reference.tag]
        copied = kind.new(target.part.package)
        copied._element = copy.deepcopy(element)
        _move_pictures(copied.element, part, copied)
        moved = copy.deepcopy(reference)
        moved.set(f"{{{_R}}}id", target.part.relate_to(copied, relationship))
        if first is not None:  # references come first in a section's properties
            first.addprevious(moved)
        else:
            section.append(moved)


def _move_pictures(element: Any, source: Any, target: Any) -> None:
    """Point each picture of ``element`` (in part ``source``) at a copy of its image related
    to part ``target`` (the document's body, or a header's)."""
    for blip in element.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"):
        for attribute in (_EMBED, _LINK):
            old = blip.get(attribute)
            if not old:
                continue
            part = source.related_parts.get(old)
            if part is None or not hasattr(part, "blob"):
                blip.attrib.pop(attribute)
                continue
            new, _image = target.get_or_add_image(io.BytesIO(part.blob))
            blip.set(attribute, new)
