"""A report's own bulleted list is body text, a comment thread is not; two issues of one
periodical are two texts. Pages are invented."""

from __future__ import annotations

from sitroom.clean.text import classify
from sitroom.model import BODY, COMMENT
from sitroom.provenance.families import serial_issues

REPORT = """Varosh Monitoring Mission Daily Report 41/2025 issued on 12 June 2025

Based on information from the monitoring teams as of 19:30 on 11 June 2025. All times are local.

Summary

  • Between the evenings of 10 and 11 June, the Mission recorded 37 ceasefire violations in the northern sector.

  • The Mission saw fresh craters near civilian houses in Tell Amrit and spoke to residents there.

  • Monitors facilitated repairs to the water station near the highway under a localised ceasefire.

  • The Mission's freedom of movement continued to be restricted at two checkpoints.*
"""

THREAD = """Strikes resume on the northern front

Air strikes hit the outskirts of Tell Amrit on Monday, killing three people, rescuers said.
Residents said the strikes began shortly after dawn and lasted for two hours on Monday.

  • Karim_77
  This is terrible news, when will it stop
  3 hours ago
  Reply

  • Lina S.
  Praying for the families of Tell Amrit tonight
  2 hours ago
  Reply
"""


def _classes(text: str) -> dict[str, str]:
    lines, _ = classify(text)
    return {line.text: line.cls for line in lines if line.text}


def test_a_reports_summary_bullets_are_its_body() -> None:
    classes = _classes(REPORT)
    bullets = [t for t in classes if t.startswith("•")]
    assert len(bullets) == 4
    assert all(classes[t] == BODY for t in bullets), {t: classes[t] for t in bullets}


def test_a_comment_thread_with_bullets_is_still_comments() -> None:
    classes = _classes(THREAD)
    assert classes["• Karim_77"] == COMMENT
    assert classes["Praying for the families of Tell Amrit tonight"] == COMMENT
    lead = "Air strikes hit the outskirts of Tell Amrit on Monday, killing three people, rescuers said."
    assert classes[lead] == BODY


def test_two_issues_of_a_periodical_are_not_copies() -> None:
    assert serial_issues(
        "Mission Daily Report 177/2020 issued on 27 July 2020", "Mission Daily Report 178/2020 issued on 28 July 2020"
    )
    assert not serial_issues("Air strikes hit Tell Amrit", "Air strikes hit Tell Amrit market, killing 14")
    assert not serial_issues("Same title", "Same title")
