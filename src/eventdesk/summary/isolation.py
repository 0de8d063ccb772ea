"""A user's own templates render in a child process the program can stop.

Why: the sandbox (``sandbox.py``) refuses what it can see coming, but a
template is a program, and there are more ways to build a huge value or a
slow one (``|join``, ``.format``, big integers, lists grown in a loop) than
checks; a check between two steps cannot stop one step that runs for minutes.
So whenever the user's templates folder holds a template that differs from
the built-in one, a summary is made in a child process:

- it is stopped after a wall-clock budget (:data:`sandbox.MAX_SECONDS`, or
  the preview's shorter one), whatever it is doing, and the user is told
  "this template took too long";
- on Linux and macOS its address space is capped (:data:`MAX_MEMORY`, through
  ``resource``), so no template can take the machine's memory; Windows has no
  ``resource``: there the sandbox's size checks and the time budget hold;
- the window does not wait on it (``ui/summary_preview.py`` calls it from a
  thread).

The child is started with ``spawn`` (the only start method Windows has, and
one Qt is safe with) and kept for the next summary: starting it costs about a
second, once. It opens the database read-only itself, so only file names and
numbers cross between the processes. The built-in templates are EventDesk's
own code: they render in the calling process, as fast as before.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import io
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventdesk.store import EventStore, StoreError
from eventdesk.summary import sandbox
from eventdesk.summary.errors import SummaryError

#: The child's address space (Linux, macOS): Python, Jinja2 and Qt need about 1.2 GB of
#: it mapped before a template runs; a template gets the rest. A 64 Mi-character value,
#: the sandbox's limit, fits many times.
MAX_MEMORY = 4 * 2**30
#: How long the child may take to start (import Python, Jinja2, Qt) before it is given up.
STARTUP_SECONDS = 120.0
#: Past the template's own budget, which the sandbox reports with the file and line, the
#: parent waits this long more, then stops the child whatever it is doing.
GRACE_SECONDS = 5.0
#: True in the child: what it runs renders in place.
_IN_CHILD = False


class TemplateTooLong(SummaryError):
    """The child went past its time budget and was stopped."""


class Cancelled(SummaryError):
    """The caller no longer wants the result (the preview moved on)."""


def needed(store: EventStore) -> bool:
    """Whether a summary of ``store`` must be made in the child: a user template differs."""
    from eventdesk.summary.templates import user_templates_folder

    if _IN_CHILD or store.path is None:  # an in-memory store has no file the child can open
        return False
    folder = user_templates_folder()
    return folder is not None and bool(changed_templates(folder))


def changed_templates(folder: Path) -> list[Path]:
    """The templates of ``folder`` that are not byte for byte a built-in one.

    A folder revealed for editing holds copies of every built-in template;
    until one is edited they are EventDesk's own and render in place.
    """
    found = []
    for path in sorted(folder.glob("*")):
        if path.suffix in (".j2", ".docx") and path.is_file():
            stat = path.stat()
            if _digest(str(path), stat.st_mtime_ns, stat.st_size) not in _builtin_digests():
                found.append(path)
    return found


@functools.lru_cache(maxsize=256)
def _digest(path: str, _mtime_ns: int, _size: int) -> str:
    """A file's SHA-256, kept until its time or size changes."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


@functools.lru_cache(maxsize=1)
def _builtin_digests() -> frozenset[str]:
    from eventdesk.summary.templates import BUILTIN, builtin_docx_folder

    paths = [*BUILTIN.glob("*.j2"), *builtin_docx_folder().glob("*.docx")]
    return frozenset(hashlib.sha256(p.read_bytes()).hexdigest() for p in paths)


# -- the parent's side ------------------------------------------------------------


class _Worker:
    """The child process and the pipe to it; one call at a time."""

    def __init__(self, module: str, cancelled: Callable[[], bool] | None) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end, module), daemon=True)
        self.process.start()
        child_end.close()
        # Starting takes a second or more (several on a busy machine): it is not the template's
        # time, so its budget starts once the child says it is ready.
        deadline = time.monotonic() + STARTUP_SECONDS
        while not self.conn.poll(0.05):
            if cancelled is not None and cancelled():
                self.stop()
                raise Cancelled("The summary was no longer wanted and was stopped.")
            if time.monotonic() > deadline or not self.process.is_alive():
                self.stop()
                raise SummaryError("The process that renders templates did not start.")
        with contextlib.suppress(EOFError, OSError):
            self.conn.recv()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()  # our own child: TerminateProcess on Windows
        self.process.join(5)
        self.conn.close()


_worker: _Worker | None = None
_lock = threading.Lock()


