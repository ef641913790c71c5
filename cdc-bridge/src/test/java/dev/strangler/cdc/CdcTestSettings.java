package dev.strangler.cdc;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.CdcProperties.CapturedTable;
import dev.strangler.infra.InfraSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.util.unit.DataSize;

/** Capture settings against the shared test database, with topics of their own so tests never see each other's events. */
public final class CdcTestSettings {

    private static final AtomicInteger serverIds = new AtomicInteger(6000);

    private CdcTestSettings() {
    }

    public static CdcProperties capture(InfraSettings infra, String topicSuffix, Path storage) {
        return capture(infra, infra.cdc().password(), List.of("TB_MEMBER", "TB_PRODUCT", "TB_ORDER", "TB_ORDER_ITEM"),
                topicSuffix, storage);
    }

    public static CdcProperties capture(InfraSettings infra, String password, List<String> tables, String topicSuffix,
                                        Path storage) {
        String database = infra.legacy().database();
        return new CdcProperties(CdcProperties.Connector.MARIADB,
                new CdcProperties.Source("127.0.0.1", infra.databasePort(), infra.cdc().user(), password, null,
                        serverIds.incrementAndGet(), "legacy" + topicSuffix.replace("-", "")),
                tables.stream().map(table -> new CapturedTable(database + "." + table,
                        "legacy." + table.toLowerCase() + "." + topicSuffix)).toList(),
                new CdcProperties.Storage(CdcProperties.StorageKind.FILE, storage.toString(), null, null, null, null),
                Map.of(),
                new CdcProperties.KitTables(infra.kitDatabase() + ".KIT_CDC_SIGNAL",
                        infra.kitDatabase() + ".KIT_CDC_ECHO_MARKER", infra.kitDatabase() + ".KIT_CDC_WATERMARK"),
                Duration.ZERO,
                new CdcProperties.Producer(CdcProperties.Compression.LZ4, DataSize.ofKilobytes(256)), null);
    }
}
