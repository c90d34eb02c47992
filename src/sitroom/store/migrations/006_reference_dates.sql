-- The day each article's relative times count from, with where it came from: the
-- publication date, a dated copy, the event group's dated reports, or a date the text states.
CREATE TABLE reference_dates (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    precision TEXT NOT NULL,        -- day or range
    earliest TEXT NOT NULL,
    latest TEXT NOT NULL,
    evidence TEXT NOT NULL
);
