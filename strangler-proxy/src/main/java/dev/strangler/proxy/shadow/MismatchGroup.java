package dev.strangler.proxy.shadow;

import java.time.Instant;
import java.util.List;

/**
 * Mismatches that differed in exactly the same fields, Diffy's unit of review: one group is one kind of difference,
 * however many requests showed it.
 *
 * @param fields    the differing fields, sorted: {@code status}, {@code header:Name}, {@code body} or JSON paths
 * @param count     how many compared requests differed in exactly these fields
 * @param firstSeen when the first did
 * @param lastSeen  when the latest did
 * @param examples  the first few such requests, with both answers, for a person to read
 */
public record MismatchGroup(List<String> fields, long count, Instant firstSeen, Instant lastSeen,
                            List<Mismatch> examples) {
}
