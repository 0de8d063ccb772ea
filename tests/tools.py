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
from typing import NoReturn

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
    missing(f"{program} is not installed (Debian: apt-get install {PACKAGES[program]})")


def missing(message: str, *, always: bool = False) -> NoReturn:
    """Skip the test for want of a program, saying so; fail it under CI, or ``always``
    (a program that is there but broken is never a reason to skip)."""
    if always or os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def pdftotext_pages(pdf: Path) -> list[str]:
    """The text of each page as ``pdftotext -layout`` lays it out."""
    out = subprocess.run(
        [need("pdftotext"), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def soffice_convert(files: list[Path], target: str, outdir: Path, profile: Path) -> list[Path]:
    """Convert ``files`` with LibreOffice headless in one run (it starts slowly).

    ``target`` is ``pdf`` or ``csv`` (with the filter's options after a colon); ``profile`` is a fresh user profile, so
    neither a running LibreOffice nor the user's settings get in the way.
    """
    soffice = need("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",  # its messages are in the system's code page
        check=True,
        timeout=300,
    )
    made = [outdir / f"{f.stem}.{target.split(':')[0]}" for f in files]
    missing = [p.name for p in made if not p.is_file()]
    assert not missing, f"LibreOffice wrote no {missing}"
    return made


def pdffonts(pdf: Path) -> set[str]:
    """The names of the fonts a PDF embeds, without the subset prefix (``ABCDEF+``)."""
    out = subprocess.run(
        [need("pdffonts"), str(pdf)], capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout
    names = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
    return {name.split("+", 1)[-1] for name in names}


def pdf_page_count(pdf: Path) -> int:
    return len(pdftotext_pages(pdf))
