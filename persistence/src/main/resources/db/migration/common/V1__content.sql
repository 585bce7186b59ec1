-- Content: entries (one per site and canonical path), their immutable revisions, and a change
-- counter per site. Portable SQL: meant to run unchanged on SQLite and PostgreSQL. Ids and sequence
-- numbers are assigned by the application under its single writer, so no AUTOINCREMENT/IDENTITY.

CREATE TABLE content_site_seq (
    tenant VARCHAR(255) NOT NULL,
    site VARCHAR(255) NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (tenant, site)
);

CREATE TABLE content_entry (
    id BIGINT NOT NULL PRIMARY KEY,
    tenant VARCHAR(255) NOT NULL,
    site VARCHAR(255) NOT NULL,
    canonical_path VARCHAR(4096) NOT NULL,
    url VARCHAR(4096) NOT NULL,
    type VARCHAR(16) NOT NULL,
    seq_num BIGINT NOT NULL,
    live BOOLEAN NOT NULL,
    published_revision INTEGER NOT NULL,
    current_revision INTEGER NOT NULL,
    first_revision INTEGER NOT NULL,
    highest_revision INTEGER NOT NULL,
    deleted BOOLEAN NOT NULL,
    deleted_timestamp BIGINT NOT NULL,
    last_modified BIGINT NOT NULL,
    CONSTRAINT content_entry_path UNIQUE (tenant, site, canonical_path)
);

CREATE INDEX content_entry_seq ON content_entry (tenant, site, seq_num);

CREATE TABLE content_revision (
    entry_id BIGINT NOT NULL REFERENCES content_entry (id),
    revision_number INTEGER NOT NULL,
    type VARCHAR(16) NOT NULL,
    md5 CHAR(32) NOT NULL,
    byte_length BIGINT NOT NULL,
    date_timestamp BIGINT NOT NULL,
    headers TEXT NOT NULL,
    info TEXT NOT NULL,
    redirect_url VARCHAR(4096),
    redirect_code INTEGER NOT NULL,
    proxy_destination VARCHAR(4096),
    proxy_user VARCHAR(255),
    proxy_password VARCHAR(255),
    content_timestamp BIGINT,
    PRIMARY KEY (entry_id, revision_number)
);
