"""Render the example's four documents twice, to compare: EventDesk's own PDF, and the
DOCX as LibreOffice prints it. One PNG per document in this folder, PDF pages above,
LibreOffice's below.

Needs LibreOffice (libreoffice-writer-nogui), poppler-utils and ImageMagick. Run from the
repository root::

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/office/take.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from eventdesk import paths  # noqa: E402
from eventdesk.store import EventStore  # noqa: E402
from eventdesk.store.interchange import import_file  # noqa: E402
from eventdesk.summary import (  # noqa: E402
    write_course_register,
    write_period_report,
    write_summary,
)

DOCUMENTS = ("news", "minutes", "report", "courses")


def _write(store: EventStore, meeting_id: int, name: str, path: Path) -> None:
    if name in ("news", "minutes"):
        write_summary(store, meeting_id, name, path)
    elif name == "report":
        write_period_report(store, None, None, path=path)
    else:
        write_course_register(store, path)


def _pages(pdf: Path, prefix: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-png", "-r", "45", str(pdf), str(prefix)], check=True)
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "userdata").mkdir()
        paths.data_dir = lambda: work / "userdata"  # the built-in templates only
        store = EventStore.open(work / "example.sqlite3")
        import_file(store, paths.sample_meeting())
        (row,) = store.meetings.list()
        for name in DOCUMENTS:
            _write(store, row.id, name, work / f"{name}.pdf")
            _write(store, row.id, name, work / f"{name}.docx")
        store.close()
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work / "lo"),
                *(str(work / f"{n}.docx") for n in DOCUMENTS),
            ],
            check=True,
            capture_output=True,
        )
        for name in DOCUMENTS:
            ours = _pages(work / f"{name}.pdf", work / f"{name}-ours")
            office = _pages(work / "lo" / f"{name}.pdf", work / f"{name}-lo")
            columns = max(len(ours), len(office))
            rows = []
            for label, pages in (("EventDesk's PDF", ours), ("LibreOffice, from the DOCX", office)):
                row_png = work / f"{name}-{len(rows)}.png"
                subprocess.run(
                    [
                        *("montage", *map(str, pages), "-tile", f"{columns}x1"),
                        *("-geometry", "+6+6", "-title", label, "-pointsize", "14", str(row_png)),
                    ],
                    check=True,
                )
                rows.append(row_png)
            target = HERE / f"{name}.png"
            subprocess.run(
                ["convert", *map(str, rows), "-append", "-background", "white", str(target)],
                check=True,
            )
            print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
