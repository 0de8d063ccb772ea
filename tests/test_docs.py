"""Docs that tests keep true: the CLI in the README, the format in docs/format.md."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from eventdesk.cli.main import build_parser
from eventdesk.store.interchange import load_schema

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    return list(sub.choices)


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _commands() if f"] {c}" not in readme and f"eventdesk {c}" not in readme]
    assert missing == []


def test_readme_opens_with_the_two_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1 : lines.index("```")]
    assert [line.split("#")[0].strip() for line in block] == ["make run", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _properties(schema: dict) -> set[str]:
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            found.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return found


def test_every_field_of_the_schema_is_documented():
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", doc))
    assert _properties(load_schema()) - documented == set()


# -- the README's command table against the parser, both ways ----------------------------------


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    (sub,) = [a for a in build_parser()._actions if a.dest == "command"]
    return dict(sub.choices)


def _table_rows() -> dict[str, str]:
    """The README's command table: the command (``""`` for the top level) → its usage cell."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows: dict[str, str] = {}
    for usage in re.findall(r"^\| `(eventdesk[^`]*)` \|", readme, flags=re.MULTILINE):
        words = [w for w in re.sub(r"\[--db PATH\]", "", usage).split()[1:] if w[0] not in "-["]
        command = words[0] if words and words[0] in _subparsers() else ""
        rows[command] = rows.get(command, "") + " " + usage.replace("\\|", "|")
    return rows


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.option_strings and a.dest != "help"]


def _written(usage: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", usage))


def test_the_table_has_a_row_for_every_command():
    assert set(_subparsers()) - set(_table_rows()) == set()


def test_every_option_in_the_table_exists_in_the_parser():
    wrong = []
    top = {s for a in _options(build_parser()) for s in a.option_strings}
    for command, usage in _table_rows().items():
        known = set(top)
        if command:
            known |= {s for a in _options(_subparsers()[command]) for s in a.option_strings}
        wrong += [f"{command or 'eventdesk'} {o}" for o in _written(usage) - known]
    assert wrong == []


def test_every_option_of_the_parser_is_in_the_table():
    rows = _table_rows()
    missing = [
        f"{command} {action.option_strings[-1]}"
        for command, parser in [("", build_parser()), *_subparsers().items()]
        for action in _options(parser)
        if not set(action.option_strings) & _written(rows.get(command, "") + rows[""])
    ]
    assert missing == []


def test_every_choice_of_an_option_is_in_the_table():
    rows = _table_rows()
    missing = [
        f"{command} {action.option_strings[-1]} {choice}"
        for command, parser in _subparsers().items()
        for action in _options(parser)
        if action.choices and set(action.option_strings) & _written(rows[command])
        for choice in action.choices
        if not re.search(rf"\b{choice}\b", rows[command])
    ]
    assert missing == []


def test_every_command_and_argument_says_what_it_is_for():
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    silent = [f"command {c.dest}" for c in sub._choices_actions if not (c.help or "").strip()]
    for command, sub_parser in [("eventdesk", parser), *_subparsers().items()]:
        silent += [
            f"{command} {a.option_strings[-1] if a.option_strings else a.metavar or a.dest}"
            for a in sub_parser._actions
            if a is not sub and not (a.help or "").strip()
        ]
    assert silent == []
