"""Which place and which time of a sentence belong to its event, read from the parse.

A sentence names places and times for many reasons. "Moscow said" names a government,
not where anything happened; "told Meridian News" names an outlet; "the Rapid Support
Forces" an armed group. And "the monitor said on Wednesday that strikes hit the town on
Tuesday" dates the statement and the strike differently. Word order cannot tell these
apart; the dependency tree can:

* a place is an *actor* when it is the subject of an active verb, a possessor ("Russia's
  ministry"), the agent of a passive ("by Turkey"), or a party named with "with",
  "between" or "against"; a country that is the subject of a passive ("Turkey was
  informed") too. Only places in other roles locate events.
* a place is part of a *name* when it lies inside a longer entity the model reads as an
  organisation, a person, a group or a work ("Meridian News", "Kyiv Post").
* a place locates an event by the same attachments as a time, unless it names another
  thing ("the Sochi agreement") or describes one ("a ceasefire reached in Sweden").
* a place in the dateline says where the report was filed, not where things happened.
* a time belongs to an event when it attaches to the event's noun ("Tuesday's strikes",
  "strikes on Tuesday"), to the verb of its clause, or to a clause below it ("killed when
  strikes hit on Tuesday"); a time attached to a verb above the event's clause dates the
  report of it ("said on Wednesday that ..."), not the event.
"""

from __future__ import annotations

import re
from typing import Any

from sitroom.extract import event_lexicon as L
from sitroom.extract.mood import _clause_verb

# The event lexicon's own words for agreements, truces and talks ("agreement", "deal",
# "talks", "ceasefire", "summit"), to tell "the Sochi agreement" from "the Kafr Lusin crossing".
_TALKS_NOUN = re.compile(
    "|".join(
        f"(?:{pattern})"
        for _, sub, pattern, _ in L.EVENT_RULES
        if sub in ("Agreement", "Talks or meeting", "Ceasefire declared")
    ),
    re.I,
)
NAME_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def _root(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def place_role(doc: Any, start: int, end: int, precision: str | None) -> str:
    """ "name", "actor" or "location" for the place named at ``start:end``."""
    for ent in doc.ents:
        if (
            ent.label_ in NAME_LABELS
            and ent.start_char <= start
            and end <= ent.end_char
            and ent.end_char - ent.start_char > end - start
        ):
            return "name"
    root = _root(doc, start, end)
    if root is None:
        return "location"
    for _ in range(4):
        # "regime ally Russia", "Turkey and Russia's patrols": an apposition or a conjunct
        # plays the role of the word it stands beside.
        if root.dep_ not in ("appos", "conj") or root.head is root:
            break
        root = root.head
    dep = root.dep_
    if dep == "compound" and root.head.dep_ in ("nsubj", "poss"):
        # "Turkey's", "the Moscow government": the place qualifies an actor's noun.
        dep = "poss" if root.head.dep_ == "poss" else "compound-subject"
    if dep in ("nsubj", "poss", "compound-subject"):
        return "actor"
    if dep == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent":
        return "actor"
    if dep == "pobj" and root.head.lower_ in ("with", "between", "against"):
        return "actor"  # "coordinated with Turkey", "talks between Ankara and Moscow": parties
    if dep == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return "actor"  # "according to Kyiv": the source of a claim
    if dep == "nsubjpass" and precision == "country":
        return "actor"
    return "location"


def _attachment(token: Any) -> Any:
    """The first verb above ``token`` (or the noun it hangs on, for a nominal's time)."""
    current = token
    for _ in range(10):
        head = current.head
        if head is current:
            return current
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "amod":
            return head
        current = head
    return current


def _ancestors(token: Any) -> set[int]:
    return {t.i for t in token.ancestors}


def own_time(doc: Any, trigger: tuple[int, int], times: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Of the time spans ``times`` (in the event's sentence), the one that dates the
    event whose trigger spans ``trigger``; None when every one dates something else."""
    return _own(doc, trigger, times, places=False)


def own_place(doc: Any, trigger: tuple[int, int], places: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Of the place spans ``places`` (locations in the event's sentence), the one where the
    event whose trigger spans ``trigger`` happened; None when every one locates something
    else: the place where an agreement was reached, in a clause describing it ("in
    violation of a ceasefire reached in Sweden"), a place naming another thing ("the
    Sochi agreement"), or where the speaker spoke ("said in Moscow that ...")."""
    return _own(doc, trigger, places, places=True)


def _names_another(root: Any, nominal: set[int]) -> bool:
    """A place that qualifies another thing, not the event's own noun: a possessor ("Syria's
    army"), or the name of an agreement or talks ("the Sochi agreement", "the Astana
    talks"); a place compounded with a place noun ("Kafr Lusin crossing") is still a place."""
    if root.head.i in nominal:
        return False
    if root.dep_ in ("poss", "amod"):
        return True
    return root.dep_ == "compound" and _TALKS_NOUN.search(root.head.text) is not None


def _own(doc: Any, trigger: tuple[int, int], spans: list[tuple[int, int]], places: bool) -> tuple[int, int] | None:
    token = _root(doc, *trigger)
    if token is None:
        return None
    verb, path = _clause_verb(token)
    nominal = {token.i, *(t.i for t in path)}
    best: tuple[int, int, tuple[int, int]] | None = None
    for span in spans:
        root = _root(doc, *span)
        if root is None:
            continue
        if places and _names_another(root, nominal):
            continue
        above = {root.i, *_ancestors(root)}
        if _under_nominal(root, nominal):
            rank = 0  # hangs on the event's noun (or on its verb, when the trigger is one)
        elif verb is not None and _attachment(root).i == verb.i:
            rank = 1  # the verb of the event's clause
        elif verb is not None and verb.i in above:
            if _through_description(root, verb):
                continue  # a relative clause or a complement below dates what it describes
            rank = 2  # an adverbial clause below the event's ("killed when strikes hit on Tuesday")
        elif verb is not None and _attachment(root).i in _ancestors(verb):
            continue  # a verb above the event's clause: the time of a report of it
        else:
            rank = 3
        distance = abs(span[0] - trigger[0])
        if best is None or (rank, distance) < best[:2]:
            best = (rank, distance, span)
    return best[2] if best else None


def _through_description(root: Any, verb: Any) -> bool:
    """Whether the path from a time up to ``verb`` crosses a relative clause, a clausal
    modifier of a noun or a complement clause: those describe another thing."""
    current = root
    for _ in range(12):
        if current.i == verb.i or current.head is current:
            return False
        if current.dep_ in ("relcl", "acl", "ccomp"):
            return True
        current = current.head
    return False


def _under_nominal(root: Any, nominal: set[int]) -> bool:
    """Whether the time's path up reaches the event's noun before any verb."""
    current = root
    for _ in range(10):
        if current.i in nominal:
            return True
        if current.pos_ in ("VERB", "AUX") and current is not root:
            return False
        if current.head is current:
            return False
        current = current.head
    return False
