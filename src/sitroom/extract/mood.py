"""Whether a sentence reports its event as a happening, read from the dependency parse.

A trigger word ("air strikes", "patrols", "talks") names a kind of event, but a sentence
can name it without reporting it: as a plan ("patrols will begin"), a call ("urged Russia
to halt the strikes"), a threat ("threatened to launch an operation"), a hypothesis ("there
could be attacks"), something prevented ("working to end the fighting"), a denial, or a
habit ("occasionally carry out patrols"). Coders of event data (ACLED, UCDP) code only
the first kind as incidents, and announced plans as plans. The difference lies in the
clause, not in the trigger word: its tense, its auxiliaries, its negation, the verb that
governs it ("urge X to ...", "agreed to ..."), and a conditional mark. So the trigger is
followed up the parse to the verb of its clause, and up again through infinitives and
complements to the verbs governing it; the first verb that decides the reading decides it.

Lexical classes of governing verbs are small and closed (reporting, calling, threatening,
planning, preventing, denying); they are the grammar of modality in English, not names of
events or places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Governing verbs whose complement is not asserted to have happened, by what they make of it.
CALL_VERBS = frozenset(
    {
        "call",
        "urge",
        "demand",
        "appeal",
        "ask",
        "encourage",
        "press",
        "insist",
        "want",
        "need",
        "request",
        "invite",
        "implore",
        "beg",
        "advise",
        "recommend",
        "propose",
        "suggest",
        "hope",
        "wish",
    }
)
THREAT_VERBS = frozenset({"threaten", "warn", "vow", "swear"})
PLAN_VERBS = frozenset(
    {
        "plan",
        "agree",
        "decide",
        "prepare",
        "intend",
        "expect",
        "aim",
        "schedule",
        "set",
        "pledge",
        "promise",
        "announce",
        "seek",
        "try",
        "attempt",
        "arrange",
        "consider",
        "discuss",
        "negotiate",
        "offer",
        "commit",
        "undertake",
        "resolve",
        "move",
    }
)
PREVENT_VERBS = frozenset(
    {"prevent", "stop", "end", "halt", "avoid", "reduce", "deter", "forestall", "refrain", "cease", "block", "ban"}
)
DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut"})
# Aspectual verbs pass their own tense to the event they govern ("began patrolling").
ASPECT_VERBS = frozenset({"begin", "start", "continue", "resume", "keep", "launch", "carry", "conduct", "stage"})
HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "can", "should", "must", "ought"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
HABIT_ADVERBS = frozenset({"occasionally", "often", "regularly", "usually", "routinely", "sometimes", "frequently"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Nominal modifiers that make the event a prospect, not a happening ("a possible attack").
PROSPECT_MODIFIERS = frozenset(
    {
        "possible",
        "potential",
        "planned",
        "future",
        "upcoming",
        "proposed",
        "prospective",
        "expected",
        "imminent",
        "new",
        "next",
        "further",
        "any",
    }
)

# Subjects that are processes, not agents: "the war has killed 40,000" counts a period.
PERIOD_SUBJECTS = frozenset(
    {"war", "conflict", "violence", "fighting", "wave", "campaign", "offensive", "escalation", "crisis", "hostility"}
)
# Words that open a span of time rather than a point ("since 2011", "over the past week").
PERIOD_PREPOSITIONS = frozenset({"since", "over", "throughout"})
# Units of a span measured with "for" ("have fought for eight years").
SPAN_UNITS = frozenset({"year", "month", "week", "decade"})

MOODS = (
    "occurred",
    "planned",
    "hypothetical",
    "call",
    "threat",
    "prevented",
    "denied",
    "negated",
    "habitual",
    "period",
    "modifier",
)


@dataclass(slots=True, frozen=True)
class Mood:
    """How a clause presents its event: ``mood`` is one of :data:`MOODS`; ``tense`` is
    the clause verb's (past, perfect, pluperfect, present, progressive, future, none);
    ``verb`` the lemma of the clause verb and ``governor`` the governing verb that decided
    the reading, if any."""

    mood: str
    tense: str
    verb: str | None
    governor: str | None = None
    reference: bool = False  # a definite noun naming a thing already known ("the agreement")


def _aux(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _tense(verb: Any) -> str:
    """The tense of a finite or non-finite verb from its tag and auxiliaries."""
    auxes = _aux(verb)
    lemmas = [a.lemma_.lower() for a in auxes]
    tags = [a.tag_ for a in auxes]
    words = [a.text.lower() for a in auxes]
    if any(w in FUTURE_MODALS for w in words) or any(w in FUTURE_MODALS for w in lemmas):
        return "future"
    if "would" in words:
        return "would"
    if any(w in HYPOTHETICAL_MODALS for w in words):
        return "modal"
    if "have" in lemmas:
        return "pluperfect" if "VBD" in tags else "perfect"
    if "TO" in tags:
        return "infinitive"
    if verb.tag_ == "VBG" and "be" in lemmas:
        return "future" if _going_to(verb) else "progressive"
    if verb.tag_ == "VBD" or "VBD" in tags:
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or "VBZ" in tags or "VBP" in tags:
        return "present"
    if verb.tag_ == "VBN":
        return "participle"
    if verb.tag_ == "VBG":
        return "gerund"
    if verb.tag_ == "VB":
        return "base"
    return "none"


def _going_to(verb: Any) -> bool:
    return verb.lemma_.lower() == "go" and any(c.tag_ == "TO" for c in verb.subtree)


def _clause_verb(token: Any) -> tuple[Any | None, list[Any]]:
    """The verb whose clause holds ``token``, and the nominal path climbed to reach it."""
    path = []
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "amod":
            return current, path
        path.append(current)
        if current.head is current:
            return None, path
        current = current.head
    return None, path


def _negated(verb: Any) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _conditional(verb: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children)


def _habitual(verb: Any) -> bool:
    return any(c.lower_ in HABIT_ADVERBS for c in verb.children)


def _to_be_to(verb: Any) -> bool:
    """'patrols are to be held', 'is due to start', 'are set to begin': a scheduled plan."""
    head = verb.head
    if verb.lemma_.lower() == "be" and any(
        c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children
    ):
        return True
    return (
        verb.dep_ == "xcomp"
        and any(c.tag_ == "TO" for c in verb.children)
        and head.lemma_.lower() in ("be", "due", "set", "likely", "expected", "poised", "slated")
    )


def _period(verb: Any, tense: str) -> bool:
    """A count over a span of time: a perfect whose subject is a process ("the war has
    killed"), or any clause measured from a start or over a span ("since April 26",
    "over the past two weeks", "in the past 24 hours" is a window a monitor reports, kept)."""
    if tense not in ("perfect", "pluperfect", "present", "progressive", "past"):
        return False
    children = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        # "The war has killed thousands and displaced millions": conjoined verbs share the
        # subject, the auxiliaries and the span of the first.
        children += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass", "prep")]
        if not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            tense = _tense(verb.head)
    # "have fought to topple him for eight years": the span may hang on the verb it governs.
    spans = children + [
        g for c in verb.children if c.dep_ in ("xcomp", "advcl") for g in c.children if g.dep_ == "prep"
    ]
    for child in spans:
        if (
            child.dep_ == "prep"
            and child.lower_ == "for"
            and tense in ("perfect", "pluperfect", "progressive")
            and any(t.lemma_.lower() in SPAN_UNITS and any(g.like_num for g in t.children) for t in child.subtree)
        ):
            return True  # "have fought for eight years": a span, not one happening
        if child.dep_ == "prep" and child.lower_ in PERIOD_PREPOSITIONS:
            if child.lower_ == "since" and tense != "past":
                return True
            objects = [t for t in child.subtree if t.ent_type_ in ("DATE", "TIME") or t.like_num]
            if objects and any(t.lower_ in ("past", "last") for t in child.subtree):
                return True
        if (
            child.dep_ in ("nsubj", "nsubjpass")
            and tense in ("perfect", "pluperfect")
            and child.lemma_.lower() in PERIOD_SUBJECTS
        ):
            return True
    return False


def _denied_by_governor(verb: Any) -> str | None:
    """The denying verb a clause is the complement of ("denied that its jets struck")."""
    current = verb
    for _ in range(3):
        if current.dep_ not in ("ccomp", "xcomp") or current.head is current:
            return None
        current = current.head
        if current.lemma_.lower() in DENY_VERBS:
            return current.lemma_.lower()
    return None


# Determiners that point to something the reader already knows.
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "whose"})
# Verbs whose object is the event being brought about ("signed the agreement", "held
# the talks"), so that even a definite object is reported as happening.
PERFORM_VERBS = frozenset(
    {
        "carry",
        "conduct",
        "launch",
        "sign",
        "reach",
        "hold",
        "stage",
        "seal",
        "conclude",
        "broker",
        "announce",
        "agree",
        "declare",
        "begin",
        "start",
        "resume",
        "mount",
        "complete",
        "finish",
    }
)


def _reference(token: Any, verb: Any | None) -> bool:
    """A definite noun that names a thing already there ("reinforce the agreement",
    "violation of the truce", "the agreement clarifies ..."), not its coming about."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    determiners = [c for c in token.children if c.dep_ in ("det", "poss")]
    if not any(d.lower_ in DEFINITE for d in determiners):
        return False
    if token.dep_ == "nsubjpass":
        return verb is None or verb.lemma_.lower() not in PERFORM_VERBS
    if token.dep_ == "nsubj":
        # "The agreement was supposed to ...", "the truce clarifies ...": the subject is the
        # known thing; "the talks began" reports the talks.
        return verb is None or verb.lemma_.lower() not in PERFORM_VERBS
    if token.dep_ == "pobj" and token.head.head.pos_ in ("NOUN", "PROPN"):
        return True  # "violation of the agreement", "implementation of the deal"
    return verb is None or verb.lemma_.lower() not in PERFORM_VERBS


