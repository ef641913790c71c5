-- Each member replica row carries its own replicated version (SourceVersion.rowVersion(): a string that orders as
-- the version guard does), so that replication is one conditional upsert per batch instead of the guard's locking
-- read and second upsert. Replica rows outlive deletes (flagged), so the version outlives them too.
ALTER TABLE MEMBER_REPLICA ADD COLUMN source_version VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL;

-- The versions the guard kept for TB_MEMBER move into the rows, in the same encoding: millis and position
-- zero-padded to 20 digits, a space before the file and the position ('~' would mark a service write; there are none).
UPDATE MEMBER_REPLICA m
  JOIN REPLICATED_VERSION v ON v.source_table = 'TB_MEMBER' AND m.id = CAST(v.row_key AS UNSIGNED)
   SET m.source_version = CONCAT(LPAD(v.version_ms, 20, '0'),
                                 IF(v.source_pos IS NULL, '~',
                                    CONCAT(' ', v.source_file, ' ', LPAD(v.source_pos, 20, '0'))));

DELETE FROM REPLICATED_VERSION WHERE source_table = 'TB_MEMBER';
