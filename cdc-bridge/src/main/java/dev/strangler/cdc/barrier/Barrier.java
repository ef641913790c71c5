package dev.strangler.cdc.barrier;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one barrier.
 *
 * @param complete   whether every consumer group had applied everything committed before the barrier began
 * @param watermark  the watermark's sequence
 * @param tookMillis from the watermark's commit to the answer
 * @param groups     the groups waited for
 * @param lagging    for an incomplete barrier, what was still missing (e.g. a group's records behind per topic)
 */
public record Barrier(boolean complete, long watermark, long tookMillis, List<String> groups,
                      Map<String, String> lagging) {
}
