-- A family member in another language than its reference is a translation of it
-- (found by a multilingual sentence encoder, see sitroom.provenance.translations).
ALTER TABLE family_members ADD COLUMN translation INTEGER NOT NULL DEFAULT 0
