-- Purge tasks (every dialect), webhooks and their delivery log.

CREATE TABLE purge_task (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    tenant VARCHAR(255) NOT NULL,
    dialect VARCHAR(32) NOT NULL,
    submitted_millis BIGINT NOT NULL,
    task TEXT NOT NULL
);
CREATE INDEX purge_task_tenant ON purge_task (tenant, dialect, submitted_millis);

CREATE TABLE webhook (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    tenant VARCHAR(255) NOT NULL,
    name VARCHAR(250) NOT NULL,
    description VARCHAR(500) NOT NULL,
    url VARCHAR(250) NOT NULL,
    cred_user VARCHAR(255),
    secret_key VARCHAR(1024),
    created_millis BIGINT NOT NULL
);
CREATE INDEX webhook_tenant ON webhook (tenant);

CREATE TABLE webhook_delivery (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id VARCHAR(64) NOT NULL,
    task_id VARCHAR(64) NOT NULL,
    attempt INT NOT NULL,
    at_millis BIGINT NOT NULL,
    status INT NOT NULL,
    error TEXT
);
CREATE INDEX webhook_delivery_task ON webhook_delivery (task_id);
