-- Stock reservations: the API through which extracted services take and give back stock while products still
-- live here. One row per reservation id makes every call idempotent: a retried POST finds its row, a retried
-- DELETE finds it released. Not captured by CDC: it is the monolith's own bookkeeping.
--   RESV_STAT_CD: R = reserved (units taken), X = released (units given back), T = returned (units given back
--   for an order placed before reservations existed, so there was nothing to release)
-- Keep this file free of semicolons outside statement ends: tests split it on them.

CREATE TABLE TB_STOCK_RESV (
    RESV_ID      CHAR(36)     NOT NULL,
    PRD_NO       BIGINT       NOT NULL,
    QTY          INT          NOT NULL,
    RESV_STAT_CD CHAR(1)      NOT NULL,
    REG_DT       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UPD_DT       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (RESV_ID),
    KEY IX_STOCK_RESV_PRODUCT (PRD_NO, RESV_STAT_CD),
    CONSTRAINT FK_STOCK_RESV_PRODUCT FOREIGN KEY (PRD_NO) REFERENCES TB_PRODUCT (PRD_NO)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
