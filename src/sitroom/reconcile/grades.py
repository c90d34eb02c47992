"""Grades for incidents, in the spirit of Airwars' public grading scale.

* confirmed: a party to the incident accepts responsibility (an actor of the incident
  asserts, in a claim of the incident's articles, the action itself);
* contested: claims about the incident compete (a proposition in its articles is both
  asserted and denied);
* fair: two or more independent sources report it (syndication families count once);
* weak: a single source reports it.
Confirmed outranks contested: a party that admits a strike may still be contradicted on
how it was carried out, and both facts are shown.
"""

from __future__ import annotations

from sitroom.extract.events import actors_in

# Words of a claim that speak of the action of a violent incident.
ACTION_WORDS = (
    "strike",
    "struck",
    "hit",
    "attack",
    "bomb",
    "raid",
    "shell",
    "fired",
    "targeted",
    "destroyed",
    "killed",
    "patrol",
    "column",
    "convoy",
    "deployed",
)


def grade(actors: list[str], n_independent: int, claims: list[dict], contested: bool) -> tuple[str, str]:
    """The grade and the one-line reason for it."""
    for claim in claims:
        speaker_actors = actors_in(claim["speaker"])
        content = claim["content"].lower()
        if (
            claim["stance"] == "asserts"
            and set(speaker_actors) & set(actors)
            and any(word in content for word in ACTION_WORDS)
        ):
            return "confirmed", f"{claim['speaker']} ({speaker_actors[0]}) states the action: “{claim['content'][:80]}”"
    if contested:
        return "contested", "a claim about it is asserted by one side and denied by another"
    if n_independent >= 2:
        return "fair", f"reported by {n_independent} independent sources"
    return "weak", "reported by a single source"
