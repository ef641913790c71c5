package dev.strangler.memberservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.scenario.ScenarioReport;
import dev.strangler.scenario.ScenarioRunner;
import dev.strangler.scenario.ScenarioSuite;
import dev.strangler.scenario.StepResult;
import dev.strangler.service.ownership.OwnershipMode;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monolith's own scenarios for the member routes pass against the service in SERVICE_OWNS mode, unchanged.
 * Which files apply is written down next to the scenarios ({@code extracted-services.properties}).
 */
class MemberScenarioSuiteIntegrationTests extends MemberServiceIntegrationTest {

    private static final Path SCENARIOS = Path.of("..", "legacy-monolith", "scenarios");

    @Test
    void theMemberScenariosPassAgainstTheService(@TempDir Path selected) throws IOException {
        ownership(OwnershipMode.SERVICE_OWNS);
        List<String> files = scenarioFiles("member-service");
        for (String file : files) {
            Files.copy(SCENARIOS.resolve(file), selected.resolve(file));
        }
        ScenarioSuite suite = ScenarioSuite.load(selected);

        ScenarioReport report = new ScenarioRunner(URI.create("http://127.0.0.1:" + port)).run(suite);

        System.out.println(report.summary());
        assertThat(files).isNotEmpty();
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.count(StepResult.Outcome.PASSED)).isEqualTo(suite.stepCount());
    }

    static List<String> scenarioFiles(String service) throws IOException {
        Properties selection = new Properties();
        try (Reader reader = Files.newBufferedReader(SCENARIOS.resolve("extracted-services.properties"))) {
            selection.load(reader);
        }
        return List.of(selection.getProperty(service + ".scenarios").split(","));
    }
}
