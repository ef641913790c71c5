package dev.strangler.monolith.member;

import java.util.Arrays;

/** Membership grade. The legacy column GRADE_CD stores one letter; the API speaks the full name. */
enum MemberGrade {
    BRONZE("B"), SILVER("S"), GOLD("G"), VIP("V");

    /** For {@code @Pattern} on request fields: the names the API accepts. */
    static final String NAMES = "BRONZE|SILVER|GOLD|VIP";

    private final String code;

    MemberGrade(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static MemberGrade fromCode(String code) {
        return Arrays.stream(values()).filter(grade -> grade.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown GRADE_CD '" + code + "' in TB_MEMBER"));
    }
}
