-- The calendar: elections and their stages, exactly as imported from seed-data/.
CREATE TABLE election (
    id          text PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('pemilu', 'pilkada')),
    name_id     text NOT NULL,
    name_en     text NOT NULL,
    voting_day  date NOT NULL,
    regulation  text NOT NULL,
    source      text NOT NULL,
    confidence  text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    note        text
);

CREATE TABLE stage (
    election_id text NOT NULL REFERENCES election (id),
    id          text NOT NULL,
    parent_id   text,
    ordinal     integer NOT NULL CHECK (ordinal >= 1),
    name_id     text NOT NULL,
    name_en     text NOT NULL,
    start_date  date,
    end_date    date,
    rule_text   text,
    status      text NOT NULL CHECK (status IN ('scheduled', 'not-held')),
    basis       text NOT NULL CHECK (basis IN ('lampiran', 'implementing', 'actual')),
    source      text NOT NULL,
    source_ref  text NOT NULL,
    confidence  text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    note        text,
    PRIMARY KEY (election_id, id),
    FOREIGN KEY (election_id, parent_id) REFERENCES stage (election_id, id) DEFERRABLE INITIALLY DEFERRED,
    CHECK ((start_date IS NULL) = (end_date IS NULL)),
    CHECK (start_date <= end_date),
    CHECK (start_date IS NOT NULL OR rule_text IS NOT NULL)
);

-- One row: the revision every API instance compares against its snapshot.
CREATE TABLE calendar_revision (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    revision       bigint NOT NULL,
    imported_at    timestamptz NOT NULL,
    content_sha256 text NOT NULL
);
