package dev.strangler.monolith.order;

import java.util.Arrays;

/**
 * Order states and their legacy ORD_STAT_CD codes. The gaps between codes are the old system's: room was left
 * for states that never came.
 */
enum OrderStatus {
    ORDERED("10"), PAID("20"), SHIPPED("30"), CANCELLED("90");

    private final String code;

    OrderStatus(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static OrderStatus fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown ORD_STAT_CD '" + code + "' in TB_ORDER"));
    }
}
