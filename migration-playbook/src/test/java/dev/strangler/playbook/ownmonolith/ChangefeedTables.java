package dev.strangler.playbook.ownmonolith;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The inventory service's model of the legacy tables, as settings of the starter's change feed
 * ({@code kit.service.changefeed.tables}): its table, key and column names, the types and values it translates.
 */
final class ChangefeedTables {

    private record Column(String legacy, String name, String type, Map<String, String> values) {
    }

    private record Table(String target, List<Column> key, String version, List<Column> columns) {
    }

    private static final Map<String, Table> TABLES = Map.of(
            "TB_WAREHOUSE", new Table("WAREHOUSE", List.of(column("WH_CD", "code")), "LAST_UPDATE",
                    List.of(column("WH_NM", "name"), column("WH_NM_SRCH", "search_name"),
                            column("LAST_UPDATE", "updated_at", "INSTANT"))),
            "TB_STOCK", new Table("STOCK", List.of(column("WH_CD", "warehouse"), column("SKU", "sku")), "LAST_UPDATE",
                    List.of(column("QTY", "quantity", "NUMBER"),
                            new Column("STAT", "status", null, Map.of("A", "ACTIVE", "H", "HELD", "X", "RETIRED")),
                            column("ATTRS", "attributes", "JSON"), column("LAST_UPDATE", "updated_at", "INSTANT"))),
            "TB_LABEL", new Table("LABEL",
                    List.of(column("WH_CD", "warehouse"), column("SKU", "sku"), column("LABEL_SEQ", "seq")), "MODIFIED",
                    List.of(column("IMG", "image", "BYTES"), column("PRINTED", "printed_on", "DATE"),
                            column("MODIFIED", "updated_at", "INSTANT"))));

    private ChangefeedTables() {
    }

    /** Adds the settings for these legacy tables, each consumed from its topic, in this order. */
    static void configure(Map<String, Object> settings, List<String> legacyTables, Function<String, String> topic) {
        for (int t = 0; t < legacyTables.size(); t++) {
            String prefix = "kit.service.changefeed.tables[" + t + "].";
            Table table = TABLES.get(legacyTables.get(t));
            settings.put(prefix + "name", legacyTables.get(t));
            settings.put(prefix + "topic", topic.apply(legacyTables.get(t)));
            settings.put(prefix + "target", table.target());
            settings.put(prefix + "version", table.version());
            for (int k = 0; k < table.key().size(); k++) {
                settings.put(prefix + "key[" + k + "].legacy", table.key().get(k).legacy());
                settings.put(prefix + "key[" + k + "].column", table.key().get(k).name());
            }
            for (int c = 0; c < table.columns().size(); c++) {
                Column column = table.columns().get(c);
                String columnPrefix = prefix + "columns[" + c + "].";
                settings.put(columnPrefix + "legacy", column.legacy());
                settings.put(columnPrefix + "column", column.name());
                if (column.type() != null) {
                    settings.put(columnPrefix + "type", column.type());
                }
                column.values().forEach((legacy, value) -> settings.put(columnPrefix + "values." + legacy, value));
            }
        }
    }

    private static Column column(String legacy, String name) {
        return column(legacy, name, null);
    }

    private static Column column(String legacy, String name, String type) {
        return new Column(legacy, name, type, Map.of());
    }
}
