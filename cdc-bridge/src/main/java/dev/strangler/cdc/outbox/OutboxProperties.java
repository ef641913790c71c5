package dev.strangler.cdc.outbox;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.DatabaseServer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay: the extracted services' outbox tables, read from the binlog and published by Debezium's outbox
 * event router conventions, so every service that keeps a copy of another's data can follow its events.
 *
 * @param tables           the services' outbox tables, as {@code database.table}
 * @param serverId         the replica server id of the relay's engine (distinct from the forward engine's)
 * @param topicPrefix      the relay engine's logical name (Debezium's {@code topic.prefix})
 * @param eventTopicPrefix events go to this prefix followed by their aggregate type, e.g. {@code outbox.event.Member}
 * @param source           the server of the services' databases, when it is not the legacy server (the forward
 *                         source's account and TLS otherwise); its binlog must be on in ROW format
 * @param watermark        the barrier's watermark table on that server, as {@code database.table}; absent, the
 *                         forward path's ({@code kit.cdc.kit-tables.watermark})
 */
@Validated
@ConfigurationProperties("kit.cdc.outbox")
public record OutboxProperties(
        @NotEmpty List<@Pattern(regexp = "[A-Za-z0-9_$]+\\.[A-Za-z0-9_$]+") String> tables,
        @Min(1) long serverId,
        @NotBlank String topicPrefix,
        @NotBlank String eventTopicPrefix,
        @Valid DatabaseServer source,
        @Pattern(regexp = "[A-Za-z0-9_$]+\\.[A-Za-z0-9_$]+") String watermark) {

    public OutboxProperties {
        tables = List.copyOf(tables);
    }

    /** The server the relay reads: its own, or the legacy server. */
    public DatabaseServer server(CdcProperties cdc) {
        return source == null ? cdc.source().server() : source;
    }

    /** The watermark table the relay captures. */
    public String watermarkTable(CdcProperties cdc) {
        return watermark == null || watermark.isBlank() ? cdc.kitTables().watermark() : watermark;
    }

    /** Whether the services' databases are on a server of their own. */
    public boolean hasOwnServer() {
        return source != null;
    }

    /** The topic of an aggregate type's events. */
    public String topic(String aggregateType) {
        return eventTopicPrefix + aggregateType;
    }
}