@lru_cache(maxsize=1)
def _happening_words() -> re.Pattern[str]:
    from sitroom.extract import event_lexicon

    return re.compile("|".join(f"(?:{rule[2]})" for rule in event_lexicon.EVENT_RULES), re.I)


def _names_happening(word: str) -> bool:
    """Whether a noun is itself one of the event lexicon's words (agreement, talks, strike)."""
    return _happening_words().search(word) is not None


def mood_of(doc: Any, start: int, end: int) -> Mood:
    """The mood of the event whose trigger spans characters ``start:end`` of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Mood("occurred", "none", None)
    token = span.root
    if (
        token.dep_ == "compound"
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.i > token.i
        and not _names_happening(token.head.text)
    ):
        # "withdrawal lines", "patrol route", "strike group": the word names a kind of
        # thing, not a happening ("ceasefire agreement" is one: the agreement).
        return Mood("modifier", "none", None)
    verb, path = _clause_verb(token)
    mood = _mood(token, verb, path)
    if _reference(token, verb):
        return Mood(mood.mood, mood.tense, mood.verb, mood.governor, True)
    return mood


def _mood(token: Any, verb: Any | None, path: list[Any]) -> Mood:
    for noun in [token, *path]:
        if any(c.dep_ == "amod" and c.lower_ in PROSPECT_MODIFIERS - {"new", "further", "any"} for c in noun.children):
            return Mood("planned", "none", verb.lemma_.lower() if verb is not None else None)
        if any(c.dep_ == "neg" or c.lower_ == "no" for c in noun.children if c.dep_ in ("det", "neg")):
            return Mood("negated", "none", verb.lemma_.lower() if verb is not None else None)
    if verb is None:
        # A verbless fragment (a headline or caption): read as a report of what happened.
        return Mood("occurred", "none", None)
    tense = _tense(verb)
    lemma = verb.lemma_.lower()
    return _decide(verb, tense, lemma, depth=0, nominal=bool(path))


# Verbs that make a named event a plan even when it is their direct object ("planned an
# attack"); "agreed a ceasefire" or "discussed patrols" report the agreement or the talks.
NOMINAL_PLAN_VERBS = frozenset(
    {"plan", "prepare", "intend", "expect", "schedule", "seek", "try", "attempt", "consider"}
)


def _decide(verb: Any, tense: str, lemma: str, depth: int, nominal: bool = False) -> Mood:
    """The reading of a clause, deciding from the clause itself, then from its governor.
    ``nominal`` says the event is a noun in this clause (the verb governs it), ``depth``
    how many clauses up from the event's own this one is."""
    governs = depth > 0 or nominal
    if _conditional(verb):
        return Mood("hypothetical", tense, lemma)
    if lemma in DENY_VERBS:
        return Mood("denied", tense, lemma, lemma)
    if _negated(verb) and tense not in ("infinitive", "gerund"):
        return Mood("negated", tense, lemma)
    if _habitual(verb):
        return Mood("habitual", tense, lemma)
    if _period(verb, tense):
        return Mood("period", tense, lemma)
    if lemma in CALL_VERBS and governs:
        return Mood("call", tense, lemma, lemma)
    if lemma in THREAT_VERBS and governs:
        return Mood("threat", tense, lemma, lemma)
    if lemma in PREVENT_VERBS and governs:
        return Mood("prevented", tense, lemma, lemma)
    plans = PLAN_VERBS if depth else NOMINAL_PLAN_VERBS if nominal else frozenset()
    if lemma in plans and tense not in ("future", "would", "modal"):
        return Mood("planned", tense, lemma, lemma)
    if tense == "future":
        return Mood("planned", tense, lemma)
    if tense == "modal":
        return Mood("hypothetical", tense, lemma)
    if _to_be_to(verb):
        return Mood("planned", tense, lemma, verb.head.lemma_.lower())
    if tense == "would":
        # "said its forces would begin patrols": a plan reported in the past; otherwise
        # ("would be a disaster") a hypothesis.
        head = verb.head
        if verb.dep_ in ("ccomp", "conj") and head is not verb and _tense(head) in ("past", "perfect", "present"):
            return Mood("planned", tense, lemma, head.lemma_.lower())
        return Mood("hypothetical", tense, lemma)
    if verb.dep_ == "relcl" and verb.head is not verb:
        # "operations that kill civilians": a relative clause is read within the clause of
        # the noun it describes; in the present tense it describes a kind, not a happening.
        head_verb, _ = _clause_verb(verb.head)
        if head_verb is not None and depth <= 4:
            outer = _decide(head_verb, _tense(head_verb), head_verb.lemma_.lower(), depth + 1)
            if outer.mood != "occurred":
                return outer
        if tense == "present":
            return Mood("habitual", tense, lemma)
    if tense in ("gerund", "participle") and verb.dep_ == "advcl" and not _conditional(verb):
        # "Announcing the start of the patrol, the minister urged ...": a participial
        # clause tells what its subject did, whatever the main verb asks for.
        return Mood("occurred", "past", lemma)
    if tense in ("infinitive", "gerund", "base", "participle") or (tense == "none" and verb.dep_ != "ROOT"):
        head = verb.head
        if head is verb or depth > 4:
            return Mood("occurred" if tense in ("participle", "gerund") else "hypothetical", tense, lemma)
        if tense == "participle" and verb.dep_ in ("acl", "amod", "relcl"):
            # "the agreement reached in Stockholm": a reduced relative, past in meaning.
            return Mood("occurred", "past", lemma)
        head_verb, _ = _clause_verb(head) if head.pos_ not in ("VERB", "AUX") else (head, [])
        if head_verb is None:
            return Mood("occurred" if tense in ("participle", "gerund") else "hypothetical", tense, lemma)
        head_lemma = head_verb.lemma_.lower()
        if tense == "infinitive" and verb.dep_ == "advcl" and head_lemma not in ASPECT_VERBS:
            # "working to establish a centre": a purpose, an aim not yet reached.
            sub = _decide(head_verb, _tense(head_verb), head_lemma, depth + 1)
            if sub.mood == "occurred":
                return Mood("planned", tense, lemma, head_lemma)
            return sub
        return _decide(head_verb, _tense(head_verb), head_lemma, depth + 1)
    denier = _denied_by_governor(verb)
    if denier:
        return Mood("denied", tense, lemma, denier)
    return Mood("occurred", tense, lemma)
