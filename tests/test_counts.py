"""Counts of people a page states, read alike in any language."""

from __future__ import annotations

from sitroom.grouping.counts import counts


def test_a_toll_reads_the_same_in_english_arabic_and_norwegian() -> None:
    assert counts("At least 47 government soldiers were killed near the bridge.") == ["47:military"]
    assert counts("ومقتل ٤٧ جنديا في الهجوم على الجسر") == ["47:military"]  # Arabic-Indic digits
    assert counts("Minst 47 soldater ble drept ved brua.") == ["47:military"]
    assert counts("Shelling killed 23 civilians, among them 11 children.") == ["11:children", "23:civilians"]


def test_years_dates_times_small_and_large_numbers_are_not_counts() -> None:
    assert counts("In 2019 troops returned; 3 soldiers were hurt.") == []
    assert counts("On 12.03.2019 the soldiers moved; at 9:30 soldiers fired.") == []
    assert counts("Some 300,000 civilians fled, and 1/3 of the army left.") == []
    # The counted noun must follow within three words: "24" here is a television channel.
    assert counts("Channel 24 said that the officers of the border army had left.") == []
