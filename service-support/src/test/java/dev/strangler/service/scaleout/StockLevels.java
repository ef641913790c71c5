package dev.strangler.service.scaleout;

import dev.strangler.service.changefeed.Change;
import dev.strangler.service.changefeed.ChangeEvent;
import dev.strangler.service.changefeed.LegacyRow;
import dev.strangler.service.changefeed.ReplicatedTable;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The legacy TB_STOCK (key WH_CD, SKU; version VER, a counter) as STOCK_LEVEL. Each row written is also logged in
 * APPLY_LOG with this instance's name, in the batch's transaction: the log holds exactly the writes that committed.
 */
@Component
class StockLevels implements ReplicatedTable<StockLevels.Level> {

    record Level(String warehouse, String sku, long version) {
    }

    private final JdbcTemplate jdbc;
    private final String instance;

    StockLevels(JdbcTemplate jdbc, @Value("${scaleout.instance}") String instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    @Override
    public String name() {
        return "TB_STOCK";
    }

    @Override
    public Change<Level> translate(ChangeEvent event) {
        LegacyRow row = event.row();
        return Change.of(event, row.key("WH_CD", "SKU"), "VER",
                new Level(row.text("WH_CD"), row.text("SKU"), row.longValue("VER")));
    }

    @Override
    public void write(List<Change<Level>> newest) {
        List<Object[]> levels = newest.stream()
                .map(change -> new Object[] {change.value().warehouse(), change.value().sku(), change.value().version()})
                .toList();
        jdbc.batchUpdate("INSERT INTO STOCK_LEVEL (warehouse, sku, version) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE version = VALUES(version)", levels);
        jdbc.batchUpdate("INSERT INTO APPLY_LOG (instance, warehouse, sku, version) VALUES ('" + instance + "', ?, ?, ?)",
                levels);
    }
}
