package dev.strangler.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.cdc.config.CdcProperties.CapturedTable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** {@code kit.cdc.forward.bulk-backfill-tables}: bound from the environment, checked, rendered for Debezium. */
class BulkBackfillTablesTests {

    @Test
    void bindsFromACommaSeparatedSetting() {
        CdcProperties.Forward forward = new Binder(new MapConfigurationPropertySource(Map.of(
                "kit.cdc.forward.engine", "EMBEDDED", "kit.cdc.forward.bulk-backfill-tables", "TB_MEMBER, TB_ORDER")))
                .bind("kit.cdc.forward", CdcProperties.Forward.class).get();

        assertThat(forward.bulkBackfillTables()).containsExactly("TB_MEMBER", "TB_ORDER");
    }

    @Test
    void theSnapshotSelectsNoRowsOfTheNamedTablesOnly() {
        Properties connector = DebeziumConfiguration.forwardConnector(settings(List.of("TB_MEMBER")));

        assertThat(connector.getProperty("snapshot.select.statement.overrides")).isEqualTo("shop.TB_MEMBER");
        assertThat(connector.getProperty("snapshot.select.statement.overrides.shop.TB_MEMBER"))
                .isEqualTo("SELECT * FROM `shop`.`TB_MEMBER` WHERE 1 = 0");
        assertThat(connector.stringPropertyNames()).noneMatch(name -> name.endsWith("TB_ORDER"));
        assertThat(DebeziumConfiguration.forwardConnector(settings(List.of())).stringPropertyNames())
                .noneMatch(name -> name.startsWith("snapshot.select.statement.overrides"));
    }

    @Test
    void aTableThatIsNotCapturedIsRefusedByName() {
        assertThatThrownBy(() -> settings(List.of("TB_PRODUCT"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TB_PRODUCT").hasMessageContaining("shop.TB_MEMBER, shop.TB_ORDER");
    }

    private static CdcProperties settings(List<String> bulk) {
        return new CdcProperties(CdcProperties.Connector.MARIADB,
                new CdcProperties.Source("db.internal", 3306, "kit_cdc", "db-secret", null, 5401, "shop"),
                List.of(new CapturedTable("shop.TB_MEMBER", "legacy.member"),
                        new CapturedTable("shop.TB_ORDER", "legacy.order")),
                new CdcProperties.Storage(CdcProperties.StorageKind.FILE, "/tmp/kit-cdc", null, null, null, null),
                Map.of(), new CdcProperties.KitTables("kit.KIT_CDC_SIGNAL", "kit.KIT_CDC_ECHO_MARKER",
                        "kit.KIT_CDC_WATERMARK"),
                Duration.ZERO, new CdcProperties.Producer(CdcProperties.Compression.NONE, DataSize.ofKilobytes(16)),
                new CdcProperties.Forward(CdcProperties.ForwardEngine.EMBEDDED, null, bulk));
    }
}
