"""No code path that works on Linux alone: read from the source, so a new one fails here.

The office's PCs run Windows. There, ``os.kill(pid, 0)`` can end the process
it was meant to ask about (cpython#58689), ``/proc`` does not exist, and text
read or written without a named encoding is in the PC's ANSI code page, which
has no Chinese. These are the mistakes Linux never shows, so they are looked
for in the code itself.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = sorted((ROOT / "src").rglob("*.py")) + sorted((ROOT / "packaging").glob("*.py"))
EVERYTHING = PROGRAM + sorted((ROOT / "tests").rglob("*.py")) + sorted(ROOT.glob("benchmarks/*.py"))


def _calls(files: list[Path]) -> Iterator[tuple[str, ast.Call]]:
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return f"{owner}.{func.attr}"
    return func.id if isinstance(func, ast.Name) else ""


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def test_no_program_signals_another_process():
    found = [where for where, call in _calls(PROGRAM) if _name(call) in ("os.kill", "os.killpg")]
    assert found == []


def test_no_program_reads_proc():
    found = [
        f"{path.relative_to(ROOT)}"
        for path in PROGRAM
        if "/proc/" in path.read_text(encoding="utf-8") and path.name != "test_portability.py"
    ]
    assert found == []


def test_every_text_subprocess_names_its_encoding():
    runs = ("subprocess.run", "subprocess.Popen", "subprocess.check_output", "subprocess.call")
    found = [
        where
        for where, call in _calls(EVERYTHING)
        if _name(call) in runs
        and (_true(_keyword(call, "text")) or _true(_keyword(call, "universal_newlines")))
        and _keyword(call, "encoding") is None
    ]
    assert found == []


def _text_mode(call: ast.Call) -> bool:
    mode = _keyword(call, "mode") or (call.args[1] if len(call.args) > 1 else None)
    if mode is None:
        return True
    return not (isinstance(mode, ast.Constant) and "b" in str(mode.value))


def test_every_text_file_the_program_opens_names_its_encoding():
    found = []
    for where, call in _calls(PROGRAM):
        name = _name(call)
        positional = {".read_text": 1, ".write_text": 2}.get(name[name.find(".") :], 99)
        if _keyword(call, "encoding") is not None or len(call.args) >= positional:
            continue
        if name.endswith((".read_text", ".write_text")) or (
            name in ("open", ".open", "os.fdopen") and _text_mode(call)
        ):
            found.append(f"{where} {name}")
    assert found == []


def test_sqlite_gets_plain_paths_or_uris_built_for_it():
    """``Path.resolve().as_uri()`` names a mapped drive ``file://server/…``, which SQLite on
    Windows refuses ("invalid uri authority"): URIs come from ``store.locations.sqlite_uri``."""
    found = [
        where
        for where, call in _calls(PROGRAM)
        if isinstance(call.func, ast.Attribute) and call.func.attr == "as_uri"
    ]
    assert found == []
