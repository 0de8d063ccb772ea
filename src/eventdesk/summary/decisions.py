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

from eventdesk.records import Decision, DecisionKind, DecisionParty, Organisation
from eventdesk.summary import prose
from eventdesk.summary.language import Language, sentence_zh
from eventdesk.summary.mentions import unmarked
from eventdesk.summary.people import Lookup, org_label, org_phrase
from eventdesk.summary.view import DecisionRun, DecisionView, PartyGroup, PartyView, PersonView

#: Words that show a text already says who did what ("The two sides will …").
_HAS_SUBJECT = re.compile(
    r"\b(agreed|will|shall|was|were|is|are|has|have|decided|resolved|signed)\b", re.I
)
_ARTICLE = re.compile(r"^(the|a|an)\s", re.I)


def clause(text: str, lang: Language, proper: frozenset[str] = frozenset()) -> str:
    """A typed decision as the clause of a framed sentence: no full stop, lower-case start
    (but a name's capital: "Hong Kong universities", "Yonsei's places", ``proper``)."""
    text = " ".join(text.split()).rstrip(".。;；")
    if lang.zh:
        return text
    if text.lower().startswith("to "):
        text = text[3:]
    return prose.lower_first(text, proper)


#: Words that show a typed text is the name of a document, not what it provides for.
_DOCUMENT_EN = re.compile(
    r"\b(agreements?|memorand(um|a)|mou|contracts?|protocols?|letters? of intent|charter|accord"
    r"|treaty|declaration|consensus|framework)\b",
    re.I,
)
_DOCUMENT_ZH = re.compile(
    r"(协议|協議|备忘录|備忘錄|协定|協定|合同|意向书|意向書|章程|宣言|共识|共識)》?$"
)


def names_a_document(text: str, lang: Language) -> bool:
    """Is a typed decision short enough, and worded so, to be what a signed document is called?

    "Memorandum of Understanding on Academic Cooperation" is; "New round of
    cooperation agreement between A and B, for closer cooperation on C" is a
    description (a clause after a comma), and so is anything long.
    """
    text = " ".join(text.split()).rstrip(".。")
    if lang.zh:
        return (
            len(text) <= 30
            and not re.search("[，,；;：:]", text)
            and bool(_DOCUMENT_ZH.search(text))
        )
    return (
        len(text.split()) <= 12 and not re.search("[,;:]", text) and bool(_DOCUMENT_EN.search(text))
    )


def document_name(text: str, lang: Language) -> str:
    """What was signed, as named after "signed": "the Memorandum …" or "《合作备忘录》"."""
    text = " ".join(text.split()).rstrip(".。")
    if lang.zh:
        return text if text.startswith("《") else f"《{text}》"
    return text if _ARTICLE.match(text) else f"the {text}"


def signed_document(d: Decision, text: str, lang: Language, where: str) -> str:
    """The name a release gives what was signed.

    The short name typed for it (``Decision.document``); else the decision's text
    when that is a document's name (:func:`names_a_document`); else a neutral
    "an agreement" (协议), never a whole description as a name.
    """
    if d.document or d.document_zh:
        return document_name(lang.pick(d.document, d.document_zh, f"{where} › document_zh"), lang)
    if text and names_a_document(text, lang):
        return document_name(text, lang)
    return "协议" if lang.zh else "an agreement"


