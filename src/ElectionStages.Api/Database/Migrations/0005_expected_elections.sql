-- Elections decided in principle but not scheduled (no voting day; a window where the law gives one).
CREATE TABLE expected_election (
    id                 text PRIMARY KEY,
    kind               text NOT NULL CHECK (kind IN ('pemilu', 'pilkada')),
    name_id            text NOT NULL,
    name_en            text NOT NULL,
    window_start       date,
    window_end         date,
    window_text_id     text NOT NULL,
    window_text_en     text NOT NULL,
    legal_instruments  text[] NOT NULL,
    legal_articles     text[] NOT NULL,
    source             text NOT NULL,
    confidence         text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    note_id            text,
    note_en            text,
    CHECK ((window_start IS NULL) = (window_end IS NULL)),
    CHECK (window_start <= window_end),
    CHECK ((note_id IS NULL) = (note_en IS NULL))
);
