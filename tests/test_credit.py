"""The credit a copy gives to the agency its text came from."""

from __future__ import annotations

from sitroom.model import Article
from sitroom.provenance.credit import find_credits


def _article(body: str) -> Article:
    return Article(id="a", page_id="p", index=0, title=None, body=body, outlet="example.org")


def _agencies(body: str) -> list[str]:
    return [credit.split(":", 1)[0] for credit in find_credits(_article(body))]


def test_credits_in_the_forms_outlets_write_them() -> None:
    assert _agencies("The convoy reached the depot at dawn, the governor told Reuters.") == ["Reuters"]
    assert _agencies("According to the Russian “Sputnik” news agency, the talks ended.") == ["Sputnik"]
    # Machine translations render Anadolu as "Anatolia"; a minister's words "in remarks to" it.
    assert _agencies("the minister said in remarks to the official Anatolia news agency.") == ["Anadolu"]
    assert _agencies('"Patrols begin today," the minister said to the Anadolu news agency.') == ["Anadolu"]


def test_an_agency_named_without_crediting_it_is_no_credit() -> None:
    assert _agencies("Reuters and AFP journalists were kept away from the crossing.") == []
    assert _agencies("The apartment was shown on the map (ap 12, block 4).") == []


def test_credits_in_other_languages() -> None:
    assert _agencies("Le dépôt a été détruit, selon l'agence de presse RIA qui relaie le ministère.") == ["RIA Novosti"]
    assert _agencies("El convoy llegó al puerto, según la agencia Reuters.") == ["Reuters"]
    assert _agencies("Die Gespräche endeten ohne Ergebnis, meldete die Nachrichtenagentur Interfax.") == ["Interfax"]
    assert _agencies("Переговоры завершились, сообщает РИА Новости.") == ["RIA Novosti"]
    assert _agencies("وقال المصدر لوكالة سبوتنيك إن المحادثات انتهت.") == ["Sputnik"]
