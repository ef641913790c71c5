package dev.strangler.infra.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The users of a broker started with SASL: it then takes clients on SASL_PLAINTEXT with SCRAM-SHA-256 instead of
 * PLAINTEXT, and authorizes every request with ACLs. The super user is the broker's own identity (towards its
 * controller too) and the one that grants ACLs; every other user may do only what an ACL allows.
 *
 * @param superUser         the broker's own user, in {@code super.users}
 * @param superUserPassword its password
 * @param passwords         the other users (one per part of the kit, say) and their passwords
 */
public record SaslUsers(String superUser, String superUserPassword, Map<String, String> passwords) {

    /** The mechanism clients log in with. */
    public static final String MECHANISM = "SCRAM-SHA-256";

    public SaslUsers {
        Objects.requireNonNull(superUser, "superUser");
        Objects.requireNonNull(superUserPassword, "superUserPassword");
        passwords = Map.copyOf(passwords);
        if (passwords.containsKey(superUser)) {
            throw new IllegalArgumentException(superUser + " is the super user; list only the other users");
        }
    }

    /**
     * The Kafka client settings that log in as one of the users (or the super user), the same three a part takes as
     * {@code spring.kafka.security.protocol} and {@code spring.kafka.properties.sasl.mechanism|jaas.config}.
     */
    public Map<String, Object> clientProperties(String user) {
        String password = user.equals(superUser) ? superUserPassword : passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No SASL user " + user + "; known: " + passwords.keySet());
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", jaasConfig("org.apache.kafka.common.security.scram.ScramLoginModule",
                user, password));
        return properties;
    }

    static String jaasConfig(String loginModule, String user, String password) {
        return loginModule + " required username=\"" + user + "\" password=\"" + password + "\";";
    }
}
