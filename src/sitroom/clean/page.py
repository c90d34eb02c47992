"""Cleaning entry point: one page in, its articles out, whatever the page's kind."""

from __future__ import annotations

from sitroom.clean.html import clean_html_page
from sitroom.clean.text import clean_text_page
from sitroom.model import Article, Page

# Bumped whenever cleaning changes its output, so stored pages are cleaned again.
CLEAN_VERSION = 2


def clean_page(page: Page) -> list[Article]:
    """Articles found on ``page``; raises :class:`~sitroom.errors.InputError` when none can be."""
    if page.content_type == "html":
        return clean_html_page(page)
    return clean_text_page(page)
