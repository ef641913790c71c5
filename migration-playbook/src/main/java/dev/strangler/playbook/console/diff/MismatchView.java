package dev.strangler.playbook.console.diff;

import dev.strangler.playbook.compare.http.HighlightedJson;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One group of mismatches (the same differing fields) with its first example's two answers side by side, the
 * differing paths marked.
 *
 * @param fields        the differing fields: JSON paths, {@code status} or {@code header:Name}
 * @param count         how many compared requests differed in exactly these
 * @param firstSeen     when the first did
 * @param lastSeen      when the latest did
 * @param request       the example's method and path
 * @param legacyStatus  the monolith's status
 * @param extractedStatus the extracted service's status
 * @param legacyHtml    the monolith's answer as escaped HTML with the differences marked
 * @param extractedHtml the extracted service's answer, likewise
 * @param ignorable     the JSON paths among the fields, which "ignore this path" can take
 */
public record MismatchView(List<String> fields, long count, String firstSeen, String lastSeen, String request,
                           int legacyStatus, int extractedStatus, String legacyHtml, String extractedHtml,
                           List<String> ignorable) {

    static MismatchView of(JsonNode group) {
        List<String> fields = group.path("fields").valueStream().map(JsonNode::asString).toList();
        Set<String> marked = new LinkedHashSet<>(fields);
        JsonNode example = group.path("examples").path(0);
        return new MismatchView(fields, group.path("count").asLong(), group.path("firstSeen").asString(),
                group.path("lastSeen").asString(),
                example.path("method").asString("") + " " + example.path("path").asString(""),
                example.path("legacyStatus").asInt(), example.path("extractedStatus").asInt(),
                HighlightedJson.html(example.path("legacyBody").asString(""), marked),
                HighlightedJson.html(example.path("extractedBody").asString(""), marked),
                fields.stream().filter(field -> field.startsWith("$")).toList());
    }
}
