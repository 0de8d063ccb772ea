"""Real faults for the safety tests: a process killed at a chosen moment, a small full disk.

A kill is the operating system's (``Popen.kill``: SIGKILL on POSIX,
TerminateProcess on Windows), so no ``finally`` and no ``atexit`` of the
child runs: what it leaves is what a crash or a power cut leaves. The moment
is chosen, not guessed: the child runs EventDesk with one step wrapped so
that it says ``PAUSED`` on its standard output and waits, and the parent
kills it on reading that. No test waits on a timer for it.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

#: Put before a child script: ``pause()`` says PAUSED and waits to be killed.
PAUSE = textwrap.dedent(
    """
    import sys, time

    def pause(*_args, **_kwargs):
        print("PAUSED", flush=True)
        time.sleep(120)
        sys.exit("not killed")
    """
)


def kill_when_paused(script: str, *args: object, timeout: float = 60) -> str:
    """Run ``PAUSE + script`` with ``args``; kill it once it pauses. Return what it printed.

    Fails (and never hangs) if the child ends without pausing.
    """
    child = subprocess.Popen(
        [sys.executable, "-c", PAUSE + textwrap.dedent(script), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    said = []
    watchdog = threading.Timer(timeout, child.kill)  # a child stuck before pausing: no hang
    watchdog.start()
    try:
        for line in child.stdout:  # ends when the child does
            said.append(line)
            if line.strip() == "PAUSED":
                child.kill()
                break
        child.wait(timeout=timeout)
    finally:
        watchdog.cancel()
        if child.poll() is None:
            child.kill()
            child.wait(timeout=timeout)
    err = child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    assert said and said[-1].strip() == "PAUSED", f"the child never paused: {''.join(said)}{err}"
    return "".join(said[:-1])


@contextlib.contextmanager
def while_running(script: str, *args: object, ready: str) -> Iterator[subprocess.Popen]:
    """Run ``script`` with ``args`` until the block ends; it prints ``ready`` when it is, and
    ends when a line comes on its standard input (the block may also end it, or kill it)."""
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert child.stdout.readline().strip() == ready
        yield child
    finally:
        if child.poll() is None:
            child.communicate("\n", timeout=30)
        else:  # ended inside the block (told to, or killed)
            child.wait()
            for pipe in (child.stdin, child.stdout):
                pipe.close()


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A real file system of ``size`` mounted at ``folder`` (skips where mounting is not
    allowed: not root, or not Linux)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("mounting a small file system is done on Linux")
    folder.mkdir(exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of ``folder`` until at most ``leave`` bytes are free."""
    import shutil

    n = 0
    while shutil.disk_usage(folder).free > leave:
        free = shutil.disk_usage(folder).free
        chunk = max(4096, min(1 << 20, free - leave))
        try:
            with open(folder / f"filler-{n}", "wb") as fh:
                fh.write(b"\0" * chunk)
        except OSError:
            break
        n += 1
