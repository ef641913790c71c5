package dev.strangler.proxy.admin;

import dev.strangler.control.ControlTokens;
import dev.strangler.control.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the presented token is: the console checks a token at its login with this call, and shows an operator's
 * controls only to an operator (the admin API enforces the role either way).
 */
@RestController
class AdminIdentityController {

    /**
     * @param name the token's name, as flips record it in their {@code by}
     * @param role VIEWER or OPERATOR
     */
    record Identity(String name, Role role) {
    }

    @GetMapping("/admin/whoami")
    Identity whoami(@RequestAttribute(ControlTokens.NAME_ATTRIBUTE) String name,
                    @RequestAttribute(ControlTokens.ROLE_ATTRIBUTE) Role role) {
        return new Identity(name, role);
    }
}
