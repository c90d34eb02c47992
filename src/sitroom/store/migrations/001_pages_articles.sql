-- Pages as they arrived (raw bytes always kept), the articles cleaned from them, what was
-- removed and why, and inputs that could not be read at all.
CREATE TABLE pages (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    source_id TEXT,
    url TEXT,
    outlet TEXT,
    content_type TEXT,
    encoding TEXT,
    raw BLOB NOT NULL,
    text TEXT,
    published_hint TEXT,
    retrieved TEXT,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error TEXT,
    clean_version INTEGER,
    ingested_at TEXT NOT NULL
);
CREATE INDEX pages_source ON pages (source);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    page_id TEXT NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    title TEXT,
    standfirst TEXT,
    dateline TEXT,
    published TEXT,
    published_precision TEXT,
    published_evidence TEXT,
    published_text TEXT,
    language TEXT,
    outlet TEXT,
    author TEXT,
    body TEXT NOT NULL,
    paragraphs TEXT NOT NULL,       -- JSON list of paragraph offsets
    title_lines TEXT NOT NULL,      -- JSON list of page line numbers
    standfirst_lines TEXT NOT NULL
);
CREATE INDEX articles_page ON articles (page_id);

CREATE TABLE removed (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    page_start INTEGER,
    page_end INTEGER,
    line INTEGER,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE failures (
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    page_id TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (source, reason)
);
