"""Claims and quotes: who says what, how (asserts, denies, plans, calls for), and through
whom it reached the page.

Read from the dependency parse. A reporting verb ("said", "told", "denied", "claims")
gives the speaker (its subject, or the agent of a passive: "it was reported by X"), the
content (its clausal complement, the quotation it introduces, its object for verbs that
take one: "condemned the attack", "called for calm") and the cue. A cue without a subject
of its own takes its governing verb's speaker ("..., adding that", "continued to say",
"and said"); a parenthetical cue ("The strikes, the ministry said, hit depots") makes the
clause around it the content; a quotation split by its cue ("“We are ready,” he said.
“We will not withdraw.”") is one content. Chains come from the constructions news uses
to pass a claim on: "the Turkish Anadolu News Agency quoted Akar as saying" gives Akar
via Anadolu; "Citing the Russian defence ministry, Reuters reported" gives the ministry
via Reuters; "a source told TRT World" gives the source via TRT World. "According to X,
..." makes X the speaker of the rest of the sentence; so does a headline or transcript
line "X: ..." and a quotation signed "― X". A pronoun speaker is the nearest earlier
speaker or person of the article. A reporting verb inside a quotation is part of what
the quoted speaker said, not a claim of its own. The page's own outlet ends every chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitroom.extract import lexicon as L
from sitroom.extract.claim_parts import (
    _QUOTE,
    _RELATIVE,
    _SPEAKER_DEPS,
    _TEXTS,
    _after_colon,
    _agent,
    _asides,
    _clean_outlet,
    _colon_after,
    _cue_clause,
    _cue_words,
    _drop_commas,
    _has_cue,
    _inner,
    _inside,
    _is_evidence,
    _is_pronoun,
    _is_source,
    _join,
    _misread_verb,
    _nobody,
    _noun_owner,
    _paragraph,
    _parenthetical,
    _span_text,
    _stance,
    _strip,
    _subtree,
    _text,
    _unasserted,
    _verb_base,
    _with_role,
)

_SIGNED = re.compile(r"^\s*([“”\"][^\n]{8,}[”\"])\s*[―—–]+\s*([A-Z][^\n,]{1,60})(?:,[^\n]*)?\s*$")
_COLON = re.compile(r"^\s*([^\n:]{2,60}?)\s*:\s+(\S[^\n]{8,})$")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,}\s*(?:\([^)]*\))?\s*[-—―–]+\s*")
_CONTENT_OBJECT_DEPS = ("dobj", "oprd")


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


def _phrase(token: object, cue: object | None = None) -> tuple[str, int, int]:
    """A noun phrase without trailing punctuation, a relative clause after a comma, or
    the cue's own clause ("a letter that says ...")."""
    out = []
    skip = _cue_clause(token, cue) if cue is not None else set()
    for t in _subtree(token):
        if t.i > token.i and (t.text == "," or t.i in skip) and out:  # type: ignore[attr-defined]
            break
        out.append(t)
    return _span_text(_strip(out) or [token])


def _mention(token: object, cue: object) -> tuple[int, int]:
    """Where a speaker is named in full, with its apposition or relative clause
    ("Phil Smith, a spokesman for the union,"), stopping before the cue and a dateline; a
    participle set off after the name tells what the speaker was doing, not who it is
    ("Smith, speaking at a rally, said")."""
    skip = _cue_clause(token, cue)
    aside = _asides(token)
    tokens = [t for t in _subtree(token) if (t.i < cue.i) == (token.i < cue.i) and t.i not in aside]  # type: ignore[attr-defined]
    if skip:
        tokens = [t for t in tokens if t.i < min(skip)]
    tokens = _strip(tokens) or [token]
    text, start, end = _span_text(tokens)
    dateline = _DATELINE.match(text)
    if dateline and dateline.end() < len(text):
        start += dateline.end()
    return start, end


