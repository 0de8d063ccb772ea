"""Characters a record's text may not hold, and text made safe to print beside other text.

Why: text comes from outside (a partner's attendee list, an interchange
file, a paste from Word). A control character (ESC, BEL, NUL, VT) means
nothing in a title: Word refuses to open a document holding one, a terminal
obeys an ESC as a command, and CSV and calendar files carry them raw to other
programs. So they are refused where text comes in (the check names the
field); tab and line breaks are text. And a bidirectional override (U+202E
RIGHT-TO-LEFT OVERRIDE) in a title turns the rest of the sentence round, the
header's date included: outputs print each field in an isolate of its own
(:func:`isolate`), so an override reaches no further than its field.
No Qt, no SQL.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any, TypeVar

#: C0 and C1 controls and DEL, less tab, line feed and carriage return.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI).
BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_NAMES = {0: "NUL", 7: "BEL", 8: "BACKSPACE", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL"}
#: What an output prints in place of a control character that got in before this check.
REPLACEMENT = "\ufffd"

R = TypeVar("R")


def describe(char: str) -> str:
    """``U+001B (ESC)``: a control character has no glyph, so it is named."""
    name = _NAMES.get(ord(char)) or unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def control_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored, in words; None if it can."""
    found = CONTROLS.search(text)
    if found is None:
        return None
    return (
        f"holds the control character {describe(found.group())} at position "
        f"{found.start() + 1}; only tabs and line breaks may be used"
    )


def without_controls(text: str, replacement: str = REPLACEMENT) -> str:
    """``text`` with every control character replaced: outputs' second line of defence."""
    return CONTROLS.sub(replacement, text) if CONTROLS.search(text) else text


def clean_tree(value: Any) -> Any:
    """Replace control characters in every string of nested views, dicts and lists, in place.

    The last net before a document is written: text the records' own copies
    did not carry (a course register's rows, a report's filters) is cleaned
    here. Views are dataclasses; bytes (a photo) are left alone.
    """
    seen: set[int] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, dict):
            pairs = list(item.items())
        elif isinstance(item, list):
            pairs = list(enumerate(item))
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            pairs = [(f.name, getattr(item, f.name)) for f in dataclasses.fields(item)]
        else:
            continue
        for key, child in pairs:
            if isinstance(child, str):
                if CONTROLS.search(child):
                    cleaned = CONTROLS.sub(REPLACEMENT, child)
                    if isinstance(item, dict | list):
                        item[key] = cleaned
                    else:  # a frozen view too: it is being made, not shared
                        object.__setattr__(item, key, cleaned)
            elif isinstance(child, dict | list) or dataclasses.is_dataclass(child):
                stack.append(child)
    return value


def isolate(text: str) -> str:
    """``text`` in a first-strong isolate, every embedding and isolate it opens closed inside.

    U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE: the text
    around keeps its own direction whatever the field holds. Text without
    bidirectional controls is returned as it is.
    """
    if not BIDI.search(text):
        return text
    embeddings = isolates = 0
    for char in text:
        if char in "\u202a\u202b\u202d\u202e":
            embeddings += 1
        elif char == "\u202c":
            embeddings = max(0, embeddings - 1)
        elif char in "\u2066\u2067\u2068":
            isolates += 1
        elif char == "\u2069":
            isolates = max(0, isolates - 1)
    return "\u2068" + text + "\u202c" * embeddings + "\u2069" * (isolates + 1)


def printable_text(text: str) -> str:
    """``text`` as every output prints it: controls replaced, bidirectional controls isolated."""
    return isolate(without_controls(text))


def terminal_text(text: str) -> str:
    """``text`` for a terminal: each control and bidirectional control as ``\\u001b``.

    A terminal obeys an ESC and most lay out no bidirectional text, so both
    are shown as their escapes (valid inside a JSON string too).
    """
    if CONTROLS.search(text) or BIDI.search(text):
        pattern = f"{CONTROLS.pattern}|{BIDI.pattern}"
        return re.sub(pattern, lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def printable(record: R) -> R:
    """A copy of ``record`` (a dataclass) whose text fields, and its parts', print safely."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        new = _printable_value(value)
        if new is not value:
            changes[f.name] = new
    return dataclasses.replace(record, **changes) if changes else record  # type: ignore[type-var]


def _printable_value(value: Any) -> Any:
    if isinstance(value, str):
        new = printable_text(value)
        return value if new == value else new
    if isinstance(value, list):
        items = [_printable_value(v) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return printable(value)
    return value


def text_problems(record: Any) -> list[tuple[str, str]]:
    """(field, problem) for each text field of ``record`` (or list of texts) holding a control."""
    found = []
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        texts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        for text in texts:
            problem = control_problem(text) if isinstance(text, str) else None
            if problem:
                found.append((f.name, problem))
                break
    return found
