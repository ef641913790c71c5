package dev.strangler.proxy.routing;

import java.util.Locale;

/** The backend that serves a request. */
public enum Side {

    LEGACY, EXTRACTED;

    /** The value of the optional served-by response header. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
