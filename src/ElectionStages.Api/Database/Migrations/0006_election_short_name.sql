-- A short name per election (elections.csv short_name: "PSU Pilkada 2024"), for calendar titles and filter columns.
-- Nullable only for rows imported before this column existed; the next import fills it (the import requires it).
ALTER TABLE election ADD COLUMN short_name text CHECK (short_name <> '');
ALTER TABLE expected_election ADD COLUMN short_name text CHECK (short_name <> '');
