"""A file's rows copied onto a team database, so a test (or a benchmark) holds the same
records on both engines: saved once through the file's store, read back by each engine."""

from __future__ import annotations

from eventdesk.store.engines import Connection, postgres_schema

#: Rows sent to the server at a time.
BATCH = 2_000


def copy_rows(source: Connection, target: Connection) -> dict[str, int]:
    """Every record table's rows from ``source`` (a file) into ``target`` (a new team
    database, upgraded here), keeping their ids; return the rows copied per table."""
    postgres_schema.upgrade(target)
    copied = {}
    with target.transaction():
        for table in postgres_schema.all_tables():
            columns = target.column_names(table.name)
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            insert = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
            rows = source.execute(f'SELECT {names} FROM "{table.name}"').fetchall()
            # a row naming another of its table (an organisation's parent) names it once both are in
            own = [columns.index(k.column) for k in table.foreign_keys if k.table == table.name]
            first = [tuple(None if n in own else v for n, v in enumerate(r)) for r in rows]
            for start in range(0, len(rows), BATCH):
                target.executemany(insert, first[start : start + BATCH])
            for n in own:
                later = [(r[n], r[columns.index("id")]) for r in rows if r[n] is not None]
                target.executemany(
                    f'UPDATE "{table.name}" SET "{columns[n]}" = ? WHERE id = ?', later
                )
            copied[table.name] = len(rows)
            if "id" in columns and table.primary_key == ("id",):  # new rows after the copied
                target.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f'coalesce(max(id), 0) + 1, false) FROM "{table.name}"'
                )
    return copied
