package dev.strangler.playbook.plan;

import dev.strangler.playbook.KitException;
import dev.strangler.playbook.YamlErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final Set<String> ROUTE_MODES = Set.of("LEGACY", "SHADOW", "CANARY", "EXTRACTED");
    private static final Set<String> OWNERSHIP_MODES = Set.of("LEGACY_OWNS", "SERVICE_OWNS");

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

    private static void validate(Path file, Playbook playbook) {
        require(playbook.name() != null && !playbook.name().isBlank(), file, "the playbook needs a name");
        require(playbook.endpoints() != null, file, "the playbook needs endpoints (proxy-admin, cdc-bridge, services)");
        require(!playbook.steps().isEmpty(), file, "the playbook has no steps");
        Set<String> ids = new HashSet<>();
        for (Step step : playbook.steps()) {
            require(step.id() != null && step.id().matches("[a-z0-9][a-z0-9-]*"), file,
                    "every step needs an id of lower-case letters, digits and '-' (got '" + step.id() + "')");
            require(ids.add(step.id()), file, "step id '" + step.id() + "' is used twice");
            step.actions().forEach(action -> validate(file, playbook, step, action));
            step.rollback().forEach(action -> validate(file, playbook, step, action));
            step.gates().forEach(check -> validate(file, playbook, step, check));
            step.verify().forEach(check -> validate(file, playbook, step, check));
        }
    }

    private static void validate(Path file, Playbook playbook, Step step, Action action) {
        String where = "step '" + step.id() + "': " + (action.type() == null ? "an action without a type" : action.describe());
        require(action.type() != null, file, where);
        switch (action.type()) {
            case FLIP_ROUTE -> require(action.route() != null && ROUTE_MODES.contains(action.mode()), file,
                    where + " needs a route and a mode among " + ROUTE_MODES);
            case SET_OWNERSHIP -> require(OWNERSHIP_MODES.contains(action.mode()) && knownService(playbook, action.service()),
                    file, where + " needs a service listed under endpoints.services and a mode among " + OWNERSHIP_MODES);
            case REVERSE_PATH -> require(action.enabled() != null, file, where + " needs enabled: true or false");
        }
    }

    private static void validate(Path file, Playbook playbook, Step step, Check check) {
        String where = "step '" + step.id() + "': check " + check.type();
        require(check.type() != null, file, "step '" + step.id() + "': a check without a type");
        switch (check.type()) {
            case RECONCILIATION -> require(check.context() != null, file, where + " needs a context");
            case CDC_LAG -> require(check.maxLagMillis() != null, file, where + " needs max-lag-millis");
            case SHADOW_PARITY -> require(check.route() != null && check.minPercent() != null, file,
                    where + " needs a route and min-percent");
            case ERROR_RATE -> require(check.route() != null && check.maxPercent() != null, file,
                    where + " needs a route and max-percent");
            case ROUTE_MODE -> require(check.route() != null && ROUTE_MODES.contains(check.mode()), file,
                    where + " needs a route and a mode among " + ROUTE_MODES);
            case OWNERSHIP -> require(knownService(playbook, check.service()) && OWNERSHIP_MODES.contains(check.mode()),
                    file, where + " needs a service listed under endpoints.services and a mode among " + OWNERSHIP_MODES);
        }
    }

    private static boolean knownService(Playbook playbook, String service) {
        return service != null && playbook.endpoints().services() != null
                && playbook.endpoints().services().containsKey(service);
    }

    private static void require(boolean condition, Path file, String message) {
        if (!condition) {
            throw KitException.configuration(file + ": " + message);
        }
    }
}
