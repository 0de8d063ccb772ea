"""Another EventDesk on the same database: a second program, in a process of its own.

The lock is the operating system's, held per program, so only another process
can show what a second program meets. ``held_open`` holds a database open the
way a window does, until the block ends (or the test kills it); ``eventdesk``
runs the real command line, as an office's script would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

HOLD = textwrap.dedent(
    """
    import json, sys
    from eventdesk.store import EventStore
    from eventdesk.store.lock import lock_path
    # (take_over: a record naming "another PC" is this program's own, left by its last run)
    store = EventStore.open(sys.argv[1], take_over=True)
    if len(sys.argv) > 2:  # say another user (or PC) holds it, as a colleague's PC would
        record = lock_path(store.path)
        holder = json.loads(record.read_text(encoding="utf-8"))
        record.write_text(json.dumps({**holder, **json.loads(sys.argv[2])}), encoding="utf-8")
    print("holding", flush=True)
    sys.stdin.readline()
    store.close()
    """
)


def environment(home: Path | None = None, **extra: str | None) -> dict[str, str]:
    """This checkout's EventDesk for ``python -m eventdesk``, with a home of its own if given.

    ``extra`` sets variables; one given as None is left out.
    """
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env |= {name: value for name, value in extra.items() if value is not None}
    env = {name: value for name, value in env.items() if extra.get(name, "") is not None}
    if home is not None:
        home.mkdir(parents=True, exist_ok=True)
        for name in ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA"):
            env[name] = str(home)
        env["XDG_CONFIG_HOME"] = str(home / "config")
        env["XDG_DATA_HOME"] = str(home / "data")
    return env


def held_open(db_path: Path, *, user: str | None = None, host: str | None = None):
    """The database held open by another EventDesk process until the block ends.

    ``user`` and ``host`` rewrite the lock's record as if that user, on that
    PC, held it (the system's lock stays this process's). The process may be
    killed inside the block (``Popen.kill``); it is waited for either way.
    """
    from tests.store.safety.faults import while_running

    said = {name: value for name, value in (("user", user), ("host", host)) if value}
    return while_running(HOLD, db_path, *([json.dumps(said)] if said else []), ready="holding")


def eventdesk(*args: str, home: Path | None = None, timeout: float = 120, **env: str | None):
    """Run ``eventdesk ARGS`` as its own program; the completed process (text in UTF-8)."""
    return subprocess.run(
        [sys.executable, "-m", "eventdesk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment(home, **env),
        timeout=timeout,
    )


def started(*args: str, **env: str | None) -> subprocess.Popen:
    """``eventdesk ARGS`` started as its own program and left running (text in UTF-8): for
    clerks that must work at the same moment, each then ``communicate()``-d."""
    return subprocess.Popen(
        [sys.executable, "-m", "eventdesk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=environment(QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8", **env),
    )
