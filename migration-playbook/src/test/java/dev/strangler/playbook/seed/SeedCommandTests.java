package dev.strangler.playbook.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SeedCommandTests {

    private static SeedCommand parse(String... args) {
        SeedCommand command = new SeedCommand(KitContext.ofProcess());
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void defaultsAreTheDemoSizes() {
        assertThat(parse().plan()).isEqualTo(new SeedPlan(10_000, 50_000, 500, 42, 1000));
    }

    @Test
    void optionsOverrideTheDefaults() {
        assertThat(parse("--members", "1000000", "--orders", "0", "--seed", "7", "--batch-size", "5000").plan())
                .isEqualTo(new SeedPlan(1_000_000, 0, 500, 7, 5000));
    }

    @Test
    void ordersWithoutMembersAreAConfigurationErrorNamingTheOptions() {
        assertThatThrownBy(() -> parse("--members", "0").plan())
                .isInstanceOf(KitException.class)
                .hasMessageContaining("--members")
                .satisfies(e -> assertThat(((KitException) e).exitCode()).isEqualTo(KitException.USAGE_OR_CONFIGURATION));
    }
}
