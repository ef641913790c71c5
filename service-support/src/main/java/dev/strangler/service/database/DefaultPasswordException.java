package dev.strangler.service.database;

import dev.strangler.control.passwords.BuiltInPasswords;
import java.util.List;
import java.util.stream.Collectors;

/** The service's database passwords are the kit's published defaults on a server the kit did not start. */
public class DefaultPasswordException extends RuntimeException {

    private final String action;

    DefaultPasswordException(List<BuiltInPasswords.BuiltInPassword> found) {
        super("The database server " + found.get(0).server() + " is not the kit's embedded one, but "
                + found.stream().map(password -> password.property() + " (" + password.variable() + ")")
                .collect(Collectors.joining(" and "))
                + (found.size() == 1 ? " is" : " are") + " still the kit's built-in default, which anyone who has"
                + " read the kit knows.");
        this.action = "Set " + found.stream().map(BuiltInPasswords.BuiltInPassword::variable).distinct()
                .collect(Collectors.joining(", "))
                + " to the password of the account on that server (deploy/compose/.env.example and"
                + " deploy/kubernetes/kit-secrets.example.yaml list them).";
    }

    public String action() {
        return action;
    }
}