def decision_view(
    n: int, d: Decision, look: Lookup, person: Callable[[int | None], PersonView], lang: Language
) -> DecisionView:
    """One decision with what its sentence needs, in the document's language."""
    where = f"decision {n}"
    bodies = _bodies(d, look)
    parties = [
        _party(k, party, look, person, lang, where, bodies) for k, party in enumerate(d.parties, 1)
    ]
    text = lang.pick(d.text, d.text_zh, f"{where} › text_zh")
    return DecisionView(
        kind=d.kind.value,
        kind_label=lang.label("decision", d.kind.value, d.kind.label),
        text=text,
        text_zh=d.text_zh,
        clause=clause(text, lang, look.proper_words()),
        as_typed=not lang.zh and bool(_HAS_SUBJECT.search(text)),
        sentence=lang_sentence(text, lang),
        document=signed_document(d, text, lang, where),
        is_signing=d.kind is DecisionKind.AGREEMENT and bool(d.parties),
        signers=lang.join(p.phrase for p in parties),
        signing_bodies=[_body_name(b, lang) for b in bodies],
        bodies=[org_phrase(b, lang) for b in bodies],
        signatories=[p for p in parties if p.body],
        names_parties=bool(parties)
        and all(unmarked(p.name).casefold() in text.casefold() for p in parties),
        count=d.count,
        count_unit=d.count_unit,
        parties=parties,
        party_groups=_party_groups(parties, lang),
        owner=person(d.owner_id).name if d.owner_id else "",
        due_date=lang.date(d.due_date),
        session_uid=d.session_uid,
    )


def _party(
    k: int,
    party: DecisionParty,
    look: Lookup,
    person: Callable[[int | None], PersonView],
    lang: Language,
    where: str,
    bodies: list[Organisation],
) -> PartyView:
    """An organisation party, or a person with the body they signed for (when it is a party's)."""
    role = lang.pick(party.role, party.role_zh, f"{where} › party {k} › role_zh")
    if party.organisation_id is not None:
        org = look.org(party.organisation_id)
        return PartyView(name=org_label(org, lang), phrase=org_phrase(org, lang), role=role)
    p = person(party.person_id)
    root = look.root(getattr(look.people.get(party.person_id), "organisation_id", None))  # type: ignore[arg-type]
    body = next((b for b in bodies if root is not None and b.id == root.id), None)
    return PartyView(
        name=p.name,
        phrase=named_with_org(p, lang),
        role=role,
        body=_body_name(body, lang) if body is not None else "",
        titled=p.title_before_name,
    )


def _bodies(d: Decision, look: Lookup) -> list[Organisation]:
    """The universities (or other bodies) of a decision's parties, each once, in order."""
    bodies: list[Organisation] = []
    for party in d.parties:
        org_id = party.organisation_id
        if org_id is None:
            org_id = getattr(look.people.get(party.person_id), "organisation_id", None)  # type: ignore[arg-type]
        root = look.root(org_id)
        if root is not None and all(b.id != root.id for b in bodies):
            bodies.append(root)
    return bodies


def _body_name(body: Organisation, lang: Language) -> str:
    return org_label(body, lang) if lang.zh else (body.short_name or org_phrase(body, lang))


def _party_groups(parties: list[PartyView], lang: Language) -> list[PartyGroup]:
    groups: list[PartyGroup] = []
    for party in parties:
        match = next((g for g in groups if g.role == party.role), None)
        if match is None:
            groups.append(PartyGroup(party.role, [party.name], "", ""))
        else:
            match.names.append(party.name)
    for g in groups:
        g.role_plural = g.role if lang.zh else prose.plural_role(g.role, len(g.names))
        g.names_joined = lang.join(g.names)
    return groups


def named_with_org(p: PersonView, lang: Language) -> str:
    """ "Vice President LEE Byung-Hyun of Yonsei University" / "延世大学副校长LEE Byung-Hyun"."""
    if not p.of:
        return p.title_before_name
    if lang.zh:
        return p.of + p.title_before_name
    return f"{p.title_before_name} of {p.of}"


def lang_sentence(text: str, lang: Language) -> str:
    return sentence_zh(text) if lang.zh else prose.sentence(text)


def runs(decisions: list[DecisionView]) -> list[DecisionRun]:
    """Neighbouring decisions of one kind, so "agreed to A, B and C" is one sentence.

    Signings and elections stay one to a run: each has its own parties.
    """
    out: list[DecisionRun] = []
    for d in decisions:
        key = "signing" if d.is_signing else d.kind
        joinable = key in ("agreement", "discussion", "resolution") and not d.as_typed
        last = out[-1] if out else None
        if last is not None and joinable and last.kind == key and last.joinable:
            last.entries.append(d)
        else:
            out.append(DecisionRun(key, joinable, [d]))
    return out
