"""Arbitrary text, dates and nesting: stored and read back equal, or refused in words."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import SAMPLE

from eventdesk.records import Meeting, Person, ValidationError, parse_date
from eventdesk.records.text import CONTROLS
from eventdesk.store import EventStore, ImportRefused
from eventdesk.store.interchange import dumps, export_meeting, import_document

SAMPLE_DOC = json.loads(SAMPLE.read_text(encoding="utf-8"))
text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(text, children, max_size=3),
    max_leaves=10,
)
settings.register_profile(
    "eventdesk",
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
settings.load_profile("eventdesk")


@given(st.text(max_size=20))
def test_any_typed_date_is_a_date_or_a_message(typed):
    try:
        parsed = parse_date(typed)
    except ValueError as exc:
        assert typed.strip() == "" or repr(typed) in str(exc) or "does not exist" in str(exc)
    else:
        assert parsed.isoformat() == typed.strip()


@given(family=text, given_name=text, title=text, zh=text)
def test_any_person_is_stored_and_read_back_equal_or_refused(family, given_name, title, zh):
    store = EventStore.in_memory()
    person = Person(family, given_name, title=title, name_zh=zh)
    try:
        saved = store.people.save(person)
    except ValidationError as exc:  # no family name, or a control character (ESC, BEL…)
        assert exc.problems
        for p in exc.problems:
            held = getattr(person, p.field, "")
            assert p.field == "family_name" or (
                "control character" in p.message and CONTROLS.search(held)
            )
        return
    assert (saved.family_name, saved.given_name) == (family.strip(), given_name.strip())
    assert (saved.title, saved.name_zh) == (title, zh.strip())


@given(title=text, summary=text, tags=st.lists(text, max_size=3))
def test_any_meeting_text_round_trips_through_the_interchange_format(title, summary, tags):
    doc = json.loads(json.dumps(SAMPLE_DOC))
    meeting = doc["meetings"][0]
    meeting.update(title=title, summary=summary, tags=tags)
    store = EventStore.in_memory()
    try:
        report = import_document(store, doc)
    except ImportRefused as exc:
        assert "title" in str(exc) or "tags" in str(exc) or "summary" in str(exc)
        assert store.meetings.count() == 0
        return
    exported = export_meeting(store, report.meetings_added[0])
    assert exported["meetings"][0]["summary"] == summary
    assert exported["meetings"][0]["tags"] == [t.strip() for t in tags]
    assert exported["meetings"][0]["title"] == title.strip()
    assert dumps(exported)  # and it can be written


PATHS = [
    ("meetings", 0, "start_date"),
    ("meetings", 0, "format"),
    ("meetings", 0, "attendees", 0),
    ("meetings", 0, "decisions", 0, "parties"),
    ("people", 0, "family_name"),
    ("organisations", 0, "members"),
    ("meetings", 0, "files", 0, "data"),
    ("meetings",),
    ("meetings", 0, "sessions", 1, "start_time"),
    ("courses",),
    ("version",),
]


@given(where=st.sampled_from(PATHS), value=json_values)
def test_any_value_anywhere_is_taken_or_refused_never_a_crash(where, value):
    doc = json.loads(json.dumps(SAMPLE_DOC))
    node = doc
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    store = EventStore.in_memory()
    try:
        import_document(store, doc)
    except ImportRefused as exc:
        assert exc.problems
        assert store.meetings.count() == 0 and store.people.count() == 0
    else:  # taken: every meeting in it is there
        assert store.meetings.count() == len(doc["meetings"])


@given(st.dictionaries(text, json_values, max_size=4) | json_values)
def test_any_json_at_all_is_refused_in_words(document):
    store = EventStore.in_memory()
    try:
        import_document(store, document)
    except ImportRefused as exc:
        assert str(exc).startswith("The file was not imported; nothing was changed.")
    assert store.meetings.count() == 0


def test_a_meeting_without_a_title_names_the_field():
    store = EventStore.in_memory()
    with pytest.raises(ValidationError) as refused:
        store.meetings.save(Meeting(title="  ", start_date=None))
    assert {p.field for p in refused.value.problems} == {"title", "start_date"}
