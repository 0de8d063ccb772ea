"""What the window's start imports, module by module, in processor time.

    python benchmarks/start_imports.py [--top 40] [--module eventdesk.ui.app]

``python -X importtime`` gives wall-clock microseconds, which on a machine
shared with other work vary threefold between runs; this gives the main
thread's processor time of each module's own code (``self``) and with what it
imported first (``cumulative``), after PySide6 is loaded, as the bare window
loads it too. A module's ``self`` includes PySide6's making of the Qt classes
it names first (``from PySide6.QtCore import Qt`` makes every enum of the
``Qt`` namespace, 17 to 20 ms). docs/performance.md says what moved.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.abc
import sys
import time
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

#: name -> (self seconds, cumulative seconds)
TIMES: dict[str, tuple[float, float]] = {}
_STACK: list[float] = []


class _Timed(importlib.abc.MetaPathFinder):
    """Finds nothing itself: wraps the loader the other finders give, to time its module."""

    def find_spec(self, name, path, target=None):  # the finder protocol
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is None:
                continue
            loader = spec.loader
            if loader is not None and hasattr(loader, "exec_module"):
                run = loader.exec_module

                def timed(module: ModuleType, run=run, name=name) -> None:
                    started = time.thread_time()
                    _STACK.append(0.0)
                    try:
                        run(module)
                    finally:
                        total = time.thread_time() - started
                        inner = _STACK.pop()
                        if _STACK:
                            _STACK[-1] += total
                        TIMES[name] = (total - inner, total)

                with contextlib.suppress(AttributeError, TypeError):  # a loader that takes none
                    loader.exec_module = timed  # type: ignore[method-assign]
            return spec
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", default="eventdesk.ui.app")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    for qt in ("QtCore", "QtGui", "QtWidgets"):  # the bare window's share, not counted
        importlib.import_module(f"PySide6.{qt}")

    sys.meta_path.insert(0, _Timed())
    started = time.thread_time()
    importlib.import_module(args.module)
    took = time.thread_time() - started
    print(f"import {args.module}: {took * 1000:.1f} ms of processor time, {len(TIMES)} modules")
    print(f"{'self ms':>8} {'cum ms':>8}  module")
    ranked = sorted(TIMES.items(), key=lambda item: -item[1][0])
    for name, (own, total) in ranked[: args.top]:
        print(f"{own * 1000:8.1f} {total * 1000:8.1f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
