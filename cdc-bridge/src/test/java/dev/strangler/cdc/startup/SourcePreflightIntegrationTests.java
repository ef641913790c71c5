package dev.strangler.cdc.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.cdc.CdcTestSettings;
import dev.strangler.cdc.LegacySchema;
import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.KafkaConnection;
import dev.strangler.cdc.forward.CaptureMetrics;
import dev.strangler.cdc.forward.CapturePause;
import dev.strangler.cdc.forward.ForwardCapture;
import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad setting stops start-up with the setting to fix, before any offset is written. */
class SourcePreflightIntegrationTests {

    private final InfraSettings infra = LegacySchema.ensure();

    @TempDir
    Path storage;

    @Test
    void aWrongPasswordNamesTheAccountSettings() {
        CdcProperties cdc = CdcTestSettings.capture(infra, "wrong-password", List.of("TB_MEMBER"), "pw", storage);

        assertThatThrownBy(() -> start(cdc, infra.kafkaBootstrapServers()))
                .isInstanceOf(CdcStartupException.class)
                .hasMessageContaining("refused the CDC account 'kit_cdc'")
                .extracting(e -> ((CdcStartupException) e).action()).asString().contains("CDC_DB_PASSWORD");
        assertThat(storage).as("nothing written, no offsets").isEmptyDirectory();
    }

    @Test
    void aMissingTableNamesTheTableSetting() {
        CdcProperties cdc = CdcTestSettings.capture(infra, infra.cdc().password(), List.of("TB_MEMBER", "TB_NO_SUCH"),
                "missing", storage);

        assertThatThrownBy(() -> start(cdc, infra.kafkaBootstrapServers()))
                .isInstanceOf(CdcStartupException.class)
                .hasMessageContaining(infra.legacy().database() + ".TB_NO_SUCH does not exist")
                .extracting(e -> ((CdcStartupException) e).action()).asString().contains("kit.cdc.tables[1].table");
        assertThat(storage).as("nothing written, no offsets").isEmptyDirectory();
    }

    @Test
    void aBinlogThatIsNotRowBasedIsRefused() throws Exception {
        CdcProperties cdc = CdcTestSettings.capture(infra, "statement", storage);
        SharedInfrastructure.get().database().runAsAdministrator("SET GLOBAL binlog_format = 'MIXED'");
        try {
            assertThatThrownBy(() -> start(cdc, infra.kafkaBootstrapServers()))
                    .isInstanceOf(CdcStartupException.class)
                    .hasMessageContaining("binlog_format = MIXED")
                    .extracting(e -> ((CdcStartupException) e).action()).asString().contains("binlog_format=ROW");
        } finally {
            SharedInfrastructure.get().database().runAsAdministrator("SET GLOBAL binlog_format = 'ROW'");
        }
        assertThat(storage).as("nothing written, no offsets").isEmptyDirectory();
    }

    @Test
    void anUnreachableBrokerNamesTheBootstrapSetting() throws Exception {
        CdcProperties cdc = CdcTestSettings.capture(infra, "no-broker", storage);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> start(cdc, "127.0.0.1:" + closedPort))
                .isInstanceOf(CdcStartupException.class)
                .hasMessageContaining("is unreachable")
                .extracting(e -> ((CdcStartupException) e).action()).asString().contains("KIT_KAFKA_BOOTSTRAP");
        assertThat(storage).as("nothing written, no offsets").isEmptyDirectory();
    }

    private void start(CdcProperties cdc, String bootstrap) {
        KafkaConnection kafka = KafkaConnection.plaintext(bootstrap);
        new ForwardCapture(cdc, kafka, new SourcePreflight(cdc, cdc.source().server(), List.of(), kafka),
                new CaptureMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), new CapturePause(), null).start();
    }
}
