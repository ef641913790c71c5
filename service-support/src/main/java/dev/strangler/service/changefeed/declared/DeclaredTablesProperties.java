package dev.strangler.service.changefeed.declared;

import dev.strangler.service.changefeed.ChangefeedTopics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Legacy tables a service copies by configuration alone: per table its legacy name, its change topic, the service's
 * table, the key, the version column and each column's translation. A service whose copy needs code implements
 * {@link dev.strangler.service.changefeed.ReplicatedTable} instead, as the demo services do.
 *
 * @param tables           the declared tables (none by default)
 * @param deadLetterSuffix appended to a topic's name for its dead-letter topic (.dlt)
 * @param partitions       partitions of the topics created when missing (1): the CDC bridge's
 *                         {@code kit.cdc.topics.partitions}; an existing topic is never changed
 * @param chunkSize        rows per set-wise statement of a batch (500)
 */
@Validated
@ConfigurationProperties("kit.service.changefeed")
public record DeclaredTablesProperties(
        @DefaultValue @Valid List<TableDefinition> tables,
        @DefaultValue(".dlt") @NotBlank String deadLetterSuffix,
        @DefaultValue("1") @Positive int partitions,
        @DefaultValue("500") @Positive int chunkSize) {

    /** Names that go into SQL as they are: letters, digits and underscores only. */
    static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

    /** The declared tables' topics, as the change-feed wiring takes them (unless the service has its own). */
    ChangefeedTopics asTopics() {
        List<String> topics = tables.stream().map(TableDefinition::topic).distinct().toList();
        return new ChangefeedTopics() {
            @Override
            public List<String> topics() {
                return topics;
            }

            @Override
            public String deadLetterTopic(String topic) {
                return topic + deadLetterSuffix;
            }

            @Override
            public int partitions() {
                return partitions;
            }

            @Override
            public int chunkSize() {
                return chunkSize;
            }
        };
    }

    /**
     * @param name    the legacy table, as its events name it (the version guard's name for its rows)
     * @param topic   its change topic (for example legacy.stock)
     * @param target  the service's table
     * @param key     the key, legacy column to service column, in the key's order
     * @param version the legacy column that orders a row's changes (a time or a number); events without one are
     *                ordered by their binlog position
     * @param columns the other columns, each legacy to service
     */
    public record TableDefinition(@NotBlank String name, @NotBlank String topic,
                                  @NotBlank @Pattern(regexp = IDENTIFIER) String target,
                                  @NotEmpty @Valid List<ColumnDefinition> key, String version,
                                  @DefaultValue @Valid List<ColumnDefinition> columns) {
    }

    /**
     * @param legacy the legacy column
     * @param column the service's column
     * @param type   how the value is read ({@link ColumnType}, AS_IS by default)
     * @param values legacy value to service value (G → GOLD); a value not listed is dead-lettered, not guessed.
     *               A key with characters other than letters, digits or '-' needs brackets in YAML: "[A_1]"
     */
    public record ColumnDefinition(@NotBlank String legacy, @NotBlank @Pattern(regexp = IDENTIFIER) String column,
                                   @DefaultValue("AS_IS") ColumnType type, @DefaultValue Map<String, String> values) {
    }
}
