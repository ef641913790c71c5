package dev.strangler.scenario;

/**
 * One difference between what a step expected and what it got.
 *
 * @param path     where: {@code status}, {@code header Location} or a JSON path such as {@code $.items[0].quantity}
 * @param expected what was expected, readable
 * @param actual   what came back, readable
 */
public record Mismatch(String path, String expected, String actual) {

    @Override
    public String toString() {
        return path + ": expected " + expected + " but was " + actual;
    }
}
