"""Provenance: syndication families, who copied whom and what each copy changed."""
