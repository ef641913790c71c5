package dev.strangler.playbook.compare.http;

import dev.strangler.diff.JsonPathPattern;
import dev.strangler.scenario.Captures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The values the two runs of one scenario made up, which they cannot share: each run's unique token (in login ids,
 * e-mails, names) and the ids its steps captured. Where the candidate's answer holds its own such value in the same
 * place as the legacy answer holds the legacy run's value of the same name ({@code "id": 88} against
 * {@code "id": 10231}, both {@code memberId}; {@code "Member 88 has 1 open order"} against
 * {@code "Member 10231 has 1 open order"}), the candidate's value is replaced by the legacy one, so that the diff sees
 * no difference there. Everything else is left alone: a value equal on both sides is never touched, and a number
 * against a string never corresponds.
 */
final class RunSpecificValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern WORD = Pattern.compile("\\p{Alnum}+");

    /** One word each side (an id such as 10231): compared word by word, so it never matches inside another. */
    private final List<Pair> words;
    /** Values with other characters in them, and the unique token, which may abut letters: replaced wherever found. */
    private final List<Pair> phrases;
    private final List<JsonPathPattern> ignored;
    private final List<JsonPathPattern> unordered;

    /** The same capture on both sides. */
    private record Pair(JsonNode legacy, JsonNode candidate) {

        String legacyText() {
            return legacy.asString();
        }

        String candidateText() {
            return candidate.asString();
        }
    }

    RunSpecificValues(Map<String, JsonNode> legacy, Map<String, JsonNode> candidate, List<JsonPathPattern> ignored,
                      List<JsonPathPattern> unordered) {
        List<Pair> wordPairs = new ArrayList<>();
        List<Pair> phrasePairs = new ArrayList<>();
        legacy.forEach((name, value) -> {
            JsonNode other = candidate.get(name);
            if (other != null && scalar(value) && scalar(other)) {
                Pair pair = new Pair(value, other);
                boolean word = !name.equals(Captures.UNIQUE) && WORD.matcher(pair.legacyText()).matches()
                        && WORD.matcher(pair.candidateText()).matches();
                (word ? wordPairs : phrasePairs).add(pair);
            }
        });
        this.words = List.copyOf(wordPairs);
        this.phrases = List.copyOf(phrasePairs);
        this.ignored = List.copyOf(ignored);
        this.unordered = List.copyOf(unordered);
    }

    /** The candidate's answer with its run-specific values replaced wherever they correspond to the legacy's. */
    JsonNode align(JsonNode legacy, JsonNode candidate) {
        return align(legacy, candidate, "$");
    }

    /** The legacy text when the two differ only by corresponding run-specific values, else the candidate's own. */
    String align(String legacy, String candidate) {
        if (legacy.equals(candidate)) {
            return candidate;
        }
        String replaced = candidate;
        for (Pair phrase : phrases) {
            replaced = replaced.replace(phrase.candidateText(), phrase.legacyText());
        }
        List<String> legacyWords = wordsOf(legacy);
        List<String> candidateWords = wordsOf(replaced);
        boolean sameShape = WORD.matcher(legacy).replaceAll("").equals(WORD.matcher(replaced).replaceAll(""))
                && legacyWords.size() == candidateWords.size();
        if (!sameShape) {
            return candidate;
        }
        for (int i = 0; i < legacyWords.size(); i++) {
            String a = legacyWords.get(i);
            String b = candidateWords.get(i);
            if (!a.equals(b) && words.stream().noneMatch(pair -> pair.legacyText().equals(a)
                    && pair.candidateText().equals(b))) {
                return candidate;
            }
        }
        return legacy;
    }

    private JsonNode align(JsonNode legacy, JsonNode candidate, String path) {
        if (legacy.isObject() && candidate.isObject()) {
            ObjectNode copy = NODES.objectNode();
            candidate.properties().forEach(member -> {
                JsonNode other = legacy.get(member.getKey());
                String child = path + "." + member.getKey();
                if (!JsonPathPattern.anyMatches(ignored, child)) {
                    copy.set(member.getKey(), other == null ? member.getValue()
                            : align(other, member.getValue(), child));
                }
            });
            // Ignored members are not compared: the legacy's stand in, so that they cannot stop an element of an
            // unordered array from finding its counterpart.
            legacy.properties().stream()
                    .filter(member -> JsonPathPattern.anyMatches(ignored, path + "." + member.getKey()))
                    .forEach(member -> copy.set(member.getKey(), member.getValue()));
            return copy;
        }
        if (legacy.isArray() && candidate.isArray()) {
            return JsonPathPattern.anyMatches(unordered, path) ? alignInAnyOrder(legacy, candidate, path + "[*]")
                    : alignByPosition(legacy, candidate, path + "[*]");
        }
        if (legacy.isNumber() && candidate.isNumber()) {
            boolean corresponds = words.stream().anyMatch(pair -> sameNumber(pair.legacy(), legacy)
                    && sameNumber(pair.candidate(), candidate));
            return corresponds ? legacy : candidate;
        }
        if (legacy.isString() && candidate.isString()) {
            String aligned = align(legacy.stringValue(), candidate.stringValue());
            return aligned.equals(legacy.stringValue()) ? legacy : candidate;
        }
        return candidate;
    }

    private ArrayNode alignByPosition(JsonNode legacy, JsonNode candidate, String elementPath) {
        ArrayNode copy = NODES.arrayNode();
        for (int i = 0; i < candidate.size(); i++) {
            copy.add(i < legacy.size() ? align(legacy.get(i), candidate.get(i), elementPath) : candidate.get(i));
        }
        return copy;
    }

    /** Greedy: each candidate element takes the first legacy element it becomes equal to that no earlier one took. */
    private ArrayNode alignInAnyOrder(JsonNode legacy, JsonNode candidate, String elementPath) {
        boolean[] taken = new boolean[legacy.size()];
        ArrayNode copy = NODES.arrayNode();
        for (JsonNode element : candidate.values()) {
            JsonNode aligned = element;
            for (int i = 0; i < legacy.size() && aligned == element; i++) {
                if (!taken[i] && align(legacy.get(i), element, elementPath).equals(legacy.get(i))) {
                    taken[i] = true;
                    aligned = legacy.get(i);
                }
            }
            copy.add(aligned);
        }
        return copy;
    }

    private static List<String> wordsOf(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static boolean sameNumber(JsonNode captured, JsonNode value) {
        return captured.isNumber() && captured.decimalValue().compareTo(value.decimalValue()) == 0;
    }

    private static boolean scalar(JsonNode value) {
        return (value.isNumber() || value.isString()) && !value.asString().isBlank();
    }
}
