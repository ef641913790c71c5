-- The W3C traceparent of the request that wrote the event: the CDC bridge sends it on as a Kafka header, so the
-- consumers of the event (the reverse path among them) continue the request's trace.
ALTER TABLE OUTBOX_EVENT ADD COLUMN traceparent VARCHAR(55) NULL;
