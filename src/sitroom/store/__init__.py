"""Persistence: one :class:`Store` interface; SQLite is the default back end."""

from sitroom.store.sqlite import Store

__all__ = ["Store"]
