"""The reconcile stage: incidents, casualty ranges, the claim ledger and grades.

Rebuilt from the stored facts on every run (it is fast next to extraction), so it always
reflects every page stored so far, whatever order they came in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass

from sitroom.nlp.sentences import article_sentences
from sitroom.reconcile.casualties import casualty_ranges
from sitroom.reconcile.coding import Coded, code_article
from sitroom.reconcile.grades import grade
from sitroom.reconcile.incidents import Incident, Report, group_incidents
from sitroom.reconcile.ledger import Proposition, build_ledger
from sitroom.reconcile.reference import ReferenceDate, reference_dates
from sitroom.reconcile.review import Replay, drop_rejected, override, regroup
from sitroom.store import Store

_ACTION_WORDS = {
    "strike",
    "airstrike",
    "raid",
    "attack",
    "shelling",
    "bombardment",
    "clashe",
    "patrol",
    "column",
    "convoy",
    "agreement",
    "meeting",
    "offensive",
}
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


@dataclass(slots=True)
class ReconcileSummary:
    incidents: int
    propositions: int
    contested: int
    corroborated: int


# A toll "since the start of the year" or "so far" counts a period, not one incident.
_CUMULATIVE = re.compile(
    r"\b(?:since then|since (?:the (?:start|beginning)|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|\d{4}|the war|the conflict|the ceasefire)|so far|to date|"
    r"this year|in total|altogether|overall|cumulative)\b",
    re.I,
)


def _cumulative(body: str, figure: dict) -> bool:
    """Whether the figure's sentence counts a period ("Since then, hundreds of thousands
    have been killed", "47 killed so far this year"): never one incident's toll."""
    start, end = figure["span"]
    stop = body.find(". ", end)
    begin = max(body.rfind(". ", 0, start), body.rfind("\n", 0, start)) + 1
    return bool(_CUMULATIVE.search(body[begin : (stop if stop != -1 else len(body))]))


# How event facts become reports: "reported" codes what each page reports (see
# :mod:`sitroom.reconcile.coding`); "sentences" makes every event sentence a report, as
# sitroom did before, kept for comparison in the benchmark.
CODINGS = ("reported", "sentences")


def _reports(
    by_article: dict[str, list[dict]],
    bodies: dict[str, str],
    family_of: dict[str, str],
    story_of: dict[str, str],
    references: dict[str, ReferenceDate],
    coding: str = "reported",
) -> tuple[list[Report], list[Coded]]:
    """Reports of incidents from the facts, and every event fact as coded."""
    reports: list[Report] = []
    everything: list[Coded] = []
    for article_id, items in sorted(by_article.items()):
        events = [f for f in items if f["kind"] == "event"]
        body = bodies.get(article_id, "")
        if coding == "reported":
            sentences = [(s.start, s.end) for s in article_sentences(body)]
            times = [f for f in items if f["kind"] == "time"]
            coded = code_article(events, body, times, references.get(article_id), sentences)
        else:
            coded = [Coded(e, e["status"], e["time"], "secondary") for e in events]
        everything.extend(coded)
        keep = [c.reason is None for c in coded]
        figures = [
            f
            for f in items
            if f["kind"] == "figure" and f["figure"] in ("killed", "injured") and not _cumulative(body, f)
        ]
        attached: dict[int, list[dict]] = {i: [] for i in range(len(events))}
        for fig in figures:
            # A figure belongs to the event of its sentence, else to the violent event
            # reported last before it ("...air strikes in Idlib. At least 13 civilians were killed").
            # Only events coded as reported take figures: a toll never goes to background.
            inside = [i for i, e in enumerate(events) if keep[i] and e["span"][0] <= fig["span"][0] < e["span"][1]]
            before = [
                i
                for i, e in enumerate(events)
                if keep[i] and e["span"][0] <= fig["span"][0] and e["type"] in VIOLENT_TYPES
            ]
            target = inside[0] if inside else (before[-1] if before else None)
            if target is not None:
                attached[target].append(fig)
        for i, event in enumerate(events):
            if not keep[i]:
                continue
            # "Five Syrians injured in the bombardment": a reference back, not a new event;
            # so is a definite mention of violence ("the airstrikes were coordinated with
            # ...") after the article reported it. Their figures go to the event referred to.
            anaphoric = _anaphoric(event)
            if anaphoric or (event.get("reference") and event["type"] in VIOLENT_TYPES):
                previous = [
                    j for j in range(i) if keep[j] and events[j]["type"] == event["type"] and not _anaphoric(events[j])
                ]
                if previous:
                    # Counts said in a reference back are part of the toll (five of the
                    # injured treated across the border), not a competing total; a toll said
                    # of violence named again is its toll.
                    attached[previous[-1]].extend({**f, "subcount": True} if anaphoric else f for f in attached[i])
                if previous or anaphoric:
                    continue
            reports.append(
                Report(
                    key=f"{article_id}:{(event.get('trigger_span') or event['span'])[0]:06d}",
                    article_id=article_id,
                    family=family_of.get(article_id, article_id),
                    story=story_of.get(article_id),
                    type=event["type"],
                    sub_type=event["sub_type"],
                    actors=event["actors"],
                    place=event["place"],
                    time=coded[i].date,
                    figures=attached[i],
                    status=coded[i].status,
                    span=tuple(event["span"]),  # type: ignore[arg-type]
                    text=event["text"],
                    role=coded[i].role,
                )
            )
    return reports, everything


