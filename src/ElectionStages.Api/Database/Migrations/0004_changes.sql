-- The change feed: the seed files of the last import (to compare the next one with) and, per import that changed
-- content, what it changed.
CREATE TABLE seed_file (
    name    text PRIMARY KEY,
    content bytea NOT NULL
);

CREATE TABLE calendar_change (
    revision       bigint PRIMARY KEY,
    imported_at    timestamptz NOT NULL,
    content_sha256 text NOT NULL,
    initial        boolean NOT NULL,
    changes        jsonb NOT NULL
);
