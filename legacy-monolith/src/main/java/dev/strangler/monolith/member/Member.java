package dev.strangler.monolith.member;

import java.time.Instant;

/** A row of TB_MEMBER that is not soft-deleted. */
record Member(long id, String loginId, String name, String email, String phone, MemberGrade grade,
              Instant joinedAt, Instant updatedAt) {
}
