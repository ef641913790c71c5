-- The scale-out fixture's copy of a legacy stock table, and the log of every row it wrote, by which instance.
CREATE TABLE STOCK_LEVEL (
    warehouse CHAR(3)     NOT NULL,
    sku       VARCHAR(20) NOT NULL,
    version   BIGINT      NOT NULL,
    PRIMARY KEY (warehouse, sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE APPLY_LOG (
    id        BIGINT      NOT NULL AUTO_INCREMENT,
    instance  VARCHAR(10) NOT NULL,
    warehouse CHAR(3)     NOT NULL,
    sku       VARCHAR(20) NOT NULL,
    version   BIGINT      NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