def run(
    function: Callable[..., Any],
    store: EventStore,
    *,
    seconds: float | None = None,
    cancelled: Callable[[], bool] | None = None,
    **kwargs: Any,
) -> Any:
    """Call ``function(store, **kwargs)`` in the child; stop it past ``seconds``.

    ``function`` is a module-level function (``api.write_summary``): it
    crosses to the child by its module and name, as pickle sends a function,
    so this module need not know the functions it runs.

    Errors come back as the :class:`SummaryError` or :class:`StoreError` the
    child raised; a child that died (out of memory, or killed) is one line too.
    """
    global _worker
    budget = sandbox.MAX_SECONDS if seconds is None else seconds
    limits = {name: getattr(sandbox, name) for name in sandbox.LIMITS}
    limits["MAX_SECONDS"] = budget
    limits["MAX_MEMORY"] = MAX_MEMORY
    request = (function, str(store.path), _templates_folder(), limits, kwargs)
    with _lock:
        if _worker is None or not _worker.process.is_alive():
            _worker = _Worker(function.__module__, cancelled)
        worker = _worker
        worker.conn.send(request)
        deadline = time.monotonic() + budget + GRACE_SECONDS
        while not worker.conn.poll(0.05):
            stop = None
            if not worker.process.is_alive():
                stop = SummaryError(_died(worker.process.exitcode))
            elif time.monotonic() > deadline:
                stop = TemplateTooLong(_too_long(budget))
            elif cancelled is not None and cancelled():
                stop = Cancelled("The summary was no longer wanted and was stopped.")
            if stop is not None:
                worker.stop()
                _worker = None
                raise stop
        try:
            kind, value, told = worker.conn.recv()
        except (EOFError, OSError):
            worker.stop()
            _worker = None
            raise SummaryError(_died(worker.process.exitcode)) from None
    sys.stderr.write(told)
    if kind == "ok":
        return value
    raise (StoreError if kind == "store" else SummaryError)(value)


def _too_long(seconds: float) -> str:
    folder = _templates_folder()
    return (
        f"This template took too long (more than {seconds:g} seconds) and was stopped; "
        f"check the templates in {folder}."
    )


def _died(code: int | None) -> str:
    return (
        f"The template stopped the process that renders it (exit code {code}); it may have "
        f"needed more than {MAX_MEMORY // 2**30} GB of memory. No summary was written."
    )


def _templates_folder() -> str | None:
    from eventdesk.summary.templates import user_templates_folder

    folder = user_templates_folder()
    return str(folder) if folder is not None else None


def stop_worker() -> None:
    """End the child (tests, and a window that closes, call this; at exit it ends anyway)."""
    global _worker
    with _lock:
        if _worker is not None:
            _worker.stop()
            _worker = None


# -- the child's side ---------------------------------------------------------------


def _serve(conn: Any, module: str) -> None:
    """The child's loop: one request in, one answer out, until the pipe closes.

    ``module`` (the first function's) is imported before the child says it is
    ready: the slow part of starting, done once and outside any template's budget.
    """
    global _IN_CHILD
    _IN_CHILD = True
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the child shows nothing
    _limit_memory(MAX_MEMORY)
    importlib.import_module(module)
    conn.send(("ready",))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        told = io.StringIO()  # warnings go to the parent's standard error, in order
        try:
            with contextlib.redirect_stderr(told):
                answer: tuple[str, Any] = ("ok", _answer(*request))
        except SummaryError as exc:
            answer = ("summary", str(exc))
        except StoreError as exc:
            answer = ("store", str(exc))
        except MemoryError:
            conn.send(("summary", _died("MemoryError"), ""))
            return  # memory may be left in pieces: the next summary gets a new child
        except Exception as exc:  # one line, as the command line's own internal errors
            answer = ("summary", f"The summary could not be made ({type(exc).__name__}: {exc}).")
        conn.send((*answer, told.getvalue()))


def _answer(
    function: Callable[..., Any],
    db: str,
    folder: str | None,
    limits: dict[str, Any],
    kwargs: dict[str, Any],
) -> Any:
    from eventdesk.summary import templates

    if folder is not None:
        templates.use_folder(Path(folder))
    _limit_memory(limits.pop("MAX_MEMORY"))
    for name, value in limits.items():  # the parent's limits, its budget for this call
        setattr(sandbox, name, value)
    with EventStore.open(db, read_only=True, verify=False) as store:
        return function(store, **kwargs)


def _limit_memory(cap: int) -> None:
    """Cap the child's address space at ``cap`` bytes (its soft limit: each call may set it)."""
    if sys.platform == "win32":
        return  # no resource module: the sandbox's size checks and the time budget hold
    import resource

    with contextlib.suppress(ValueError, OSError):  # a platform that refuses keeps its own
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = cap if hard == resource.RLIM_INFINITY else min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
