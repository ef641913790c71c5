package dev.strangler.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenarios of one directory: every {@code *.json} file holds one scenario; they run in file-name order.
 */
public record ScenarioSuite(List<Scenario> scenarios) {

    static final JsonMapper JSON = JsonMapper.builder()
            // A misspelt key ("expcet") must fail loading, not silently drop an expectation.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ScenarioSuite {
        scenarios = List.copyOf(scenarios);
        Set<String> names = new HashSet<>();
        for (Scenario scenario : scenarios) {
            if (!names.add(scenario.name())) {
                throw new ScenarioException("two scenarios are named '" + scenario.name() + "'");
            }
        }
    }

    public static ScenarioSuite load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ScenarioException("scenario directory " + directory.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jsonFiles = files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
            if (jsonFiles.isEmpty()) {
                throw new ScenarioException("no *.json scenario files in " + directory.toAbsolutePath());
            }
            return new ScenarioSuite(jsonFiles.stream().map(ScenarioSuite::read).toList());
        } catch (IOException e) {
            throw new ScenarioException("cannot list " + directory.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    static Scenario read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Scenario.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ScenarioException("scenario file " + file.getFileName() + " is invalid: " + e.getMessage(), e);
        }
    }

    public int stepCount() {
        return scenarios.stream().mapToInt(scenario -> scenario.steps().size()).sum();
    }
}
