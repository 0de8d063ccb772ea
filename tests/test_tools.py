"""The tests that need LibreOffice or poppler fail under CI when it is missing, never pass."""

from __future__ import annotations

import shutil

import pytest

from tests import tools


def test_a_missing_program_fails_under_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="libreoffice-writer-nogui"):
        tools.need("soffice")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="poppler-utils"):
        tools.need("pdffonts")
