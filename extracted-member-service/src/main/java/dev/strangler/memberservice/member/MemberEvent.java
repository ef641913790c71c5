package dev.strangler.memberservice.member;

import dev.strangler.service.outbox.OutboxEvent;
import java.time.Instant;

/** What happened to a member, for the outbox. The payload is the member's full state after the change. */
public sealed interface MemberEvent extends OutboxEvent
        permits MemberEvent.MemberRegistered, MemberEvent.MemberUpdated, MemberEvent.MemberDeleted {

    Member member();

    @Override
    default String aggregateType() {
        return "Member";
    }

    @Override
    default String aggregateId() {
        return Long.toString(member().id());
    }

    @Override
    default Object payload() {
        return State.of(member());
    }

    /** A new member registered with the service. */
    record MemberRegistered(Member member) implements MemberEvent {
    }

    /** A member's editable details changed. */
    record MemberUpdated(Member member) implements MemberEvent {
    }

    /** A member left (soft delete: the row stays, flagged). */
    record MemberDeleted(Member member) implements MemberEvent {
    }

    /** The payload's field names are the contract with the bridge's reverse path: keep them as they are. */
    record State(long id, String loginId, String name, String email, String phone, String grade, Instant joinedAt,
                 Instant updatedAt, boolean deleted) {

        static State of(Member m) {
            return new State(m.id(), m.loginId(), m.name(), m.email().value(), m.phone(), m.grade().name(),
                    m.joinedAt(), m.updatedAt(), m.deleted());
        }
    }
}
