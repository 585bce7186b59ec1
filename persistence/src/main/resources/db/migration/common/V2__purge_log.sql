-- The ordered purge log: seq from 1 without gaps, assigned by the single writer.

CREATE TABLE purge_log (
    seq BIGINT NOT NULL PRIMARY KEY,
    id VARCHAR(255) NOT NULL,
    request TEXT NOT NULL,
    issued_at_millis BIGINT NOT NULL,
    CONSTRAINT purge_log_id UNIQUE (id)
);
