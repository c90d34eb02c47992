"""Claims and quotes: who says what, how (asserts, denies, plans, calls for), and through
whom it reached the page.

Read from the dependency parse. A reporting verb ("said", "told", "denied", "claims")
gives the speaker (its subject), the content (its clausal complement, or the quotation
it introduces) and the cue. Chains come from the constructions news uses to pass a claim
on: "the Turkish Anadolu News Agency quoted Akar as saying" gives Akar via Anadolu;
"Citing the Russian defence ministry, Reuters reported" gives the ministry via Reuters;
"a source told TRT World" gives the source via TRT World. "According to X, ..." makes X
the speaker of the rest of the sentence. A pronoun speaker is the nearest earlier
speaker or person of the article. The page's own outlet ends every chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitroom.extract import lexicon as L

_QUOTE = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"|‘[^’]{8,}’")
_DENIAL = tuple(re.compile(p, re.I) for p in L.DENIAL_PHRASES)
_SPEAKER_DEPS = ("nsubj", "nsubjpass")
_CONTENT_DEPS = ("ccomp", "xcomp", "dobj")


@dataclass(slots=True)
class Claim:
    start: int  # the sentence
    end: int
    text: str
    speaker: str
    speaker_span: tuple[int, int] | None
    cue: str
    cue_span: tuple[int, int]
    content: str
    content_span: tuple[int, int]
    stance: str  # asserts, denies, plans, calls for
    direct: bool
    chain: list[str] = field(default_factory=list)  # original speaker first, the page's outlet last
    denies: str | None = None  # for a denial: the content of the claim it answers, when the article says


def _span_text(tokens: list) -> tuple[str, int, int]:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return tokens[0].doc.text[start:end], start, end


def _subtree(token: object) -> list:
    return sorted(token.subtree, key=lambda t: t.i)  # type: ignore[attr-defined]


def _phrase(token: object) -> tuple[str, int, int]:
    """A noun phrase without trailing punctuation or a relative clause after a comma."""
    tokens = _subtree(token)
    out = []
    for t in tokens:
        if t.i > token.i and t.text == "," and out:  # type: ignore[attr-defined]
            break
        out.append(t)
    while out and out[-1].is_punct and out[-1].text not in (")",):
        out.pop()
    while out and out[0].is_punct:
        out.pop(0)
    return _span_text(out)


def _stance(cue_lemma: str, content: str) -> str:
    if cue_lemma in L.CUES_DENY or any(p.search(content) for p in _DENIAL):
        return "denies"
    if cue_lemma in L.CUES_PLAN:
        return "plans"
    if cue_lemma in L.CUES_CALL:
        return "calls for"
    return "asserts"


def _quote_near(sent: object, cue: object) -> tuple[str, int, int] | None:
    """The quotation a cue introduces: in its paragraph (a quote may span sentences), the
    nearest to the cue that touches the cue's sentence."""
    text = cue.doc.text  # type: ignore[attr-defined]
    left = text.rfind("\n\n", 0, cue.idx) + 1  # type: ignore[attr-defined]
    right = text.find("\n\n", cue.idx)  # type: ignore[attr-defined]
    right = len(text) if right == -1 else right
    s0, s1 = sent.start_char, sent.end_char  # type: ignore[attr-defined]
    best = None
    for m in _QUOTE.finditer(text, left, right):
        if m.end() < s0 - 2 or m.start() > s1:
            continue
        distance = min(abs(m.start() - cue.idx), abs(m.end() - cue.idx))  # type: ignore[attr-defined]
        if best is None or distance < best[0]:
            best = (distance, m.group(0)[1:-1].strip(" ,"), m.start() + 1, m.end() - 1)
    return best[1:] if best else None


def _is_pronoun(text: str) -> bool:
    return text.lower() in L.PRONOUNS


def extract_claims(doc: object, outlet: str | None = None) -> list[Claim]:
    """Claims in a spaCy ``doc`` of an article body, in order."""
    claims: list[Claim] = []
    last_speaker: str | None = None
    persons: list[tuple[int, str]] = [(e.start_char, e.text) for e in doc.ents if e.label_ == "PERSON"]  # type: ignore[attr-defined]
    for sent in doc.sents:  # type: ignore[attr-defined]
        found = _according_to(sent) or []
        for token in sent:
            if token.lemma_.lower() not in L.CUES or token.pos_ not in ("VERB", "AUX"):
                continue
            claim = _from_cue(sent, token)
            if claim:
                found.append(claim)
        for claim in found:
            if _is_pronoun(claim.speaker):
                # "he"/"she": the person last named before the claim; "they"/"it": the last speaker.
                earlier = [name for at, name in persons if at < claim.start]
                person = claim.speaker.lower() in ("he", "she")
                claim.speaker = (earlier[-1] if person and earlier else last_speaker) or claim.speaker
            claim.chain = [claim.speaker, *claim.chain] + ([outlet] if outlet else [])
            last_speaker = claim.speaker if not _is_pronoun(claim.speaker) else last_speaker
            if claim.stance == "denies":
                claim.denies = _denied(claims, claim)
            claims.append(claim)
    return claims


