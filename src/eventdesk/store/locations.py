"""Naming files as SQLite and Windows need them: ``file:`` URIs, long paths.

SQLite opens read-only or immutable files only through a ``file:`` URI, and
its rules are not Python's: ``Path.resolve().as_uri()`` turns a mapped network
drive (``Z:``) into its UNC name and then into ``file://server/share/…``,
whose authority SQLite refuses ("invalid uri authority"), so a database on a
network drive was called damaged. :func:`sqlite_uri` keeps the path as the
user named it (absolute, links not resolved) and writes it the way SQLite's
URI documentation asks on each system: ``file:///C:/…`` for a drive,
``file:////server/share/…`` for a UNC name (an empty authority, then the
path), every character outside ASCII and every ``?``, ``#`` and ``%`` escaped.

Windows and macOS take ``Office.sqlite3`` and ``office.sqlite3`` for one
file, so names made from a database's name (its backups) are compared as
its file system compares them (:func:`same_name`).

Windows refuses paths of 260 characters or more unless long paths are
enabled for the whole system. A photo's path adds about 80 characters to the
database's folder (``office.media/ab/cdef…``), so a deep share reaches that
limit: :func:`long_path` gives such a path the ``\\\\?\\`` form, which has no
limit. Both take a ``PureWindowsPath`` on any system, which is how the tests
show Windows' names on Linux.
"""

from __future__ import annotations

import ntpath
import os
from pathlib import Path, PurePath, PureWindowsPath
from typing import TypeVar
from urllib.parse import quote

#: Windows' MAX_PATH less room for a name SQLite or a rename adds (``-wal``, ``.partial``).
WINDOWS_PATH_LIMIT = 240
_EXTENDED = "\\\\?\\"
P = TypeVar("P", bound=PurePath)


def _is_windows(path: PurePath) -> bool:
    return isinstance(path, PureWindowsPath)


def _plain_windows(text: str) -> str:
    """``\\\\?\\C:\\x`` as ``C:\\x`` and ``\\\\?\\UNC\\server\\x`` as ``\\\\server\\x``."""
    if text.startswith(_EXTENDED + "UNC\\"):
        return "\\\\" + text[len(_EXTENDED) + 4 :]
    if text.startswith(_EXTENDED):
        return text[len(_EXTENDED) :]
    return text


def sqlite_uri(path: PurePath, **parameters: str) -> str:
    """The ``file:`` URI SQLite opens as ``path``, with ``parameters`` as its query.

    A relative ``Path`` is made absolute against the working folder first;
    links and mapped drives are not resolved (see the module's docstring).
    """
    if isinstance(path, Path):
        path = Path(os.path.abspath(path))
    # Windows: //server/share/… or C:/…
    text = _plain_windows(str(path)).replace("\\", "/") if _is_windows(path) else str(path)
    if not text.startswith("/"):  # a drive letter: file:///C:/…
        text = "/" + text
    uri = "file://" + quote(text, safe="/:")
    query = "&".join(f"{name}={quote(value, safe='')}" for name, value in parameters.items())
    return f"{uri}?{query}" if query else uri


def long_path(path: P) -> P:
    """``path`` in the ``\\\\?\\`` form when Windows would refuse it for its length.

    Elsewhere, and for shorter paths, ``path`` as it is. The form turns off
    Windows' own clean-up of the name, so the path is made absolute and
    normalised (no ``..``, backslashes only) first.
    """
    if not _is_windows(path):
        return path
    text = str(path)
    if isinstance(path, Path):
        text = os.path.abspath(text)
    if len(text) < WINDOWS_PATH_LIMIT or text.startswith(_EXTENDED):
        return path
    text = ntpath.normpath(text)
    if text.startswith("\\\\"):  # \\server\share\… is \\?\UNC\server\share\…
        return type(path)(_EXTENDED + "UNC\\" + text[2:])
    return type(path)(_EXTENDED + text)


def shown(path: PurePath) -> str:
    """``path`` as a person wrote it: without the ``\\\\?\\`` form :func:`long_path` adds."""
    return _plain_windows(str(path)) if _is_windows(path) else str(path)


def ignores_case(folder: Path) -> bool:
    """Whether ``folder``'s file system takes ``Office`` and ``office`` for one name.

    Windows' and macOS's do by default, Linux's do not, and a share keeps its
    server's rule: so the folder is asked (does its name in the other case
    name the same folder?), not the system.
    """
    for place in (folder, *folder.parents):
        other = place.name.swapcase()
        if other == place.name:
            continue  # no letters to swap: ask the folder above
        try:
            return os.path.samefile(place, place.with_name(other))
        except OSError:
            return False
    return False


def same_name(a: str, b: str, folder: Path) -> bool:
    """Whether ``a`` and ``b`` name the same file in ``folder``."""
    return a == b or (a.casefold() == b.casefold() and ignores_case(folder))
