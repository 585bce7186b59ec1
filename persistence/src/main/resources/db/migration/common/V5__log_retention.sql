-- Purge log retention prunes by age: find the first command issued after the cutoff quickly.

CREATE INDEX purge_log_issued ON purge_log (issued_at_millis);
