"""Another clerk's save to the meeting list shown: the delay on a team database, measured.

    python benchmarks/live_lists.py [--runs 20] [--address postgresql://…]

Issue 23, item 4: lists show others' saves within two seconds. A window (the real
``MainWindow``, offscreen) is opened on a team database holding the example meeting; another
clerk's store, on a thread with a connection of its own, saves a new meeting once every
second or so (the gap varied, so the saves fall at every point of the window's polling), and
each delay is from the moment that save's ``COMMIT`` returned to the first reset of the
window's meeting list that has the meeting among its rows. Without ``--address`` a
PostgreSQL of its own is started on the loopback (``tests/postgres_server.py``). Prints the
median, the 95th percentile and the largest delay, in milliseconds; then another clerk saves
100 meetings one after another, and how many times the window read its list again meanwhile.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from eventdesk import paths  # noqa: E402
from eventdesk.records import Meeting  # noqa: E402
from eventdesk.store import EventStore  # noqa: E402
from eventdesk.ui.main_window import MainWindow  # noqa: E402
from eventdesk.ui.preferences import Preferences  # noqa: E402


def measure(address: str, runs: int) -> tuple[list[float], tuple[int, float]]:
    """The delays, in seconds, of ``runs`` saves by another clerk until they are listed, and
    the flood's figures (:func:`flood`)."""
    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="eventdesk-live-"))
    with EventStore.open(address) as setup:
        setup.interchange.import_file(paths.sample_meeting())
    store = EventStore.open(address)
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings, Preferences(), preferences_path=work / "prefs.json")
    window.show()
    if not store.changes.listen().wait_listening(10):
        raise SystemExit("the listener did not start")
    model = window.workspace.list_pane.model()
    committed: dict[int, float] = {}
    shown: dict[int, float] = {}

    def look() -> None:  # each reset of the list: which meetings it shows now
        now = time.perf_counter()
        for row in range(model.rowCount()):
            shown.setdefault(model.id_at(row), now)

    look()
    model.modelReset.connect(look)

    def other_clerk() -> None:
        with EventStore.open(address) as other:
            for n in range(runs):
                time.sleep(0.8 + random.random() * 0.5)
                meeting = Meeting(f"Delegation visit {n}", date(2030, 1, 1) + timedelta(days=n))
                with other.transaction():  # its COMMIT is this block's end
                    saved = other.meetings.save(meeting)
                committed[saved.id] = time.perf_counter()

    clerk = threading.Thread(target=other_clerk)
    clerk.start()
    deadline = time.perf_counter() + runs * 2 + 30
    while (clerk.is_alive() or not set(committed) <= set(shown)) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)
    clerk.join()
    resets = flood(app, model, address)
    window.workspace.editors.revert()
    window.close()
    store.close()
    missing = set(committed) - set(shown)
    if missing:
        raise SystemExit(f"{len(missing)} of {runs} saves were never listed")
    # A list may show a meeting before the other thread has noted its commit's time (the
    # window took the notice first): that delay is nought, to the clock's grain.
    return [max(0.0, shown[i] - committed[i]) for i in committed], resets


def flood(app: QApplication, model, address: str, saves: int = 100) -> tuple[int, float]:
    """Another clerk saves ``saves`` meetings one after another, each in its own transaction:
    how many times the list was read again until the last is shown, and how long it took."""
    resets: list[float] = []
    model.modelReset.connect(lambda: resets.append(time.perf_counter()))
    last: list[int] = []

    def other_clerk() -> None:
        with EventStore.open(address) as other:
            for n in range(saves):
                meeting = Meeting(f"Flood {n}", date(2031, 1, 1) + timedelta(days=n))
                last[:] = [other.meetings.save(meeting).id]

    started = time.perf_counter()
    clerk = threading.Thread(target=other_clerk)
    clerk.start()
    deadline = started + 300
    while time.perf_counter() < deadline and (
        clerk.is_alive() or not last or model.row_of_id(last[0]) is None
    ):
        app.processEvents()
        time.sleep(0.005)
    clerk.join()
    return len(resets), time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", help="an empty team database (else one is started here)")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    server = None
    address = args.address
    if address is None:
        from tests.postgres_server import PostgresServer, find_bindir

        bindir = find_bindir()
        if bindir is None:
            raise SystemExit("no PostgreSQL here: install Debian's postgresql package")
        server = PostgresServer(bindir)
        server.start()
        address = server.address(server.create_database())
    try:
        measured, (resets, flood_s) = measure(address, args.runs)
        delays = sorted(d * 1000 for d in measured)
    finally:
        if server is not None:
            server.stop()
    p95 = delays[min(len(delays) - 1, round(0.95 * (len(delays) - 1)))]
    print(
        f"another clerk's save to the list shown, {len(delays)} saves: "
        f"median {statistics.median(delays):.0f} ms, 95th percentile {p95:.0f} ms, "
        f"largest {delays[-1]:.0f} ms"
    )
    print(f"100 saves one after another: {flood_s:.1f} s, the list read again {resets} times")
    return 0


if __name__ == "__main__":
    sys.exit(main())
