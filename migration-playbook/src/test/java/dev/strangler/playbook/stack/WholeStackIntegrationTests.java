package dev.strangler.playbook.stack;

import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The whole stack through the real launcher ({@code java -jar target/kit.jar}), started once: first under failure
 * ({@link KitStackIntegrationTests}), then migrated by the playbook on what the faults left
 * ({@link PlaybookIntegrationTests}), then stopped ({@link StackDownIntegrationTests}). Runs after packaging
 * (failsafe).
 */
@Suite
@SelectClasses({KitStackIntegrationTests.class, PlaybookIntegrationTests.class, ConsoleBrowserIntegrationTests.class,
        StackDownIntegrationTests.class})
class WholeStackIntegrationTests {

    @AfterSuite
    static void down() throws Exception {
        WholeStack.down();
    }
}
