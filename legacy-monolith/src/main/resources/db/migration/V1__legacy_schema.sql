-- The monolith's schema as it has grown over ten years: TB_ tables, abbreviated upper-case column names,
-- Y/N flags and two-character status codes. The kit's CDC and extracted services must cope with it as it is.
--
-- Conventions worth knowing before reading the data:
--   * DATETIME(3) columns hold UTC wall-clock time (the application pins its session time_zone to +00:00).
--   * UPD_DT is set on every write: the application sets it explicitly in each UPDATE, and
--     ON UPDATE CURRENT_TIMESTAMP(3) catches writers that forget. CDC uses it as a version guard.
--   * TB_MEMBER.GRADE_CD: B = BRONZE, S = SILVER, G = GOLD, V = VIP.
--   * TB_MEMBER.DEL_YN: 'Y' = soft-deleted. Rows are never removed; a deleted member's LOGIN_ID stays taken.
--   * TB_ORDER.ORD_STAT_CD: 10 = ORDERED, 20 = PAID, 30 = SHIPPED, 90 = CANCELLED.
--   * The codes are enforced by the application only, as they always were (no CHECK constraints).
-- Keep this file free of semicolons outside statement ends: tests split it on them.

CREATE TABLE TB_MEMBER (
    MBR_NO      BIGINT       NOT NULL AUTO_INCREMENT,
    LOGIN_ID    VARCHAR(50)  NOT NULL,
    MBR_NM      VARCHAR(100) NOT NULL,
    EMAIL_ADDR  VARCHAR(200) NOT NULL,
    TEL_NO      VARCHAR(20)  NULL,
    GRADE_CD    CHAR(1)      NOT NULL DEFAULT 'B',
    JOIN_DT     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UPD_DT      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    DEL_YN      CHAR(1)      NOT NULL DEFAULT 'N',
    PRIMARY KEY (MBR_NO),
    UNIQUE KEY UK_MEMBER_LOGIN_ID (LOGIN_ID),
    KEY IX_MEMBER_GRADE (GRADE_CD, DEL_YN),
    KEY IX_MEMBER_UPD_DT (UPD_DT)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE TB_PRODUCT (
    PRD_NO      BIGINT        NOT NULL AUTO_INCREMENT,
    PRD_NM      VARCHAR(200)  NOT NULL,
    UNIT_PRC    DECIMAL(12,2) NOT NULL,
    STOCK_QTY   INT           NOT NULL DEFAULT 0,
    UPD_DT      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (PRD_NO),
    KEY IX_PRODUCT_UPD_DT (UPD_DT)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE TB_ORDER (
    ORD_NO      BIGINT        NOT NULL AUTO_INCREMENT,
    MBR_NO      BIGINT        NOT NULL,
    ORD_STAT_CD CHAR(2)       NOT NULL DEFAULT '10',
    ORD_DT      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    TOT_AMT     DECIMAL(14,2) NOT NULL,
    SHIP_ADDR   VARCHAR(500)  NOT NULL,
    UPD_DT      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (ORD_NO),
    KEY IX_ORDER_MEMBER_STATUS (MBR_NO, ORD_STAT_CD),
    KEY IX_ORDER_UPD_DT (UPD_DT),
    CONSTRAINT FK_ORDER_MEMBER FOREIGN KEY (MBR_NO) REFERENCES TB_MEMBER (MBR_NO)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE TB_ORDER_ITEM (
    ORD_NO      BIGINT        NOT NULL,
    ITEM_SEQ    INT           NOT NULL,
    PRD_NO      BIGINT        NOT NULL,
    QTY         INT           NOT NULL,
    UNIT_PRC    DECIMAL(12,2) NOT NULL,
    PRIMARY KEY (ORD_NO, ITEM_SEQ),
    KEY IX_ORDER_ITEM_PRODUCT (PRD_NO),
    CONSTRAINT FK_ORDER_ITEM_ORDER FOREIGN KEY (ORD_NO) REFERENCES TB_ORDER (ORD_NO),
    CONSTRAINT FK_ORDER_ITEM_PRODUCT FOREIGN KEY (PRD_NO) REFERENCES TB_PRODUCT (PRD_NO)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
