"""Generate a realistic EventDesk database at the size the targets of docs/targets.md name.

    python benchmarks/generate.py OUT.sqlite3 [--scale 1] [--seed 1]
        [--photos-per-meeting 4] [--photo-mb 4] [--photo-share 1.0]

Scale 1 is ten years of a busy office: 10,000 meetings, 50,000 people,
200,000 attendances, 20,000 presentations, with sessions, courses and
decisions; names in both orders and in Chinese characters. Scale 10 is ten
times that. The meeting with uid ``bench-200`` has exactly 200 attendees (the
editor and PDF targets use it). The same seed gives the same database.

Shaped like a real office's: organisation 1 is our own university, and every
meeting has it (a quarter of each meeting's attendees are ours, and it hosts
the meetings we host); partners repeat, drawn with weights falling as one over
their rank: at scale 1 the busiest partner is in a fifth of the meetings, the ten
busiest in half, and three quarters of the organisations in five or fewer.

Photos: each meeting has ``--photos-per-meeting`` JPEGs of about
``--photo-mb`` MB (3 to 5 MB around 4), written into the database's media
folder as EventDesk writes them. They are made with Pillow from random pixels
(so they do not compress, as phone photos do not), from a pool of a few dozen
distinct pictures, each photo with its own comment segment so that every
photo has its own hash: generating costs writing the bytes, not encoding
them. At scale 1 the default is 40,000 photos and 160 GB; ``--photo-share
0.05`` puts photos on every twentieth meeting only, for a run on a machine
without that much disk (docs/storage.md says how the figures scale).

Rows are written in bulk through sqlite-utils into the schema the program
creates, so the search indexes and triggers are the real ones.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventdesk.store import media, search_index
from eventdesk.store.database import open_database

OUR_UNIVERSITY = 1
PHOTO_POOL = 24

FAMILY = [
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Ma",
    "Zhu",
    "Hu",
    "Guo",
    "He",
    "Lin",
    "Luo",
    "Gao",
    "Zheng",
    "Liang",
    "Xie",
    "Tang",
    "Han",
    "Cao",
    "Deng",
    "Feng",
    "Cheng",
    "Cai",
    "Peng",
    "Pan",
    "Yuan",
    "Yu",
    "Dong",
    "Ye",
    "Lu",
    "Wei",
    "Jiang",
    "Tian",
    "Du",
    "Ding",
    "Shen",
    "Lai",
    "Chan",
    "Wong",
    "Leung",
    "Cheung",
    "Ng",
    "Ho",
    "Tsang",
    "Mak",
    "Yip",
    "Kwok",
]
FAMILY_ZH = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢唐韩曹邓冯程蔡彭潘袁于"
    "董叶陆魏蒋田杜丁沈赖陈黄梁张吴何曾叶麦郭"
)
SYLLABLES = [
    "xiao",
    "dong",
    "ming",
    "hua",
    "jun",
    "wei",
    "li",
    "qing",
    "yu",
    "hong",
    "jie",
    "ting",
    "zhi",
    "qiang",
    "jiong",
    "dan",
    "gang",
    "bo",
    "mao",
    "zhou",
    "yong",
    "tze",
    "kin",
    "wing",
    "man",
    "ka",
    "yan",
    "fei",
    "lan",
    "ning",
]
GIVEN_ZH = "晓东明华军伟丽青玉红杰婷志强炯丹刚波茂洲永泽健荣文嘉欣燕飞兰宁"
WESTERN_GIVEN = [
    "Alexander",
    "Maria",
    "John",
    "Sophie",
    "David",
    "Anna",
    "Peter",
    "Laura",
    "Michael",
    "Emma",
    "Thomas",
    "Julia",
    "James",
    "Sarah",
    "Daniel",
    "Clara",
]
WESTERN_FAMILY = [
    "Smith",
    "Müller",
    "Brown",
    "Dubois",
    "Rossi",
    "Wai",
    "Taylor",
    "Martin",
    "García",
    "Johansson",
    "Novak",
    "Kowalski",
    "Silva",
    "Jensen",
    "Nagy",
]
TITLES = [
    "President",
    "Vice President",
    "Director",
    "Deputy Director",
    "Dean",
    "Professor",
    "Associate Professor",
    "Secretary of the Party Committee",
    "Head of Department",
    "Programme Officer",
    "Principal Assistant Secretary",
    "Consul General",
    "Chair",
]
CITIES = [
    "Shanghai",
    "Hong Kong",
    "Macao",
    "Taipei",
    "Beijing",
    "Shenzhen",
    "Singapore",
    "London",
    "Sydney",
    "Tokyo",
    "Seoul",
    "Toronto",
    "Munich",
    "Paris",
    "Boston",
]
TOPICS = [
    "Summer school",
    "Joint laboratory",
    "Student exchange",
    "Internship programme",
    "Dual degree",
    "Research cooperation",
    "Cultural festival",
    "Faculty visit",
    "Memorandum signing",
    "Alumni reunion",
    "Innovation forum",
    "Teaching symposium",
]
ORG_WORDS = ["University", "Institute", "Office", "Bureau", "College"]
KINDS = ["university"] * 6 + ["office", "government", "company", "alliance", "other"]


def _name(rng: random.Random) -> dict:
    if rng.random() < 0.75:
        given = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2)))).capitalize()
        zh = rng.choice(FAMILY_ZH) + "".join(rng.choice(GIVEN_ZH) for _ in range(2))
        return {
            "family_name": rng.choice(FAMILY),
            "given_name": given,
            "name_order": "family_first",
            "name_zh": zh if rng.random() < 0.6 else "",
        }
    return {
        "family_name": rng.choice(WESTERN_FAMILY),
        "given_name": rng.choice(WESTERN_GIVEN),
        "name_order": "given_first",
        "name_zh": "",
    }


def photo_pool(rng: random.Random, mb: float) -> list[bytes]:
    """A few dozen distinct JPEGs of random pixels, about ``mb`` MB each (3 to 5 at 4)."""
    from PIL import Image

    pool = []
    for _ in range(PHOTO_POOL):
        scale = (mb / 4) ** 0.5 * rng.uniform(0.87, 1.12)
        width, height = int(2400 * scale), int(1800 * scale)
        image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=92)
        pool.append(out.getvalue())
    return pool


def distinct(jpeg: bytes, n: int) -> bytes:
    """The JPEG with a comment segment naming photo ``n``: the same picture, its own hash."""
    note = f"EventDesk benchmark photo {n}".encode()
    return jpeg[:2] + b"\xff\xfe" + (len(note) + 2).to_bytes(2, "big") + note + jpeg[2:]


def _partner_weights(n_orgs: int) -> list[float]:
    return [1 / rank for rank in range(1, n_orgs)]  # organisations 2..n by rank


def generate(
    path: Path,
    scale: int = 1,
    seed: int = 1,
    *,
    photos_per_meeting: int = 4,
    photo_mb: float = 4.0,
    photo_share: float = 1.0,
) -> dict[str, int]:
    rng = random.Random(seed)
    n_meetings, n_people, n_orgs = 10_000 * scale, 50_000 * scale, 2_000 * scale
    per_meeting = 20  # attendances: 200,000 at scale 1
    path.unlink(missing_ok=True)
    folder = media.folder_for(path)
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    db = open_database(path)
    counts: dict[str, int] = {}
    partner_ids = list(range(2, n_orgs + 1))
    weights = _partner_weights(n_orgs)
    pool = photo_pool(rng, photo_mb) if photos_per_meeting and photo_share > 0 else []
    with db.atomic():
        db["organisations"].insert_all(
            {
                "id": i,
                "uid": f"org-{i}",
                "name": f"{rng.choice(CITIES)} {rng.choice(ORG_WORDS)} {i}",
                "name_zh": f"机构{i}",
                "short_name": f"O{i}",
                "kind": rng.choice(KINDS),
                "city": rng.choice(CITIES),
            }
            for i in range(2, n_orgs + 1)
        )
        db["organisations"].insert(
            {
                "id": OUR_UNIVERSITY,
                "uid": "org-ours",
                "name": "Home University",
                "name_zh": "本校",
                "short_name": "HU",
                "kind": "university",
                "city": "Shanghai",
            }
        )
        db["people"].insert_all(
            {
                "id": i,
                "uid": f"person-{i}",
                **_name(rng),
                "title": rng.choice(TITLES),
                "organisation_id": rng.randint(1, n_orgs),
                "email": f"p{i}@example.org",
            }
            for i in range(1, n_people + 1)
        )
        first = date(2016, 1, 1)
        meetings, sessions, attendances, presentations, presenters = [], [], [], [], []
        courses, decisions, hosts, files = [], [], [], []
        session_id = presentation_id = attendance_id = photo_id = 0
        for m in range(1, n_meetings + 1):
            topic = rng.choice(TOPICS)
            uid = "bench-200" if m == n_meetings // 2 else f"meeting-{m}"
            our_role = rng.choice(["host", "participant", "visiting", "visited"])
            partners = list(
                dict.fromkeys(rng.choices(partner_ids, weights, k=rng.choice((1, 1, 2, 3))))
            )
            hosts.append(
                {
                    "meeting_id": m,
                    "organisation_id": OUR_UNIVERSITY if our_role == "host" else partners[0],
                    "role": "host",
                    "position": 0,
                }
            )
            meetings.append(
                {
                    "id": m,
                    "uid": uid,
                    "title": f"{topic} with {rng.choice(CITIES)} partners {m}",
                    "series": f"{topic} series",
                    "edition": str(2016 + m % 10),
                    "start_date": (first + timedelta(days=rng.randint(0, 3650))).isoformat(),
                    "format": rng.choice(["online", "onsite", "hybrid"]),
                    "venue": rng.choice(CITIES),
                    "our_role": our_role,
                    "status": "final",
                    "tags": json.dumps([topic.lower()]),
                    "summary": f"A {topic.lower()} meeting.",
                }
            )
            for k in range(3):
                session_id += 1
                sessions.append(
                    {
                        "id": session_id,
                        "uid": f"s-{session_id}",
                        "meeting_id": m,
                        "position": k,
                        "title": ["Opening ceremony", "Council meeting", "Exchange symposium"][k],
                    }
                )
            size = 200 if uid == "bench-200" else per_meeting
            people = rng.sample(range(1, n_people + 1), size)
            for k, person in enumerate(people):
                attendance_id += 1
                ours = k % 4 == 0  # a quarter of every meeting, the first attendee included
                attendances.append(
                    {
                        "id": attendance_id,
                        "uid": f"a-{attendance_id}",
                        "meeting_id": m,
                        "person_id": person,
                        "organisation_id": OUR_UNIVERSITY if ours else rng.choice(partners),
                        "title": rng.choice(TITLES),
                        "role": "delegate",
                        "side": "ours" if ours else "partner",
                        "precedence": k,
                    }
                )
            with_photos = uid == "bench-200" or rng.random() < photo_share
            for k in range(photos_per_meeting if pool and with_photos else 0):
                photo_id += 1
                data = distinct(pool[photo_id % len(pool)], photo_id)
                files.append(
                    {
                        "id": photo_id,
                        "uid": f"f-{photo_id}",
                        "meeting_id": m,
                        "position": k,
                        "kind": "photo",
                        "original_name": f"IMG_{photo_id:05d}.jpg",
                        "media_type": "image/jpeg",
                        "caption": f"{topic}, photo {k + 1}",
                        "size": len(data),
                        "data": b"",
                        "sha256": media.write(folder, data, sync=False),
                    }
                )
            for k in range(2):
                presentation_id += 1
                presentations.append(
                    {
                        "id": presentation_id,
                        "uid": f"p-{presentation_id}",
                        "meeting_id": m,
                        "session_id": session_id - 2 + k,
                        "position": k,
                        "kind": "presentation",
                        "title": f"{rng.choice(TOPICS)} report {presentation_id}",
                        "abstract": "Findings and next steps.",
                    }
                )
                presenters.append(
                    {"presentation_id": presentation_id, "person_id": people[k], "position": 0}
                )
            if m % 2 == 0:
                courses.append(
                    {
                        "uid": f"c-{m}",
                        "meeting_id": m,
                        "position": 0,
                        "programme": "Excellent courses",
                        "year": 2016 + m % 10,
                        "title": f"Course on {rng.choice(TOPICS).lower()} {m}",
                        "institution_id": rng.randint(1, n_orgs),
                        "status": rng.choice(["nominated", "shortlisted", "approved"]),
                    }
                )
            for k in range(2):
                decisions.append(
                    {
                        "uid": f"d-{m}-{k}",
                        "meeting_id": m,
                        "position": k,
                        "kind": "outcome",
                        "text": f"Agreed to continue {topic.lower()}",
                    }
                )
        for table, rows in [
            ("meetings", meetings),
            ("sessions", sessions),
            ("attendances", attendances),
            ("presentations", presentations),
            ("presenters", presenters),
            ("courses", courses),
            ("decisions", decisions),
            ("meeting_hosts", hosts),
            ("files", files),
        ]:
            db[table].insert_all(rows, batch_size=1000)
            counts[table] = len(rows)
        search_index.refresh(db)
    counts["people"], counts["organisations"] = n_people, n_orgs
    db.execute("PRAGMA optimize")
    db.close()
    os.sync()  # the photos were written without a flush each: flush them once
    return counts


def add_photo_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--photos-per-meeting", type=int, default=4)
    parser.add_argument("--photo-mb", type=float, default=4.0, help="about this size each")
    parser.add_argument(
        "--photo-share",
        type=float,
        default=1.0,
        help="the share of meetings with photos (1.0: every one; 0.05 for a quicker run)",
    )


def photo_options(args: argparse.Namespace) -> dict:
    return {
        "photos_per_meeting": args.photos_per_meeting,
        "photo_mb": args.photo_mb,
        "photo_share": args.photo_share,
    }


def check_room(folder: Path, scale: int, options: dict) -> None:
    """Stop before filling the disk: the photos, and once more in the benchmark's backups.

    At the defaults (four 4 MB photos on every meeting) scale 1 is 160 GB of
    photos and as much again in ``backups/media``; the message names a share
    that fits this disk.
    """
    import shutil

    per_share = 10_000 * scale * options["photos_per_meeting"] * options["photo_mb"] * 1e6 * 2
    needed = per_share * options["photo_share"]
    free = shutil.disk_usage(folder).free - 5e9  # and the records, the export, some room left
    if needed > free:
        fits = max(0.0, free / per_share) if per_share else 0.0
        raise SystemExit(
            f"The photos need about {needed / 1e9:,.0f} GB (with the benchmark's backups of them);"
            f" {folder} has {max(free, 0) / 1e9:,.0f} GB to spare. Run with --photo-share "
            f"{fits:.2f} or less (docs/storage.md says how the figures scale)."
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    add_photo_options(parser)
    args = parser.parse_args()
    check_room(args.output.resolve().parent, args.scale, photo_options(args))
    started = time.perf_counter()
    counts = generate(args.output, args.scale, args.seed, **photo_options(args))
    took = time.perf_counter() - started
    size = args.output.stat().st_size / 2**20
    photos = sum(p.stat().st_size for p in media.folder_for(args.output).rglob("*")) / 2**20
    print(f"{args.output}: {counts} in {took:.1f} s, {size:.0f} MiB, photos {photos:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
