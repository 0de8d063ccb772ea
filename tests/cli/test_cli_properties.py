"""Whatever a file or an argument holds, a command ends in words and an exit status.

Given arbitrary JSON, bytes, numbers and strings fed to ``import`` and to the
other commands' arguments, when the command runs, then it never ends in a
traceback, and when it refuses, the database file is byte for byte as before.
Also the faults of a terminal: a reader that stops reading, and Ctrl+C.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import SAMPLE

from eventdesk.cli.main import main

EXAMPLE = json.loads(SAMPLE.read_text(encoding="utf-8"))
SETTINGS = settings(
    deadline=None, max_examples=40, suppress_health_check=list(HealthCheck), derandomize=True
)

# Surrogates included: a JSON file can hold them as \ud800 escapes.
text = st.text(max_size=30)
numbers = st.integers() | st.integers(min_value=10**18, max_value=10**400) | st.floats()
json_values = st.recursive(
    st.none() | st.booleans() | numbers | text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=12,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def example_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli-properties") / "example.sqlite3"
    assert main(["--db", str(path), "import", str(SAMPLE)]) == 0
    return path


def run(capsys, *argv: str) -> tuple[int, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse: a bad command line, exit 2 with its usage
        status = exc.code
    _, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return status, err


def check_import_taken_or_refused(capsys, db: Path, source: Path) -> None:
    before = digest(db)
    status, err = run(capsys, "--db", str(db), "import", str(source))
    assert status in (0, 1), err
    if status == 1:
        assert err.startswith("eventdesk: ") and digest(db) == before


def _replace_somewhere(document, choices: list[int], value):
    """Put ``value`` at a place in ``document`` the choices lead to."""
    target = document
    for choice in choices:
        children = (
            list(target.items())
            if isinstance(target, dict)
            else list(enumerate(target))
            if isinstance(target, list)
            else []
        )
        children = [(k, v) for k, v in children if isinstance(v, dict | list)] or children
        if not children:
            break
        key, child = children[choice % len(children)]
        if not isinstance(child, dict | list) or choice % 3 == 0:
            target[key] = value
            return document
        target = child
    if isinstance(target, dict):
        target["x"] = value
    return document


@SETTINGS
@given(json_values)
def test_any_json_document_is_taken_or_refused_in_words(
    capsys, tmp_path_factory, example_file, value
):
    source = tmp_path_factory.mktemp("doc") / "given.json"
    source.write_text(json.dumps(value), encoding="utf-8", errors="surrogatepass")
    check_import_taken_or_refused(capsys, example_file, source)


@SETTINGS
@given(st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=6), json_values)
def test_the_example_with_any_value_anywhere(capsys, tmp_path_factory, example_file, where, value):
    document = _replace_somewhere(copy.deepcopy(EXAMPLE), where, value)
    source = tmp_path_factory.mktemp("doc") / "given.json"
    source.write_text(json.dumps(document), encoding="utf-8", errors="surrogatepass")
    check_import_taken_or_refused(capsys, example_file, source)


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_are_refused_in_words(capsys, tmp_path_factory, example_file, data):
    source = tmp_path_factory.mktemp("doc") / "given.json"
    source.write_bytes(data)
    check_import_taken_or_refused(capsys, example_file, source)


argument = text.filter(lambda s: "\x00" not in s) | numbers.map(str)


@SETTINGS
@given(
    st.sampled_from(
        [
            ["search", "A"],
            ["export", "--meeting", "A", "-o", "OUT"],
            ["summary", "A", "-o", "OUT.html"],
            ["report", "--from", "A", "-o", "OUT.html"],
            ["courses", "--year", "A", "-o", "OUT.html"],
            ["export-list", "people", "--meeting", "A", "-o", "OUT.csv"],
            ["export-ics", "--meeting", "A", "-o", "OUT.ics"],
            ["import-attendees", "A", "OUT.csv", "--dry-run"],
            ["restore", "A"],
        ]
    ),
    argument,
)
def test_any_argument_to_any_command(capsys, tmp_path_factory, example_file, command, value):
    folder = tmp_path_factory.mktemp("out")
    argv = [value if a == "A" else a.replace("OUT", str(folder / "out")) for a in command]
    before = digest(example_file)
    status, err = run(capsys, "--db", str(example_file), *argv)
    assert status in (0, 1, 2), err
    if status != 0:
        assert digest(example_file) == before


def test_a_reader_that_stops_reading(example_file, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventdesk", "--db", str(example_file), "list", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()  # `| head -0`: the reader is gone before anything is written
    err = proc.stderr.read().decode()
    status = proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err
    assert status == 141


@pytest.mark.posix(
    reason="Windows sends no SIGINT to another process; Ctrl+C there is its console's"
)
def test_ctrl_c_ends_in_one_line_and_130(tmp_path):
    big = copy.deepcopy(EXAMPLE)
    template = big["meetings"][0]
    big["meetings"] = []
    for n in range(1500):  # an import that takes some seconds
        m = copy.deepcopy(template)
        m["id"] = f"meeting-{n}"
        for course in m["courses"]:
            course["id"] = f"{course['id']}-{n}"
        big["meetings"].append(m)
    source = tmp_path / "big.json"
    source.write_text(json.dumps(big), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "eventdesk",
            "--db",
            str(tmp_path / "x.sqlite3"),
            "import",
            str(source),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    lock = tmp_path / "x.sqlite3.lock"
    deadline = time.monotonic() + 120
    while not lock.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # wait until the command runs (the database is open), however slow
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    if proc.returncode == 0 or (proc.returncode == -signal.SIGINT and out.strip()):
        # done before Ctrl+C, or done and Ctrl+C in the interpreter's last moments (its
        # report printed): then Python itself ends by the signal, past any handler of ours
        pytest.skip("the import finished before Ctrl+C")
    assert proc.returncode == 130, err.decode("utf-8", "replace")
    assert err.decode().strip() == "eventdesk: interrupted; nothing more was done."
