package dev.strangler.cdc.forward;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.CdcProperties.CapturedTable;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps Debezium's destination ({@code <prefix>.<database>.<table>}) to the topic configured for that table.
 * Destinations that are not a captured table (transaction boundaries, heartbeats, the kit's tables) have no topic.
 */
final class TopicRouting {

    private final Map<String, String> topicByDestination;
    private final Map<String, String> tableByDestination;
    private final String echoMarkerDestination;
    private final String watermarkDestination;

    TopicRouting(CdcProperties cdc) {
        String prefix = cdc.source().topicPrefix() + ".";
        this.topicByDestination = cdc.tables().stream()
                .collect(Collectors.toUnmodifiableMap(t -> prefix + t.table(), CapturedTable::topic));
        this.tableByDestination = cdc.tables().stream()
                .collect(Collectors.toUnmodifiableMap(t -> prefix + t.table(), CapturedTable::table));
        this.echoMarkerDestination = prefix + cdc.kitTables().echoMarker();
        this.watermarkDestination = prefix + cdc.kitTables().watermark();
    }

    boolean isWatermark(String destination) {
        return watermarkDestination.equals(destination);
    }

    boolean isEchoMarker(String destination) {
        return echoMarkerDestination.equals(destination);
    }

    Optional<String> topicFor(String destination) {
        return Optional.ofNullable(topicByDestination.get(destination));
    }

    Optional<String> tableFor(String destination) {
        return Optional.ofNullable(tableByDestination.get(destination));
    }
}
