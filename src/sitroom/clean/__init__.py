"""Cleaning: pages to articles, for HTML and for flattened text, with every removal explained."""
