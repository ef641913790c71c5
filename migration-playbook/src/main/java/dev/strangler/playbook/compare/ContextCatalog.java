package dev.strangler.playbook.compare;

import dev.strangler.playbook.KitException;
import dev.strangler.playbook.YamlErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The contexts of a playbook file: which tables to reconcile and how their values translate. */
public final class ContextCatalog {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The part of the playbook file this reads. */
    record ContextsSection(Map<String, ContextBody> contexts) {
    }

    record ContextBody(List<ContextDefinition.TablePair> tables) {
    }

    private final Map<String, ContextDefinition> contexts;

    private ContextCatalog(Map<String, ContextDefinition> contexts) {
        this.contexts = contexts;
    }

    public static ContextCatalog load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw KitException.configuration("no playbook file at " + file);
        }
        try {
            ContextsSection section = YAML.readValue(file.toFile(), ContextsSection.class);
            Map<String, ContextBody> bodies = section.contexts() == null ? Map.of() : section.contexts();
            return new ContextCatalog(bodies.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    entry -> new ContextDefinition(entry.getKey(), List.copyOf(entry.getValue().tables())))));
        } catch (JacksonException e) {
            throw YamlErrors.configuration(file, e);
        }
    }

    /** The contexts' names, sorted. */
    public List<String> names() {
        return contexts.keySet().stream().sorted().toList();
    }

    public ContextDefinition context(String name) {
        ContextDefinition context = contexts.get(name);
        if (context == null) {
            throw KitException.configuration("no context '" + name + "' in the playbook; it has "
                    + String.join(", ", contexts.keySet().stream().sorted().toList()));
        }
        return context;
    }
}
