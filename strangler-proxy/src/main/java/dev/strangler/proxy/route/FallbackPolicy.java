package dev.strangler.proxy.route;

/** What happens when the extracted side fails (error, timeout, 5xx or an open circuit). */
public enum FallbackPolicy {

    /**
     * Safe methods (GET, HEAD, OPTIONS) are answered by the monolith instead; unsafe ones get a 503 problem and are
     * never sent a second time, because the extracted side may already have applied them.
     */
    SAFE_METHODS_TO_LEGACY,

    /** Nothing falls back (the "retire" phase: the monolith no longer owns the data); failures become a 503. */
    NONE
}