# A denial answers a claim made shortly before it: within this many characters.
DENIAL_REACH = 1200


def _denied(earlier: list[Claim], denial: Claim) -> str | None:
    """The content of the latest assertion by another speaker that the denial answers."""
    for claim in reversed(earlier):
        if denial.start - claim.start > DENIAL_REACH:
            break
        if claim.stance == "asserts" and claim.speaker != denial.speaker:
            return claim.content
    return None


def _according_to(sent: object) -> list[Claim] | None:
    for token in sent:  # type: ignore[attr-defined]
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to":
            to = token.nbor(1)
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if not objects:
                return None
            speaker, s0, s1 = _phrase(objects[0])
            end = max(objects[0].right_edge.i, to.i)
            before = [t for t in sent if t.i < token.i and not t.is_space]
            after = [t for t in sent if t.i > end and not t.is_space]
            rest = max(before, after, key=len)  # the clause the attribution is attached to
            while rest and rest[0].is_punct:
                rest.pop(0)
            while rest and rest[-1].is_punct:
                rest.pop()
            if len(rest) < 3:
                return None
            content, c0, c1 = _span_text(rest)
            return [
                Claim(
                    sent.start_char,
                    sent.end_char,
                    sent.text,
                    speaker,
                    (s0, s1),
                    "according to",  # type: ignore[attr-defined]
                    (token.idx, to.idx + 2),
                    content,
                    (c0, c1),
                    _stance("according", content),
                    bool(_QUOTE.search(content)),
                )
            ]
    return None


def _from_cue(sent: object, cue: object) -> Claim | None:
    children = list(cue.children)  # type: ignore[attr-defined]
    lemma = cue.lemma_.lower()  # type: ignore[attr-defined]
    subjects = [c for c in children if c.dep_ in _SPEAKER_DEPS]
    if not subjects:
        # "..., saying" / "as saying": the speaker is the head's object ("quoted Akar as saying").
        return None
    speaker_token = subjects[0]
    via: list[str] = []
    if lemma == "quote":
        objects = [c for c in children if c.dep_ == "dobj"]
        if not objects:
            return None
        # "the state news agency NPA quoted ...": the parser may give two subjects.
        outlet_text = _span_text(sorted({t for subj in subjects for t in subj.subtree}, key=lambda t: t.i))[0]
        speaker_token = objects[0]
        via.append(_clean_outlet(outlet_text))
    for child in children:  # "Citing the ministry, Reuters reported ..."
        if child.dep_ == "advcl" and child.lemma_.lower() in ("cite", "quote"):
            cited = [c for c in child.children if c.dep_ == "dobj"]
            if cited:
                via.insert(0, _clean_outlet(_phrase(speaker_token)[0]))
                speaker_token = cited[0]
    speaker, s0, s1 = _phrase(speaker_token)
    if speaker.isupper() and len(speaker) > 3:
        return None  # a dateline ("ISTANBUL") parsed as the subject
    if lemma == "tell":
        recipients = [
            c for c in children if c.dep_ in ("dative", "dobj") and c.ent_type_ in ("ORG", "GPE", "PERSON", "")
        ]
        if recipients and recipients[0].dep_ != "ccomp":
            recipient = _phrase(recipients[0])[0]
            if recipient.lower() not in ("reporters", "journalists", "him", "her", "them", "us", "me"):
                via.append(_clean_outlet(recipient))
    content_tokens = [c for c in children if c.dep_ in ("ccomp", "xcomp")]
    quote = _quote_near(sent, cue)
    if content_tokens:
        content, c0, c1 = _span_text(_subtree(content_tokens[0]))
        content = content.strip(' ,"“”')
    elif quote:
        content, c0, c1 = quote
    else:
        objects = [c for c in children if c.dep_ == "dobj" and lemma in L.CUES_DENY | {"claim", "announce", "confirm"}]
        if not objects:
            return None
        content, c0, c1 = _span_text(_subtree(objects[0]))
    if len(content.split()) < 2:
        return None
    direct = bool(quote) and (quote[1] <= c0 < quote[2] or c0 <= quote[1] < c1 or not content_tokens)
    if direct and quote and quote[1] <= c0 and c1 <= quote[2] + 1:
        content, c0, c1 = quote  # the clause is part of a quotation: the claim is the whole quotation
    return Claim(
        sent.start_char,
        sent.end_char,
        sent.text,
        speaker,
        (s0, s1),
        cue.text,  # type: ignore[attr-defined]
        (cue.idx, cue.idx + len(cue.text)),
        content,
        (c0, c1),
        _stance(lemma, content),
        direct,
        via,
    )  # type: ignore[attr-defined]


def _clean_outlet(text: str) -> str:
    """ "the Turkish Anadolu News Agency" → "Anadolu News Agency"-like short form."""
    return re.sub(r"^(?:the\s+)?(?:Turkish|Russian|Syrian|state-run|state|official)\s+", "", text, flags=re.I).strip()
