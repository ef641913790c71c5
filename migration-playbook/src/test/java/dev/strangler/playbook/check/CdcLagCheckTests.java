package dev.strangler.playbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CdcLagCheckTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTableQuietSinceAnOldBurstDoesNotHoldTheGate() {
        JsonNode status = status("""
                [{"table":"TB_MEMBER","lagMillis":80,"lastEventAgeMillis":200},
                 {"table":"TB_PRODUCT","lagMillis":7786,"lastEventAgeMillis":90000}]""");

        assertThat(CdcLagCheck.worstRecentLag(status, 5000)).isEqualTo(80);
    }

    @Test
    void anActiveTableThatIsBehindDoes() {
        JsonNode status = status("""
                [{"table":"TB_MEMBER","lagMillis":80,"lastEventAgeMillis":200},
                 {"table":"TB_ORDER","lagMillis":10695,"lastEventAgeMillis":300}]""");

        assertThat(CdcLagCheck.worstRecentLag(status, 5000)).isEqualTo(10695);
    }

    @Test
    void tablesWithoutEventsCountAsCaughtUp() {
        assertThat(CdcLagCheck.worstRecentLag(status("""
                [{"table":"TB_MEMBER","lagMillis":0,"lastEventAgeMillis":-1}]"""), 5000)).isZero();
    }

    private static JsonNode status(String tables) {
        return JSON.readTree("{\"running\":true,\"tables\":" + tables + "}");
    }
}
