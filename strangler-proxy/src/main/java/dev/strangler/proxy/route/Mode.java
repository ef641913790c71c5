package dev.strangler.proxy.route;

/** Where a route's traffic goes. The order is the usual migration path, but any flip is allowed. */
public enum Mode {

    /** Everything to the monolith. */
    LEGACY,

    /** The client gets the monolith's answer; the request is mirrored to the extracted service and compared. */
    SHADOW,

    /** A sticky percentage of keys to the extracted service, the rest to the monolith. */
    CANARY,

    /** Everything to the extracted service, with fallback to the monolith for safe methods. */
    EXTRACTED
}
