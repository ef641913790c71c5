package dev.strangler.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.scenario.ScenarioReport;
import dev.strangler.scenario.ScenarioRunner;
import dev.strangler.scenario.ScenarioSuite;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The monolith's HTTP contract, as written down in {@code scenarios/}, holds against the monolith itself. */
class LegacyScenarioSuiteIntegrationTests extends MonolithIntegrationTest {

    @Test
    void theWholeScenarioSuitePasses() {
        ScenarioSuite suite = ScenarioSuite.load(Path.of("scenarios"));

        ScenarioReport report = new ScenarioRunner(URI.create("http://localhost:" + port)).run(suite);

        System.out.println(report.summary());
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.count(dev.strangler.scenario.StepResult.Outcome.PASSED)).isEqualTo(suite.stepCount());
    }

    @Test
    void theSuiteRunsTwiceOnTheSameDatabase() {
        ScenarioSuite suite = ScenarioSuite.load(Path.of("scenarios"));
        ScenarioRunner runner = new ScenarioRunner(URI.create("http://localhost:" + port));

        runner.run(suite);
        ScenarioReport second = runner.run(suite);

        assertThat(second.passed()).as(second.render()).isTrue();
    }
}
