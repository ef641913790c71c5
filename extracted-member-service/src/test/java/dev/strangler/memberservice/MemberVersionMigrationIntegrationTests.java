package dev.strangler.memberservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.memberservice.support.LegacyMemberRows;
import dev.strangler.service.changefeed.SourceVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * V2 moved the guard's TB_MEMBER versions into the MEMBER rows. Its SQL must encode them exactly as
 * {@link SourceVersion#rowVersion()} does, or the first event after the upgrade would be compared wrongly.
 */
class MemberVersionMigrationIntegrationTests extends MemberServiceIntegrationTest {

    private static final String MIGRATION = "db/member/V2__member_version_in_row.sql";

    @Test
    void theMigrationWritesTheVersionsTheServiceWouldHaveWritten() throws IOException {
        long forwarded = LegacyMemberRows.freshId();
        long serviceWritten = LegacyMemberRows.freshId();
        SourceVersion forward = new SourceVersion(1_764_028_800_123L, "mariadb-bin.000042", 4_711L);
        SourceVersion service = SourceVersion.ofServiceWrite(Instant.ofEpochMilli(1_764_028_800_124L));
        memberWithVersionInTheGuard(forwarded, forward);
        memberWithVersionInTheGuard(serviceWritten, service);

        // The data statements only: the column is already there.
        for (String statement : statements()) {
            if (statement.startsWith("UPDATE") || statement.startsWith("DELETE")) {
                jdbc.sql(statement).update();
            }
        }

        assertThat(version(forwarded)).isEqualTo(forward.rowVersion());
        assertThat(version(serviceWritten)).isEqualTo(service.rowVersion());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM REPLICATED_VERSION WHERE source_table = 'TB_MEMBER'")
                .query(Long.class).single()).isZero();
    }

    private void memberWithVersionInTheGuard(long id, SourceVersion version) {
        jdbc.sql("""
                INSERT INTO MEMBER (id, login_id, name, email, grade, joined_at, updated_at, deleted, source_version)
                VALUES (?, ?, 'Migrated', 'migrated@example.com', 'BRONZE', NOW(3), NOW(3), FALSE, NULL)""")
                .params(id, "migrated" + id).update();
        jdbc.sql("""
                INSERT INTO REPLICATED_VERSION (source_table, row_key, version_ms, source_file, source_pos)
                VALUES ('TB_MEMBER', ?, ?, ?, ?)""")
                .params(Long.toString(id), version.versionMs(), version.file(), version.position()).update();
    }

    private String version(long id) {
        return jdbc.sql("SELECT source_version FROM MEMBER WHERE id = ?").param(id).query(String.class).single();
    }

    private static String[] statements() throws IOException {
        String script = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
        String withoutComments = script.lines().filter(line -> !line.startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }
}
