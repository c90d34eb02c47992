"""sitroom: news pages in, one sourced and reconciled picture of a conflict out."""

__version__ = "0.1.0"
