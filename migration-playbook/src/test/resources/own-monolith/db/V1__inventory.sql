-- The inventory service's own model of the legacy inventory: its names and types, not the monolith's.
CREATE TABLE WAREHOUSE (
    code        CHAR(3)     NOT NULL PRIMARY KEY,
    name        VARCHAR(60) NOT NULL,
    search_name VARCHAR(60) NULL,
    updated_at  DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE STOCK (
    warehouse  CHAR(3)        NOT NULL,
    sku        VARCHAR(20)    NOT NULL,
    quantity   DECIMAL(12, 3) NOT NULL,
    status     VARCHAR(10)    NOT NULL,
    attributes JSON           NULL,
    updated_at DATETIME(3)    NOT NULL,
    PRIMARY KEY (warehouse, sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE LABEL (
    warehouse  CHAR(3)     NOT NULL,
    sku        VARCHAR(20) NOT NULL,
    seq        INT         NOT NULL,
    image      BLOB        NULL,
    printed_on DATE        NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (warehouse, sku, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
