-- Copy families, events and stories, and what grouping needs to add new articles
-- without recomputing the old ones: features, MinHash signatures, confirmed copy pairs.
CREATE TABLE article_features (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    minhash BLOB NOT NULL,
    shingles INTEGER NOT NULL,
    doc TEXT NOT NULL,              -- JSON of the grouping features
    embedding BLOB                  -- float32 × 384, English articles only
);

CREATE TABLE copy_pairs (
    a TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    b TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (a, b)
);

CREATE TABLE families (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL
);

CREATE TABLE family_members (
    family_id TEXT NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    same INTEGER NOT NULL,
    omitted TEXT NOT NULL,          -- JSON list of sentences
    added TEXT NOT NULL,
    changed TEXT NOT NULL,          -- JSON list of {reference, copy, edits}
    credit TEXT NOT NULL,           -- JSON list
    inherited_date TEXT,
    inherited_from TEXT,
    PRIMARY KEY (family_id, article_id)
);
CREATE INDEX family_members_article ON family_members (article_id);

CREATE TABLE group_links (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (a, b)
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    story_id TEXT,
    label TEXT NOT NULL,
    first_date TEXT,
    last_date TEXT,
    places TEXT NOT NULL,           -- JSON list
    outlets TEXT NOT NULL           -- JSON list
);

CREATE TABLE event_articles (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_articles_article ON event_articles (article_id);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    first_date TEXT,
    last_date TEXT,
    places TEXT NOT NULL,
    outlets TEXT NOT NULL
);
