"""Databases named as an office names them: drive letters, network shares, Chinese, long paths.

Windows' names are built with ``PureWindowsPath``, so what SQLite will be
handed on an office's PC is shown here on any system; the URIs of this
system's own paths are opened by SQLite for real.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from eventdesk.store.locations import WINDOWS_PATH_LIMIT, long_path, shown, sqlite_uri


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (
            r"C:\Users\chen\EventDesk\eventdesk.sqlite3",
            "file:///C:/Users/chen/EventDesk/eventdesk.sqlite3",
        ),
        # a mapped network drive stays a drive: never file://server/… (SQLite refuses an authority)
        (
            r"Z:\国际交流处\会议 2026.sqlite3",
            "file:///Z:/%E5%9B%BD%E9%99%85%E4%BA%A4%E6%B5%81%E5%A4%84/%E4%BC%9A%E8%AE%AE%202026.sqlite3",
        ),
        # a UNC name: an empty authority, then the path //server/share/…
        (r"\\fileserver\office\eventdesk.sqlite3", "file:////fileserver/office/eventdesk.sqlite3"),
        (r"\\localhost\C$\data\x.sqlite3", "file:////localhost/C%24/data/x.sqlite3"),
        # the long-path forms read as the names they stand for
        (r"\\?\C:\data\x.sqlite3", "file:///C:/data/x.sqlite3"),
        (r"\\?\UNC\fileserver\office\x.sqlite3", "file:////fileserver/office/x.sqlite3"),
        # characters a URI gives meaning to are escaped, not read as a query or fragment
        (r"D:\100% #1?.sqlite3", "file:///D:/100%25%20%231%3F.sqlite3"),
    ],
)
def test_windows_names_become_uris_sqlite_accepts(path, uri):
    assert sqlite_uri(PureWindowsPath(path)) == uri


def test_the_query_follows_the_path():
    path = PureWindowsPath(r"\\fileserver\office\x.sqlite3")
    assert sqlite_uri(path, mode="ro", immutable="1") == (
        "file:////fileserver/office/x.sqlite3?mode=ro&immutable=1"
    )
    assert sqlite_uri(PurePosixPath("/srv/办公室/x.sqlite3"), mode="ro") == (
        "file:///srv/%E5%8A%9E%E5%85%AC%E5%AE%A4/x.sqlite3?mode=ro"
    )


@pytest.mark.parametrize("name", ["会议 记录.sqlite3", "100% #1?.sqlite3", "a&b=c;d.sqlite3"])
def test_sqlite_opens_this_systems_uri_of_any_name(tmp_path, name):
    # Given a database in a folder and under a name with Chinese and URI characters
    folder = tmp_path / "国际交流处" / "2026 #2"
    folder.mkdir(parents=True)
    path = folder / name
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES ('浸會')")
    conn.close()
    # when it is opened read-only through its URI, from another working folder, by a relative name
    relative = Path(*[".."] * len(Path.cwd().parts)) / path.relative_to(path.anchor)
    for named in (path, relative):
        reader = sqlite3.connect(sqlite_uri(named, mode="ro"), uri=True)
        try:
            # then it is that file, and nothing can be written through it
            assert reader.execute("SELECT x FROM t").fetchone() == ("浸會",)
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                reader.execute("INSERT INTO t VALUES (1)")
        finally:
            reader.close()
    assert sorted(p.name for p in folder.iterdir()) == [name]


def test_a_long_windows_path_gets_the_form_without_a_limit():
    deep = PureWindowsPath("C:\\" + "\\".join(["部门文件夹" * 8] * 6), "ab", "c" * 62)
    assert len(str(deep)) > WINDOWS_PATH_LIMIT
    assert str(long_path(deep)) == "\\\\?\\" + str(deep)
    share = PureWindowsPath("\\\\fileserver\\office\\" + "x" * 250)
    assert str(long_path(share)) == "\\\\?\\UNC\\fileserver\\office\\" + "x" * 250
    assert shown(long_path(share)) == str(share)  # messages name it as the user does
    # normalised first: the long form turns off Windows' own clean-up of ".."
    dotted = PureWindowsPath("D:\\" + "y" * 250 + "\\..\\photo")
    assert str(long_path(dotted)) == "\\\\?\\D:\\photo"


def test_short_paths_and_other_systems_paths_stay_as_they_are():
    short = PureWindowsPath(r"C:\Users\chen\x.sqlite3")
    assert long_path(short) is short
    posix = PurePosixPath("/" + "z" * 400)
    assert long_path(posix) is posix
    assert long_path(long_path(PureWindowsPath("C:\\" + "q" * 300))) == long_path(
        PureWindowsPath("C:\\" + "q" * 300)
    )


def test_names_compare_as_the_folders_file_system_does(tmp_path):
    from eventdesk.store.locations import ignores_case, same_name

    folder = tmp_path / "backups"
    folder.mkdir()
    on_this_system = ignores_case(folder)
    assert on_this_system == (tmp_path / "BACKUPS").exists()
    assert same_name("office", "office", folder)
    assert same_name("Office", "office", folder) is on_this_system
    # a folder answering to its name in the other case, as Windows' and macOS's do
    if not on_this_system:
        (tmp_path / "BACKUPS").symlink_to(folder)
    assert ignores_case(folder)
    assert same_name("Office", "OFFICE", folder)
    assert not same_name("Office", "Offices", folder)
