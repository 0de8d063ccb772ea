"""Measure the built EventDesk beside a bare PySide6 window packaged the same way.

docs/targets.md's target for the packaged program: one folder within 1.25x of a bare
PySide6 window packaged the same way, under 110 MB zipped, starting in under 2 s.
"The same way" here: the same PyInstaller, one folder, windowed, the same list
of Qt parts left out (``qt_parts.py``); the bare program is a QMainWindow that
imports QtWidgets and QtPrintSupport and nothing else.

    .venv/bin/python packaging/measure.py                  # builds both in a temporary folder
    .venv/bin/python packaging/measure.py --eventdesk dist/EventDesk   # measure that build instead

For each program: the folder's size, its size zipped two ways (shutil.make_archive,
which stores a symbolic link's target again; and a zip that keeps the links as
links, as ``zip -ry`` does), and the time from starting the program to its main
window being shown, median of 5 starts after one warm-up start. The start time is
taken under Xvfb when ``xvfb-run`` is installed (a real X11 window), else on
Qt's offscreen platform. Each program prints ``shown <unix time>`` when its main
window is shown and quits (EventDesk: ``EVENTDESK_EXIT_AFTER_SHOW=1``, handled in
``eventdesk_main.py``). EventDesk starts on a database holding the example meeting.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STARTS = 5
MB = 1_000_000

BARE_MAIN = """\
import os
import sys
import time

from PySide6 import QtPrintSupport  # noqa: F401 (packaged like EventDesk, which prints)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow):
            print(f"shown {time.time():.3f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


app = QApplication(sys.argv)
if os.environ.get("EVENTDESK_EXIT_AFTER_SHOW") == "1":
    app.installEventFilter(Watch(app))
window = QMainWindow()
window.setWindowTitle("Bare")
window.setCentralWidget(QLabel("A bare PySide6 window"))
window.resize(900, 600)
window.show()
sys.exit(app.exec())
"""

BARE_SPEC = """\
import sys
sys.path.insert(0, {packaging!r})
import qt_parts

a = Analysis([{main!r}], excludes=qt_parts.EXCLUDED_MODULES)
qt_parts.trim(a)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="Bare", console=False, upx=False)
coll = COLLECT(exe, a.binaries, a.datas, upx=False, name="Bare")
"""


def pyinstaller(spec: Path, work: Path) -> float:
    """Build a spec into work/dist; return the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            str(spec),
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
        ],
        cwd=ROOT,
        check=True,
    )
    return time.perf_counter() - started


def build_bare(work: Path) -> tuple[Path, float]:
    work.mkdir(parents=True, exist_ok=True)
    main = work / "bare_main.py"
    main.write_text(BARE_MAIN, encoding="utf-8")
    spec = work / "bare.spec"
    spec.write_text(BARE_SPEC.format(packaging=str(HERE), main=str(main)), encoding="utf-8")
    seconds = pyinstaller(spec, work)
    return work / "dist" / "Bare", seconds


def build_eventdesk(work: Path) -> tuple[Path, float]:
    seconds = pyinstaller(HERE / "eventdesk.spec", work)
    return work / "dist" / "EventDesk", seconds


def folder_size(folder: Path) -> int:
    """Bytes of the files in the folder; a symbolic link counts as the link, not its target."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink():
            total += len(os.readlink(path))
        elif path.is_file():
            total += path.stat().st_size
    return total


def zipped_size(folder: Path, out: Path) -> int:
    """Size of the folder zipped by shutil.make_archive (a link is stored as its target's bytes)."""
    archive = shutil.make_archive(str(out / folder.name), "zip", folder.parent, folder.name)
    size = Path(archive).stat().st_size
    Path(archive).unlink()
    return size


def zipped_size_keeping_links(folder: Path, out: Path) -> int:
    """Size of the folder zipped with its symbolic links kept as links (``zip -ry``)."""
    archive = out / f"{folder.name}-links.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder.parent).as_posix()
            if path.is_symlink():
                info = zipfile.ZipInfo(name)
                info.create_system = 3  # Unix, so the mode below is read
                info.external_attr = 0o120777 << 16
                zf.writestr(info, os.readlink(path))
            elif path.is_file():
                zf.write(path, name)
    size = archive.stat().st_size
    archive.unlink()
    return size


def program(folder: Path) -> Path:
    exe = folder / (folder.name + (".exe" if sys.platform == "win32" else ""))
    return exe


def _environment(home: Path, display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "PYTHON"))}
    env |= {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
        "EVENTDESK_EXIT_AFTER_SHOW": "1",
    }
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    if display == "offscreen":
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env["DISPLAY"] = display
        env["QT_QPA_PLATFORM"] = "xcb"
    return env


