"""Grouping: articles into events (one real-world happening) and events into stories."""
