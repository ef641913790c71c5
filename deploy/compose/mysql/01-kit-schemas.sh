#!/bin/bash
# Run once by the MySQL image on an empty data directory (/docker-entrypoint-initdb.d): the schemas and the
# least-privilege accounts the kit's embedded server gets, the same statements as
# dev.strangler.infra.mariadb.DatabaseBootstrap (DeploymentFilesTests keeps the two equal). The passwords come from
# the container's environment (compose.yaml passes them from .env); keep them to letters and digits.
set -euo pipefail
mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS legacy_db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'legacy_app'@'%' IDENTIFIED BY '${LEGACY_DB_PASSWORD}';
ALTER USER 'legacy_app'@'%' IDENTIFIED BY '${LEGACY_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON legacy_db.* TO 'legacy_app'@'%';
CREATE DATABASE IF NOT EXISTS member_db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'member_svc'@'%' IDENTIFIED BY '${MEMBER_DB_PASSWORD}';
ALTER USER 'member_svc'@'%' IDENTIFIED BY '${MEMBER_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON member_db.* TO 'member_svc'@'%';
CREATE DATABASE IF NOT EXISTS order_db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'order_svc'@'%' IDENTIFIED BY '${ORDER_DB_PASSWORD}';
ALTER USER 'order_svc'@'%' IDENTIFIED BY '${ORDER_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON order_db.* TO 'order_svc'@'%';
CREATE USER IF NOT EXISTS 'kit_cdc'@'%' IDENTIFIED BY '${CDC_DB_PASSWORD}';
ALTER USER 'kit_cdc'@'%' IDENTIFIED BY '${CDC_DB_PASSWORD}';
GRANT REPLICATION SLAVE, REPLICATION CLIENT, RELOAD ON *.* TO 'kit_cdc'@'%';
GRANT SELECT ON legacy_db.* TO 'kit_cdc'@'%';
GRANT SELECT ON member_db.* TO 'kit_cdc'@'%';
GRANT SELECT ON order_db.* TO 'kit_cdc'@'%';
CREATE DATABASE IF NOT EXISTS kit_db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS kit_db.KIT_CDC_SIGNAL (id VARCHAR(64) NOT NULL PRIMARY KEY, type VARCHAR(32) NOT NULL, data TEXT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE IF NOT EXISTS kit_db.KIT_CDC_ECHO_MARKER (ID BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, SOURCE_EVENT_ID VARCHAR(64) NOT NULL, WRITTEN_AT DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), UNIQUE KEY UK_ECHO_SOURCE_EVENT (SOURCE_EVENT_ID)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE IF NOT EXISTS kit_db.KIT_CDC_WATERMARK (ID INT NOT NULL PRIMARY KEY, SEQ BIGINT NOT NULL, WRITTEN_AT DATETIME(3) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
GRANT SELECT ON kit_db.* TO 'kit_cdc'@'%';
GRANT INSERT, UPDATE, DELETE ON kit_db.KIT_CDC_SIGNAL TO 'kit_cdc'@'%';
GRANT SELECT, INSERT, DELETE ON kit_db.KIT_CDC_ECHO_MARKER TO 'legacy_app'@'%';
GRANT SELECT, INSERT, UPDATE ON kit_db.KIT_CDC_WATERMARK TO 'legacy_app'@'%';
FLUSH PRIVILEGES;
SQL
