-- The delivery log is pruned by age with the purge tasks (TaskRetention).

CREATE INDEX webhook_delivery_at ON webhook_delivery (at_millis);
