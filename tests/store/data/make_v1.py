"""Writes eventdesk-v1.sqlite3: a database as schema version 1 left it, with records.

Kept so the migration test starts from a real file of the previous version.
Run once when a version is released; the file is committed beside it.
"""

from pathlib import Path

from sqlite_utils import Database

from eventdesk.store.migrations import migrate

target = Path(__file__).with_name("eventdesk-v1.sqlite3")
target.unlink(missing_ok=True)
db = Database(target)
migrate(db, target=1)
with db.atomic():
    db["organisations"].insert(
        {
            "id": 1,
            "uid": "org-lingnan",
            "name": "Lingnan University",
            "kind": "university",
            "city": "Hong Kong",
        }
    )
    db["people"].insert(
        {
            "id": 1,
            "uid": "p-ding",
            "family_name": "Ding",
            "given_name": "Xiaodong",
            "name_order": "family_first",
            "name_zh": "丁晓东",
        }
    )
    db["meetings"].insert(
        {
            "id": 1,
            "uid": "m-2019",
            "title": "Delegation visit to Lingnan",
            "start_date": "2019-05-14",
            "format": "onsite",
            "our_role": "visiting",
            "status": "final",
            "tags": "[]",
        }
    )
    db["attendances"].insert(
        {
            "id": 1,
            "uid": "a-1",
            "meeting_id": 1,
            "person_id": 1,
            "organisation_id": 1,
            "title": "Vice President",
            "role": "delegate",
            "side": "ours",
            "precedence": 0,
        }
    )
db.vacuum()
db.close()
print(target, target.stat().st_size)
