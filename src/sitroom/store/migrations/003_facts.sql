-- Facts extracted from articles, each with its evidence span in the article body, and
-- the articles that were not analysed with the reason.
CREATE TABLE facts (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,             -- place, time, figure (claim, event later)
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    data TEXT NOT NULL,             -- JSON of the kind's fields
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX facts_kind ON facts (kind);

CREATE TABLE fact_runs (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    analysed INTEGER NOT NULL,      -- 0 when skipped
    reason TEXT                     -- why not analysed ("language fr: facts are read from English for now")
);
