package dev.strangler.playbook.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.playbook.KitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCatalogTests {

    @TempDir
    Path directory;

    @Test
    void readsTheDemoPlaybooksContexts() {
        ContextCatalog catalog = ContextCatalog.load(Path.of("playbooks/members-and-orders.yml"));

        assertThat(catalog.context("members").tables()).singleElement()
                .satisfies(pair -> assertThat(pair.extracted().table()).isEqualTo("MEMBER"));
        assertThat(catalog.context("orders").tables()).hasSize(2);
    }

    @Test
    void namesFileLineAndColumnOfInvalidYaml() throws IOException {
        Path file = Files.writeString(directory.resolve("broken.yml"), "contexts:\n  members:\n    tables: [ { legacy: \n");

        assertThatThrownBy(() -> ContextCatalog.load(file))
                .isInstanceOf(KitException.class)
                .hasMessageStartingWith(file + ":");
        assertThatThrownBy(() -> ContextCatalog.load(file)).hasMessageMatching(".*broken\\.yml:\\d+:\\d+: [^\\n]+");
    }

    @Test
    void namesTheContextsThereAreWhenOneIsUnknown() {
        ContextCatalog catalog = ContextCatalog.load(Path.of("playbooks/members-and-orders.yml"));

        assertThatThrownBy(() -> catalog.context("payments"))
                .hasMessage("no context 'payments' in the playbook; it has members, orders");
    }
}
