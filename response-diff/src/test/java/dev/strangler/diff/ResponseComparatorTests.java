package dev.strangler.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ResponseComparatorTests {

    private final ResponseComparator comparator = new ResponseComparator(
            new DiffRules(List.of("$.at"), List.of("Content-Type", "Location"), List.of()), JsonMapper.builder().build());

    @Test
    void equalAnswersHaveNoDifferencesWhateverTheIgnoredFieldsAndTheContentTypeParameters() {
        assertThat(comparator.differences(
                answer(200, "application/json", "{\"id\":1,\"at\":\"t1\"}"),
                answer(200, "Application/JSON; charset=UTF-8", "{\"at\":\"t2\",\"id\":1}"))).isEmpty();
    }

    @Test
    void namesTheStatusTheComparedHeadersAndTheJsonPathsThatDiffer() {
        ComparedResponse left = new ComparedResponse(201, Map.of("content-type", List.of("application/json"),
                "Location", List.of("/api/things/1")), bytes("{\"id\":1,\"name\":\"a\"}"));
        ComparedResponse right = new ComparedResponse(409, Map.of("Content-Type",
                List.of("application/problem+json")), bytes("{\"id\":1,\"name\":\"b\"}"));

        assertThat(comparator.differences(left, right)).containsExactly(
                new Difference("$.name", "\"a\"", "\"b\""),
                new Difference("header:Content-Type", "application/json", "application/problem+json"),
                new Difference("header:Location", "/api/things/1", "missing"),
                new Difference("status", "201", "409"));
    }

    @Test
    void bodiesThatAreNotBothJsonAreComparedByTheirBytes() {
        assertThat(comparator.differences(answer(200, "text/plain", "same"), answer(200, "text/plain", "same")))
                .isEmpty();
        assertThat(comparator.differences(answer(200, "text/plain", "one"), answer(200, "text/plain", "")))
                .containsExactly(new Difference("body", "one", "empty"));
        assertThat(Difference.paths(comparator.differences(answer(200, "application/json", "{\"a\":1}"),
                answer(200, "application/json", "not json")))).containsExactly("body");
    }

    private static ComparedResponse answer(int status, String contentType, String body) {
        return new ComparedResponse(status, Map.of("Content-Type", List.of(contentType)), bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
