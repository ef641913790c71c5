package dev.strangler.proxy.toggle;

import dev.strangler.proxy.route.Mode;
import dev.strangler.proxy.route.RouteProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime state of one route, as stored in the toggle log (one compacted record per route): the current mode
 * and canary percentage, and the most recent flips. Keeping the history inside the record makes a flip one atomic
 * write; compaction can then never separate a state from the audit entry that explains it.
 *
 * @param route   the route's name (also the record key)
 * @param mode    the current mode
 * @param percent the canary percentage (kept across modes, so CANARY resumes where it was)
 * @param version number of flips so far; 0 means the YAML's initial state
 * @param history the latest flips, oldest first, capped by {@code strangler.proxy.toggles.history-per-route}
 * @param hold    the route's writes held for a cut-over, or null
 */
public record RouteToggle(String route, Mode mode, double percent, long version, List<Flip> history, WritesHold hold) {

    public RouteToggle {
        history = List.copyOf(history);
    }

    static RouteToggle initial(RouteProperties route) {
        return new RouteToggle(route.name(), route.mode(), route.canary().percent(), 0, List.of(), null);
    }

    /** The canary threshold on the 0..9999 bucket scale: a key goes to the extracted side iff bucket < threshold. */
    public int canaryThreshold() {
        return (int) Math.round(percent * 100);
    }

    /** Whether the route's writes are held at {@code now}. */
    public boolean writesHeld(Instant now) {
        return hold != null && hold.heldAt(now);
    }

    /** The state after {@code flip}; {@code hold} is null unless the flip holds writes (any other flip releases). */
    RouteToggle next(Flip flip, int historyLimit, WritesHold hold) {
        List<Flip> flips = new ArrayList<>(history);
        flips.add(flip);
        List<Flip> kept = flips.subList(Math.max(0, flips.size() - historyLimit), flips.size());
        return new RouteToggle(route, flip.toMode(), flip.toPercent(), flip.version(), kept, hold);
    }
}
