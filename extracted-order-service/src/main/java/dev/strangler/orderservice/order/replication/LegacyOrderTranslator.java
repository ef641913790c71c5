package dev.strangler.orderservice.order.replication;

import dev.strangler.service.changefeed.LegacyRow;
import dev.strangler.service.changefeed.UnreadableEventException;
import dev.strangler.orderservice.order.Order;
import dev.strangler.orderservice.order.OrderLine;
import dev.strangler.orderservice.order.OrderStatus;
import java.util.List;

/**
 * The anti-corruption layer for TB_ORDER and TB_ORDER_ITEM: legacy column names and two-digit status codes
 * become an {@link Order} and its {@link OrderLine}s. Nothing outside this class knows the legacy names.
 */
public final class LegacyOrderTranslator {

    /** The legacy table, also the version guard's name for order rows. */
    public static final String ORDER_TABLE = "TB_ORDER";
    static final String ITEM_TABLE = "TB_ORDER_ITEM";
    static final String VERSION = "UPD_DT";

    private LegacyOrderTranslator() {
    }

    static Order order(LegacyRow row) {
        return new Order(row.longValue("ORD_NO"), row.longValue("MBR_NO"), status(row.text("ORD_STAT_CD")),
                row.instant("ORD_DT"), row.decimal("TOT_AMT"), row.text("SHIP_ADDR"), row.instant(VERSION), List.of());
    }

    static long orderId(LegacyRow row) {
        return row.longValue("ORD_NO");
    }

    /** A line of an order placed in the monolith: it took its stock directly, there is no reservation. */
    static OrderLine line(LegacyRow row) {
        return new OrderLine(row.intValue("ITEM_SEQ"), row.longValue("PRD_NO"), row.intValue("QTY"),
                row.decimal("UNIT_PRC"), null);
    }

    static String lineKey(LegacyRow row) {
        return row.longValue("ORD_NO") + "/" + row.intValue("ITEM_SEQ");
    }

    static OrderStatus status(String code) {
        return switch (code) {
            case "10" -> OrderStatus.ORDERED;
            case "20" -> OrderStatus.PAID;
            case "30" -> OrderStatus.SHIPPED;
            case "90" -> OrderStatus.CANCELLED;
            default -> throw new UnreadableEventException(ORDER_TABLE + ".ORD_STAT_CD has unknown code '" + code + "'");
        };
    }
}
