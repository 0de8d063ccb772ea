"""One Word document after another: the English half of a bilingual summary after the Chinese.

Why by hand: each half is filled in its own Word template (the office may
have restyled either), and python-docx has no "append a document". The
second body's paragraphs and tables are copied after a page break, and each
picture it holds is added to the first document again (a picture is a part
of its own package, named by a relationship id that means nothing in
another). Styles are the first document's: both templates name the same
ones (Title, Heading 1, Caption, the tables').
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
    broken.add_run().add_break(WD_BREAK.PAGE)
    if ending is not None:
        ending.addprevious(broken._p)
    for child in source.element.body.iterchildren():
        if child.tag == qn("w:sectPr"):
            continue
        element = copy.deepcopy(child)
        _move_pictures(element, source, target)
        if ending is not None:
            ending.addprevious(element)
        else:
            body.append(element)


def _move_pictures(element: Any, source: Any, target: Any) -> None:
    """Point each picture of ``element`` at a copy of its image in ``target``."""
    for blip in element.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"):
        for attribute in (_EMBED, _LINK):
            old = blip.get(attribute)
            if not old:
                continue
            part = source.part.related_parts.get(old)
            if part is None or not hasattr(part, "blob"):
                blip.attrib.pop(attribute)
                continue
            new, _image = target.part.get_or_add_image(io.BytesIO(part.blob))
            blip.set(attribute, new)