def _quote_near(sent: object, cue: object, quotes: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """The quotation a cue introduces, with the quotation that continues it on the other
    side of the cue: in its paragraph, the nearest to the cue that touches its sentence."""
    text = _text(cue.doc)  # type: ignore[attr-defined]
    left, right = _paragraph(text, cue.idx)  # type: ignore[attr-defined]
    s0, s1 = sent.start_char, sent.end_char  # type: ignore[attr-defined]
    near = [(a, b) for a, b in quotes if left <= a and b <= right and not (b < s0 - 2 or a > s1)]
    if not near:
        return None
    at = cue.idx  # type: ignore[attr-defined]
    a, b = min(near, key=lambda q: min(abs(q[0] - at), abs(q[1] - at)))
    if b <= at:  # "“We are ready,” he said. “We will not withdraw.”": the quotation goes on after the cue
        after = [q for q in quotes if q[0] > at and q[1] <= right]
        if after and not _has_cue(text[b : after[0][0]]) and after[0][0] - b < L.QUOTE_CONTINUATION:
            first, second = _inner(text, a, b), _inner(text, *after[0])
            return f"{first[0]} … {second[0]}", first[1], second[2]  # the text without the cue between
    elif a > at and len(text[s0:at].strip()) > 2:  # a cue after a quotation it belongs to is handled above
        before = [q for q in quotes if q[1] <= at and q[0] >= left and q[1] >= s0 - 2]
        if before:
            return _inner(text, before[-1][0], before[-1][1])
    return _inner(text, a, b)


def _is_cue(token: object) -> bool:
    lemma = token.lemma_.lower()  # type: ignore[attr-defined]
    if lemma in L.CUES_AS_ONLY:
        # "as the minister put it": a cue only in that form.
        kids = {(c.dep_, c.lower_) for c in token.children}  # type: ignore[attr-defined]
        return ("dobj", "it") in kids and ("mark", "as") in kids
    if lemma not in L.CUES:
        return False
    if token.pos_ not in ("VERB", "AUX"):  # type: ignore[attr-defined]
        # "Trump claims that ...": a verb the tagger took for a noun still has a subject and a
        # clause, or it heads its sentence with the name before it taken for a modifier.
        deps = {c.dep_ for c in token.children}  # type: ignore[attr-defined]
        if not (token.pos_ == "NOUN" and ("nsubj" in deps or _misread_verb(token)) and deps & {"ccomp", "xcomp"}):  # type: ignore[attr-defined]
            return False
    if lemma in ("cite", "quote") and token.dep_ == "advcl":  # type: ignore[attr-defined]
        return False  # "Citing the ministry, Reuters reported": a link of the chain, not a claim
    return token.dep_ not in ("amod", "compound", "acomp")  # type: ignore[attr-defined]


def extract_claims(doc: object, outlet: str | None = None) -> list[Claim]:
    """Claims in a spaCy ``doc`` of an article body, in order."""
    text = doc.text  # type: ignore[attr-defined]
    _TEXTS[id(doc)] = text
    try:
        return _claims(doc, text, outlet)
    finally:
        _TEXTS.pop(id(doc), None)


def _claims(doc: object, text: str, outlet: str | None) -> list[Claim]:
    claims: list[Claim] = []
    last_speaker: str | None = None
    quotes = [m.span() for m in _QUOTE.finditer(text)]
    persons: list[tuple[int, str]] = [(e.start_char, e.text) for e in doc.ents if e.label_ == "PERSON"]  # type: ignore[attr-defined]
    lines_done: set[int] = set()
    for sent in doc.sents:  # type: ignore[attr-defined]
        found = _according_to(sent)
        line_start = text.rfind("\n", 0, sent.start_char) + 1
        if line_start not in lines_done and not text[line_start : sent.start_char].strip():
            lines_done.add(line_start)
            line_end = text.find("\n", line_start)
            found += _line_claims(doc, (line_start, len(text) if line_end == -1 else line_end))
        for token in sent:
            if not _is_cue(token) or _inside(token.idx, quotes):
                continue
            if any(c.cue_span[0] <= token.idx < c.cue_span[1] for c in found):
                continue
            claim = _from_cue(sent, token, quotes)
            if claim:
                found.append(claim)
        for token in sent:
            if token.lemma_.lower() in L.CUE_NOUNS and token.pos_ == "NOUN" and not _inside(token.idx, quotes):
                claim = _from_noun(sent, token)
                if claim:
                    found.append(claim)
        found = found or [c for c in _in_poll(sent) if not _inside(c.cue_span[0], quotes)]
        found.sort(key=lambda c: c.cue_span[0])
        for claim in _drop_nested(_one_cue_per_quote(found)):
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


def _one_cue_per_quote(found: list[Claim]) -> list[Claim]:
    """A quotation is said once: when two cues took the same content, the nearer keeps it
    ("“...,” Obama said at the dinner, where Clinton also spoke")."""

    def distance(c: Claim) -> int:
        return min(abs(c.cue_span[0] - c.content_span[1]), abs(c.content_span[0] - c.cue_span[1]))

    best: dict[tuple[int, int], Claim] = {}
    for claim in found:
        other = best.get(claim.content_span)
        if other is None or distance(claim) < distance(other):
            best[claim.content_span] = claim
    return [c for c in found if best[c.content_span] is c]


def _drop_nested(found: list[Claim]) -> list[Claim]:
    """Claims whose cue sits inside another claim's content are part of that content
    ("He said the minister told him ..."): one claim per stretch of text, the outer one.
    "According to" is the exception: "“...,” Akar said, according to a ministry
    statement" is Akar's claim, passed on by the statement (but "Clinton plans to visit,
    according to an aide" is the aide's claim)."""
    out = []
    for claim in found:
        outer = [
            c
            for c in found
            if c is not claim
            and c.content_span[0] <= claim.cue_span[0] < c.content_span[1]
            and not (claim.content_span[0] <= c.cue_span[0] < claim.content_span[1])
        ]
        inner = [
            c
            for c in found
            if c is not claim and c.stance != "plans" and claim.content_span[0] <= c.cue_span[0] < claim.content_span[1]
        ]
        if claim.cue == "according to" and inner:
            for c in inner:
                c.chain.append(claim.speaker)
            continue
        if not outer or all(c.cue == "according to" and claim.stance != "plans" for c in outer):
            out.append(claim)
    return out


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


def _according_to(sent: object) -> list[Claim]:
    """ "According to X, ..." and "..., according to X": X says the rest of the sentence."""
    out = []
    for token in sent:  # type: ignore[attr-defined]
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to":
            claim = _source_phrase(sent, token, token.nbor(1), "according to")
            if claim:
                out.append(claim)
    return out


def _in_poll(sent: object) -> list[Claim]:
    """ "In the latest poll, the mayor leads by five points", "..., the survey's highest
    in a decade": a poll gives the figures of the rest of its sentence (used when nobody
    in the sentence says them)."""
    out = []
    for token in sent:  # type: ignore[attr-defined]
        objects = [c for c in token.children if c.dep_ == "pobj"] if token.lower_ == "in" else []
        if objects and objects[0].lemma_.lower() in L.POLL_SOURCES and token.head.pos_ in ("VERB", "AUX"):
            claim = _source_phrase(sent, token, token, "in")
            if claim:
                out.append(claim)
    return out


def _source_phrase(sent: object, first: object, prep: object, cue: str) -> Claim | None:
    """A claim whose source is the object of a preposition (``first`` .. ``prep``, read as
    ``cue``): the rest of the sentence, on both sides when the phrase is set into it."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]  # type: ignore[attr-defined]
    if not objects:
        return None
    speaker, s0, s1 = _phrase(objects[0])
    end = max(objects[0].right_edge.i, prep.i)  # type: ignore[attr-defined]
    before = _strip([t for t in sent if t.i < first.i])  # type: ignore[attr-defined]
    after = _strip([t for t in sent if t.i > end])  # type: ignore[attr-defined]
    both = len(before) >= 3 and len(after) >= 3 and after[0].i - end <= 2
    rest = before + after if both else max(before, after, key=len)  # "X rose, according to Y, and Z fell"
    if len(rest) < 3:
        return None
    _, c0, c1 = _span_text(rest)
    content = _join(rest) if both else _text(sent.doc)[c0:c1]  # type: ignore[attr-defined]
    cue0, cue1 = first.idx, prep.idx + len(prep.text)  # type: ignore[attr-defined]
    return Claim(
        sent.start_char,  # type: ignore[attr-defined]
        sent.end_char,  # type: ignore[attr-defined]
        sent.text,  # type: ignore[attr-defined]
        speaker,
        (s0, s1),
        cue,
        (cue0, cue1),
        content,
        (c0, c1),
        _stance(cue, content),
        bool(_QUOTE.search(content)),
    )


def _line_claims(doc: object, line_span: tuple[int, int]) -> list[Claim]:
    """A line that is one attribution: a quotation signed "― X", a transcript
    line "PENCE: ...", a headline "Sanders: Clinton needs to ...". The part before the
    colon must be a person or organisation (or a source word such as "Poll")."""
    text = _text(doc)
    p0, p1 = line_span
    line = text[p0:p1]
    signed = _SIGNED.match(line)
    if signed:
        content, c0, c1 = _inner(text, p0 + signed.start(1), p0 + signed.end(1))
        s0, s1 = p0 + signed.start(2), p0 + signed.start(2) + len(signed.group(2).rstrip())
        dash = text.rfind("―", p0, s0) if "―" in text[p0:s0] else max(text.rfind(d, p0, s0) for d in "—–")
        return [_line_claim(text, p0, p1, text[s0:s1].strip(), (s0, s1), (dash, dash + 1), (content, c0, c1))]
    colon = _COLON.match(line)
    if not colon:
        return _headline(text, p0, p1)
    who = colon.group(1)
    s0, s1 = p0 + colon.start(1), p0 + colon.end(1)
    if not _names_a_speaker(doc, who, s0, s1):
        return []
    c0, c1 = p0 + colon.start(2), p0 + colon.end(2)
    content, c0, c1 = _inner(text, c0, c1) if text[c0] in '“"‘' and text[c1 - 1] in '”"’' else (text[c0:c1], c0, c1)
    cue_at = text.find(":", s1)
    return [_line_claim(text, p0, p1, who, (s0, s1), (cue_at, cue_at + 1), (content, c0, c1))]


_WORD = re.compile(r"[A-Za-z][\w'’.-]*|\d[\d,.]*")


def _headline(text: str, p0: int, p1: int) -> list[Claim]:
    """A headline in title case, which the parser reads poorly: "Sanders Vows To Eliminate
    Tax Breaks" (speaker, cue, content) or "Clinton Hid Health Problems, Former Doctor Says"."""
    line = text[p0:p1]
    words = list(_WORD.finditer(line))
    long = [w for w in words if len(w.group(0)) > 3]
    if len(words) < 4 or sum(w.group(0)[0].isupper() for w in long) < 0.7 * len(long):
        return []
    last = words[-1]
    if _verb_base(last.group(0)) in L.CUES_SPEECH_HEADLINE and line[: last.start()].rstrip().endswith(","):
        comma = line.rfind(",", 0, last.start())
        who = [w for w in words if comma < w.start() < last.start()]
        if 1 <= len(who) <= 5:
            s0, s1 = p0 + who[0].start(), p0 + who[-1].end()
            c1 = p0 + comma
            return [_headline_claim(text, p0, p1, (s0, s1), (p0 + last.start(), p0 + last.end()), (p0, c1))]
    for i, w in enumerate(words[1:7], start=1):
        if _verb_base(w.group(0)) not in L.CUES or w.group(0).lower() in L.HEADLINE_NOT_VERBS:
            continue
        who = words[:i]
        rest = words[i + 1 :]
        if len(rest) < 2 or not all(x.group(0)[0].isupper() or x.group(0)[0].isdigit() for x in who):
            return []
        if any(ch in line[who[0].start() : w.start()] for ch in ",:;"):
            return []
        s0, s1 = p0 + who[0].start(), p0 + who[-1].end()
        c0, c1 = p0 + rest[0].start(), p0 + len(line.rstrip(" .!?\n"))
        return [_headline_claim(text, p0, p1, (s0, s1), (p0 + w.start(), p0 + w.end()), (c0, c1))]
    return []


def _headline_claim(
    text: str, p0: int, p1: int, who: tuple[int, int], cue: tuple[int, int], content: tuple[int, int]
) -> Claim:
    body = text[content[0] : content[1]].strip(" ‘’'\"“”")
    return Claim(
        p0,
        p1,
        text[p0:p1],
        text[who[0] : who[1]],
        who,
        text[cue[0] : cue[1]],
        cue,
        body,
        content,
        _stance(_verb_base(text[cue[0] : cue[1]]), body),
        False,
    )


def _names_a_speaker(doc: object, who: str, s0: int, s1: int) -> bool:
    words = who.split()
    if who.lower() in L.COLON_NOT_SPEAKERS or not words or len(words) > 6:
        return False
    if len(words) == 1 and who.isupper() and len(who) > 2:
        return True  # a transcript: "WALLACE: ..."
    if who.lower() in L.COLON_SPEAKER_WORDS:
        return True
    if not _text(doc)[:s0].strip() and len(words) <= 3 and all(w[0].isupper() for w in words):
        return True  # the headline "Sanders: Clinton needs ...": the parser often misses a name there
    ents = [e for e in doc.ents if e.start_char <= s0 + 1 and e.end_char >= s1 - 1]  # type: ignore[attr-defined]
    return any(e.label_ in ("PERSON", "ORG") for e in ents)


def _line_claim(
    text: str,
    p0: int,
    p1: int,
    speaker: str,
    speaker_span: tuple[int, int],
    cue_span: tuple[int, int],
    content: tuple[str, int, int],
) -> Claim:
    body, c0, c1 = content
    return Claim(
        p0,
        p1,
        text[p0:p1],
        speaker,
        speaker_span,
        text[cue_span[0] : cue_span[1]],
        cue_span,
        body,
        (c0, c1),
        _stance("say", body),
        text[c0 - 1 : c0] in '“"‘',
    )


def _speaker_of(cue: object, quotes: list[tuple[int, int]], depth: int = 0) -> object | None:
    """The token naming who speaks through ``cue``: its subject outside any quotation,
    the agent of a passive, or (a cue without a subject) the speaker of the verb it hangs
    from: "..., adding that", "continued to say", "and said"."""
    children = list(cue.children)  # type: ignore[attr-defined]
    subjects = [c for c in children if c.dep_ == "nsubj" and not _inside(c.idx, quotes)]
    if subjects:
        # "“...,” said James Acton": the subject after the cue when one is before it in the quotation.
        subject = min(subjects, key=lambda s: abs(s.i - cue.i))  # type: ignore[attr-defined]
        return subject
    agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agents:
        return agents[0]  # "it was reported by the agency"
    if _misread_verb(cue):
        return cue.doc[cue.i - 1]  # type: ignore[attr-defined]  # "Trump claims that ...": the name before
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in children) or depth > 2:
        return None
    head = cue.head  # type: ignore[attr-defined]
    if cue.dep_ == "acl" and head.lemma_.lower() in L.CUE_NOUNS:  # type: ignore[attr-defined]
        # "the ministry issued a statement saying ...": who made the statement.
        owner = _noun_owner(head)
        if owner is not None:
            return owner
        if head.dep_ in ("dobj", "pobj") and head.head.pos_ in ("VERB", "ADP"):
            verb = head.head if head.dep_ == "dobj" else head.head.head
            return _speaker_of(verb, quotes, depth + 1) if verb.pos_ == "VERB" else None
        return None
    if cue.dep_ == "xcomp" and head.pos_ == "VERB":  # type: ignore[attr-defined]
        # "forced Stumpf to admit": the object of the governing verb speaks.
        objects = [c for c in head.children if c.dep_ == "dobj" and c.i < cue.i]  # type: ignore[attr-defined]
        if objects and head.lemma_.lower() in L.OBJECT_CONTROL:  # type: ignore[attr-defined]
            return objects[0]
        if objects:
            return None  # "used blunt language to denounce": not who speaks
    if cue.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):  # type: ignore[attr-defined]
        return _speaker_of(head.head, quotes, depth + 1)  # type: ignore[attr-defined]  # "responded by saying"
    if cue.dep_ in ("advcl", "xcomp", "conj") and head is not cue and head.pos_ in ("VERB", "AUX"):  # type: ignore[attr-defined]
        if cue.dep_ == "advcl" and cue.tag_ != "VBG":  # type: ignore[attr-defined]
            return None  # "if asked": not a participle of the speaker's verb
        return _speaker_of(head, quotes, depth + 1)
    return None


