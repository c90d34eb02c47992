-- Reconciled records: incidents (with casualty ranges and grades) and the claim ledger.
-- Rebuilt from the stored facts on each run; stored as JSON records for the exports,
-- the brief and the API.
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    first_date TEXT,
    data TEXT NOT NULL
);

CREATE TABLE propositions (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    data TEXT NOT NULL
);
