package dev.strangler.memberservice.member.web;

import dev.strangler.memberservice.member.Member;
import java.time.Instant;

/** A member as the monolith's API shows it (the contract): no {@code deleted} flag, deleted members are 404. */
record MemberResponse(long id, String loginId, String name, String email, String phone, String grade,
                      Instant joinedAt, Instant updatedAt) {

    static MemberResponse from(Member member) {
        return new MemberResponse(member.id(), member.loginId(), member.name(), member.email().value(),
                member.phone(), member.grade().name(), member.joinedAt(), member.updatedAt());
    }
}
