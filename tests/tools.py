"""Programs outside Python that some tests read documents with (poppler, LibreOffice).

A test that needs one fails where it is missing under CI (``CI=true``, where
``.ci/run`` installs them), and is skipped on a developer's machine without
it, with the Debian package to install named.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGES = {
    "pdftotext": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "soffice": "libreoffice-writer-nogui and libreoffice-calc-nogui",
}


def need(program: str) -> str:
    """The path of ``program``; fail under CI, skip elsewhere, when it is not installed."""
    found = shutil.which(program)
    if found:
        return found
    message = f"{program} is not installed (Debian: apt-get install {PACKAGES[program]})"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def pdftotext_pages(pdf: Path) -> list[str]:
    """The text of each page as ``pdftotext -layout`` lays it out."""
    out = subprocess.run(
        [need("pdftotext"), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages
