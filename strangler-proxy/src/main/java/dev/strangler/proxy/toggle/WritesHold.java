package dev.strangler.proxy.toggle;

import java.time.Instant;

/**
 * A route's writes held for a write cut-over: unsafe requests wait (they are not refused) until the next flip
 * releases them, so no write is accepted by the old owner after the new one took over. The hold lapses by itself at
 * {@code until}, so a playbook that died half-way through a cut-over cannot block writes for ever.
 *
 * @param since  when the hold began
 * @param until  when it lapses if no flip released it
 * @param reason why (the flip's reason)
 */
public record WritesHold(Instant since, Instant until, String reason) {

    public boolean heldAt(Instant now) {
        return now.isBefore(until);
    }
}
