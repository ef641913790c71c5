package dev.strangler.playbook.ownmonolith;

import dev.strangler.service.outbox.Outbox;
import dev.strangler.service.outbox.OutboxEvent;
import dev.strangler.service.ownership.OwnershipService;
import dev.strangler.web.problem.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An extracted inventory service a team would write on the starter: its copy of the legacy inventory is
 * configuration ({@code kit.service.changefeed.tables}, in {@link ChangefeedTables}); its one write, a
 * stock update after the write cut-over, goes through the starter's ownership check and outbox.
 */
@SpringBootApplication
public class InventoryService {

    record StockUpdate(BigDecimal quantity, String status) {
    }

    /** The event the reverse path turns back into a TB_STOCK row: the stock's whole state after the change. */
    record StockUpdated(String warehouse, String sku, BigDecimal quantity, String status, Instant updatedAt)
            implements OutboxEvent {

        @Override
        public String aggregateType() {
            return "Stock";
        }

        @Override
        public String aggregateId() {
            return warehouse + "/" + sku;
        }

        @Override
        public Object payload() {
            return this;
        }
    }

    @RestController
    static class StockWrites {

        private final JdbcClient jdbc;
        private final Outbox outbox;
        private final OwnershipService ownership;

        StockWrites(JdbcClient jdbc, Outbox outbox, OwnershipService ownership) {
            this.jdbc = jdbc;
            this.outbox = outbox;
            this.ownership = ownership;
        }

        @PutMapping("/stock/{warehouse}/{sku}")
        @Transactional
        StockUpdated update(@PathVariable String warehouse, @PathVariable String sku, @RequestBody StockUpdate update) {
            ownership.requireServiceOwnsWrites();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            int updated = jdbc.sql("UPDATE STOCK SET quantity = ?, status = ?, updated_at = ? WHERE warehouse = ? AND sku = ?")
                    .params(update.quantity(), update.status(), now.atOffset(ZoneOffset.UTC).toLocalDateTime(), warehouse, sku)
                    .update();
            if (updated == 0) {
                throw new NotFoundException("stock", warehouse + "/" + sku);
            }
            StockUpdated event = new StockUpdated(warehouse, sku, update.quantity(), update.status(), now);
            outbox.append(event);
            return event;
        }
    }
}
