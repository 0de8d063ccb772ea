"""Every package keeps to its layer: nothing reaches up, and only the layers that may touch Qt
or SQLite do.

The layers, bottom to top (README, "Developing"): ``records`` → ``store`` → ``summary`` and
``spreadsheets`` → ``ui`` → ``cli``. Imports are read with :mod:`ast` from every module,
including those inside functions (the lazy ones), so a late ``import`` cannot slip past.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import eventdesk

SOURCE = Path(eventdesk.__file__).parent
QT = ("PySide6", "shiboken6")
SQLITE = ("sqlite3", "sqlite_utils")
#: The package's own ``__init__`` (its version): every layer may read it.
ROOT = {"eventdesk", "eventdesk.__version__"}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # the imported module, dotted (``from a import b`` gives ``a.b`` and ``a``)
    line: int

    def __str__(self) -> str:
        return f"{self.module}:{self.line} imports {self.target}"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[Import]:
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [Import(name, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append(Import(name, base, node.lineno))
            found += [Import(name, f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


ALL = [i for path in sorted(SOURCE.rglob("*.py")) for i in _imports(path)]


def _of(package: str) -> list[Import]:
    return [i for i in ALL if _within(i.module, f"eventdesk.{package}")]


def _within(dotted: str, prefix: str) -> bool:
    return dotted == prefix or dotted.startswith(prefix + ".")


def _reaching(imports: list[Import], *prefixes: str) -> list[str]:
    return [str(i) for i in imports if any(_within(i.target, p) for p in prefixes)]


def _ours_outside(imports: list[Import], *allowed: str) -> list[str]:
    return [
        str(i)
        for i in imports
        if _within(i.target, "eventdesk")
        and i.target not in ROOT
        and not any(_within(i.target, f"eventdesk.{a}") for a in allowed)
    ]


def test_the_reader_sees_every_package():
    """Guard the guard: an import missed by the reader would make every test below pass."""
    packages = {i.module.split(".")[1] for i in ALL if i.module.count(".") >= 1}
    assert {"records", "store", "summary", "spreadsheets", "ui", "cli"} <= packages
    lazy = [i for i in _of("ui") if i.target == "eventdesk.ui.summary_preview"]
    assert lazy, "the function-level import in main_window.py was not read"


def test_records_import_nothing_of_ours_and_no_qt_or_sqlite():
    assert _ours_outside(_of("records"), "records") == []
    assert _reaching(_of("records"), *QT, *SQLITE) == []


def test_store_imports_only_records_and_no_qt():
    assert _ours_outside(_of("store"), "records", "store") == []
    assert _reaching(_of("store"), *QT) == []


def test_summary_and_spreadsheets_never_reach_the_gui_or_the_command_line():
    for package in ("summary", "spreadsheets"):
        assert _reaching(_of(package), "eventdesk.ui", "eventdesk.cli") == [], package


def test_only_pdf_and_fonts_of_the_summaries_use_qt():
    qt = {i.module for i in _of("summary") if any(_within(i.target, q) for q in QT)}
    # pagination: the PDF's own page breaks, in the laid-out QTextDocument
    assert qt <= {
        "eventdesk.summary.pdf",
        "eventdesk.summary.pagination",
        "eventdesk.summary.fonts",
        "eventdesk.summary.qt_app",
    }


def _circles(package: str) -> list[list[str]]:
    """Each circle of imports among a package's modules (lazy imports count too)."""
    modules = {i.module for i in _of(package)}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for i in _of(package):
        if i.target in modules and i.target != i.module and not i.module.endswith(package):
            edges[i.module].add(i.target)
    found: list[list[str]] = []

    def walk(path: list[str]) -> None:
        for nxt in sorted(edges[path[-1]]):
            if nxt == path[0]:
                found.append(path)
            elif nxt not in path and nxt > path[0]:  # each circle once, from its least module
                walk([*path, nxt])

    for start in sorted(modules):
        walk([start])
    return found


def test_the_summaries_have_no_circle_of_imports():
    """fonts and pdf, language and prose used to import each other (issue 22)."""
    assert _circles("summary") == []


def test_spreadsheets_need_no_qt():
    assert _reaching(_of("spreadsheets"), *QT) == []


def test_nothing_but_the_command_line_imports_the_gui():
    outside = [i for i in ALL if not _within(i.module, "eventdesk.ui")]
    assert [
        i for i in _reaching(outside, "eventdesk.ui") if not i.startswith("eventdesk.cli")
    ] == []


def test_the_gui_holds_no_sql():
    assert _reaching(_of("ui"), *SQLITE) == []


SCRIPT = """
import sys, tempfile, pathlib
from eventdesk import paths
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.summary import write_summary
folder = pathlib.Path(tempfile.mkdtemp())
paths.data_dir = lambda: folder
store = EventStore.open(folder / "x.sqlite3")
import_file(store, paths.sample_meeting())
(row,) = store.meetings.list()
write_summary(store, row.id, "news", folder / "n.html")
write_summary(store, row.id, "minutes", folder / "m.docx")
print(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))))
"""


def test_html_and_docx_summaries_load_no_qt():
    """Given a fresh Python, when an HTML and a DOCX summary are written, no Qt module loaded."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=120,
    )
    assert result.stdout.strip() == "[]"


def test_the_gui_reaches_the_store_only_through_what_it_exports():
    """The services (``EventStore``, ``DatabaseFiles``), their errors and the types they return."""
    import eventdesk.store

    exported = {f"eventdesk.store.{name}" for name in eventdesk.store.__all__}
    side_doors = [
        str(i)
        for i in _of("ui")
        if _within(i.target, "eventdesk.store") and i.target not in exported | {"eventdesk.store"}
    ]
    assert side_doors == []
