package dev.strangler.playbook.compare.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RunSpecificValuesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunSpecificValues values = new RunSpecificValues(Map.of(
            "unique", JSON.getNodeFactory().stringNode("mhx81k2a"),
            "memberId", JSON.getNodeFactory().numberNode(1023L),
            "orderId", JSON.getNodeFactory().numberNode(12L)));

    @Test
    void namesTheTokenAndTheCapturedIdsWhereverTheyStandOnTheirOwn() {
        assertThat(values.neutralise("/api/members/1023/orders?q=kim_mhx81k2a")).isEqualTo(
                "/api/members/{{memberId}}/orders?q=kim_{{unique}}");
        assertThat(values.neutralise("Order 12 of member 1023 was not found.")).isEqualTo(
                "Order {{orderId}} of member {{memberId}} was not found.");
    }

    @Test
    void leavesNumbersThatOnlyContainAnIdAlone() {
        assertThat(values.neutralise("120 items, 2026-12-01, 010-1023-5678, v1.12")).isEqualTo(
                "120 items, 2026-12-01, 010-1023-5678, v1.12");
    }

    @Test
    void marksANumberSoThatAnIdTurnedIntoAStringStillDiffers() {
        JsonNode neutral = values.neutralise(json("{\"id\":1023,\"ref\":\"1023\",\"items\":[{\"orderId\":12,"
                + "\"quantity\":2}],\"login\":\"kim_mhx81k2a\",\"price\":12.5}"));

        assertThat(neutral).isEqualTo(json("{\"id\":\"{{memberId}} (number)\",\"ref\":\"{{memberId}}\","
                + "\"items\":[{\"orderId\":\"{{orderId}} (number)\",\"quantity\":2}],\"login\":\"kim_{{unique}}\","
                + "\"price\":12.5}"));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
