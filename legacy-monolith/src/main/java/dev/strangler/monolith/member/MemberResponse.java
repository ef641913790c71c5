package dev.strangler.monolith.member;

import java.time.Instant;

/** A member as the API shows it: clean English names, the grade spelled out, UTC timestamps. */
record MemberResponse(long id, String loginId, String name, String email, String phone, String grade,
                      Instant joinedAt, Instant updatedAt) {

    static MemberResponse from(Member member) {
        return new MemberResponse(member.id(), member.loginId(), member.name(), member.email(), member.phone(),
                member.grade().name(), member.joinedAt(), member.updatedAt());
    }
}
