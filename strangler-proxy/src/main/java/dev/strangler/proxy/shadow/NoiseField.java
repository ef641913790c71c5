package dev.strangler.proxy.shadow;

import java.time.Instant;

/**
 * A field that differed between two answers of the monolith to the same request (a timestamp, a generated id):
 * it says nothing about the extracted service, so it is left out of the parity figure. Listed so that a person
 * can confirm it and, once sure, add it to the route's {@code ignore-paths}.
 *
 * @param path        the normalised JSON path, {@code header:Name} or {@code status}
 * @param occurrences how many sampled request pairs differed there
 * @param firstSeen   when it was first seen
 * @param lastSeen    when it was last seen
 */
public record NoiseField(String path, long occurrences, Instant firstSeen, Instant lastSeen) {
}
