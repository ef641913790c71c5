package dev.strangler.proxy.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonDiffTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void reportsNormalisedPathsOncePerFieldAcrossArrayElements() {
        JsonDiff diff = new JsonDiff(List.of(), List.of());

        assertThat(diff.differences(json("{\"a\":1,\"items\":[{\"p\":1},{\"p\":2}],\"gone\":true}"),
                json("{\"a\":2,\"items\":[{\"p\":9},{\"p\":8}],\"new\":1}")))
                .containsExactly("$.a", "$.gone", "$.items[*].p", "$.new");
        assertThat(diff.differences(json("{\"a\":[1,2]}"), json("{\"a\":[1]}"))).containsExactly("$.a");
        assertThat(diff.differences(json("{\"a\":{\"b\":[1]}}"), json("{\"a\":{\"b\":[1]}}"))).isEmpty();
    }

    @Test
    void ignoresConfiguredPathsIncludingAtAnyDepthAndAnyMember() {
        JsonDiff diff = new JsonDiff(JsonPathPattern.all(List.of("$.createdAt", "$..etag", "$.items[*].id",
                "$.meta.*")), List.of());

        assertThat(diff.differences(
                json("{\"createdAt\":1,\"x\":{\"y\":{\"etag\":\"a\"}},\"items\":[{\"id\":1,\"n\":1}],\"meta\":{\"q\":1}}"),
                json("{\"createdAt\":2,\"x\":{\"y\":{\"etag\":\"b\"}},\"items\":[{\"id\":7,\"n\":1}],\"meta\":{\"q\":2}}")))
                .isEmpty();
    }

    @Test
    void comparesUnorderedArraysAsMultisetsAndOrderedOnesByPosition() {
        JsonDiff diff = new JsonDiff(List.of(), JsonPathPattern.all(List.of("$.tags")));

        assertThat(diff.differences(json("{\"tags\":[\"a\",\"b\",\"b\"],\"order\":[1,2]}"),
                json("{\"tags\":[\"b\",\"a\",\"b\"],\"order\":[2,1]}"))).containsExactly("$.order[*]");
        assertThat(diff.differences(json("{\"tags\":[\"a\",\"b\"]}"), json("{\"tags\":[\"a\",\"a\"]}")))
                .containsExactly("$.tags[*]");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
