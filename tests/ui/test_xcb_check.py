"""A Linux desktop without the X libraries Qt needs is told which, in one line."""

from __future__ import annotations

import re
from pathlib import Path

from eventdesk.ui import xcb_check

README = Path(__file__).resolve().parents[2] / "README.md"


def test_a_missing_library_is_named_with_its_package():
    missing = xcb_check.missing_libraries(
        [("libxcb.so.1", "libxcb1"), ("libxcb-not-there.so.9", "libxcb-not-there9")]
    )
    assert missing == [("libxcb-not-there.so.9", "libxcb-not-there9")]
    line = xcb_check.problem(missing)
    assert "\n" not in line
    assert "libxcb-not-there.so.9" in line and "apt-get install libxcb-not-there9" in line


def test_all_there_is_no_problem():
    assert xcb_check.problem([]) is None


def test_only_an_xcb_start_is_checked():
    assert xcb_check.uses_xcb({}, "linux")
    assert xcb_check.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not xcb_check.uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not xcb_check.uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not xcb_check.uses_xcb({}, "win32")


def test_the_readme_installs_every_library_the_check_knows():
    lines = README.read_text().splitlines()
    (line,) = [x for x in lines if x.startswith("sudo apt-get install") and "libxcb" in x]
    packages = set(re.sub(r"^sudo apt-get install ", "", line).split())
    assert packages == {package for _library, package in xcb_check.XCB_LIBRARIES}


def test_no_display_is_said_as_such():
    message = xcb_check.check({})
    if message is not None and "missing" not in message:
        assert "no X display" in message
    assert xcb_check.check({"QT_QPA_PLATFORM": "offscreen"}) is None
