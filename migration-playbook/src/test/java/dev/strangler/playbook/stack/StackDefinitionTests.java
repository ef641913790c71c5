package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackDefinitionTests {

    private final StackLayout layout = new StackLayout(Path.of("/repo"), Path.of("/repo/.kit"));

    @Test
    void startsInfrastructureThenTheServicesOnTheDefaultPorts() {
        StackDefinition stack = StackDefinition.fromEnvironment(Map.of(), layout);

        assertThat(stack.infrastructure()).extracting(StackComponent::name).containsExactly("mariadb", "kafka");
        assertThat(stack.services()).extracting(StackComponent::name).containsExactly("legacy-monolith",
                "extracted-member-service", "extracted-order-service", "cdc-bridge", "strangler-proxy",
                "migration-console");
        assertThat(stack.all()).extracting(StackComponent::url).contains("http://127.0.0.1:8080",
                "http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:8083", "http://127.0.0.1:8084",
                "http://127.0.0.1:8070");
        assertThat(stack.services().get(5).command()).endsWith("-jar", "/repo/.kit/run/jars/kit.jar", "console");
        assertThat(stack.services().get(0).artifact()).isEqualTo(Path.of("/repo/legacy-monolith/target/legacy-monolith.war"));
        assertThat(stack.services().get(0).command()).endsWith("-jar", "/repo/.kit/run/jars/legacy-monolith.war");
        assertThat(stack.infrastructure().get(1).command())
                .endsWith("-jar", "/repo/.kit/run/jars/kit.jar", "infra", "kafka");
    }

    @Test
    void tellsEveryServiceTheSameSettings() {
        StackDefinition stack = StackDefinition.fromEnvironment(Map.of("KIT_DB_PORT", "4406", "MONOLITH_PORT", "9181"), layout);

        assertThat(stack.services()).allSatisfy(service -> assertThat(service.environment())
                .containsEntry("KIT_DB_PORT", "4406")
                .containsEntry("LEGACY_URL", "http://127.0.0.1:9181")
                .containsEntry("KIT_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
    }

    @Test
    void theProxyIsCheckedOnItsAdminPortAndBothPortsAreReserved() {
        StackComponent proxy = StackDefinition.fromEnvironment(Map.of("PROXY_ADMIN_PORT", "9190"), layout).services().get(4);

        assertThat(proxy.ports()).containsExactly(new PortSetting(8080, "PROXY_PORT"), new PortSetting(9190, "PROXY_ADMIN_PORT"));
    }

    @Test
    void givesEveryAdminApiTheKitsTokenUnlessOneIsSetApart() {
        StackDefinition stack = StackDefinition.fromEnvironment(
                Map.of("PROXY_ADMIN_TOKEN", "kit-token", "ORDER_ADMIN_TOKEN", "order-token"), layout);

        assertThat(stack.services().get(0).environment())
                .containsEntry("PROXY_ADMIN_TOKEN", "kit-token")
                .containsEntry("MEMBER_ADMIN_TOKEN", "kit-token")
                .containsEntry("ORDER_ADMIN_TOKEN", "order-token");
    }

    @Test
    void leavesOutWhatRunsElsewhere() {
        StackDefinition stack = StackDefinition.fromEnvironment(
                Map.of("KIT_DB_HOST", "mysql.internal", "KIT_KAFKA_BOOTSTRAP", "kafka-1:9092,kafka-2:9092"), layout);

        assertThat(stack.infrastructure()).isEmpty();
        assertThat(stack.services().get(0).environment())
                .containsEntry("KIT_DB_HOST", "mysql.internal")
                .containsEntry("KIT_KAFKA_BOOTSTRAP", "kafka-1:9092,kafka-2:9092");
    }

    @Test
    void namesTheVariableOfABadPort() {
        assertThatThrownBy(() -> StackDefinition.fromEnvironment(Map.of("ORDER_SERVICE_PORT", "70000"), layout))
                .hasMessageContaining("ORDER_SERVICE_PORT");
    }
}
