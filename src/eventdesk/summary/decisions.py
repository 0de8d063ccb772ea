"""Decisions as a release frames them: by their kind, in runs a sentence can hold.

Why not print the typed text as it is: an office types what was agreed the
way its minutes list it ("Establish joint laboratories"), and a release says
"The two sides agreed to establish joint laboratories and promote talent
co-cultivation." The kind says the frame (agreed to, exchanged views on, was
elected, signed); the text is the clause inside it. A text that is already a
whole sentence with its own subject ("The two universities will …") is
printed as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from eventdesk.records import Decision, DecisionKind
from eventdesk.summary import prose
from eventdesk.summary.language import Language
from eventdesk.summary.people import Lookup, org_label, org_phrase

#: Words that show a text already says who did what ("The two sides will …").
_HAS_SUBJECT = re.compile(
    r"\b(agreed|will|shall|was|were|is|are|has|have|decided|resolved|signed)\b", re.I
)
_ARTICLE = re.compile(r"^(the|a|an)\s", re.I)


def clause(text: str, lang: Language) -> str:
    """A typed decision as the clause of a framed sentence: no full stop, lower-case start."""
    text = " ".join(text.split()).rstrip(".。;；")
    if lang.zh:
        return text
    if text.lower().startswith("to "):
        text = text[3:]
    return prose.lower_first(text)


def document_name(text: str, lang: Language) -> str:
    """What was signed, as named after "signed": "the Memorandum …" or "《合作备忘录》"."""
    text = " ".join(text.split()).rstrip(".。")
    if lang.zh:
        return text if text.startswith("《") else f"《{text}》"
    return text if _ARTICLE.match(text) else f"the {text}"


def decision_view(
    n: int, d: Decision, look: Lookup, person: Callable[[int | None], dict], lang: Language
) -> dict[str, Any]:
    """One decision with what its sentence needs, in the document's language."""
    where = f"decision {n}"
    parties = []
    bodies: list[Any] = []  # the universities (or other bodies) that signed, for a headline
    for k, party in enumerate(d.parties, 1):
        root = look.root(
            party.organisation_id
            if party.organisation_id is not None
            else getattr(look.people.get(party.person_id), "organisation_id", None)  # type: ignore[arg-type]
        )
        if root is not None and all(b.id != root.id for b in bodies):
            bodies.append(root)
        if party.organisation_id is not None:
            org = look.org(party.organisation_id)
            name, phrase = org_label(org, lang), org_phrase(org, lang)
        else:
            p = person(party.person_id)
            name, phrase = p["name"], named_with_org(p, lang)
        role = lang.pick(party.role, party.role_zh, f"{where} › party {k} › role_zh")
        parties.append({"name": name, "phrase": phrase, "role": role})
    groups: list[dict[str, Any]] = []
    for party in parties:
        match = next((g for g in groups if g["role"] == party["role"]), None)
        if match is None:
            groups.append({"role": party["role"], "names": [party["name"]]})
        else:
            match["names"].append(party["name"])
    for g in groups:
        g["role_plural"] = g["role"] if lang.zh else prose.plural_role(g["role"], len(g["names"]))
        g["names_joined"] = lang.join(g["names"])
    text = lang.pick(d.text, d.text_zh, f"{where} › text_zh")
    is_signing = d.kind is DecisionKind.AGREEMENT and bool(d.parties)
    return {
        "kind": d.kind.value,
        "kind_label": lang.label("decision", d.kind.value, d.kind.label),
        "text": text,
        "text_zh": d.text_zh,
        "clause": clause(text, lang),
        "as_typed": not lang.zh and bool(_HAS_SUBJECT.search(text)),
        "sentence": lang_sentence(text, lang),
        "document": document_name(text, lang),
        "is_signing": is_signing,
        "signers": lang.join(p["phrase"] for p in parties),
        "signing_bodies": [
            org_label(b, lang) if lang.zh else (b.short_name or org_phrase(b, lang)) for b in bodies
        ],
        "count": d.count,
        "count_unit": d.count_unit,
        "parties": parties,
        "party_groups": groups,
        "owner": person(d.owner_id)["name"] if d.owner_id else "",
        "due_date": lang.date(d.due_date),
        "session_uid": d.session_uid,
    }


def named_with_org(p: dict[str, Any], lang: Language) -> str:
    """ "Vice President LEE Byung-Hyun of Yonsei University" / "延世大学副校长LEE Byung-Hyun"."""
    if not p["of"]:
        return p["title_before_name"]
    if lang.zh:
        return p["of"] + p["title_before_name"]
    return f"{p['title_before_name']} of {p['of']}"


def lang_sentence(text: str, lang: Language) -> str:
    from eventdesk.summary.language import sentence_zh

    return sentence_zh(text) if lang.zh else prose.sentence(text)


def runs(decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Neighbouring decisions of one kind, so "agreed to A, B and C" is one sentence.

    Signings and elections stay one to a run: each has its own parties.
    """
    out: list[dict[str, Any]] = []
    for d in decisions:
        key = "signing" if d["is_signing"] else d["kind"]
        joinable = key in ("agreement", "discussion", "resolution") and not d["as_typed"]
        last = out[-1] if out else None
        if last is not None and joinable and last["kind"] == key and last["joinable"]:
            last["entries"].append(d)
        else:
            out.append({"kind": key, "joinable": joinable, "entries": [d]})
    for r in out:
        r["clauses"] = [d["clause"] for d in r["entries"]]
    return out
