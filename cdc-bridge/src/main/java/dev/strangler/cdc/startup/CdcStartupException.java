package dev.strangler.cdc.startup;

/** A setting that keeps the bridge from capturing, with the setting to fix. Stops start-up. */
public class CdcStartupException extends RuntimeException {

    private final String action;

    public CdcStartupException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
