package dev.strangler.memberservice.member;

import java.time.Instant;

/**
 * A member of the shop. Deleted members are kept (soft delete): their login id stays taken for ever.
 *
 * @param id        the member's number; replicated members keep their legacy number
 * @param loginId   unique, never changes
 * @param name      display name
 * @param email     contact address
 * @param phone     optional phone number
 * @param grade     membership grade
 * @param joinedAt  when the member registered
 * @param updatedAt the last change
 * @param deleted   whether the member has left
 */
public record Member(long id, String loginId, String name, Email email, String phone, Grade grade,
                     Instant joinedAt, Instant updatedAt, boolean deleted) {

    public Member withDetails(String name, Email email, String phone, Grade grade, Instant at) {
        return new Member(id, loginId, name, email, phone, grade, joinedAt, at, deleted);
    }

    public Member asDeleted(Instant at) {
        return new Member(id, loginId, name, email, phone, grade, joinedAt, at, true);
    }
}
