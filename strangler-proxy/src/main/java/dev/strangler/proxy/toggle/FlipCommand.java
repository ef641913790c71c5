package dev.strangler.proxy.toggle;

/**
 * A requested flip: a new mode, a new canary percentage, a hold of the route's writes, or several of these (null
 * leaves that part as it is, except the hold: a flip that does not hold releases).
 *
 * @param mode        the new mode's name, or null to keep the mode
 * @param percent     the new canary percentage, or null to keep it
 * @param holdWrites  true to hold the route's writes until the next flip (for a write cut-over)
 * @param reason      why (required: it goes into the audit history)
 * @param by          who is asking: the granted control token's name
 * @param statedBy    who the caller says it is for (free text, unchecked), or null
 * @param ignorePath  a JSON path to leave out of the route's shadow comparison from now on, or null; given alone,
 *                    it changes nothing else (not even a hold)
 */
public record FlipCommand(String mode, Double percent, Boolean holdWrites, String reason, String by,
                          String statedBy, String ignorePath) {

    public boolean holds() {
        return Boolean.TRUE.equals(holdWrites);
    }

    /** Whether this only adds an ignored path and leaves mode, percentage and hold as they are. */
    boolean ignoresOnly() {
        return ignorePath != null && mode == null && percent == null && holdWrites == null;
    }
}
