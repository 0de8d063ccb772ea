"""The packaging files for the platforms this machine cannot build: kept honest without a build.

What Qt parts a build leaves out (for Linux, Windows and macOS file names), the
macOS Info.plist, the Inno Setup script's promises (per user, data untouched)
and the CI workflow's platforms.
"""

from __future__ import annotations

import plistlib
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import qt_parts  # noqa: E402


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.dylib",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6\\Qt6PrintSupport.dll",
        "eventdesk/resources/fonts/NotoSansCJKsc-Subset-Regular.otf",
    ],
)
def test_the_qt_parts_eventdesk_uses_stay(dest: str):
    assert qt_parts.keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6\\translations\\qtbase_zh_CN.qm",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6\\plugins\\platforms\\qdirect2d.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",
        "PySide6/Qt/plugins/generic/libqevdevkeyboardplugin.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
        "PySide6\\opengl32sw.dll",
        "PySide6\\d3dcompiler_47.dll",
    ],
)
def test_the_qt_parts_it_never_uses_go(dest: str):
    assert not qt_parts.keep(dest)


def test_the_macos_info_plist_has_what_the_app_bundle_needs():
    with open(PACKAGING / "macos" / "Info.plist", "rb") as f:
        info = plistlib.load(f)
    assert info["CFBundleExecutable"] == "EventDesk"
    assert re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", info["CFBundleIdentifier"])
    assert info["CFBundlePackageType"] == "APPL"
    assert info["NSHighResolutionCapable"] is True
    assert tuple(map(int, info["LSMinimumSystemVersion"].split("."))) >= (13, 0)  # Qt 6.10+
    # the version keys are written from eventdesk.__version__ by the spec at build time
    assert "CFBundleShortVersionString" in info


def test_the_windows_installer_is_per_user_and_leaves_the_data_alone():
    iss = (PACKAGING / "windows" / "eventdesk.iss").read_text(encoding="utf-8")
    assert r"DefaultDirName={localappdata}\Programs\{#AppName}" in iss
    assert "PrivilegesRequired=lowest" in iss
    assert "{autoprograms}" in iss  # the Start menu shortcut
    assert "[UninstallDelete]" not in iss.replace("No [UninstallDelete]", "")
    assert re.search(r"AppId=\{\{[0-9A-F-]{36}\}", iss)


def test_ci_builds_and_self_tests_on_windows_macos_and_linux():
    workflow = (ROOT / ".github" / "workflows" / "package.yml").read_text(encoding="utf-8")
    assert re.search(r"os: \[ubuntu-[^,]+, windows-[^,]+, macos-[^\]]+\]", workflow)
    assert "packaging/eventdesk.spec" in workflow
    assert "--self-test" in workflow
    assert "packaging/windows/eventdesk.iss" in workflow


def test_ci_self_tests_each_built_program_against_a_team_database():
    # The package job's steps run on every platform of its matrix (no `if:`): a PostgreSQL of
    # the job's own, then the built program's self-test given its address, a clerk's and a
    # reader's login, and a closed port; the Windows console program's exit status too.
    workflow = (ROOT / ".github" / "workflows" / "package.yml").read_text(encoding="utf-8")
    steps = re.split(r"\n      - ", workflow)
    for name in (
        "PostgreSQL on the loopback, for the team database's self-test",
        "Self-test the built program against the team database",
    ):
        (step,) = [s for s in steps if s.startswith(f"name: {name}\n")]
        assert "\n        if:" not in step, name
    (team,) = [s for s in steps if s.startswith("name: Self-test the built program against")]
    assert '"$PROGRAM" --db "$TEAM_DB" --self-test' in team
    assert "read-only role, no write tried" in team
    assert "Cannot reach the team database" in team
    assert "eventdesk-cli.exe --db %TEAM_DB% --self-test" in workflow
