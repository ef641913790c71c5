package dev.strangler.memberservice.member.replication;

import dev.strangler.memberservice.changefeed.ChangeEvent;
import dev.strangler.memberservice.changefeed.LegacyRow;
import dev.strangler.memberservice.changefeed.UnreadableEventException;
import dev.strangler.memberservice.changefeed.VersionGuard;
import dev.strangler.memberservice.member.persistence.MemberOrderRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each order's member and status (TB_ORDER's MBR_NO and ORD_STAT_CD), which the delete rule needs. The
 * order's other columns belong to the order service and are not copied.
 */
@Component
class LegacyOrderStatusReplicator {

    static final String TABLE = "TB_ORDER";

    private final MemberOrderRepository orders;
    private final VersionGuard versions;

    LegacyOrderStatusReplicator(MemberOrderRepository orders, VersionGuard versions) {
        this.orders = orders;
        this.versions = versions;
    }

    @Transactional
    public void apply(ChangeEvent event) {
        LegacyRow row = event.row();
        long orderId = row.longValue("ORD_NO");
        long memberId = row.longValue("MBR_NO");
        String status = status(row.text("ORD_STAT_CD"));
        if (!versions.claim(TABLE, Long.toString(orderId), event.version("UPD_DT"))) {
            return;
        }
        if (event.isDelete()) {
            orders.delete(orderId);
        } else {
            orders.save(orderId, memberId, status);
        }
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
