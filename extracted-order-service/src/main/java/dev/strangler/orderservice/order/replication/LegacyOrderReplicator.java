package dev.strangler.orderservice.order.replication;

import dev.strangler.orderservice.changefeed.ChangeEvent;
import dev.strangler.orderservice.changefeed.VersionGuard;
import dev.strangler.orderservice.order.Order;
import dev.strangler.orderservice.order.OrderLine;
import dev.strangler.orderservice.order.persistence.OrderRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies TB_ORDER and TB_ORDER_ITEM changes: translate, check the version, upsert, in one transaction. Items have
 * no UPD_DT (they are written once): their version is the commit time and binlog position.
 */
@Component
class LegacyOrderReplicator {

    private final OrderRepository orders;
    private final VersionGuard versions;

    LegacyOrderReplicator(OrderRepository orders, VersionGuard versions) {
        this.orders = orders;
        this.versions = versions;
    }

    @Transactional
    public void applyOrder(ChangeEvent event) {
        Order order = LegacyOrderTranslator.order(event.row());
        if (!versions.claim(LegacyOrderTranslator.ORDER_TABLE, Long.toString(order.id()),
                event.version(LegacyOrderTranslator.VERSION))) {
            return;
        }
        if (event.isDelete()) {
            orders.delete(order.id());
        } else {
            orders.save(order);
        }
    }

    @Transactional
    public void applyItem(ChangeEvent event) {
        OrderLine line = LegacyOrderTranslator.line(event.row());
        long orderId = LegacyOrderTranslator.orderId(event.row());
        if (!versions.claim(LegacyOrderTranslator.ITEM_TABLE, LegacyOrderTranslator.lineKey(event.row()),
                event.version(LegacyOrderTranslator.VERSION))) {
            return;
        }
        if (event.isDelete()) {
            orders.deleteLine(orderId, line.seq());
        } else {
            orders.saveLine(orderId, line);
        }
    }
}
