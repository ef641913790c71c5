package dev.strangler.orderservice.order.replication;

import dev.strangler.service.changefeed.Change;
import dev.strangler.service.changefeed.ChangeEvent;
import dev.strangler.service.changefeed.ReplicatedTable;
import dev.strangler.orderservice.order.Order;
import dev.strangler.orderservice.order.persistence.OrderRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/** TB_ORDER into PURCHASE_ORDER: translate, then (after the version guard) upsert or delete a batch's orders at once. */
@Component
class LegacyOrderReplicator implements ReplicatedTable<Order> {

    private final OrderRepository orders;

    LegacyOrderReplicator(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public String name() {
        return LegacyOrderTranslator.ORDER_TABLE;
    }

    @Override
    public Change<Order> translate(ChangeEvent event) {
        Order order = LegacyOrderTranslator.order(event.row());
        return Change.of(event, Long.toString(order.id()), LegacyOrderTranslator.VERSION, order);
    }

    @Override
    public void write(List<Change<Order>> newest) {
        orders.deleteAll(newest.stream().filter(Change::delete).map(change -> change.value().id()).toList());
        orders.saveAll(newest.stream().filter(change -> !change.delete()).map(Change::value).toList());
    }
}
