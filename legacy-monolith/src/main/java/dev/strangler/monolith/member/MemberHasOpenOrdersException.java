package dev.strangler.monolith.member;

import dev.strangler.web.problem.ConflictException;
import dev.strangler.web.problem.ProblemTypes;

/** 409: a member with ORDERED or PAID orders cannot leave until those are shipped or cancelled. */
class MemberHasOpenOrdersException extends ConflictException {

    MemberHasOpenOrdersException(long memberId, long openOrders) {
        super(ProblemTypes.MEMBER_HAS_OPEN_ORDERS, "Member has open orders",
                "Member " + memberId + " has " + openOrders + " open order(s) and cannot be deleted");
        property("memberId", memberId);
        property("openOrders", openOrders);
    }
}
