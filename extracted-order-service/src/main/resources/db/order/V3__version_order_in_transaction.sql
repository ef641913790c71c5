-- Debezium reports the transaction's binlog position for every change of the transaction, so two changes of one
-- row in one transaction (the reverse path replacing an order's lines: a delete, then an insert) carried equal
-- versions and the first one won. The change's order within its transaction breaks that tie.
ALTER TABLE REPLICATED_VERSION ADD COLUMN source_order BIGINT NULL AFTER source_pos;
