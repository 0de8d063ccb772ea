"""Which parts of Qt a built EventDesk takes, shared by ``eventdesk.spec`` and ``measure.py``.

PyInstaller's PySide6 hooks collect every plugin folder of each Qt module the
program imports (QtGui alone brings platform, input, theme, image, EGL, Wayland
and generic-input plugins) and every Qt translation. EventDesk is a QtWidgets
program that prints; it needs:

- ``platforms``: offscreen (the self-test and CI), xcb and wayland on Linux,
  windows on Windows, cocoa on macOS. Not eglfs, linuxfb, vnc, minimal, vkkhrdisplay.
- ``platforminputcontexts``: compose and ibus (typing Chinese on Linux), not the
  virtual keyboard (it brings QtQuick); ``platformthemes``: the XDG portal (native
  file dialogs), not gtk3 (it brings the system's GTK); the bradient decoration and
  xdg-shell (windows on a Wayland desktop); ``xcbglintegrations``.
- ``imageformats``: PNG is built into QtGui; jpeg (photos), svg (icons), ico
  (the Windows icon), gif. Not webp, tiff, icns, tga, wbmp, pdf.
- ``iconengines`` (SVG icons), ``printsupport`` (CUPS), ``styles``.

On Windows the OpenGL software renderer and ANGLE DLLs are left out too. Left
out everywhere: ``egldeviceintegrations`` and ``generic`` (embedded devices and
touch panels), ``wayland-graphics-integration-client`` (GPU buffers; widgets
draw in software), the Qt translations (EventDesk's own screens are in English and
it loads no Qt translator), and the Python modules of Qt that it never imports.
"""

from __future__ import annotations

import re
import sys

#: Python modules a build must not take even if some library mentions them.
EXCLUDED_MODULES = [
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest",
    "PySide6.QtNetwork",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDBus",
    "PySide6.QtLabsStyleKit",
    "tkinter",
]

#: Plugin folders taken whole.
_WHOLE_FOLDERS = {"printsupport", "styles", "iconengines", "xcbglintegrations"}

#: Plugin folders of which only some plugins are taken: a plugin's file name, less
#: ``lib`` and ``q``, starts with one of these (libqxcb.so, qwindows.dll, libqcocoa.dylib).
_SOME_OF_FOLDER = {
    "platforms": ("offscreen", "xcb", "wayland", "windows", "cocoa"),
    "platforminputcontexts": ("compose", "ibus"),
    # gtk3 would bring the system's GTK libraries into the bundle; the portal is enough.
    "platformthemes": ("xdgdesktopportal",),
    "imageformats": ("jpeg", "svg", "ico", "gif"),
    "wayland-decoration-client": ("bradient",),
    "wayland-shell-integration": ("xdg-shell",),
}

# PySide6/Qt/plugins/... on Linux and macOS, PySide6/plugins/... on Windows.
_QT = r"PySide6[/\\](?:Qt[/\\])?"
_PLUGIN = re.compile(_QT + r"plugins[/\\]([^/\\]+)[/\\](.*[/\\])?([^/\\]+)$")
_TRANSLATION = re.compile(_QT + r"translations[/\\]")


def _plugin_name(filename: str) -> str:
    """``libqxcb.so`` / ``qxcb.dll`` / ``libqcocoa.dylib`` -> ``xcb``, ``cocoa``."""
    stem = filename.split(".")[0].removeprefix("lib")
    return stem.removeprefix("q") if stem.startswith("q") and stem != "qt" else stem


#: Windows DLLs that Qt loads only for OpenGL (its software renderer alone is 20 MB);
#: EventDesk's widgets draw without OpenGL.
_OPENGL_ONLY = ("opengl32sw.dll", "d3dcompiler_", "libegl.dll", "libglesv2.dll")


def keep(dest: str) -> bool:
    """Whether a file that PyInstaller collected, named by its place in the bundle, stays."""
    if _TRANSLATION.search(dest):
        return False
    if dest.replace("\\", "/").rsplit("/", 1)[-1].lower().startswith(_OPENGL_ONLY):
        return False
    match = _PLUGIN.search(dest)
    if not match:
        return True
    folder, nested, filename = match.groups()
    if folder in _WHOLE_FOLDERS or (folder == "platforms" and nested):
        return True  # platforms/darwin/... on macOS: helpers of the cocoa plugin
    if folder in _SOME_OF_FOLDER:
        return _plugin_name(filename).startswith(_SOME_OF_FOLDER[folder])
    return False


