"""The exceptions sitroom raises, each with a message a user can act on.

Every error about an input names the input (``source``) and the problem, so a batch can
report it and go on with the next page.
"""

from __future__ import annotations


class SitroomError(Exception):
    """Base class: anything sitroom itself reports as a problem."""


class InputError(SitroomError):
    """An input could not be read as a page: binary, empty, too large, truncated..."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class FetchError(InputError):
    """A URL could not be fetched (time-out, refused address, HTTP error, too large)."""


class StoreError(SitroomError):
    """The database could not be opened or is of a newer schema than this sitroom knows."""


class ModelFileError(SitroomError):
    """A bundled model file is missing or does not match its pinned hash."""
