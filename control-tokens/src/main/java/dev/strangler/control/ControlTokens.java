package dev.strangler.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tokens one control API accepts, and the check of a request's {@code Authorization: Bearer} header against
 * them. The same rules for the proxy's admin API, the bridge's operations API and the services' ownership API; each
 * puts its own filter in front, because one is WebFlux and the others servlet.
 */
public final class ControlTokens {

    /** The request (or exchange) attribute holding the granted token's name, for the audit. */
    public static final String NAME_ATTRIBUTE = "dev.strangler.control.ControlTokens.name";

    /** The request (or exchange) attribute holding the granted token's {@link Role}. */
    public static final String ROLE_ATTRIBUTE = "dev.strangler.control.ControlTokens.role";

    /** The name of the single token each part had before named tokens: {@code kit up}'s, an operator. */
    public static final String KIT = "kit";

    private final List<Entry> entries;

    private record Entry(String name, byte[] token, Role role) {
    }

    private ControlTokens(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * @param kitToken the part's single token ({@code PROXY_ADMIN_TOKEN} and the like), an operator named
     *                 {@value #KIT}; null or blank for none
     * @param named    the named tokens ({@code kit.control.tokens})
     * @throws IllegalArgumentException when two tokens share a name or a value (the audit could not tell them apart)
     */
    public static ControlTokens of(String kitToken, List<ControlToken> named) {
        List<ControlToken> all = new ArrayList<>();
        if (kitToken != null && !kitToken.isBlank()) {
            all.add(new ControlToken(KIT, kitToken, Role.OPERATOR));
        }
        all.addAll(named);
        Set<String> names = new HashSet<>();
        Set<String> values = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (ControlToken token : all) {
            if (!names.add(token.name())) {
                throw new IllegalArgumentException("kit.control.tokens: the name '" + token.name() + "' is used twice"
                        + (KIT.equals(token.name()) ? " ('kit' is the kit's own operator token)" : ""));
            }
            if (!values.add(token.token())) {
                throw new IllegalArgumentException("kit.control.tokens: '" + token.name()
                        + "' has the same token as another entry; give each holder its own");
            }
            entries.add(new Entry(token.name(), token.token().getBytes(StandardCharsets.UTF_8), token.role()));
        }
        return new ControlTokens(List.copyOf(entries));
    }

    /** Whether no token is configured at all (each part decides what that means; none runs open off loopback). */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Whether a part's listening address is loopback only, where what it serves open (metrics, a developer's bridge
     * without a token) cannot be reached from another machine. Blank (every interface) or unresolvable is not.
     */
    public static boolean isLoopback(String address) {
        try {
            return address != null && !address.isBlank() && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @param method        the request's HTTP method
     */
    public Access check(String authorization, String method) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Access(Access.Outcome.UNAUTHENTICATED, null, null);
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        Entry match = null;
        // Every entry is compared, each in constant time, so the time taken says nothing about which one matched.
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(presented, entry.token()) && match == null) {
                match = entry;
            }
        }
        if (match == null) {
            return new Access(Access.Outcome.UNAUTHENTICATED, null, null);
        }
        return new Access(match.role().permits(method) ? Access.Outcome.GRANTED : Access.Outcome.FORBIDDEN,
                match.name(), match.role());
    }
}
