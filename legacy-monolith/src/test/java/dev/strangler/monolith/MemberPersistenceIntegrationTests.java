package dev.strangler.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** What the API writes lands in the legacy columns as the old system wrote it. */
class MemberPersistenceIntegrationTests extends MonolithIntegrationTest {

    @Test
    void koreanAndOtherScriptsRoundTripThroughTheLegacyColumns() {
        String loginId = uniqueLoginId("utf8");
        long id = TestData.member(http(), loginId, "김민준 Zoë Ødegaard 佐藤");

        assertThat(jdbc.sql("SELECT MBR_NM FROM TB_MEMBER WHERE MBR_NO = ?").param(id).query(String.class).single())
                .isEqualTo("김민준 Zoë Ødegaard 佐藤");
        assertThat(http().get().uri("/api/members/{id}", id).retrieve().body(JsonNode.class).get("name").asString())
                .isEqualTo("김민준 Zoë Ødegaard 佐藤");
    }

    @Test
    void anUpdateStampsUpdDtAndTheGradeIsStoredAsItsLegacyCode() {
        RestClient http = http();
        long id = TestData.member(http, uniqueLoginId("upd"), "Before");
        jdbc.sql("UPDATE TB_MEMBER SET UPD_DT = '2020-01-01 00:00:00' WHERE MBR_NO = ?").param(id).update();

        JsonNode updated = http.put().uri("/api/members/{id}", id).body(Map.of("name", "After",
                "email", "after@example.com", "grade", "GOLD")).retrieve().body(JsonNode.class);

        assertThat(updated.get("grade").asString()).isEqualTo("GOLD");
        assertThat(jdbc.sql("SELECT GRADE_CD FROM TB_MEMBER WHERE MBR_NO = ?").param(id).query(String.class).single())
                .isEqualTo("G");
        assertThat(jdbc.sql("SELECT UPD_DT FROM TB_MEMBER WHERE MBR_NO = ?").param(id)
                .query(LocalDateTime.class).single()).isAfter(LocalDateTime.of(2020, 1, 1, 0, 0));
        assertThat(updated.get("updatedAt").asString()).endsWith("Z").doesNotStartWith("2020");
    }

    @Test
    void aDeleteIsSoftTheRowStaysFlaggedAndTheMemberIs404() {
        RestClient http = http();
        long id = TestData.member(http, uniqueLoginId("gone"), "Leaving");

        int deleteStatus = http.delete().uri("/api/members/{id}", id).retrieve().toBodilessEntity()
                .getStatusCode().value();

        assertThat(deleteStatus).isEqualTo(204);
        assertThat(jdbc.sql("SELECT DEL_YN FROM TB_MEMBER WHERE MBR_NO = ?").param(id).query(String.class).single())
                .isEqualTo("Y");
        assertThat(http.get().uri("/api/members/{id}", id).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(404);
    }
}
