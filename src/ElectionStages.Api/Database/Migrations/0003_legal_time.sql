-- Rules in legal time: every user-facing text in Indonesian and English, rule versions with the days their legal
-- basis was the law, the instruments they cite, the bodies in charge, and the catalogue of acts. The import replaces
-- every row on each run, so the rule table is rebuilt rather than altered. The stage check "dates or a rule text" follows
-- the renamed column rule_text_en. Rows already stored have English notes only until the import that runs these
-- migrations replaces them, so the "both languages or neither" rule of the renamed columns is the import's check.
ALTER TABLE election RENAME COLUMN note TO note_en;
ALTER TABLE election ADD COLUMN note_id text;

ALTER TABLE stage RENAME COLUMN rule_text TO rule_text_en;
ALTER TABLE stage ADD COLUMN rule_text_id text;
ALTER TABLE stage RENAME COLUMN note TO note_en;
ALTER TABLE stage ADD COLUMN note_id text;

ALTER TABLE contest RENAME COLUMN note TO note_en;
ALTER TABLE contest ADD COLUMN note_id text;

ALTER TABLE election_region RENAME COLUMN note TO note_en;
ALTER TABLE election_region ADD COLUMN note_id text;

DROP TABLE neutrality_rule;

CREATE TABLE instrument (
    id            text PRIMARY KEY,
    short_name    text NOT NULL,
    title_id      text NOT NULL,
    title_en      text NOT NULL,
    kind          text NOT NULL,
    promulgated   date,
    in_force_from date NOT NULL,
    in_force_to   date CHECK (in_force_to >= in_force_from),
    url           text,
    source        text NOT NULL,
    confidence    text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    note_id       text,
    note_en       text,
    CHECK ((note_id IS NULL) = (note_en IS NULL))
);

CREATE TABLE neutrality_rule (
    id               text PRIMARY KEY,
    version_of       text REFERENCES neutrality_rule (id) DEFERRABLE INITIALLY DEFERRED,
    kind             text NOT NULL CHECK (kind IN ('prohibited', 'allowed', 'duty', 'procedure')),
    addressee        text NOT NULL CHECK (addressee IN ('asn', 'campaigners', 'candidates', 'officials')),
    text_id          text NOT NULL,
    text_en          text NOT NULL,
    phases           text[] NOT NULL,
    election_kinds   text[] NOT NULL,
    valid_from       date NOT NULL,
    valid_to         date CHECK (valid_to >= valid_from),
    sanction_kind    text NOT NULL,
    sanction_text_id text NOT NULL,
    sanction_text_en text NOT NULL,
    exception_to     text[] NOT NULL,
    source           text NOT NULL,
    confidence       text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    note_id          text,
    note_en          text,
    CHECK ((note_id IS NULL) = (note_en IS NULL))
);

CREATE TABLE rule_legal_basis (
    rule_id       text NOT NULL REFERENCES neutrality_rule (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    instrument_id text NOT NULL REFERENCES instrument (id),
    article       text NOT NULL,
    PRIMARY KEY (rule_id, position)
);

CREATE TABLE authority (
    id             text PRIMARY KEY,
    name_id        text NOT NULL,
    name_en        text NOT NULL,
    role_id        text NOT NULL,
    role_en        text NOT NULL,
    election_kinds text[] NOT NULL,
    valid_from     date NOT NULL,
    valid_to       date CHECK (valid_to >= valid_from),
    source         text NOT NULL,
    confidence     text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    note_id        text,
    note_en        text,
    CHECK ((note_id IS NULL) = (note_en IS NULL))
);

CREATE TABLE authority_channel (
    authority_id text NOT NULL REFERENCES authority (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    label        text NOT NULL,
    url          text NOT NULL,
    PRIMARY KEY (authority_id, position)
);

CREATE TABLE authority_legal_basis (
    authority_id  text NOT NULL REFERENCES authority (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    instrument_id text NOT NULL REFERENCES instrument (id),
    article       text NOT NULL,
    PRIMARY KEY (authority_id, position)
);

CREATE TABLE act (
    id       text PRIMARY KEY,
    text_id  text NOT NULL,
    text_en  text NOT NULL,
    keywords text[] NOT NULL
);

-- The rule families that decide an act, in precedence order (position 1 first).
CREATE TABLE act_rule (
    act_id   text NOT NULL REFERENCES act (id) ON DELETE CASCADE,
    position integer NOT NULL,
    rule_id  text NOT NULL REFERENCES neutrality_rule (id),
    PRIMARY KEY (act_id, position)
);
