"""A translation of a wire story joins its family; another outlet's report in another
language does not. Texts are invented (an English wire story, its French translation, a
Spanish report of the same day with its own figures, another English wire)."""

from __future__ import annotations

from sitroom.model import Article, Paragraph, PublishedDate
from sitroom.nlp.multilingual import embed_multilingual
from sitroom.provenance.translations import numbers, translation_pairs


def _article(aid: str, language: str, title: str, body: str, day: str = "2025-06-11") -> Article:
    return Article(
        id=aid,
        page_id=aid,
        index=0,
        title=title,
        body=body,
        paragraphs=[Paragraph(0, len(body))],
        published=PublishedDate(day, "day", "metadata", day),
        language=language,
    )


WIRE = _article(
    "wire-0",
    "en",
    "Air strikes kill 14 in market of Kafr Semra, rescuers say",
    "Air strikes hit the main market of Kafr Semra on Tuesday morning, killing at least 14 people and "
    "wounding 37, rescuers said. The defence ministry of Ostravia denied that its aircraft had flown over "
    "the town, and said the reports were fabricated.",
)
TRANSLATION = _article(
    "fr-0",
    "fr",
    "Des frappes aériennes tuent 14 personnes sur le marché de Kafr Semra, selon les secouristes",
    "Des frappes aériennes ont touché mardi matin le marché principal de Kafr Semra, tuant au moins 14 "
    "personnes et en blessant 37, ont indiqué les secouristes. Le ministère de la Défense de l'Ostravie a "
    "démenti que ses avions aient survolé la ville et a qualifié ces informations de fabriquées.",
)
OTHER_REPORT = _article(
    "es-0",
    "es",
    "Cierran el paso fronterizo de Bab al-Salam tras los bombardeos",
    "Las autoridades cerraron el paso fronterizo de Bab al-Salam durante dos días después de los "
    "bombardeos, y 120 camiones de ayuda humanitaria esperan en la frontera, según una agencia de la ONU.",
)
OTHER_WIRE = _article(
    "wire2-0",
    "en",
    "Norland and Ostravia agree to begin joint patrols on the M7 highway",
    "The defence ministers of Norland and Ostravia agreed on Wednesday to begin joint patrols along the M7 "
    "highway within two weeks, a joint statement said, after talks that lasted five hours.",
)


def test_numbers_are_read_in_any_script() -> None:
    assert numbers("قتل ١٣ مدنيا و 6 أطفال") == {13, 6}


def test_a_translation_joins_its_original_and_another_report_does_not() -> None:
    articles = {a.id: a for a in (WIRE, TRANSLATION, OTHER_REPORT, OTHER_WIRE)}
    event = sorted(articles)
    pairs = translation_pairs([event], articles, {}, embed_multilingual)
    assert ("fr-0", "wire-0") in pairs
    assert not any("es-0" in pair for pair in pairs)
    assert not any(set(pair) == {"wire-0", "wire2-0"} for pair in pairs)  # same language: not a translation


def test_a_changed_model_file_is_refused(tmp_path) -> None:
    import pytest

    from sitroom.errors import ModelFileError
    from sitroom.nlp.multilingual import FILE_SHA256, verify

    for name in FILE_SHA256:
        (tmp_path / name).write_bytes(b"not the model")
    with pytest.raises(ModelFileError, match="not the pinned one"):
        verify(tmp_path)
