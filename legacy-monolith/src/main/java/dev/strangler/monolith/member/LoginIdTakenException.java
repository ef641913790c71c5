package dev.strangler.monolith.member;

import dev.strangler.monolith.web.ConflictException;
import dev.strangler.monolith.web.ProblemTypes;

/** 409: login ids are unique for ever, including those of soft-deleted members. */
class LoginIdTakenException extends ConflictException {

    LoginIdTakenException(String loginId) {
        super(ProblemTypes.LOGIN_ID_TAKEN, "Login id taken", "Login id '" + loginId + "' is already taken");
        property("loginId", loginId);
    }
}
