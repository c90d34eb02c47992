-- The map sends the heaviest placed incidents of a filter: one index per filter column,
-- ordered as the map orders, over placed incidents only, so a filtered map and its count
-- read an index range instead of scanning the table.
CREATE INDEX map_grade ON incidents (grade, killed_high DESC, n_reports DESC, id) WHERE lat IS NOT NULL;
CREATE INDEX map_type ON incidents (type, killed_high DESC, n_reports DESC, id) WHERE lat IS NOT NULL;
CREATE INDEX map_country ON incidents (country, killed_high DESC, n_reports DESC, id) WHERE lat IS NOT NULL;
CREATE INDEX map_contested ON incidents (contested, killed_high DESC, n_reports DESC, id) WHERE lat IS NOT NULL;
CREATE INDEX map_date ON incidents (first_date, killed_high) WHERE lat IS NOT NULL
