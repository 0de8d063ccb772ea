"""Meeting search on a team database at ten years: the two indexes PostgreSQL ships, measured.

    python benchmarks/pg_search.py [--keep FILE] [--runs 20] [--address postgresql://…]

Generates the ten-year database (``generate.py``, scale 1, no photos) unless ``--keep`` names
one already made, starts a PostgreSQL of its own on the loopback (``tests/postgres_server.py``,
the one the tests start) unless ``--address`` names an empty database, copies every row onto
it (``eventdesk copy``) and builds each meeting's search document there again
(``meeting_search.reindex``, timed). Then it
measures, over the loopback from this process, what a keystroke costs with each candidate:

* ``tsvector``: the documents' words and pairs of adjacent Chinese characters in a GIN index,
  what ``engines/postgres_search.py`` does;
* ``pg_trgm``: the same words in order (``body``) in a GIN trigram index
  (``gin_trgm_ops``), each typed word a ``LIKE '% word%'`` (a word's beginning; the body is
  already in lower case, so ``LIKE`` where raw text would need ``ILIKE``); the same meetings
  are found, only the index differs. ``similarity`` ranks near spellings, which the file's
  search does not find, so it is not measured as a keystroke.

A keystroke is a prefix typed one character at a time (1, 2, 3 characters, Latin and Chinese):
the list's first page (200 rows, the window's default) newest first, as ``probe.py`` times the
file's; the count the list shows a moment later is measured on its own. Prints the tables
(median and 95th percentile per kind of keystroke and over all), the sizes and build times;
the file's own FTS5 search on the same records is the first column, for comparison.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402
from run import percentile  # noqa: E402

from eventdesk.store import fts  # noqa: E402
from eventdesk.store import meeting_search as search  # noqa: E402
from eventdesk.store.copying import copy_database  # noqa: E402
from eventdesk.store.database import open_database  # noqa: E402
from eventdesk.store.engines import connect, postgres_search  # noqa: E402
from eventdesk.store.engines.fts5_words import words  # noqa: E402

PAGE = 200
TARGET_MS = 30.0


def keystrokes(conn) -> dict[str, list[str]]:
    """Prefixes typed one character at a time, by kind: common Latin beginnings, and the
    Chinese of the records' most frequent name (its first one, two and three characters)."""
    latin = ["wang", "chen", "shanghai", "summer", "ding", "li", "p", "report"]
    names = conn.execute(
        "SELECT name_zh, count(*) AS n FROM people WHERE coalesce(name_zh, '') <> '' "
        "GROUP BY name_zh ORDER BY n DESC, name_zh LIMIT 4"
    ).fetchall()
    chinese = [name for name, _ in names] + ["本校", "机构1"]
    typed: dict[str, list[str]] = collections.defaultdict(list)
    for word in latin:
        for n in (1, 2, 3):
            if len(word) >= n:
                typed[f"Latin, {n}"].append(word[:n])
    for word in chinese:
        for n in (1, 2, 3):
            if len(word) >= n:
                typed[f"Chinese, {n}"].append(word[:n])
    typed["two words"] = ["wang li", "chen s", "ding x", "李 w"]
    return {kind: sorted(set(texts)) for kind, texts in typed.items()}


def _trigram_where(text: str) -> tuple[str, list[str]] | None:
    """The same terms as ``postgres_search.where``, each spelling a LIKE on ``body``."""
    clauses, params = [], []
    for forms in fts.query_terms(text, split_han=True):
        likes = []
        for form in forms:
            found = words(fts.spaced_han(form.text) if form.han else form.text)
            if found:
                escaped = postgres_search.escape_like(" ".join(found))
                likes.append(f"% {escaped} %" if form.han else f"% {escaped}%")
        if likes:
            clauses.append("(" + " OR ".join("body LIKE ?" for _ in likes) + ")")
            params += likes
    return (" AND ".join(clauses), params) if clauses else None


def trigram_page(conn, text: str) -> list[int]:
    clause, params = _trigram_where(text) or ("false", [])
    page = conn.execute(
        f"SELECT meeting_id FROM trgm_search WHERE {clause} "
        "ORDER BY start_date DESC, meeting_id DESC LIMIT ?",
        [*params, PAGE],
    )
    return [m for (m,) in page]


def trigram_count(conn, text: str) -> int:
    clause, params = _trigram_where(text) or ("false", [])
    return conn.execute(f"SELECT count(*) AS n FROM trgm_search WHERE {clause}", params).scalar()


def engine_page(conn, text: str) -> list[int]:
    return search.search(conn, text, limit=PAGE)


