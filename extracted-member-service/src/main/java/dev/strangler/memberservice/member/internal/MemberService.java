package dev.strangler.memberservice.member.internal;

import dev.strangler.memberservice.member.Email;
import dev.strangler.memberservice.member.Grade;
import dev.strangler.memberservice.member.Member;
import dev.strangler.memberservice.member.MemberEvent;
import dev.strangler.memberservice.member.MemberQuery;
import dev.strangler.memberservice.member.persistence.MemberOrderRepository;
import dev.strangler.memberservice.member.persistence.MemberRepository;
import dev.strangler.service.outbox.Outbox;
import dev.strangler.service.ownership.OwnershipService;
import dev.strangler.web.problem.NotFoundException;
import dev.strangler.web.problem.PageResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member use cases. Every write checks ownership first, and commits the change (its row carrying the service's
 * version, so that older forward events cannot overwrite it) and its outbox event in one transaction.
 */
@Service
@Transactional
public class MemberService {

    private final MemberRepository members;
    private final MemberOrderRepository orders;
    private final OwnershipService ownership;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    MemberService(MemberRepository members, MemberOrderRepository orders, OwnershipService ownership, Outbox outbox) {
        this.members = members;
        this.orders = orders;
        this.ownership = ownership;
        this.outbox = outbox;
    }

    public Member register(String loginId, String name, Email email, String phone, Grade grade) {
        ownership.requireServiceOwnsWrites();
        if (members.loginIdTaken(loginId)) {
            throw new LoginIdTakenException(loginId);
        }
        Instant now = now();
        long id;
        try {
            id = members.insert(loginId, name, email, phone, grade, now);
        } catch (DuplicateKeyException e) {
            // A concurrent registration of the same login id committed between the check and the insert.
            throw new LoginIdTakenException(loginId);
        }
        Member member = new Member(id, loginId, name, email, phone, grade, now, now, false);
        return written(new MemberEvent.MemberRegistered(member));
    }

    @Transactional(readOnly = true)
    public Member get(long id) {
        return members.findActive(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public PageResponse<Member> search(MemberQuery query) {
        return PageResponse.of(members.search(query), query.page(), query.size(), members.count(query));
    }

    public Member update(long id, String name, Email email, String phone, Grade grade) {
        ownership.requireServiceOwnsWrites();
        Member member = lockActive(id).withDetails(name, email, phone, grade, now());
        members.save(member);
        return written(new MemberEvent.MemberUpdated(member));
    }

    /** Soft delete, refused while the member has ORDERED or PAID orders. */
    public void delete(long id) {
        ownership.requireServiceOwnsWrites();
        Member member = lockActive(id);
        long open = orders.countOpen(id);
        if (open > 0) {
            throw new MemberHasOpenOrdersException(id, open);
        }
        Member deleted = member.asDeleted(now());
        members.save(deleted);
        written(new MemberEvent.MemberDeleted(deleted));
    }

    private Member lockActive(long id) {
        return members.lock(id).filter(member -> !member.deleted()).orElseThrow(() -> notFound(id));
    }

    private Member written(MemberEvent event) {
        Member member = event.member();
        outbox.append(event);
        return member;
    }

    // Milliseconds, as the DATETIME(3) columns and the legacy UPD_DT keep them: what is returned is what is stored.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("Member", id);
    }
}
