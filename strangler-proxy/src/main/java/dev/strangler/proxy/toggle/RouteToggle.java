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
 * @param route    the route's name (also the record key)
 * @param mode     the current mode
 * @param percent  the canary percentage (kept across modes, so CANARY resumes where it was)
 * @param version  number of flips so far; 0 means the YAML's initial state
 * @param history  the latest flips, oldest first, capped by {@code strangler.proxy.toggles.history-per-route}
 * @param hold     the route's writes held for a cut-over, or null
 * @param deadline a flip counts only if the broker appended it by then (its log-append time); the writer answers
 *                 "refused" only once that can no longer happen, so no refused flip applies later. Null for
 *                 corrections and for records written before deadlines existed
 * @param corrects for a correction: the version it undoes, and it applies only over exactly that version; null for
 *                 a flip
 * @param ignorePaths JSON paths left out of the shadow comparison on top of the route's configured
 *                 {@code ignore-paths}, added at runtime ("ignore this path" in the console), so every instance
 *                 learns them from the log and they survive restarts; empty in records written before they existed
 */
public record RouteToggle(String route, Mode mode, double percent, long version, List<Flip> history, WritesHold hold,
                          Instant deadline, Long corrects, List<String> ignorePaths) {

    public RouteToggle {
        history = List.copyOf(history);
        ignorePaths = ignorePaths == null ? List.of() : List.copyOf(ignorePaths);
    }

    static RouteToggle initial(RouteProperties route) {
        return new RouteToggle(route.name(), route.mode(), route.canary().percent(), 0, List.of(), null, null, null,
                List.of());
    }

    /** The canary threshold on the 0..9999 bucket scale: a key goes to the extracted side iff bucket < threshold. */
    public int canaryThreshold() {
        return (int) Math.round(percent * 100);
    }

    /** Whether the route's writes are held at {@code now}. */
    public boolean writesHeld(Instant now) {
        return hold != null && hold.heldAt(now);
    }

    /** The latest flip, or null for a route never flipped. */
    public Flip lastFlip() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** The state after {@code flip}, valid if appended by {@code deadline}; {@code hold} null releases writes. */
    RouteToggle next(Flip flip, int historyLimit, WritesHold hold, Instant deadline) {
        return new RouteToggle(route, flip.toMode(), flip.toPercent(), flip.version(), append(flip, historyLimit),
                hold, deadline, null, ignorePaths);
    }

    /** The same state with {@code path} ignored too; the hold stays, as nothing about the route's traffic changed. */
    RouteToggle ignoring(String path, Flip entry, int historyLimit, Instant deadline) {
        List<String> paths = new ArrayList<>(ignorePaths);
        if (!paths.contains(path)) {
            paths.add(path);
        }
        return new RouteToggle(route, mode, percent, entry.version(), append(entry, historyLimit), hold, deadline,
                null, paths);
    }

    /**
     * A record that puts {@code restore}'s state back over this one (the state the log holds now), recording why.
     */
    RouteToggle correctedTo(RouteToggle restore, Flip correction, int historyLimit) {
        return new RouteToggle(route, restore.mode(), restore.percent(), correction.version(),
                append(correction, historyLimit), restore.hold(), null, version, restore.ignorePaths());
    }

    /** Whether both are the same write: same version from the same writer with the same deadline. */
    boolean sameWrite(RouteToggle other) {
        return other != null && version == other.version && deadline != null && deadline.equals(other.deadline)
                && lastFlip() != null && other.lastFlip() != null
                && lastFlip().instance().equals(other.lastFlip().instance());
    }

    private List<Flip> append(Flip flip, int historyLimit) {
        List<Flip> flips = new ArrayList<>(history);
        flips.add(flip);
        return flips.subList(Math.max(0, flips.size() - historyLimit), flips.size());
    }
}
