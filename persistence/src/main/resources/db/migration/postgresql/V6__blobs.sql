-- Content bodies in the database (PostgreSQL only; SQLite keeps them as files): a blob row is
-- written after all of its chunks, in the same transaction, so a blob row means a complete body.

CREATE TABLE blob_chunk (
    md5 CHAR(32) NOT NULL,
    n INTEGER NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (md5, n)
);

CREATE TABLE blob (
    md5 CHAR(32) NOT NULL PRIMARY KEY,
    size BIGINT NOT NULL,
    chunks INTEGER NOT NULL
);
