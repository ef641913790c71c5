package dev.strangler.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The values a scenario has captured so far ({@code {{capture:memberId}}}), plus {@code unique}: a token that
 * differs per run and per scenario, so that re-running a suite on the same database creates fresh login ids.
 */
public final class Captures {

    /** The name of the run's unique token. */
    public static final String UNIQUE = "unique";

    private final Map<String, JsonNode> values = new LinkedHashMap<>();

    private Captures() {
    }

    public static Captures withUniqueToken(String token) {
        Captures captures = new Captures();
        captures.values.put(UNIQUE, JsonNodeFactory.instance.stringNode(token));
        return captures;
    }

    public Optional<JsonNode> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public void put(String name, JsonNode value) {
        values.put(name, value);
    }

    /** Everything captured so far, and the unique token under {@link #UNIQUE}, in the order they came. */
    public Map<String, JsonNode> values() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A copy to try a match on: an array element that ends up unmatched must not leave captures behind. */
    Captures copy() {
        Captures copy = new Captures();
        copy.values.putAll(values);
        return copy;
    }

    void replaceWith(Captures other) {
        values.clear();
        values.putAll(other.values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
