package dev.strangler.control;

import java.util.Locale;
import java.util.Set;

/** What a control token may do. */
public enum Role {

    /** Reads only: status, routes, history. Enough for dashboards, scrapers and people on call who only look. */
    VIEWER,

    /** Everything a viewer may, and the changes: flips, pause and resume, the reverse switch, ownership. */
    OPERATOR;

    // Every control API changes state only with POST, PUT or DELETE, so the method is the whole rule.
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    public boolean permits(String method) {
        return this == OPERATOR || READS.contains(method.toUpperCase(Locale.ROOT));
    }
}
