"""A photo stored before photos were checked, that is not an image, is left out of summaries.

Given a meeting whose stored "photo" is HTML (or a PNG of 50,000 x 50,000
pixels), when its summary is written as DOCX or HTML, then the summary is
written without it and a warning names it; ``eventdesk check`` reports it.
"""

from __future__ import annotations

import pytest

from eventdesk.cli.main import main
from eventdesk.summary import write_summary
from tests.records.test_images import declared_png
from tests.summary.conftest import read_back


def spoil_first_photo(store, data: bytes, media_type: str) -> None:
    # As a file written by an older EventDesk holds it: straight into the table.
    (file_id,) = store.db.execute("SELECT min(id) FROM files WHERE kind = 'photo'").fetchone()
    store.db.execute(
        "UPDATE files SET data = ?, media_type = ?, size = ? WHERE id = ?",
        [data, media_type, len(data), file_id],
    )
    store.db.conn.commit()


@pytest.mark.parametrize("suffix", ["docx", "html"])
@pytest.mark.parametrize(
    ("data", "media_type"),
    [(b"<script>alert(1)</script>", "text/html"), ("HUGE", "image/png")],
)
def test_the_summary_leaves_it_out_and_says_so(
    sample_store, meeting_id, tmp_path, capsys, suffix, data, media_type
):
    data = declared_png(50_000, 50_000) if data == "HUGE" else data
    spoil_first_photo(sample_store, data, media_type)
    out = tmp_path / f"news.{suffix}"
    warnings = write_summary(sample_store, meeting_id, "news", out)
    assert any("was left out" in w for w in warnings)
    assert "was left out" in capsys.readouterr().err
    assert "Shanghai-Hong Kong" in read_back(out)
    if suffix == "html":
        text = out.read_text(encoding="utf-8")
        assert "data:text/html" not in text and len(text) < 3_000_000


def test_check_reports_it(sample_store, db_path, capsys):
    spoil_first_photo(sample_store, b"<html></html>", "image/png")
    sample_store.close()
    status = main(["--db", str(db_path), "check"])
    err = capsys.readouterr().err
    assert status == 1 and "is not usable: its bytes are not an image" in err


def test_a_large_photo_printed_as_a_smaller_jpeg_is_kept(sample_store, meeting_id, tmp_path):
    # A 3000-pixel PNG without transparency prints as a 1600-pixel JPEG (store/renditions.py).
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (3000, 2000), (30, 90, 160)).save(buffer, "PNG")
    spoil_first_photo(sample_store, buffer.getvalue(), "image/png")
    out = tmp_path / "news.html"
    warnings = write_summary(sample_store, meeting_id, "news", out)
    assert not any("was left out" in w for w in warnings)
    assert "data:image/jpeg;base64," in out.read_text(encoding="utf-8")
