"""Parts of a claim: spans and phrases of the parse, who can be a speaker, where a clause
reported by a cue begins and ends, and the stance a cue and its clause give.

Leaf helpers of :mod:`sitroom.extract.claims`, which holds the reading itself; kept apart
so that each module does one thing.
"""

from __future__ import annotations

import re

from sitroom.extract import lexicon as L

# A spaCy doc rebuilds its text on every access: the text of the doc being read, by id.
_TEXTS: dict[int, str] = {}

# A quotation stays inside its paragraph (an unclosed quote must not swallow the article).
# Single quotation marks double as apostrophes ("don’t"): a closing one is not followed by a letter.
_QUOTE = re.compile(r"[“\"][^”\"\n]{3,}[”\"]|‘[^\n]{8,}?’(?![A-Za-z])|''(?:[^'\n]|'(?!'))+?''")
_DENIAL = tuple(re.compile(p, re.I) for p in L.DENIAL_PHRASES)
_SPEAKER_DEPS = ("nsubj", "nsubjpass")
_RELATIVE = frozenset("that which who whom".split())
_CUE_WORD = re.compile(r"\b(?:said|says|say|told|added|adding|asked|wrote|continued)\b", re.I)


def _text(doc: object) -> str:
    return _TEXTS.get(id(doc)) or doc.text  # type: ignore[attr-defined]


def _span_text(tokens: list) -> tuple[str, int, int]:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return _text(tokens[0].doc)[start:end], start, end


def _subtree(token: object) -> list:
    return sorted(token.subtree, key=lambda t: t.i)  # type: ignore[attr-defined]


def _strip(tokens: list) -> list:
    """Tokens without punctuation or spaces at either end (a closing bracket stays)."""
    out = list(tokens)
    while out and (out[-1].is_space or (out[-1].is_punct and out[-1].text != ")")):
        out.pop()
    while out and (out[0].is_space or out[0].is_punct):
        out.pop(0)
    return out


def _cue_clause(token: object, cue: object) -> set[int]:
    """The cue's clause when the speaker's phrase holds it ("a letter that says ...")."""
    return {t.i for t in cue.subtree} if token.is_ancestor(cue) else set()  # type: ignore[attr-defined]


def _asides(token: object) -> set[int]:
    """Tokens of a participle set off after a speaker's name (see ``_mention``)."""
    out: set[int] = set()
    doc = token.doc  # type: ignore[attr-defined]
    for t in token.children:  # type: ignore[attr-defined]
        after_comma = t.i > token.i and doc[t.left_edge.i - 1].text == ","  # type: ignore[attr-defined]
        if after_comma and t.dep_ in ("acl", "advcl") and t.tag_ == "VBG":
            out |= {g.i for g in t.subtree}
    return out


def _stance(cue_lemma: str, content: str, tokens: list | None = None) -> str:
    if cue_lemma in L.CUES_DENY or any(p.search(content) for p in _DENIAL):
        return "denies"
    if cue_lemma in L.CUES_PLAN:
        return "plans"
    if cue_lemma in L.CUES_CALL:
        return "calls for"
    return _modality(tokens) if tokens else "asserts"


