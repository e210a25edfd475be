-- Regions, neutrality phases, contests (with their phase boundaries resolved from stage dates), where regional
-- contests are held, and the ASN neutrality rules.
CREATE TABLE region (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('province', 'regency', 'city')),
    parent_code text REFERENCES region (code) DEFERRABLE INITIALLY DEFERRED,
    zone        text NOT NULL,
    source      text NOT NULL
);

CREATE TABLE phase (
    id             text PRIMARY KEY,
    ordinal        integer NOT NULL,
    name_id        text NOT NULL,
    name_en        text NOT NULL,
    description_id text NOT NULL,
    description_en text NOT NULL,
    source         text NOT NULL
);

CREATE TABLE contest (
    election_id           text NOT NULL REFERENCES election (id),
    id                    text NOT NULL,
    name_id               text NOT NULL,
    name_en               text NOT NULL,
    cycle_start           date,
    candidates_determined date,
    campaign_start        date,
    campaign_end          date,
    quiet_start           date,
    quiet_end             date,
    voting_day            date NOT NULL,
    cycle_end             date,
    source                text NOT NULL,
    confidence            text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    note                  text,
    PRIMARY KEY (election_id, id)
);

CREATE TABLE election_region (
    election_id text NOT NULL,
    region_code text NOT NULL REFERENCES region (code),
    contest_id  text NOT NULL,
    source      text NOT NULL,
    note        text,
    PRIMARY KEY (election_id, region_code, contest_id),
    FOREIGN KEY (election_id, contest_id) REFERENCES contest (election_id, id)
);

CREATE TABLE neutrality_rule (
    id             text PRIMARY KEY,
    kind           text NOT NULL CHECK (kind IN ('prohibited', 'allowed')),
    text_id        text NOT NULL,
    text_en        text NOT NULL,
    phases         text[] NOT NULL,
    election_kinds text[] NOT NULL,
    sanction_kind  text NOT NULL,
    sanction_text  text NOT NULL,
    legal_basis    text[] NOT NULL,
    source         text NOT NULL,
    confidence     text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    note           text
);
