package dev.strangler.memberservice.member.replication;

import dev.strangler.service.changefeed.Change;
import dev.strangler.service.changefeed.ChangeEvent;
import dev.strangler.service.changefeed.DomainEvent;
import dev.strangler.service.changefeed.LegacyRow;
import dev.strangler.service.changefeed.ReplicatedTable;
import dev.strangler.service.changefeed.UnreadableEventException;
import dev.strangler.memberservice.member.persistence.MemberOrderRepository;
import dev.strangler.memberservice.member.persistence.MemberOrderRepository.MemberOrder;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps each order's member and status (TB_ORDER's MBR_NO and ORD_STAT_CD, or the order service's events), which
 * the delete rule needs. The order's other fields belong to the order service and are not copied.
 */
@Component
class OrderStatusReplicator implements ReplicatedTable<MemberOrder> {

    static final String TABLE = "TB_ORDER";

    private final MemberOrderRepository orders;

    OrderStatusReplicator(MemberOrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public String name() {
        return TABLE;
    }

    @Override
    public Change<MemberOrder> translate(ChangeEvent event) {
        LegacyRow row = event.row();
        MemberOrder order = new MemberOrder(row.longValue("ORD_NO"), row.longValue("MBR_NO"),
                status(row.text("ORD_STAT_CD")));
        return Change.of(event, Long.toString(order.orderId()), "UPD_DT", order);
    }

    /** OrderPlaced, OrderCancelled: each carries the order's state after the change. */
    @Override
    public Change<MemberOrder> translate(DomainEvent event) {
        MemberOrder order = new MemberOrder(event.longValue("id"), event.longValue("memberId"), event.text("status"));
        return new Change<>(Long.toString(order.orderId()), event.version("updatedAt"), false, order);
    }

    @Override
    public void write(List<Change<MemberOrder>> newest) {
        orders.deleteAll(newest.stream().filter(Change::delete).map(change -> change.value().orderId()).toList());
        orders.saveAll(newest.stream().filter(change -> !change.delete()).map(Change::value).toList());
    }

    static String status(String code) {
        return switch (code) {
            case "10" -> "ORDERED";
            case "20" -> "PAID";
            case "30" -> "SHIPPED";
            case "90" -> "CANCELLED";
            default -> throw new UnreadableEventException(TABLE + ".ORD_STAT_CD has unknown code '" + code + "'");
        };
    }
}