def _left_speaker(cue: object, quotes: list[tuple[int, int]]) -> object | None:
    """The name just before a cue the parser left without a subject ("“...,” Chief Ana
    Ruiz said", "In a meeting with the board Ruiz said ..."): the parser hung it on a word
    before, but a name right before a speech verb is who speaks."""
    doc = cue.doc  # type: ignore[attr-defined]
    i = cue.i - 1  # type: ignore[attr-defined]
    while i >= 0 and doc[i].head.i == cue.i and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod", "punct"):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN", "PRON") or _inside(doc[i].idx, quotes):
        return None
    token = doc[i]
    while token.dep_ in ("appos", "compound") and token.head.i < token.i:
        if any(t.is_quote for t in doc[token.head.i : token.i]):
            break  # a quotation closes before the name: the words before it are not the speaker
        token = token.head  # "Ana Ruiz, the chief,": the name the apposition describes
    if token.dep_ in _SPEAKER_DEPS or token.lower_ in _RELATIVE:
        return None  # the subject of another verb
    return token


def _from_noun(sent: object, noun: object) -> Claim | None:
    """A statement noun with its owner and a that-clause: "Trump's claim that the vote was rigged"."""
    owner = _noun_owner(noun)
    if owner is None:
        return None
    clauses = [
        c
        for c in noun.children  # type: ignore[attr-defined]
        if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
    ]
    if not clauses:
        return None
    tokens = _strip(_subtree(clauses[0]))
    if len(tokens) < 3:
        return None
    content, c0, c1 = _span_text(tokens)
    speaker = re.sub(r"\s*['’]s$", "", _phrase(owner)[0])
    speaker = L.POSSESSIVE_PRONOUNS.get(speaker.lower(), speaker)  # "his claim": he, resolved as a pronoun
    return Claim(
        sent.start_char,  # type: ignore[attr-defined]
        sent.end_char,  # type: ignore[attr-defined]
        sent.text,  # type: ignore[attr-defined]
        speaker,
        _span_text(_subtree(owner))[1:] if owner.dep_ == "poss" else _mention(owner, noun),  # type: ignore[attr-defined]
        noun.text,  # type: ignore[attr-defined]
        (noun.idx, noun.idx + len(noun.text)),  # type: ignore[attr-defined]
        content,
        (c0, c1),
        _stance(L.CUE_NOUNS[noun.lemma_.lower()], content),  # type: ignore[attr-defined]
        False,
    )


