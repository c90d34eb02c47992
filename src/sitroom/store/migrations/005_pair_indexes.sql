-- Pairs are looked up by either side when an article's features are computed again.
CREATE INDEX copy_pairs_b ON copy_pairs (b);
CREATE INDEX group_links_b ON group_links (b);
