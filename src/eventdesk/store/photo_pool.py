"""The photos of backups: copied checked, shared in one pool, pruned when no backup names them.

Photos never change (``store/media.py``), so every backup in ``backups/``
shares one copy of each in ``backups/media/``, and a backup copies only the
photos that folder does not hold yet. Each copy is checked against the
photo's SHA-256 as it is made: a photo damaged in the database's folder, or
a link put in its place, never reaches a backup under its good name; the
pool remembers it as not copied (``.not-copied``), so a later backup copies
it once it is whole again.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from eventdesk.store import busy_files, media
from eventdesk.store.locations import sqlite_uri
from eventdesk.store.snapshots import complete

Progress = Callable[[int, int], object]


def held(pool: Path, target: Path) -> set[str]:
    """Photos the shared pool surely holds: those the newest finished backup beside it names,
    but for those it could not copy (:func:`note_incomplete`).

    Only a ``backups`` folder's shared pool: a database's own folder (a backup written with
    ``backup -o`` beside other databases) holds nothing because a file beside it names it."""
    if pool != target.parent / "media" or not pool.is_dir():
        return set()
    finished = [p for p in target.parent.glob("*.sqlite3") if p != target and complete(p)]
    if not finished:
        return set()
    newest = max(finished, key=lambda p: p.stat().st_mtime_ns)
    return named_by(newest, immutable=True) - _incomplete(pool)


_INCOMPLETE = ".not-copied"


def _incomplete(pool: Path) -> set[str]:
    try:
        return set((pool / _INCOMPLETE).read_text(encoding="utf-8").split())
    except OSError:
        return set()


def note_incomplete(pool: Path, missing: set[str]) -> None:
    """Remember the photos a finished backup names but the pool lacks (damaged, missing), so
    the next backup looks for them again instead of taking the pool to hold them."""
    left = {sha for sha in _incomplete(pool) | missing if not _present(media.path_in(pool, sha))}
    note = pool / _INCOMPLETE
    if left:
        pool.mkdir(parents=True, exist_ok=True)
        note.write_text("\n".join(sorted(left)) + "\n", encoding="utf-8")
    else:
        note.unlink(missing_ok=True)


def left_out(copy: Path, bad: dict[str, str], target: Path) -> list[str]:
    """One line for each photo left out of the backup at ``target``, naming its record."""
    if not bad:
        return []
    conn = sqlite3.connect(sqlite_uri(copy, mode="ro"), uri=True)
    try:
        lines = []
        for sha, why in sorted(bad.items()):
            row = conn.execute(
                "SELECT id, meeting_id, original_name FROM files WHERE sha256 = ? LIMIT 1", [sha]
            ).fetchone()
            what = f"photo {row[2]!r} (file {row[0]} of meeting {row[1]})" if row else sha[:12]
            lines.append(
                f"{what} was not copied into {target.name}: {why}. Run `eventdesk check`; "
                "restore the database from an earlier backup to get it back."
            )
        return lines
    finally:
        conn.close()


def _named(conn: sqlite3.Connection) -> set[str]:
    try:
        return {r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM files WHERE sha256 != ''")}
    except sqlite3.DatabaseError:  # written before photos left the database, or damaged
        return set()


def named_by(path: Path, *, immutable: bool = False) -> set[str]:
    """The photo hashes the database file at ``path`` names (none if it cannot be read).

    ``immutable`` reads a file no one writes (a finished backup, a restore's
    candidate) without leaving ``-wal``/``-shm`` files beside it.
    """
    flags = {"mode": "ro", "immutable": "1"} if immutable else {"mode": "ro"}
    try:
        conn = sqlite3.connect(sqlite_uri(path, **flags), uri=True)
    except sqlite3.Error:
        return set()
    try:
        return _named(conn)
    finally:
        conn.close()


def copy_photos(
    wanted: set[str],
    sources: list[Path],
    dest: Path,
    tell: Progress | None = None,
    bad: dict[str, str] | None = None,
) -> list[str]:
    """Copy into ``dest`` each wanted photo it lacks, from the first source holding it whole.

    Only what ``dest`` lacks is copied, which is what keeps a daily backup
    small. Each copy is checked against the photo's SHA-256 as it is made: a
    damaged photo, or a link standing in its place, is never copied (the
    next source is tried), and what was wrong is added to ``bad`` by hash.
    ``tell(done, total)`` counts the photos copied. Returns the hashes
    found whole nowhere.
    """
    lost = []
    todo = [sha for sha in sorted(wanted) if not _present(media.path_in(dest, sha))]
    for n, sha in enumerate(todo, 1):
        for folder in sources:
            candidate = media.path_in(folder, sha)
            if not (candidate.is_file() or candidate.is_symlink()):
                continue
            try:
                media.copy_in(dest, candidate, sha)
                break
            except media.BadPhoto as exc:
                if bad is not None:
                    bad.setdefault(sha, str(exc))
        else:
            lost.append(sha)
        if tell is not None:
            tell(n, len(todo))
    return lost


def _present(path: Path) -> bool:
    return path.is_file() and not media.is_link(path)


def prune_photos(folder: Path) -> list[Path]:
    """Delete the photos in ``folder/media`` that no backup in ``folder`` names any more."""
    pool = folder / "media"
    if not pool.is_dir():
        return []
    named: set[str] = set()
    for path in folder.glob("*.sqlite3"):
        named |= named_by(path, immutable=True)
    recent = time.time() - media.GRACE  # a backup being written may have copied it just now
    stored = media.stored(pool)
    unnamed = [p for sha, p in stored if sha not in named and p.lstat().st_mtime < recent]
    return busy_files.remove_all(unnamed)[0]  # one held open elsewhere goes next time