def _content_tokens(cue: object, lemma: str) -> list:
    """The tokens a cue reports: its clause, or its object for verbs that take one."""
    if lemma in L.CUES_QUOTE_ONLY:
        return []  # "continued to support him" reports nothing; "he continued: “...”" does
    children = list(cue.children)  # type: ignore[attr-defined]
    clauses = [c for c in children if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() not in L.CUES]
    clauses = clauses or [c for c in children if c.dep_ in ("ccomp", "xcomp")]
    if not clauses and lemma not in L.CUES_NO_QUOTE:
        # "said after the convention he would not accept ...": a clause the parser hung as an
        # adverbial, but with its own subject and no conjunction of its own.
        clauses = [
            c
            for c in children
            if c.dep_ == "advcl"
            and c.i > cue.i  # type: ignore[attr-defined]
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            and not any(g.dep_ == "mark" for g in c.children)
        ]
    if lemma in L.CUES_BELIEF:
        finite = [c for c in clauses if c.dep_ == "ccomp"]
        return _subtree(finite[0]) if finite else []
    objects = [c for c in children if c.dep_ in _CONTENT_OBJECT_DEPS]
    if clauses:
        clause = clauses[0]
        if objects and objects[0].i < clause.i and lemma in L.CUES_CALL and clause.dep_ == "xcomp":
            # "urged rebels to withdraw": who is urged belongs to the call.
            return sorted([*_subtree(objects[0]), *_subtree(clause)], key=lambda t: t.i)
        return _subtree(clause)
    passive = any(c.dep_ == "auxpass" for c in children)
    if passive:
        topics = [c for c in children if c.dep_ == "nsubjpass" and c.lower_ not in ("it", "this")]
        return _subtree(topics[0]) if topics and lemma in L.CUES_OBJECT else []
    if objects and (lemma in L.CUES_OBJECT or (lemma in L.CUES_EVIDENCE and _is_evidence(cue))):
        tokens = [t for o in objects for t in _subtree(o)]
        # "called Trump a liar", "described the attack as a crime", "video shows him with his
        # hands raised": what follows the object belongs to it.
        for c in children:
            if c.i > objects[0].i and c.dep_ in ("prep", "oprd", "xcomp", "acomp", "ccomp"):
                tokens += _subtree(c)
        return sorted(set(tokens), key=lambda t: t.i)
    for c in children:  # "called for calm", "spoke about the truce", "warned of an offensive"
        if c.dep_ == "prep" and c.lower_ in L.CUE_PREPOSITIONS.get(lemma, ()):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return _subtree(objs[0])
    return _misparsed_clause(cue, lemma, objects) if lemma in L.CUES_CLAUSE else []


