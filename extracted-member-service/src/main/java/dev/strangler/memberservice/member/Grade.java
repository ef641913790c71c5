package dev.strangler.memberservice.member;

/** Membership grade. */
public enum Grade {
    BRONZE, SILVER, GOLD, VIP;

    /** For {@code @Pattern} on request fields: the names the API accepts, in the monolith's order. */
    public static final String NAMES = "BRONZE|SILVER|GOLD|VIP";
}
