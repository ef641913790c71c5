package dev.strangler.memberservice.member.replication;

import dev.strangler.service.changefeed.LegacyRow;
import dev.strangler.service.changefeed.UnreadableEventException;
import dev.strangler.memberservice.member.Email;
import dev.strangler.memberservice.member.Grade;
import dev.strangler.memberservice.member.Member;

/**
 * The anti-corruption layer for TB_MEMBER: legacy column names, one-letter grade codes and Y/N flags become a
 * {@link Member}. Nothing outside this class knows the legacy names.
 */
public final class LegacyMemberTranslator {

    /** The legacy table, also the version guard's name for member rows. */
    public static final String TABLE = "TB_MEMBER";
    static final String KEY = "MBR_NO";
    static final String VERSION = "UPD_DT";

    private LegacyMemberTranslator() {
    }

    static long id(LegacyRow row) {
        return row.longValue(KEY);
    }

    static Member member(LegacyRow row) {
        try {
            return new Member(row.longValue(KEY), row.text("LOGIN_ID"), row.text("MBR_NM"),
                    new Email(row.text("EMAIL_ADDR")), row.optionalText("TEL_NO"), grade(row.text("GRADE_CD")),
                    row.instant("JOIN_DT"), row.instant(VERSION), deleted(row.text("DEL_YN")));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException(TABLE + ": " + e.getMessage(), e);
        }
    }

    static Grade grade(String code) {
        return switch (code) {
            case "B" -> Grade.BRONZE;
            case "S" -> Grade.SILVER;
            case "G" -> Grade.GOLD;
            case "V" -> Grade.VIP;
            default -> throw new UnreadableEventException(TABLE + ".GRADE_CD has unknown code '" + code + "'");
        };
    }

    static boolean deleted(String flag) {
        return switch (flag) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new UnreadableEventException(TABLE + ".DEL_YN has unknown flag '" + flag + "'");
        };
    }
}