def _misparsed_clause(cue: object, lemma: str, objects: list) -> list:
    """The clause of a speech verb the parser did not hang on it: "told a meeting of leaders
    that few understood ..." (a that-clause taken as relative), "said many of the claims
    were wrong" (a subject taken as the object), "Talks resume Monday, he said." (the
    clause before a cue that ends the sentence)."""
    for o in [c for c in cue.children if c.dep_ in ("dobj", "dative")]:  # type: ignore[attr-defined]
        for t in o.subtree:
            marks = {g.lower_ for g in t.children if g.dep_ == "mark"}
            if t.dep_ == "relcl" and "that" in marks and any(g.dep_ in _SPEAKER_DEPS for g in t.children):
                return _subtree(t)
    sent = cue.sent  # type: ignore[attr-defined]
    after = [t for t in sent if t.i > cue.i]  # type: ignore[attr-defined]
    if objects and lemma != "tell" and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in objects[0].subtree):
        return _strip(after)
    subjects = [c for c in cue.children if c.dep_ in _SPEAKER_DEPS and c.i < cue.i]  # type: ignore[attr-defined]
    if subjects and not any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("dobj", "ccomp") for t in after):
        before = [t for t in sent if t.i < subjects[0].left_edge.i]
        if before and before[-1].text == "," and len(_strip(before)) >= 2:
            return _strip(before)
    return []


