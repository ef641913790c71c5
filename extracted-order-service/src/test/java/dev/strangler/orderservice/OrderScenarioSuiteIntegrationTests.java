package dev.strangler.orderservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.orderservice.support.InProcessMonolith;
import dev.strangler.orderservice.support.LegacyChangeRelay;
import dev.strangler.orderservice.support.StranglerFront;
import dev.strangler.scenario.ScenarioReport;
import dev.strangler.scenario.ScenarioRunner;
import dev.strangler.scenario.ScenarioSuite;
import dev.strangler.scenario.StepResult;
import dev.strangler.service.ownership.OwnershipMode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monolith's own order scenarios pass, unchanged, with orders cut over to the service: a front routes the order
 * routes to the service and the rest to the monolith, and a relay carries changes across as the CDC bridge does.
 * Which files apply is written down next to the scenarios ({@code extracted-services.properties}).
 */
class OrderScenarioSuiteIntegrationTests extends OrderServiceIntegrationTest {

    private static final Path SCENARIOS = Path.of("..", "legacy-monolith", "scenarios");

    @Test
    void theOrderScenariosPassAgainstTheService(@TempDir Path selected) throws IOException {
        ownership(OwnershipMode.SERVICE_OWNS);
        List<String> files = scenarioFiles("order-service");
        for (String file : files) {
            Files.copy(SCENARIOS.resolve(file), selected.resolve(file));
        }
        ScenarioSuite suite = ScenarioSuite.load(selected);
        LegacyChangeRelay relay = new LegacyChangeRelay(legacyDb(), jdbc, kafka);
        relay.forward();

        ScenarioReport report;
        try (StranglerFront front = new StranglerFront(InProcessMonolith.url(), "http://127.0.0.1:" + port, relay)) {
            report = new ScenarioRunner(front.url()).run(suite);
        }

        System.out.println(report.summary());
        assertThat(files).isNotEmpty();
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.count(StepResult.Outcome.PASSED)).isEqualTo(suite.stepCount());
    }

    private static List<String> scenarioFiles(String service) throws IOException {
        Properties selection = new Properties();
        try (Reader reader = Files.newBufferedReader(SCENARIOS.resolve("extracted-services.properties"))) {
            selection.load(reader);
        }
        return List.of(selection.getProperty(service + ".scenarios").split(","));
    }
}
