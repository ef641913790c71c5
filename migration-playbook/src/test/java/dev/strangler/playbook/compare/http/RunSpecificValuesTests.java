package dev.strangler.playbook.compare.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.diff.JsonPathPattern;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RunSpecificValuesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunSpecificValues values = new RunSpecificValues(
            Map.of("unique", text("mhx81k2a"), "memberId", number(10231), "orderId", number(1),
                    "ref", text("a1b2-c3")),
            Map.of("unique", text("mhx9zz0q"), "memberId", number(88), "orderId", number(7), "ref", text("e5f6-g7")),
            JsonPathPattern.all(List.of("$..joinedAt")), JsonPathPattern.all(List.of("$.content")));

    @Test
    void textsThatDifferOnlyByCorrespondingValuesAreTheSame() {
        assertThat(values.align("/api/members/10231/orders?q=kim_mhx81k2a", "/api/members/88/orders?q=kim_mhx9zz0q"))
                .isEqualTo("/api/members/10231/orders?q=kim_mhx81k2a");
        assertThat(values.align("ref a1b2-c3 of order 1", "ref e5f6-g7 of order 7")).isEqualTo("ref a1b2-c3 of order 1");
    }

    @Test
    void aNumberThatEqualsAnIdOnOneSideIsLeftAloneAndARealDifferenceStays() {
        // Order id 1 on the legacy side; "1 open order" is a count, the same on both sides.
        assertThat(values.align("Member 10231 has 1 open order", "Member 88 has 1 open order"))
                .isEqualTo("Member 10231 has 1 open order");
        assertThat(values.align("Member 10231 has 1 open order", "Member 88 has 2 open orders"))
                .isEqualTo("Member 88 has 2 open orders");
        assertThat(values.align("Member 10231", "Member 10231x")).isEqualTo("Member 10231x");
    }

    @Test
    void jsonValuesAreLinedUpInPlaceAndAnIdTurnedIntoAStringStillDiffers() {
        JsonNode legacy = json("{\"id\":10231,\"orderIds\":[1],\"quantity\":1,\"login\":\"kim_mhx81k2a\",\"grade\":\"VIP\"}");
        JsonNode candidate = json("{\"id\":88,\"orderIds\":[7],\"quantity\":3,\"login\":\"kim_mhx9zz0q\",\"grade\":\"GOLD\"}");

        assertThat(values.align(legacy, candidate)).isEqualTo(json(
                "{\"id\":10231,\"orderIds\":[1],\"quantity\":3,\"login\":\"kim_mhx81k2a\",\"grade\":\"GOLD\"}"));
        assertThat(values.align(json("{\"id\":10231}"), json("{\"id\":\"88\"}"))).isEqualTo(json("{\"id\":\"88\"}"));
    }

    @Test
    void elementsOfAnUnorderedArrayFindTheirCounterpartInAnyOrderWhateverTheirIgnoredFields() {
        JsonNode legacy = json("{\"content\":[{\"id\":1,\"n\":\"a\",\"joinedAt\":\"t1\"},{\"id\":10231,\"n\":\"b\"}]}");
        JsonNode candidate = json("{\"content\":[{\"id\":88,\"n\":\"b\"},{\"id\":7,\"n\":\"a\",\"joinedAt\":\"t9\"}]}");

        assertThat(values.align(legacy, candidate)).isEqualTo(json(
                "{\"content\":[{\"id\":10231,\"n\":\"b\"},{\"id\":1,\"n\":\"a\",\"joinedAt\":\"t1\"}]}"));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static JsonNode text(String value) {
        return JSON.getNodeFactory().stringNode(value);
    }

    private static JsonNode number(long value) {
        return JSON.getNodeFactory().numberNode(value);
    }
}