def _from_cue(sent: object, cue: object, quotes: list[tuple[int, int]]) -> Claim | None:
    children = list(cue.children)  # type: ignore[attr-defined]
    lemma = cue.lemma_.lower()  # type: ignore[attr-defined]
    text = _text(cue.doc)  # type: ignore[attr-defined]
    if _unasserted(sent, cue):
        return None
    speaker_token = _speaker_of(cue, quotes)
    if speaker_token is None and cue.dep_ in ("ROOT", "conj", "ccomp") and lemma in L.CUES_ASSERT:  # type: ignore[attr-defined]
        speaker_token = _left_speaker(cue, quotes)
    if speaker_token is None or _nobody(speaker_token):
        return None
    if lemma in L.CUES_STANCE_NAMED and not _agent(speaker_token):
        return None
    via: list[str] = []
    if lemma == "quote":
        objects = [c for c in children if c.dep_ == "dobj"]
        if not objects:
            return None
        # "the state news agency NPA quoted ...": the parser may give two subjects.
        # Without a subject of its own (the speaker was found left of the cue), the one
        # who quotes is that speaker.
        subjects = [c for c in children if c.dep_ in _SPEAKER_DEPS] or [speaker_token]
        outlet_text = _span_text(sorted({t for subj in subjects for t in subj.subtree}, key=lambda t: t.i))[0]
        speaker_token = objects[0]
        via.append(_clean_outlet(outlet_text))
    for child in children:  # "Citing the ministry, Reuters reported ..."
        if child.dep_ == "advcl" and child.lemma_.lower() in ("cite", "quote") and child.i < cue.i:  # type: ignore[attr-defined]
            cited = [c for c in child.children if c.dep_ == "dobj" and _is_source(c)]
            if cited:
                via.insert(0, _clean_outlet(_phrase(speaker_token)[0]))
                speaker_token = cited[0]
    speaker, p0, _ = _phrase(speaker_token, cue)
    speaker = _with_role(speaker, p0, speaker_token, cue, text)
    s0, s1 = _mention(speaker_token, cue)
    if speaker_token.lower_ in _RELATIVE and cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN"):  # type: ignore[attr-defined]
        speaker = _phrase(cue.head, cue)[0]  # type: ignore[attr-defined]  # "Mr. Kamin, who emphasized": who is Mr. Kamin
    if speaker.isupper() and len(speaker) > 3 and speaker_token.ent_type_ != "ORG":  # type: ignore[attr-defined]
        return None  # a dateline ("ISTANBUL") parsed as the subject
    if lemma == "tell":
        recipients = [
            c for c in children if c.dep_ in ("dative", "dobj") and c.ent_type_ in ("ORG", "GPE", "PERSON", "")
        ]
        if recipients and recipients[0].dep_ != "ccomp":
            recipient = _phrase(recipients[0])[0]
            if recipient.lower() not in ("reporters", "journalists", "him", "her", "them", "us", "me"):
                via.append(_clean_outlet(recipient))
    tokens = _strip([t for t in _content_tokens(cue, lemma) if t.i != cue.i])  # type: ignore[attr-defined]
    quote = _quote_near(sent, cue, quotes) if lemma not in L.CUES_NO_QUOTE else None
    if tokens:
        citing = _trailing_citation(tokens)
        if citing is not None and len(kept := _strip([t for t in tokens if t.i < citing[0].i])) >= 2:
            # "X reported ..., citing a military source": the source speaks, through X.
            tokens = kept
            via.insert(0, _clean_outlet(speaker))
            speaker, _, _ = _phrase(citing[1])
            s0, s1 = _mention(citing[1], cue)
        content, c0, c1 = _span_text(tokens)
        content = content.strip(' ,"“”')
    elif quote:
        content, c0, c1 = quote
    elif _parenthetical(cue):
        # "The museum, Mr. Obama said, would make visitors face ...", "as the minister put it,
        # the truce holds": the clause around the cue.
        skip = {t.i for t in cue.subtree}  # type: ignore[attr-defined]
        around = _strip([t for t in _subtree(cue.head) if t.i not in skip])  # type: ignore[attr-defined]
        if not around:
            return None
        _, c0, c1 = _span_text(around)
        content = _join(_drop_commas(around))
    elif _colon_after(cue):
        found = _after_colon(cue)
        if not found:
            return None
        content, c0, c1 = found
    else:
        return None
    if len(content.split()) < 2:
        return None
    direct = bool(quote) and (quote[1] <= c0 < quote[2] or c0 <= quote[1] < c1 or not tokens)
    if direct and quote and quote[1] - 1 <= c0 < quote[2] and not _inside(cue.idx, quotes):  # type: ignore[attr-defined]
        content, c0, c1 = quote  # the clause is part of a quotation: the claim is the whole quotation
    if not direct and text[c0 - 1 : c0] in '“"‘' and c0 > 0:
        direct = True
    return Claim(
        sent.start_char,  # type: ignore[attr-defined]
        sent.end_char,  # type: ignore[attr-defined]
        sent.text,  # type: ignore[attr-defined]
        speaker,
        (s0, s1),
        *_cue_words(cue, c0),
        content,
        (c0, c1),
        _stance(lemma, content, tokens),
        direct,
        via,
    )


def _trailing_citation(tokens: list) -> tuple[object, object] | None:
    """A "citing Y" participle that ends a content: (its first token, Y)."""
    for t in tokens:
        if t.dep_ == "advcl" and t.lemma_.lower() == "cite" and t.tag_ == "VBG" and t.right_edge.i >= tokens[-1].i:
            cited = [c for c in t.children if c.dep_ == "dobj" and _is_source(c)]
            if cited:
                return t, cited[0]
    return None
