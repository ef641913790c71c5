-- member_db: the member service's own model. English names, typed values; nothing here copies the legacy
-- TB_MEMBER layout. Timestamps are DATETIME(3) in UTC (the connection pins time_zone to +00:00).

-- Members. Ids replicated from the legacy schema keep their legacy value; an explicit id pushes AUTO_INCREMENT
-- past it, so members registered here continue above every replicated id.
CREATE TABLE MEMBER (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    login_id    VARCHAR(50)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    email       VARCHAR(200) NOT NULL,
    phone       VARCHAR(20)  NULL,
    grade       VARCHAR(10)  NOT NULL,
    joined_at   DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    deleted     BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    -- Login ids are unique for ever, deleted members included (the monolith's rule).
    UNIQUE KEY UK_MEMBER_LOGIN_ID (login_id),
    KEY IX_MEMBER_GRADE (grade, deleted)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each order's member and status: the delete rule (no ORDERED or PAID orders) needs it. Fed from the order topic.
CREATE TABLE MEMBER_ORDER (
    order_id    BIGINT      NOT NULL,
    member_id   BIGINT      NOT NULL,
    status      VARCHAR(10) NOT NULL,
    PRIMARY KEY (order_id),
    KEY IX_MEMBER_ORDER_MEMBER (member_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The version guard: per replicated source row, the newest version applied (UPD_DT millis, then binlog
-- file/position). A row outlives a hard delete so that a replayed older event cannot bring the row back.
-- The service's own writes record their version with a NULL position: they win ties against forward events.
CREATE TABLE REPLICATED_VERSION (
    source_table VARCHAR(64)  NOT NULL,
    row_key      VARCHAR(128) NOT NULL,
    version_ms   BIGINT       NOT NULL,
    source_file  VARCHAR(255) NULL,
    source_pos   BIGINT       NULL,
    applied_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (source_table, row_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Who owns member writes right now, and every change of it (the audit trail). The newest row wins.
CREATE TABLE OWNERSHIP_CHANGE (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    mode        VARCHAR(20)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    changed_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The outbox, in the shape Debezium's outbox event router and the bridge's reverse path read.
CREATE TABLE OUTBOX_EVENT (
    seq           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id            CHAR(36)     NOT NULL,
    aggregatetype VARCHAR(64)  NOT NULL,
    aggregateid   VARCHAR(64)  NOT NULL,
    type          VARCHAR(64)  NOT NULL,
    payload       LONGTEXT     NOT NULL,
    timestamp     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY UK_OUTBOX_EVENT_ID (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
