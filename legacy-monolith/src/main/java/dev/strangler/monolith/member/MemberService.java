package dev.strangler.monolith.member;

import dev.strangler.monolith.order.OrderRepository;
import dev.strangler.web.problem.NotFoundException;
import dev.strangler.web.problem.PageResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member transaction scripts. Like the rest of the monolith it reaches straight into other modules' classes
 * (the order tables, for the delete rule): that tangle is what a migration has to cut.
 */
@Service
@Transactional
public class MemberService {

    private final MemberRepository members;
    private final OrderRepository orders;

    MemberService(MemberRepository members, OrderRepository orders) {
        this.members = members;
        this.orders = orders;
    }

    Member register(MemberRegistration registration) {
        try {
            return get(members.insert(registration));
        } catch (DuplicateKeyException e) {
            throw new LoginIdTakenException(registration.loginId());
        }
    }

    @Transactional(readOnly = true)
    Member get(long id) {
        return members.findActive(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    PageResponse<Member> search(MemberSearch search) {
        return PageResponse.of(members.search(search), search.page(), search.size(), members.count(search));
    }

    Member update(long id, MemberUpdate update) {
        if (members.update(id, update) == 0) {
            throw notFound(id);
        }
        return get(id);
    }

    /**
     * Soft delete. The row is flagged first: that takes the row lock, so orders in flight (which hold a shared
     * lock on it) commit before the open-order count is read, and new orders wait and then find it deleted.
     */
    void delete(long id) {
        if (members.softDelete(id) == 0) {
            throw notFound(id);
        }
        long open = orders.countOpenOrders(id);
        if (open > 0) {
            throw new MemberHasOpenOrdersException(id, open);
        }
    }

    /** For the order module: the member must exist and be active, and stay so until the order commits. */
    public void lockActiveMember(long id) {
        if (!members.lockActive(id)) {
            throw notFound(id);
        }
    }

    /** For the order module: 404 unless the member exists and is not deleted. */
    @Transactional(readOnly = true)
    public void requireActiveMember(long id) {
        get(id);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("Member", id);
    }
}
