package dev.strangler.cdc.reverse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.cdc.LegacySchema;
import dev.strangler.cdc.reverse.ReverseProperties.AggregateMapping;
import dev.strangler.cdc.reverse.ReverseProperties.Column;
import dev.strangler.cdc.reverse.ReverseProperties.ValueType;
import dev.strangler.infra.InfraSettings;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/** The reverse path's writes into a legacy table with a composite primary key and a TIMESTAMP version column. */
class LegacyRowWriterIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final InfraSettings infra = LegacySchema.ensure();
    private final String table = "TB_STOCK_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            infra.jdbcUrl(infra.legacy().database()), infra.legacy().user(), infra.legacy().password()));
    private final LegacyRowWriter writer = new LegacyRowWriter(jdbc);

    @AfterEach
    void drop() {
        jdbc.execute("DROP TABLE IF EXISTS " + table);
    }

    @Test
    void upsertsVersionsAndDeletesByEveryColumnOfTheKey() {
        jdbc.execute("CREATE TABLE " + table + " (WH_CD CHAR(3) NOT NULL, SKU VARCHAR(20) NOT NULL, QTY INT NOT NULL,"
                + " UPD_TS TIMESTAMP(3) NOT NULL, PRIMARY KEY (WH_CD, SKU))");
        AggregateMapping mapping = new AggregateMapping("Stock", infra.legacy().database() + "." + table, null,
                List.of(new Column("WH_CD", "warehouse", Map.of(), ValueType.TEXT),
                        new Column("SKU", "sku", Map.of(), ValueType.TEXT)),
                List.of(new Column("QTY", "quantity", Map.of(), ValueType.NUMBER),
                        new Column("UPD_TS", "updatedAt", Map.of(), ValueType.INSTANT)),
                "UPD_TS", List.of("StockRemoved"), List.of());

        assertThat(writer.write(mapping, event("StockChanged", "SEL", "A-1", 5, "2026-11-30T08:00:00.100Z")))
                .isEqualTo(LegacyRowWriter.Outcome.APPLIED);
        assertThat(writer.write(mapping, event("StockChanged", "PUS", "A-1", 9, "2026-11-30T08:00:00.100Z")))
                .isEqualTo(LegacyRowWriter.Outcome.APPLIED);
        assertThat(writer.write(mapping, event("StockChanged", "SEL", "A-1", 3, "2026-11-30T07:59:59.000Z")))
                .as("older than the row").isEqualTo(LegacyRowWriter.Outcome.OLDER_THAN_LEGACY);
        assertThat(quantities()).containsExactly("PUS/A-1=9", "SEL/A-1=5");

        writer.write(mapping, event("StockRemoved", "SEL", "A-1", 5, "2026-11-30T08:00:01.000Z"));
        assertThat(quantities()).containsExactly("PUS/A-1=9");
    }

    private List<String> quantities() {
        return jdbc.query("SELECT WH_CD, SKU, QTY FROM " + table + " ORDER BY WH_CD, SKU",
                (row, n) -> row.getString(1) + "/" + row.getString(2) + "=" + row.getInt(3));
    }

    private static OutboxEvent event(String type, String warehouse, String sku, int quantity, String at) {
        return new OutboxEvent(UUID.randomUUID().toString(), "Stock", warehouse + "/" + sku, type, JSON.readTree(
                "{\"warehouse\":\"" + warehouse + "\",\"sku\":\"" + sku + "\",\"quantity\":" + quantity
                        + ",\"updatedAt\":\"" + at + "\"}"));
    }
}
