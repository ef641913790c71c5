package dev.strangler.playbook;

/** A failure the CLI reports as one line with a chosen exit code. */
public class KitException extends RuntimeException {

    public static final int CHECK_FAILED = 1;
    public static final int USAGE_OR_CONFIGURATION = 2;

    private final int exitCode;

    public KitException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static KitException configuration(String message) {
        return new KitException(USAGE_OR_CONFIGURATION, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
