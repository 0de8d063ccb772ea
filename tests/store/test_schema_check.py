"""The compiled schema check agrees with jsonschema, so a file it passes is a file jsonschema passes.

An import first asks the fast compiled check (fastjsonschema) whether the
document follows the schema and walks it with jsonschema only when it does not.
Were the fast check to pass a document jsonschema refuses, a broken file would
get past the check: these tests change the office's documents at random and
ask both.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from tests.conftest import SAMPLE

from eventdesk.store.interchange import load_schema
from eventdesk.store.interchange.structure import schema_problems

DOCUMENTS = [SAMPLE, *sorted((Path(__file__).parents[1] / "summary" / "data").glob("*.json"))]
VALIDATOR = Draft202012Validator(load_schema())

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["", "2021-02-30", "2021-12-22", "9:30", "p-ding", "host", "photo"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def places(node, path=()):
    """Every (path, value) in a document: the places a mutation can land."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from places(value, (*path, index))


@st.composite
def mutated(draw):
    """One of the documents with one to three values replaced, keys removed or keys added."""
    doc = copy.deepcopy(json.loads(draw(st.sampled_from(DOCUMENTS)).read_text("utf-8")))
    for _ in range(draw(st.integers(1, 3))):
        spots = list(places(doc))
        path, value = draw(st.sampled_from(spots[1:]))
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(value, dict):
            value[draw(st.sampled_from(["id", "title", "extra", "name", "kind"]))] = draw(
                json_values
            )
    return doc


def check_verdicts_agree(doc) -> None:
    jsonschema_refuses = any(True for _ in VALIDATOR.iter_errors(doc))
    problems = schema_problems(doc)
    assert bool(problems) == jsonschema_refuses, (problems, doc)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_fast_check_and_jsonschema_agree_on_changed_documents(doc):
    check_verdicts_agree(doc)


def test_each_office_document_passes_both_checks():
    for path in DOCUMENTS:
        doc = json.loads(path.read_text("utf-8"))
        assert schema_problems(doc) == [], path.name
        assert list(VALIDATOR.iter_errors(doc)) == [], path.name


def test_a_wrong_value_deep_in_a_meeting_is_still_named():
    doc = json.loads(SAMPLE.read_text("utf-8"))
    doc["meetings"][0]["attendees"][2]["role"] = "speaker-ish"
    (problem,) = schema_problems(doc)
    assert "attendee 3" in problem and "role" in problem and "'speaker-ish'" in problem
