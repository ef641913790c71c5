package dev.strangler.scenario;

/** A scenario file that cannot be read or a step that cannot be sent, with the reason in the message. */
public class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
