"""Readers that turn files, archives, feeds and URLs into :class:`~sitroom.model.Page`."""