def _modality(tokens: list) -> str:
    """What a reported clause does, from its main verb's auxiliaries: a future or a mandate
    announces ("the truce will take effect at midnight", "weapons be withdrawn by the 10th"):
    ``plans``; an obligation appeals ("the agreement must be respected"): ``calls for``;
    anything else states: ``asserts``."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head is t]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")] or [
        t for t in tokens if t.pos_ == "VERB" and t.dep_ in ("ccomp", "xcomp", "ROOT")
    ]
    if not verbs:
        return "asserts"
    verb = verbs[0]
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if words & L.OBLIGATION_MODALS:
        return "calls for"
    if words & L.FUTURE_MODALS:
        return "plans"
    if len(auxes) == 1 and auxes[0].tag_ == "VB" and auxes[0].lower_ == "be" and verb.dep_ != "xcomp":
        return "plans"  # a passive mandate: "that all heavy weapons be withdrawn"
    if verb.tag_ == "VB" and not words and verb.dep_ != "xcomp":
        # A bare verb: with a subject a mandate ("that all weapons be withdrawn"), without one
        # an imperative ("Stop the shelling!").
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        return "plans" if has_subject else "calls for"
    if any(c.lower_ in ("be", "is", "are") for c in auxes) and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in verb.children
    ):
        return "plans"  # "patrols are to begin"
    return "asserts"


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < position < b for a, b in spans)


def _paragraph(text: str, at: int) -> tuple[int, int]:
    left = text.rfind("\n\n", 0, at)
    right = text.find("\n\n", at)
    return (0 if left == -1 else left + 2), (len(text) if right == -1 else right)


def _inner(text: str, a: int, b: int) -> tuple[str, int, int]:
    """A quotation without its marks and the comma before its closing mark."""
    a, b = a + (2 if text.startswith("''", a) else 1), b - (2 if text.endswith("''", a, b) else 1)
    while b > a and text[b - 1] in " ,":
        b -= 1
    return text[a:b], a, b


def _has_cue(between: str) -> bool:
    """Whether the text between two quotations holds a second attribution (then the
    second quotation is someone else's, or a new claim)."""
    return len(_CUE_WORD.findall(between)) > 1


def _is_pronoun(text: str) -> bool:
    return text.lower() in L.PRONOUNS


def _misread_verb(token: object) -> bool:
    """A plural noun heading its sentence after a name taken as its modifier ("Trump claims
    that ...", "The campaign plans to ..."): a verb in the present with its subject."""
    return (
        token.tag_ == "NNS"  # type: ignore[attr-defined]
        and token.dep_ == "ROOT"  # type: ignore[attr-defined]
        and any(c.dep_ == "compound" and c.i == token.i - 1 for c in token.children)  # type: ignore[attr-defined]
    )


def _join(tokens: list) -> str:
    """Tokens as text, with a space where tokens between them were left out."""
    out = []
    for t, nxt in zip(tokens, [*tokens[1:], None], strict=True):
        gap = nxt is not None and nxt.i != t.i + 1 and not nxt.is_punct
        out.append(t.text + (" " if gap and not t.whitespace_ else t.whitespace_))
    return "".join(out).strip()


def _verb_base(word: str) -> str:
    """The base of a headline verb ("Says" → "say", "Urges" → "urge", "Denies" → "deny")."""
    w = word.lower()
    if w in L.IRREGULAR_CUES:
        return L.IRREGULAR_CUES[w]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if w.endswith(suffix) and w[: len(w) - len(suffix)] + repl in L.CUES:
            return w[: len(w) - len(suffix)] + repl
    return w


def _is_evidence(cue: object) -> bool:
    """Whether a cue's subject is a document or finding ("a study found 31 cases"), not
    someone who found something ("troops found weapons")."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]  # type: ignore[attr-defined]
    return bool(subjects) and subjects[0].lemma_.lower() in L.EVIDENCE_SOURCES


def _noun_owner(noun: object) -> object | None:
    """Whose statement a noun is: "Trump's claim", "a statement by the ministry"."""
    for c in noun.children:  # type: ignore[attr-defined]
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            objs = [g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN", "PRON")]
            if objs and (c.lower_ != "of" or objs[0].ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
                return objs[0]
    return None


def _with_role(speaker: str, start: int, token: object, cue: object, text: str) -> str:
    """The speaker with the role set after its name by a comma ("Hulusi Akar, Turkey's
    defence minister"): who speaks is the person in that role."""
    role = next((c for c in token.children if c.dep_ == "appos" and c.i > token.i), None)  # type: ignore[attr-defined]
    if role is None or role.i == cue.i or role.is_ancestor(cue):  # type: ignore[attr-defined]
        return speaker
    words = _strip(sorted(role.subtree, key=lambda t: t.i))
    if not words or len(words) > 12 or any(t.dep_ == "relcl" for t in words):
        return speaker
    end = words[-1].idx + len(words[-1])
    return text[start:end] if end > start + len(speaker) else speaker


def _agent(token: object) -> bool:
    """Whether a subject is named as who voices a stance: a person, a group, a country or a
    pronoun for one ("Norland backed the plan"), not a thing ("the jets backed the offensive")."""
    return token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.pos_ in ("PROPN", "PRON")  # type: ignore[attr-defined]


def _nobody(token: object) -> bool:
    """A subject that is nobody in particular ("you know", "one can say"); "one of the
    lawyers" is somebody."""
    return token.lower_ in L.NOT_SPEAKERS and not any(c.dep_ == "prep" for c in token.children)  # type: ignore[attr-defined]


def _is_source(token: object) -> bool:
    """Whether a cited phrase names who said something ("citing a military source"), not
    what it rests on ("citing the release of prisoners")."""
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):  # type: ignore[attr-defined]
        return True
    return token.lemma_.lower() in L.SOURCE_NOUNS  # type: ignore[attr-defined]


def _unasserted(sent: object, cue: object) -> bool:
    """A cue that reports no actual statement: a condition ("if the plan rejected"), a
    question ("Do you know ...?"), or a statement only required, allowed or attempted
    ("requiring candidates to disclose", "let them know", "refused to say")."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in cue.children):  # type: ignore[attr-defined]
        return True
    text = sent.text.rstrip()  # type: ignore[attr-defined]
    if text.endswith("?") and not _QUOTE.search(text) and not any(q in text for q in "“\"'"):
        return True
    head = cue.head  # type: ignore[attr-defined]
    for _ in range(2):
        if head is cue or cue.dep_ not in ("xcomp", "ccomp", "conj"):  # type: ignore[attr-defined]
            break
        if head.lemma_.lower() in L.NOT_ASSERTING and cue.dep_ != "conj":  # type: ignore[attr-defined]
            return True
        cue, head = head, head.head
    return False


def _cue_words(cue: object, content_start: int) -> tuple[str, tuple[int, int]]:
    """The cue with its auxiliaries, negation and the adverb or particle next to it, and the
    preposition that leads to its content: "has also said", "called for", "pointed out"."""
    doc = cue.doc  # type: ignore[attr-defined]
    kids = {c.i: c for c in cue.children}  # type: ignore[attr-defined]
    first = last = cue.i  # type: ignore[attr-defined]
    while first - 1 in kids and (
        kids[first - 1].dep_ in ("aux", "auxpass", "neg") or kids[first - 1].lower_ in L.CUE_ADVERBS
    ):
        first -= 1
    while last + 1 in kids and (
        kids[last + 1].dep_ == "prt" or (kids[last + 1].dep_ == "prep" and kids[last + 1].idx < content_start)
    ):
        last += 1
        if doc[last].dep_ == "prep":
            break
    if doc[last].dep_ == "prep" and doc[last].idx + len(doc[last].text) > content_start:
        last -= 1
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    return _text(doc)[start:end], (start, end)


def _parenthetical(cue: object) -> bool:
    """A cue set into the clause it reports: "..., he said, ..." or "as X put it"."""
    head = cue.head  # type: ignore[attr-defined]
    if head is cue or head.pos_ not in ("VERB", "AUX"):
        return False
    if cue.dep_ == "parataxis":  # type: ignore[attr-defined]
        return True
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)  # type: ignore[attr-defined]


def _drop_commas(tokens: list) -> list:
    """The tokens of a clause with the commas that fenced a parenthetical cue removed."""
    out = []
    for t in tokens:
        if t.text == "," and out and out[-1].text == ",":
            continue
        out.append(t)
    return [t for i, t in enumerate(out) if not (t.text == "," and i + 1 < len(out) and out[i + 1].text == ",")]


def _colon_after(cue: object) -> bool:
    doc = cue.doc  # type: ignore[attr-defined]
    nxt = cue.i + 1  # type: ignore[attr-defined]
    while nxt < len(doc) and (doc[nxt].is_space or doc[nxt].ent_type_ in ("DATE", "TIME")):
        nxt += 1
    return nxt < len(doc) and doc[nxt].text == ":"


def _after_colon(cue: object) -> tuple[str, int, int] | None:
    """ "He said:" ending its sentence or paragraph: what follows, to the paragraph's end."""
    text = _text(cue.doc)  # type: ignore[attr-defined]
    colon = text.find(":", cue.idx)  # type: ignore[attr-defined]
    start = colon + 1
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text):
        return None
    _, end = _paragraph(text, start)
    quote = _QUOTE.match(text, start)
    if quote and quote.end() >= end - 2:
        return _inner(text, quote.start(), quote.end())
    body = text[start:end].rstrip()
    if text[start] in '“"':
        body = body[1:]
        start += 1
    body = body.rstrip('”"')
    return body, start, start + len(body)


def _clean_outlet(text: str) -> str:
    """ "the Turkish Anadolu News Agency" → "Anadolu News Agency"-like short form."""
    return re.sub(r"^(?:the\s+)?(?:Turkish|Russian|Syrian|state-run|state|official)\s+", "", text, flags=re.I).strip()
