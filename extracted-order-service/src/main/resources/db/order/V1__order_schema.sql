-- order_db: the order service's own model, in English names; nothing here copies the legacy TB_ layout.
-- Timestamps are DATETIME(3) in UTC (the connection pins time_zone to +00:00).

-- Orders. Replicated legacy orders keep their legacy id; an explicit id pushes AUTO_INCREMENT past it, so orders
-- placed here continue above every replicated id.
CREATE TABLE PURCHASE_ORDER (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    member_id        BIGINT        NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    ordered_at       DATETIME(3)   NOT NULL,
    total_amount     DECIMAL(14,2) NOT NULL,
    shipping_address VARCHAR(500)  NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY IX_PURCHASE_ORDER_MEMBER (member_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Order lines. No foreign key to the order: the change topics of orders and their items are separate, so a line
-- may arrive before its order. reservation_id is the monolith's stock reservation behind the line (null for
-- orders placed in the monolith).
CREATE TABLE ORDER_LINE (
    order_id       BIGINT        NOT NULL,
    seq            INT           NOT NULL,
    product_id     BIGINT        NOT NULL,
    quantity       INT           NOT NULL,
    unit_price     DECIMAL(12,2) NOT NULL,
    reservation_id CHAR(36)      NULL,
    PRIMARY KEY (order_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The members orders may be placed for: whether each exists and is active. Fed from the member topic only.
CREATE TABLE MEMBER_REPLICA (
    id          BIGINT       NOT NULL,
    deleted     BOOLEAN      NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The product catalogue as last replicated. Stock and prices at order time come from the monolith's stock API,
-- which is authoritative while products live there; this copy lags by the CDC delay.
CREATE TABLE PRODUCT_REPLICA (
    id             BIGINT        NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    unit_price     DECIMAL(12,2) NOT NULL,
    stock_quantity INT           NOT NULL,
    deleted        BOOLEAN       NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Stock held at the monolith that no committed order accounts for yet (or any more). Written before the monolith
-- is called (placing) or in the cancelling transaction; removed when an order claims it or once it is given back.
-- What is left after a crash is given back by the recovery job. kind: RELEASE (a reservation to release) or
-- RETURN (units of an order placed in the monolith, to return).
CREATE TABLE PENDING_STOCK (
    operation_id CHAR(36)    NOT NULL,
    product_id   BIGINT      NOT NULL,
    quantity     INT         NOT NULL,
    kind         VARCHAR(10) NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (operation_id),
    KEY IX_PENDING_STOCK_CREATED (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The version guard: per replicated source row, the newest version applied (see the member service).
CREATE TABLE REPLICATED_VERSION (
    source_table VARCHAR(64)  NOT NULL,
    row_key      VARCHAR(128) NOT NULL,
    version_ms   BIGINT       NOT NULL,
    source_file  VARCHAR(255) NULL,
    source_pos   BIGINT       NULL,
    applied_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (source_table, row_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Who owns order writes, and every change of it (the audit trail). The newest row wins.
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
