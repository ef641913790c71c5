package dev.strangler.proxy.routing;

import java.nio.charset.StandardCharsets;

/**
 * Maps a sticky key to a bucket 0..9999 with a hash that is the same on every instance, JVM and restart:
 * 64-bit FNV-1a over the key's UTF-8 bytes, then MurmurHash3's 64-bit finalizer to spread close keys (member 41 and
 * 42) across buckets, then the unsigned remainder by 10,000. A key goes to the extracted side iff its bucket is below
 * {@code percent × 100}, so raising the percentage only ever moves keys from legacy to extracted.
 */
public final class StickyBucket {

    public static final int BUCKETS = 10_000;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StickyBucket() {
    }

    public static int of(String key) {
        long hash = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= FNV_PRIME;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return (int) Long.remainderUnsigned(hash, BUCKETS);
    }
}