def start_time(folder: Path, args: list[str], home: Path, display: str) -> float:
    """Seconds from starting the program to its main window being shown."""
    env = _environment(home, display)
    started = time.time()
    result = subprocess.run(
        [str(program(folder)), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    shown = [line for line in result.stdout.splitlines() if line.startswith("shown ")]
    if result.returncode != 0 or not shown:
        raise RuntimeError(f"{folder.name} did not show its window:\n{result.stderr[-3000:]}")
    return float(shown[0].split()[1]) - started


def start_times(folder: Path, args: list[str], home: Path, display: str) -> tuple[float, float]:
    """(first start, median of the STARTS starts after it)."""
    first = start_time(folder, args, home, display)
    rest = [start_time(folder, args, home, display) for _ in range(STARTS)]
    return first, statistics.median(rest)


class Xvfb:
    """An X server of our own for the start-time runs, when xvfb is installed."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.display = "offscreen"

    def __enter__(self) -> Xvfb:
        if shutil.which("Xvfb"):
            number = 90 + os.getpid() % 50
            self.process = subprocess.Popen(
                ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(1.0)
            if self.process.poll() is None:
                self.display = f":{number}"
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eventdesk", type=Path, help="a built dist/EventDesk to measure")
    parser.add_argument("--bare", type=Path, help="a built bare program folder to measure")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eventdesk-measure-") as tmp:
        work = Path(tmp)
        builds: dict[str, float | None] = {"bare": None, "EventDesk": None}
        bare = args.bare
        if bare is None:
            bare, builds["bare"] = build_bare(work / "bare")
        eventdesk = args.eventdesk
        if eventdesk is None:
            eventdesk, builds["EventDesk"] = build_eventdesk(work / "eventdesk")

        database = work / "office.sqlite3"
        sample = ROOT / "resources" / "samples" / "shua-2021-annual-meeting.json"
        subprocess.run(
            [str(program(eventdesk)), "--db", str(database), "import", str(sample)],
            check=True,
            capture_output=True,
            env=_environment(work / "home", "offscreen"),
        )

        rows = {}
        with Xvfb() as x:
            for name, folder, prog_args in (
                ("bare PySide6 window", bare, []),
                ("EventDesk", eventdesk, ["--db", str(database)]),
            ):
                first, median = start_times(folder, prog_args, work / f"home-{name[:4]}", x.display)
                rows[name] = {
                    "folder": folder_size(folder),
                    "zip": zipped_size(folder, work),
                    "zip_links": zipped_size_keeping_links(folder, work),
                    "first": first,
                    "median": median,
                }
            display = "Xvfb (X11)" if x.display != "offscreen" else "offscreen"

    base, ours = rows["bare PySide6 window"], rows["EventDesk"]
    print(f"platform: {sys.platform}, Python {sys.version.split()[0]}, start on {display}")
    if any(builds.values()):
        print("build time: " + ", ".join(f"{k} {v:.0f} s" for k, v in builds.items() if v))
    print()
    print("| | bare PySide6 window | EventDesk | EventDesk / bare | target |")
    print("| --- | --- | --- | --- | --- |")
    print(
        f"| folder | {base['folder'] / MB:.1f} MB | {ours['folder'] / MB:.1f} MB "
        f"| {ours['folder'] / base['folder']:.2f}x | within 1.25x |"
    )
    print(
        f"| zipped (shutil.make_archive) | {base['zip'] / MB:.1f} MB | {ours['zip'] / MB:.1f} MB "
        f"| {ours['zip'] / base['zip']:.2f}x | under 110 MB |"
    )
    print(
        f"| zipped, links kept (zip -ry) | {base['zip_links'] / MB:.1f} MB "
        f"| {ours['zip_links'] / MB:.1f} MB | {ours['zip_links'] / base['zip_links']:.2f}x | |"
    )
    print(
        f"| start to main window, median of {STARTS} | {base['median']:.2f} s "
        f"| {ours['median']:.2f} s | | under 2 s |"
    )
    print(f"| first start (warm-up) | {base['first']:.2f} s | {ours['first']:.2f} s | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