# "injured in the bombardment", "killed during the raid": the event named earlier.
_ANAPHORA = re.compile(r"\b(?:in|by|during|after)\s+(?:the|this|that|these|those)\s+(?:\w+\s+)?$", re.I)


def _anaphoric(event: dict) -> bool:
    text, trigger = event["text"], event.get("trigger") or ""
    at = text.find(trigger)
    return at > 0 and bool(_ANAPHORA.search(text[:at]))


def _record(
    incident: Incident,
    dates: dict[str, str | None],
    family_of: dict[str, str],
    claims: dict[str, list[dict]],
    propositions: dict[str, list[tuple[int, Proposition]]],
) -> dict:
    """One incident as its record; ``claims`` and ``propositions`` are by article id."""
    reports = incident.reports
    types = Counter((r.type, r.sub_type) for r in reports).most_common(1)[0][0]
    actors = [a for a, _ in Counter(a for r in reports for a in r.actors).most_common()]
    places = [r.place for r in reports if r.place]
    precise = sorted(
        places,
        key=lambda p: (
            ("point", "town", "district", "province", "region", "country").index(p.get("precision", "town"))
            if p.get("precision") in ("point", "town", "district", "province", "region", "country")
            else 9
        ),
    )
    place = precise[0] if precise else None
    times = sorted(
        (r.time for r in reports if r.time and (r.time.get("value") or "")[:1].isdigit()),
        key=lambda t: ({"day": 0, "range": 1, "week": 2, "month": 3}.get(t.get("precision"), 5), t["value"]),
    )
    time = times[0] if times else None
    families = {r.family for r in reports}
    ranges = casualty_ranges([{**f, "article_id": r.article_id} for r in reports for f in r.figures], dates, family_of)
    articles = set(incident.article_ids)
    # A proposition is about this incident when one of its claims is made in a sentence
    # that reports the incident, or names what happened ("the strikes were coordinated").
    words = {w.lower().rstrip("s") for r in reports for w in r.text.split() if len(w) > 4} & _ACTION_WORDS
    spans = {(r.article_id, r.span) for r in reports}
    nearby = dict(item for a in sorted(articles) for item in propositions.get(a, []))
    mine = [
        p
        for _, p in sorted(nearby.items())
        if (
            any((e["article_id"], tuple(e["span"])) in spans for e in p.asserted_by + p.denied_by)
            or any(w in p.text.lower() for w in words)
        )
    ]
    contested = [p for p in mine if p.status == "contested"]
    incident_claims = [c for a in sorted(articles) for c in claims.get(a, [])]
    grade_value, grade_reason = grade(actors, len(families), incident_claims, bool(contested))
    statuses = Counter(r.status for r in reports).most_common(1)[0][0]
    basis = time.get("basis") if time else None
    return {
        "id": incident.id,
        "type": types[0],
        "sub_type": types[1],
        "status": statuses,
        "actors": actors,
        "date": time["value"] if time else None,
        "time_precision": time.get("precision") if time else None,
        "date_basis": basis,
        "role": "main" if any(r.role == "main" for r in reports) else "secondary",
        "story_id": Counter(r.story for r in reports if r.story).most_common(1)[0][0]
        if any(r.story for r in reports)
        else None,
        "place": place,
        "casualties": [asdict(r) for r in ranges],
        "grade": grade_value,
        "grade_reason": grade_reason,
        "n_reports": len(families),
        "n_independent_sources": len(families),
        "contested": [p.id for p in contested],
        "propositions": [p.id for p in mine],
        "article_ids": sorted(articles),
        "reports": [
            {
                "key": r.key,
                "article_id": r.article_id,
                "span": list(r.span),
                "text": r.text,
                "status": r.status,
                "family": r.family,
            }
            for r in reports
        ],
    }


