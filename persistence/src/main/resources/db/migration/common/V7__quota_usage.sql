-- Quota usage in one-minute buckets, shared by every control node of a store.

CREATE TABLE quota_usage (
    usage_key VARCHAR(512) NOT NULL,
    minute BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    PRIMARY KEY (usage_key, minute)
);