def timed(fn, conn, typed: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Milliseconds per call of ``fn`` for each keystroke, by kind; one warm-up round first."""
    for texts in typed.values():
        for text in texts:
            fn(conn, text)
    samples: dict[str, list[float]] = collections.defaultdict(list)
    for _ in range(runs):
        for kind, texts in typed.items():
            for text in texts:
                started = time.perf_counter()
                fn(conn, text)
                samples[kind].append((time.perf_counter() - started) * 1000)
    return samples


def build_trigrams(conn) -> float:
    started = time.perf_counter()
    conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    conn.execute("DROP TABLE IF EXISTS trgm_search")
    conn.execute(
        "CREATE TABLE trgm_search AS SELECT meeting_id, start_date, body FROM meeting_search"
    )
    conn.execute("CREATE INDEX ON trgm_search USING gin (body gin_trgm_ops)")
    conn.execute("CREATE INDEX ON trgm_search (start_date DESC, meeting_id DESC)")
    return time.perf_counter() - started


def size(conn, relation: str) -> float:
    return (
        conn.execute("SELECT pg_total_relation_size(?::regclass) AS n", (relation,)).scalar()
        / 2**20
    )


def report(columns: dict[str, dict[str, list[float]]]) -> None:
    kinds = list(next(iter(columns.values())))
    print(f"{'keystroke':<14}" + "".join(f"{name:>26}" for name in columns))
    print(f"{'':<14}" + "".join(f"{'median / 95th pct ms':>26}" for _ in columns))
    for kind in [*kinds, "all"]:
        cells = []
        for samples in columns.values():
            values = list(itertools.chain(*samples.values())) if kind == "all" else samples[kind]
            cells.append(f"{statistics.median(values):>15.1f} / {percentile(values, 95):>6.1f}")
        print(f"{kind:<14}" + "".join(f"{c:>26}" for c in cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="a database generate.py made (else made now)")
    parser.add_argument("--address", help="an empty team database (else one is started here)")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="eventdesk-pgsearch-"))
    file = args.keep or work / "ten-years.sqlite3"
    if not file.exists():
        generate(file, scale=1, seed=1, photos_per_meeting=0)
    open_database(file).close()  # a kept file of an older EventDesk is upgraded first
    server = None
    address = args.address
    if address is None:
        from tests.postgres_server import PostgresServer, find_bindir

        bindir = find_bindir()
        if bindir is None:
            raise SystemExit("no PostgreSQL here: install Debian's postgresql package")
        server = PostgresServer(bindir)
        server.start()
        # Characters as a UTF-8 locale classes them, as an office's server has it: with the
        # tests' "C" pg_trgm takes no Chinese character for a letter and indexes none of them.
        with connect(server.address()) as admin:
            admin.execute(
                "CREATE DATABASE bench TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'"
            )
        address = server.address("bench")
    try:
        started = time.perf_counter()
        copied = copy_database(str(file), address)  # eventdesk copy, search words included
        copy_s = time.perf_counter() - started
        with connect(file) as sqlite, connect(address) as pg:
            started = time.perf_counter()
            documents = search.reindex(pg)
            reindex_s = time.perf_counter() - started
            trigram_s = build_trigrams(pg)
            # as autovacuum leaves them soon after: statistics taken, pages marked visible
            pg.execute("VACUUM ANALYZE")
            typed = keystrokes(sqlite)
            same = all(
                engine_page(pg, t) == trigram_page(pg, t) == engine_page(sqlite, t)
                and search.count(pg, t) == trigram_count(pg, t) == search.count(sqlite, t)
                for texts in typed.values()
                for t in texts
            )
            columns = {
                "SQLite FTS5 (the file)": timed(engine_page, sqlite, typed, args.runs),
                "PostgreSQL tsvector+GIN": timed(engine_page, pg, typed, args.runs),
                "PostgreSQL pg_trgm GIN": timed(trigram_page, pg, typed, args.runs),
            }
            counts = {
                "SQLite FTS5 (the file)": timed(search.count, sqlite, typed, args.runs),
                "PostgreSQL tsvector+GIN": timed(search.count, pg, typed, args.runs),
                "PostgreSQL pg_trgm GIN": timed(trigram_count, pg, typed, args.runs),
            }
            rows = sum(n for name, n, _ in copied.counts if name != "photo bytes")
            print(f"eventdesk copy: {rows:,} rows and photos in {copy_s:.1f} s")
            print(
                f"tsvector documents: {documents:,} built in {reindex_s:.1f} s; table and "
                f"indexes {size(pg, 'meeting_search'):.0f} MiB, GIN "
                f"{size(pg, 'idx_meeting_search_words'):.0f} MiB"
            )
            trgm_index = pg.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'trgm_search' "
                "AND indexdef LIKE '%gin_trgm_ops%'"
            ).scalar()
            print(
                f"pg_trgm: built in {trigram_s:.1f} s from the same words; table and indexes "
                f"{size(pg, 'trgm_search'):.0f} MiB, GIN {size(pg, trgm_index):.0f} MiB"
            )
            print(f"the same meetings found by all three for every keystroke: {same}")
            print(f"keystrokes: {', '.join(w for ws in typed.values() for w in ws)}")
            print()
            print("A keystroke: the first page of the list (200 rows, newest first)")
            report(columns)
            print("\nThe count the list shows a moment later")
            report(counts)
            pg_all = list(itertools.chain(*columns["PostgreSQL tsvector+GIN"].values()))
            met = percentile(pg_all, 95) < TARGET_MS
            print(f"\ntsvector+GIN keystroke 95th percentile under {TARGET_MS:.0f} ms: {met}")
            return 0 if met and same else 1
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
