package dev.strangler.orderservice.order.replication;

import dev.strangler.service.changefeed.Change;
import dev.strangler.service.changefeed.ChangeEvent;
import dev.strangler.service.changefeed.ReplicatedTable;
import dev.strangler.orderservice.order.persistence.OrderRepository;
import dev.strangler.orderservice.order.persistence.OrderRepository.Line;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * TB_ORDER_ITEM into ORDER_LINE. Items have no UPD_DT (they are written once): their version is the commit time and
 * binlog position.
 */
@Component
class LegacyOrderItemReplicator implements ReplicatedTable<Line> {

    private final OrderRepository orders;

    LegacyOrderItemReplicator(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public String name() {
        return LegacyOrderTranslator.ITEM_TABLE;
    }

    @Override
    public Change<Line> translate(ChangeEvent event) {
        Line line = new Line(LegacyOrderTranslator.orderId(event.row()), LegacyOrderTranslator.line(event.row()));
        return Change.of(event, LegacyOrderTranslator.lineKey(event.row()), LegacyOrderTranslator.VERSION, line);
    }

    @Override
    public void write(List<Change<Line>> newest) {
        orders.deleteLines(newest.stream().filter(Change::delete).map(Change::value).toList());
        orders.saveLines(newest.stream().filter(change -> !change.delete()).map(Change::value).toList());
    }
}