def _base(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def _imports(source: str) -> set[str]:
    """Base names of the shared libraries a binary links to (PyInstaller's own reader)."""
    from PyInstaller.depend.bindepend import get_imports

    try:
        return {_base(name) for name, _path in get_imports(source)}
    except Exception:  # not a binary PyInstaller can read: it links to nothing we prune
        return set()


def _orphans(kept: list[tuple], dropped: list[tuple]) -> set[str]:
    """Libraries that came in only as dependencies of what was dropped.

    A library is a candidate when a dropped plugin links to it, directly or through
    other candidates; it goes only if nothing else that stays links to it. Libraries
    loaded by name at run time (ctypes, Qt's own dlopen) are never candidates.
    """
    binaries = {_base(e[0]): e for e in kept if e[2] != "SYMLINK"}
    links = {name: _imports(e[1]) & binaries.keys() for name, e in binaries.items()}
    candidates: set[str] = set()
    todo = [lib for e in dropped if e[2] != "SYMLINK" for lib in _imports(e[1])]
    while todo:
        lib = todo.pop()
        if lib in binaries and lib not in candidates:
            candidates.add(lib)
            todo.extend(links[lib])
    needed: set[str] = set()
    todo = [lib for name in binaries.keys() - candidates for lib in links[name]]
    while todo:
        lib = todo.pop()
        if lib not in needed:
            needed.add(lib)
            todo.extend(links.get(lib, ()))
    return candidates - needed


def trim(analysis) -> list[str]:
    """Drop the Qt parts EventDesk does not use from an Analysis; return what was dropped.

    First the plugins and translations that :func:`keep` refuses, then the libraries
    that only they needed (the EGL device libraries of eglfs, GTK's of the gtk3 theme,
    QtNetwork's of the TLS plugins), then symbolic links left pointing at nothing.
    """
    kept: list[tuple] = []
    dropped: list[tuple] = []
    for entry in [*analysis.binaries, *analysis.datas]:
        (kept if keep(entry[0]) else dropped).append(entry)
    orphans = _orphans(kept, dropped)
    gone = {e[0] for e in dropped} | {e[0] for e in kept if _base(e[0]) in orphans}

    def stays(entry: tuple) -> bool:
        if entry[0] in gone:
            return False
        if entry[2] == "SYMLINK":  # (link, target relative to the link's folder, "SYMLINK")
            folder = entry[0].replace("\\", "/").rpartition("/")[0]
            target = f"{folder}/{entry[1]}" if folder else entry[1]
            return _base(target) not in orphans and target not in gone
        return True

    analysis.binaries = [e for e in analysis.binaries if stays(e)]
    analysis.datas = [e for e in analysis.datas if stays(e)]
    return sorted(gone) + drop_top_level_links(analysis)


def drop_top_level_links(analysis) -> list[str]:
    """On Linux, leave out the links PyInstaller adds at the top of ``_internal/``.

    For each library it collects into a subfolder (Qt's and ICU's into PySide6/Qt/lib,
    Pillow's into pillow.libs) PyInstaller adds a symbolic link at the top "to
    accommodate LD_LIBRARY_PATH" and says it "might be redundant" (bindepend.py): every
    binary that needs one of those libraries finds it through its own RUNPATH ($ORIGIN,
    $ORIGIN/Qt/lib, $ORIGIN/../pillow.libs, ...), which tests/packaging checks with the
    dynamic linker's own resolution. A zip tool that follows links (``shutil.make_archive``,
    most on Windows) stores each of those libraries twice: ICU and Qt alone are 28 MB
    more in the zip. macOS needs its links (PyInstaller rewrites library paths to the
    top), and Windows builds have none.
    """
    if not sys.platform.startswith("linux"):
        return []

    def top_link(entry: tuple) -> bool:  # PyInstaller lists the links among the datas
        return entry[2] == "SYMLINK" and "/" not in entry[0].replace("\\", "/")

    links = [e[0] for e in [*analysis.binaries, *analysis.datas] if top_link(e)]
    analysis.binaries = [e for e in analysis.binaries if not top_link(e)]
    analysis.datas = [e for e in analysis.datas if not top_link(e)]
    return links
