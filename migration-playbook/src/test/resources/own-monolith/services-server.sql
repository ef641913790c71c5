-- The services' own database server: the inventory service's schema and account, and for the bridge's outbox
-- relay a CDC account and the watermark table its barriers write on this server.
CREATE DATABASE inv_db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER inv_svc@'%' IDENTIFIED BY 'inv_svc_pw';
GRANT ALL PRIVILEGES ON inv_db.* TO inv_svc@'%';
CREATE DATABASE kit_db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE kit_db.KIT_CDC_WATERMARK (ID INT NOT NULL PRIMARY KEY, SEQ BIGINT NOT NULL, WRITTEN_AT DATETIME(3) NOT NULL);
CREATE USER svc_cdc@'%' IDENTIFIED BY 'svc_cdc_pw';
GRANT REPLICATION SLAVE, REPLICATION CLIENT, RELOAD ON *.* TO svc_cdc@'%';
GRANT SELECT ON inv_db.* TO svc_cdc@'%';
GRANT SELECT, INSERT, UPDATE ON kit_db.KIT_CDC_WATERMARK TO svc_cdc@'%';
FLUSH PRIVILEGES;
