package dev.strangler.diff;

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

        assertThat(paths(diff, "{\"a\":1,\"items\":[{\"p\":1},{\"p\":2}],\"gone\":true}",
                "{\"a\":2,\"items\":[{\"p\":9},{\"p\":8}],\"new\":1}"))
                .containsExactly("$.a", "$.gone", "$.items[*].p", "$.new");
        assertThat(paths(diff, "{\"a\":[1,2]}", "{\"a\":[1]}")).containsExactly("$.a");
        assertThat(paths(diff, "{\"a\":{\"b\":[1]}}", "{\"a\":{\"b\":[1]}}")).isEmpty();
    }

    @Test
    void keepsTheFirstPairOfValuesSeenAtAPathAndSaysWhenOneSideHasNone() {
        JsonDiff diff = new JsonDiff(List.of(), List.of());

        assertThat(diff.differences(json("{\"items\":[{\"p\":1},{\"p\":2}],\"gone\":\"x\"}"),
                json("{\"items\":[{\"p\":9},{\"p\":8}]}")))
                .containsExactly(new Difference("$.gone", "\"x\"", "missing"),
                        new Difference("$.items[*].p", "1", "9"));
    }

    @Test
    void ignoresConfiguredPathsIncludingAtAnyDepthAndAnyMember() {
        JsonDiff diff = new JsonDiff(JsonPathPattern.all(List.of("$.createdAt", "$..etag", "$.items[*].id",
                "$.meta.*")), List.of());

        assertThat(paths(diff,
                "{\"createdAt\":1,\"x\":{\"y\":{\"etag\":\"a\"}},\"items\":[{\"id\":1,\"n\":1}],\"meta\":{\"q\":1}}",
                "{\"createdAt\":2,\"x\":{\"y\":{\"etag\":\"b\"}},\"items\":[{\"id\":7,\"n\":1}],\"meta\":{\"q\":2}}"))
                .isEmpty();
    }

    @Test
    void comparesUnorderedArraysAsMultisetsAndOrderedOnesByPosition() {
        JsonDiff diff = new JsonDiff(List.of(), JsonPathPattern.all(List.of("$.tags")));

        assertThat(paths(diff, "{\"tags\":[\"a\",\"b\",\"b\"],\"order\":[1,2]}",
                "{\"tags\":[\"b\",\"a\",\"b\"],\"order\":[2,1]}")).containsExactly("$.order[*]");
        assertThat(paths(diff, "{\"tags\":[\"a\",\"b\"]}", "{\"tags\":[\"a\",\"a\"]}"))
                .containsExactly("$.tags[*]");
    }

    private static List<String> paths(JsonDiff diff, String left, String right) {
        return diff.differences(json(left), json(right)).stream().map(Difference::path).toList();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
