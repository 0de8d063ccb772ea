"""Before Qt starts on a Linux X11 desktop: are the libraries its xcb plugin needs there?

Qt 6's xcb platform plugin links a dozen small X libraries that a fresh
desktop install may lack. Without one, Qt prints its own long message and
aborts the process. This check loads each library the way the plugin would
(``ctypes``, no Qt) and names the missing ones with the Debian/Ubuntu
package that brings them, in one line.
"""

from __future__ import annotations

import ctypes
import os
import sys

#: (library, Debian/Ubuntu package): what ``ldd libqxcb.so`` lists beyond a base system.
XCB_LIBRARIES = [
    ("libxcb.so.1", "libxcb1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
]


def uses_xcb(environ: dict[str, str] | None = None, platform: str = sys.platform) -> bool:
    """True when Qt will start its xcb plugin: Linux, and no other platform asked for."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not env.get("WAYLAND_DISPLAY")  # Qt 6 prefers Wayland where it runs


def missing_libraries(libraries: list[tuple[str, str]] = XCB_LIBRARIES) -> list[tuple[str, str]]:
    """The (library, package) pairs that cannot be loaded."""
    missing = []
    for library, package in libraries:
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append((library, package))
    return missing


def problem(missing: list[tuple[str, str]]) -> str | None:
    """The one line to print when libraries are missing (None when all are there)."""
    if not missing:
        return None
    names = ", ".join(library for library, _package in missing)
    packages = " ".join(package for _library, package in missing)
    return (
        f"EventDesk cannot open its window: {names} (needed by Qt on X11) "
        f"{'is' if len(missing) == 1 else 'are'} missing; install with: "
        f"sudo apt-get install {packages}"
    )


def check(environ: dict[str, str] | None = None) -> str | None:
    """The message if this desktop cannot start Qt's xcb plugin, else None."""
    env = os.environ if environ is None else environ
    if not uses_xcb(env):
        return None
    missing = problem(missing_libraries())
    if missing:
        return missing
    if not env.get("DISPLAY"):  # Qt would blame a library it does have
        return "EventDesk cannot open its window: there is no X display (DISPLAY is not set)"
    return None
