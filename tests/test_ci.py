"""The CI that runs the suite where the office's PCs are: Windows and macOS, beside Linux.

No machine here runs those jobs; what can be checked is that the workflow
asks for them as docs/platforms.md says, on a supported Python, and that the
tests they exist for are in the suite.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "tests.yml"


def test_the_suite_runs_on_windows_and_macos_on_python_3_12_or_later():
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r"os: \[windows-latest, macos-latest\]", workflow)
    versions = re.findall(r'python-version: "3\.(\d+)"', workflow)
    assert versions and all(int(minor) >= 12 for minor in versions)
    assert "python -m pytest" in workflow and ".ci/run" in workflow
    assert 'EVENTDESK_TEST_SHARES: "1"' in workflow  # a share not reached fails, not skips
    assert re.search(r"timeout-minutes: (\d+)", workflow)
    assert all(int(m) <= 90 for m in re.findall(r"timeout-minutes: (\d+)", workflow))


def test_the_tests_those_jobs_exist_for_are_in_the_suite():
    from tests.store import test_windows_locations
    from tests.store.safety import test_lock

    # two programs on one database (the window and a script), on every system
    assert not hasattr(test_lock, "pytestmark")
    assert callable(test_lock.test_the_window_and_a_command_on_one_database)
    # a database on \\localhost\C$, a drive mapped to it, a subst drive, a deep folder
    source = Path(test_windows_locations.__file__).read_text(encoding="utf-8")
    for fixture in ("share_folder", "mapped_folder", "subst_folder", "deep_folder"):
        assert f'"{fixture}"' in source
    assert "\\\\\\\\localhost\\\\" in source and '"subst"' in source and '"net", "use"' in source


def test_platforms_md_names_every_job():
    text = (ROOT / "docs" / "platforms.md").read_text(encoding="utf-8")
    for job in ("windows-latest", "macos-latest", "ubuntu-24.04", "Debian"):
        assert job in text


def test_every_job_has_postgresql_for_the_team_database_tests():
    """.ci/run installs Debian's package when initdb is missing; the Windows and macOS jobs name
    the folder of theirs, so a PostgreSQL that is not found fails the tests there, never skips."""
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"/usr/lib/postgresql/\*/bin/initdb.*\|\| need\+=\(postgresql\)", run)
    workflow = WORKFLOW.read_text(encoding="utf-8")
    desktop = workflow[workflow.index("  desktop:") :]
    assert "brew install postgresql@" in desktop and "$PGBIN" in desktop
    assert 'echo "EVENTDESK_PG_BINDIR=$bindir" >> "$GITHUB_ENV"' in desktop
    assert desktop.index("EVENTDESK_PG_BINDIR") < desktop.index("python -m pytest")