def update_reconciled(store: Store, coding: str = "reported") -> ReconcileSummary:
    """Rebuild reference dates, incidents and the claim ledger from the stored facts.

    ``coding`` is one of :data:`CODINGS`."""
    from sitroom.nlp.embed import embedder

    if coding not in CODINGS:
        raise ValueError(f"unknown coding {coding!r}; choose one of {', '.join(CODINGS)}")
    family_of = store.family_of()
    story_of = {a: s["id"] for s in store.stories() for a in s["article_ids"]}
    articles = {a.id: a for a in store.articles()}
    facts = store.facts()
    by_article: dict[str, list[dict]] = {}
    for fact in facts:
        by_article.setdefault(fact["article_id"], []).append(fact)
    inherited = store.inherited_dates()
    references = reference_dates(
        list(articles.values()),
        inherited,
        store.events(),
        {aid: [f for f in items if f["kind"] == "time"] for aid, items in by_article.items()},
    )
    store.replace_reference_dates({aid: r.as_dict() for aid, r in references.items()})
    dates = {aid: (a.published.value if a.published else None) for aid, a in articles.items()}
    for aid, ref in references.items():
        dates[aid] = dates.get(aid) or ref.value
    claims = [f for f in facts if f["kind"] == "claim"]
    outlets = {aid: a.outlet for aid, a in articles.items()}
    propositions = build_ledger(claims, family_of, outlets, lambda texts: embedder().embed(texts), story_of)
    reports, _ = _reports(
        by_article, {aid: a.body for aid, a in articles.items()}, family_of, story_of, references, coding
    )
    reviews = store.reviews()
    replay = Replay()
    incidents = regroup(group_incidents(drop_rejected(reports, reviews, replay)), reviews, replay)
    claims_of: dict[str, list[dict]] = {}
    for claim in sorted(claims, key=lambda c: (c["article_id"], c["span"][0])):
        claims_of.setdefault(claim["article_id"], []).append(claim)
    propositions_of: dict[str, list[tuple[int, Proposition]]] = {}
    for rank, prop in enumerate(propositions):
        for article_id in prop.article_ids:
            propositions_of.setdefault(article_id, []).append((rank, prop))
    records = [override(_record(i, dates, family_of, claims_of, propositions_of), reviews, replay) for i in incidents]
    store.mark_replayed(sorted(set(replay.applied)))
    store.replace_reconciled(records, [asdict(p) for p in propositions])
    return ReconcileSummary(
        len(records),
        len(propositions),
        sum(p.status == "contested" for p in propositions),
        sum(p.status == "corroborated" for p in propositions),
    )
