"""Facts from pages in languages without a parser: places in any script, dates, tolls and
the lead's events. Sentences are invented."""

from __future__ import annotations

from datetime import date

from sitroom.extract.multilingual import light_facts
from sitroom.model import Article, Paragraph


def _facts(language: str, body: str) -> list[dict]:
    article = Article(
        id=f"{language}-0",
        page_id=language,
        index=0,
        title=None,
        body=body,
        paragraphs=[Paragraph(0, len(body))],
        language=language,
    )
    return light_facts(article, date(2020, 2, 28))


def _kinds(facts: list[dict], kind: str) -> list[dict]:
    return [f for f in facts if f["kind"] == kind]


def test_an_arabic_lead_gives_a_placed_dated_strike_with_its_toll() -> None:
    body = (
        "قتل 13 مدنيا في غارات جوية روسية على مدينة سراقب في محافظة إدلب السورية يوم 27 فبراير، "
        "بحسب المرصد السوري. وقال الدفاع المدني إن التعاون مع السكان مستمر."
    )
    facts = _facts("ar", body)
    names = {f["name"] for f in _kinds(facts, "place")}
    assert {"Saraqib", "Idlib"} <= names
    assert "Taiwan" not in names  # a common word read as a country in transliteration
    strikes = [e for e in _kinds(facts, "event") if e["sub_type"] == "Air/drone strike"]
    assert strikes and strikes[0]["place"]["name"] == "Saraqib"
    assert strikes[0]["time"]["value"] == "2020-02-27"
    assert any(f["figure"] == "killed" and f["value"] == 13 for f in _kinds(facts, "figure"))
    assert all(f["language"] == "ar" for f in facts)
    for fact in facts:  # evidence points into the original text
        start, end = fact["span"]
        assert body[start:end] == fact["text"]


def test_a_russian_phone_call_and_a_french_agreement() -> None:
    russian = _facts(
        "ru",
        "Министры обороны России и Турции провели телефонные переговоры о ситуации в Идлибе на северо-западе Сирии.",
    )
    assert [e["sub_type"] for e in _kinds(russian, "event")][:1] == ["Phone call"]
    assert _kinds(russian, "event")[0]["place"]["name"] == "Idlib"
    french = _facts("fr", "La Russie et la Turquie ont conclu un accord à Sotchi sur la zone démilitarisée.")
    assert any(e["sub_type"] == "Agreement" and e["place"]["name"] == "Sochi" for e in _kinds(french, "event"))


def test_a_place_must_be_in_a_country_the_article_names() -> None:
    # Transliterated, "России" (of Russia) reads as Rosario; Argentina is named nowhere.
    facts = _facts("ru", "Министры обороны России и Турции провели телефонные переговоры.")
    assert "Rosario" not in {f["name"] for f in _kinds(facts, "place")}


def test_lowercase_words_and_particles_are_not_places() -> None:
    facts = _facts("fr", "Selon les secouristes, la situation reste tendue dans la région ce soir.")
    assert _kinds(facts, "place") == []


def test_a_weekday_dates_the_lead_in_the_week_of_publication() -> None:
    facts = _facts("ar", "شنت طائرات روسية غارات جوية على إدلب في سوريا يوم الأربعاء.")  # reference Fri 28 Feb 2020
    strike = _kinds(facts, "event")[0]
    assert strike["time"]["value"] == "2020-02-26"
    turkish = _facts("tr", "Rus savaş uçakları çarşamba günü Suriye'nin İdlib kentine hava saldırısı düzenledi.")
    assert [t["value"] for t in _kinds(turkish, "time")] == ["2020-02-26"]
