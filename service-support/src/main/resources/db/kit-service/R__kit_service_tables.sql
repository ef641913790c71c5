-- The kit's own tables in an extracted service's database, for services built on service-support. A repeatable
-- migration of CREATE TABLE IF NOT EXISTS: it runs after the service's own migrations and creates only what is
-- missing, so a service that created these tables itself keeps them. Keep the shapes in step with what the code reads.

-- The version guard: per replicated source row, the newest version applied (the version column's value, then the
-- binlog file, position and order in its transaction). A row outlives a delete, so a replayed older event cannot
-- bring the row back. The service's own writes record their version with a NULL position.
CREATE TABLE IF NOT EXISTS REPLICATED_VERSION (
    source_table VARCHAR(64)  NOT NULL,
    row_key      VARCHAR(128) NOT NULL,
    version_ms   BIGINT       NOT NULL,
    source_file  VARCHAR(255) NULL,
    source_pos   BIGINT       NULL,
    source_order BIGINT       NULL,
    applied_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (source_table, row_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Who owns the service's writes right now, and every change of it (the audit trail). The newest row wins.
CREATE TABLE IF NOT EXISTS OWNERSHIP_CHANGE (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    mode        VARCHAR(20)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    changed_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The outbox, in the shape Debezium's outbox event router and the bridge's relay read.
CREATE TABLE IF NOT EXISTS OUTBOX_EVENT (
    seq           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id            CHAR(36)     NOT NULL,
    aggregatetype VARCHAR(64)  NOT NULL,
    aggregateid   VARCHAR(64)  NOT NULL,
    type          VARCHAR(64)  NOT NULL,
    payload       LONGTEXT     NOT NULL,
    timestamp     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    traceparent   VARCHAR(55)  NULL,
    UNIQUE KEY UK_OUTBOX_EVENT_ID (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Per replicated legacy table, the latest bulk backfill: the binlog position of its snapshot (every copied row carries
-- it in its version), its progress, and who asked. updated_at moves with every chunk, so a run whose service stopped
-- shows as interrupted.
CREATE TABLE IF NOT EXISTS BULK_BACKFILL (
    source_table  VARCHAR(64)   NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    source_file   VARCHAR(255)  NOT NULL,
    source_pos    BIGINT        NOT NULL,
    rows_read     BIGINT        NOT NULL,
    rows_written  BIGINT        NOT NULL,
    rows_skipped  BIGINT        NOT NULL,
    requested_by  VARCHAR(100)  NOT NULL,
    started_at    DATETIME(3)   NOT NULL,
    finished_at   DATETIME(3)   NULL,
    updated_at    DATETIME(3)   NOT NULL,
    problem       VARCHAR(1000) NULL,
    PRIMARY KEY (source_table)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
