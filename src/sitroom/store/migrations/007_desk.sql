-- What the desk filters, sorts and maps on, as columns beside each incident's JSON record,
-- so that listing and mapping stay index lookups however many incidents there are.
ALTER TABLE incidents ADD COLUMN type TEXT;
ALTER TABLE incidents ADD COLUMN sub_type TEXT;
ALTER TABLE incidents ADD COLUMN grade TEXT;
ALTER TABLE incidents ADD COLUMN country TEXT;
ALTER TABLE incidents ADD COLUMN location TEXT;
ALTER TABLE incidents ADD COLUMN lat REAL;
ALTER TABLE incidents ADD COLUMN lon REAL;
ALTER TABLE incidents ADD COLUMN geo_precision TEXT;
ALTER TABLE incidents ADD COLUMN killed_low INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN story_id TEXT;
ALTER TABLE incidents ADD COLUMN contested INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN killed_high INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN n_reports INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN main INTEGER NOT NULL DEFAULT 0;
CREATE INDEX incidents_date ON incidents (first_date);
CREATE INDEX incidents_type ON incidents (type, first_date);
CREATE INDEX incidents_grade ON incidents (grade, first_date);
CREATE INDEX incidents_country ON incidents (country, first_date);
CREATE INDEX incidents_story ON incidents (story_id);
CREATE INDEX incidents_rank ON incidents (main DESC, n_reports DESC, killed_high DESC, first_date DESC);
CREATE INDEX incidents_place ON incidents (lat, lon);
CREATE INDEX incidents_day_type ON incidents (first_date, type);
CREATE INDEX incidents_weight ON incidents (killed_high DESC, n_reports DESC, id) WHERE lat IS NOT NULL;

-- Counting pages by status must not read their raw bytes.
CREATE INDEX pages_status ON pages (status);
CREATE INDEX articles_outlet ON articles (outlet);

-- The newest publication date among a proposition's articles, to list the latest contested claims.
ALTER TABLE propositions ADD COLUMN latest TEXT;
CREATE INDEX propositions_latest ON propositions (status, latest);

-- Which incident each report (article id and sentence offset) belongs to.
CREATE TABLE incident_reports (
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    report_key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (report_key)
);
CREATE INDEX incident_reports_incident ON incident_reports (incident_id);
CREATE INDEX incident_reports_article ON incident_reports (article_id);

-- When an incident (by id) and a proposition's denial were first seen: kept across
-- rebuilds, so watch areas can say what is new since an analyst's last visit.
CREATE TABLE first_seen (
    kind TEXT NOT NULL,             -- incident or denial
    id TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX first_seen_at ON first_seen (at);

-- Analysts' decisions, replayed by every rebuild, and their audit trail.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    anchors TEXT NOT NULL,          -- JSON list of report keys
    value TEXT,                     -- JSON
    note TEXT NOT NULL DEFAULT '',
    incident_id TEXT,               -- the incident as it was when reviewed
    before TEXT,                    -- JSON: the field(s) before the decision
    after TEXT,                     -- JSON: the field(s) after it
    applied INTEGER NOT NULL DEFAULT 1  -- 0 when the last rebuild found none of its reports
);

-- Saved areas with a filter, and when they were last looked at.
CREATE TABLE watch_areas (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    shape TEXT NOT NULL,            -- JSON: {"circle": [lat, lon, km]} or {"polygon": [[lat, lon], ...]}
    filters TEXT NOT NULL,          -- JSON of the incident filter
    created TEXT NOT NULL,
    last_visit TEXT NOT NULL
);

-- Full-text search over articles (title and body) and claims (speaker and content).
CREATE VIRTUAL TABLE search_index USING fts5 (
    kind UNINDEXED, ref UNINDEXED, article_id UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index (kind, ref, article_id, title, body)
    SELECT 'article', id, id, coalesce(title, ''), body FROM articles;
INSERT INTO search_index (kind, ref, article_id, title, body)
    SELECT 'claim', article_id || ':' || seq, article_id, json_extract(data, '$.speaker'), json_extract(data, '$.content')
    FROM facts WHERE kind = 'claim'
