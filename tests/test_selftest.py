"""``eventdesk --self-test`` from source: every step passes, and a missing library fails one.

The built program runs the same steps (tests/packaging); here they run against the
source tree, so a broken step shows without a PyInstaller build.
"""

from __future__ import annotations

import sys

import pytest

from eventdesk import selftest
from eventdesk.store import chinese_variants


def test_every_step_passes_from_source(capsys: pytest.CaptureFixture[str]):
    # When the self-test runs from the source tree
    status = selftest.run_self_test()
    out = capsys.readouterr().out
    # then each of its steps, the libraries' ones included, reports ok and it exits 0
    assert status == 0, out
    for number, (name, _step) in enumerate(selftest.STEPS, start=1):
        assert f"ok  {number}. {name}" in out
    assert "pinyin proposed for 丁晓东, 李朝阳 and 欧阳长青" in out
    assert f"all {len(selftest.STEPS)} steps passed" in out


def test_a_library_left_out_of_the_program_fails_its_step(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    # Given OpenCC missing, as if the build had left it out
    chinese_variants._converter.cache_clear()
    monkeypatch.setitem(sys.modules, "opencc", None)
    try:
        status = selftest.run_self_test()
    finally:
        chinese_variants._converter.cache_clear()
    out = capsys.readouterr().out
    # then the search step fails, names the missing module, and the run exits 1
    number = next(n for n, (name, _) in enumerate(selftest.STEPS, 1) if "丁曉東" in name)
    assert status == 1
    assert f"FAIL {number}. " in out and "opencc" in out
    assert "steps passed" not in out
