package dev.strangler.scenario;

/** Keeps long bodies in a report readable. */
final class Abbreviation {

    static final int LIMIT = 300;

    private Abbreviation() {
    }

    static String of(String text) {
        return text.length() <= LIMIT ? text : text.substring(0, LIMIT) + "… (" + text.length() + " chars)";
    }
}
