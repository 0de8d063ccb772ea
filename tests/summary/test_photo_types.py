"""Every photo type EventDesk accepts shows in every output, or the process would have died.

Given a meeting whose photo is a TIFF, a WebP, a CMYK JPEG or a JPEG with a
damaged EXIF block (each broke an output once: a 40 x 30 TIFF crashed Qt and
left a 0-byte PDF; Word output ended in an internal error for the others),
when its news release is written as PDF, DOCX or HTML, or the Photos tab shows
its thumbnail and preview, then the output holds the picture in its colours.
Each case runs in a child process (``photo_outputs.py``): a crash in an image
reader fails that case instead of killing pytest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.photo_kinds import COLOUR, KINDS
from tests.summary.photo_outputs import meeting_with_photo

ROOT = Path(__file__).resolve().parents[2]
OUTPUTS = ("pdf", "docx", "html", "thumbnail", "preview")


def _close(colour: list[int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(colour, COLOUR, strict=True))


@pytest.fixture(scope="module")
def databases(tmp_path_factory) -> dict[str, Path]:
    """One database a kind, made once: each output's child only reads it."""
    made = {}
    for kind in KINDS:
        made[kind] = tmp_path_factory.mktemp(kind)
        meeting_with_photo(made[kind], kind)
    return made


@pytest.mark.slow
@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_photo_shows_in_the_output(kind, output, databases):
    done = subprocess.run(
        [sys.executable, "-m", "tests.summary.photo_outputs", output, str(databases[kind])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, f"the child ended with {done.returncode}: {done.stderr[-2000:]}"
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["status"] == 0 and found["size"] > 0
    assert "Traceback" not in done.stderr and "warning" not in done.stderr.lower()
    assert found["colours"] and all(_close(c) for c in found["colours"]), found
