package dev.strangler.memberservice.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** TB_MEMBER row images as the bridge sends them: legacy names, epoch-millisecond DATETIMEs, one-letter codes. */
public final class LegacyMemberRows {

    private LegacyMemberRows() {
    }

    /** A member number far from every other test's, so tests sharing the database never meet. */
    public static long freshId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000);
    }

    public static Map<String, Object> member(long id, String name, String grade, long updatedMs, String deleted) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("MBR_NO", id);
        row.put("LOGIN_ID", "legacy_" + id);
        row.put("MBR_NM", name);
        row.put("EMAIL_ADDR", "m" + id + "@example.com");
        row.put("TEL_NO", "010-0000-0000");
        row.put("GRADE_CD", grade);
        row.put("JOIN_DT", 1_700_000_000_000L);
        row.put("UPD_DT", updatedMs);
        row.put("DEL_YN", deleted);
        return row;
    }

    public static Map<String, Object> key(long id) {
        return Map.of("MBR_NO", id);
    }
}
