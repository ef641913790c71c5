package dev.strangler.playbook.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.playbook.KitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookLoaderTests {

    @TempDir
    Path directory;

    @Test
    void readsTheDemoPlaybookWithEndpointsFromTheEnvironment() {
        Playbook playbook = PlaybookLoader.load(Path.of("playbooks/members-and-orders.yml"),
                Map.of("PROXY_ADMIN_PORT", "9190", "ORDER_SERVICE_URL", "http://orders.internal"));

        assertThat(playbook.name()).isEqualTo("members-and-orders");
        assertThat(playbook.endpoints().proxyAdmin()).isEqualTo("http://127.0.0.1:9190");
        assertThat(playbook.endpoints().services()).containsEntry("order", "http://orders.internal")
                .containsEntry("member", "http://127.0.0.1:8082");
        assertThat(playbook.steps()).extracting(Step::id).startsWith("members-backfilled", "members-shadow")
                .contains("members-write-cutover", "orders-write-cutover");
    }

    @Test
    void interpolatesNestedDefaultsFromTheInsideOut() {
        assertThat(PlaybookLoader.interpolate("${A:x-${B:1}-y}", Map.of())).isEqualTo("x-1-y");
        assertThat(PlaybookLoader.interpolate("${A:x-${B:1}-y}", Map.of("B", "2"))).isEqualTo("x-2-y");
        assertThat(PlaybookLoader.interpolate("${A:x-${B:1}-y}", Map.of("A", "set"))).isEqualTo("set");
    }

    @Test
    void namesFileLineAndColumnOfAnUnknownActionType() throws IOException {
        Path file = write("name: p\nendpoints: {proxy-admin: a, cdc-bridge: b, services: {}}\nsteps:\n"
                + "  - id: one\n    actions:\n      - { type: teleport }\n");

        assertThatThrownBy(() -> PlaybookLoader.load(file, Map.of()))
                .isInstanceOf(KitException.class)
                .hasMessageContaining(file + ":6:")
                .hasMessageContaining("teleport");
    }

    @Test
    void refusesAStepThatNamesAnUnknownServiceOrRepeatsAnId() throws IOException {
        Path unknownService = write("name: p\nendpoints: {proxy-admin: a, cdc-bridge: b, services: {member: m}}\nsteps:\n"
                + "  - id: one\n    actions:\n      - { type: set-ownership, service: billing, mode: SERVICE_OWNS }\n");
        Path repeated = write("name: p\nendpoints: {proxy-admin: a, cdc-bridge: b, services: {}}\nsteps:\n"
                + "  - id: one\n  - id: one\n");

        assertThatThrownBy(() -> PlaybookLoader.load(unknownService, Map.of()))
                .hasMessageContaining("step 'one': set-ownership needs a service listed under endpoints.services");
        assertThatThrownBy(() -> PlaybookLoader.load(repeated, Map.of())).hasMessageContaining("step id 'one' is used twice");
    }

    @Test
    void reportsEveryProblemOfThePlaybookAtOnce() throws IOException {
        Path file = write("name: p\nendpoints: {proxy-admin: a, cdc-bridge: b, services: {}}\nsteps:\n"
                + "  - id: one\n    gates:\n      - { type: error-rate, route: r, max-percent: 1, min-requests: 0 }\n"
                + "    actions:\n      - { type: flip-route, route: r, mode: SIDEWAYS }\n"
                + "      - { type: drain, within: soon }\n");

        assertThatThrownBy(() -> PlaybookLoader.load(file, Map.of()))
                .hasMessageContaining("min-requests must be at least 1; a gate never passes on nothing")
                .hasMessageContaining("flip-route needs a route and a mode among")
                .hasMessageContaining("within must look like 500ms, 30s or 2m, not 'soon'");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "playbook", ".yml"), yaml);
    }
}
