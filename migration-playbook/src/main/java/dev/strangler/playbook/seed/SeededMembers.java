package dev.strangler.playbook.seed;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;

/**
 * What orders need to know about the members of the same run, kept compact (a million members are 8 MB here):
 * ids are consecutive from {@code firstId}.
 */
final class SeededMembers {

    private final long firstId;
    private final long[] joinedEpochMillis;
    private final BitSet deleted;

    SeededMembers(long firstId, int count) {
        this.firstId = firstId;
        this.joinedEpochMillis = new long[count];
        this.deleted = new BitSet(count);
    }

    void record(SeedMember member) {
        int index = (int) (member.id() - firstId);
        joinedEpochMillis[index] = member.joinedAt().toInstant(ZoneOffset.UTC).toEpochMilli();
        deleted.set(index, member.deleted());
    }

    int count() {
        return joinedEpochMillis.length;
    }

    long id(int index) {
        return firstId + index;
    }

    LocalDateTime joinedAt(int index) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(joinedEpochMillis[index], 1000),
                (int) Math.floorMod(joinedEpochMillis[index], 1000) * 1_000_000, ZoneOffset.UTC);
    }

    boolean deleted(int index) {
        return deleted.get(index);
    }
}
