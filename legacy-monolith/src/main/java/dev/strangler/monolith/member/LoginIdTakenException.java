package dev.strangler.monolith.member;

import dev.strangler.web.problem.ConflictException;
import dev.strangler.web.problem.ProblemTypes;

/** 409: login ids are unique for ever, including those of soft-deleted members. */
class LoginIdTakenException extends ConflictException {

    LoginIdTakenException(String loginId) {
        super(ProblemTypes.LOGIN_ID_TAKEN, "Login id taken", "Login id '" + loginId + "' is already taken");
        property("loginId", loginId);
    }
}
