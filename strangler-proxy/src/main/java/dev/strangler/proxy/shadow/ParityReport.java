package dev.strangler.proxy.shadow;

import java.util.List;

/**
 * The shadow comparison figures of one route on this instance, since it started.
 *
 * @param route            the route
 * @param compared         mirrored requests whose two answers were compared
 * @param matched          of those, answers that agreed on everything compared except learned noise fields
 * @param mismatched       of those, answers that differed somewhere other than a learned noise field
 * @param parityPercent    {@code 100 × (compared − mismatched) / compared}; null before the first comparison
 * @param dropped          requests not mirrored because the mirror queue was full
 * @param skipped          requests not compared: method not mirrored, or an answer over the size cap
 * @param inFlux           requests not compared because what they name was being written (their answers saw
 *                         different states)
 * @param mirrorErrors     mirrors the extracted service did not answer (connection, timeout)
 * @param noiseSamples     requests asked of the monolith twice to learn noise
 * @param noise            the learned noise fields, most frequent first
 * @param mismatchGroups   the mismatches not explained by noise, grouped by their differing fields, the most
 *                         frequent first, each with its first examples
 */
public record ParityReport(String route, long compared, long matched, long mismatched, Double parityPercent,
                           long dropped, long skipped, long inFlux, long mirrorErrors, long noiseSamples,
                           List<NoiseField> noise, List<MismatchGroup> mismatchGroups) {
}
