package dev.strangler.orderservice.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Legacy row images as the bridge sends them: legacy names, epoch-millisecond DATETIMEs, DECIMALs as strings. */
public final class LegacyRows {

    private LegacyRows() {
    }

    /** A number far from every other test's, so tests sharing the database never meet. */
    public static long freshId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000);
    }

    public static Map<String, Object> member(long id, long updatedMs, String deleted) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("MBR_NO", id);
        row.put("LOGIN_ID", "legacy_" + id);
        row.put("MBR_NM", "Member " + id);
        row.put("EMAIL_ADDR", "m" + id + "@example.com");
        row.put("TEL_NO", null);
        row.put("GRADE_CD", "B");
        row.put("JOIN_DT", 1_700_000_000_000L);
        row.put("UPD_DT", updatedMs);
        row.put("DEL_YN", deleted);
        return row;
    }

    public static Map<String, Object> order(long id, long memberId, String status, String total, long updatedMs) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ORD_NO", id);
        row.put("MBR_NO", memberId);
        row.put("ORD_STAT_CD", status);
        row.put("ORD_DT", 1_700_000_000_000L);
        row.put("TOT_AMT", total);
        row.put("SHIP_ADDR", "1 Legacy Road");
        row.put("UPD_DT", updatedMs);
        return row;
    }

    public static Map<String, Object> item(long orderId, int seq, long productId, int quantity, String price) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ORD_NO", orderId);
        row.put("ITEM_SEQ", seq);
        row.put("PRD_NO", productId);
        row.put("QTY", quantity);
        row.put("UNIT_PRC", price);
        return row;
    }
}
