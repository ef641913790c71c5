package dev.strangler.playbook.plan;

import dev.strangler.playbook.KitException;
import dev.strangler.playbook.YamlErrors;
import dev.strangler.playbook.action.Action;
import dev.strangler.playbook.check.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a playbook file: {@code ${VARIABLE:default}} is replaced from the environment first, then the YAML is read
 * strictly (a misspelt key is an error) and checked step by step. Every error names the file, and where the parser
 * knows it, the line and column.
 */
public final class PlaybookLoader {

    /** A variable whose default holds no other variable: nested ones are replaced from the inside out. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::((?:(?!\\$\\{)[^}])*))?}");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .build();

    /** The file as written; contexts are read by 'kit compare'. */
    record PlaybookFile(String name, Playbook.Endpoints endpoints, Map<String, Object> contexts, List<Step> steps) {
    }

    private PlaybookLoader() {
    }

    public static Playbook load(Path file, Map<String, String> environment) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw KitException.configuration("cannot read the playbook " + file + ": " + e.getMessage());
        }
        try {
            PlaybookFile parsed = YAML.readValue(interpolate(text, environment), PlaybookFile.class);
            Playbook playbook = new Playbook(parsed.name(), parsed.endpoints(),
                    parsed.steps() == null ? List.of() : List.copyOf(parsed.steps()));
            validate(file, playbook);
            return playbook;
        } catch (JacksonException e) {
            throw YamlErrors.configuration(file, e);
        }
    }

    static String interpolate(String text, Map<String, String> environment) {
        String replaced = replaceOnce(text, environment);
        return replaced.equals(text) ? text : interpolate(replaced, environment);
    }

    private static String replaceOnce(String text, Map<String, String> environment) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = environment.getOrDefault(matcher.group(1), matcher.group(2));
            if (value == null) {
                throw KitException.configuration("the playbook uses ${" + matcher.group(1)
                        + "}, which is not set and has no default");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(result).toString();
    }

    /** Every problem of the playbook at once, so one run of 'kit playbook plan' shows all there is to fix. */
    private static void validate(Path file, Playbook playbook) {
        List<String> problems = new ArrayList<>();
        if (playbook.name() == null || playbook.name().isBlank()) {
            problems.add("the playbook needs a name");
        }
        if (playbook.endpoints() == null) {
            problems.add("the playbook needs endpoints (proxy-admin, cdc-bridge, services)");
        }
        if (playbook.steps().isEmpty()) {
            problems.add("the playbook has no steps");
        }
        Set<String> ids = new HashSet<>();
        for (Step step : playbook.steps()) {
            if (step.id() == null || !step.id().matches("[a-z0-9][a-z0-9-]*")) {
                problems.add("every step needs an id of lower-case letters, digits and '-' (got '" + step.id() + "')");
            } else if (!ids.add(step.id())) {
                problems.add("step id '" + step.id() + "' is used twice");
            }
            if (playbook.endpoints() == null) {
                continue;
            }
            String where = "step '" + step.id() + "': ";
            for (Action action : concat(step.actions(), step.rollback())) {
                action.problems(playbook).forEach(problem -> problems.add(where + problem));
            }
            for (Check check : concat(concat(step.gates(), step.verify()), step.verifyRollback())) {
                check.problems(playbook).forEach(problem -> problems.add(where + problem));
            }
        }
        if (!problems.isEmpty()) {
            throw KitException.configuration(file + ": " + String.join("; ", problems));
        }
    }

    private static <T> List<T> concat(List<? extends T> first, List<? extends T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
